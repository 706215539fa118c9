/** What the dialogue remembers between turns. Immutable: each turn makes a new state. */
import type { AnalysisResult } from '../../core/pipeline/analysisResult';
import type { ProgressReporter } from '../../core/pipeline/runAnalysis';
import type { AnalysisParameters, SheetRole } from '../../core/types';
import type { Command } from '../commands';
import type { Choice, Effect, EngineContext, TurnRecord } from '../types';

/** The analyst's choices: what undo and reset work on. */
export interface Settings {
  readonly parameters: AnalysisParameters;
  /** Sheet chosen for a role. */
  readonly roleOverrides: Readonly<Partial<Record<SheetRole, string>>>;
  /** 'role.field' -> header text. */
  readonly columnOverrides: Readonly<Record<string, string>>;
}

/** A question waiting for its answer: the next utterance is matched against its choices first. */
export interface PendingQuestion {
  readonly text: string;
  readonly choices: readonly Choice[];
  /** Parts of the utterance that asked it, still to do once it is answered ("ages 9–16, then run": the run). */
  readonly rest?: readonly PendingStep[];
  /** The utterance they came from. */
  readonly utterance?: string;
  /** The question asks whether to go ahead with `rest` (most of the words were not understood): 'yes' does it. */
  readonly confirm?: boolean;
}

/** A part of an utterance not yet done. */
export interface PendingStep {
  readonly command: Command;
  /** The words it was read from, as typed. */
  readonly words: string;
}

/** The latest successful run, kept so questions about the results need no new run. */
export interface LatestRun {
  readonly result: AnalysisResult;
  readonly runNumber: number;
  readonly turn: number;
  /** The choices it ran with (to say when they have changed since). */
  readonly settings: Settings;
  /** Base name -> sheet name written, once the host has said (noteWritten). */
  readonly sheetNames: ReadonlyMap<string, string> | null;
}

export interface DialogueState {
  readonly settings: Settings;
  /** The starting choices, for 'reset'. */
  readonly initial: Settings;
  readonly latest: LatestRun | null;
  /** Successful runs so far. */
  readonly runs: number;
  readonly pending: PendingQuestion | null;
  /** Commands that changed the choices, newest last, each with the choices before it. */
  readonly undo: readonly { readonly command: Command; readonly before: Settings }[];
  readonly transcript: readonly TurnRecord[];
  /**
   * Offence types the engine cannot classify that the analyst has said to leave out ("leave out
   * 'XYZ1'"): still listed after a run, but not asked about again.
   */
  readonly leftOut: readonly string[];
  /** The choices of the latest run that could not go ahead (so a question about results does not try it again unchanged). */
  readonly failedRun: Settings | null;
}

/** Everything a turn may use besides the state: the workbook, the clock, where to report progress. */
export interface TurnEnvironment {
  readonly engine: EngineContext;
  readonly progress: ProgressReporter;
  readonly now: () => Date;
  readonly turn: number;
  /** ISO time of this turn. */
  readonly at: string;
  readonly utterance: string;
  readonly tool: string;
  readonly version: string;
  readonly ledgerCopy: 'full' | 'public';
}

/** What handling one command produced: the reply, and what changed. */
export interface Outcome {
  readonly text: string;
  readonly choices?: readonly Choice[];
  /** True when the reply asks a question (its choices are the answers). */
  readonly question?: boolean;
  /** The command as resolved (exact names), as recorded for replay; null when nothing was understood. */
  readonly command: Command | null;
  readonly settings?: Settings;
  readonly effects?: readonly Effect[];
  readonly latest?: LatestRun;
  /** The unrecognised offence types left out, when this turn changed them. */
  readonly leftOut?: readonly string[];
  /**
   * Lines shown to the analyst after the reply but never recorded (not in the transcript, so not on
   * any Audit sheet): figures the shared workbook leaves out, such as a school's attending count.
   */
  readonly forAnalystOnly?: string;
}

/** The state a session starts in; `runsSoFar`: runs already written (the next is numbered after them). */
export function initialState(settings: Settings, runsSoFar = 0): DialogueState {
  return {
    settings,
    initial: settings,
    latest: null,
    runs: runsSoFar,
    pending: null,
    undo: [],
    transcript: [],
    leftOut: [],
    failedRun: null,
  };
}

/**
 * The latest run's sheets as the host wrote them. The host names a run's sheets after those already
 * in the workbook ('Schools (3)' is run 3); when it says under which number, the latest run takes it
 * and the next is numbered after it, so the replies and the sheets agree.
 */
export function noteRunWritten(
  state: DialogueState,
  sheetNames: ReadonlyMap<string, string>,
  runNumber?: number,
): DialogueState {
  if (!state.latest) return runNumber === undefined ? state : { ...state, runs: runNumber };
  const latest = {
    ...state.latest,
    sheetNames: new Map(sheetNames),
    ...(runNumber !== undefined ? { runNumber } : {}),
  };
  return { ...state, latest, runs: runNumber ?? state.runs };
}

/** Whether two sets of choices are the same (parameters compared as JSON, which holds dates as ISO text). */
export function sameSettings(a: Settings, b: Settings): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
