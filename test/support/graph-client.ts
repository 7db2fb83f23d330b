// The official Microsoft Graph client pointed at an in-process drivergraph over plain loopback
// http. Two things differ from https: the stock authentication handler only sends tokens to
// https hosts, and the client takes a URL as absolute only when it starts with `https://`, so an
// `@odata.nextLink` or `Location` gets the base URL put in front of it again. This middleware
// undoes that prefix, adds the bearer token, and hands on to the client's own HTTP handler.
import {
  Client,
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
