import type { DisclosureLedger } from '../core/ledger';
/**
 * The dialogue's contract with its hosts (the task pane's worker and the command line's --script).
 * The session is pure: it never touches Office, the DOM or files. It reads the workbook snapshot it
 * is given and asks its host to act through Effects.
 */
import type { AnalysisInputs, ProgressReporter } from '../core/pipeline/runAnalysis';
import type { AnalysisParameters, Issue, SheetRole } from '../core/types';
import type { SheetModel } from '../report/sheetModel';
import type { Command } from './commands';

export type { Command } from './commands';

/** A quick-reply button: its label, and the utterance sent when it is pressed. */
export interface Choice {
  readonly label: string;
  readonly utterance: string;
}

/** What the session asks its host to do after a turn, in order. */
export type Effect =
  /** Write these sheet models as new sheets (the host's WorkbookPort.writeReport), then call noteWritten. */
  /** `ledger`: the disclosure ledger with this run added, for a host that keeps it in a file too. */
  | { readonly kind: 'writeReport'; readonly models: readonly SheetModel[]; readonly ledger?: DisclosureLedger }
  /** Bring the named output sheet (base name, e.g. 'Summary') of the latest run to the front. */
  | { readonly kind: 'activateSheet'; readonly baseName: string };

export interface Reply {
  /** Plain text (may hold line breaks); hosts render it as text, never as HTML. */
  readonly text: string;
  /** Quick replies; empty when there are none. */
  readonly choices: readonly Choice[];
  /** True when the session asked a question and will read the next utterance as its answer. */
  readonly question: boolean;
  /**
   * The command this turn was understood as: the last of `commands` (the primary one, kept for
   * hosts that read one); null when nothing was applied.
   */
  readonly command: Command | null;
  /**
   * Every command applied this turn, in order, as recorded (names resolved): "hide zeros and round
   * to 5" gives two. A run done first because results were asked for with none at hand (or with the
   * choices changed since) is not listed: it follows from the state, so a replay does it again; see `ran`.
   */
  readonly commands: readonly Command[];
  /** Words of the utterance not acted on, as typed, in runs ("and email it to Clare"); the reply names them too. */
  readonly unused: readonly string[];
  /** True when the analysis ran this turn (its sheets are in `effects`). */
  readonly ran: boolean;
  readonly effects: readonly Effect[];
}

/**
 * One recorded step: what was said, what it was taken to mean, and what was answered. An utterance
 * of several parts ("hide zeros and round to 5") is recorded as one step per command, each with the
 * whole utterance and its own reply, so a replay applies them one by one.
 */
export interface TurnRecord {
  /** 1-based, one per recorded step. */
  readonly turn: number;
  /** ISO 8601 time of the turn (from the session's clock, injectable for reproducible output). */
  readonly at: string;
  readonly utterance: string;
  /** The words of the utterance this step was read from, as typed ("suppress under 10" of "ages 11-16 and suppress under 10"); absent for a command applied as JSON. */
  readonly words?: string;
  readonly command: Command | null;
  readonly reply: string;
}

/** What the host supplies on every turn: the workbook as it is now and the engine's other inputs. */
export type EngineContext = Omit<AnalysisInputs, 'roleOverrides' | 'columnOverrides'> & {
  /**
   * How the host names places in its inputs, when not as sheets and rows: the command line's CSV
   * files by file and line. Applied to every problem a run reports (replies and the Validation
   * sheet) and to its notes on the columns found. Default: as the engine says them.
   */
  readonly describeInput?: {
    readonly issue: (issue: Issue) => Issue;
    readonly text: (text: string) => string;
  };
};

export interface DialogueSession {
  /** Handles one analyst turn. Synchronous and deterministic for the same state, utterance and context. */
  respond(utterance: string, context: EngineContext, progress?: ProgressReporter): Reply;
  /**
   * Applies an already parsed command (replay, or the pane's settings form). `said` is how the
   * change was made, in words ("Settings: threshold 7"), recorded as the turn's utterance so the
   * Audit sheet reads as a conversation; by default the command's JSON.
   */
  apply(command: Command, context: EngineContext, progress?: ProgressReporter, said?: string): Reply;
  /**
   * After the host wrote a 'writeReport' effect: the final sheet names, for links and later
   * answers, and the run number the sheets were written under ('Schools (3)' is run 3), which the
   * next run's number follows so the replies and the sheets agree.
   */
  noteWritten(sheetNames: ReadonlyMap<string, string>, runNumber?: number): void;
  /** Runs so far, as numbered (the next run is this plus one). */
  readonly runs: number;
  readonly transcript: readonly TurnRecord[];
  readonly parameters: AnalysisParameters;
  /** The current choices as label/value pairs, for the task pane's always-visible parameter summary. */
  readonly parameterSummary: readonly { readonly label: string; readonly value: string; readonly brief?: string }[];
}

export interface SessionOptions {
  /** Clock for turn times and report stamps. Default: the real clock. */
  readonly now?: () => Date;
  /** Starting parameters. Default: DEFAULT_PARAMETERS. */
  readonly parameters?: AnalysisParameters;
  /** Tool name and version stamped on reports. */
  readonly tool?: string;
  readonly version?: string;
  /** The disclosure ledger's copy in written workbooks: 'full' in the analyst's own workbook (the add-in), else 'public'. */
  readonly ledgerCopy?: 'full' | 'public';
  /**
   * Runs already written before this session started, e.g. by the session a cancelled turn ended:
   * the first run here is numbered after them. Default 0.
   */
  readonly runsSoFar?: number;
  /** Starting sheet choices (e.g. the command line's --sheet). Default none. */
  readonly roleOverrides?: Readonly<Partial<Record<SheetRole, string>>>;
  /** Starting column choices, 'role.field' -> header (the command line's --map). Default none. */
  readonly columnOverrides?: Readonly<Record<string, string>>;
}
