import type { Issue, IssueCode, SheetRole } from '../../types';
import { isExcludingIssue } from '../../validate';
import type { Reconciliation } from '../analysisResult';

export interface SheetToReconcile {
  readonly role: SheetRole;
  readonly sheet: string;
  readonly headerRow: number;
  readonly rowsRead: number;
  readonly rowsBlank: number;
  /** Source rows of the records the analysis used. */
  readonly usedRows: readonly number[];
  /** Codes that, on a row not used, name why (besides every excluding issue). */
  readonly notUsedCodes: ReadonlySet<IssueCode>;
}

/**
 * Rows in and out of one input sheet: rows read = rows used + rows excluded, each excluded row
 * counted once, by the first reason reported for it. Rows not used that no issue explains are
 * counted as 'unexplained' so a gap shows rather than hides (the Method sheet then reads "No").
 * O(issues + rows).
 */
export function reconcileRows(sheet: SheetToReconcile, issues: readonly Issue[]): Reconciliation {
  const counts = excludedByReason(sheet, issues);
  const excluded = [...counts.reasons.entries()]
    .map(([reason, rows]) => ({ reason, rows }))
    .sort((a, b) => b.rows - a.rows || a.reason.localeCompare(b.reason));
  return {
    role: sheet.role,
    sheet: sheet.sheet,
    rowsRead: sheet.rowsRead,
    rowsUsed: counts.rowsUsed,
    rowsBlank: sheet.rowsBlank,
    excluded,
  };
}

/** A row number that can index a byte array (worksheet rows, CSV lines); anything else is counted with a map. */
const MAX_INDEXED_ROW = 1 << 24;
const indexable = (row: number): boolean => Number.isInteger(row) && row >= 0 && row <= MAX_INDEXED_ROW;

/**
 * The rows used, and the rows excluded by each reason (each row by its first, reasons in the order
 * first met). Rows are marked in byte arrays indexed by row number rather than in a set and a map
 * when every row number allows it: a large extract has a million rows used or excluded, and each
 * sheet's reconciliation reads every issue.
 */
function excludedByReason(
  sheet: SheetToReconcile,
  issues: readonly Issue[],
): { readonly rowsUsed: number; readonly reasons: Map<IssueCode, number> } {
  let lastRow = 0;
  let dense = true;
  for (const row of sheet.usedRows) {
    if (!indexable(row)) dense = false;
    else if (row > lastRow) lastRow = row;
  }
  for (const issue of issues) {
    if (issue.sheet !== sheet.sheet) continue;
    if (!indexable(issue.row)) dense = false;
    else if (issue.row > lastRow) lastRow = issue.row;
  }
  const marks = (): { has: (row: number) => boolean; add: (row: number) => void; readonly size: () => number } => {
    if (!dense) {
      const set = new Set<number>();
      return { has: (row) => set.has(row), add: (row) => void set.add(row), size: () => set.size };
    }
    const marked = new Uint8Array(lastRow + 1);
    let size = 0;
    return {
      has: (row) => marked[row] === 1,
      add: (row) => {
        if (marked[row] === 0) size += 1;
        marked[row] = 1;
      },
      size: () => size,
    };
  };
  const used = marks();
  for (const row of sheet.usedRows) used.add(row);
  const explained = marks();
  const reasons = new Map<IssueCode, number>();
  for (const issue of issues) {
    if (issue.sheet !== sheet.sheet || issue.row <= sheet.headerRow || used.has(issue.row) || explained.has(issue.row))
      continue;
    if (isExcludingIssue(issue) || sheet.notUsedCodes.has(issue.code)) {
      explained.add(issue.row);
      reasons.set(issue.code, (reasons.get(issue.code) ?? 0) + 1);
    }
  }
  return { rowsUsed: used.size(), reasons };
}

/** True when every row read is either used or excluded for a stated reason. */
export function reconciles(reconciliation: Reconciliation): boolean {
  const excluded = reconciliation.excluded.reduce((sum, entry) => sum + entry.rows, 0);
  return reconciliation.rowsUsed + excluded === reconciliation.rowsRead;
}
