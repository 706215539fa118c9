import { columnIndex } from '../../src/core/schema/columnLetter';
import type { AnalysisResult, RateEstimate } from '../../src/core/pipeline/analysisResult';
import { compareWithBenchmark, compareWithFunnel } from '../../src/core/rates';
import type { FlagMethod, RateFlag } from '../../src/core/types';
import { formula, num, text } from '../../src/report/cells';
import type { ModelCell, SheetModel } from '../../src/report/sheetModel';
import { MEASURE_HEADERS, wardColumn } from '../../src/report/wardsSheet';

/** How the Wards sheet words each flag. */
export const FLAG_WORDS: Readonly<Record<RateFlag, string>> = { higher: 'Higher', similar: 'Similar', lower: 'Lower' };

/** What the flag formula reads from its row. */
export interface FlagInputs {
  readonly rate: number;
  readonly lower: number;
  readonly upper: number;
  readonly funnelLower: number;
  readonly funnelUpper: number;
}

/**
 * Core's flag on given numbers: compareWithBenchmark for 'poisson'; for 'overdispersed',
 * compareWithFunnel and compareWithBenchmark combined as rateEstimate combines them (the funnel's
 * flag where the Poisson flag agrees, else 'similar'). rateEstimate computes its inputs itself, so
 * it cannot be handed a tie; `expectOracleMatchesCore` checks this combination against every
 * ward's flag in a real result.
 */
export function coreFlag(method: FlagMethod, inputs: FlagInputs, areaRate: number): RateFlag {
  const poisson = compareWithBenchmark({ lower: inputs.lower, upper: inputs.upper }, areaRate);
  if (method === 'poisson') return poisson;
  const outside = compareWithFunnel(inputs.rate, { lower: inputs.funnelLower, upper: inputs.funnelUpper });
  return outside === poisson ? poisson : 'similar';
}

/** Wards whose coreFlag on their own published figures is not core's flag for them (none, when the oracle is core's rule). */
export function oracleDisagreements(result: AnalysisResult): string[] {
  const method = result.parameters.flagMethod;
  const found: string[] = [];
  for (const ward of result.wards) {
    for (const [measure, areaRate] of [
      ['offences', result.area.offenceRate],
      ['youngOffenders', result.area.youngOffenderRate],
    ] as const) {
      const estimate: RateEstimate = ward[measure];
      if (!estimate.funnel || !estimate.published.shown) continue;
      const inputs = {
        rate: estimate.rate,
        lower: estimate.lower,
        upper: estimate.upper,
        funnelLower: estimate.funnel.inner.lower,
        funnelUpper: estimate.funnel.inner.upper,
      };
      const flag = coreFlag(method, inputs, areaRate);
      if (flag !== estimate.flag) found.push(`${ward.wardName} ${measure}: oracle ${flag}, core ${estimate.flag}`);
    }
  }
  return found;
}

export interface TieCase {
  readonly description: string;
  readonly inputs: FlagInputs;
  readonly expected: string;
}

/**
 * Rows where the flag formula's comparisons meet exact ties, which no real count can produce
 * (intervals and funnel limits come from chi-square and normal quantiles): the rate on a funnel
 * limit, an interval's limit on the area rate, a count of 0 on a lower limit of 0 (MAX(0,…)).
 * Every value is a multiple of the area rate by a power of two, 3 or 1.5, and each tie is the very
 * same number on both sides, so the tie is exact in both engines.
 */
function tieCases(area: number): Omit<TieCase, 'expected'>[] {
  const upperLimit = 2 * area;
  const lowerLimit = area / 2;
  const row = (
    description: string,
    rate: number,
    lower: number,
    upper: number,
    funnelLower = lowerLimit,
    funnelUpper = upperLimit,
  ) => ({ description, inputs: { rate, lower, upper, funnelLower, funnelUpper } });
  return [
    row('rate on the upper funnel limit, interval above the area rate', upperLimit, 1.5 * area, 3 * area),
    row('rate above the upper funnel limit, lower CI on the area rate', 3 * area, area, 4 * area),
    row('rate on the upper funnel limit, lower CI on the area rate', upperLimit, area, 3 * area),
    row('rate on the lower funnel limit, interval below the area rate', lowerLimit, lowerLimit / 2, 0.75 * area),
    row('rate below the lower funnel limit, upper CI on the area rate', lowerLimit / 2, lowerLimit / 4, area),
    row('rate on the lower funnel limit, upper CI on the area rate', lowerLimit, lowerLimit / 2, area),
    row('count 0 on a lower funnel limit of 0, interval below the area rate', 0, 0, 0.75 * area, 0),
    row('rate on the area rate, interval round it', area, lowerLimit, 1.5 * area),
    row('control: above the funnel, interval above the area rate', 3 * area, 1.5 * area, 4 * area),
    row('control: below the funnel, interval below the area rate', lowerLimit / 2, lowerLimit / 4, 0.75 * area),
  ];
}

/** The A1 references of a formula: absolute ones ($B$6) and relative ones (K17), by 0-based row and column. */
function references(expression: string): { absolute: boolean; row: number; col: number }[] {
  return [...expression.matchAll(/(\$?)([A-Z]{1,3})(\$?)(\d+)(?![\w(])/g)].map((match) => ({
    absolute: match[1] === '$' && match[3] === '$',
    row: Number(match[4]) - 1,
    col: columnIndex(match[2]) as number,
  }));
}

/**
 * A sheet 'Flag ties' that evaluates the Wards sheet's own offence flag formulas, as generated for
 * `wards`, on tie rows: each case sits in a ward row of the Wards table, with the rate, interval and
 * funnel limits it reads replaced by the case's numbers and the area rate it reads by core's, and
 * caches core's flag for those numbers as the formula's result. Recalculated with everything else,
 * so a flag formula whose `>` became `>=` (or `<` became `<=`) shows up here even though no real
 * count can tie.
 */
export function flagTieSheet(wards: SheetModel, result: AnalysisResult): { model: SheetModel; cases: TieCase[] } {
  const table = wards.tables.find((one) => one.name === 'tblWards');
  if (!table) throw new Error('The Wards sheet has no tblWards.');
  const headers = MEASURE_HEADERS.offences;
  const columns = {
    rate: wardColumn(headers.rate),
    lower: wardColumn(headers.lowerCI),
    upper: wardColumn(headers.upperCI),
    funnelLower: wardColumn(headers.funnelLower),
    funnelUpper: wardColumn(headers.funnelUpper),
  };
  const flagColumn = wardColumn(headers.flag);
  const area = result.area.offenceRate;
  const method = result.parameters.flagMethod;
  const cases = tieCases(area).map((one) => ({
    ...one,
    expected: FLAG_WORDS[coreFlag(method, one.inputs, area)],
  }));
  if (cases.length > table.rows.length) throw new Error('Too few ward rows for the tie cases.');

  const cells: { row: number; col: number; cell: ModelCell }[] = [];
  const areaCells = new Set<string>();
  cases.forEach((tie, index) => {
    const row = table.row + 1 + index;
    const flag = table.rows[index][flagColumn];
    if (flag.kind !== 'formula') throw new Error(`Ward row ${row + 1} has no flag formula to probe.`);
    const filled = new Set<string>();
    for (const [key, col] of Object.entries(columns) as [keyof FlagInputs, number][]) {
      cells.push({ row, col, cell: num(tie.inputs[key]) });
      filled.add(`${row},${col}`);
    }
    for (const ref of references(flag.formula)) {
      if (ref.absolute) areaCells.add(`${ref.row},${ref.col}`);
      else if (!filled.has(`${ref.row},${ref.col}`))
        throw new Error(`The flag formula ${flag.formula} reads a cell the probe does not fill (row ${ref.row + 1}).`);
    }
    cells.push({ row, col: 0, cell: text(tie.description) });
    cells.push({ row, col: flagColumn, cell: formula(flag.formula, tie.expected) });
  });
  if (areaCells.size !== 1)
    throw new Error(`The flag formulas read ${areaCells.size} absolute cells, not the area rate alone.`);
  for (const key of areaCells) {
    const [row, col] = key.split(',').map(Number);
    cells.push({ row, col, cell: num(area) });
  }
  return { model: { name: 'Flag ties', cells, tables: [], charts: [], images: [] }, cases };
}
