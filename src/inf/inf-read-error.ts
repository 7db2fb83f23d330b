// The one failure readInf reports by throwing: input that is not text at all. Everything a
// reader can work around becomes a warning instead.
export class InfReadError extends Error {
  override readonly name = 'InfReadError';
}
