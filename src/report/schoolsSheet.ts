import { titleWithPeriod } from './periodText';
import type { AnalysisResult, SchoolResult } from '../core/pipeline/analysisResult';
import { address, columnLetter, formula, num, publishedCell, STYLE, text } from './cells';
import { ADVISORY_LINE } from './advisoryLine';
import { PHASE_LABELS } from './phaseLabels';
import { acrossPages, headerFitWidths } from './printLayout';
import { wrappedNotes } from './wrappedNotes';
import type { ModelCell, SheetModel, TableModel } from './sheetModel';
import { withheldNote, WARDS_LAYOUT } from './wardsSheet';

export const SCHOOL_HEADERS = [
  'Rank',
  'Rank 95% lower',
  'Rank 95% upper',
  'URN',
  'School',
  'Phase',
  'Pupils on roll',
  'Catchment',
  'Exposure rate per 1,000',
  'Exposure index (area = 100)',
  'Share of pupils from higher-than-average wards',
  'Estimated pupils from higher-than-average wards',
  'Young offenders attending',
  'Decile',
  'On current list',
  'New candidate',
] as const;

const TABLE_ROW = 4;

/** Where the schools sheet gave no usable pupil count (the school is ranked on its observed catchment). */
const PUPILS_UNKNOWN = 'n/a (pupil count unknown)';

/** Where the schools table sits (its header row, 0-based), so other sheets' formulas can find a school's row. */
export const SCHOOLS_LAYOUT = { tableRow: TABLE_ROW } as const;

export const PHASE_TOTAL_HEADERS = ['Phase', 'Schools ranked', 'Young offenders attending'] as const;

/**
 * Narrowest width of each column for its figures (the header then widens it to wrap in at most three
 * lines); a column not listed is 7 wide.
 */
const SCHOOL_MINIMUM_WIDTHS: Readonly<Record<string, number>> = {
  Rank: 5,
  URN: 8,
  School: 34,
  Phase: 11,
  Catchment: 10,
  'Pupils on roll': 8,
};

/** Columns frozen on screen and repeated on every printed block: rank to school name. */
const NAME_COLUMNS = { first: 0, last: SCHOOL_HEADERS.indexOf('School') } as const;

/**
 * The columns of this run's table: without young offenders attending unless the run publishes them
 * (AnalysisParameters.showAttending), as the figure most likely to stigmatise a school.
 */
export function schoolHeaders(result: AnalysisResult): readonly string[] {
  return result.parameters.showAttending
    ? SCHOOL_HEADERS
    : SCHOOL_HEADERS.filter((header) => header !== 'Young offenders attending');
}

/** The area rate the exposure index is measured against, on the Wards sheet. */
function areaRateReference(result: AnalysisResult): { ref: string; value: number } {
  return result.parameters.rankingMetric === 'offences'
    ? { ref: `{{Wards}}!${WARDS_LAYOUT.areaOffenceRate}`, value: result.area.offenceRate }
    : { ref: `{{Wards}}!${WARDS_LAYOUT.areaOffenderRate}`, value: result.area.youngOffenderRate };
}

function schoolRow(school: SchoolResult, row: number, areaRate: { ref: string; value: number }): ModelCell[] {
  return [
    num(school.rank),
    num(school.rankLower),
    num(school.rankUpper),
    text(school.urn),
    text(school.name),
    text(school.phaseText),
    school.pupilsKnown ? num(school.pupils, STYLE.integer) : text(PUPILS_UNKNOWN, STYLE.note),
    text(school.catchmentModel === 'observed' ? 'Observed' : 'Modelled'),
    num(school.exposureRate, STYLE.rate),
    Number.isFinite(areaRate.value)
      ? formula(`${address(row, 8)}/${areaRate.ref}*100`, (school.exposureRate / areaRate.value) * 100, STYLE.index)
      : num(school.exposureIndex, STYLE.index),
    num(school.shareFromHigherWards, STYLE.percent),
    school.pupilsKnown
      ? formula(
          `ROUND(${address(row, 6)}*${address(row, 10)},0)`,
          Math.round(school.pupils * school.shareFromHigherWards),
          STYLE.integer,
        )
      : text(PUPILS_UNKNOWN, STYLE.note),
    ...(school.offendersAttending ? [publishedCell(school.offendersAttending)] : []),
    num(school.decile),
    text(school.onCurrentList ? 'Yes' : 'No'),
    text(school.newCandidate ? 'Yes' : ''),
  ];
}

/** Young offenders attending by phase, then over every school ranked: the totals the school column adds up to. */
function phaseTotalsTable(result: AnalysisResult, tableRow: number): TableModel {
  const rows: ModelCell[][] = result.phaseTotals.map((phase) => [
    text(PHASE_LABELS[phase.phase]),
    num(phase.schools),
    publishedCell(phase.offendersAttending),
  ]);
  const total = result.schoolsAttendingTotal.published;
  if (total) rows.push([text('All schools ranked', STYLE.label), num(result.schools.length), publishedCell(total)]);
  // Under the school names, whose wide column holds the phase labels.
  return { name: 'tblPhaseTotals', row: tableRow, col: NAME_COLUMNS.last, headers: [...PHASE_TOTAL_HEADERS], rows };
}

/**
 * The Schools sheet: every school in scope, ranked, with its rank interval and list status, and
 * the phase totals of young offenders attending below it (so the sheet prints as one table wide). Exposure and the pupils from higher
 * wards are computed on the published ward counts (withheld wards at their pooled estimate), so no
 * school figure re-publishes a withheld ward count.
 */
export function buildSchoolsSheet(result: AnalysisResult): SheetModel {
  const areaRate = areaRateReference(result);
  const rows = result.schools.map((school, i) => schoolRow(school, TABLE_ROW + 1 + i, areaRate));
  const last = TABLE_ROW + rows.length;
  const measure =
    result.parameters.rankingMetric === 'offences'
      ? 'violent offences (counted where they happened)'
      : 'young offenders (counted where they live)';
  const headers = schoolHeaders(result);
  // Each column fits both its schools header and the phase totals header below it.
  const phaseWidths = headerFitWidths(
    PHASE_TOTAL_HEADERS,
    PHASE_TOTAL_HEADERS.map(() => 4),
  );
  const widths = headerFitWidths(
    headers,
    headers.map((header, col) =>
      Math.max(SCHOOL_MINIMUM_WIDTHS[header] ?? 7, phaseWidths[col - NAME_COLUMNS.last] ?? 0),
    ),
  );
  const attendingShown = result.schoolsAttendingTotal.published !== null;
  const phaseHeading = last + 3;
  const notes = wrappedNotes(
    [
      {
        row: 1,
        cell: text(
          `Exposure rate = Σ over wards (share of the school's pupils living in the ward × ward rate of ${measure} per 1,000 young residents). Index: area average = 100. Rank 1 = most exposed; the 95% interval comes from ${result.parameters.simulations} seeded simulations (seed ${result.parameters.seed}).`,
          STYLE.note,
        ),
      },
      {
        row: 2,
        cell: text(
          `Catchment: ${result.catchmentNote} "Modelled" catchments are estimates, not records. New candidate = in the top ${result.parameters.topN} and not on the current list. ${result.disclosure.perturbation ? 'Exposure uses the published (perturbed) ward counts.' : 'Exposure uses the published ward counts: a withheld ward counts at the pooled rate of the withheld wards under its nearest published total, and never as higher than average.'} ${withheldNote(result)}`,
          STYLE.note,
        ),
      },
      { row: 3, cell: text(ADVISORY_LINE, STYLE.note) },
    ],
    widths,
  );
  return {
    name: 'Schools',
    cells: [
      {
        row: 0,
        col: 0,
        cell: text(
          titleWithPeriod("Schools ranked by their pupils' exposure to violence where they live", result),
          STYLE.title,
        ),
      },
      ...notes.cells,
      ...(attendingShown
        ? [
            {
              row: phaseHeading,
              col: NAME_COLUMNS.last,
              cell: text('Young offenders attending, by phase', STYLE.heading),
            },
          ]
        : []),
    ],
    tables: [
      { name: 'tblSchools', row: TABLE_ROW, col: 0, headers: [...headers], rows },
      ...(attendingShown ? [phaseTotalsTable(result, phaseHeading + 1)] : []),
    ],
    charts: [],
    images: [],
    columnWidths: widths,
    merges: notes.merges,
    rowHeights: notes.rowHeights,
    freezeRows: TABLE_ROW + 1,
    freezeColumns: NAME_COLUMNS.last + 1,
    print: { orientation: 'landscape', repeatRow: TABLE_ROW, ...acrossPages(widths, 'landscape', NAME_COLUMNS) },
    conditionalFills: [
      {
        range: `${columnLetter(headers.indexOf('New candidate'))}${TABLE_ROW + 2}:${columnLetter(headers.indexOf('New candidate'))}${last + 1}`,
        equals: 'Yes',
        fill: 'FFEB9C',
      },
    ],
  };
}
