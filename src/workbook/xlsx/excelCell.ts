import type ExcelJS from 'exceljs';
import type { CellStyle, ModelCell } from '../../report/sheetModel';
import { resolveFormulaSheetRefs } from '../formulaRefs';
import { truncateCellText } from '../cells/cellText';
import { argbColor } from '../cells/color';
import { DEFAULT_DATE_FORMAT } from '../cells/numberFormats';

/** exceljs's default workbook font (Calibri 11, family 2 = swiss). */
const DEFAULT_FONT = { name: 'Calibri', family: 2, size: 11 } as const;

/**
 * The exceljs value for a model cell. Text stays text whatever its first character (exceljs writes
 * strings as shared strings, never as formulas) and is cut at 32,767 characters; a formula has its
 * `{{Sheet}}` placeholders resolved and keeps its computed result as the cached value; a number
 * that is not finite becomes the error `#NUM!`.
 * @example excelValue({ kind: 'formula', formula: 'SUM({{Wards}}!D2:D9)', result: 42 }, new Map([['Wards', 'Wards (2)']]))
 * // => { formula: "SUM('Wards (2)'!D2:D9)", result: 42 }
 */
export function excelValue(cell: ModelCell, sheetNames: ReadonlyMap<string, string>): ExcelJS.CellValue {
  switch (cell.kind) {
    case 'text':
      return truncateCellText(cell.value);
    case 'number':
      return Number.isFinite(cell.value) ? cell.value : { error: '#NUM!' };
    case 'date':
      return cell.value;
    case 'boolean':
      return cell.value;
    case 'formula': {
      const formula = resolveFormulaSheetRefs(cell.formula.replace(/^=/, ''), sheetNames);
      const result =
        typeof cell.result === 'string'
          ? truncateCellText(cell.result)
          : Number.isFinite(cell.result)
            ? cell.result
            : undefined;
      return result === undefined ? { formula } : { formula, result };
    }
    case 'empty':
      return null;
  }
}

/** Applies a model cell style (and a date's default format) to an exceljs cell. */
export function applyCellStyle(target: ExcelJS.Cell, cell: ModelCell): void {
  const style: CellStyle = cell.style ?? {};
  const numberFormat = style.numberFormat ?? (cell.kind === 'date' ? DEFAULT_DATE_FORMAT : undefined);
  if (numberFormat !== undefined) target.numFmt = numberFormat;
  if (style.bold || style.italic || style.fontColor || style.fontSize) {
    // A font without a name falls back to a serif face in some viewers: name the workbook default.
    target.font = {
      name: DEFAULT_FONT.name,
      family: DEFAULT_FONT.family,
      size: style.fontSize ?? DEFAULT_FONT.size,
      ...(style.bold ? { bold: true } : {}),
      ...(style.italic ? { italic: true } : {}),
      ...(style.fontColor ? { color: { argb: argbColor(style.fontColor) } } : {}),
    };
  }
  if (style.fill) target.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: argbColor(style.fill) } };
  if (style.wrap || style.align) {
    target.alignment = {
      ...(style.wrap ? { wrapText: true, vertical: 'top' as const } : {}),
      ...(style.align ? { horizontal: style.align } : {}),
    };
  }
}
