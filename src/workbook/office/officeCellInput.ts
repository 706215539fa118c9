import type { ModelCell } from '../../report/sheetModel';
import { resolveFormulaSheetRefs } from '../formulaRefs';
import { truncateCellText } from '../cells/cellText';
import { DEFAULT_DATE_FORMAT } from '../cells/numberFormats';

/** What one cell gets through `Range.formulas` and `Range.numberFormat`; `null` leaves it alone. */
export interface OfficeCellInput {
  readonly input: string | number | boolean | null;
  readonly numberFormat: string | null;
}

/** Excel's serial day number of 1970-01-01 in the 1900 date system. */
const UNIX_EPOCH_SERIAL = 25569;
const MS_PER_DAY = 86_400_000;

/**
 * A model cell as Office.js input. Office.js reads a string as if typed into the cell: `=`, `+`,
 * `-` start a formula and numbers, dates, `TRUE` and `#N/A` are converted (Range.values in the
 * Excel JavaScript reference). A leading apostrophe is Excel's own "store the rest as text"
 * marker: it is not part of the value (`values` and `formulas` read back without it; see
 * OfficeDev/office-js#6687), so every text cell is written as `'` + text and stays exactly that
 * text: `=HYPERLINK(…)`, `+44`, `00123`, `01/02/2023`, `'quoted'`. Empty text writes nothing.
 *
 * Formulas get `=` and their `{{Sheet}}` placeholders resolved; dates become serial numbers
 * (1900 system, UTC, as exceljs writes them) with `yyyy-mm-dd` unless styled; a number that is not
 * finite becomes `#NUM!`, as the .xlsx adapter writes it.
 * @example officeCellInput({ kind: 'text', value: '=1+1' }, names) // => { input: "'=1+1", numberFormat: null }
 * @example officeCellInput({ kind: 'formula', formula: 'SUM({{Wards}}!D2:D9)', result: 0 }, new Map([['Wards', 'Wards (2)']]))
 * // => { input: "=SUM('Wards (2)'!D2:D9)", numberFormat: null }
 */
export function officeCellInput(cell: ModelCell, sheetNames: ReadonlyMap<string, string>): OfficeCellInput {
  const styledFormat = cell.style?.numberFormat ?? null;
  switch (cell.kind) {
    case 'text':
      return { input: cell.value === '' ? null : `'${truncateCellText(cell.value)}`, numberFormat: styledFormat };
    case 'number':
      return { input: Number.isFinite(cell.value) ? cell.value : '#NUM!', numberFormat: styledFormat };
    case 'date':
      return {
        input: cell.value.getTime() / MS_PER_DAY + UNIX_EPOCH_SERIAL,
        numberFormat: styledFormat ?? DEFAULT_DATE_FORMAT,
      };
    case 'boolean':
      return { input: cell.value, numberFormat: styledFormat };
    case 'formula':
      return {
        input: `=${resolveFormulaSheetRefs(cell.formula.replace(/^=/, ''), sheetNames)}`,
        numberFormat: styledFormat,
      };
    case 'empty':
      return { input: null, numberFormat: styledFormat };
  }
}
