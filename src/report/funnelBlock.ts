import type { AnalysisResult } from '../core/pipeline/analysisResult';
import { funnelLimits, OUTER_FUNNEL_CONFIDENCE } from '../core/rates';
import { address, formula, STYLE, text } from './cells';
import { FUNNEL_LIMIT_COLUMNS, FUNNEL_WARD_COLUMNS } from './funnelChart';
import { funnelLimitFormulas } from './funnelFormulas';
import type { ModelCell } from './sheetModel';
import { MEASURE_HEADERS, wardColumn, WARDS_LAYOUT } from './wardsSheet';

/** Populations at which the funnel's lines are drawn: this many steps from the smallest shown ward to the largest. */
export const FUNNEL_STEPS = 40;

export interface FunnelBlock {
  readonly cells: { row: number; col: number; cell: ModelCell }[];
  /** The wards block's body rows (header above the first). */
  readonly wards: { readonly firstRow: number; readonly lastRow: number };
  /** The limits block's body rows. */
  readonly limits: { readonly firstRow: number; readonly lastRow: number };
}

/**
 * The funnel plot's data on the Charts sheet, from `headerRow` down and `col` across, as live formulas on the Wards
 * sheet: a block of the shown wards of the ranking measure with young residents (smallest first),
 * each reading its young population and rate from its Wards row; then a block of FUNNEL_STEPS + 1
 * populations spaced evenly on a log scale from the smallest of those wards to the largest (formulas
 * of the block above), with the area rate and the funnel limits at the confidence level and at 99.8%
 * (funnelLimitFormulas on the Wards sheet's area rate, τ² and confidence level). Withheld wards are
 * left out, as on the other charts. Null when there is nothing to plot, or no published area rate
 * (the limits would give it away).
 */
export function funnelBlock(result: AnalysisResult, headerRow: number, col = 0): FunnelBlock | null {
  const measure = result.parameters.rankingMetric;
  const areaRate = measure === 'offences' ? result.area.offenceRate : result.area.youngOffenderRate;
  const funnel = result.area.funnel[measure];
  if (!Number.isFinite(areaRate) || funnel.dispersion.kind === 'noAreaRate') return null;
  const plotted = result.wards
    .map((ward, index) => ({ ward, estimate: ward[measure], wardsRow: WARDS_LAYOUT.tableRow + 1 + index }))
    .filter(
      ({ ward, estimate }) => estimate.published.shown && ward.youngPopulation > 0 && Number.isFinite(estimate.rate),
    )
    .sort((a, b) => a.ward.youngPopulation - b.ward.youngPopulation || a.ward.wardCode.localeCompare(b.ward.wardCode));
  if (plotted.length === 0) return null;

  const headers = MEASURE_HEADERS[measure];
  const wardsRef = (row: number, header: string) => `{{Wards}}!${address(row, wardColumn(header))}`;
  const cells: FunnelBlock['cells'] = [];
  const put = (row: number, offset: number, cell: ModelCell) => cells.push({ row, col: col + offset, cell });
  ['Ward (funnel plot)', 'Young population', 'Rate per 1,000'].forEach((header, offset) =>
    put(headerRow, offset, text(header, STYLE.label)),
  );
  const firstWard = headerRow + 1;
  plotted.forEach(({ ward, estimate, wardsRow }, index) => {
    const row = firstWard + index;
    put(row, FUNNEL_WARD_COLUMNS.name, text(ward.wardName));
    put(
      row,
      FUNNEL_WARD_COLUMNS.population,
      formula(wardsRef(wardsRow, 'Young population'), ward.youngPopulation, STYLE.integer),
    );
    put(row, FUNNEL_WARD_COLUMNS.rate, formula(wardsRef(wardsRow, headers.rate), estimate.rate, STYLE.rate));
  });
  const lastWard = firstWard + plotted.length - 1;

  const confidence = `${Number((result.parameters.confidenceLevel * 100).toFixed(1))}%`;
  const limitsHeader = lastWard + 3;
  [
    'Young population (limits)',
    'Area rate',
    `Lower ${confidence} limit`,
    `Upper ${confidence} limit`,
    'Lower 99.8% limit',
    'Upper 99.8% limit',
  ].forEach((header, offset) => put(limitsHeader, offset, text(header, STYLE.label)));
  const populations = `${address(firstWard, col + FUNNEL_WARD_COLUMNS.population, true)}:${address(lastWard, col + FUNNEL_WARD_COLUMNS.population, true)}`;
  const smallest = plotted[0].ward.youngPopulation;
  const largest = plotted[plotted.length - 1].ward.youngPopulation;
  const area = measure === 'offences' ? WARDS_LAYOUT.areaOffenceRate : WARDS_LAYOUT.areaOffenderRate;
  const tau = measure === 'offences' ? WARDS_LAYOUT.offenceTauSquared : WARDS_LAYOUT.offenderTauSquared;
  for (let step = 0; step <= FUNNEL_STEPS; step++) {
    const row = limitsHeader + 1 + step;
    const population = smallest * (largest / smallest) ** (step / FUNNEL_STEPS);
    const at = address(row, col + FUNNEL_LIMIT_COLUMNS.population);
    const refs = {
      areaRate: `{{Wards}}!${area}`,
      population: at,
      tauSquared: `{{Wards}}!${tau}`,
      confidence: `{{Wards}}!${WARDS_LAYOUT.confidence}`,
    };
    const inner = funnelLimitFormulas(refs, 'inner');
    const outer = funnelLimitFormulas(refs, 'outer');
    const innerValue = funnelLimits(areaRate, population, result.parameters.confidenceLevel, {
      tauSquared: funnel.tauSquared,
    });
    const outerValue = funnelLimits(areaRate, population, OUTER_FUNNEL_CONFIDENCE, { tauSquared: funnel.tauSquared });
    put(
      row,
      FUNNEL_LIMIT_COLUMNS.population,
      formula(
        `MIN(${populations})*(MAX(${populations})/MIN(${populations}))^(${step}/${FUNNEL_STEPS})`,
        population,
        STYLE.integer,
      ),
    );
    put(row, FUNNEL_LIMIT_COLUMNS.areaRate, formula(refs.areaRate, areaRate, STYLE.rate));
    put(row, FUNNEL_LIMIT_COLUMNS.innerLower, formula(inner.lower, innerValue.lower, STYLE.rate));
    put(row, FUNNEL_LIMIT_COLUMNS.innerUpper, formula(inner.upper, innerValue.upper, STYLE.rate));
    put(row, FUNNEL_LIMIT_COLUMNS.outerLower, formula(outer.lower, outerValue.lower, STYLE.rate));
    put(row, FUNNEL_LIMIT_COLUMNS.outerUpper, formula(outer.upper, outerValue.upper, STYLE.rate));
  }
  return {
    cells,
    wards: { firstRow: firstWard, lastRow: lastWard },
    limits: { firstRow: limitsHeader + 1, lastRow: limitsHeader + 1 + FUNNEL_STEPS },
  };
}
