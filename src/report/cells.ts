import { cellAddress } from '../core/schema/columnLetter';
import type { CellStyle, ModelCell } from './sheetModel';
import { SUPPRESSED_SYMBOL, type PublishedCount } from '../core/disclosure';

/** Small constructors for model cells, so sheet builders read like the sheets they build. */
export const text = (value: string, style?: CellStyle): ModelCell => ({ kind: 'text', value, style });
export const num = (value: number, style?: CellStyle): ModelCell =>
  Number.isFinite(value) ? { kind: 'number', value, style } : { kind: 'text', value: '', style };
export const formula = (expression: string, result: number | string, style?: CellStyle): ModelCell => ({
  kind: 'formula',
  formula: expression,
  result: typeof result === 'number' && !Number.isFinite(result) ? '' : result,
  style,
});
export const empty = (): ModelCell => ({ kind: 'empty' });
export const suppressed = (): ModelCell => ({ kind: 'text', value: SUPPRESSED_SYMBOL, style: { align: 'right' } });

export const STYLE = {
  title: { bold: true, fontSize: 14, fontColor: '1F3864' } as CellStyle,
  heading: { bold: true, fontSize: 12, fontColor: '1F3864' } as CellStyle,
  label: { bold: true } as CellStyle,
  note: { italic: true, fontColor: '595959' } as CellStyle,
  warning: { bold: true, fontColor: '9C0006', fill: 'FFC7CE' } as CellStyle,
  integer: { numberFormat: '#,##0' } as CellStyle,
  rate: { numberFormat: '0.00' } as CellStyle,
  index: { numberFormat: '0' } as CellStyle,
  percent: { numberFormat: '0.0%' } as CellStyle,
  ratio: { numberFormat: '0.00' } as CellStyle,
};

/** A published count as a cell: the number, or `[c]` when suppressed. */
export function publishedCell(published: PublishedCount, style: CellStyle = STYLE.integer): ModelCell {
  return published.shown ? num(published.value, style) : suppressed();
}

export { columnLetter } from '../core/schema/columnLetter';

/** 0-based row and column to an A1 address (see cellAddress). */
export function address(row: number, col: number, absolute = false): string {
  return cellAddress(row, col, { absolute });
}

/** Free cells laid out as label/value rows from a starting position. */
export function keyValueRows(
  startRow: number,
  col: number,
  rows: readonly (readonly [string, ModelCell])[],
): { row: number; col: number; cell: ModelCell }[] {
  return rows.flatMap(([label, cell], i) => [
    { row: startRow + i, col, cell: text(label, STYLE.label) },
    { row: startRow + i, col: col + 1, cell },
  ]);
}
