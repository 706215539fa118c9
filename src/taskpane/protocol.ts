/**
 * The messages between the task pane (main thread) and its dialogue worker. The worker owns the
 * DialogueSession and the HiGHS solver; the page owns Excel. Every request carries an id and is
 * answered by exactly one response with the same id ('reply', 'noted' or 'failed'); 'progress'
 * messages for that id may arrive before it. Everything here survives structured cloning (plain
 * data, Dates, Maps, typed arrays): no functions, no class instances.
 */
import type { WorkbookData } from '../core/types';
import type { InputFingerprint } from '../core/pipeline/analysisResult';
import type { SummaryLine } from '../conversation';
import type { Choice, Reply } from '../conversation/types';

/** One line of the parameter summary (the session's `parameterSummary`), its `brief` in the pane's one-line digest. */
export type { SummaryLine };

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
  /** After the page wrote a 'writeReport' effect: base name -> sheet name written. */
  | { readonly kind: 'written'; readonly id: number; readonly sheetNames: ReadonlyMap<string, string> };

export type WorkerMessage =
  /**
   * Sent once the worker started: whether the disclosure audit's solver loaded, the starting
   * summary, and the dialogue's opening suggestions (the page imports nothing of the dialogue, so
   * its own bundle stays small).
   */
  | {
      readonly kind: 'ready';
      readonly solver: string | null;
      readonly solverProblem: string | null;
      readonly summary: readonly SummaryLine[];
      readonly suggestions: readonly Choice[];
    }
  | { readonly kind: 'progress'; readonly id: number; readonly step: string }
  | { readonly kind: 'reply'; readonly id: number; readonly reply: Reply; readonly summary: readonly SummaryLine[] }
  | { readonly kind: 'noted'; readonly id: number; readonly summary: readonly SummaryLine[] }
  /** A broken invariant inside the worker; the analyst sees the message and can carry on. */
  | { readonly kind: 'failed'; readonly id: number; readonly message: string };

/** The worker script's file name in the built add-in (an entry of webpack.config.js). */
export const WORKER_SCRIPT = 'dialogue-worker.js';
