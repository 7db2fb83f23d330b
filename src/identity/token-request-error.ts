/** A token request that cannot be honoured as asked; the message says what to change. */
export class TokenRequestError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TokenRequestError';
  }
}
