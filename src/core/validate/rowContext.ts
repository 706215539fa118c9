import type { FieldName, ColumnMapping } from '../schema/types';
import type { CellValue, Issue, IssueCode, Severity } from '../types';
import { cellText, isBlankCell } from './cellText';
import type { DataRow } from './dataRows';

/** What happens to a row with an error. */
export const EXCLUDED = 'the row is excluded';

/** A cell (or a pair of cells) an issue is about, when it is not simply one field's cell. */
export interface IssueTarget {
  readonly column: string;
  readonly value: string;
}

/** One data row seen through a column mapping, collecting the row's issues. */
export interface RowContext {
  readonly sheet: string;
  readonly rowNumber: number;
  /** The cell of a field; null when the field has no column or the row is short. */
  cell(field: FieldName): CellValue;
  /** The cell in a 0-based column, whatever field it serves (null past the row's end). */
  cellAt(column: number): CellValue;
  /** The cell of a field as text (see `cellText`). */
  text(field: FieldName): string;
  /** The header text of a field's column ('' when unmapped). */
  header(field: FieldName): string;
  mapped(field: FieldName): boolean;
  /** The 0-based column of a field, or -1 when unmapped. */
  columnOf(field: FieldName): number;
  blank(field: FieldName): boolean;
  /**
   * Records an issue. The message reads: Sheet 'S', row R, column 'C': <problem>; <consequence>.
   * e.g. "Sheet 'Crimes', row 812, column 'Age at Offence': 'unknown' is not a number (expected the
   * offender's age at the offence); the row is excluded."
   */
  report(target: FieldName | IssueTarget, severity: Severity, code: IssueCode, problem: string, consequence: string): void;
  readonly issues: readonly Issue[];
  /** True once an error has been reported. */
  readonly excluded: boolean;
}

export function rowContext(sheet: string, mapping: ColumnMapping, row: DataRow): RowContext {
  const issues: Issue[] = [];
  let excluded = false;
  const cell = (field: FieldName): CellValue => {
    const match = mapping.fields[field];
    return match === undefined ? null : row.cells[match.column] ?? null;
  };
  return {
    sheet,
    rowNumber: row.rowNumber,
    cell,
    cellAt: (column) => row.cells[column] ?? null,
    text: (field) => cellText(cell(field)),
    header: (field) => mapping.fields[field]?.header ?? '',
    mapped: (field) => mapping.fields[field] !== undefined,
    columnOf: (field) => mapping.fields[field]?.column ?? -1,
    blank: (field) => isBlankCell(cell(field)),
    report(target, severity, code, problem, consequence) {
      const { column, value } = typeof target === 'string' ? { column: mapping.fields[target]?.header ?? target, value: cellText(cell(target)) } : target;
      issues.push({
        sheet, row: row.rowNumber, column, value, severity, code,
        message: `Sheet '${sheet}', row ${row.rowNumber}, column '${column}': ${problem}; ${consequence}.`,
      });
      if (severity === 'error') excluded = true;
    },
    issues,
    get excluded() {
      return excluded;
    },
  };
}

/** `'unknown'`, or `blank` for an empty cell: how a value is quoted in messages. */
export function quoted(text: string): string {
  return text === '' ? 'blank' : `'${text}'`;
}
