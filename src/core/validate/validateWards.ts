import type { AgeBandColumn, AgeColumn, ColumnMapping } from '../schema/types';
import type { Issue, SheetData, WardRecord } from '../types';
import { cellText, isBlankCell } from './cellText';
import { dataRows } from './dataRows';
import { normaliseWardCode } from './isWardCode';
import { parseNumber } from './parseNumber';
import { optionalText } from './readCells';
import { EXCLUDED, quoted, type RowContext } from './rowContext';
import type { ValidationResult } from './types';
import { validateRows } from './validateRows';

/** Where the young population of the chosen band comes from. */
export type YoungPopulationSource =
  | { readonly kind: 'singleYears'; readonly columns: readonly AgeColumn[] }
  | { readonly kind: 'band'; readonly column: AgeBandColumn }
  | { readonly kind: 'column'; readonly column: number; readonly header: string; readonly stated: boolean };

const bandText = ([from, to]: readonly [number, number]): string => `${from}–${to}`;

/**
 * Chooses the columns that give the young population for an age band: a column the analyst
 * named (`youngPopulation` override); else single-year columns covering every age of the band,
 * summed (so any band works); else a column whose header states exactly this band; else a column
 * named as a young population without stating ages (used, with a warning that its band cannot be
 * checked). Returns the missing ages when none of these exists.
 * @example youngPopulationSource(onsMapping, [11, 16]) // => single years age_11 … age_16
 */
export function youngPopulationSource(
  mapping: ColumnMapping,
  ageBand: readonly [number, number],
): { readonly source: YoungPopulationSource } | { readonly missingAges: readonly number[] } {
  const [from, to] = ageBand;
  const named = mapping.fields.youngPopulation;
  if (named?.how === 'override') return { source: { kind: 'column', column: named.column, header: named.header, stated: true } };
  const ages = Array.from({ length: to - from + 1 }, (_, index) => from + index);
  const singleYears = ages.map((age) => mapping.ageColumns?.find((column) => column.age === age));
  if (singleYears.every((column) => column !== undefined)) return { source: { kind: 'singleYears', columns: singleYears as AgeColumn[] } };
  const band = mapping.ageBandColumns?.find((column) => column.from === from && column.to === to);
  if (band) return { source: { kind: 'band', column: band } };
  if (named) return { source: { kind: 'column', column: named.column, header: named.header, stated: false } };
  return { missingAges: ages.filter((_, index) => singleYears[index] === undefined) };
}

/**
 * A head count from one column: blank, not a number, negative or fractional is an error that
 * excludes the row. ONS estimates are whole numbers of people, so a fraction means the column
 * holds something else (a rate, a percentage), and no part of such a row can be trusted.
 */
function readCount(row: RowContext, column: number, header: string, label: string): number | undefined {
  const value = row.cellAt(column);
  const target = { column: header, value: cellText(value) };
  if (isBlankCell(value)) {
    row.report(target, 'error', 'missingValue', `blank, but ${label} is required`, EXCLUDED);
    return undefined;
  }
  const count = parseNumber(value);
  if (count === undefined) {
    row.report(target, 'error', 'notANumber', `${quoted(cellText(value))} is not a number (expected ${label})`, EXCLUDED);
    return undefined;
  }
  if (count < 0) {
    row.report(target, 'error', 'invalidValue', `${quoted(cellText(value))} is negative (expected ${label})`, EXCLUDED);
    return undefined;
  }
  if (!Number.isInteger(count)) {
    row.report(target, 'error', 'invalidValue', `${quoted(cellText(value))} is not a whole number of people (expected ${label}; a fraction suggests a rate or percentage column)`, EXCLUDED);
    return undefined;
  }
  return count;
}

/** The whole sheet fails when no column gives the band: one error naming the missing ages and the bands that are there. */
function missingBand(sheet: SheetData, mapping: ColumnMapping, ageBand: readonly [number, number], missingAges: readonly number[]): ValidationResult<WardRecord> {
  const { rows, blankRows } = dataRows(sheet, mapping.headerRow);
  const bands = (mapping.ageBandColumns ?? []).map((band) => `'${band.header}' (${band.from}–${band.to})`);
  const issue: Issue = {
    sheet: mapping.sheet, row: mapping.headerRow, column: '', value: '', severity: 'error', code: 'columnMissing',
    message:
      `Sheet '${mapping.sheet}', row ${mapping.headerRow}: the population aged ${bandText(ageBand)} cannot be found: there are no single-year columns for ` +
      `age${missingAges.length > 1 ? 's' : ''} ${missingAges.join(', ')} and no column for the band ${bandText(ageBand)}` +
      `${bands.length > 0 ? ` (the bands given are ${bands.join(', ')})` : ''}; none of the sheet's ${rows.length} rows can be used. ` +
      `Add the missing ages, choose a band the sheet has, or name the column with wards.youngPopulation=Header text.`,
  };
  return { records: [], issues: [issue], rowsRead: rows.length, rowsExcluded: rows.length, rowsBlank: blankRows };
}

/**
 * Checks and converts a wards sheet into `WardRecord`s with the young population of `ageBand`
 * (inclusive, in years), chosen by `youngPopulationSource`.
 *
 * Excluded (error): a blank or malformed ward code ('missingValue', 'invalidValue'); a population
 * cell that is blank, not a number, negative, or not a whole number ('invalidValue': a decision —
 * ONS estimates are whole numbers, so 123.5 means a wrong column such as a rate or percentage, and
 * the row is excluded rather than rounded). A later row with a ward code already read gets a
 * 'duplicateRow' warning and is excluded. A blank ward name is replaced by the code (warning).
 * An Excel error cell ('#N/A', …) is read as no value, with an 'excelError' issue (see `rowContext`).
 * When no column gives the band, one 'columnMissing' error on the header row names the missing
 * ages and every row is excluded.
 * @example validateWards(onsSheet, onsMapping, [11, 16]) // population = age_11 + … + age_16 for each ward
 */
export function validateWards(sheet: SheetData, mapping: ColumnMapping, ageBand: readonly [number, number]): ValidationResult<WardRecord> {
  const [from, to] = ageBand;
  if (!Number.isInteger(from) || !Number.isInteger(to) || from < 0 || to < from) {
    throw new RangeError(`An age band is two whole numbers, youngest first; got [${from}, ${to}].`);
  }
  const choice = youngPopulationSource(mapping, ageBand);
  const extraIssues: Issue[] = [];
  if ('missingAges' in choice) {
    if (mapping.missingRequired.length > 0) return validateRows<WardRecord>(sheet, mapping, 'wards', () => undefined);
    return missingBand(sheet, mapping, ageBand, choice.missingAges);
  }
  const { source } = choice;
  if (source.kind === 'column' && !source.stated) {
    extraIssues.push({
      sheet: mapping.sheet, row: mapping.headerRow, column: source.header, value: '', severity: 'warning', code: 'invalidValue',
      message:
        `Sheet '${mapping.sheet}', row ${mapping.headerRow}, column '${source.header}': the header does not say which ages it counts, ` +
        `and there are no single-year columns for ages ${bandText(ageBand)}; it is used as the population aged ${bandText(ageBand)}, so check that it is.`,
    });
  }
  const label = `the population aged ${bandText(ageBand)}`;
  const result = validateRows<WardRecord>(
    sheet,
    mapping,
    'wards',
    (row) => {
      let wardCode: string | undefined;
      if (row.blank('wardCode')) row.report('wardCode', 'error', 'missingValue', 'blank, but a ward code is required', EXCLUDED);
      else {
        wardCode = normaliseWardCode(row.cell('wardCode'));
        if (!wardCode) row.report('wardCode', 'error', 'invalidValue', `${quoted(row.text('wardCode'))} is not a ward code (expected E05, W05 or S13 and six digits, e.g. E05011118)`, EXCLUDED);
      }
      let youngPopulation: number | undefined;
      if (source.kind === 'singleYears') {
        const counts = source.columns.map((column) => readCount(row, column.column, column.header, `the population aged ${column.age}`));
        youngPopulation = counts.every((count) => count !== undefined) ? (counts as number[]).reduce((sum, count) => sum + count, 0) : undefined;
      } else if (source.kind === 'band') {
        youngPopulation = readCount(row, source.column.column, source.column.header, label);
      } else {
        youngPopulation = readCount(row, source.column, source.header, label);
      }
      let wardName = optionalText(row, 'wardName');
      if (wardName === undefined && wardCode !== undefined) {
        if (row.mapped('wardName')) row.report('wardName', 'warning', 'missingValue', 'no ward name is given', `the ward is named by its code, ${wardCode}`);
        wardName = wardCode;
      }
      if (wardCode === undefined || wardName === undefined || youngPopulation === undefined) return undefined;
      const districtCode = optionalText(row, 'districtCode');
      const districtName = optionalText(row, 'districtName');
      return {
        sourceRow: row.rowNumber,
        wardCode,
        wardName,
        ...(districtCode !== undefined ? { districtCode } : {}),
        ...(districtName !== undefined ? { districtName } : {}),
        youngPopulation,
      };
    },
    {
      key: (record) => record.wardCode,
      describe: (record, firstRow) => ({ column: mapping.fields.wardCode?.header ?? 'wardCode', value: record.wardCode, problem: `ward ${record.wardCode} was already read on row ${firstRow}` }),
    },
  );
  return { ...result, issues: [...extraIssues, ...result.issues] };
}
