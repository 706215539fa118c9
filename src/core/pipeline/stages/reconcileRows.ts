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
  const used = new Set(sheet.usedRows);
  const firstReason = new Map<number, IssueCode>();
  for (const issue of issues) {
    if (
      issue.sheet !== sheet.sheet ||
      issue.row <= sheet.headerRow ||
      used.has(issue.row) ||
      firstReason.has(issue.row)
    )
      continue;
    if (isExcludingIssue(issue) || sheet.notUsedCodes.has(issue.code)) firstReason.set(issue.row, issue.code);
  }
  const counts = new Map<IssueCode, number>();
  for (const reason of firstReason.values()) counts.set(reason, (counts.get(reason) ?? 0) + 1);
  const excluded = [...counts.entries()]
    .map(([reason, rows]) => ({ reason, rows }))
    .sort((a, b) => b.rows - a.rows || a.reason.localeCompare(b.reason));
  return {
    role: sheet.role,
    sheet: sheet.sheet,
    rowsRead: sheet.rowsRead,
    rowsUsed: used.size,
    rowsBlank: sheet.rowsBlank,
    excluded,
  };
}

/** True when every row read is either used or excluded for a stated reason. */
export function reconciles(reconciliation: Reconciliation): boolean {
  const excluded = reconciliation.excluded.reduce((sum, entry) => sum + entry.rows, 0);
  return reconciliation.rowsUsed + excluded === reconciliation.rowsRead;
}
