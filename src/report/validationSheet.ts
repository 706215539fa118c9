import { titleWithPeriod } from './periodText';
import type { AnalysisResult } from '../core/pipeline/analysisResult';
import type { Issue, IssueCode, Severity } from '../core/types';
import { num, STYLE, text } from './cells';
import { ISSUE_LABELS } from './issueLabels';
import { publishedIssue } from './publishedIssue';
import type { ModelCell, SheetModel } from './sheetModel';
import { VALIDATION_POLICY } from './validationPolicy';
import { wrappedNotes } from './wrappedNotes';

export const VALIDATION_HEADERS = [
  'Sheet',
  'Row',
  'Column',
  'Value',
  'Severity',
  'Problem',
  'Message',
  'Code',
] as const;

export const VALIDATION_SUMMARY_HEADERS = ['Input sheet', 'Problem', 'Severity', 'Rows', 'Listed below'] as const;

const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;

/** Widths of the summary's columns, the printed page (portrait, one page wide). */
const SUMMARY_WIDTHS = [22, 46, 10, 10, 18] as const;

/** What each severity does to a row, in words. */
const SEVERITY_MEANING: Readonly<Record<Severity, string>> = {
  error: 'the row is left out',
  warning: 'the row is kept, as the message says',
  info: 'the row is outside the scope chosen',
};

/**
 * Rows left out by the scope the analyst chose, not by a fault in the data: counted in the summary,
 * not listed row by row (a large extract has thousands, and the Method sheet reconciles them).
 */
const SCOPE_CODES: ReadonlySet<IssueCode> = new Set<IssueCode>([
  'ageOutsideBand',
  'offenceTypeOutOfScope',
  'dateOutsideWindow',
  'phaseOutOfScope',
  'residenceNotUsed',
]);

/** True for an issue that is only counted on the Validation sheet, not listed. */
export function isScopeExclusion(issue: Pick<Issue, 'code' | 'severity'>): boolean {
  return issue.severity === 'info' && SCOPE_CODES.has(issue.code);
}

interface SummaryLine {
  readonly sheet: string;
  readonly code: IssueCode;
  readonly severity: Severity;
  rows: number;
}

/** Problems by sheet, kind and severity, most rows first within each sheet. */
function summarise(issues: readonly Issue[]): SummaryLine[] {
  const lines = new Map<string, SummaryLine>();
  for (const issue of issues) {
    const key = `${issue.sheet}\u0000${issue.code}\u0000${issue.severity}`;
    const line = lines.get(key) ?? { sheet: issue.sheet, code: issue.code, severity: issue.severity, rows: 0 };
    line.rows += 1;
    lines.set(key, line);
  }
  return [...lines.values()].sort(
    (a, b) =>
      a.sheet.localeCompare(b.sheet) || SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || b.rows - a.rows,
  );
}

/**
 * The Validation sheet, for a reader on paper first: what the severities mean and what the sheet
 * withholds, then every kind of problem by sheet with its count — the printed page. Below it, off
 * the print area, every problem row by row (scope exclusions only counted), so an analyst can find
 * each one in the input. Values and messages pass through publishedIssue, so the sheet can travel
 * with the rest of the workbook (see validationPolicy). Problems are named in words; the code is
 * kept in the last column for filtering.
 */
export function buildValidationSheet(result: AnalysisResult): SheetModel {
  const issues = [...result.issues].sort(
    (a, b) =>
      a.sheet.localeCompare(b.sheet) || a.row - b.row || SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity],
  );
  const listed = issues.filter((issue) => !isScopeExclusion(issue));
  // The notes wrap across the summary's width, the printed page, rather than running off its edge.
  const notes = wrappedNotes(
    [
      { row: 0, cell: text(titleWithPeriod('Validation: every problem found in the input rows', result), STYLE.title) },
      {
        row: 1,
        cell: text(
          `Severity: error — ${SEVERITY_MEANING.error}; warning — ${SEVERITY_MEANING.warning}; info — ${SEVERITY_MEANING.info} (age band, offence types, dates, phases), ${
            result.disclosure.perturbation
              ? "not counted here under cell key perturbation (one run's count less another's would be an exact difference between scopes)"
              : 'counted here and reconciled on the Method sheet'
          }.`,
          STYLE.note,
        ),
      },
      ...VALIDATION_POLICY.map(([label, statement], i) => ({
        row: 3 + i,
        cell: text(`${label}: ${statement}`, STYLE.note),
      })),
    ],
    SUMMARY_WIDTHS,
  );
  const cells: { row: number; col: number; cell: ModelCell }[] = [
    ...notes.cells,
    {
      row: 2,
      col: 0,
      cell: text(
        'Personal values are withheld, so this sheet can be shared with the rest of the workbook:',
        STYLE.label,
      ),
    },
  ];
  const headingRow = 4 + VALIDATION_POLICY.length;
  cells.push({ row: headingRow, col: 0, cell: text('Problems by sheet and kind', STYLE.heading) });
  const summaryRow = headingRow + 1;
  VALIDATION_SUMMARY_HEADERS.forEach((header, col) =>
    cells.push({ row: summaryRow, col, cell: text(header, STYLE.label) }),
  );
  // Under perturbation the scope's exact row counts are not published (see the note above).
  const summary = summarise(result.disclosure.perturbation ? listed : issues);
  summary.forEach((line, i) => {
    const row = summaryRow + 1 + i;
    cells.push({ row, col: 0, cell: text(line.sheet) });
    cells.push({ row, col: 1, cell: text(ISSUE_LABELS[line.code]) });
    cells.push({ row, col: 2, cell: text(line.severity) });
    cells.push({ row, col: 3, cell: num(line.rows, STYLE.integer) });
    cells.push({ row, col: 4, cell: text(isScopeExclusion(line) ? 'no: counted only' : 'yes') });
  });
  if (summary.length === 0) cells.push({ row: summaryRow + 1, col: 0, cell: text('No problems were found.') });
  const summaryEnd = summaryRow + Math.max(summary.length, 1);
  const listNote = summaryEnd + 2;
  cells.push({
    row: listNote,
    col: 0,
    cell: text(
      `Every problem row by row (${listed.length.toLocaleString('en-GB')}), by sheet and row. This list is not part of the printed pages; to print it, set the print area to the table.`,
      STYLE.heading,
    ),
  });
  const tableRow = listNote + 1;
  const rows: ModelCell[][] = listed.map((issue) => {
    const shown = publishedIssue(issue, result);
    return [
      text(issue.sheet),
      num(issue.row),
      text(issue.column),
      text(shown.value, shown.withheld ? STYLE.note : undefined),
      text(issue.severity),
      text(ISSUE_LABELS[issue.code]),
      text(shown.message),
      text(issue.code),
    ];
  });
  if (rows.length === 0)
    rows.push([text('(none)'), num(0), text(''), text(''), text(''), text(''), text('No problems to list.'), text('')]);
  return {
    name: 'Validation',
    cells,
    tables: [{ name: 'tblValidation', row: tableRow, col: 0, headers: [...VALIDATION_HEADERS], rows }],
    charts: [],
    images: [],
    columnWidths: [...SUMMARY_WIDTHS, 30, 100, 18],
    merges: notes.merges,
    rowHeights: notes.rowHeights,
    freezeRows: tableRow + 1,
    print: {
      orientation: 'portrait',
      fitToWidth: true,
      area: { lastRow: summaryEnd, lastCol: VALIDATION_SUMMARY_HEADERS.length - 1 },
    },
    conditionalFills: [{ range: `E${tableRow + 2}:E${tableRow + 1 + rows.length}`, equals: 'error', fill: 'FFC7CE' }],
  };
}
