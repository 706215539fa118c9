/**
 * Reading the Method sheet's "Rows in and out" table back: per input sheet, rows read, used,
 * excluded (with each reason's rows), whether it reconciles, and the blank rows skipped.
 */
import type { CellValue, SheetData } from '../../../src/core/types';

export interface SheetReconciliation {
  readonly sheet: string;
  readonly role: string;
  readonly read: CellValue;
  readonly used: CellValue;
  readonly excludedTotal: CellValue;
  readonly reconciles: CellValue;
  readonly blank: CellValue;
  /** Rows excluded by each reason code. */
  readonly reasons: ReadonlyMap<string, number>;
}

const EXCLUDED_LINE = /excluded: .*\((\w+)\)\s*$/;

export function rowsInAndOut(method: SheetData): SheetReconciliation[] {
  const start = method.rows.findIndex((row) => row[0] === 'Sheet' && row[1] === 'Role' && row[2] === 'Rows read');
  if (start < 0) throw new Error("no 'Rows in and out' table on the Method sheet");
  const entries: { sheet: string; role: string; read: CellValue; used: CellValue; excludedTotal: CellValue; reconciles: CellValue; blank: CellValue; reasons: Map<string, number> }[] = [];
  for (const row of method.rows.slice(start + 1)) {
    if (row.every((cell) => cell === null || cell === '')) break;
    if (row[0] !== null && row[0] !== '') {
      entries.push({ sheet: String(row[0]), role: String(row[1]), read: row[2], used: row[3], excludedTotal: row[4], reconciles: row[5], blank: row[6], reasons: new Map() });
      continue;
    }
    const match = EXCLUDED_LINE.exec(String(row[1] ?? ''));
    if (!match || entries.length === 0) throw new Error(`unexpected line in Rows in and out: ${JSON.stringify(row)}`);
    const reasons = entries[entries.length - 1].reasons;
    reasons.set(match[1], (reasons.get(match[1]) ?? 0) + Number(row[4]));
  }
  return entries;
}

export function reconciliationOf(method: SheetData, role: string): SheetReconciliation {
  const entry = rowsInAndOut(method).find((e) => e.role === role);
  if (!entry) throw new Error(`no '${role}' row in Rows in and out`);
  return entry;
}

/** A Map as a plain sorted object, for readable test failures. */
export function asObject(map: ReadonlyMap<string, number>): Record<string, number> {
  return Object.fromEntries([...map.entries()].filter(([, n]) => n > 0).sort(([a], [b]) => a.localeCompare(b)));
}
