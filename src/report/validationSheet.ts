import { titleWithPeriod } from './periodText';
import type { AnalysisResult } from '../core/pipeline/analysisResult';
import type { IssueCode, Severity } from '../core/types';
import { num, STYLE, text } from './cells';
import { ISSUE_LABELS } from './issueLabels';
import { publishedIssue } from './publishedIssue';
import type { ModelCell, SheetModel } from './sheetModel';
import { VALIDATION_POLICY } from './validationPolicy';

export const VALIDATION_HEADERS = ['Sheet', 'Row', 'Column', 'Value', 'Severity', 'Problem', 'Message'] as const;

const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;

/**
 * The Validation sheet: what the severities mean, what the sheet withholds and why, a count by
 * problem, then every issue found, by sheet and row. Values and messages pass through
 * publishedIssue, so the sheet can travel with the rest of the workbook (see validationPolicy).
 */
export function buildValidationSheet(result: AnalysisResult): SheetModel {
  const issues = [...result.issues].sort((a, b) => a.sheet.localeCompare(b.sheet) || a.row - b.row || SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
  const byCode = new Map<string, { code: IssueCode; severity: Severity; count: number }>();
  for (const issue of issues) {
    const key = `${issue.code}|${issue.severity}`;
    byCode.set(key, { code: issue.code, severity: issue.severity, count: (byCode.get(key)?.count ?? 0) + 1 });
  }
  const cells: { row: number; col: number; cell: ModelCell }[] = [
    { row: 0, col: 0, cell: text(titleWithPeriod('Validation: every problem found in the input rows', result), STYLE.title) },
    { row: 1, col: 0, cell: text('Errors exclude a row; warnings keep it with the stated treatment; info records rows left out of scope (age band, offence type, dates, phase).', STYLE.note) },
    { row: 2, col: 0, cell: text('Personal values are withheld, so this sheet can be shared with the rest of the workbook:', STYLE.label) },
  ];
  VALIDATION_POLICY.forEach(([label, statement], i) => {
    cells.push({ row: 3 + i, col: 0, cell: text(`${label}: ${statement}`, STYLE.note) });
  });
  const summaryRow = 4 + VALIDATION_POLICY.length;
  ['Problem', 'Severity', 'Rows', 'What it means'].forEach((header, col) => cells.push({ row: summaryRow, col, cell: text(header, STYLE.label) }));
  const summary = [...byCode.values()].sort((a, b) => b.count - a.count);
  summary.forEach(({ code, severity, count }, i) => {
    cells.push({ row: summaryRow + 1 + i, col: 0, cell: text(code) });
    cells.push({ row: summaryRow + 1 + i, col: 1, cell: text(severity) });
    cells.push({ row: summaryRow + 1 + i, col: 2, cell: num(count, STYLE.integer) });
    cells.push({ row: summaryRow + 1 + i, col: 3, cell: text(ISSUE_LABELS[code]) });
  });
  const tableRow = summaryRow + 2 + Math.max(summary.length, 1);
  const rows: ModelCell[][] = issues.map((issue) => {
    const shown = publishedIssue(issue, result);
    return [
      text(issue.sheet),
      num(issue.row),
      text(issue.column),
      text(shown.value, shown.withheld ? STYLE.note : undefined),
      text(issue.severity),
      text(issue.code),
      text(shown.message),
    ];
  });
  if (rows.length === 0) rows.push([text('(none)'), num(0), text(''), text(''), text(''), text(''), text('No problems were found.')]);
  return {
    name: 'Validation',
    cells,
    tables: [{ name: 'tblValidation', row: tableRow, col: 0, headers: [...VALIDATION_HEADERS], rows }],
    charts: [],
    images: [],
    columnWidths: [22, 8, 22, 20, 10, 20, 100],
    freezeRows: tableRow + 1,
    print: { orientation: 'landscape', fitToWidth: false, repeatRow: tableRow },
    conditionalFills: [{ range: `E${tableRow + 2}:E${tableRow + 1 + rows.length}`, equals: 'error', fill: 'FFC7CE' }],
  };
}
