import type { LinkedTables } from './linkedTables';
import { isPrimarySensitive, type SuppressionRules } from './publishedCount';

/**
 * Primary suppression: the cells withheld on their own merits, counts from 1 to threshold − 1 (and
 * zeros when zeros are sensitive).
 * @example primarySuppression({ cells: [{ id: 'a', label: 'A', value: 3 }, { id: 'b', label: 'B', value: 9 }], relations: [] }, { threshold: 5 })
 * // => Set { 'a' }
 */
export function primarySuppression(tables: LinkedTables, rules: SuppressionRules): ReadonlySet<string> {
  return new Set(tables.cells.filter((cell) => isPrimarySensitive(cell.value, rules)).map((cell) => cell.id));
}
