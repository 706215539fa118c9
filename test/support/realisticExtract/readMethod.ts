/**
 * Reading the Method sheet's "Rows in and out" table back: per input sheet, rows read, used,
 * excluded (with each reason's rows), whether it reconciles, and the blank rows skipped.
 */
import type { CellValue, SheetData } from '../../../src/core/types';
import { ISSUE_LABELS } from '../../../src/report/issueLabels';

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

/** A reason line: '  excluded: age outside the band analysed', the reason in words (ISSUE_LABELS), read back as its code. */
const EXCLUDED_LINE = /excluded: (.*?)\s*$/;
const CODE_OF_LABEL = new Map(Object.entries(ISSUE_LABELS).map(([code, label]) => [label, code]));

export function rowsInAndOut(method: SheetData): SheetReconciliation[] {
  const start = method.rows.findIndex((row) => row[0] === 'Sheet' && row[1] === 'Role' && row[2] === 'Rows read');
  if (start < 0) throw new Error("no 'Rows in and out' table on the Method sheet");
  const entries: {
    sheet: string;
    role: string;
    read: CellValue;
    used: CellValue;
    excludedTotal: CellValue;
    reconciles: CellValue;
    blank: CellValue;
    reasons: Map<string, number>;
  }[] = [];
  for (const row of method.rows.slice(start + 1)) {
    if (row.every((cell) => cell === null || cell === '')) break;
    if (row[0] !== null && row[0] !== '') {
      entries.push({
        sheet: String(row[0]),
        role: String(row[1]),
        read: row[2],
        used: row[3],
        excludedTotal: row[4],
        reconciles: row[5],
        blank: row[6],
        reasons: new Map(),
      });
      continue;
    }
    const match = EXCLUDED_LINE.exec(String(row[1] ?? ''));
    const code = match ? CODE_OF_LABEL.get(match[1]) : undefined;
    if (!code || entries.length === 0) throw new Error(`unexpected line in Rows in and out: ${JSON.stringify(row)}`);
    const reasons = entries[entries.length - 1].reasons;
    reasons.set(code, (reasons.get(code) ?? 0) + Number(row[4]));
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
