import type { ChartModel, ChartSeriesModel, RangeRef } from './sheetModel';

/** Columns of the funnel's limits block, 0-based from its first column. */
export const FUNNEL_LIMIT_COLUMNS = {
  population: 0,
  areaRate: 1,
  innerLower: 2,
  innerUpper: 3,
  outerLower: 4,
  outerUpper: 5,
} as const;

/** Columns of the funnel's wards block: the ward, its young population (x) and its rate (y). */
export const FUNNEL_WARD_COLUMNS = { name: 0, population: 1, rate: 2 } as const;

export interface FunnelChartOptions {
  readonly title: string;
  readonly xAxisTitle: string;
  readonly yAxisTitle: string;
  /** The wards block's sheet, first column and body rows. */
  readonly wards: { readonly sheet: string; readonly col: number; readonly firstRow: number; readonly lastRow: number };
  /** The limits block's sheet, first column and body rows (populations ascending). */
  readonly limits: {
    readonly sheet: string;
    readonly col: number;
    readonly firstRow: number;
    readonly lastRow: number;
  };
  /** Names of the inner limits' series, e.g. '95%'. */
  readonly innerLabel: string;
  readonly anchor: ChartModel['anchor'];
}

/** The colours: the wards dark blue; the area rate grey; the inner limits orange, the outer (99.8%) dashed red. */
export const FUNNEL_COLORS = { wards: '2F5597', areaRate: '595959', inner: 'ED7D31', outer: 'C00000' } as const;

/**
 * A funnel plot (Spiegelhalter 2005) as a native scatter chart: each ward a marker at (young
 * population, rate), and the area rate and the lower and upper limits at the inner level and at
 * 99.8% as lines through the limits block's populations, which run from the smallest ward to the
 * largest, so the funnel narrows left to right and a ward outside it stands out. A legend at the
 * bottom names the lines.
 */
export function funnelChart(options: FunnelChartOptions): ChartModel {
  const column = (block: FunnelChartOptions['wards'], offset: number): RangeRef => ({
    sheet: block.sheet,
    firstRow: block.firstRow,
    lastRow: block.lastRow,
    col: block.col + offset,
  });
  const x = column(options.limits, FUNNEL_LIMIT_COLUMNS.population);
  const line = (name: string, offset: number, color: string, draw: ChartSeriesModel['draw']): ChartSeriesModel => ({
    name,
    categories: x,
    values: column(options.limits, offset),
    color,
    draw,
  });
  return {
    title: options.title,
    type: 'scatter',
    series: [
      {
        name: 'Wards',
        categories: column(options.wards, FUNNEL_WARD_COLUMNS.population),
        values: column(options.wards, FUNNEL_WARD_COLUMNS.rate),
        color: FUNNEL_COLORS.wards,
        draw: 'markers',
      },
      line('Area rate', FUNNEL_LIMIT_COLUMNS.areaRate, FUNNEL_COLORS.areaRate, 'line'),
      line(`Lower ${options.innerLabel} limit`, FUNNEL_LIMIT_COLUMNS.innerLower, FUNNEL_COLORS.inner, 'line'),
      line(`Upper ${options.innerLabel} limit`, FUNNEL_LIMIT_COLUMNS.innerUpper, FUNNEL_COLORS.inner, 'line'),
      line('Lower 99.8% limit', FUNNEL_LIMIT_COLUMNS.outerLower, FUNNEL_COLORS.outer, 'dashedLine'),
      line('Upper 99.8% limit', FUNNEL_LIMIT_COLUMNS.outerUpper, FUNNEL_COLORS.outer, 'dashedLine'),
    ],
    xAxisTitle: options.xAxisTitle,
    yAxisTitle: options.yAxisTitle,
    anchor: options.anchor,
    legend: true,
  };
}
