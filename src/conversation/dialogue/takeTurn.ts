/** One turn, start to end: understand the utterance (or take the command), answer, record. */
import type { ProgressReporter } from '../../core/pipeline/runAnalysis';
import type { Command } from '../commands';
import { matchChoice } from '../match';
import { parseUtterance } from '../parse';
import type { ParseOutcome } from '../parse/types';
import type { EngineContext, Reply, TurnRecord } from '../types';
import { applyCommand, changesChoices } from './applyCommand';
import type { DialogueState, Outcome, TurnEnvironment } from './state';

/** What was said this turn: an utterance to understand, or (replay) the command it was understood as. */
export interface TurnInput {
  readonly utterance: string;
  /** Given in a replay: the recorded command (null for a turn that was not understood). */
  readonly command?: Command | null;
  /** Given in a replay of a turn that was not understood: its recorded reply. */
  readonly recordedReply?: string;
}

export interface TurnHost {
  readonly engine: EngineContext;
  readonly progress: ProgressReporter;
  readonly now: () => Date;
  readonly tool: string;
  readonly version: string;
}

const CANCEL = /^(?:cancel|never ?mind|neither|none of (?:these|them|those)|none|forget (?:it|that)|no|stop|skip(?: it)?)[.!]?$/i;

function fromParse(parsed: ParseOutcome, state: DialogueState, env: TurnEnvironment, transcriptWith: (command: Command) => (reply: string) => readonly TurnRecord[]): Outcome {
  if (parsed.kind === 'command') return applyCommand(parsed.command, state, env, transcriptWith(parsed.command));
  return { text: parsed.text, choices: parsed.choices, question: parsed.kind === 'question', command: null };
}

/** The answer to a turn while a question is waiting: a choice, a new request, or the question again. */
function answerPending(utterance: string, state: DialogueState, env: TurnEnvironment, transcriptWith: (command: Command) => (reply: string) => readonly TurnRecord[]): Outcome {
  const pending = state.pending!;
  if (CANCEL.test(utterance.trim())) {
    return { text: 'All right, leaving that as it was.', command: null, choices: [{ label: 'Show the settings', utterance: 'show the settings' }, { label: 'Help', utterance: 'help' }] };
  }
  const picked = matchChoice(utterance, pending.choices);
  if (picked !== undefined) return fromParse(parseUtterance(pending.choices[picked].utterance), state, env, transcriptWith);
  const parsed = parseUtterance(utterance);
  if (parsed.kind !== 'unknown') return fromParse(parsed, state, env, transcriptWith);
  return { text: `I did not catch which one you meant. ${pending.text}`, choices: pending.choices, question: true, command: null };
}

/**
 * Takes one turn: the session's state in, the new state and the reply out. Pure apart from the
 * host's clock and progress callback. A waiting question reads the utterance as its answer first
 * (a choice's label, position or distinctive word); a new request instead drops the question.
 */
export function takeTurn(state: DialogueState, input: TurnInput, host: TurnHost): { readonly state: DialogueState; readonly reply: Reply } {
  const turn = state.transcript.length + 1;
  const env: TurnEnvironment = { ...host, turn, at: host.now().toISOString(), utterance: input.utterance };
  const record = (command: Command | null, reply: string): TurnRecord => ({ turn, at: env.at, utterance: input.utterance, command, reply });
  const transcriptWith = (command: Command) => (reply: string): readonly TurnRecord[] => [...state.transcript, record(command, reply)];

  let outcome: Outcome;
  if (input.command === null) outcome = { text: input.recordedReply ?? 'Not understood.', command: null };
  else if (input.command !== undefined) outcome = applyCommand(input.command, state, env, transcriptWith(input.command));
  else if (state.pending) outcome = answerPending(input.utterance, state, env, transcriptWith);
  else outcome = fromParse(parseUtterance(input.utterance), state, env, transcriptWith);

  const command = outcome.command;
  const undoing = command?.kind === 'undo' && outcome.settings !== undefined;
  const undo = undoing
    ? state.undo.slice(0, -1)
    : changesChoices(command, outcome, state)
      ? [...state.undo, { command: command as Command, before: state.settings }]
      : state.undo;
  const choices = outcome.choices ?? [];
  const question = outcome.question === true;
  const next: DialogueState = {
    ...state,
    settings: outcome.settings ?? state.settings,
    latest: outcome.latest ?? state.latest,
    runs: outcome.latest ? state.runs + 1 : state.runs,
    // The question is the reply's last line (a description may come before it), asked again if need be.
    pending: question ? { text: outcome.text.split('\n').pop() as string, choices } : null,
    undo,
    transcript: [...state.transcript, record(command, outcome.text)],
    leftOut: outcome.leftOut ?? state.leftOut,
  };
  return { state: next, reply: { text: outcome.text, choices, question, command, effects: outcome.effects ?? [] } };
}
