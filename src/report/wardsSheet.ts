import { BYAR_THRESHOLD, PER_THOUSAND } from '../core/rates';
import { titleWithPeriod } from './periodText';
import type {
  AnalysisResult,
  DistrictResult,
  RateEstimate,
  WardFunnel,
  WardResult,
} from '../core/pipeline/analysisResult';
import type { WardMeasure } from '../core/pipeline/publishedTables';
import type { PublishedCount } from '../core/disclosure';
import type { FlagMethod } from '../core/types';
import { address, columnLetter, formula, keyValueRows, num, publishedCell, STYLE, suppressed, text } from './cells';
import { funnelLimitFormulas } from './funnelFormulas';
import { acrossPages, headerFitWidths, ROW_POINTS, wrappedLineCount } from './printLayout';
import type { ModelCell, SheetModel, TableModel } from './sheetModel';
import { wrappedNotes } from './wrappedNotes';

/** Where the area figures sit, so other sheets' formulas can refer to them. */
export const WARDS_LAYOUT = {
  areaPopulation: address(3, 1, true),
  areaOffences: address(4, 1, true),
  areaOffenceRate: address(5, 1, true),
  areaOffenders: address(6, 1, true),
  areaOffenderRate: address(7, 1, true),
  confidence: address(8, 1, true),
  offencePhi: address(9, 1, true),
  offenceTauSquared: address(10, 1, true),
  offenderPhi: address(11, 1, true),
  offenderTauSquared: address(12, 1, true),
  tableRow: 14,
} as const;

/** The headers of one measure's columns on the Wards sheet, in order; the ratio to the area is shown for offences only. */
export interface MeasureHeaders {
  readonly count: string;
  readonly rate: string;
  readonly lowerCI: string;
  readonly upperCI: string;
  readonly ratio?: string;
  /** The funnel limits at the run's confidence level ('inner') and at 99.8% ('outer'). */
  readonly funnelLower: string;
  readonly funnelUpper: string;
  readonly outerLower: string;
  readonly outerUpper: string;
  readonly flag: string;
}

export const MEASURE_HEADERS: Readonly<Record<WardMeasure, MeasureHeaders>> = {
  offences: {
    count: 'Offences',
    rate: 'Offence rate per 1,000',
    lowerCI: 'Offence rate lower CI',
    upperCI: 'Offence rate upper CI',
    ratio: 'Offence ratio to area',
    funnelLower: 'Offence funnel lower',
    funnelUpper: 'Offence funnel upper',
    outerLower: 'Offence funnel lower 99.8%',
    outerUpper: 'Offence funnel upper 99.8%',
    flag: 'Offences vs area',
  },
  youngOffenders: {
    count: 'Young offenders resident',
    rate: 'Young offender rate per 1,000',
    lowerCI: 'Young offender rate lower CI',
    upperCI: 'Young offender rate upper CI',
    funnelLower: 'Young offender funnel lower',
    funnelUpper: 'Young offender funnel upper',
    outerLower: 'Young offender funnel lower 99.8%',
    outerUpper: 'Young offender funnel upper 99.8%',
    flag: 'Young offenders vs area',
  },
};

const measureHeaders = (headers: MeasureHeaders): string[] => [
  headers.count,
  headers.rate,
  headers.lowerCI,
  headers.upperCI,
  ...(headers.ratio ? [headers.ratio] : []),
  headers.funnelLower,
  headers.funnelUpper,
  headers.outerLower,
  headers.outerUpper,
  headers.flag,
];

export const WARD_HEADERS: readonly string[] = [
  'Ward code',
  'Ward name',
  'District',
  'Young population',
  ...measureHeaders(MEASURE_HEADERS.offences),
  ...measureHeaders(MEASURE_HEADERS.youngOffenders),
];

/** The 0-based column of a ward table header; a missing one is a broken report invariant. */
export function wardColumn(header: string): number {
  const index = WARD_HEADERS.indexOf(header);
  if (index < 0) throw new Error(`No column '${header}' on the Wards sheet.`);
  return index;
}

export const DISTRICT_HEADERS = [
  'District',
  'Wards',
  'Young population',
  'Offences',
  'Offence rate per 1,000',
  'Young offenders resident',
  'Young offender rate per 1,000',
] as const;

/** Columns frozen on screen and repeated on every printed block: the ward's code and name. */
const NAME_COLUMNS = { first: 0, last: 1 } as const;

/** Narrowest width of each ward column for its figures; the header then widens it to wrap in at most three lines. */
const WARD_MINIMUM_WIDTHS: Readonly<Record<string, number>> = {
  'Ward code': 24,
  'Ward name': 24,
  District: 14,
  'Young population': 9,
};

/**
 * The funnel limits of each measure: the flag's working and the funnel plot's lines, grouped and
 * collapsed so the table reads as counts, rates, intervals and flags (one click opens them).
 */
function funnelLimitColumns(): { first: number; last: number }[] {
  return (['offences', 'youngOffenders'] as const).map((measure) => {
    const headers = MEASURE_HEADERS[measure];
    return { first: wardColumn(headers.funnelLower), last: wardColumn(headers.outerUpper) };
  });
}

const FLAG_TEXT = { higher: 'Higher', similar: 'Similar', lower: 'Lower' } as const;

/** The area rate and τ² of each measure on the sheet: what its funnel limits are formulas of. */
const AREA_REFS: Readonly<Record<WardMeasure, { readonly rate: string; readonly tauSquared: string }>> = {
  offences: { rate: WARDS_LAYOUT.areaOffenceRate, tauSquared: WARDS_LAYOUT.offenceTauSquared },
  youngOffenders: { rate: WARDS_LAYOUT.areaOffenderRate, tauSquared: WARDS_LAYOUT.offenderTauSquared },
};

/**
 * Excel formulas for a Poisson interval on a rate per 1,000: exact (chi-square) limits below 10,
 * Byar's approximation from 10, as PHEindicatormethods. CHIINV is the right-tailed inverse, so
 * the lower limit's chi-square quantile at α/2 is CHIINV(1 - α/2, 2x).
 */
function intervalFormulas(count: string, population: string): { lower: string; upper: string } {
  const alpha = `(1-${WARDS_LAYOUT.confidence})`;
  const z = `NORMSINV(1-${alpha}/2)`;
  const lower = `IF(${count}=0,0,IF(${count}<${BYAR_THRESHOLD},CHIINV(1-${alpha}/2,2*${count})/2,${count}*(1-1/(9*${count})-${z}/(3*SQRT(${count})))^3))/${population}*${PER_THOUSAND}`;
  const upper = `IF(${count}<${BYAR_THRESHOLD},CHIINV(${alpha}/2,2*${count}+2)/2,(${count}+1)*(1-1/(9*(${count}+1))+${z}/(3*SQRT(${count}+1)))^3)/${population}*${PER_THOUSAND}`;
  return { lower, upper };
}

/**
 * The flag as a live formula on the row's cells, reproducing core's (rateEstimate):
 * - 'poisson': "Higher" when the interval's lower limit is above the area rate, "Lower" when its
 *   upper limit is below it;
 * - 'overdispersed': "Higher" when the rate is above the funnel's upper limit and the interval's
 *   lower limit above the area rate, "Lower" when the rate is below the funnel's lower limit and the
 *   interval's upper limit below the area rate.
 */
function flagFormula(
  method: FlagMethod,
  cells: { rate: string; lowerCI: string; upperCI: string; funnelLower: string; funnelUpper: string },
  areaRate: string,
): string {
  if (method === 'poisson')
    return `IF(${cells.lowerCI}>${areaRate},"Higher",IF(${cells.upperCI}<${areaRate},"Lower","Similar"))`;
  return `IF(AND(${cells.rate}>${cells.funnelUpper},${cells.lowerCI}>${areaRate}),"Higher",IF(AND(${cells.rate}<${cells.funnelLower},${cells.upperCI}<${areaRate}),"Lower","Similar"))`;
}

/** What a rate cell says when a ward has no young residents: there is no rate, and the reader is told why. */
export const NO_YOUNG_RESIDENTS = 'n/a (no young residents)';

/** What a ratio or funnel cell says when the area's total is 0: there is nothing to compare with. */
export const NO_AREA_RATE = 'n/a (area rate 0)';

/**
 * One measure's cells of a ward row, by header. A withheld count withholds everything derived from
 * it; so does a withheld area rate for the ratio, the funnel and the flag (each would give the area
 * rate away). Every shown figure is a live formula on the row's count and population and the area
 * block, written with core's value as its result.
 */
function measureCells(
  measure: WardMeasure,
  estimate: RateEstimate,
  row: number,
  youngPopulation: number,
  result: AnalysisResult,
): Map<string, ModelCell> {
  const headers = MEASURE_HEADERS[measure];
  const derived = measureHeaders(headers).slice(1);
  const cells = new Map<string, ModelCell>([[headers.count, publishedCell(estimate.published)]]);
  const fill = (make: () => ModelCell) => derived.forEach((header) => cells.set(header, make()));
  if (!estimate.published.shown) return (fill(suppressed), cells);
  if (!(youngPopulation > 0)) return (fill(() => text(NO_YOUNG_RESIDENTS, STYLE.note)), cells);
  const at = (header: string) => address(row, wardColumn(header));
  const area = AREA_REFS[measure];
  const areaRate = measure === 'offences' ? result.area.offenceRate : result.area.youngOffenderRate;
  const population = at('Young population');
  const { lower, upper } = intervalFormulas(at(headers.count), population);
  cells.set(headers.rate, formula(`${at(headers.count)}/${population}*${PER_THOUSAND}`, estimate.rate, STYLE.rate));
  cells.set(headers.lowerCI, formula(lower, estimate.lower, STYLE.rate));
  cells.set(headers.upperCI, formula(upper, estimate.upper, STYLE.rate));
  const funnel = estimate.funnel;
  const againstArea = [
    headers.ratio,
    headers.funnelLower,
    headers.funnelUpper,
    headers.outerLower,
    headers.outerUpper,
  ].filter((header): header is string => header !== undefined);
  if (!Number.isFinite(areaRate) || !funnel) {
    for (const header of [...againstArea, headers.flag]) cells.set(header, suppressed());
    return cells;
  }
  if (!(areaRate > 0)) {
    // Nothing counted in the whole area: no ratio and no funnel to compare with, and every ward 'Similar'.
    for (const header of againstArea) cells.set(header, text(NO_AREA_RATE, STYLE.note));
    cells.set(headers.flag, text(FLAG_TEXT[estimate.flag]));
    return cells;
  }
  if (headers.ratio)
    cells.set(headers.ratio, formula(`${at(headers.rate)}/${area.rate}`, estimate.rate / areaRate, STYLE.ratio));
  const refs = { areaRate: area.rate, population, tauSquared: area.tauSquared, confidence: WARDS_LAYOUT.confidence };
  const inner = funnelLimitFormulas(refs, 'inner');
  const outer = funnelLimitFormulas(refs, 'outer');
  cells.set(headers.funnelLower, formula(inner.lower, funnel.inner.lower, STYLE.rate));
  cells.set(headers.funnelUpper, formula(inner.upper, funnel.inner.upper, STYLE.rate));
  cells.set(headers.outerLower, formula(outer.lower, funnel.outer.lower, STYLE.rate));
  cells.set(headers.outerUpper, formula(outer.upper, funnel.outer.upper, STYLE.rate));
  const rowCells = {
    rate: at(headers.rate),
    lowerCI: at(headers.lowerCI),
    upperCI: at(headers.upperCI),
    funnelLower: at(headers.funnelLower),
    funnelUpper: at(headers.funnelUpper),
  };
  cells.set(
    headers.flag,
    formula(flagFormula(result.parameters.flagMethod, rowCells, area.rate), FLAG_TEXT[estimate.flag]),
  );
  return cells;
}

function wardRow(ward: WardResult, row: number, result: AnalysisResult): ModelCell[] {
  const cells = new Map<string, ModelCell>([
    ['Ward code', text(ward.wardCode)],
    ['Ward name', text(ward.wardName)],
    ['District', text(ward.districtName || ward.districtCode)],
    ['Young population', num(ward.youngPopulation, STYLE.integer)],
    ...measureCells('offences', ward.offences, row, ward.youngPopulation, result),
    ...measureCells('youngOffenders', ward.youngOffenders, row, ward.youngPopulation, result),
  ]);
  return WARD_HEADERS.map((header) => {
    const cell = cells.get(header);
    if (!cell) throw new Error(`The Wards sheet has no cell for '${header}' in ward ${ward.wardCode}'s row.`);
    return cell;
  });
}

/** A rate per 1,000 as a live formula on a published count, or [c] with it. */
function rateOfPublished(published: PublishedCount, count: string, population: string, value: number): ModelCell {
  if (published.shown && !Number.isFinite(value)) return text(NO_YOUNG_RESIDENTS, STYLE.note);
  return published.shown ? formula(`${count}/${population}*${PER_THOUSAND}`, value, STYLE.rate) : suppressed();
}

function districtRow(district: DistrictResult, row: number): ModelCell[] {
  const col = 0;
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
  const { rules, perturbation } = result.disclosure;
  if (perturbation)
    return `Counts are perturbed to protect confidentiality (ONS cell key method): each is moved by at most ${perturbation.table.maxNoise}, none is shown from 1 to ${rules.threshold - 1} (a count that small shows as 0 or ${rules.threshold}), totals are the sums of the counts shown, and every rate and figure is worked out from them (see Method).`;
  const small = rules.threshold > 1 ? `counts of 1–${rules.threshold - 1}` : 'no count for being small';
  const exact = result.disclosure.shownExactly;
  const exceptions =
    exact.length > 0
      ? ` ${exact.join('; ')}: shown exactly, as the Method sheet's placement figures tell ${exact.length === 1 ? 'it' : 'them'} exactly anyway.`
      : '';
  const rounding =
    rules.roundingBase === null
      ? ''
      : ` Shown counts are rounded to the nearest ${rules.roundingBase}, totals from unrounded values, so they need not add up.${exceptions}`;
  return `[c] = withheld to protect confidentiality: ${small}${rules.zerosSensitive ? ' and zeros' : ''}, further counts where a total would give one away, and every figure derived from them.${rounding}`;
}

/** φ and τ² of one measure for the area block: the estimate, or why there is none (τ² is then 0, the plain Poisson funnel). */
function dispersionCells(funnel: WardFunnel): [ModelCell, ModelCell] {
  const { dispersion } = funnel;
  if (dispersion.kind === 'estimated')
    return [num(dispersion.phi, { numberFormat: '0.00' }), num(dispersion.tauSquared, { numberFormat: '0.00000' })];
  if (dispersion.kind === 'noAreaRate')
    return [text('not estimated: no area rate above 0 is published', STYLE.note), text('n/a', STYLE.note)];
  return [
    text(
      `not estimated: ${dispersion.units === 1 ? 'one ward' : `${dispersion.units} wards`} shown, too few`,
      STYLE.note,
    ),
    num(0, { numberFormat: '0.00000' }),
  ];
}

/** How the flag column reads, in a sentence for the sheet's note. */
export function flagRuleText(result: AnalysisResult): string {
  const confidence = `${Number((result.parameters.confidenceLevel * 100).toFixed(1))}%`;
  return result.parameters.flagMethod === 'overdispersed'
    ? `"Higher" / "Lower": the rate lies outside the ${confidence} funnel limits round the area rate, widened for the spread between wards beyond chance (φ, τ² above; see Method), and its ${confidence} interval lies wholly above / below the area rate.`
    : `"Higher" / "Lower": the ${confidence} interval lies wholly above / below the area rate (the plain Poisson comparison, flag method "poisson"); the funnel limits are shown for comparison.`;
}

/**
 * The Wards sheet: area figures with each measure's over-dispersion φ and τ², one row per ward with
 * live rates, intervals, funnel limits and flags, and the district subtotals beside them. Each count
 * is printed as the disclosure control published it, so a withheld ward cannot be recovered by
 * subtracting the shown wards from its district, nor a withheld district from the area.
 */
export function buildWardsSheet(result: AnalysisResult): SheetModel {
  const { area, parameters } = result;
  const [youngest, oldest] = parameters.ageBand;
  const tableRow = WARDS_LAYOUT.tableRow;
  const rows = result.wards.map((ward, i) => wardRow(ward, tableRow + 1 + i, result));
  const last = tableRow + rows.length;
  // The districts sit below the wards, so the sheet prints as one table wide.
  const districtTableRow = last + 3;
  const districtRows = result.districts.map((district, i) => districtRow(district, districtTableRow + 1 + i));
  const tables: TableModel[] = [{ name: 'tblWards', row: tableRow, col: 0, headers: [...WARD_HEADERS], rows }];
  const offenceDispersion = dispersionCells(area.funnel.offences);
  const offenderDispersion = dispersionCells(area.funnel.youngOffenders);
  const flagFills = (['offences', 'youngOffenders'] as const).flatMap((measure) => {
    const letter = columnLetter(wardColumn(MEASURE_HEADERS[measure].flag));
    const range = `${letter}${tableRow + 2}:${letter}${last + 1}`;
    return [
      { range, equals: 'Higher', fill: 'FFC7CE' },
      { range, equals: 'Lower', fill: 'DDEBF7' },
    ];
  });
  // Each column fits both its ward header and the district header below it.
  const districtWidths = headerFitWidths(
    DISTRICT_HEADERS,
    DISTRICT_HEADERS.map(() => 4),
  );
  const widths = headerFitWidths(
    WARD_HEADERS,
    WARD_HEADERS.map((header, col) => Math.max(WARD_MINIMUM_WIDTHS[header] ?? 8, districtWidths[col] ?? 0)),
  );
  const collapsed = funnelLimitColumns();
  const printedWidths = widths.map((width, col) =>
    collapsed.some((range) => col >= range.first && col <= range.last) ? 0 : width,
  );
  const notes = wrappedNotes(
    [
      {
        row: 1,
        cell: text(
          `${withheldNote(result)} Rates, intervals, funnel limits and flags are live formulas on the published counts. ${flagRuleText(result)} The funnel limits are grouped out of the way: the + above the column letters opens them.`,
          STYLE.note,
        ),
      },
    ],
    printedWidths,
  );
  const cells: { row: number; col: number; cell: ModelCell }[] = [
    {
      row: 0,
      col: 0,
      cell: text(
        titleWithPeriod(
          `Wards: violence involving young people aged ${youngest}–${oldest}, per 1,000 young residents`,
          result,
        ),
        STYLE.title,
      ),
    },
    ...notes.cells,
    { row: 2, col: 0, cell: text('Area', STYLE.heading) },
    ...keyValueRows(3, 0, [
      ['Young population', num(area.youngPopulation, STYLE.integer)],
      ['Offences', publishedCell(area.offencesPublished)],
      [
        'Offence rate per 1,000',
        rateOfPublished(
          area.offencesPublished,
          WARDS_LAYOUT.areaOffences,
          WARDS_LAYOUT.areaPopulation,
          area.offenceRate,
        ),
      ],
      ['Young offenders resident', publishedCell(area.youngOffendersPublished)],
      [
        'Young offender rate per 1,000',
        rateOfPublished(
          area.youngOffendersPublished,
          WARDS_LAYOUT.areaOffenders,
          WARDS_LAYOUT.areaPopulation,
          area.youngOffenderRate,
        ),
      ],
      ['Confidence level', num(parameters.confidenceLevel, STYLE.percent)],
      ['Offences: over-dispersion φ', offenceDispersion[0]],
      ['Offences: between-ward variance τ²', offenceDispersion[1]],
      ['Young offenders: over-dispersion φ', offenderDispersion[0]],
      ['Young offenders: between-ward variance τ²', offenderDispersion[1]],
    ]),
  ];
  if (districtRows.length > 0) {
    cells.push({
      row: districtTableRow - 1,
      col: 0,
      cell: text('Districts: each the sum of its wards; the area is the sum of the districts.', STYLE.heading),
    });
    tables.push({
      name: 'tblDistricts',
      row: districtTableRow,
      col: 0,
      headers: [...DISTRICT_HEADERS],
      rows: districtRows,
    });
  }
  // Long area labels wrap in the ward-code column, in rows tall enough for them.
  const areaLabelHeights = cells
    .filter(({ row, col, cell }) => col === 0 && row >= 3 && row < tableRow && cell.kind === 'text')
    .map(({ row, cell }) => ({
      row,
      points: ROW_POINTS * wrappedLineCount(cell.kind === 'text' ? cell.value : '', widths[0]),
    }))
    .filter(({ points }) => points > ROW_POINTS);
  for (const placed of cells) {
    if (placed.col === 0 && placed.row >= 3 && placed.row < tableRow)
      placed.cell = { ...placed.cell, style: { ...placed.cell.style, wrap: true } };
  }
  return {
    name: 'Wards',
    cells,
    tables,
    charts: [],
    images: [],
    // Column A holds the ward codes and the area block's labels.
    columnWidths: widths,
    collapsedColumns: collapsed,
    merges: notes.merges,
    rowHeights: [...notes.rowHeights, ...areaLabelHeights],
    freezeRows: tableRow + 1,
    freezeColumns: NAME_COLUMNS.last + 1,
    print: { orientation: 'landscape', repeatRow: tableRow, ...acrossPages(printedWidths, 'landscape', NAME_COLUMNS) },
    conditionalFills: flagFills,
  };
}
