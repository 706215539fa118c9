import { columnLetter } from './columnLetter';
import { ROLE_SPECS } from './fieldSpecs';
import { describeColumn } from './mapColumns';
import type { AgeColumn, ColumnMapping, FieldMatch } from './types';

const HOW_NOTE: Readonly<Record<FieldMatch['how'], string>> = {
  override: ', as you set it',
  exact: '',
  synonym: '',
  fuzzy: ', a guess from similar words: please check',
};

/** Spacing of a run's columns that still reads as one run: side by side, or persons, male and female interleaved. */
const MAX_STEP = 3;
const ORDINAL: Readonly<Record<number, string>> = { 2: 'second', 3: 'third' };

/** The columns of a run of ages: 'columns F–T', or 'every second column from F to T' when sexes alternate. */
function runColumns(first: AgeColumn, last: AgeColumn, step: number): string {
  const span = `${columnLetter(first.column)}–${columnLetter(last.column)}`;
  if (step === 1) return `columns ${span}`;
  return `every ${ORDINAL[step]} column from ${columnLetter(first.column)} to ${columnLetter(last.column)}`;
}

/**
 * Runs of consecutive ages whose columns are evenly spaced, e.g. [4..18] -> 'ages 4–18 <- columns F–T'.
 * `label` names the columns' sex ('single years (male)') or persons ('single years').
 */
function describeAgeRuns(role: string, label: string, columns: readonly AgeColumn[]): string[] {
  const lines: string[] = [];
  let start = 0;
  for (let index = 1; index <= columns.length; index += 1) {
    // A run's spacing is set by its first two columns: 1 when the ages sit side by side, 2 when male and female alternate.
    const step = start + 1 < columns.length ? columns[start + 1].column - columns[start].column : 0;
    const continues =
      index < columns.length &&
      columns[index].age === columns[index - 1].age + 1 &&
      step > 0 &&
      step <= MAX_STEP &&
      columns[index].column - columns[index - 1].column === step;
    if (continues) continue;
    const first = columns[start];
    const last = columns[index - 1];
    lines.push(
      first === last
        ? `${role} ${label.replace('single years', 'single year')}: age ${first.age} <- ${describeColumn(first.header, first.column)}`
        : `${role} ${label}: ages ${first.age}–${last.age} <- '${first.header}'…'${last.header}' (${runColumns(first, last, step)})`,
    );
    start = index;
  }
  return lines;
}

/** Ages as runs: [10, 11, 12, 15] -> '10–12, 15'. */
function ageRuns(ages: readonly number[]): string {
  const runs: string[] = [];
  let start = 0;
  for (let index = 1; index <= ages.length; index += 1) {
    if (index < ages.length && ages[index] === ages[index - 1] + 1) continue;
    runs.push(ages[start] === ages[index - 1] ? `${ages[start]}` : `${ages[start]}–${ages[index - 1]}`);
    start = index;
  }
  return runs.join(', ');
}

/**
 * Single-year lines: persons, male and female columns each in runs, then how a sex split is added up:
 * male + female for each age, except where the age also has a persons column, which is then used alone.
 */
function describeSingleYears(role: string, columns: readonly AgeColumn[]): string[] {
  const persons = columns.filter((column) => column.sex === undefined);
  const male = columns.filter((column) => column.sex === 'male');
  const female = columns.filter((column) => column.sex === 'female');
  const lines = [
    ...describeAgeRuns(role, 'single years', persons),
    ...describeAgeRuns(role, 'single years (male)', male),
    ...describeAgeRuns(role, 'single years (female)', female),
  ];
  const personsAges = new Set(persons.map((column) => column.age));
  const femaleAges = new Set(female.map((column) => column.age));
  const paired = male.map((column) => column.age).filter((age) => femaleAges.has(age));
  const summed = paired.filter((age) => !personsAges.has(age));
  const shadowed = paired.filter((age) => personsAges.has(age));
  if (summed.length > 0) {
    lines.push(
      `${role} single years: male + female added together for ${summed.length === 1 ? 'age' : 'ages'} ${ageRuns(summed)}`,
    );
  }
  if (shadowed.length > 0) {
    lines.push(
      `${role} single years: ${shadowed.length === 1 ? 'age' : 'ages'} ${ageRuns(shadowed)} also ${shadowed.length === 1 ? 'has a persons column' : 'have persons columns'}, ` +
        'used instead of male + female so nobody is counted twice',
    );
  }
  const unpaired = [...male, ...female].filter(
    (column) => !personsAges.has(column.age) && !paired.includes(column.age),
  );
  for (const sex of ['male', 'female'] as const) {
    const ages = unpaired.filter((column) => column.sex === sex).map((column) => column.age);
    if (ages.length === 0) continue;
    const other = sex === 'male' ? 'female' : 'male';
    lines.push(
      `${role} single years: ${ages.length === 1 ? 'age' : 'ages'} ${ageRuns(ages)} ${ages.length === 1 ? 'has' : 'have'} no ${other} column, so cannot be counted`,
    );
  }
  return lines;
}

/**
 * Human lines describing a mapping, for the command line and the dialogue, e.g.
 * `offences.age <- 'Age at Offence' (column C)`. Loose matches and overrides say so; each missing
 * requirement gets a line naming what would satisfy it.
 * @example describeMapping(mapping)[0] // => "offences: sheet 'Crimes', headers on row 3"
 */
export function describeMapping(mapping: ColumnMapping): string[] {
  const spec = ROLE_SPECS[mapping.role];
  const lines = [`${mapping.role}: sheet '${mapping.sheet}', headers on row ${mapping.headerRow}`];
  for (const fieldSpec of spec.fields) {
    const match = mapping.fields[fieldSpec.field];
    if (match)
      lines.push(
        `${mapping.role}.${fieldSpec.field} <- ${describeColumn(match.header, match.column).replace(/\)$/, `${HOW_NOTE[match.how]})`)}`,
      );
  }
  for (const band of mapping.ageBandColumns ?? []) {
    lines.push(`${mapping.role} band: ages ${band.from}–${band.to} <- ${describeColumn(band.header, band.column)}`);
  }
  lines.push(...describeSingleYears(mapping.role, mapping.ageColumns ?? []));
  for (const name of mapping.missingRequired) {
    const group = spec.required.find((candidate) => candidate.name === name);
    const alternatives: readonly (readonly string[])[] = group?.alternatives ?? [[name]];
    const options = alternatives.map((alternative) => alternative.join(' + ')).join(', or ');
    lines.push(
      `${mapping.role}.${name}: NO COLUMN FOUND for ${group?.label ?? name} (needs ${options}); set one with ${mapping.role}.${alternatives[0][0]}=Header text`,
    );
  }
  for (const issue of mapping.issues) lines.push(`problem: ${issue.message}`);
  return lines;
}
