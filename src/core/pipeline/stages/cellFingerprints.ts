import type { LinkedTables } from '../../disclosure';
import { fingerprintOfSorted } from '../../ledger';

/** Two sorted lists as one sorted list, duplicates kept (JavaScript's default string order). */
function mergeTwo(a: readonly string[], b: readonly string[]): string[] {
  const out = new Array<string>(a.length + b.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < a.length && j < b.length) out[k++] = b[j] < a[i] ? b[j++] : a[i++];
  while (i < a.length) out[k++] = a[i++];
  while (j < b.length) out[k++] = b[j++];
  return out;
}

/** Sorted lists as one sorted list, merged in pairs: O(n log k) for k lists of n records in all. */
export function mergeSorted(lists: readonly (readonly string[])[]): readonly string[] {
  let level: readonly (readonly string[])[] = lists;
  if (level.length === 0) return [];
  while (level.length > 1) {
    const next: (readonly string[])[] = [];
    for (let i = 0; i < level.length; i += 2)
      next.push(i + 1 < level.length ? mergeTwo(level[i], level[i + 1]) : level[i]);
    level = next;
  }
  return level[0];
}

/**
 * The records behind every cell, sorted: a leaf's own, sorted once; a total's, its parts' merged
 * (a young offender at two schools counts at each). Merging rather than sorting every total again
 * keeps a million-row area total cheap.
 */
function sortedRecordsOfEveryCell(
  tables: LinkedTables,
  leaves: ReadonlyMap<string, readonly string[]>,
): Map<string, readonly string[]> {
  const partsOf = new Map(tables.relations.map((relation) => [relation.total, relation.parts]));
  const memo = new Map<string, readonly string[]>();
  // Leaves first, then totals in an order where every part comes before its total (the tables are
  // a few levels deep; an explicit stack keeps the depth out of the call stack).
  for (const cell of tables.cells) {
    const stack: { readonly id: string; expanded: boolean }[] = [{ id: cell.id, expanded: false }];
    while (stack.length > 0) {
      const top = stack[stack.length - 1];
      if (memo.has(top.id)) {
        stack.pop();
        continue;
      }
      const parts = partsOf.get(top.id);
      if (!parts) {
        memo.set(top.id, [...(leaves.get(top.id) ?? [])].sort());
        stack.pop();
      } else if (!top.expanded) {
        top.expanded = true;
        for (const part of parts) if (!memo.has(part)) stack.push({ id: part, expanded: false });
      } else {
        memo.set(top.id, mergeSorted(parts.map((part) => memo.get(part) ?? [])));
        stack.pop();
      }
    }
  }
  return memo;
}

/** Fingerprints of every cell's records under the ledger's secret (cellFingerprint, for each cell). */
export function fingerprintCells(
  tables: LinkedTables,
  leaves: ReadonlyMap<string, readonly string[]>,
  secret: string,
): Map<string, string> {
  const records = sortedRecordsOfEveryCell(tables, leaves);
  return new Map(
    tables.cells.map((cell) => [cell.id, fingerprintOfSorted(secret, cell.id, records.get(cell.id) ?? [])]),
  );
}
