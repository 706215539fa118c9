/**
 * The dialogue evaluation set: its item shape, the command shapes it expects that commands.ts does
 * not have yet (NEW COMMAND SHAPES below, documented in README.md), and a well-formedness check.
 *
 * No jest globals here: the runner (scripts/evalDialogue.ts) and evalSet.test.ts both import it.
 */
import fs from 'fs';
import path from 'path';
import {
  HELP_TOPICS,
  STATE_CHANGING,
  type Command,
  type CommandKind,
  type HelpTopic,
} from '../../../src/conversation/commands';

// ─────────────────────────────────────────────────────────────────────────────────────────────
// NEW COMMAND SHAPES (proposed by this set; commands.ts is adopting them — where the two differ,
// commands.ts wins and these should be brought in line)
// ─────────────────────────────────────────────────────────────────────────────────────────────

/** Topics of `{ kind: 'help', topic }` (help on one thing), as commands.ts has adopted them. Plain `{ kind: 'help' }` stays general help. */
export { HELP_TOPICS, type HelpTopic };

export type NewCommand =
  /** Two (or more) schools of the latest run side by side; names as the analyst typed them, URNs filled in by the session. */
  | { readonly kind: 'compareSchools'; readonly schools: readonly string[]; readonly urns?: readonly string[] }
  /** The wards of the latest run: every ward by rate (highest first), or only those flagged higher than average. */
  | { readonly kind: 'listWards'; readonly order: 'rate' | 'higher' }
  /** The offence types in the offences sheet with their row counts, and whether each is counted. */
  | { readonly kind: 'listOffenceTypes' }
  /** Seed of the rank-interval simulation (AnalysisParameters.seed). State-changing. */
  | { readonly kind: 'setSeed'; readonly seed: number }
  /** AnalysisParameters.protectionInterval; null = "the threshold". State-changing. */
  | { readonly kind: 'setProtection'; readonly interval: number | null }
  /** "hi", "morning": a greeting back and the starting suggestions. */
  | { readonly kind: 'greeting' }
  /** "thanks", "cheers": acknowledged, nothing changes. */
  | { readonly kind: 'thanks' }
  /** Help on one topic. (`{ kind: 'help' }` without a topic is the existing command.) */
  | { readonly kind: 'help'; readonly topic: HelpTopic };

/**
 * Kinds this set proposed. setFlags, setShowAttending, setSmoothing and setDisclosure are not here: commands.ts has
 * them, so they are known kinds (judged by their effect, checked to apply cleanly); their shapes are in SHAPES.
 */
export type NewCommandKind = Exclude<NewCommand['kind'], 'help'>;
export const NEW_COMMAND_KINDS: readonly NewCommandKind[] = [
  'compareSchools',
  'listWards',
  'listOffenceTypes',
  'setSeed',
  'setProtection',
  'greeting',
  'thanks',
];
/** New kinds that change the choices (would go on the undo stack). */
export const NEW_STATE_CHANGING: ReadonlySet<string> = new Set(['setSeed', 'setProtection']);

// ─────────────────────────────────────────────────────────────────────────────────────────────
// Expected commands and items
// ─────────────────────────────────────────────────────────────────────────────────────────────

/**
 * A date window relative to the data, not the clock: "the last 12 months" ends at the last offence
 * date of the offences sheet (2023-07-04 in the evaluation workbook) and spans `months`; "the last
 * full financial year" is the last whole financial (April–March), academic (September–August) or
 * calendar year the data reach. `from`/`to` give the preferred recorded form (for months: to = the
 * last offence day, from = the day after the same day `months` earlier); for months the runner also
 * accepts the other usual readings (whole calendar months, an end left open). See README.md.
 * (The same shape as commands.ts's `RelativePeriod`, recorded with the days it resolved to.)
 */
export type RelativeToData =
  { readonly months: number } | { readonly last: 'financialYear' | 'academicYear' | 'calendarYear' };
export interface RelativeDates {
  readonly kind: 'setDates';
  readonly from: string;
  readonly to: string;
  readonly relativeToData: RelativeToData;
}

export type ExpectedCommand = Command | NewCommand | RelativeDates;
/** What a turn should come to: these commands in order, a clarifying question, or a refusal (a request about individuals). */
export type Expectation = readonly ExpectedCommand[] | 'question' | 'refusal';

export interface EvalItem {
  /** Stable id, e.g. 'e042'. Unique across both files. */
  readonly id: string;
  /** The intent the item is about, for per-intent counts ('multi' for a request of several parts). */
  readonly intent: string;
  readonly utterance: string;
  /** Earlier turns of the same conversation, said first (their replies are not judged). */
  readonly before?: readonly string[];
  readonly expect: Expectation;
  /** Other outcomes that are just as right (another reading of the same words). */
  readonly alsoAccept?: readonly Expectation[];
  /** 'typo', 'multi', 'correction', 'vocabulary', 'abbrev', 'relativeDate', 'newIntent', 'clarify', 'notADate', … */
  readonly tags?: readonly string[];
  readonly note?: string;
}

export type Split = 'development' | 'heldOut';
export const EVAL_FILES: Readonly<Record<Split, string>> = {
  development: 'test/conversation/eval/utterances.json',
  heldOut: 'test/conversation/eval/utterances.heldout.json',
};

/** The repository root: the nearest folder upwards holding package.json and the evaluation set (dist/ has a package.json of its own). */
export function repositoryRoot(from: string = __dirname): string {
  let dir = from;
  while (!(fs.existsSync(path.join(dir, 'package.json')) && fs.existsSync(path.join(dir, EVAL_FILES.development)))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`No package.json above ${from}`);
    dir = parent;
  }
  return dir;
}

export function readEvalFile(file: string): EvalItem[] {
  const value: unknown = JSON.parse(fs.readFileSync(file, 'utf8'));
  if (!Array.isArray(value)) throw new Error(`${file}: not a JSON array of items`);
  return value as EvalItem[];
}

export function loadEvalSet(root: string = repositoryRoot()): Record<Split, EvalItem[]> {
  return {
    development: readEvalFile(path.join(root, EVAL_FILES.development)),
    heldOut: readEvalFile(path.join(root, EVAL_FILES.heldOut)),
  };
}

export function isKnownKind(kind: string): kind is CommandKind {
  return Object.prototype.hasOwnProperty.call(STATE_CHANGING, kind);
}

export function isNewKind(kind: string): boolean {
  return (NEW_COMMAND_KINDS as readonly string[]).includes(kind);
}

// ─────────────────────────────────────────────────────────────────────────────────────────────
// Well-formedness
// ─────────────────────────────────────────────────────────────────────────────────────────────

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
const PHASES = ['primary', 'secondary', 'allThrough', 'special', 'alternativeProvision', 'other'];
const ROLES = ['offences', 'schools', 'wards', 'pupilResidence', 'currentList', 'postcodes', 'wardVertices'];
const LIST_CHANGES = ['only', 'add', 'remove'];

type Fields = Record<string, unknown>;
const isInt = (v: unknown): boolean => typeof v === 'number' && Number.isInteger(v);
const isIsoDay = (v: unknown): boolean =>
  typeof v === 'string' && ISO_DAY.test(v) && !Number.isNaN(Date.parse(`${v}T00:00:00Z`));
const isStringArray = (v: unknown): boolean => Array.isArray(v) && v.every((x) => typeof x === 'string');

/** Field checks per kind: each returns a problem or '' (fields not listed must be absent). */
const SHAPES: Record<string, Record<string, (v: unknown, c: Fields) => string>> = {
  describe: {},
  run: {},
  undo: {},
  status: {},
  reset: {},
  listOffenceTypes: {},
  greeting: {},
  thanks: {},
  help: {
    topic: (v) =>
      v === undefined || (HELP_TOPICS as readonly string[]).includes(v as string)
        ? ''
        : `topic must be one of ${HELP_TOPICS.join(', ')}`,
  },
  useSheet: {
    role: (v) => (ROLES.includes(v as string) ? '' : 'role must be a SheetRole'),
    sheet: (v) => (typeof v === 'string' && v !== '' ? '' : 'sheet must be a name'),
  },
  mapColumn: {
    role: (v) => (v === undefined || ROLES.includes(v as string) ? '' : 'role must be a SheetRole'),
    field: (v) => (typeof v === 'string' && v !== '' ? '' : 'field must be a FieldName'),
    header: (v) => (typeof v === 'string' && v !== '' ? '' : 'header must be text'),
  },
  setAgeBand: {
    from: (v) => (v === null || (isInt(v) && (v as number) >= 0) ? '' : 'from must be an age or null'),
    to: (v, c) =>
      v === null || (isInt(v) && (c.from === null || (v as number) >= (c.from as number)))
        ? ''
        : 'to must be an age ≥ from, or null',
  },
  setOffenceTypes: {
    types: (v) => (isStringArray(v) ? '' : 'types must be a list of text'),
    mode: (v) => (v === undefined || LIST_CHANGES.includes(v as string) ? '' : 'mode must be only/add/remove'),
  },
  setDates: {
    from: (v) => (v === undefined || v === null || isIsoDay(v) ? '' : 'from must be an ISO day, null or absent'),
    to: (v, c) =>
      v === undefined || v === null || (isIsoDay(v) && (typeof c.from !== 'string' || (v as string) >= c.from))
        ? ''
        : 'to must be an ISO day after from, null or absent',
    relativeToData: (v, c) =>
      v === undefined ||
      (typeof v === 'object' &&
        v !== null &&
        (isInt((v as Fields).months) ||
          ['financialYear', 'academicYear', 'calendarYear'].includes((v as Fields).last as string)) &&
        isIsoDay(c.from) &&
        isIsoDay(c.to))
        ? ''
        : 'relativeToData needs { months } or { last } and the preferred from/to',
  },
  setPhases: {
    phases: (v) =>
      Array.isArray(v) && v.length > 0 && v.every((p) => PHASES.includes(p as string))
        ? ''
        : 'phases must be SchoolPhases',
    mode: (v) => (LIST_CHANGES.includes(v as string) ? '' : 'mode must be only/add/remove'),
  },
  setThreshold: { threshold: (v) => (isInt(v) && (v as number) >= 1 ? '' : 'threshold must be a whole number ≥ 1') },
  setZeros: { show: (v) => (typeof v === 'boolean' ? '' : 'show must be true/false') },
  setRounding: { base: (v) => (v === null || (isInt(v) && (v as number) >= 2) ? '' : 'base must be ≥ 2 or null') },
  setTopN: { topN: (v) => (isInt(v) && (v as number) >= 1 ? '' : 'topN must be ≥ 1') },
  setCatchment: {
    model: (v) =>
      ['auto', 'observed', 'distanceDecay'].includes(v as string) ? '' : 'model must be auto/observed/distanceDecay',
  },
  setMetric: {
    metric: (v) =>
      ['offences', 'youngOffenders'].includes(v as string) ? '' : 'metric must be offences/youngOffenders',
  },
  setConfidence: { level: (v) => (typeof v === 'number' && v > 0 && v < 1 ? '' : 'level must be a fraction') },
  showTop: { n: (v) => (v === undefined || (isInt(v) && (v as number) >= 1) ? '' : 'n must be ≥ 1') },
  newCandidates: { n: (v) => (v === undefined || (isInt(v) && (v as number) >= 1) ? '' : 'n must be ≥ 1') },
  explainSchool: {
    school: (v) => (typeof v === 'string' && v !== '' ? '' : 'school must be a name'),
    urn: (v) => (v === undefined || typeof v === 'string' ? '' : 'urn must be text'),
    claimedRank: (v) => (v === undefined || isInt(v) ? '' : 'claimedRank must be a rank'),
  },
  explainWard: {
    ward: (v) => (typeof v === 'string' && v !== '' ? '' : 'ward must be a name'),
    code: (v) => (v === undefined || typeof v === 'string' ? '' : 'code must be text'),
  },
  explain: {
    name: (v) => (typeof v === 'string' && v !== '' ? '' : 'name must be text'),
    claimedRank: (v) => (v === undefined || isInt(v) ? '' : 'claimedRank must be a rank'),
  },
  compareSchools: {
    schools: (v) => (isStringArray(v) && (v as string[]).length >= 2 ? '' : 'schools must be two or more names'),
    urns: (v) => (v === undefined || isStringArray(v) ? '' : 'urns must be text'),
  },
  listWards: { order: (v) => (v === 'rate' || v === 'higher' ? '' : "order must be 'rate' or 'higher'") },
  setSeed: { seed: (v) => (isInt(v) ? '' : 'seed must be a whole number') },
  setProtection: {
    interval: (v) => (v === null || (isInt(v) && (v as number) >= 1) ? '' : 'interval must be ≥ 1 or null'),
  },
  setFlags: {
    method: (v) => (v === 'overdispersed' || v === 'poisson' ? '' : "method must be 'overdispersed' or 'poisson'"),
  },
  setShowAttending: { show: (v) => (typeof v === 'boolean' ? '' : 'show must be true/false') },
  setSmoothing: {
    smoothing: (v) => (v === 'none' || v === 'empiricalBayes' ? '' : "smoothing must be 'none' or 'empiricalBayes'"),
  },
  setDisclosure: {
    method: (v) =>
      v === 'suppression' || v === 'perturbation' ? '' : "method must be 'suppression' or 'perturbation'",
  },
};

/** Problems with one expected command ([] when well-formed). */
export function commandProblems(command: unknown): string[] {
  if (typeof command !== 'object' || command === null || Array.isArray(command)) return ['a command must be an object'];
  const fields = command as Fields;
  const kind = fields.kind;
  if (typeof kind !== 'string') return ['a command needs a "kind"'];
  if (!isKnownKind(kind) && !isNewKind(kind)) return [`unknown kind '${kind}'`];
  const shape = SHAPES[kind];
  if (!shape) return [`no shape for kind '${kind}'`];
  const problems: string[] = [];
  for (const key of Object.keys(fields))
    if (key !== 'kind' && !(key in shape)) problems.push(`${kind}: unexpected field '${key}'`);
  for (const [key, check] of Object.entries(shape)) {
    const problem = check(fields[key], fields);
    if (problem) problems.push(`${kind}: ${problem}`);
  }
  // Required fields: those whose check fails on undefined are reported above.
  return problems;
}

function expectationProblems(expect: unknown): string[] {
  if (expect === 'question' || expect === 'refusal') return [];
  if (!Array.isArray(expect) || expect.length === 0)
    return ['expect must be "question", "refusal" or a non-empty list of commands'];
  return expect.flatMap(commandProblems);
}

/** Problems with one item ([] when well-formed). */
export function itemProblems(item: EvalItem): string[] {
  const problems: string[] = [];
  if (typeof item.id !== 'string' || !/^e\d{3,}$/.test(item.id)) problems.push('id must look like e001');
  if (typeof item.intent !== 'string' || item.intent === '') problems.push('intent missing');
  if (typeof item.utterance !== 'string' || item.utterance.trim() === '') problems.push('utterance missing');
  if (item.before !== undefined && !isStringArray(item.before)) problems.push('before must be a list of utterances');
  if (item.tags !== undefined && !isStringArray(item.tags)) problems.push('tags must be a list of text');
  problems.push(...expectationProblems(item.expect));
  for (const other of item.alsoAccept ?? [])
    problems.push(...expectationProblems(other).map((p) => `alsoAccept: ${p}`));
  const allowed = new Set(['id', 'intent', 'utterance', 'before', 'expect', 'alsoAccept', 'tags', 'note']);
  for (const key of Object.keys(item)) if (!allowed.has(key)) problems.push(`unexpected field '${key}'`);
  return problems.map((p) => `${item.id ?? '?'}: ${p}`);
}

/**
 * Every intent the set must cover: each command kind of commands.ts (so setFlags, setShowAttending,
 * setSmoothing and setDisclosure, adopted there directly, come in through STATE_CHANGING), the new kinds, help topics,
 * refusals, questions.
 */
export const REQUIRED_INTENTS: readonly string[] = [
  ...Object.keys(STATE_CHANGING),
  ...NEW_COMMAND_KINDS,
  'helpTopic',
  'refusal',
  'multi',
];

export const hasTag = (item: EvalItem, tag: string): boolean => (item.tags ?? []).includes(tag);
