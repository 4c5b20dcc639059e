/** Test helper: a deep copy of a parse result without `loc`, for structural comparisons. */
export function stripLocations<T>(value: T): T {
  return JSON.parse(JSON.stringify(value, (key, v) => (key === 'loc' ? undefined : v))) as T;
}
