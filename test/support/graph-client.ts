// The official Microsoft Graph client pointed at an in-process drivergraph. Its stock
// authentication handler only sends tokens to https hosts, so over plain loopback http a small
// middleware adds the bearer token and hands on to the client's own HTTP handler.
import {
  Client,
  HTTPMessageHandler,
  type Context,
  type Middleware,
} from '@microsoft/microsoft-graph-client';

class BearerToken implements Middleware {
  private next: Middleware | undefined;

  constructor(private readonly token: () => string) {}

  async execute(context: Context): Promise<void> {
    const options = (context.options ??= {});
    const headers = new Headers(options.headers as HeadersInit | undefined);
    headers.set('Authorization', `Bearer ${this.token()}`);
    options.headers = Object.fromEntries(headers.entries());
    await this.next!.execute(context);
  }

  setNext(next: Middleware): void {
    this.next = next;
  }
}

export function graphClient(baseUrl: string, token: string | (() => string)): Client {
  const auth = new BearerToken(typeof token === 'string' ? () => token : token);
  auth.setNext(new HTTPMessageHandler());

  return Client.initWithMiddleware({ baseUrl, defaultVersion: 'beta', middleware: auth });
}
