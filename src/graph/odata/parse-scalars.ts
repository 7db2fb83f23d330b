// The single-value options: $top, $skip, $count and $search.
import { optionError } from './option-error.js';
import { queryLimits } from './limits.js';

export function parseTop(text: string): number {
  const value = /^\d{1,6}$/.test(text) ? Number(text) : Number.NaN;
  if (!(value <= queryLimits.maxTop)) {
    throw optionError('$top', `'${text}' is not an integer from 0 to ${queryLimits.maxTop}`);
  }

  return value;
}

export function parseSkip(text: string): number {
  const value = /^\d{1,15}$/.test(text) ? Number(text) : Number.NaN;
  if (!Number.isSafeInteger(value)) {
    throw optionError('$skip', `'${text}' is not a non-negative integer`);
  }

  return value;
}

export function parseCount(text: string): boolean {
  const lower = text.toLowerCase();
  if (lower !== 'true' && lower !== 'false') {
    throw optionError('$count', `'${text}' is neither true nor false`);
  }

  return lower === 'true';
}

/** One term, bare or in double quotes, matched as a substring; Graph's `name:term` form is not. */
export function parseSearch(text: string): string {
  const quoted = /^"([^"]*)"$/.exec(text.trim());
  const term = quoted ? (quoted[1] as string) : text.trim();
  if (term === '') throw optionError('$search', 'the search term is empty');
  if (term.length > queryLimits.maxSearchLength) {
    throw optionError('$search', `longer than ${queryLimits.maxSearchLength} characters`);
  }
  if (term.includes('"')) {
    throw optionError('$search', 'only one term is supported, bare or in double quotes');
  }
  if (/^[A-Za-z_]\w*:/.test(term)) {
    throw optionError('$search', `property-scoped search ('name:term') is not supported`);
  }

  return term;
}
