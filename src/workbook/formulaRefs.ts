import { quoteSheetName } from './sheetNames';

/**
 * Cell addresses and the `{{Sheet}}` placeholders of the sheet model. Pure, shared by both adapters.
 */

// Column letters and A1 addresses have one home, in the engine's schema module.
export { cellAddress, columnLetter, MAX_COLUMN_INDEX, MAX_ROW_INDEX } from '../core/schema/columnLetter';
import { cellAddress } from '../core/schema/columnLetter';

/**
 * An A1 range address from 0-based corners, e.g. for a chart series or a table.
 * @example rangeAddress(1, 3, 20, 3) // => 'D2:D21'
 * @example rangeAddress(1, 3, 20, 3, { absolute: true, sheet: 'Schools (2)' }) // => "'Schools (2)'!$D$2:$D$21"
 */
export function rangeAddress(
  firstRow0: number,
  firstCol0: number,
  lastRow0: number,
  lastCol0: number,
  options: { absolute?: boolean; sheet?: string } = {},
): string {
  const prefix = options.sheet === undefined ? '' : `${quoteSheetName(options.sheet)}!`;
  return `${prefix}${cellAddress(firstRow0, firstCol0, options)}:${cellAddress(lastRow0, lastCol0, options)}`;
}

const SHEET_PLACEHOLDER = /\{\{([^{}]+)\}\}/g;

/**
 * Replaces each `{{Base}}` in a model formula with the run's final sheet name, quoted for a formula.
 * Throws when a placeholder names a sheet the run does not write (a broken report invariant).
 * @example resolveFormulaSheetRefs('SUM({{Wards}}!D2:D200)', new Map([['Wards', 'Wards (2)']]))
 * // => "SUM('Wards (2)'!D2:D200)"
 */
export function resolveFormulaSheetRefs(formula: string, names: ReadonlyMap<string, string>): string {
  return formula.replace(SHEET_PLACEHOLDER, (placeholder, base: string) => {
    const finalName = names.get(base);
    if (finalName === undefined) {
      throw new Error(
        `Formula '${formula}' refers to ${placeholder}, but this run writes no sheet with base name '${base}' ` +
          `(run sheets: ${[...names.keys()].join(', ') || 'none'}).`,
      );
    }
    return quoteSheetName(finalName);
  });
}
