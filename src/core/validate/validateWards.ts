import type { AgeBandColumn, AgeColumn, AgeColumnSex, ColumnMapping } from '../schema/types';
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
  /**
   * Single-year columns, all added together: for each age of the band its persons column, or, when
   * the age has none, its male and its female column (so a persons column is never added to its own sex split).
   */
  | { readonly kind: 'singleYears'; readonly columns: readonly AgeColumn[] }
  | { readonly kind: 'band'; readonly column: AgeBandColumn }
  | { readonly kind: 'column'; readonly column: number; readonly header: string; readonly stated: boolean };

/** An age of the band with a column for one sex but not the other (and no persons column). */
export interface OneSexOnly {
  readonly age: number;
  /** The sex that has a column. */
  readonly has: AgeColumnSex;
  readonly header: string;
}

/** Why no column gives the band. */
export interface MissingBand {
  /** Ages of the band with no usable count: no persons column, and not both a male and a female column. */
  readonly missingAges: readonly number[];
  /** Those of `missingAges` that have a column for one sex only. */
  readonly oneSexOnly: readonly OneSexOnly[];
}

const bandText = ([from, to]: readonly [number, number]): string => `${from}–${to}`;

/** The columns giving one age's population: its persons column, else its male and female columns; undefined when neither. */
function columnsOfAge(columns: readonly AgeColumn[], age: number): readonly AgeColumn[] | undefined {
  const persons = columns.find((column) => column.age === age && column.sex === undefined);
  if (persons) return [persons];
  const male = columns.find((column) => column.age === age && column.sex === 'male');
  const female = columns.find((column) => column.age === age && column.sex === 'female');
  return male && female ? [male, female] : undefined;
}

/**
 * Chooses the columns that give the young population for an age band: a column the analyst
 * named (`youngPopulation` override); else single-year columns covering every age of the band,
 * summed (so any band works) — per age the persons column, or male + female when the sheet splits
 * that age by sex (never both, so nobody is counted twice); else a column whose header states
 * exactly this band; else a column named as a young population without stating ages (used, with a
 * warning that its band cannot be checked). Returns the missing ages when none of these exists.
 * @example youngPopulationSource(onsMapping, [11, 16]) // => single years age_11 … age_16
 * @example youngPopulationSource(sapeMapping, [10, 11]) // => single years M10, F10, M11, F11
 */
export function youngPopulationSource(
  mapping: ColumnMapping,
  ageBand: readonly [number, number],
): { readonly source: YoungPopulationSource } | MissingBand {
  const [from, to] = ageBand;
  const named = mapping.fields.youngPopulation;
  if (named?.how === 'override')
    return { source: { kind: 'column', column: named.column, header: named.header, stated: true } };
  const ageColumns = mapping.ageColumns ?? [];
  const ages = Array.from({ length: to - from + 1 }, (_, index) => from + index);
  const perAge = ages.map((age) => columnsOfAge(ageColumns, age));
  if (perAge.every((columns) => columns !== undefined)) {
    return { source: { kind: 'singleYears', columns: perAge.flat() } };
  }
  const band = mapping.ageBandColumns?.find((column) => column.from === from && column.to === to);
  if (band) return { source: { kind: 'band', column: band } };
  if (named) return { source: { kind: 'column', column: named.column, header: named.header, stated: false } };
  const missingAges = ages.filter((_, index) => perAge[index] === undefined);
  const oneSexOnly = missingAges.flatMap((age): OneSexOnly[] => {
    const sexed = ageColumns.flatMap((column) =>
      column.age === age && column.sex !== undefined ? [{ sex: column.sex, header: column.header }] : [],
    );
    return sexed.length === 1 ? [{ age, has: sexed[0].sex, header: sexed[0].header }] : [];
  });
  return { missingAges, oneSexOnly };
}

/**
 * More residents than any electoral ward holds (the largest in England have about 40,000): a value
 * above it is a wrong column or a typing error, not a population.
 */
const MAX_WARD_POPULATION = 1_000_000;

/**
 * A head count from one column: blank, not a number, negative, fractional or above
 * MAX_WARD_POPULATION is an error that
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
    row.report(
      target,
      'error',
      'notANumber',
      `${quoted(cellText(value))} is not a number (expected ${label})`,
      EXCLUDED,
    );
    return undefined;
  }
  if (count < 0) {
    row.report(target, 'error', 'invalidValue', `${quoted(cellText(value))} is negative (expected ${label})`, EXCLUDED);
    return undefined;
  }
  if (!Number.isInteger(count)) {
    row.report(
      target,
      'error',
      'invalidValue',
      `${quoted(cellText(value))} is not a whole number of people (expected ${label}; a fraction suggests a rate or percentage column)`,
      EXCLUDED,
    );
    return undefined;
  }
  if (count > MAX_WARD_POPULATION) {
    row.report(
      target,
      'error',
      'invalidValue',
      `${quoted(cellText(value))} is more people than any ward has (expected ${label}, at most ${MAX_WARD_POPULATION.toLocaleString('en-GB')})`,
      EXCLUDED,
    );
    return undefined;
  }
  return count;
}

/** Lists with a final 'and': ['a', 'b', 'c'] -> 'a, b and c'. */
function joinAnd(items: readonly string[]): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** Ages as runs: [10, 11, 12, 13, 15] -> '10–13, 15'. */
function ageRanges(ages: readonly number[]): string {
  const sorted = [...new Set(ages)].sort((a, b) => a - b);
  const runs: string[] = [];
  let start = 0;
  for (let index = 1; index <= sorted.length; index += 1) {
    if (index < sorted.length && sorted[index] === sorted[index - 1] + 1) continue;
    const first = sorted[start];
    const last = sorted[index - 1];
    runs.push(first === last ? `${first}` : `${first}–${last}`);
    start = index;
  }
  return runs.join(', ');
}

const agesPhrase = (ages: readonly number[]): string => `${ages.length === 1 ? 'age' : 'ages'} ${ageRanges(ages)}`;

/** Headers as the message quotes them; a long list is shortened to its first and last. */
function headersPhrase(headers: readonly string[]): string {
  return headers.length > 3
    ? `'${headers[0]}'…'${headers[headers.length - 1]}'`
    : joinAnd(headers.map((header) => `'${header}'`));
}

/** The population columns a wards sheet has, as the message lists them: single years as runs, then each band column. */
function populationInventory(mapping: ColumnMapping): string[] {
  const columns = mapping.ageColumns ?? [];
  const agesOf = (sex: AgeColumnSex | undefined): number[] =>
    columns.filter((column) => column.sex === sex).map((column) => column.age);
  const persons = agesOf(undefined);
  const male = agesOf('male');
  const female = agesOf('female');
  const years = (ages: readonly number[]): string => `single year${ages.length === 1 ? '' : 's'} ${ageRanges(ages)}`;
  const parts: string[] = [];
  if (persons.length > 0) parts.push(years(persons));
  if (male.length > 0 && ageRanges(male) === ageRanges(female)) parts.push(`male and female ${years(male)}`);
  else {
    if (male.length > 0) parts.push(`male ${years(male)}`);
    if (female.length > 0) parts.push(`female ${years(female)}`);
  }
  for (const band of mapping.ageBandColumns ?? []) parts.push(`'${band.header}' (${band.from}–${band.to})`);
  return parts;
}

const OTHER_SEX: Readonly<Record<AgeColumnSex, AgeColumnSex>> = { male: 'female', female: 'male' };

/**
 * The whole sheet fails when no column gives the band: one error naming the sheet, the population
 * columns it has, the ages it lacks (and, for a sex split, which sex is missing at which age), and
 * what the band needs. The remedy is a setting (the age band, or the population column), which each
 * front end words in its own terms.
 */
function missingBand(
  sheet: SheetData,
  mapping: ColumnMapping,
  ageBand: readonly [number, number],
  missing: MissingBand,
): ValidationResult<WardRecord> {
  const { rows, blankRows } = dataRows(sheet, mapping.headerRow);
  const [from, to] = ageBand;
  const band = bandText(ageBand);
  const inventory = populationInventory(mapping);
  const has =
    inventory.length > 0
      ? `The sheet's population columns are: ${inventory.join('; ')}.`
      : "The sheet has no population columns: no header names a single year of age (such as 'Age 10', 'M10' or 'Females 10') or an age band (such as 'Population 10-17').";
  const oneSex = new Set(missing.oneSexOnly.map((entry) => entry.age));
  const noColumn = missing.missingAges.filter((age) => !oneSex.has(age));
  const gaps: string[] = [];
  if (noColumn.length > 0 && inventory.length > 0) gaps.push(`there is no column for ${agesPhrase(noColumn)}`);
  for (const sex of ['male', 'female'] as const) {
    const entries = missing.oneSexOnly.filter((entry) => entry.has === sex);
    if (entries.length === 0) continue;
    const plural = entries.length > 1;
    gaps.push(
      `${agesPhrase(entries.map((entry) => entry.age))} ${plural ? 'have' : 'has'} ${plural ? `${sex} columns` : `a ${sex} column`} ` +
        `(${headersPhrase(entries.map((entry) => entry.header))}) but no ${OTHER_SEX[sex]} column${plural ? 's' : ''}`,
    );
  }
  const gapText = gaps.length > 0 ? ` ${gaps[0][0].toUpperCase()}${gaps.join('; ').slice(1)}.` : '';
  const sexSplit = (mapping.ageColumns ?? []).some((column) => column.sex !== undefined);
  const needs =
    `The band ${band} needs ${from === to ? `a single-year column for age ${from}` : `single-year columns for ages ${from} to ${to}`}, ` +
    `or a column for exactly ${band}` +
    `${sexSplit ? ' (a single year is a persons column, or a male and a female column added together)' : ''}` +
    `; ${rows.length === 1 ? "the sheet's one row cannot be used" : `none of the sheet's ${rows.length} rows can be used`}.`;
  const issue: Issue = {
    sheet: mapping.sheet,
    row: mapping.headerRow,
    column: '',
    value: '',
    severity: 'error',
    code: 'columnMissing',
    message:
      `Sheet '${mapping.sheet}', row ${mapping.headerRow}: the population aged ${band} cannot be found. ${has}${gapText} ${needs} ` +
      'Choose a band the sheet has, or name the population column.',
    remedy: { setting: 'ageBand' },
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
 * When no column gives the band, one 'columnMissing' error on the header row (remedy: the age band)
 * names the population columns the sheet has and the ages it lacks, and every row is excluded.
 * @example validateWards(onsSheet, onsMapping, [11, 16]) // population = age_11 + … + age_16 for each ward
 * @example validateWards(sapeSheet, sapeMapping, [10, 11]) // population = M10 + F10 + M11 + F11 for each ward
 */
export function validateWards(
  sheet: SheetData,
  mapping: ColumnMapping,
  ageBand: readonly [number, number],
): ValidationResult<WardRecord> {
  const [from, to] = ageBand;
  if (!Number.isInteger(from) || !Number.isInteger(to) || from < 0 || to < from) {
    throw new RangeError(`An age band is two whole numbers, youngest first; got [${from}, ${to}].`);
  }
  const choice = youngPopulationSource(mapping, ageBand);
  const extraIssues: Issue[] = [];
  if ('missingAges' in choice) {
    if (mapping.missingRequired.length > 0) return validateRows<WardRecord>(sheet, mapping, 'wards', () => undefined);
    return missingBand(sheet, mapping, ageBand, choice);
  }
  const { source } = choice;
  if (source.kind === 'column' && !source.stated) {
    extraIssues.push({
      sheet: mapping.sheet,
      row: mapping.headerRow,
      column: source.header,
      value: '',
      severity: 'warning',
      code: 'invalidValue',
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
      if (row.blank('wardCode'))
        row.report('wardCode', 'error', 'missingValue', 'blank, but a ward code is required', EXCLUDED);
      else {
        wardCode = normaliseWardCode(row.cell('wardCode'));
        if (!wardCode)
          row.report(
            'wardCode',
            'error',
            'invalidValue',
            `${quoted(row.text('wardCode'))} is not a ward code (expected E05, W05 or S13 and six digits, e.g. E05011118)`,
            EXCLUDED,
          );
      }
      let youngPopulation: number | undefined;
      if (source.kind === 'singleYears') {
        const counts = source.columns.map((column) =>
          readCount(
            row,
            column.column,
            column.header,
            `the ${column.sex ? `${column.sex} ` : ''}population aged ${column.age}`,
          ),
        );
        youngPopulation = counts.every((count) => count !== undefined)
          ? counts.reduce((sum, count) => sum + count, 0)
          : undefined;
      } else if (source.kind === 'band') {
        youngPopulation = readCount(row, source.column.column, source.column.header, label);
      } else {
        youngPopulation = readCount(row, source.column, source.header, label);
      }
      let wardName = optionalText(row, 'wardName');
      if (wardName === undefined && wardCode !== undefined) {
        if (row.mapped('wardName'))
          row.report(
            'wardName',
            'warning',
            'missingValue',
            'no ward name is given',
            `the ward is named by its code, ${wardCode}`,
          );
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
      describe: (record, firstRow) => ({
        column: mapping.fields.wardCode?.header ?? 'wardCode',
        value: record.wardCode,
        problem: `ward ${record.wardCode} was already read on row ${firstRow}`,
      }),
    },
  );
  return { ...result, issues: [...extraIssues, ...result.issues] };
}
