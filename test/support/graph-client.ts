// The official Microsoft Graph client pointed at an in-process drivergraph over plain loopback
// http. Two things differ from https: the stock authentication handler only sends tokens to
// https hosts, and the client takes a URL as absolute only when it starts with `https://`, so an
// `@odata.nextLink` or `Location` gets the base URL put in front of it again. This middleware
// undoes that prefix, adds the bearer token, and hands on to the client's own HTTP handler.
import assert from 'node:assert/strict';
import {
  Client,
  GraphError,
  HTTPMessageHandler,
  type Context,
  type Middleware,
} from '@microsoft/microsoft-graph-client';

class LoopbackBearer implements Middleware {
  private next: Middleware | undefined;

  constructor(private readonly token: () => string) {}

  async execute(context: Context): Promise<void> {
    if (typeof context.request === 'string') {
      const nested = context.request.indexOf('/http://');
      if (nested !== -1) context.request = context.request.slice(nested + 1);
    }
    const headers = new Headers(
      context.options?.headers as ConstructorParameters<typeof Headers>[0],
    );
    headers.set('Authorization', `Bearer ${this.token()}`);
    context.options = { ...context.options, headers: Object.fromEntries(headers.entries()) };
    await this.next!.execute(context);
  }

  setNext(next: Middleware): void {
    this.next = next;
  }
}

export function graphClient(baseUrl: string, token: string | (() => string)): Client {
  const bearer = new LoopbackBearer(typeof token === 'string' ? () => token : token);
  bearer.setNext(new HTTPMessageHandler());

  return Client.initWithMiddleware({ baseUrl, defaultVersion: 'beta', middleware: bearer });
}

/** The GraphError a request fails with; fails the test when it succeeds or fails otherwise. */
export async function graphErrorOf(work: Promise<unknown>): Promise<GraphError> {
  try {
    await work;
  } catch (error) {
    assert.ok(error instanceof GraphError, `expected a GraphError, got ${String(error)}`);

    return error;
  }
  assert.fail('the request succeeded');
}
