/** "help": what can be said, with examples that work. */
import type { Command } from '../commands';
import type { Outcome } from './state';

export const HELP_TEXT = [
  'Say what you want in plain words. For example:',
  "• \"what's in this workbook?\" — the sheets and what each is used for",
  "• \"use 'Crimes 2021' for offences\", \"the age column is 'Age at Offence'\" — choose sheets and columns",
  '• "only ages 11 to 16", "from April 2022 to March 2023", "rank secondary schools"',
  '• "include criminal damage", "exclude robbery", "count only robbery", "all offence types", "only violence" (the default: the Home Office violence groups)',
  '• "suppress counts under 10" (3, 5, 7 and 10 are common), "hide zeros", "round to 5", "top 25"',
  '• "use the distance model", "observed catchments", "rank by young offenders"',
  '• "run the analysis" — writes the Summary, Schools, Wards, Charts, Validation, Method and Audit sheets',
  '• "show the top 10", "which of the top 20 are not on the VRU list?", "why is Park Hall ranked 3rd?", "tell me about Alpha ward"',
  '• "show the settings", "undo", "reset"',
  'When something is unclear I ask, with the choices as buttons. Every turn is recorded on the Audit sheet.',
].join('\n');

export function help(command: Command): Outcome {
  return {
    text: HELP_TEXT,
    command,
    choices: [
      { label: "What's in this workbook?", utterance: "what's in this workbook?" },
      { label: 'Run the analysis', utterance: 'run the analysis' },
      { label: 'Show the settings', utterance: 'show the settings' },
    ],
  };
}
