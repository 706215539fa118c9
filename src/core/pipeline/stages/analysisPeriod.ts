import type { ColumnMapping } from '../../schema';
import type { AnalysisParameters, OffenceRecord, WorkbookData } from '../../types';
import { cellText } from '../../validate';
import { sheetByName } from './problems';

/** The period the figures cover, and where its ends come from. */
export interface AnalysisPeriod {
  readonly from: Date;
  readonly to: Date;
  /** 'window': both ends set by the date window; 'data': both the first and last offence counted; 'mixed': one of each. */
  readonly basis: 'window' | 'data' | 'mixed';
}

/**
 * The analysis period: each end of the date window where one is set, otherwise the first or last
 * date of the offences counted. Null when nothing is counted (the run stops before it is needed).
 * @example analysisPeriod({ dateFrom: 2020-04-01, ... }, offences up to 2021-02-14) // => 2020-04-01 to 2021-02-14, basis 'mixed'
 */
export function analysisPeriod(
  parameters: Pick<AnalysisParameters, 'dateFrom' | 'dateTo'>,
  counted: readonly Pick<OffenceRecord, 'offenceDate'>[],
): AnalysisPeriod | null {
  let first = Infinity;
  let last = -Infinity;
  for (const { offenceDate } of counted) {
    const time = offenceDate.getTime();
    if (time < first) first = time;
    if (time > last) last = time;
  }
  if (counted.length === 0 && (!parameters.dateFrom || !parameters.dateTo)) return null;
  const from = parameters.dateFrom ?? new Date(first);
  const to = parameters.dateTo ?? new Date(last);
  const basis =
    parameters.dateFrom && parameters.dateTo ? 'window' : !parameters.dateFrom && !parameters.dateTo ? 'data' : 'mixed';
  return { from, to, basis };
}

const YEAR = /(?:^|[^\d])((?:19|20)\d{2})(?:[^\d]|$)/;

/**
 * The year of the population estimates, where the wards sheet says it: in a population column's
 * header ('Mid-2020 population 10-17'), a title above the header row, or the sheet's name
 * ('Pop 2020'). Null when nothing states it; the Method sheet then says so.
 * @example populationYear(workbook with sheet 'Wards mid-2020') // => { year: '2020', source: "the sheet name 'Wards mid-2020'" }
 */
export function populationYear(
  workbook: WorkbookData,
  mapping: ColumnMapping,
): { readonly year: string; readonly source: string } | null {
  const sheet = sheetByName(workbook, mapping.sheet);
  const headerIndex = mapping.headerRow - (sheet?.firstRow ?? 1);
  const headers = sheet?.rows[headerIndex] ?? [];
  const populationColumns = [
    mapping.fields.youngPopulation?.column,
    ...(mapping.ageColumns ?? []).map((c) => c.column),
    ...(mapping.ageBandColumns ?? []).map((c) => c.column),
  ].filter((c): c is number => c !== undefined);
  for (const column of populationColumns) {
    const header = cellText(headers[column] ?? null);
    const match = YEAR.exec(header);
    if (match) return { year: match[1], source: `the header '${header}'` };
  }
  for (let row = 0; row < headerIndex; row += 1) {
    for (const cell of sheet?.rows[row] ?? []) {
      const text = cellText(cell);
      const match = /population|estimate|mid-?year/i.test(text) ? YEAR.exec(text) : null;
      if (match) return { year: match[1], source: `the title '${text}'` };
    }
  }
  const named = YEAR.exec(mapping.sheet);
  return named ? { year: named[1], source: `the sheet name '${mapping.sheet}'` } : null;
}
