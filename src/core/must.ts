/**
 * The value under `key`, which the caller knows is in the map (it was built from the same ids): an
 * internal error naming `what` is missing when it is not, rather than an `undefined` travelling on.
 * Values must not be `undefined` themselves, so a missing key is the only way to get none.
 * @example must(new Map([['a', 1]]), 'a', 'count') // => 1
 */
export function must<K, V extends NonNullable<unknown> | null>(map: ReadonlyMap<K, V>, key: K, what: string): V {
  const value = map.get(key);
  if (value === undefined) throw new Error(`Internal error: no ${what} for '${String(key)}'.`);
  return value;
}
