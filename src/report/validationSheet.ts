import type { AnalysisResult } from '../core/pipeline/analysisResult';
import { num, STYLE, text } from './cells';
import type { ModelCell, SheetModel } from './sheetModel';

export const VALIDATION_HEADERS = ['Sheet', 'Row', 'Column', 'Value', 'Severity', 'Problem', 'Message'] as const;

const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;

/** The Validation sheet: a count by problem, then every issue found, by sheet and row. */
export function buildValidationSheet(result: AnalysisResult): SheetModel {
  const issues = [...result.issues].sort((a, b) => a.sheet.localeCompare(b.sheet) || a.row - b.row || SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
  const byCode = new Map<string, { severity: string; count: number }>();
  for (const issue of issues) {
    const key = `${issue.code}|${issue.severity}`;
    byCode.set(key, { severity: issue.severity, count: (byCode.get(key)?.count ?? 0) + 1 });
  }
  const cells: { row: number; col: number; cell: ModelCell }[] = [
    { row: 0, col: 0, cell: text('Validation: every problem found in the input rows', STYLE.title) },
    { row: 1, col: 0, cell: text('Errors exclude a row; warnings keep it with the stated treatment; info records rows left out of scope (age band, offence type, dates, phase). This sheet quotes input rows for the analyst\'s checks and is not covered by the disclosure control: remove it before the workbook is shared outside the police.', STYLE.note) },
    { row: 2, col: 0, cell: text('Problem', STYLE.label) },
    { row: 2, col: 1, cell: text('Severity', STYLE.label) },
    { row: 2, col: 2, cell: text('Rows', STYLE.label) },
  ];
  const summary = [...byCode.entries()].sort((a, b) => b[1].count - a[1].count);
  summary.forEach(([key, { severity, count }], i) => {
    cells.push({ row: 3 + i, col: 0, cell: text(key.split('|')[0]) });
    cells.push({ row: 3 + i, col: 1, cell: text(severity) });
    cells.push({ row: 3 + i, col: 2, cell: num(count, STYLE.integer) });
  });
  const tableRow = 4 + Math.max(summary.length, 1);
  const rows: ModelCell[][] = issues.map((issue) => [
    text(issue.sheet),
    num(issue.row),
    text(issue.column),
    text(issue.value),
    text(issue.severity),
    text(issue.code),
    text(issue.message),
  ]);
  if (rows.length === 0) rows.push([text('(none)'), num(0), text(''), text(''), text(''), text(''), text('No problems were found.')]);
  return {
    name: 'Validation',
    cells,
    tables: [{ name: 'tblValidation', row: tableRow, col: 0, headers: [...VALIDATION_HEADERS], rows }],
    charts: [],
    images: [],
    columnWidths: [22, 8, 22, 18, 10, 20, 100],
    freezeRows: tableRow + 1,
    conditionalFills: [{ range: `E${tableRow + 2}:E${tableRow + 1 + rows.length}`, equals: 'error', fill: 'FFC7CE' }],
  };
}
