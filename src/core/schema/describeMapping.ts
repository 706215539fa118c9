import { columnLetter } from './columnLetter';
import { ROLE_SPECS } from './fieldSpecs';
import { describeColumn } from './mapColumns';
import type { AgeColumn, ColumnMapping, FieldMatch, FieldName } from './types';

const HOW_NOTE: Readonly<Record<FieldMatch['how'], string>> = {
  override: ', as you set it',
  exact: '',
  synonym: '',
  fuzzy: ', a guess from similar words: please check',
};

/** Consecutive runs of ages, e.g. [4..18] -> 'ages 4–18 <- columns F–T'. */
function describeAgeRuns(role: string, columns: readonly AgeColumn[]): string[] {
  const lines: string[] = [];
  let start = 0;
  for (let index = 1; index <= columns.length; index += 1) {
    const runEnds = index === columns.length || columns[index].age !== columns[index - 1].age + 1 || columns[index].column !== columns[index - 1].column + 1;
    if (!runEnds) continue;
    const first = columns[start];
    const last = columns[index - 1];
    lines.push(
      first === last
        ? `${role} single year: age ${first.age} <- ${describeColumn(first.header, first.column)}`
        : `${role} single years: ages ${first.age}–${last.age} <- '${first.header}'…'${last.header}' (columns ${columnLetter(first.column)}–${columnLetter(last.column)})`,
    );
    start = index;
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
    if (match) lines.push(`${mapping.role}.${fieldSpec.field} <- ${describeColumn(match.header, match.column).replace(/\)$/, `${HOW_NOTE[match.how]})`)}`);
  }
  for (const band of mapping.ageBandColumns ?? []) {
    lines.push(`${mapping.role} band: ages ${band.from}–${band.to} <- ${describeColumn(band.header, band.column)}`);
  }
  lines.push(...describeAgeRuns(mapping.role, mapping.ageColumns ?? []));
  for (const name of mapping.missingRequired) {
    const group = spec.required.find((candidate) => candidate.name === name);
    const options = (group?.alternatives ?? [[name as FieldName]]).map((alternative) => alternative.join(' + ')).join(', or ');
    lines.push(`${mapping.role}.${name}: NO COLUMN FOUND for ${group?.label ?? name} (needs ${options}); set one with ${mapping.role}.${(group?.alternatives ?? [[name]])[0][0]}=Header text`);
  }
  for (const issue of mapping.issues) lines.push(`problem: ${issue.message}`);
  return lines;
}
