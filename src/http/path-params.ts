import { isGuid } from '../graph/body.js';
import { graphError } from '../graph/errors.js';

type Params = Readonly<Record<string, string | undefined>>;

export function guidParam(request: { params: unknown }, name: string, what: string): string {
  const value = (request.params as Params)[name] ?? '';
  if (!isGuid(value)) throw graphError('invalidId', { id: shorten(value), what });

  return value.toLowerCase();
}

const driverIdPattern = /^[A-Za-z0-9._-]{1,128}$/;

export function driverIdParam(request: { params: unknown }): string {
  const value = (request.params as Params).driverId ?? '';
  if (!driverIdPattern.test(value))
    throw graphError('invalidId', { id: shorten(value), what: 'driver' });

  return value;
}

function shorten(value: string): string {
  const printable = value.replace(/[^\x20-\x7e]/g, '?');

  return printable.length > 64 ? `${printable.slice(0, 64)}...` : printable;
}
