/**
 * Freezes a test's inputs all the way down, so a function that changes what it was given fails
 * loudly. Dates are left alone (freezing one does not stop its setters); a value already frozen is
 * not walked again, so shared and cyclic structures end.
 */
export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !(value instanceof Date) && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value as object)) deepFreeze(child);
  }
  return value;
}
