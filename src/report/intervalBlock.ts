import { address, formula, text } from './cells';
import { excelFixed } from './excelFixed';
import type { CellStyle, ModelCell } from './sheetModel';

/**
 * A block of rows a floating-bar chart draws: per row a name, an estimate with its interval (live
 * references to the sheet that publishes them) and the three lengths a stacked bar needs, all as
 * formulas with their results, plus the category label.
 *
 * The bar runs from min(estimate, lower) − pad to max(estimate, upper) + pad, and the shade
 * changes at the estimate: start = MIN(B, C) − pad, to the estimate = B − start, beyond it =
 * MAX(B, D) + pad − B. `pad` is half a rank for ranks, so a rank interval 1–4 covers ranks 1 to 4
 * whole (0.5 to 4.5) and a rank known exactly still shows a bar; it is 0 for rates. Taking the min
 * and max keeps every length at zero or more, and the estimate on its bar, even when a simulated
 * rank interval leaves out the point rank (which it may).
 */

/** Where each figure sits in the block, 0-based from its first column. */
export const INTERVAL_COLUMNS = {
  name: 0,
  estimate: 1,
  lower: 2,
  upper: 3,
  start: 4,
  toEstimate: 5,
  beyondEstimate: 6,
  label: 7,
  /** With a reference (the area average): the same figure on every row, for a line across the chart. */
  reference: 8,
} as const;

/** A published figure: the reference that reads it (e.g. `{{Schools}}!A6`) and its value. */
export interface PublishedFigure {
  readonly ref: string;
  readonly value: number;
}

export interface IntervalRow {
  readonly name: string;
  readonly estimate: PublishedFigure;
  readonly lower: PublishedFigure;
  readonly upper: PublishedFigure;
}

export interface IntervalBlockOptions {
  /** Headers of the name, estimate, lower and upper columns, e.g. 'School', 'Rank', 'Rank 95% lower', 'Rank 95% upper'. */
  readonly headers: readonly [string, string, string, string];
  /** Word for the estimate in the bar headers: 'rank' gives 'Start to rank' and 'Rank to end'. */
  readonly estimateWord: string;
  /** What each bar adds beyond its interval at both ends: 0.5 for ranks, 0 for rates. */
  readonly pad: number;
  /**
   * 'rank': "1. St Jude's (1–4)", the ends once when equal; 'rate': "Aston: 15.2 (12.1–18.9)", one
   * decimal; 'name': the name alone (under a column, where the bar itself shows the figures).
   */
  readonly label: 'rank' | 'rate' | 'name';
  /** A figure every row repeats in a last column (its header, and the reference that reads it): a line across the chart. */
  readonly reference?: { readonly header: string; readonly figure: PublishedFigure };
  readonly headerStyle: CellStyle;
  readonly estimateStyle: CellStyle;
  readonly barStyle: CellStyle;
}

/** The header row at (`headerRow`, `col`) and one row per interval beneath it. */
export function intervalBlock(
  headerRow: number,
  col: number,
  rows: readonly IntervalRow[],
  options: IntervalBlockOptions,
): { row: number; col: number; cell: ModelCell }[] {
  const word = options.estimateWord;
  const headers = [
    ...options.headers,
    'Bar starts at',
    `Start to ${word}`,
    `${word[0].toUpperCase()}${word.slice(1)} to end`,
    'Chart label',
    ...(options.reference ? [options.reference.header] : []),
  ];
  const placed = headers.map((header, offset) => ({
    row: headerRow,
    col: col + offset,
    cell: text(header, options.headerStyle),
  }));
  rows.forEach((interval, index) => {
    const row = headerRow + 1 + index;
    intervalCells(interval, row, col, options).forEach((cell, offset) => placed.push({ row, col: col + offset, cell }));
  });
  return placed;
}

function intervalCells(interval: IntervalRow, row: number, col: number, options: IntervalBlockOptions): ModelCell[] {
  const at = (offset: number) => address(row, col + offset);
  const [name, estimate, lower, upper] = [
    at(INTERVAL_COLUMNS.name),
    at(INTERVAL_COLUMNS.estimate),
    at(INTERVAL_COLUMNS.lower),
    at(INTERVAL_COLUMNS.upper),
  ];
  const start = at(INTERVAL_COLUMNS.start);
  const { pad } = options;
  const startValue = Math.min(interval.estimate.value, interval.lower.value) - pad;
  const endValue = Math.max(interval.estimate.value, interval.upper.value) + pad;
  const padText = pad === 0 ? '' : `-${pad}`;
  const endPadText = pad === 0 ? '' : `+${pad}`;
  return [
    text(interval.name),
    formula(interval.estimate.ref, interval.estimate.value, options.estimateStyle),
    formula(interval.lower.ref, interval.lower.value, options.estimateStyle),
    formula(interval.upper.ref, interval.upper.value, options.estimateStyle),
    formula(`MIN(${estimate},${lower})${padText}`, startValue, options.barStyle),
    formula(`${estimate}-${start}`, interval.estimate.value - startValue, options.barStyle),
    formula(`MAX(${estimate},${upper})${endPadText}-${estimate}`, endValue - interval.estimate.value, options.barStyle),
    options.label === 'rank'
      ? rankLabel(interval, { name, estimate, lower, upper })
      : options.label === 'rate'
        ? rateLabel(interval, { name, estimate, lower, upper })
        : formula(name, interval.name),
    ...(options.reference
      ? [formula(options.reference.figure.ref, options.reference.figure.value, options.estimateStyle)]
      : []),
  ];
}

type Addresses = { readonly name: string; readonly estimate: string; readonly lower: string; readonly upper: string };

/** "1. St Jude's (1–4)", or "2. Hill Top School (2)" when the interval is one rank. */
function rankLabel(interval: IntervalRow, cells: Addresses): ModelCell {
  const { estimate, lower, upper } = interval;
  const range = lower.value === upper.value ? `${lower.value}` : `${lower.value}–${upper.value}`;
  return formula(
    `${cells.estimate}&". "&${cells.name}&" ("&IF(${cells.lower}=${cells.upper},${cells.lower},${cells.lower}&"–"&${cells.upper})&")"`,
    `${estimate.value}. ${interval.name} (${range})`,
  );
}

/** "Aston: 15.2 (12.1–18.9)": FIXED(…, 1, TRUE) gives one decimal without thousands separators. */
function rateLabel(interval: IntervalRow, cells: Addresses): ModelCell {
  const fixed = (cell: string) => `FIXED(${cell},1,TRUE)`;
  return formula(
    `${cells.name}&": "&${fixed(cells.estimate)}&" ("&${fixed(cells.lower)}&"–"&${fixed(cells.upper)}&")"`,
    `${interval.name}: ${excelFixed(interval.estimate.value, 1)} (${excelFixed(interval.lower.value, 1)}–${excelFixed(interval.upper.value, 1)})`,
  );
}
