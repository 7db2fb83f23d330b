// Bounds on what one request may ask for; docs/query-options.md publishes the same numbers.
export const queryLimits = {
  maxFilterLength: 2000,
  maxFilterDepth: 32,
  maxFilterNodes: 250,
  maxInItems: 100,
  maxOrderByKeys: 8,
  maxSearchLength: 200,
  maxTop: 999,
  defaultPageSize: 100,
} as const;
