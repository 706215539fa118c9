import { titleWithPeriod } from './periodText';
import type { AnalysisResult, SchoolResult } from '../core/pipeline/analysisResult';
import { address, formula, num, publishedCell, STYLE, text } from './cells';
import { PHASE_LABELS } from './phaseLabels';
import type { ModelCell, SheetModel, TableModel } from './sheetModel';
import { withheldNote, WARDS_LAYOUT } from './wardsSheet';

export const SCHOOL_HEADERS = [
  'Rank', 'Rank 95% lower', 'Rank 95% upper', 'URN', 'School', 'Phase', 'Pupils on roll', 'Catchment',
  'Exposure rate per 1,000', 'Exposure index (area = 100)', 'Share of pupils from higher-than-average wards',
  'Estimated pupils from higher-than-average wards', 'Young offenders attending', 'Decile', 'On current list', 'New candidate',
] as const;

const TABLE_ROW = 4;

/** Where the schools sheet gave no usable pupil count (the school is ranked on its observed catchment). */
const PUPILS_UNKNOWN = 'n/a (pupil count unknown)';

/** Where the schools table sits (its header row, 0-based), so other sheets' formulas can find a school's row. */
export const SCHOOLS_LAYOUT = { tableRow: TABLE_ROW } as const;

export const PHASE_TOTAL_HEADERS = ['Phase', 'Schools ranked', 'Young offenders attending'] as const;

/** The phase totals sit to the right of the schools table, one column apart, level with it. */
export const PHASE_TOTALS_COLUMN = SCHOOL_HEADERS.length + 1;

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
    Number.isFinite(areaRate.value) ? formula(`${address(row, 8)}/${areaRate.ref}*100`, (school.exposureRate / areaRate.value) * 100, STYLE.index) : num(school.exposureIndex, STYLE.index),
    num(school.shareFromHigherWards, STYLE.percent),
    school.pupilsKnown
      ? formula(`ROUND(${address(row, 6)}*${address(row, 10)},0)`, Math.round(school.pupils * school.shareFromHigherWards), STYLE.integer)
      : text(PUPILS_UNKNOWN, STYLE.note),
    publishedCell(school.offendersAttending),
    num(school.decile),
    text(school.onCurrentList ? 'Yes' : 'No'),
    text(school.newCandidate ? 'Yes' : ''),
  ];
}

/** Young offenders attending by phase, then over every school ranked: the totals the school column adds up to. */
function phaseTotalsTable(result: AnalysisResult): TableModel {
  const rows: ModelCell[][] = result.phaseTotals.map((phase) => [text(PHASE_LABELS[phase.phase]), num(phase.schools), publishedCell(phase.offendersAttending)]);
  rows.push([text('All schools ranked', STYLE.label), num(result.schools.length), publishedCell(result.schoolsAttendingTotal.published)]);
  return { name: 'tblPhaseTotals', row: TABLE_ROW, col: PHASE_TOTALS_COLUMN, headers: [...PHASE_TOTAL_HEADERS], rows };
}

/**
 * The Schools sheet: every school in scope, ranked, with its rank interval and list status, and
 * the phase totals of young offenders attending beside it. Exposure and the pupils from higher
 * wards are computed on the published ward counts (withheld wards at their pooled estimate), so no
 * school figure re-publishes a withheld ward count.
 */
export function buildSchoolsSheet(result: AnalysisResult): SheetModel {
  const areaRate = areaRateReference(result);
  const rows = result.schools.map((school, i) => schoolRow(school, TABLE_ROW + 1 + i, areaRate));
  const last = TABLE_ROW + rows.length;
  const measure = result.parameters.rankingMetric === 'offences' ? 'violent offences (counted where they happened)' : 'young offenders (counted where they live)';
  return {
    name: 'Schools',
    cells: [
      { row: 0, col: 0, cell: text(titleWithPeriod('Schools ranked by their pupils\' exposure to violence where they live', result), STYLE.title) },
      { row: 1, col: 0, cell: text(`Exposure rate = Σ over wards (share of the school's pupils living in the ward × ward rate of ${measure} per 1,000 young residents). Index: area average = 100. Rank 1 = most exposed; the 95% interval comes from ${result.parameters.simulations} seeded simulations (seed ${result.parameters.seed}).`, { ...STYLE.note, wrap: false }) },
      { row: 2, col: 0, cell: text(`Catchment: ${result.catchmentNote} "Modelled" catchments are estimates, not records. New candidate = in the top ${result.parameters.topN} and not on the current list. Exposure uses the published ward counts: a withheld ward counts at the pooled rate of the withheld wards under its nearest published total, and never as higher than average. ${withheldNote(result)}`, STYLE.note) },
      { row: TABLE_ROW - 1, col: PHASE_TOTALS_COLUMN, cell: text('Young offenders attending, by phase', STYLE.heading) },
    ],
    tables: [{ name: 'tblSchools', row: TABLE_ROW, col: 0, headers: [...SCHOOL_HEADERS], rows }, phaseTotalsTable(result)],
    charts: [],
    images: [],
    columnWidths: [7, 9, 9, 9, 36, 14, 10, 11, 11, 11, 13, 13, 11, 8, 9, 10, 3, 20, 10, 12],
    freezeRows: TABLE_ROW + 1,
    print: { orientation: 'landscape', fitToWidth: false, repeatRow: TABLE_ROW },
    conditionalFills: [{ range: `P${TABLE_ROW + 2}:P${last + 1}`, equals: 'Yes', fill: 'FFEB9C' }],
  };
}
