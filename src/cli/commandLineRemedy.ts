import type { Issue, Remedy } from '../core/types';
import { ROLE_FILE_FLAGS } from './parseArguments';

/**
 * How to change a setting on the command line, for a problem's remedy.
 * @example commandLineRemedy({ setting: 'ageBand' }) // => 'Set the age band with --age FROM-TO (e.g. --age 10-17).'
 */
export function commandLineRemedy(remedy: Remedy): string {
  switch (remedy.setting) {
    case 'column':
      return `Name the column with --map ${remedy.role}.${remedy.field}="Header text".`;
    case 'sheet': {
      const fileFlag = Object.keys(ROLE_FILE_FLAGS).find((flag) => ROLE_FILE_FLAGS[flag] === remedy.role);
      return `Name the sheet with --sheet ${remedy.role}="Sheet name"${fileFlag ? `, or give it as a file with ${fileFlag} FILE.csv` : ''}.`;
    }
    case 'ageBand':
      return 'Set the age band with --age FROM-TO (e.g. --age 10-17), or name the population column with --map wards.youngPopulation="Header text".';
    case 'offenceTypes':
      return `Choose the types with --types "${remedy.examples.length > 0 ? remedy.examples.join(';') : 'Type A;Type B'}" (types as written in the sheet, or groups such as "violence with injury;robbery"), or --types all.`;
    case 'scope':
      return 'Widen the scope with --age, --types, --from or --to.';
    case 'protection':
      return 'Lower the protection interval with --protection N.';
    case 'catchmentModel':
      return 'Use the modelled catchment with --catchment auto (observed pupil residence where given, the distance model otherwise).';
    case 'boundaries':
      return 'Give the boundaries with --boundaries FILE.geojson.';
  }
}

/** A problem's message with the command line's way to fix it, when it has one. */
export function withCommandLineRemedy(issue: Issue): string {
  return issue.remedy ? `${issue.message} ${commandLineRemedy(issue.remedy)}` : issue.message;
}
