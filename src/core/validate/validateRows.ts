import { ROLE_SPECS } from '../schema/fieldSpecs';
import type { ColumnMapping } from '../schema/types';
import type { Issue, SheetData, SheetRole } from '../types';
import { countDataRows, isBlankRow } from './dataRows';
import { FirstRows } from './firstRows';
import { rowContextAt, rowPlan, type IssueTarget, type RowContext } from './rowContext';
import type { ValidationResult } from './types';

/** How a validator recognises a later copy of a row it has already kept. */
export interface DuplicateRule<T> {
  /** The identity of a record; undefined when it can repeat no other (a row given an identity of its own). */
  readonly key: (record: T) => string | undefined;
  /**
   * The identity's second part, where it has one: two records repeat each other when both their
   * keys and their parts are equal. Given apart from the key so that no string joining the two is
   * made per row (see FirstRows).
   */
  readonly part?: (record: T) => string;
  /** The cell to point at and the words for the warning, given the kept copy's row number. */
  readonly describe: (record: T, firstRow: number) => IssueTarget & { readonly problem: string };
}

/** 'offence ref' -> 'Offence Ref': how a suggested header is shown. */
const titleCase = (text: string): string => text.replace(/\b\p{Ll}/gu, (letter) => letter.toUpperCase());

/**
 * Sheet-level 'columnMissing' errors, one per requirement of the role that the mapping could not
 * meet, each naming what would meet it and the headers that were found.
 */
export function missingColumnIssues(sheet: SheetData, mapping: ColumnMapping, rowsRead: number): Issue[] {
  const spec = ROLE_SPECS[mapping.role];
  const headerCells = sheet.rows[mapping.headerRow - (sheet.firstRow ?? 1)] ?? [];
  const headers = headerCells
    .filter((cell) => typeof cell === 'string' && cell.trim() !== '')
    .map((cell) => `'${String(cell).trim()}'`);
  return mapping.missingRequired.map((name) => {
    const group = spec.required.find((candidate) => candidate.name === name);
    const examples = (group?.alternatives ?? [])
      .map((alternative) =>
        alternative
          .map(
            (field) =>
              `'${titleCase(spec.fields.find((fieldSpec) => fieldSpec.field === field)?.synonyms[0] ?? field)}'`,
          )
          .join(' and '),
      )
      .join(', or ');
    return {
      sheet: mapping.sheet,
      row: mapping.headerRow,
      column: '',
      value: '',
      severity: 'error' as const,
      code: 'columnMissing' as const,
      message:
        `Sheet '${mapping.sheet}', row ${mapping.headerRow}: no column was found for ${group?.label ?? name} (expected a header such as ${examples}); ` +
        `the headers are ${headers.join(', ') || '(none)'}. ${rowsRead > 0 ? `None of the sheet's ${rowsRead} rows` : 'The sheet'} can be used until a column is named ` +
        `(e.g. ${mapping.role}.${group?.alternatives[0][0] ?? name}=Header text).`,
    };
  });
}

/**
 * Runs a row reader over every non-blank row below the header: the shared skeleton of every
 * validator. A row becomes a record when the reader returns one and reported no error; a later
 * copy of a kept record (same `duplicates.key`) gets a 'duplicateRow' warning and is excluded.
 * Excel error cells read as blank to the reader, and each is reported (see `rowContext`).
 * Throws only when a reader drops a row without saying why (a broken invariant: every excluded
 * row must carry an issue).
 */
export function validateRows<T>(
  sheet: SheetData,
  mapping: ColumnMapping,
  role: SheetRole,
  readRow: (row: RowContext) => T | undefined,
  duplicates?: DuplicateRule<T>,
): ValidationResult<T> {
  if (mapping.role !== role) throw new Error(`A ${mapping.role} mapping was passed to the ${role} validator.`);
  if (mapping.sheet !== sheet.name)
    throw new Error(`The mapping is for sheet '${mapping.sheet}', not '${sheet.name}'.`);
  if (mapping.missingRequired.length > 0) {
    const { rows, blankRows } = countDataRows(sheet, mapping.headerRow);
    return {
      records: [],
      issues: missingColumnIssues(sheet, mapping, rows),
      rowsRead: rows,
      rowsExcluded: rows,
      rowsBlank: blankRows,
    };
  }
  // Rows are read in place (no list of them is built) through one plan shared by every row.
  const plan = rowPlan(mapping);
  const records: T[] = [];
  const issues: Issue[] = [];
  const firstSeen = new FirstRows(duplicates ? sheet.rows.length : 0);
  const firstRow = sheet.firstRow ?? 1;
  let rowsRead = 0;
  let blankRows = 0;
  const keep = (context: ReturnType<typeof rowContextAt>): void => {
    if (context.clean) return;
    const rowIssues = context.issues;
    for (let i = 0; i < rowIssues.length; i += 1) issues.push(rowIssues[i]);
  };
  for (let index = mapping.headerRow - firstRow + 1; index < sheet.rows.length; index += 1) {
    const cells = sheet.rows[index];
    if (isBlankRow(cells)) {
      blankRows += 1;
      continue;
    }
    rowsRead += 1;
    const rowNumber = firstRow + index;
    const context = rowContextAt(sheet.name, plan, rowNumber, cells);
    const record = readRow(context);
    const key = duplicates && record !== undefined && !context.excluded ? duplicates.key(record) : undefined;
    if (duplicates && record !== undefined && key !== undefined) {
      const firstRowSeen = firstSeen.firstOrAdd(key, duplicates.part?.(record), rowNumber);
      if (firstRowSeen !== undefined) {
        const { problem, ...target } = duplicates.describe(record, firstRowSeen);
        context.report(target, 'warning', 'duplicateRow', problem, 'this later copy is excluded');
        keep(context);
        continue;
      }
    }
    keep(context);
    if (record !== undefined && !context.excluded) records.push(record);
    else if (!context.excluded)
      throw new Error(`Row ${rowNumber} of sheet '${sheet.name}' was dropped without an issue.`);
  }
  return { records, issues, rowsRead, rowsExcluded: rowsRead - records.length, rowsBlank: blankRows };
}
