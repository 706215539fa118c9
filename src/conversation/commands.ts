/**
 * Commands: what an analyst's turn means, as a small JSON object. Replayable: the Audit sheet
 * records each one, and applying them again on the same inputs reproduces the same sheets.
 *
 * Commands hold plain JSON only (strings, numbers, booleans, arrays, null), so they survive
 * `JSON.stringify` / `JSON.parse` and structured cloning unchanged. Dates are ISO days (`2023-04-01`).
 *
 * The parser may leave names as the analyst typed them ('park hall'); the session resolves them
 * against the workbook and the latest result, and records the resolved command (exact sheet name,
 * school URN, ward code, offence types as written in the sheet), so a replay asks nothing.
 */
import type { FieldName } from '../core/schema';
import type {
  AnalysisParameters,
  CatchmentModel,
  FlagMethod,
  RankingMetric,
  SchoolPhase,
  SheetRole,
  Smoothing,
} from '../core/types';
import { errorText } from '../core/errorText';

/** How a list of phases (or offence types) changes the current one. */
export type ListChange = 'only' | 'add' | 'remove';

/** Topics of help on one thing: `{ kind: 'help', topic: 'suppression' }`. */
export const HELP_TOPICS = [
  'ageBand',
  'offenceTypes',
  'dates',
  'phases',
  'suppression',
  'rounding',
  'protection',
  'perturbation',
  'catchment',
  'metric',
  'ranking',
  'confidence',
  'sheets',
  'columns',
  'newCandidates',
  'seed',
  'flags',
  'attending',
  'smoothing',
  'undo',
  'replay',
] as const;
export type HelpTopic = (typeof HELP_TOPICS)[number];

/**
 * A date window relative to the data, not the clock: the `months` up to the last offence date of
 * the offences sheet, or the last whole financial (April–March), academic (September–August) or
 * calendar year the data reach. The session records the ISO days it resolved to beside it, and a
 * replay uses those days, so it stays exact whatever the data or the day.
 */
export type RelativePeriod =
  { readonly months: number } | { readonly last: 'financialYear' | 'academicYear' | 'calendarYear' };

/** How published counts are protected: suppression (withheld as [c], the default) or cell key perturbation. */
export type DisclosureMethod = NonNullable<AnalysisParameters['disclosureMethod']>;

export type Command =
  /** Which sheets the workbook holds and which role each plays. */
  | { readonly kind: 'describe' }
  /** General help, or help on one topic. */
  | { readonly kind: 'help'; readonly topic?: HelpTopic }
  /** Run the analysis with the current choices and write the result sheets. */
  | { readonly kind: 'run' }
  /** Revert the last command that changed a choice. */
  | { readonly kind: 'undo' }
  /** The current choices. */
  | { readonly kind: 'status' }
  /** Every choice back to its starting value (undoable). */
  | { readonly kind: 'reset' }
  | { readonly kind: 'useSheet'; readonly role: SheetRole; readonly sheet: string }
  /** `role` may be left out by the parser ("the age column is ..."); the session finds it. */
  | { readonly kind: 'mapColumn'; readonly role?: SheetRole; readonly field: FieldName; readonly header: string }
  /** Inclusive ages at offence; null = keep the current end (the session records both ends). */
  | { readonly kind: 'setAgeBand'; readonly from: number | null; readonly to: number | null }
  /**
   * Offence types counted as violence: [] = the default, the Home Office violence groups; ['all'] =
   * every type; otherwise types as written in the sheet, group ids ('criminalDamageAndArson') and
   * 'violence' (the default groups, so ['violence', 'Criminal damage'] adds one type). The parser
   * keeps the analyst's words; the session resolves them. `mode` defaults to 'only'; recorded as
   * 'only' with the full list.
   */
  | { readonly kind: 'setOffenceTypes'; readonly types: readonly string[]; readonly mode?: ListChange }
  /**
   * Date window, ISO days, inclusive. A missing end is left as it is; null removes the limit.
   * `relativeToData` ("the last 12 months"): the parser gives it alone; the session resolves it
   * against the offences sheet and records `from` and `to` with it (a replay uses those).
   */
  | {
      readonly kind: 'setDates';
      readonly from?: string | null;
      readonly to?: string | null;
      readonly relativeToData?: RelativePeriod;
    }
  | { readonly kind: 'setPhases'; readonly phases: readonly SchoolPhase[]; readonly mode: ListChange }
  /** Published counts from 1 to threshold − 1 are withheld. */
  | { readonly kind: 'setThreshold'; readonly threshold: number }
  | { readonly kind: 'setZeros'; readonly show: boolean }
  /** Rounding base for published counts; null = no rounding. Refused (asked about) while counts are perturbed. */
  | { readonly kind: 'setRounding'; readonly base: number | null }
  /**
   * How published counts are protected: small counts withheld as [c] (suppression, the default), or
   * every count shown with consistent noise (the ONS cell key method). Perturbation replaces
   * rounding: switching to it sets the rounding base to null in the same change.
   */
  | { readonly kind: 'setDisclosure'; readonly method: DisclosureMethod }
  | { readonly kind: 'setTopN'; readonly topN: number }
  | { readonly kind: 'setCatchment'; readonly model: 'auto' | CatchmentModel }
  | { readonly kind: 'setMetric'; readonly metric: RankingMetric }
  /** Confidence level of the intervals, as a fraction (0.95). */
  | { readonly kind: 'setConfidence'; readonly level: number }
  /** The top n schools of the latest run; n defaults to the current top N. */
  | { readonly kind: 'showTop'; readonly n?: number }
  /** Which of the top n schools of the latest run are not on the current list. */
  | { readonly kind: 'newCandidates'; readonly n?: number }
  /** One school's figures; `urn` is filled in by the session. `claimedRank` is the rank the analyst mentioned. */
  | { readonly kind: 'explainSchool'; readonly school: string; readonly urn?: string; readonly claimedRank?: number }
  /** One ward's figures; `code` is filled in by the session. */
  | { readonly kind: 'explainWard'; readonly ward: string; readonly code?: string }
  /** A school or a ward, not yet known which; the session resolves it to one of the two. */
  | { readonly kind: 'explain'; readonly name: string; readonly claimedRank?: number }
  /** Two (or more) schools of the latest run side by side; names as typed, `urns` filled in by the session. */
  | { readonly kind: 'compareSchools'; readonly schools: readonly string[]; readonly urns?: readonly string[] }
  /** The wards of the latest run: every ward by rate (highest first), or those flagged higher than average. */
  | { readonly kind: 'listWards'; readonly order: 'rate' | 'higher' }
  /** The offence types in the offences sheet with their row counts, and whether each is counted. */
  | { readonly kind: 'listOffenceTypes' }
  /** Seed of the rank-interval simulation. */
  | { readonly kind: 'setSeed'; readonly seed: number }
  /** The protection interval of the disclosure audit; null = the threshold. */
  | { readonly kind: 'setProtection'; readonly interval: number | null }
  /** How wards are flagged higher or lower than the area: over-dispersed funnel limits, or the plain Poisson interval. */
  | { readonly kind: 'setFlags'; readonly method: FlagMethod }
  /** Publish each ranked school's count of young offenders attending in the shared workbook. */
  | { readonly kind: 'setShowAttending'; readonly show: boolean }
  /** The ward rates schools are scored on: crude, or shrunk towards the area rate (empirical Bayes). */
  | { readonly kind: 'setSmoothing'; readonly smoothing: Smoothing }
  /** "hi": a greeting back, with where to start. */
  | { readonly kind: 'greeting' }
  /** "thanks": acknowledged; nothing changes. */
  | { readonly kind: 'thanks' };

export type CommandKind = Command['kind'];

/** Commands that change the choices, and so can be undone. */
export const STATE_CHANGING: Readonly<Record<CommandKind, boolean>> = {
  describe: false,
  help: false,
  run: false,
  undo: false,
  status: false,
  reset: true,
  useSheet: true,
  mapColumn: true,
  setAgeBand: true,
  setOffenceTypes: true,
  setDates: true,
  setPhases: true,
  setThreshold: true,
  setZeros: true,
  setRounding: true,
  setDisclosure: true,
  setTopN: true,
  setCatchment: true,
  setMetric: true,
  setConfidence: true,
  showTop: false,
  newCandidates: false,
  explainSchool: false,
  explainWard: false,
  explain: false,
  compareSchools: false,
  listWards: false,
  listOffenceTypes: false,
  setSeed: true,
  setProtection: true,
  setFlags: true,
  setShowAttending: true,
  setSmoothing: true,
  greeting: false,
  thanks: false,
};

/** Commands answered from the latest run's results: when there are none, or the choices changed since, the session runs first. */
export const NEEDS_RESULTS: ReadonlySet<CommandKind> = new Set<CommandKind>([
  'showTop',
  'newCandidates',
  'explainSchool',
  'explainWard',
  'explain',
  'compareSchools',
  'listWards',
]);

/** Whether a command changes the choices (and so goes on the undo stack). */
export function isStateChanging(command: Command): boolean {
  return STATE_CHANGING[command.kind];
}

/**
 * Reads a command from JSON text (a replay line, an Audit sheet cell). Returns an error message
 * that says the fix when the text is not a command; checks the kind, not every field.
 * @example commandFromJson('{"kind":"setThreshold","threshold":10}') // => { kind: 'setThreshold', threshold: 10 }
 */
export function commandFromJson(json: string): Command | { readonly error: string } {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch (error) {
    return {
      error: `'${json}' is not valid JSON (${errorText(error)}); write a command such as {"kind":"run"}.`,
    };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return { error: `'${json}' is not a JSON object; write a command such as {"kind":"run"}.` };
  const kind = (value as { kind?: unknown }).kind;
  if (typeof kind !== 'string' || !(kind in STATE_CHANGING)) {
    return { error: `'${json}' has no known "kind"; the kinds are ${Object.keys(STATE_CHANGING).join(', ')}.` };
  }
  return value as Command;
}
