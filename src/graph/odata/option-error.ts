import { graphError, type GraphError } from '../errors.js';

/** A 400 for the given option, naming the problem and, where known, where it sits in the text. */
export function optionError(option: string, reason: string, position?: number): GraphError {
  const where = position === undefined ? '' : ` at position ${position}`;

  return graphError('invalidQueryOption', { option, reason: `${reason}${where}` });
}

export function filterError(reason: string, position?: number): GraphError {
  return optionError('$filter', reason, position);
}
