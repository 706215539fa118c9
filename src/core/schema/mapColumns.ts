import type { CellValue, Issue, SheetData, SheetRole } from '../types';
import { ageBandOfHeader, singleYearOfHeader } from './ageHeaders';
import { columnIndex, columnLetter } from './columnLetter';
import { matchedFields, ROLE_SPECS } from './fieldSpecs';
import { headerText, headerWords, normaliseHeader } from './normaliseHeader';
import type {
  AgeBandColumn,
  AgeColumn,
  ColumnMapping,
  FieldMatch,
  FieldName,
  FieldSpec,
  MatchHow,
  RoleSpec,
} from './types';

export interface MapColumnsOptions {
  /** How many rows from the top of the used range may hold the header row (title rows sit above it). Default 10. */
  readonly headerSearchRows?: number;
}

/** Words too common to count towards a loose match. */
const STOP_WORDS = new Set(['of', 'the', 'a', 'an', 'at', 'in', 'on', 'for', 'and', 'to', 'by']);

/** Ranks of the ways a column can match a field; higher wins when two fields want one column. */
const RANK = { override: 10000, exact: 3000, synonym: 2000, fuzzy: 1000 } as const;

/** Weight of a field quality in the score: a loose match is worth less than a named one. */
const QUALITY: Readonly<Record<MatchHow, number>> = { override: 1, exact: 1, synonym: 1, fuzzy: 0.6 };

interface PreparedField {
  readonly spec: FieldSpec;
  readonly order: number;
  readonly exact: string;
  readonly synonyms: readonly string[];
  /** Content words of each synonym usable for a loose match (at least one word of three letters or more). */
  readonly looseSynonyms: readonly (readonly string[])[];
  readonly exclude: ReadonlySet<string>;
}

interface PreparedRole {
  readonly spec: RoleSpec;
  readonly fields: readonly PreparedField[];
  readonly requiredFields: ReadonlySet<FieldName>;
}

const contentWords = (text: string): string[] => headerWords(text).filter((word) => !STOP_WORDS.has(word));

const prepared = new Map<SheetRole, PreparedRole>();

function prepareRole(role: SheetRole): PreparedRole {
  const cached = prepared.get(role);
  if (cached) return cached;
  const spec = ROLE_SPECS[role];
  const fields = spec.fields.map((fieldSpec, order) => ({
    spec: fieldSpec,
    order,
    exact: normaliseHeader(fieldSpec.field),
    synonyms: fieldSpec.synonyms.map(normaliseHeader),
    looseSynonyms: fieldSpec.synonyms
      .map(contentWords)
      .filter((words) => words.length > 0 && words.some((word) => word.length >= 3)),
    exclude: new Set(fieldSpec.excludeWords ?? []),
  }));
  const requiredFields = new Set(spec.required.flatMap((group) => group.alternatives.flat()));
  const result = { spec, fields, requiredFields };
  prepared.set(role, result);
  return result;
}

interface HeaderCell {
  readonly column: number;
  readonly text: string;
  readonly normalised: string;
  readonly words: readonly string[];
}

interface RowMatch {
  readonly fields: Partial<Record<FieldName, FieldMatch>>;
  readonly ageColumns: AgeColumn[];
  readonly ageBandColumns: AgeBandColumn[];
  readonly issues: Issue[];
  readonly missingRequired: string[];
  readonly score: number;
}

const quote = (text: string): string => `'${text}'`;

/** Order of an age's single-year columns: the persons column first, then male, then female. */
const SEX_ORDER = { persons: 0, male: 1, female: 2 } as const;

/** Best rank with which a header can stand for a field, or undefined when it cannot. */
function rankOf(field: PreparedField, cell: HeaderCell): { rank: number; how: MatchHow } | undefined {
  if (cell.normalised === field.exact) return { rank: RANK.exact, how: 'exact' };
  const synonymIndex = field.synonyms.indexOf(cell.normalised);
  if (synonymIndex >= 0) return { rank: RANK.synonym + 100 - synonymIndex, how: 'synonym' };
  if (field.spec.patterns?.some((pattern) => pattern.test(cell.normalised)))
    return { rank: RANK.synonym + 100, how: 'synonym' };
  const words = cell.words.filter((word) => !STOP_WORDS.has(word));
  if (
    words.length === 0 ||
    words.some((word) => field.exclude.has(word) || field.exclude.has(word.replace(/\d+$/, '')))
  )
    return undefined;
  let best: number | undefined;
  for (const synonymWords of field.looseSynonyms) {
    if (synonymWords.length / words.length < 0.5) continue;
    if (!synonymWords.every((word) => words.includes(word))) continue;
    const rank = RANK.fuzzy + 10 * synonymWords.length - (words.length - synonymWords.length);
    if (best === undefined || rank > best) best = rank;
  }
  return best === undefined ? undefined : { rank: best, how: 'fuzzy' };
}

function findOverrideColumn(cells: readonly HeaderCell[], wanted: string): HeaderCell | undefined {
  const trimmed = wanted.trim();
  const normalised = normaliseHeader(trimmed);
  return (
    cells.find((cell) => cell.text === trimmed) ??
    cells.find((cell) => normalised !== '' && cell.normalised === normalised) ??
    (() => {
      const index = columnIndex(trimmed);
      return index === undefined ? undefined : cells.find((cell) => cell.column === index);
    })()
  );
}

/** Matches one candidate header row against a role's fields. */
function matchRow(
  row: readonly CellValue[],
  rowNumber: number,
  sheetName: string,
  role: PreparedRole,
  overrides: Readonly<Record<string, string>>,
): RowMatch {
  const cells: HeaderCell[] = [];
  row.forEach((value, column) => {
    const text = headerText(value);
    if (text !== '') cells.push({ column, text, normalised: normaliseHeader(text), words: headerWords(text) });
  });
  const claimed = new Set<number>();
  const fields: Partial<Record<FieldName, FieldMatch>> = {};
  const issues: Issue[] = [];
  /** Fields whose override names no column: left unmapped rather than guessed, so the analyst's intent is not silently replaced. */
  const blocked = new Set<FieldName>();
  const available = cells.map((cell) => quote(cell.text)).join(', ') || '(none)';

  for (const [fieldKey, wanted] of Object.entries(overrides)) {
    const field = role.fields.find(
      (candidate) => candidate.spec.field === fieldKey || candidate.exact === normaliseHeader(fieldKey),
    );
    if (!field) {
      issues.push({
        sheet: sheetName,
        row: rowNumber,
        column: wanted,
        value: fieldKey,
        severity: 'error',
        code: 'invalidValue',
        message:
          `Sheet '${sheetName}': ${role.spec.label} has no field '${fieldKey}', so the column '${wanted}' is not used; ` +
          `the fields are ${role.fields.map((candidate) => candidate.spec.field).join(', ')}.`,
      });
      continue;
    }
    const cell = findOverrideColumn(cells, wanted);
    if (!cell) {
      blocked.add(field.spec.field);
      issues.push({
        sheet: sheetName,
        row: rowNumber,
        column: wanted,
        value: wanted,
        severity: 'error',
        code: 'columnMissing',
        message:
          `Sheet '${sheetName}', row ${rowNumber}: no column is headed '${wanted}' (asked for ${role.spec.role}.${field.spec.field}); ` +
          `the headers are ${available}. ${field.spec.label[0].toUpperCase()}${field.spec.label.slice(1)} is left without a column until the name is corrected.`,
      });
      continue;
    }
    fields[field.spec.field] = { column: cell.column, header: cell.text, how: 'override' };
    claimed.add(cell.column);
  }

  const ageColumns: AgeColumn[] = [];
  const ageBandColumns: AgeBandColumn[] = [];
  if (role.spec.readsAgeColumns) {
    for (const cell of cells) {
      if (claimed.has(cell.column)) continue;
      const band = ageBandOfHeader(cell.text);
      if (band) {
        ageBandColumns.push({ ...band, column: cell.column, header: cell.text });
        claimed.add(cell.column);
        continue;
      }
      const year = singleYearOfHeader(cell.text);
      // The first column for an age and sex wins; a second one is left for the fields (as a repeated header would be).
      if (year !== undefined && !ageColumns.some((known) => known.age === year.age && known.sex === year.sex)) {
        ageColumns.push({
          age: year.age,
          column: cell.column,
          header: cell.text,
          ...(year.sex ? { sex: year.sex } : {}),
        });
        claimed.add(cell.column);
      }
    }
    ageColumns.sort((a, b) => a.age - b.age || SEX_ORDER[a.sex ?? 'persons'] - SEX_ORDER[b.sex ?? 'persons']);
  }

  const candidates: { field: PreparedField; cell: HeaderCell; rank: number; how: MatchHow }[] = [];
  for (const field of role.fields) {
    if (fields[field.spec.field] || blocked.has(field.spec.field)) continue;
    for (const cell of cells) {
      if (claimed.has(cell.column)) continue;
      const match = rankOf(field, cell);
      if (match) candidates.push({ field, cell, ...match });
    }
  }
  candidates.sort((a, b) => b.rank - a.rank || a.cell.column - b.cell.column || a.field.order - b.field.order);
  for (const candidate of candidates) {
    if (fields[candidate.field.spec.field] || claimed.has(candidate.cell.column)) continue;
    fields[candidate.field.spec.field] = {
      column: candidate.cell.column,
      header: candidate.cell.text,
      how: candidate.how,
    };
    claimed.add(candidate.cell.column);
  }

  const hasAgeColumns = ageColumns.length > 0 || ageBandColumns.length > 0;
  const missingRequired = role.spec.required
    .filter((group) => {
      const satisfied = group.alternatives.some((alternative) =>
        alternative.every((name) => fields[name] !== undefined),
      );
      return !(satisfied || (group.name === 'youngPopulation' && role.spec.readsAgeColumns && hasAgeColumns));
    })
    .map((group) => group.name);

  let matchedWeight = 0;
  for (const [name, match] of matchedFields(fields)) {
    matchedWeight += (role.requiredFields.has(name) ? 2 : 1) * QUALITY[match.how];
  }
  if (hasAgeColumns && !fields.youngPopulation) matchedWeight += 2;
  const groups = role.spec.required.length;
  const satisfiedShare = groups === 0 ? 1 : (groups - missingRequired.length) / groups;
  const coverage = cells.length === 0 ? 0 : claimed.size / cells.length;
  const score =
    matchedWeight === 0
      ? 0
      : matchedWeight * (0.25 + 0.75 * satisfiedShare) + (satisfiedShare === 1 ? 1 : 0) + coverage;

  return { fields, ageColumns, ageBandColumns, issues, missingRequired, score: Math.round(score * 100) / 100 };
}

/**
 * Finds the header row of a sheet and the column of each field of a role.
 *
 * The header row is the row, among the first `headerSearchRows`, whose cells are best recognised
 * (exports often carry a title row or two above the headers); ties go to the upper row. Each column
 * serves at most one field. Columns are matched, in this order of precedence: the analyst's
 * `overrides` (field -> header text, or a column letter), the field's own name, a known synonym
 * (earlier synonyms first), then a loose match where every word of a synonym appears in the header
 * and makes up at least half of it (e.g. `Offender Age (years)` for `age`). For wards, columns
 * headed with a single year of age (`age_10`, `Age 10`, `10`; one sex: `M10`/`F10`, `Males 10`,
 * `Female age 10`) or an age band (`age_10_17`, `Population 10-17`) are collected so any age band
 * can be summed later.
 *
 * Score: Σ matched fields' weights (2 when required, 1 otherwise; ×0.6 for a loose match) ×
 * (0.25 + 0.75 × share of requirements met), + 1 when every requirement is met, + the share of
 * non-empty header cells recognised. 0 means nothing was recognised.
 *
 * @example mapColumns({ name: 'Crimes', rows: [['Crime Ref', 'Offender Age']] }, 'offences').fields.age
 *   // => { column: 1, header: 'Offender Age', how: 'synonym' }
 */
export function mapColumns(
  sheet: SheetData,
  role: SheetRole,
  overrides: Readonly<Record<string, string>> = {},
  options: MapColumnsOptions = {},
): ColumnMapping {
  const { headerSearchRows = 10 } = options;
  const preparedRole = prepareRole(role);
  const firstRow = sheet.firstRow ?? 1;
  const searchRows = Math.min(headerSearchRows, sheet.rows.length);

  let bestIndex = -1;
  let best: RowMatch | undefined;
  for (let index = 0; index < searchRows; index += 1) {
    const match = matchRow(sheet.rows[index], firstRow + index, sheet.name, preparedRole, overrides);
    if (!best || match.score > best.score) {
      best = match;
      bestIndex = index;
    }
  }
  if (!best || best.score === 0) {
    const firstFilled = sheet.rows
      .slice(0, Math.max(searchRows, 1))
      .findIndex((row) => row.some((cell) => headerText(cell) !== ''));
    bestIndex = Math.max(firstFilled, 0);
    best = matchRow(sheet.rows[bestIndex] ?? [], firstRow + bestIndex, sheet.name, preparedRole, overrides);
  }

  return {
    role,
    sheet: sheet.name,
    headerRow: firstRow + bestIndex,
    fields: best.fields,
    ...(preparedRole.spec.readsAgeColumns ? { ageColumns: best.ageColumns, ageBandColumns: best.ageBandColumns } : {}),
    missingRequired: best.missingRequired,
    issues: best.issues,
    score: best.score,
  };
}

/** `'Age at Offence' (column C)`: a matched column as the analyst sees it. */
export function describeColumn(header: string, column: number): string {
  return `${quote(header)} (column ${columnLetter(column)})`;
}
