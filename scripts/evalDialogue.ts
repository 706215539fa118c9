/**
 * `npm run eval:dialogue [-- options]`: how often the dialogue reads an analyst's words right.
 *
 * Feeds every item of the evaluation set (test/conversation/eval/, see its README.md) to a fresh
 * session on the evaluation workbook, collects the commands the session recorded for the turn, and
 * classifies the turn:
 *   correct        the expected commands (or an accepted alternative), a question where one was
 *                  expected, a refusal where one was expected;
 *   asked          a clarifying question where commands were expected (safe, but not needed);
 *   wrong          commands that differ from those expected: a silent misread, including a reply
 *                  that reads complete when part of the request was dropped;
 *   not understood no command and no question.
 * A measure, not a test: it always exits 0.
 *
 * Options: --split development|heldOut   only one part
 *          --verbose                     also list development items asked / not understood
 *          --show-held-out               list held-out items too (do not show these to parser authors)
 *          --check                       check the set itself: every expected command applies cleanly
 *          --json FILE                   write every item's outcome as JSON
 *          --file FILE                   evaluate another file of items (as development)
 */
import fs from 'fs';
import path from 'path';
import {
  createDialogueSession,
  STATE_CHANGING,
  type Command,
  type EngineContext,
  type Reply,
  type ReplayableSession,
  type TurnRecord,
} from '../src/conversation';
import { loadHighsSolver } from '../src/core/disclosure';
import { offenceTypeRule } from '../src/core/pipeline/stages/scopeOffences';
import {
  EVAL_FILES,
  isKnownKind,
  itemProblems,
  loadEvalSet,
  NEW_COMMAND_KINDS as NEW_KINDS,
  NEW_STATE_CHANGING,
  readEvalFile,
  repositoryRoot,
  type EvalItem,
  type Expectation,
  type ExpectedCommand,
  type RelativeDates,
  type Split,
} from '../test/conversation/eval/evalSet';
import {
  EVAL_LAST_OFFENCE,
  EVAL_OFFENCE_TYPES,
  EVAL_PARAMETERS,
  EVAL_ROLE_OVERRIDES,
  EVAL_TODAY,
  evalWorkbook,
} from '../test/conversation/eval/evalWorkbook';

type Outcome = 'correct' | 'asked' | 'wrong' | 'notUnderstood';
const OUTCOMES: readonly Outcome[] = ['correct', 'asked', 'wrong', 'notUnderstood'];
const OUTCOME_LABEL: Record<Outcome, string> = {
  correct: 'correct',
  asked: 'asked',
  wrong: 'WRONG',
  notUnderstood: 'not understood',
};

interface ItemResult {
  readonly id: string;
  readonly split: Split;
  readonly intent: string;
  readonly tags: readonly string[];
  readonly expectKind: 'commands' | 'question' | 'refusal';
  readonly utterance: string;
  readonly outcome: Outcome;
  readonly reason: string;
  readonly got: readonly Command[];
  readonly question: boolean;
  readonly reply: string;
}

// ───────────────────────────────────────────────────────────── sessions

let context: EngineContext;
const newSession = (): ReplayableSession =>
  createDialogueSession({
    parameters: EVAL_PARAMETERS,
    roleOverrides: EVAL_ROLE_OVERRIDES,
    now: () => new Date('2024-03-01T09:00:00Z'),
  });

/**
 * The commands a turn recorded: the transcript records the turn added (a session may record several
 * for one utterance, or one record with a `commands` list), else the reply's command(s).
 */
function turnCommands(records: readonly TurnRecord[], reply: Reply): Command[] {
  const found: Command[] = [];
  for (const record of records) {
    const many = (record as { readonly commands?: unknown }).commands;
    if (Array.isArray(many)) found.push(...(many.filter(Boolean) as Command[]));
    else if (record.command) found.push(record.command);
  }
  if (found.length === 0) {
    const many = (reply as { readonly commands?: unknown }).commands;
    if (Array.isArray(many)) found.push(...(many.filter(Boolean) as Command[]));
    else if (reply.command) found.push(reply.command);
  }
  return found;
}

function say(session: ReplayableSession, utterance: string): { reply: Reply; commands: Command[] } {
  const before = session.transcript.length;
  const reply = session.respond(utterance, context);
  return { reply, commands: turnCommands(session.transcript.slice(before), reply) };
}

/** Commands replayed to rebuild the choices: those that change them, and undo. */
const rebuildsChoices = (command: { kind: string }): boolean =>
  (isKnownKind(command.kind) && STATE_CHANGING[command.kind]) || command.kind === 'undo';
const isSetting = (kind: string): boolean =>
  (isKnownKind(kind) && STATE_CHANGING[kind]) || NEW_STATE_CHANGING.has(kind);

/**
 * The choices that matter, in a form where equal means "the same analysis": offence types resolved
 * against the workbook, dates as ISO days; `ignore` leaves parameters out (those judged field by field).
 */
function snapshot(session: ReplayableSession, ignore: readonly string[] = []): string {
  const p = session.parameters;
  const counted = EVAL_OFFENCE_TYPES.filter(offenceTypeRule(p));
  const view: Record<string, unknown> = {
    ...p,
    offenceTypes: counted,
    phases: [...p.phases].sort(),
    dateFrom: p.dateFrom?.toISOString().slice(0, 10) ?? null,
    dateTo: p.dateTo?.toISOString().slice(0, 10) ?? null,
  };
  for (const key of ignore) delete view[key];
  const sheets = session.parameterSummary
    .filter((line) => /^(Sheet for|Column)/.test(line.label))
    .map((line) => `${line.label}=${line.value}`);
  return JSON.stringify([view, sheets]);
}

// ───────────────────────────────────────────────────────────── matching

function looseText(text: string): string {
  return text
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/['’`]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .replace(/^the /, '')
    .trim();
}
/** Names match loosely: the same words, or one name's words inside the other's ("Park Hall" in "Park Hall Academy"). */
function sameName(a: unknown, b: unknown): boolean {
  if (typeof a !== 'string' || typeof b !== 'string') return a === b;
  const x = looseText(a);
  const y = looseText(b);
  return x === y || ` ${y} `.includes(` ${x} `) || ` ${x} `.includes(` ${y} `);
}

/** The same name but for case and spacing (for names the session records resolved: sheets, headers). */
const exactName = (a: unknown, b: unknown): boolean =>
  typeof a === 'string' &&
  typeof b === 'string' &&
  a.trim().replace(/\s+/g, ' ').toLowerCase() === b.trim().replace(/\s+/g, ' ').toLowerCase();

function sameValue(a: unknown, b: unknown): boolean {
  if (typeof a === 'string' && typeof b === 'string') return sameName(a, b);
  if (typeof a === 'number' && typeof b === 'number') return Math.abs(a - b) < 1e-9;
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) return false;
    const left: unknown[] = [...(b as unknown[])];
    return a.every((x) => {
      const i = left.findIndex((y) => sameValue(x, y));
      if (i < 0) return false;
      left.splice(i, 1);
      return true;
    });
  }
  return a === b || (a == null && b == null);
}

const isoDay = (date: Date): string => date.toISOString().slice(0, 10);
const utc = (y: number, m: number, d: number): Date => new Date(Date.UTC(y, m, d));
function minusMonths(day: Date, months: number): Date {
  const target = utc(day.getUTCFullYear(), day.getUTCMonth() - months, 1);
  const lastDay = utc(target.getUTCFullYear(), target.getUTCMonth() + 1, 0).getUTCDate();
  return utc(target.getUTCFullYear(), target.getUTCMonth(), Math.min(day.getUTCDate(), lastDay));
}

/** Readings of "the last N months" of the data: ending on the last offence day (or its month's end, or left open). */
function relativeReadings(months: number): { froms: Set<string>; tos: Set<string | null | undefined> } {
  const last = new Date(`${EVAL_LAST_OFFENCE}T00:00:00Z`);
  const back = minusMonths(last, months);
  const froms = new Set([
    isoDay(utc(back.getUTCFullYear(), back.getUTCMonth(), back.getUTCDate() + 1)),
    isoDay(back),
    isoDay(utc(last.getUTCFullYear(), last.getUTCMonth() - months + 1, 1)),
    isoDay(utc(last.getUTCFullYear(), last.getUTCMonth() - months, 1)),
  ]);
  const tos = new Set<string | null | undefined>([
    EVAL_LAST_OFFENCE,
    isoDay(utc(last.getUTCFullYear(), last.getUTCMonth() + 1, 0)),
    null,
    undefined,
  ]);
  return { froms, tos };
}

const isRelative = (command: ExpectedCommand): command is RelativeDates =>
  command.kind === 'setDates' && 'relativeToData' in command;
/**
 * Settings judged by their effect (replayed on a reference session): kinds commands.ts has long had.
 * The kinds this set proposed (setSeed, setProtection) and relative dates are judged field by field,
 * so a session part-way through adopting them is not asked to apply them.
 */
const byEffect = (command: ExpectedCommand | Command): boolean =>
  isKnownKind(command.kind) &&
  !(NEW_KINDS as readonly string[]).includes(command.kind) &&
  !isRelative(command as ExpectedCommand);

/** Field-by-field match of one expected command with one recorded: resolved extras (URN, ward code) are ignored. */
function commandMatches(expected: ExpectedCommand, got: Command, topN: number): boolean {
  if (expected.kind !== got.kind) return false;
  const e = expected as unknown as Record<string, unknown>;
  const g = got as unknown as Record<string, unknown>;
  if (isRelative(expected)) {
    const span = expected.relativeToData;
    if (!('months' in span)) return g.from === expected.from && g.to === expected.to;
    const { froms, tos } = relativeReadings(span.months);
    return typeof g.from === 'string' && froms.has(g.from) && tos.has(g.to as string | null | undefined);
  }
  switch (expected.kind) {
    case 'explainSchool':
      if (e.claimedRank !== undefined && e.claimedRank !== g.claimedRank) return false;
      return e.urn !== undefined && g.urn !== undefined ? e.urn === g.urn : sameName(e.school, g.school);
    case 'explainWard':
      return e.code !== undefined && g.code !== undefined ? e.code === g.code : sameName(e.ward, g.ward);
    case 'showTop':
    case 'newCandidates':
      return e.n === undefined ? g.n === undefined || g.n === topN : g.n === e.n || (g.n === undefined && e.n === topN);
    case 'help':
      return e.topic === undefined || e.topic === g.topic;
    case 'useSheet':
      // Recorded resolved: the exact sheet name.
      return e.role === g.role && exactName(e.sheet, g.sheet);
    case 'mapColumn':
      return (
        (e.role === undefined || g.role === undefined || e.role === g.role) &&
        e.field === g.field &&
        exactName(e.header, g.header)
      );
    default:
      return Object.keys(e).every((key) => key === 'kind' || sameValue(e[key], g[key]));
  }
}

interface Segment<T> {
  readonly setting: boolean;
  readonly commands: T[];
}
/** Runs of choice-changing commands (order free within a run) between the other commands (order kept). */
function segments<T extends { kind: string }>(commands: readonly T[]): Segment<T>[] {
  const out: Segment<T>[] = [];
  for (const command of commands) {
    const setting = isSetting(command.kind);
    const last = out[out.length - 1];
    if (setting && last?.setting) last.commands.push(command);
    else out.push({ setting, commands: [command] });
  }
  return out;
}
const kindsOf = (commands: readonly { kind: string }[]): string =>
  commands
    .map((c) => c.kind)
    .sort()
    .join(',');

interface Match {
  readonly ok: boolean;
  readonly reason: string;
}

/** What the item's session came to: the earlier turns said, the commands recorded, the choices after the turn. */
interface Turn {
  readonly before: readonly string[];
  readonly got: readonly Command[];
  readonly topN: number;
  /** snapshot() of the session after the turn. */
  readonly after: (ignore: readonly string[]) => string;
}

/**
 * Whether the recorded commands do what the expected ones say. Same kinds in the same order (the
 * choice-changing ones in any order between the others); the others field by field; the
 * choice-changing ones by their effect: a fresh session told the same earlier turns and then
 * given the expected commands must end with the same choices as the session under test.
 * (Comparing with the session itself, not a replay of what it recorded: a recorded command that
 * replays differently is the session's bug, not the parser's.)
 */
function matches(expected: readonly ExpectedCommand[], turn: Turn): Match {
  const { got, topN } = turn;
  const want = segments(expected);
  const have = segments(got);
  const shape = (list: Segment<{ kind: string }>[]): string =>
    list.map((s) => (s.setting ? `{${kindsOf(s.commands)}}` : s.commands[0].kind)).join(' → ');
  if (shape(want) !== shape(have)) {
    const wantKinds: string[] = expected.map((c) => c.kind);
    const haveKinds: string[] = got.map((c) => c.kind);
    const dropped = wantKinds.filter((k) => !haveKinds.includes(k));
    const extra = haveKinds.filter((k) => !wantKinds.includes(k));
    const parts = [
      dropped.length ? `dropped ${dropped.join(', ')}` : '',
      extra.length ? `extra ${extra.join(', ')}` : '',
    ].filter(Boolean);
    return { ok: false, reason: parts.length ? parts.join('; ') : `order/count differs (${shape(have)})` };
  }
  // Field checks: the non-setting commands, new setting kinds, and relative dates.
  for (let s = 0; s < want.length; s++) {
    const unused = [...have[s].commands];
    for (const command of want[s].commands) {
      // Known settings are judged by their effect below; sheets and columns also by name (a no-op choice has no effect to see).
      const byName = command.kind === 'useSheet' || command.kind === 'mapColumn';
      if (want[s].setting && byEffect(command) && !byName) continue;
      const i = unused.findIndex((g) => commandMatches(command, g, topN));
      if (i < 0)
        return {
          ok: false,
          reason: `different ${command.kind}: got ${JSON.stringify(have[s].commands.find((g) => g.kind === command.kind))}`,
        };
      unused.splice(i, 1);
    }
  }
  // Effect check for the settings of kinds the session has long known; the rest were compared field by field.
  if (!expected.some((c) => isSetting(c.kind) && byEffect(c))) return { ok: true, reason: '' };
  const ignore = [
    ...(expected.some(isRelative) ? ['dateFrom', 'dateTo'] : []),
    ...(expected.some((c) => c.kind === 'setSeed') ? ['seed'] : []),
    ...(expected.some((c) => c.kind === 'setProtection') ? ['protectionInterval'] : []),
  ];
  const reference = newSession();
  for (const utterance of turn.before) reference.respond(utterance, context);
  for (const command of expected)
    if (rebuildsChoices(command) && (byEffect(command) || command.kind === 'undo'))
      reference.apply(command as Command, context);
  if (snapshot(reference, ignore) !== turn.after(ignore)) {
    const kinds = [...new Set(expected.filter((c) => isSetting(c.kind)).map((c) => c.kind))];
    return {
      ok: false,
      reason: `different ${kinds.join(', ')}: got ${JSON.stringify(got.filter((c) => isSetting(c.kind)))}`,
    };
  }
  return { ok: true, reason: '' };
}

// ───────────────────────────────────────────────────────────── classifying

const NOT_UNDERSTOOD = /\b(did not|didn't|could not|couldn't) (understand|catch|follow)\b/i;
const REFUSAL =
  /\b(individual|identif(y|ies|ying|iable)|personal (data|details|information)|named (people|person|children|child|offenders?|pupils?)|(can ?not|can't|won't|will not|do not|don't|never) (give|share|show|name|list|identify|provide|reveal|disclose|look up|point to)|about (a |one |any )?(person|people|child|children|pupil|individual|offender)s?\b)/i;
const readsAsRefusal = (reply: Reply): boolean => !NOT_UNDERSTOOD.test(reply.text) && REFUSAL.test(reply.text);

function classify(item: EvalItem, turn: Turn, reply: Reply, changed: boolean): { outcome: Outcome; reason: string } {
  const { got } = turn;
  const accepted: Expectation[] = [item.expect, ...(item.alsoAccept ?? [])];
  const commandLists = accepted.filter((x): x is readonly ExpectedCommand[] => Array.isArray(x));
  const mismatches: Match[] = [];
  const matched =
    got.length > 0 &&
    commandLists.some((list) => {
      const m = matches(list, turn);
      if (!m.ok) mismatches.push(m);
      return m.ok;
    });
  const gotText = got.length ? got.map((c) => c.kind).join(', ') : 'no command';

  if (item.expect === 'refusal') {
    if (got.length > 0 && got.every((c) => (c.kind as string) === 'refuse' || (c.kind as string) === 'refusal'))
      return { outcome: 'correct', reason: '' };
    if (got.length > 0) return { outcome: 'wrong', reason: `acted on a request about individuals (${gotText})` };
    if (reply.question) return { outcome: 'asked', reason: 'asked instead of refusing' };
    if (readsAsRefusal(reply)) return { outcome: 'correct', reason: '' };
    return { outcome: 'notUnderstood', reason: 'no refusal said' };
  }
  if (item.expect === 'question') {
    if (reply.question) {
      // A sensible question is about what the item is about: a question after misreading the words as another setting is not.
      const about = (kind: string): boolean =>
        kind === item.intent ||
        (item.intent === 'explain' && kind.startsWith('explain')) ||
        (item.intent === 'explainSchool' && kind === 'explain');
      const intentIsKind =
        isKnownKind(item.intent) || isSetting(item.intent) || (NEW_KINDS as readonly string[]).includes(item.intent);
      if (intentIsKind && got.length > 0 && !got.some((c) => about(c.kind)))
        return { outcome: 'asked', reason: `asked, but about ${gotText}` };
      return { outcome: 'correct', reason: '' };
    }
    if (matched) return { outcome: 'correct', reason: '' };
    if (got.length === 0) return { outcome: 'notUnderstood', reason: '' };
    return { outcome: 'wrong', reason: `acted without asking (${gotText})` };
  }
  if (matched && !reply.question) return { outcome: 'correct', reason: '' };
  if (reply.question) {
    if (accepted.includes('question')) return { outcome: 'correct', reason: '' };
    // A question is safe unless the turn already changed a choice nobody asked for.
    const wanted = new Set(item.expect.map((c) => c.kind as string));
    const stray = got.filter((c) => isSetting(c.kind) && !wanted.has(c.kind));
    if (changed && stray.length > 0)
      return { outcome: 'wrong', reason: `changed ${stray.map((c) => c.kind).join(', ')}, then asked` };
    return { outcome: 'asked', reason: got.length ? `read as ${gotText}, asked` : '' };
  }
  if (got.length === 0) return { outcome: 'notUnderstood', reason: '' };
  return { outcome: 'wrong', reason: mismatches[0]?.reason ?? 'different commands' };
}

function evaluate(item: EvalItem, split: Split): ItemResult {
  const base = {
    id: item.id,
    split,
    intent: item.intent,
    tags: item.tags ?? [],
    utterance: item.utterance,
    expectKind: (item.expect === 'question' || item.expect === 'refusal'
      ? item.expect
      : 'commands') as ItemResult['expectKind'],
  };
  try {
    const session = newSession();
    let earlierAsked = false;
    for (const utterance of item.before ?? []) earlierAsked = say(session, utterance).reply.question || earlierAsked;
    const topN = session.parameters.topN;
    const beforeTurn = snapshot(session);
    const { reply, commands } = say(session, item.utterance);
    const turn: Turn = { before: item.before ?? [], got: commands, topN, after: (ignore) => snapshot(session, ignore) };
    const { outcome, reason } = classify(item, turn, reply, snapshot(session) !== beforeTurn);
    const note = earlierAsked ? ' (an earlier turn of the item asked a question)' : '';
    return { ...base, outcome, reason: `${reason}${note}`, got: commands, question: reply.question, reply: reply.text };
  } catch (error) {
    return {
      ...base,
      outcome: 'wrong',
      reason: `threw: ${(error as Error).message}`,
      got: [],
      question: false,
      reply: '',
    };
  }
}

// ───────────────────────────────────────────────────────────── the set's own check

/** Every expected command of a known kind must apply on the evaluation workbook without a question. */
function checkSet(items: readonly (EvalItem & { split: Split })[], log: (line: string) => void): void {
  let problems = 0;
  for (const item of items) {
    const { split, ...stored } = item;
    for (const problem of itemProblems(stored)) {
      log(`  ${problem} (${split})`);
      problems++;
    }
    const lists = [item.expect, ...(item.alsoAccept ?? [])].filter((x): x is readonly ExpectedCommand[] =>
      Array.isArray(x),
    );
    for (const list of lists) {
      const session = newSession();
      for (const utterance of item.before ?? []) {
        const { reply } = say(session, utterance);
        if (reply.question) {
          log(
            `  ${item.id} (${item.split}): the earlier turn '${utterance}' asks a question, so the item's utterance would be read as its answer`,
          );
          problems++;
        }
      }
      for (const command of list) {
        // New kinds are checked for shape only: a session part-way through adopting them may not apply them yet.
        if (
          !isKnownKind(command.kind) ||
          (NEW_KINDS as readonly string[]).includes(command.kind) ||
          isRelative(command)
        )
          continue;
        try {
          const reply = session.apply(command as Command, context);
          if (reply.question || reply.command === null) {
            log(
              `  ${item.id} (${item.split}): ${JSON.stringify(command)} does not apply cleanly: ${reply.text.split('\n')[0]}`,
            );
            problems++;
          }
        } catch (error) {
          log(`  ${item.id} (${item.split}): ${JSON.stringify(command)} threw: ${(error as Error).message}`);
          problems++;
        }
      }
    }
  }
  log(
    problems === 0
      ? '  Every item is well-formed and every expected command applies cleanly.'
      : `  ${problems} problem(s).`,
  );
}

// ───────────────────────────────────────────────────────────── reporting

function tally(results: readonly ItemResult[]): Record<Outcome, number> {
  const counts: Record<Outcome, number> = { correct: 0, asked: 0, wrong: 0, notUnderstood: 0 };
  for (const r of results) counts[r.outcome]++;
  return counts;
}
const pct = (n: number, of: number): string => (of === 0 ? '   –' : `${((100 * n) / of).toFixed(0).padStart(3)}%`);

function table(title: string, groups: Map<string, ItemResult[]>, log: (line: string) => void): void {
  const width = Math.max(title.length, ...[...groups.keys()].map((k) => k.length)) + 2;
  log(`${title.padEnd(width)}${'n'.padStart(5)}  ${OUTCOMES.map((o) => OUTCOME_LABEL[o].padStart(15)).join('')}`);
  for (const [name, results] of groups) {
    const counts = tally(results);
    log(
      `${name.padEnd(width)}${String(results.length).padStart(5)}  ${OUTCOMES.map((o) => `${String(counts[o]).padStart(5)} (${pct(counts[o], results.length)})`.padStart(15)).join('')}`,
    );
  }
}

function groupBy(
  results: readonly ItemResult[],
  keys: (r: ItemResult) => readonly string[],
  order?: readonly string[],
): Map<string, ItemResult[]> {
  const groups = new Map<string, ItemResult[]>();
  for (const key of order ?? []) groups.set(key, []);
  for (const r of results) for (const key of keys(r)) groups.set(key, [...(groups.get(key) ?? []), r]);
  for (const [key, list] of groups) if (list.length === 0) groups.delete(key);
  return groups;
}

function describeItem(r: ItemResult, item: EvalItem): string {
  const expected = typeof item.expect === 'string' ? item.expect : JSON.stringify(item.expect);
  const got = r.got.length ? JSON.stringify(r.got) : r.question ? '(a question)' : '(nothing)';
  const before = item.before?.length ? ` [after: ${item.before.join(' | ')}]` : '';
  return `  ${r.id} ${r.intent.padEnd(16)} "${r.utterance}"${before}\n      expected ${expected}\n      got      ${got}${r.reason ? `\n      why      ${r.reason}` : ''}`;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const flag = (name: string): boolean => args.includes(name);
  const option = (name: string): string | undefined => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const log = (line = ''): void => {
    process.stdout.write(`${line}\n`);
  };

  const root = repositoryRoot(__dirname);
  const file = option('--file');
  const sets: Record<Split, EvalItem[]> = file
    ? { development: readEvalFile(path.resolve(file)), heldOut: [] }
    : loadEvalSet(root);
  const only = option('--split') as Split | undefined;
  const items = (Object.keys(sets) as Split[])
    .filter((split) => !only || split === only)
    .flatMap((split) => sets[split].map((item) => ({ ...item, split })));

  context = { workbook: evalWorkbook(), solver: await loadHighsSolver(), today: EVAL_TODAY };
  log("== Dialogue evaluation: does the session read analysts' words right? ==");
  log(
    `Items: ${items.length} (${sets.development.length} development in ${file ?? EVAL_FILES.development}, ${sets.heldOut.length} held-out${file ? '' : ` in ${EVAL_FILES.heldOut}`})`,
  );
  log('Workbook: test/conversation/eval/evalWorkbook.ts; a fresh session per item, earlier turns said first.');

  if (flag('--check')) {
    log('');
    log('== Checking the set itself ==');
    checkSet(items, log);
  }

  const started = Date.now();
  const results = items.map((item) => evaluate(item, item.split));
  const byId = new Map(items.map((item) => [item.id, item]));
  log(`Evaluated in ${((Date.now() - started) / 1000).toFixed(1)} s.`);

  log('');
  log('== Overall ==');
  table(
    'set',
    groupBy(results, (r) => ['all', r.split]),
    log,
  );
  const wrong = results.filter((r) => r.outcome === 'wrong').length;
  log(`Silent misreads (WRONG): ${wrong} of ${results.length}.`);

  log('');
  log('== By what was expected ==');
  table(
    'expected',
    groupBy(results, (r) => [r.expectKind], ['commands', 'question', 'refusal']),
    log,
  );

  log('');
  log('== By intent (both splits) ==');
  const intents = [...new Set(items.map((i) => i.intent))];
  table(
    'intent',
    groupBy(results, (r) => [r.intent], intents),
    log,
  );

  log('');
  log('== By tag (both splits) ==');
  const tags = [...new Set(items.flatMap((i) => i.tags ?? []))].sort();
  table(
    'tag',
    groupBy(results, (r) => r.tags, tags),
    log,
  );

  const showHeld = flag('--show-held-out');
  const listed = results.filter((r) => r.split === 'development' || showHeld);
  const list = (outcome: Outcome, title: string): void => {
    const chosen = listed.filter((r) => r.outcome === outcome);
    log('');
    log(`== ${title} (${chosen.length}${showHeld ? '' : ', development items only'}) ==`);
    for (const r of chosen) log(describeItem(r, byId.get(r.id)!));
  };
  list('wrong', 'WRONG: silent misreads');
  if (flag('--verbose')) {
    list('asked', 'Asked where commands were expected');
    list('notUnderstood', 'Not understood');
  }
  if (!showHeld && results.some((r) => r.split === 'heldOut'))
    log("\n(Held-out items are counted above but not listed: keep them unseen by the parser's authors.)");

  const jsonFile = option('--json');
  if (jsonFile) {
    fs.writeFileSync(jsonFile, `${JSON.stringify(results, null, 1)}\n`);
    log(`Wrote ${jsonFile}.`);
  }
}

void main()
  .catch((error) => {
    process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
  })
  .finally(() => {
    process.exitCode = 0;
  });
