import type { AnalysisResult, RateEstimate, WardResult } from '../core/pipeline/analysisResult';
import { address, formula, keyValueRows, num, publishedCell, STYLE, suppressed, text } from './cells';
import type { ModelCell, SheetModel } from './sheetModel';

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

function rateCells(estimate: RateEstimate, countCol: number, populationCol: number, row: number, area: { ref: string; value: number }, withRatio: boolean): ModelCell[] {
  const areaRate = area.ref;
  if (!estimate.published.shown) return [suppressed(), suppressed(), suppressed(), suppressed(), ...(withRatio ? [suppressed()] : [])];
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
    text(ward.districtName),
    num(ward.youngPopulation, STYLE.integer),
    publishedCell(ward.offences.published),
    ...rateCells(ward.offences, 4, 3, row, { ref: WARDS_LAYOUT.areaOffenceRate, value: area.offenceRate }, true),
    publishedCell(ward.youngOffenders.published),
    ...rateCells(ward.youngOffenders, 10, 3, row, { ref: WARDS_LAYOUT.areaOffenderRate, value: area.youngOffenderRate }, false),
  ];
}

/** The Wards sheet: area figures, then one row per ward with live rates, intervals and flags. */
export function buildWardsSheet(result: AnalysisResult): SheetModel {
  const { area, parameters } = result;
  const [youngest, oldest] = parameters.ageBand;
  const tableRow = WARDS_LAYOUT.tableRow;
  const rows = result.wards.map((ward, i) => wardRow(ward, tableRow + 1 + i, area));
  const last = tableRow + rows.length;
  return {
    name: 'Wards',
    cells: [
      { row: 0, col: 0, cell: text(`Wards: violence involving young people aged ${youngest}–${oldest}, per 1,000 young residents`, STYLE.title) },
      { row: 1, col: 0, cell: text(`[c] = withheld to protect confidentiality (counts of 1–${parameters.threshold - 1}, and figures derived from them). Rates, intervals and flags are live formulas on the published counts.`, STYLE.note) },
      { row: 2, col: 0, cell: text('Area', STYLE.heading) },
      ...keyValueRows(3, 0, [
        ['Young population', num(area.youngPopulation, STYLE.integer)],
        ['Offences', num(area.offences, STYLE.integer)],
        ['Offence rate per 1,000', formula(`${WARDS_LAYOUT.areaOffences}/${WARDS_LAYOUT.areaPopulation}*1000`, area.offenceRate, STYLE.rate)],
        ['Young offenders resident', num(area.youngOffenders, STYLE.integer)],
        ['Young offender rate per 1,000', formula(`${WARDS_LAYOUT.areaOffenders}/${WARDS_LAYOUT.areaPopulation}*1000`, area.youngOffenderRate, STYLE.rate)],
        ['Confidence level', num(parameters.confidenceLevel, STYLE.percent)],
      ]),
    ],
    tables: [{ name: 'tblWards', row: tableRow, col: 0, headers: [...WARD_HEADERS], rows }],
    charts: [],
    images: [],
    columnWidths: [12, 28, 16, 12, 10, 12, 12, 12, 12, 12, 12, 12, 12, 12, 12],
    freezeRows: tableRow + 1,
    conditionalFills: [
      { range: `J${tableRow + 2}:J${last + 1}`, equals: 'Higher', fill: 'FFC7CE' },
      { range: `J${tableRow + 2}:J${last + 1}`, equals: 'Lower', fill: 'DDEBF7' },
      { range: `O${tableRow + 2}:O${last + 1}`, equals: 'Higher', fill: 'FFC7CE' },
      { range: `O${tableRow + 2}:O${last + 1}`, equals: 'Lower', fill: 'DDEBF7' },
    ],
  };
}
