/** "help": what can be said, with examples that work; "help with dates": one topic explained. */
import type { Command, HelpTopic } from '../commands';
import type { Choice } from '../types';
import type { SummaryLine } from './parameterSummary';
import type { Outcome } from './state';

export const HELP_TEXT = [
  'Say what you want in plain words; several things at once are fine ("ages 11 to 16, hide zeros, then run"). For example:',
  '• "what\'s in this workbook?" — the sheets and what each is used for',
  '• "use \'Crimes 2021\' for offences", "the age column is \'Age at Offence\'" — choose sheets and columns',
  '• "only ages 11 to 16", "Year 7 to Year 11", "from April 2022 to March 2023", "FY 21/22", "the last 12 months", "rank secondary schools"',
  '• "include criminal damage", "exclude robbery", "count only robbery", "all offence types", "only violence" (the default: the Home Office violence groups), "list the offence types"',
  '• "suppress counts under 10" (3, 5, 7 and 10 are common), "hide zeros", "round to 5", "use cell key perturbation", "top 25", "set the protection interval to 5", "set the seed to 42"',
  '• "use the distance model", "observed catchments", "rank by young offenders"',
  '• "run the analysis" — writes the Summary, Schools, Wards, Charts, Validation, Method and Audit sheets',
  '• "show the top 10", "which of the top 20 are not on the VRU list?", "why is Park Hall ranked 3rd?", "tell me about Alpha ward", "compare Park Hall and Hill Top", "list the wards by rate"',
  '• "show the settings", "undo", "no wait, make it 10–17", "reset"; "help with dates" explains one topic',
  'When something is unclear I ask, with the choices as buttons. Every turn is recorded on the Audit sheet. Figures are about areas and schools only: I never identify people.',
].join('\n');

/** Each topic: what it means, and what to say. */
export const HELP_TOPIC_TEXT: Readonly<
  Record<HelpTopic, { readonly text: string; readonly choices: readonly Choice[] }>
> = {
  ageBand: {
    text: 'The age band is the ages of offenders at the time of the offence that are counted (10–17 by default); the wards\' young population uses the same ages, so the sheet of ward populations must give them. Say "only ages 11 to 16", "under 18s", "14+", "Year 7 to Year 11" (ages 11–16, an approximation from school years) or "KS4" (ages 14–16).',
    choices: [
      { label: 'Ages 11–16', utterance: 'only ages 11 to 16' },
      { label: 'Ages 10–17', utterance: 'only ages 10 to 17' },
    ],
  },
  offenceTypes: {
    text: 'By default the offences counted are the Home Office violence groups: violence against the person (with and without injury, homicide, stalking and harassment), robbery and possession of weapons. Every other type is listed but not counted. Say "include criminal damage" (added), "exclude robbery", "count only robbery", "all offence types" or "only violence"; "list the offence types" shows what the sheet holds.',
    choices: [
      { label: 'List the offence types', utterance: 'list the offence types' },
      { label: 'Only violence (default)', utterance: 'only violence' },
    ],
  },
  dates: {
    text: 'The date window limits the offences counted by their date (all dates by default). Say "from April 2022 to March 2023", "since Sept 2020", "2023 only", "FY 21/22" (a financial year, April to March), "academic year 2021-22" (September to August), "Q1 of FY 22/23", or "the last 12 months" — of the data: the 12 months to the last offence in the sheet, not to today, so a replay gives the same window. "All dates" removes the window.',
    choices: [
      { label: 'The last 12 months of the data', utterance: 'the last 12 months' },
      { label: 'All dates', utterance: 'all dates' },
    ],
  },
  phases: {
    text: 'Phases are the kinds of school ranked (secondary and all-through by default): primary, secondary, all-through, special, alternative provision (PRUs) and other. Say "rank secondary schools", "include PRUs", "exclude special schools" or "rank all phases".',
    choices: [
      { label: 'Rank secondary schools', utterance: 'rank secondary schools' },
      { label: 'Rank all phases', utterance: 'rank all phases' },
    ],
  },
  suppression: {
    text: 'Small counts are withheld as [c] so that no one can be identified: with a threshold of 5, published counts from 1 to 4 are withheld, and every rate worked from them too. Other counts are withheld as well where they would let a withheld one be worked out from the totals (secondary suppression). Say "suppress counts under 10" (3, 5, 7 and 10 are common) or "hide zeros"; "what is perturbation?" explains the alternative, every count shown with a little noise.',
    choices: [
      { label: 'Suppress counts under 10', utterance: 'suppress counts under 10' },
      { label: 'Hide zeros', utterance: 'hide zeros' },
    ],
  },
  rounding: {
    text: 'Rounding publishes counts rounded to a base (none by default); totals are rounded from unrounded values. Perturbation replaces it (choose one). Say "round to 5" or "no rounding".',
    choices: [
      { label: 'Round to 5', utterance: 'round to 5' },
      { label: 'No rounding', utterance: 'no rounding' },
    ],
  },
  perturbation: {
    text: 'Perturbation (the ONS cell key method) is the alternative to suppression: instead of withholding small counts as [c], every count is shown with a little noise added, at most 2 either way by default. The same records always get the same noise, so rerunning, or comparing runs, cannot average it away. No count from 1 to one below the threshold is ever shown (a small count comes out as 0 or as at least the threshold), and totals are the sums of the shown counts, so tables add up. It replaces rounding: choose one. It suits work you will rerun with many different scopes (ages, dates, offence types), where suppression would have to withhold more and more to stay safe. A disclosure ledger that started with one method cannot switch to the other, and a perturbation ledger keeps the threshold and protection interval it started with (one perturbation table, since the same counts under two tables would show their noise): to change either, start a new workbook (or a new ledger). Say "use perturbation" or "switch to suppression".',
    choices: [
      { label: 'Use perturbation', utterance: 'use perturbation' },
      { label: 'Use suppression', utterance: 'switch to suppression' },
    ],
  },
  protection: {
    text: 'The protection interval is the narrowest range anyone may narrow a withheld count to from the published tables and totals; the disclosure audit (a linear programme) checks every withheld count and stops a run that would leave one narrower. By default it is the threshold. Say "set the protection interval to 5" or "protection back to the threshold".',
    choices: [{ label: 'Protection back to the threshold', utterance: 'protection back to the threshold' }],
  },
  catchment: {
    text: 'A school\'s catchment is the share of its pupils living in each ward. Observed catchments come from the pupil residence sheet; modelled ones from distance (an estimate). By default a school uses the observed rows where the sheet covers it and the model otherwise. Say "observed catchments", "use the distance model" or "automatic catchments".',
    choices: [
      { label: 'Automatic catchments', utterance: 'automatic catchments' },
      { label: 'Use the distance model', utterance: 'use the distance model' },
    ],
  },
  metric: {
    text: 'Schools are ranked on the wards their pupils live in, rated by violent offences where they happened (the default) or by young offenders where they live. Say "rank by offences" or "rank by young offenders".',
    choices: [
      { label: 'Rank by young offenders', utterance: 'rank by young offenders' },
      { label: 'Rank by offences', utterance: 'rank by offences' },
    ],
  },
  ranking: {
    text: "A school's exposure index is the average rate of its catchment wards (each ward weighted by its share of the school's pupils), against the area's rate as 100: 150 means its pupils live in wards with half as much violence again as the area. Schools are ranked by it; the rank interval shows how sure the rank is (from simulations of the counts). Ask \"why is Park Hall ranked 3rd?\" for one school's figures.",
    choices: [{ label: 'Show the top 10', utterance: 'show the top 10' }],
  },
  confidence: {
    text: 'Intervals (ward rates and school ranks) are 95% confidence intervals by default. Say "90% confidence" for narrower ones or "99% confidence" for wider.',
    choices: [{ label: '99% confidence', utterance: '99% confidence' }],
  },
  sheets: {
    text: 'Each input sheet plays one role: offences, schools, wards (with their young population), and optionally pupil residence, the current list, postcodes and ward boundaries. I detect them from their columns; say "use \'Sheet name\' for offences" to choose.',
    choices: [{ label: "What's in this workbook?", utterance: "what's in this workbook?" }],
  },
  columns: {
    text: 'Each role needs some columns (the offences need a date, an age and a location, for example). I find them by their headers; say "the age column is \'Age at Offence\'" to name one.',
    choices: [{ label: "What's in this workbook?", utterance: "what's in this workbook?" }],
  },
  newCandidates: {
    text: 'New candidates are the schools in the top group (the top 20 by default) that are not on the current list sheet. Say "which of the top 20 are not on the list?" or "make the top group 25".',
    choices: [{ label: 'Which are not on the list?', utterance: 'which of the top 20 are not on the list?' }],
  },
  seed: {
    text: 'The rank intervals come from simulations of the counts, drawn from a seeded random sequence, so the same seed gives the same intervals every time. Say "set the seed to 42" to use another.',
    choices: [{ label: 'Show the settings', utterance: 'show the settings' }],
  },
  flags: {
    text: 'A ward is flagged higher or lower than the area only outside funnel limits that allow for the real spread between wards (over-dispersion, as NHS and PHE indicators do), so a ward is not called higher for noise. Say "use Poisson flags" for the plain comparison of each ward\'s own interval with the area rate (it flags more wards), or "use funnel flags" to go back.',
    choices: [
      { label: 'Use Poisson flags', utterance: 'use poisson flags' },
      { label: 'Use funnel flags', utterance: 'use funnel flags' },
    ],
  },
  attending: {
    text: 'Counts of young offenders attending each school are left out of the shared workbook by default: they are the figure most likely to stigmatise a school, and the ranking does not use them. Ask about a school to see its count here, for you only; say "show attending counts" to publish them (withheld when small) and "hide attending counts" to leave them out.',
    choices: [
      { label: 'Show attending counts', utterance: 'show attending counts' },
      { label: 'Hide attending counts', utterance: 'hide attending counts' },
    ],
  },
  smoothing: {
    text: 'Schools are scored on crude ward rates by default. "Smooth the rates" shrinks each ward\'s rate towards the area rate, more where few young people live (global empirical Bayes), so one or two offences in a small ward weigh less; the Wards sheet shows crude rates either way, and the Sensitivity sheet shows whether the top schools change.',
    choices: [
      { label: 'Smooth the rates', utterance: 'smooth the rates' },
      { label: 'Use crude rates', utterance: 'use crude rates' },
    ],
  },
  undo: {
    text: '"undo" takes back the last change of the choices (sheets already written stay as they are); "reset" goes back to the starting choices. A correction ("no wait, make it 10–17") replaces the setting just made.',
    choices: [{ label: 'Undo', utterance: 'undo' }],
  },
  replay: {
    text: 'Every turn is recorded on the Audit sheet of each run: what was said, the command it was read as (JSON) and the reply. Replaying those commands on the same workbook gives the same sheets, so a run can be checked or repeated exactly.',
    choices: [{ label: 'Show the settings', utterance: 'show the settings' }],
  },
};

type Help = Extract<Command, { kind: 'help' }>;

/** The line of the settings summary each topic is about, so help on it says its current value too. */
const TOPIC_SETTING: Partial<Record<HelpTopic, string>> = {
  ageBand: 'Ages',
  offenceTypes: 'Offence types',
  dates: 'Dates',
  phases: 'Phases ranked',
  suppression: 'Small counts',
  rounding: 'Rounding',
  perturbation: 'Disclosure control',
  protection: 'Protection',
  catchment: 'Catchments',
  metric: 'Ranked on',
  ranking: 'Ranked on',
  confidence: 'Confidence',
  newCandidates: 'Top group',
  seed: 'Simulations',
  flags: 'Wards flagged',
  attending: 'Attending counts',
  smoothing: 'Scored on',
};

export function help(command: Help, summary: readonly SummaryLine[] = []): Outcome {
  if (command.topic) {
    const topic = HELP_TOPIC_TEXT[command.topic];
    const label = TOPIC_SETTING[command.topic];
    const line = summary.find((entry) => entry.label === label);
    const now = line ? ` Now: ${line.value}.` : command.topic === 'protection' ? ' Now: the threshold.' : '';
    return { text: `${topic.text}${now}`, command, choices: [...topic.choices, { label: 'Help', utterance: 'help' }] };
  }
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

/** "hi", "thanks": a short friendly reply with where to go next. */
export function courtesy(command: Extract<Command, { kind: 'greeting' | 'thanks' }>, hasResults: boolean): Outcome {
  const next: Choice[] = hasResults
    ? [
        { label: 'Show the top 10', utterance: 'show the top 10' },
        { label: 'Which are not on the list?', utterance: 'which of the top 20 are not on the list?' },
        { label: 'Help', utterance: 'help' },
      ]
    : [
        { label: "What's in this workbook?", utterance: "what's in this workbook?" },
        { label: 'Run the analysis', utterance: 'run the analysis' },
        { label: 'Help', utterance: 'help' },
      ];
  return command.kind === 'greeting'
    ? {
        text: `Hello. ${hasResults ? 'The latest results are ready to ask about.' : 'I can describe this workbook, set the choices and run the analysis.'} What would you like to do?`,
        command,
        choices: next,
      }
    : {
        text: `You're welcome.${hasResults ? ' Anything else about the results?' : ' Anything else?'}`,
        command,
        choices: next,
      };
}
