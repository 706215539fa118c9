import type { FieldMatch, FieldName, ColumnMapping } from '../schema/types';
import type { CellValue, Issue, IssueCode, Severity } from '../types';
import { cellText, isBlankCell } from './cellText';
import type { DataRow } from './dataRows';
import { excelErrorText } from './excelError';
import { FIELD_NOUNS } from './fieldNouns';

/** What happens to a row with an error. */
export const EXCLUDED = 'the row is excluded';

/** What happens to an optional cell holding an Excel error that no reader reported. */
const LEFT_UNKNOWN = 'the value is left unknown';

/** A cell (or a pair of cells) an issue is about, when it is not simply one field's cell. */
export interface IssueTarget {
  readonly column: string;
  readonly value: string;
}

/** One data row seen through a column mapping, collecting the row's issues. */
export interface RowContext {
  readonly sheet: string;
  readonly rowNumber: number;
  /** The cell of a field; null when the field has no column, the row is short, or the cell holds an Excel error. */
  cell(field: FieldName): CellValue;
  /** The cell in a 0-based column, whatever field it serves (null past the row's end or for an Excel error). */
  cellAt(column: number): CellValue;
  /** The cell of a field as text (see `cellText`); '' for an Excel error. */
  text(field: FieldName): string;
  /** The header text of a field's column ('' when unmapped). */
  header(field: FieldName): string;
  mapped(field: FieldName): boolean;
  /** The 0-based column of a field, or -1 when unmapped. */
  columnOf(field: FieldName): number;
  /** True for an empty cell and for an Excel error (which holds no value either). */
  blank(field: FieldName): boolean;
  /** The Excel error ('#N/A', '#REF!', …) a field's cell holds, or undefined. */
  excelError(field: FieldName): string | undefined;
  /**
   * Records an issue. The message reads: Sheet 'S', row R, column 'C': <problem>; <consequence>.
   * e.g. "Sheet 'Crimes', row 812, column 'Age at Offence': 'unknown' is not a number (expected the
   * offender's age in years); the row is excluded."
   * A 'missingValue' about one cell that holds an Excel error is recorded as 'excelError' instead
   * ("'#N/A' is an Excel error, not an offence reference"), with the reader's consequence, and at
   * least warning severity.
   */
  report(target: FieldName | IssueTarget, severity: Severity, code: IssueCode, problem: string, consequence: string): void;
  /**
   * The row's issues, ending with a warning for each Excel error in a column the row is read from
   * (every mapped field, and any other mapped column read with `cellAt`) that no reader reported:
   * an optional cell whose value is left unknown.
   */
  readonly issues: readonly Issue[];
  /** True once an error has been reported. */
  readonly excluded: boolean;
}

/** A column the mapping reads: its header, and the noun for what its cells should hold. */
interface MappedColumn {
  readonly header: string;
  readonly noun: string;
}

/** The mapping's columns by 0-based index: every field's, then the wards sheet's age columns (the first claim wins). */
function mappedColumns(mapping: ColumnMapping): ReadonlyMap<number, MappedColumn> {
  const columns = new Map<number, MappedColumn>();
  for (const [field, match] of Object.entries(mapping.fields) as [FieldName, FieldMatch | undefined][]) {
    if (match && !columns.has(match.column)) columns.set(match.column, { header: match.header, noun: FIELD_NOUNS[field] });
  }
  for (const ages of [...(mapping.ageColumns ?? []), ...(mapping.ageBandColumns ?? [])]) {
    if (!columns.has(ages.column)) columns.set(ages.column, { header: ages.header, noun: 'a population count' });
  }
  return columns;
}

/** The Excel errors in a row's mapped columns, by column. */
function excelErrorsOf(row: DataRow, columns: ReadonlyMap<number, MappedColumn>): ReadonlyMap<number, string> {
  const errors = new Map<number, string>();
  for (const column of columns.keys()) {
    const error = excelErrorText(row.cells[column] ?? null);
    if (error !== undefined) errors.set(column, error);
  }
  return errors;
}

/** The problem stated for a cell holding an Excel error. */
const excelErrorProblem = (error: string, noun: string): string => `${quoted(error)} is an Excel error, not ${noun}`;

export function rowContext(sheet: string, mapping: ColumnMapping, row: DataRow): RowContext {
  const columns = mappedColumns(mapping);
  const errors = excelErrorsOf(row, columns);
  const headerColumns = new Map<string, number>();
  for (const [column, { header }] of columns) if (!headerColumns.has(header)) headerColumns.set(header, column);
  // Columns the row is read from: every field's, plus mapped columns read by index (age columns).
  const readColumns = new Set<number>(Object.values(mapping.fields).flatMap((match) => (match ? [match.column] : [])));
  // Error cells already explained by a restated issue.
  const explained = new Set<number>();
  const issues: Issue[] = [];
  let excluded = false;

  // An Excel error holds no value: every reader sees it as an empty cell.
  const valueAt = (column: number): CellValue => {
    const value = row.cells[column] ?? null;
    return excelErrorText(value) === undefined ? value : null;
  };
  const cell = (field: FieldName): CellValue => {
    const match = mapping.fields[field];
    return match === undefined ? null : valueAt(match.column);
  };
  const push = (column: string, value: string, severity: Severity, code: IssueCode, problem: string, consequence: string): void => {
    issues.push({
      sheet, row: row.rowNumber, column, value, severity, code,
      message: `Sheet '${sheet}', row ${row.rowNumber}, column '${column}': ${problem}; ${consequence}.`,
    });
    if (severity === 'error') excluded = true;
  };
  const unreportedErrors = (): Issue[] =>
    [...errors]
      .filter(([column]) => readColumns.has(column) && !explained.has(column))
      .sort(([a], [b]) => a - b)
      .map(([column, error]) => {
        const { header, noun } = columns.get(column) ?? { header: '', noun: 'a value' };
        return {
          sheet, row: row.rowNumber, column: header, value: error, severity: 'warning', code: 'excelError',
          message: `Sheet '${sheet}', row ${row.rowNumber}, column '${header}': ${excelErrorProblem(error, noun)}; ${LEFT_UNKNOWN}.`,
        };
      });

  return {
    sheet,
    rowNumber: row.rowNumber,
    cell,
    cellAt(column) {
      if (columns.has(column)) readColumns.add(column);
      return valueAt(column);
    },
    text: (field) => cellText(cell(field)),
    header: (field) => mapping.fields[field]?.header ?? '',
    mapped: (field) => mapping.fields[field] !== undefined,
    columnOf: (field) => mapping.fields[field]?.column ?? -1,
    blank: (field) => isBlankCell(cell(field)),
    excelError(field) {
      const match = mapping.fields[field];
      return match === undefined ? undefined : errors.get(match.column);
    },
    report(target, severity, code, problem, consequence) {
      const { column, value } = typeof target === 'string' ? { column: mapping.fields[target]?.header ?? target, value: cellText(cell(target)) } : target;
      const index = typeof target === 'string' ? mapping.fields[target]?.column : headerColumns.get(target.column);
      const error = index === undefined ? undefined : errors.get(index);
      if (code !== 'missingValue' || index === undefined || error === undefined) {
        push(column, value, severity, code, problem, consequence);
        return;
      }
      // The reader saw a blank; say what the cell really holds, keeping the reader's consequence.
      explained.add(index);
      const noun = columns.get(index)?.noun ?? 'a value';
      push(column, error, severity === 'info' ? 'warning' : severity, 'excelError', excelErrorProblem(error, noun), consequence);
    },
    get issues() {
      return [...issues, ...unreportedErrors()];
    },
    get excluded() {
      return excluded;
    },
  };
}

/** `'unknown'`, or `blank` for an empty cell: how a value is quoted in messages. */
export function quoted(text: string): string {
  return text === '' ? 'blank' : `'${text}'`;
}
