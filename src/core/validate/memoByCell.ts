import type { CellValue } from '../types';

/** Distinct cell values remembered; past this many the rest are read each time, so memory stays bounded. */
const MAX_REMEMBERED = 65_536;

/**
 * A reading of a cell value remembered by the value: a text or a number by itself (a Map keeps
 * the text '1' and the number 1 apart) and a `Date` by its time, in a map of its own; other values
 * (blanks, booleans) are read each time. A column of a million offence dates holds a few thousand
 * distinct days, so each day is read once and its result (a `Date`) shared by every row of that
 * day instead of made again per row. `read` must depend on the value alone, and what it returns
 * must not be changed by its users.
 * @example const read = memoByCell((value) => String(value).length); read('abc'); read('abc') // read once => 3
 */
export function memoByCell<T>(read: (value: CellValue) => T): (value: CellValue) => T {
  const byValue = new Map<string | number, T>();
  const byTime = new Map<number, T>();
  const remember = <K>(map: Map<K, T>, key: K, value: CellValue): T => {
    const known = map.get(key);
    if (known !== undefined || map.has(key)) return known as T;
    const result = read(value);
    if (map.size < MAX_REMEMBERED) map.set(key, result);
    return result;
  };
  return (value) => {
    if (typeof value === 'string' || typeof value === 'number') return remember(byValue, value, value);
    if (value instanceof Date) return remember(byTime, value.getTime(), value);
    return read(value);
  };
}
