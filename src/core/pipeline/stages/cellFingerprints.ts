import type { LinkedTables } from '../../disclosure';
import { cellFingerprint } from '../../ledger';

/** The records behind every cell: a leaf's own, a total's those of its parts (a young offender at two schools counts at each). */
function recordsOfEveryCell(
  tables: LinkedTables,
  leaves: ReadonlyMap<string, readonly string[]>,
): Map<string, readonly string[]> {
  const partsOf = new Map(tables.relations.map((relation) => [relation.total, relation.parts]));
  const memo = new Map<string, readonly string[]>();
  const recordsOf = (id: string): readonly string[] => {
    const known = memo.get(id);
    if (known) return known;
    const parts = partsOf.get(id);
    const records = parts ? parts.flatMap(recordsOf) : (leaves.get(id) ?? []);
    memo.set(id, records);
    return records;
  };
  for (const cell of tables.cells) recordsOf(cell.id);
  return memo;
}

/** Fingerprints of every cell's records under the ledger's secret. */
export function fingerprintCells(
  tables: LinkedTables,
  leaves: ReadonlyMap<string, readonly string[]>,
  secret: string,
): Map<string, string> {
  const records = recordsOfEveryCell(tables, leaves);
  return new Map(tables.cells.map((cell) => [cell.id, cellFingerprint(secret, cell.id, records.get(cell.id) ?? [])]));
}
