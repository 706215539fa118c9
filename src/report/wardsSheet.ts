import { titleWithPeriod } from './periodText';
import type { AnalysisResult, DistrictResult, RateEstimate, WardResult } from '../core/pipeline/analysisResult';
import type { PublishedCount } from '../core/disclosure';
import { address, formula, keyValueRows, num, publishedCell, STYLE, suppressed, text } from './cells';
import type { ModelCell, SheetModel, TableModel } from './sheetModel';

/** Where the area figures sit, so other sheets' formulas can refer to them. */
export const WARDS_LAYOUT = {
  areaPopulation: address(3, 1, true),
  areaOffences: address(4, 1, true),
  areaOffenceRate: address(5, 1, true),
  areaOffenders: address(6, 1, true),
  areaOffenderRate: address(7, 1, true),
  confidence: address(8, 1, true),
  tableRow: 10,
} as const;

export const WARD_HEADERS = [
  'Ward code', 'Ward name', 'District', 'Young population',
  'Offences', 'Offence rate per 1,000', 'Offence rate lower CI', 'Offence rate upper CI', 'Offence ratio to area', 'Offences vs area',
  'Young offenders resident', 'Young offender rate per 1,000', 'Young offender rate lower CI', 'Young offender rate upper CI', 'Young offenders vs area',
] as const;

export const DISTRICT_HEADERS = [
  'District', 'Wards', 'Young population', 'Offences', 'Offence rate per 1,000', 'Young offenders resident', 'Young offender rate per 1,000',
] as const;

/** The district table sits to the right of the ward table, one column apart, level with it. */
export const DISTRICTS_COLUMN = WARD_HEADERS.length + 1;

const FLAG_TEXT = { higher: 'Higher', similar: 'Similar', lower: 'Lower' } as const;

/**
 * Excel formulas for a Poisson interval on a rate per 1,000: exact (chi-square) limits below 10,
 * Byar's approximation from 10, as PHEindicatormethods. CHIINV is the right-tailed inverse, so
 * the lower limit's chi-square quantile at α/2 is CHIINV(1 - α/2, 2x).
 */
function intervalFormulas(count: string, population: string): { lower: string; upper: string } {
  const alpha = `(1-${WARDS_LAYOUT.confidence})`;
  const z = `NORMSINV(1-${alpha}/2)`;
  const lower = `IF(${count}=0,0,IF(${count}<10,CHIINV(1-${alpha}/2,2*${count})/2,${count}*(1-1/(9*${count})-${z}/(3*SQRT(${count})))^3))/${population}*1000`;
  const upper = `IF(${count}<10,CHIINV(${alpha}/2,2*${count}+2)/2,(${count}+1)*(1-1/(9*(${count}+1))+${z}/(3*SQRT(${count}+1)))^3)/${population}*1000`;
  return { lower, upper };
}

/** What a rate cell says when a ward has no young residents: there is no rate, and the reader is told why. */
export const NO_YOUNG_RESIDENTS = 'n/a (no young residents)';

function rateCells(estimate: RateEstimate, countCol: number, populationCol: number, row: number, area: { ref: string; value: number }, withRatio: boolean, youngPopulation: number): ModelCell[] {
  const areaRate = area.ref;
  if (!estimate.published.shown) return [suppressed(), suppressed(), suppressed(), suppressed(), ...(withRatio ? [suppressed()] : [])];
  if (!(youngPopulation > 0)) return Array.from({ length: withRatio ? 5 : 4 }, () => text(NO_YOUNG_RESIDENTS, STYLE.note));
  const count = address(row, countCol);
  const population = address(row, populationCol);
  const rateCol = countCol + 1;
  const rate = address(row, rateCol);
  const { lower, upper } = intervalFormulas(count, population);
  const flagFormula = `IF(${address(row, rateCol + 1)}>${areaRate},"Higher",IF(${address(row, rateCol + 2)}<${areaRate},"Lower","Similar"))`;
  const cells: ModelCell[] = [
    formula(`${count}/${population}*1000`, estimate.rate, STYLE.rate),
    formula(lower, estimate.lower, STYLE.rate),
    formula(upper, estimate.upper, STYLE.rate),
  ];
  if (withRatio) cells.push(formula(`${rate}/${areaRate}`, estimate.rate / area.value, STYLE.ratio));
  cells.push(formula(flagFormula, FLAG_TEXT[estimate.flag]));
  return cells;
}

function wardRow(ward: WardResult, row: number, area: AnalysisResult['area']): ModelCell[] {
  return [
    text(ward.wardCode),
    text(ward.wardName),
    text(ward.districtName || ward.districtCode),
    num(ward.youngPopulation, STYLE.integer),
    publishedCell(ward.offences.published),
    ...rateCells(ward.offences, 4, 3, row, { ref: WARDS_LAYOUT.areaOffenceRate, value: area.offenceRate }, true, ward.youngPopulation),
    publishedCell(ward.youngOffenders.published),
    ...rateCells(ward.youngOffenders, 10, 3, row, { ref: WARDS_LAYOUT.areaOffenderRate, value: area.youngOffenderRate }, false, ward.youngPopulation),
  ];
}

/** A rate per 1,000 as a live formula on a published count, or [c] with it. */
function rateOfPublished(published: PublishedCount, count: string, population: string, value: number): ModelCell {
  if (published.shown && !Number.isFinite(value)) return text(NO_YOUNG_RESIDENTS, STYLE.note);
  return published.shown ? formula(`${count}/${population}*1000`, value, STYLE.rate) : suppressed();
}

function districtRow(district: DistrictResult, row: number): ModelCell[] {
  const col = DISTRICTS_COLUMN;
  const population = address(row, col + 2);
  return [
    text(district.districtName),
    num(district.wardCount),
    num(district.youngPopulation, STYLE.integer),
    publishedCell(district.offences.published),
    rateOfPublished(district.offences.published, address(row, col + 3), population, district.offences.rate),
    publishedCell(district.youngOffenders.published),
    rateOfPublished(district.youngOffenders.published, address(row, col + 5), population, district.youngOffenders.rate),
  ];
}

/** The note under each sheet's title saying what [c] means under this run's rules. */
export function withheldNote(result: AnalysisResult): string {
  const { rules } = result.disclosure;
  const small = rules.threshold > 1 ? `counts of 1–${rules.threshold - 1}` : 'no count for being small';
  const exact = result.disclosure.shownExactly;
  const exceptions = exact.length > 0 ? ` ${exact.join('; ')}: shown exactly, as the Method sheet's placement figures tell ${exact.length === 1 ? 'it' : 'them'} exactly anyway.` : '';
  const rounding = rules.roundingBase === null ? '' : ` Shown counts are rounded to the nearest ${rules.roundingBase}, totals from unrounded values, so they need not add up.${exceptions}`;
  return `[c] = withheld to protect confidentiality: ${small}${rules.zerosSensitive ? ' and zeros' : ''}, further counts where a total would give one away, and every figure derived from them.${rounding}`;
}

/**
 * The Wards sheet: area figures, one row per ward with live rates, intervals and flags, and the
 * district subtotals beside them. Each count is printed as the disclosure control published it, so
 * a withheld ward cannot be recovered by subtracting the shown wards from its district, nor a
 * withheld district from the area.
 */
export function buildWardsSheet(result: AnalysisResult): SheetModel {
  const { area, parameters } = result;
  const [youngest, oldest] = parameters.ageBand;
  const tableRow = WARDS_LAYOUT.tableRow;
  const rows = result.wards.map((ward, i) => wardRow(ward, tableRow + 1 + i, area));
  const last = tableRow + rows.length;
  const districtRows = result.districts.map((district, i) => districtRow(district, tableRow + 1 + i));
  const tables: TableModel[] = [{ name: 'tblWards', row: tableRow, col: 0, headers: [...WARD_HEADERS], rows }];
  const cells: { row: number; col: number; cell: ModelCell }[] = [
    { row: 0, col: 0, cell: text(titleWithPeriod(`Wards: violence involving young people aged ${youngest}–${oldest}, per 1,000 young residents`, result), STYLE.title) },
    { row: 1, col: 0, cell: text(`${withheldNote(result)} Rates, intervals and flags are live formulas on the published counts.`, STYLE.note) },
    { row: 2, col: 0, cell: text('Area', STYLE.heading) },
    ...keyValueRows(3, 0, [
      ['Young population', num(area.youngPopulation, STYLE.integer)],
      ['Offences', publishedCell(area.offencesPublished)],
      ['Offence rate per 1,000', rateOfPublished(area.offencesPublished, WARDS_LAYOUT.areaOffences, WARDS_LAYOUT.areaPopulation, area.offenceRate)],
      ['Young offenders resident', publishedCell(area.youngOffendersPublished)],
      ['Young offender rate per 1,000', rateOfPublished(area.youngOffendersPublished, WARDS_LAYOUT.areaOffenders, WARDS_LAYOUT.areaPopulation, area.youngOffenderRate)],
      ['Confidence level', num(parameters.confidenceLevel, STYLE.percent)],
    ]),
  ];
  if (districtRows.length > 0) {
    cells.push({ row: tableRow - 1, col: DISTRICTS_COLUMN, cell: text('Districts: each the sum of its wards; the area is the sum of the districts.', STYLE.heading) });
    tables.push({ name: 'tblDistricts', row: tableRow, col: DISTRICTS_COLUMN, headers: [...DISTRICT_HEADERS], rows: districtRows });
  }
  return {
    name: 'Wards',
    cells,
    tables,
    charts: [],
    images: [],
    columnWidths: [12, 28, 16, 12, 10, 12, 12, 12, 12, 12, 12, 12, 12, 12, 12, 3, ...(districtRows.length > 0 ? [20, 7, 12, 10, 12, 12, 12] : [])],
    freezeRows: tableRow + 1,
    print: { orientation: 'landscape', fitToWidth: false, repeatRow: tableRow },
    conditionalFills: [
      { range: `J${tableRow + 2}:J${last + 1}`, equals: 'Higher', fill: 'FFC7CE' },
      { range: `J${tableRow + 2}:J${last + 1}`, equals: 'Lower', fill: 'DDEBF7' },
      { range: `O${tableRow + 2}:O${last + 1}`, equals: 'Higher', fill: 'FFC7CE' },
      { range: `O${tableRow + 2}:O${last + 1}`, equals: 'Lower', fill: 'DDEBF7' },
    ],
  };
}
