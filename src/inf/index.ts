export type * from './types.js';
export { InfReadError } from './inf-read-error.js';
export { readInf } from './read-inf.js';
export type { ReadInfOptions } from './read-inf.js';
