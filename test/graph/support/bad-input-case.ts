// One malformed request and the Graph error it must get back.

export interface BadRequestCase {
  readonly name: string;
  readonly method: string;
  readonly path: string;
  readonly body?: unknown;
  readonly raw?: string | Uint8Array;
  /** null sends no Content-Type; absent sends application/json when there is a body. */
  readonly contentType?: string | null;
  readonly status: number;
  readonly code: string;
  /** Part of the message a client can act on, when the case is about one thing. */
  readonly message?: RegExp;
}

/** Paths of the resources the cases aim at; every one exists when the table runs. */
export interface CaseTargets {
  /** A manual profile with two group assignments and two drivers. */
  readonly manual: string;
  readonly automatic: string;
  readonly firstAssignment: string;
  readonly secondAssignment: string;
  /** A driver awaiting review and an approved one. */
  readonly reviewDriver: string;
  readonly approvedDriver: string;
}

export const collection = '/beta/deviceManagement/windowsDriverUpdateProfiles';
export const unknownGuid = '0d4e5f60-0000-4000-8000-00000000dead';
export const groupA = 'a0000000-0000-4000-8000-00000000000a';
export const groupB = 'b0000000-0000-4000-8000-00000000000b';

type Expectation = [status: number, code: string, message?: RegExp];

const badRequest = (message?: RegExp): Expectation => [400, 'BadRequest', message];

export function badCase(
  name: string,
  request: Pick<BadRequestCase, 'method' | 'path' | 'body' | 'raw' | 'contentType'>,
  [status, code, message]: Expectation = badRequest(),
): BadRequestCase {
  return { name, ...request, status, code, ...(message && { message }) };
}

/** A 400 BadRequest whose message names `property` (or matches the pattern). */
export function invalid(
  name: string,
  method: string,
  path: string,
  body: unknown,
  property: string | RegExp,
): BadRequestCase {
  const message =
    typeof property === 'string'
      ? new RegExp(`'${property.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}'`)
      : property;

  return badCase(name, { method, path, body }, badRequest(message));
}

export const expect = {
  badRequest,
  notFound: (): Expectation => [404, 'ResourceNotFound'],
  methodNotAllowed: (): Expectation => [405, 'MethodNotAllowed'],
  conflict: (): Expectation => [409, 'Conflict'],
  tooLarge: (): Expectation => [413, 'RequestEntityTooLarge'],
};
