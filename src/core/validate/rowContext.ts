import { matchedFields } from '../schema/fieldSpecs';
import type { FieldName, ColumnMapping } from '../schema/types';
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
  report(
    target: FieldName | IssueTarget,
    severity: Severity,
    code: IssueCode,
    problem: string,
    consequence: string,
  ): void;
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

/**
 * What every row of a sheet shares, worked out once per sheet rather than once per row: the
 * mapped columns (see `mappedColumns`), in ascending order, the first column of each header, and
 * the columns of the mapping's fields.
 */
export interface RowPlan {
  readonly mapping: ColumnMapping;
  readonly columns: ReadonlyMap<number, MappedColumn>;
  /** The keys of `columns`, ascending. */
  readonly columnList: readonly number[];
  readonly headerColumns: ReadonlyMap<string, number>;
  /** The columns of the mapping's fields (every row reads these). */
  readonly fieldColumns: ReadonlySet<number>;
}

/** The mapping's columns by 0-based index: every field's, then the wards sheet's age columns (the first claim wins). */
function mappedColumns(mapping: ColumnMapping): ReadonlyMap<number, MappedColumn> {
  const columns = new Map<number, MappedColumn>();
  for (const [field, match] of matchedFields(mapping.fields)) {
    if (!columns.has(match.column)) columns.set(match.column, { header: match.header, noun: FIELD_NOUNS[field] });
  }
  for (const list of [mapping.ageColumns ?? [], mapping.ageBandColumns ?? []]) {
    for (const ages of list) {
      if (!columns.has(ages.column)) columns.set(ages.column, { header: ages.header, noun: 'a population count' });
    }
  }
  return columns;
}

/** The per-sheet part of `rowContext`: build it once and pass it for every row of the sheet. */
export function rowPlan(mapping: ColumnMapping): RowPlan {
  const columns = mappedColumns(mapping);
  const columnList = Array.from(columns.keys()).sort((a, b) => a - b);
  const headerColumns = new Map<string, number>();
  for (const [column, { header }] of columns) if (!headerColumns.has(header)) headerColumns.set(header, column);
  const fieldColumns = new Set<number>();
  for (const match of Object.values(mapping.fields)) if (match) fieldColumns.add(match.column);
  return { mapping, columns, columnList, headerColumns, fieldColumns };
}

/** The problem stated for a cell holding an Excel error. */
const excelErrorProblem = (error: string, noun: string): string => `${quoted(error)} is an Excel error, not ${noun}`;

/** An Excel error holds no value: every reader sees it as an empty cell. */
function valueOf(value: CellValue | undefined): CellValue {
  if (value === undefined || value === null) return null;
  return typeof value === 'string' && excelErrorText(value) !== undefined ? null : value;
}

/**
 * One row's context. Methods live on the prototype, and the per-row state is a few fields (the
 * maps and sets are made only for a row that needs them), so a sheet of a million rows costs no
 * closures or maps per row.
 */
class Row implements RowContext {
  private readonly fields: ColumnMapping['fields'];
  /** The Excel errors in the row's mapped columns, by column (ascending); null when there are none. */
  private readonly errors: Map<number, string> | null;
  /** Mapped columns outside the fields' read with `cellAt`. */
  private extraRead: Set<number> | null = null;
  /** Error cells already explained by a restated issue. */
  private explained: Set<number> | null = null;
  /** The issues reported, made on the first (most rows have none). */
  private recorded: Issue[] | null = null;
  private hasError = false;

  constructor(
    readonly sheet: string,
    readonly rowNumber: number,
    private readonly cells: readonly CellValue[],
    private readonly plan: RowPlan,
  ) {
    this.fields = plan.mapping.fields;
    let errors: Map<number, string> | null = null;
    for (const column of plan.columnList) {
      const value = cells[column];
      if (typeof value !== 'string') continue;
      const error = excelErrorText(value);
      if (error !== undefined) (errors ??= new Map()).set(column, error);
    }
    this.errors = errors;
  }

  private valueAt(column: number): CellValue {
    return valueOf(this.cells[column]);
  }

  cell(field: FieldName): CellValue {
    const match = this.fields[field];
    return match === undefined ? null : this.valueAt(match.column);
  }

  cellAt(column: number): CellValue {
    if (this.plan.columns.has(column) && !this.plan.fieldColumns.has(column))
      (this.extraRead ??= new Set()).add(column);
    return this.valueAt(column);
  }

  text(field: FieldName): string {
    return cellText(this.cell(field));
  }

  header(field: FieldName): string {
    return this.fields[field]?.header ?? '';
  }

  mapped(field: FieldName): boolean {
    return this.fields[field] !== undefined;
  }

  columnOf(field: FieldName): number {
    return this.fields[field]?.column ?? -1;
  }

  blank(field: FieldName): boolean {
    return isBlankCell(this.cell(field));
  }

  excelError(field: FieldName): string | undefined {
    const match = this.fields[field];
    return match === undefined || this.errors === null ? undefined : this.errors.get(match.column);
  }

  report(
    target: FieldName | IssueTarget,
    severity: Severity,
    code: IssueCode,
    problem: string,
    consequence: string,
  ): void {
    let column: string;
    let value: string;
    let index: number | undefined;
    if (typeof target === 'string') {
      const match = this.fields[target];
      column = match?.header ?? target;
      value = cellText(this.cell(target));
      index = match?.column;
    } else {
      ({ column, value } = target);
      index = this.plan.headerColumns.get(target.column);
    }
    const error = index === undefined || this.errors === null ? undefined : this.errors.get(index);
    if (code !== 'missingValue' || index === undefined || error === undefined) {
      this.push(column, value, severity, code, problem, consequence);
      return;
    }
    // The reader saw a blank; say what the cell really holds, keeping the reader's consequence.
    (this.explained ??= new Set()).add(index);
    const noun = this.plan.columns.get(index)?.noun ?? 'a value';
    this.push(
      column,
      error,
      severity === 'info' ? 'warning' : severity,
      'excelError',
      excelErrorProblem(error, noun),
      consequence,
    );
  }

  private push(
    column: string,
    value: string,
    severity: Severity,
    code: IssueCode,
    problem: string,
    consequence: string,
  ): void {
    (this.recorded ??= []).push({
      sheet: this.sheet,
      row: this.rowNumber,
      column,
      value,
      severity,
      code,
      message: `Sheet '${this.sheet}', row ${this.rowNumber}, column '${column}': ${problem}; ${consequence}.`,
    });
    if (severity === 'error') this.hasError = true;
  }

  get issues(): readonly Issue[] {
    const issues = this.recorded === null ? [] : this.recorded.slice();
    if (this.errors === null) return issues;
    for (const [column, error] of this.errors) {
      const read = this.plan.fieldColumns.has(column) || (this.extraRead !== null && this.extraRead.has(column));
      if (!read || (this.explained !== null && this.explained.has(column))) continue;
      const { header, noun } = this.plan.columns.get(column) ?? { header: '', noun: 'a value' };
      issues.push({
        sheet: this.sheet,
        row: this.rowNumber,
        column: header,
        value: error,
        severity: 'warning',
        code: 'excelError',
        message: `Sheet '${this.sheet}', row ${this.rowNumber}, column '${header}': ${excelErrorProblem(error, noun)}; ${LEFT_UNKNOWN}.`,
      });
    }
    return issues;
  }

  /** True when the row has recorded no issue and holds no Excel error: its `issues` would be empty. */
  get clean(): boolean {
    return this.recorded === null && this.errors === null;
  }

  get excluded(): boolean {
    return this.hasError;
  }
}

/**
 * The context of one data row. `plan` (from `rowPlan(mapping)`) is the part shared by every row of
 * the sheet: pass it when reading many rows.
 */
export function rowContext(
  sheet: string,
  mapping: ColumnMapping,
  row: DataRow,
  plan: RowPlan = rowPlan(mapping),
): RowContext {
  if (plan.mapping !== mapping) throw new Error('The row plan was made for another mapping.');
  return new Row(sheet, row.rowNumber, row.cells, plan);
}

/** Like `rowContext`, without a `DataRow` object; for validators reading every row of a sheet. */
export function rowContextAt(
  sheet: string,
  plan: RowPlan,
  rowNumber: number,
  cells: readonly CellValue[],
): RowContext & { readonly clean: boolean } {
  return new Row(sheet, rowNumber, cells, plan);
}

/** `'unknown'`, or `blank` for an empty cell: how a value is quoted in messages. */
export function quoted(text: string): string {
  return text === '' ? 'blank' : `'${text}'`;
}
