/**
 * One turn, start to end: read the utterance into its steps (parse/readUtterance), apply them in
 * order, answer, record. Each applied command is recorded as its own step of the transcript (the
 * whole utterance, the command as resolved, that command's reply), so a replay applies them one by
 * one. A step that asks a question stops the turn; the steps after it wait for the answer. A
 * setting refused, or a run that cannot go ahead, stops the turn too, and the reply says what was
 * not done. Words not acted on are named. A question about results with none at hand, or with the
 * choices changed since the last run, runs the analysis first and says so in one line.
 */
import type { ProgressReporter } from '../../core/pipeline/runAnalysis';
import type { Command } from '../commands';
import { isStateChanging, NEEDS_RESULTS } from '../commands';
import { matchChoice } from '../match';
import { readUtterance, type ReadStep, type UtteranceReading } from '../parse';
import type { Lexicon } from '../parse/grammar/lexicon';
import { refusalText } from '../parse/rules/policy';
import type { Choice, Effect, EngineContext, Reply, TurnRecord } from '../types';
import { applyCommand, changesChoices } from './applyCommand';
import { listing, plural } from './format';
import { runTurn } from './runTurn';
import { sameSettings, type DialogueState, type Outcome, type PendingStep, type TurnEnvironment } from './state';
import { workbookLexicon } from './workbookFacts';

/** What was said this turn: an utterance to understand, or (replay) the command it was understood as. */
export interface TurnInput {
  readonly utterance: string;
  /** Given in a replay: the recorded command (null for a turn that was not understood). */
  readonly command?: Command | null;
  /** Given in a replay of a turn that was not understood: its recorded reply. */
  readonly recordedReply?: string;
  /** Given in a replay: the words the recorded command was read from. */
  readonly words?: string;
}

export interface TurnHost {
  readonly engine: EngineContext;
  readonly progress: ProgressReporter;
  readonly now: () => Date;
  readonly tool: string;
  readonly version: string;
  readonly ledgerCopy: 'full' | 'public';
}

const CANCEL =
  /^(?:cancel|never ?mind|neither|none of (?:these|them|those)|none|forget (?:it|that)|no|stop|skip(?: it)?)[.!]?$/i;

/** What a turn has done so far. */
interface Turn {
  state: DialogueState;
  readonly host: TurnHost;
  readonly utterance: string;
  readonly at: string;
  readonly parts: string[];
  readonly commands: Command[];
  readonly effects: Effect[];
  choices: readonly Choice[];
  question: boolean;
  ran: boolean;
}

function environment(turn: Turn): TurnEnvironment {
  return { ...turn.host, turn: turn.state.transcript.length + 1, at: turn.at, utterance: turn.utterance };
}

/** Records one step. */
function record(turn: Turn, command: Command | null, reply: string, words?: string): void {
  const entry: TurnRecord = {
    turn: turn.state.transcript.length + 1,
    at: turn.at,
    utterance: turn.utterance,
    ...(words !== undefined ? { words } : {}),
    command,
    reply,
  };
  turn.state = { ...turn.state, transcript: [...turn.state.transcript, entry] };
}

/** The dialogue so far with this step, for the Audit sheet of a run. */
const transcriptWith =
  (turn: Turn, command: Command, words?: string) =>
  (reply: string): readonly TurnRecord[] => [
    ...turn.state.transcript,
    {
      turn: turn.state.transcript.length + 1,
      at: turn.at,
      utterance: turn.utterance,
      ...(words !== undefined ? { words } : {}),
      command,
      reply,
    },
  ];

/** The parser's view of the workbook and the session. */
export function lexiconFor(state: DialogueState, engine: EngineContext): Lexicon {
  return { ...workbookLexicon(engine.workbook, state.settings), hasResults: state.latest !== null };
}

/** The last command recorded (what 'make it 25' or 'no, 5' refers to). */
function previousCommand(state: DialogueState): Command | null {
  for (let i = state.transcript.length - 1; i >= 0; i--) {
    const command = state.transcript[i].command;
    if (command) return command;
  }
  return null;
}

/** The state after an outcome: choices, latest run, undo stack. */
function afterOutcome(
  state: DialogueState,
  command: Command | null,
  outcome: Outcome,
  replacesPrevious: boolean,
): DialogueState {
  const undoing = command?.kind === 'undo' && outcome.settings !== undefined;
  let undo = state.undo;
  if (undoing) undo = state.undo.slice(0, -1);
  else if (changesChoices(command, outcome, state)) {
    const top = state.undo[state.undo.length - 1];
    // A correction of the setting just made replaces it: undo goes back to before both.
    undo =
      replacesPrevious && top && top.command.kind === command?.kind
        ? [...state.undo.slice(0, -1), { command: command, before: top.before }]
        : [...state.undo, { command: command as Command, before: state.settings }];
  }
  return {
    ...state,
    settings: outcome.settings ?? state.settings,
    latest: outcome.latest ?? state.latest,
    runs: outcome.latest ? state.runs + 1 : state.runs,
    undo,
    leftOut: outcome.leftOut ?? state.leftOut,
    failedRun: outcome.latest ? null : state.failedRun,
  };
}

/** "Ran the analysis first (run 2, as the choices changed since run 1): 4 wards, 6 schools ranked; its sheets are written." */
function ranFirstLine(outcome: Outcome, before: DialogueState): string {
  const latest = outcome.latest!;
  const why = before.latest ? `, as the choices have changed since run ${before.latest.runNumber}` : '';
  const { result } = latest;
  const unrecognised = result.offenceTypes.unclassified.length;
  const types =
    unrecognised > 0 && outcome.question
      ? ` ${plural(unrecognised, 'offence type')} I do not recognise ${unrecognised === 1 ? 'was' : 'were'} not counted; say "run" to see which.`
      : '';
  return `I ran the analysis first (run ${latest.runNumber}${why}): ${plural(result.wards.length, 'ward')}, ${plural(result.schools.length, 'school')} ranked; its sheets are written.${types}`;
}

type StepEnd = 'continue' | 'stop';

/** Ages read from school years, key stages or 'secondary-age' are approximate: said so. */
function approximationNote(words: string): string {
  if (/\b(?:years?|yrs?|y)\s*\d|\bkey\s*stage|\bks\s*\d/i.test(words)) {
    return ' (From school years, an approximation: a pupil in Year N is N+4 at the start of the school year and N+5 by its end.)';
  }
  if (/\b(?:secondary|primary|school|sixth form)[\s-]*age/i.test(words))
    return ' (An approximation of the ages of that stage of school.)';
  return '';
}

/**
 * Results are asked for with none at hand, or with the choices changed since: runs the analysis
 * first. 'stop' when the run asks a question, or fails with no earlier results to answer from.
 */
function runFirst(
  turn: Turn,
  command: Command,
  rest: readonly PendingStep[],
  words: string | undefined,
): StepEnd | { readonly line: string } {
  const { state } = turn;
  const current = state.latest !== null && sameSettings(state.latest.settings, state.settings);
  if (current || (state.failedRun !== null && sameSettings(state.failedRun, state.settings) && state.latest !== null))
    return { line: '' };
  const env = environment(turn);
  const outcome = runTurn({ kind: 'run' }, state, env, transcriptWith(turn, command, words));
  if (outcome.latest) {
    turn.effects.push(...(outcome.effects ?? []));
    turn.ran = true;
    turn.state = afterOutcome(turn.state, null, outcome, false);
    return { line: ranFirstLine(outcome, state) };
  }
  if (outcome.question) {
    turn.parts.push(
      `To answer that I need to run the analysis first. ${outcome.text.replace(/^Before running: /, '')}`,
    );
    turn.choices = outcome.choices ?? [];
    turn.question = true;
    record(turn, null, outcome.text, words);
    turn.state = {
      ...turn.state,
      pending: {
        text: outcome.text.split('\n').pop() as string,
        choices: turn.choices,
        rest: [{ command, words: words ?? turn.utterance }, ...rest],
        utterance: turn.utterance,
      },
    };
    return 'stop';
  }
  turn.state = { ...turn.state, failedRun: state.settings };
  const tried = `I tried to run the analysis first, to answer with the current choices, but it could not run:\n${outcome.text.split('\n').slice(1).join('\n')}`;
  if (!state.latest) {
    turn.parts.push(tried);
    turn.choices = outcome.choices ?? [];
    record(turn, null, tried, words);
    return 'stop';
  }
  return { line: `${tried}\nSo this answer is from run ${state.latest.runNumber}:` };
}

/** Applies one command (a step of the utterance, a replayed command, or the answer to a question). */
function applyStep(
  turn: Turn,
  command: Command,
  words: string | undefined,
  rest: readonly PendingStep[],
  replacesPrevious = false,
  corrects = false,
): StepEnd {
  let first = '';
  if (NEEDS_RESULTS.has(command.kind)) {
    const ran = runFirst(turn, command, rest, words);
    if (ran === 'stop' || ran === 'continue') return ran;
    first = ran.line;
  }
  const { state } = turn;
  const env = environment(turn);
  const outcome = applyCommand(command, state, env, transcriptWith(turn, command, words));
  // Two wordings of one change in one message ("just VAP … violence against the person") are one change.
  if (outcome.command && isStateChanging(outcome.command) && sameAsLastRecorded(turn, outcome.command))
    return 'continue';
  // A correction back to the setting in use ("round to 10 - or actually don't round at all") changes nothing: nothing to record.
  // Said alone, it is still recorded: the turn then says what it settled.
  const alone = turn.commands.length === 0 && rest.length === 0;
  if (
    corrects &&
    !alone &&
    outcome.command &&
    isStateChanging(outcome.command) &&
    !outcome.question &&
    !changes(state, outcome)
  ) {
    turn.parts.push(`Left as it was: ${outcome.text}`);
    return 'continue';
  }
  const note = command.kind === 'setAgeBand' && outcome.settings && words ? approximationNote(words) : '';
  const text = `${first ? `${first}\n` : ''}${outcome.text}${note}`;
  record(turn, outcome.command, text, words);
  turn.state = afterOutcome(turn.state, outcome.command, outcome, replacesPrevious);
  turn.parts.push(outcome.forAnalystOnly ? `${text}\n${outcome.forAnalystOnly}` : text);
  turn.effects.push(...(outcome.effects ?? []));
  if (outcome.command) turn.commands.push(outcome.command);
  if (outcome.latest) turn.ran = true;
  turn.choices = outcome.choices ?? [];
  if (outcome.question) {
    turn.question = true;
    turn.state = {
      ...turn.state,
      pending: {
        text: outcome.text.split('\n').pop() as string,
        choices: turn.choices,
        ...(rest.length > 0 ? { rest, utterance: turn.utterance } : {}),
      },
    };
    return 'stop';
  }
  if (command.kind === 'run' && !outcome.latest) {
    turn.state = { ...turn.state, failedRun: state.settings };
    return 'stop';
  }
  // A setting refused (it could not work): what comes after it may rely on it, so stop.
  if (outcome.command === null && isStateChanging(command)) return 'stop';
  return 'continue';
}

const asPending = (steps: readonly ReadStep[]): PendingStep[] | undefined => {
  const out: PendingStep[] = [];
  for (const step of steps) {
    if (step.reading.kind !== 'command') return undefined;
    out.push({ command: step.reading.command, words: step.words });
  }
  return out;
};

/** Steps not done, said: 'I have not gone on to: "then run".' */
function notDone(steps: readonly { readonly words: string }[], because: 'question' | 'stopped'): string {
  const said = listing(steps.map((step) => `"${step.words}"`));
  return because === 'question'
    ? `Once that is answered I will go on to ${said}.`
    : `So I have not gone on to ${said}.`;
}

/** Whether an outcome changes the session's settings. */
function changes(state: DialogueState, outcome: Outcome): boolean {
  return outcome.settings !== undefined && !sameSettings(outcome.settings, state.settings);
}

/** Whether this turn's last recorded command is this one, value for value. */
function sameAsLastRecorded(turn: Turn, command: Command): boolean {
  const last = turn.commands[turn.commands.length - 1];
  return last !== undefined && JSON.stringify(last) === JSON.stringify(command);
}

/** Applies steps in order until one stops the turn. */
function applySteps(turn: Turn, steps: readonly ReadStep[] | readonly PendingStep[]): void {
  const all = steps as readonly (ReadStep | PendingStep)[];
  for (let i = 0; i < all.length; i++) {
    const step = all[i];
    const later = all.slice(i + 1);
    if ('reading' in step && step.reading.kind === 'question') {
      turn.parts.push(step.reading.text);
      turn.choices = step.reading.choices;
      turn.question = true;
      record(turn, null, step.reading.text, step.words);
      const rest = asPending(later as readonly ReadStep[]);
      turn.state = {
        ...turn.state,
        pending: {
          text: step.reading.text.split('\n').pop() as string,
          choices: step.reading.choices,
          ...(rest && rest.length > 0 ? { rest, utterance: turn.utterance } : {}),
        },
      };
      if (later.length > 0) turn.parts.push(notDone(later, 'question'));
      return;
    }
    const command = 'reading' in step ? (step.reading as { command: Command }).command : step.command;
    const replaces = 'reading' in step && step.replacesPrevious === true;
    const corrects = 'reading' in step && step.replaced !== undefined;
    const end = applyStep(
      turn,
      command,
      step.words,
      asPending(later.filter((s): s is ReadStep => 'reading' in s)) ??
        later.filter((s): s is PendingStep => !('reading' in s)),
      replaces,
      corrects,
    );
    if (end === 'stop') {
      if (later.length > 0) turn.parts.push(notDone(later, turn.question ? 'question' : 'stopped'));
      return;
    }
  }
}

/** The aggregate figures offered instead of a refused request about individuals. */
function refusalChoices(reading: UtteranceReading, state: DialogueState): Choice[] {
  const place = reading.refusal?.place;
  const choices: Choice[] = [];
  if (place)
    choices.push({
      label: `Tell me about ${place.name}${place.kind === 'ward' ? ' ward' : ''}`,
      utterance: place.kind === 'ward' ? `tell me about ward ${place.name}` : `tell me about ${place.name}`,
    });
  choices.push({ label: 'List the wards by rate', utterance: 'list the wards by rate' });
  choices.push({
    label: state.latest ? 'Show the top 10' : 'Run the analysis',
    utterance: state.latest ? 'show the top 10' : 'run the analysis',
  });
  return choices;
}

/** An utterance read into steps: applied, with a refusal, not understood, unused words and greetings handled. */
function processReading(turn: Turn, reading: UtteranceReading): void {
  if (reading.refusal) {
    const text = refusalText(reading.refusal);
    turn.parts.push(text);
    turn.choices = refusalChoices(reading, turn.state);
    record(turn, null, text);
    return;
  }
  if (reading.steps.length === 0) {
    const text = reading.notUnderstood?.text ?? `I did not understand '${reading.source}'.`;
    turn.parts.push(text);
    turn.choices = reading.notUnderstood?.choices ?? [];
    record(turn, null, text);
    return;
  }
  if (reading.courtesy.includes('greeting')) turn.parts.push('Hello.');
  // Asked first, never done in part: words left over that may carry part of the request ('up' in
  // "up to age 15", "which are new" after "rerun"), or most of the words not understood when the
  // part understood would change the choices.
  const pending = asPending(reading.steps);
  const unclear = (reading.unclear ?? []).length > 0;
  const mostlyNotUnderstood =
    reading.words !== undefined &&
    reading.words.unused >= 2 &&
    reading.words.unused > reading.words.used &&
    pending?.some((step) => isStateChanging(step.command));
  if (pending && (unclear || mostlyNotUnderstood)) {
    const text = `I understood only part of that: ${listing(pending.map((step) => `"${step.words}"`))}. I did not understand ${listing(reading.unused.map((words) => `"${words}"`))}. Shall I go ahead with the part I understood?`;
    turn.parts.push(text);
    turn.choices = [
      { label: 'Yes, go ahead', utterance: 'yes' },
      { label: 'No', utterance: 'no' },
      { label: 'Help', utterance: 'help' },
    ];
    turn.question = true;
    record(turn, null, text);
    turn.state = {
      ...turn.state,
      pending: {
        text: 'Shall I go ahead with the part I understood?',
        choices: turn.choices,
        rest: pending,
        utterance: turn.utterance,
        confirm: true,
      },
    };
    return;
  }
  applySteps(turn, reading.steps);
  if (reading.unused.length > 0)
    turn.parts.push(`I did not act on ${listing(reading.unused.map((words) => `"${words}"`))}.`);
}

/** The answer to a turn while a question is waiting: a choice, a new request, or the question again. */
function answerPending(turn: Turn, lexicon: Lexicon): void {
  const pending = turn.state.pending!;
  const rest = pending.rest ?? [];
  turn.state = { ...turn.state, pending: null };
  if (CANCEL.test(turn.utterance.trim())) {
    const text = `All right, leaving that as it was.${rest.length > 0 ? ` ${notDone(rest, 'stopped')}` : ''}`;
    turn.parts.push(text);
    turn.choices = [
      { label: 'Show the settings', utterance: 'show the settings' },
      { label: 'Help', utterance: 'help' },
    ];
    record(turn, null, text);
    return;
  }
  if (
    pending.confirm &&
    /^(?:y|yes|yeah|yep|yup|ok|okay|sure|go ahead|do it|please do|yes please|go on|fine)\b/i.test(turn.utterance.trim())
  ) {
    applySteps(turn, rest);
    return;
  }
  const picked = matchChoice(turn.utterance, pending.choices);
  if (picked !== undefined) {
    // A button's words are read as the setting they name: 'top 10' is the top group, even after a run.
    const reading = readUtterance(pending.choices[picked].utterance, {
      lexicon: { ...lexicon, hasResults: false },
      previous: previousCommand(turn.state),
    });
    processReading(turn, reading);
    if (!turn.question && rest.length > 0) applySteps(turn, rest);
    return;
  }
  const reading = readUtterance(turn.utterance, { lexicon, previous: previousCommand(turn.state) });
  if (reading.steps.length > 0 || reading.refusal) {
    processReading(turn, reading);
    if (rest.length > 0)
      turn.parts.push(
        `(I have left the rest of your earlier request: ${listing(rest.map((step) => `"${step.words}"`))}.)`,
      );
    return;
  }
  const text = `I did not catch which one you meant. ${pending.text}`;
  turn.parts.push(text);
  turn.choices = pending.choices;
  turn.question = true;
  record(turn, null, text);
  turn.state = { ...turn.state, pending };
}

/**
 * Takes one turn: the session's state in, the new state and the reply out. Pure apart from the
 * host's clock and progress callback. A waiting question reads the utterance as its answer first
 * (a choice's label, position or distinctive word); a new request instead drops the question.
 */
export function takeTurn(
  state: DialogueState,
  input: TurnInput,
  host: TurnHost,
): { readonly state: DialogueState; readonly reply: Reply } {
  const turn: Turn = {
    state: { ...state, pending: input.command === undefined ? state.pending : null },
    host,
    utterance: input.utterance,
    at: host.now().toISOString(),
    parts: [],
    commands: [],
    effects: [],
    choices: [],
    question: false,
    ran: false,
  };
  let unused: readonly string[] = [];
  if (input.command === null) {
    const text = input.recordedReply ?? 'Not understood.';
    turn.parts.push(text);
    record(turn, null, text, input.words);
  } else if (input.command !== undefined) {
    applyStep(turn, input.command, input.words, []);
  } else {
    const lexicon = lexiconFor(state, host.engine);
    if (state.pending) {
      answerPending(turn, lexicon);
    } else {
      const reading = readUtterance(input.utterance, { lexicon, previous: previousCommand(state) });
      unused = reading.unused;
      processReading(turn, reading);
    }
  }
  if (!turn.question) turn.state = { ...turn.state, pending: null };
  const commands = turn.commands;
  return {
    state: turn.state,
    reply: {
      text: turn.parts.filter((part) => part !== '').join('\n'),
      choices: turn.choices,
      question: turn.question,
      command: commands.length > 0 ? commands[commands.length - 1] : null,
      commands,
      unused,
      ran: turn.ran,
      effects: turn.effects,
    },
  };
}
