/**
 * The messages between the task pane (main thread) and its dialogue worker. The worker owns the
 * DialogueSession and the HiGHS solver; the page owns Excel. Every request carries an id and is
 * answered by exactly one response with the same id ('reply', 'noted', 'restored' or 'failed');
 * 'progress' messages for that id may arrive before it. Everything here survives structured
 * cloning (plain data, Dates, Maps, typed arrays): no functions, no class instances.
 */
import type { AnalysisParameters, WorkbookData } from '../core/types';
import type { InputFingerprint } from '../core/pipeline/analysisResult';
import type { SummaryLine } from '../conversation';
import type { Command } from '../conversation/commands';
import type { Choice, Reply, TurnRecord } from '../conversation/types';

/** One line of the parameter summary (the session's `parameterSummary`), its `brief` in the pane's one-line digest. */
export type { SummaryLine };

/**
 * The session's parameters as plain JSON, for the settings form: every field of
 * AnalysisParameters as it is, except the date window, as ISO days ('2023-04-01') or null for no limit.
 */
export type ParametersJson = Omit<AnalysisParameters, 'dateFrom' | 'dateTo'> & {
  readonly dateFrom: string | null;
  readonly dateTo: string | null;
};

/** One offence type in the offences sheet the session would read, with its number of rows. */
export interface OffenceTypeCount {
  readonly type: string;
  readonly rows: number;
}

/** Ward boundaries the analyst picked as a GeoJSON file, read locally (never uploaded). */
export interface BoundaryFile {
  readonly geojson: unknown;
  /** The file's name, as the Method sheet cites it. */
  readonly source: string;
  readonly fingerprint?: InputFingerprint;
}

/**
 * The page sends the workbook and the boundaries only when they changed since the last turn:
 * a large workbook costs the main thread time to clone, and Excel should stay responsive.
 */
export const UNCHANGED = 'unchanged';
export type Unchanged = typeof UNCHANGED;

export type WorkerRequest =
  /** One analyst turn. `boundaries: null` means "use the workbook's vertex sheet". */
  | {
      readonly kind: 'turn';
      readonly id: number;
      readonly utterance: string;
      readonly workbook: WorkbookData | Unchanged;
      readonly boundaries: BoundaryFile | null | Unchanged;
    }
  /**
   * A change made in the settings form, as the Command a typed turn would be understood as: the
   * worker applies it with `session.apply`, so it is answered and recorded like a typed turn.
   */
  | {
      readonly kind: 'command';
      readonly id: number;
      readonly command: Command;
      /** The change in words, as the chat shows it ("Settings: threshold 7"), for the Audit sheet. */
      readonly said?: string;
      readonly workbook: WorkbookData | Unchanged;
      readonly boundaries: BoundaryFile | null | Unchanged;
    }
  /** After the page wrote a 'writeReport' effect: base name -> sheet name written, and the run number they were written under. */
  | {
      readonly kind: 'written';
      readonly id: number;
      readonly sheetNames: ReadonlyMap<string, string>;
      readonly runNumber?: number;
    }
  /**
   * To a fresh worker after a cancelled turn: the turns the old one recorded, whose choices it
   * replays (see turnsThatSetChoices), with the workbook and boundaries as the page has them now,
   * and the number of the last run written, so the next run is numbered after it.
   */
  | {
      readonly kind: 'restore';
      readonly id: number;
      readonly turns: readonly TurnRecord[];
      readonly runsSoFar?: number;
      readonly workbook: WorkbookData;
      readonly boundaries: BoundaryFile | null;
    };

/** What every answer says of the session's current choices. */
export interface SettingsFields {
  readonly summary: readonly SummaryLine[];
  readonly parameters: ParametersJson;
}

export type WorkerMessage =
  /**
   * Sent once the worker started: whether the disclosure audit's solver loaded, the starting
   * choices, and the dialogue's opening suggestions (the page imports nothing of the dialogue, so
   * its own bundle stays small).
   */
  | ({
      readonly kind: 'ready';
      readonly solver: string | null;
      readonly solverProblem: string | null;
      readonly suggestions: readonly Choice[];
    } & SettingsFields)
  | { readonly kind: 'progress'; readonly id: number; readonly step: string }
  /**
   * The answer to a 'turn' or a 'command'. `offenceTypes`: the types in the offences sheet the
   * session would read (null when it finds none); `turns`: the turns recorded since the last answer.
   */
  | ({
      readonly kind: 'reply';
      readonly id: number;
      readonly reply: Reply;
      readonly offenceTypes: readonly OffenceTypeCount[] | null;
      readonly turns: readonly TurnRecord[];
    } & SettingsFields)
  | ({ readonly kind: 'noted'; readonly id: number } & SettingsFields)
  /** The answer to a 'restore': how many recorded turns were replayed. */
  | ({
      readonly kind: 'restored';
      readonly id: number;
      readonly replayed: number;
      readonly offenceTypes: readonly OffenceTypeCount[] | null;
    } & SettingsFields)
  /** A broken invariant inside the worker; the analyst sees the message and can carry on. */
  | { readonly kind: 'failed'; readonly id: number; readonly message: string };

/** The worker script's file name in the built add-in (an entry of webpack.config.js). */
export const WORKER_SCRIPT = 'dialogue-worker.js';
