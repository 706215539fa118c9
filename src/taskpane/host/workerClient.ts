import type { Command } from '../../conversation/commands';
import type { Choice, Reply, TurnRecord } from '../../conversation/types';
import type { WorkbookData } from '../../core/types';
import {
  WORKER_SCRIPT,
  type BoundaryFile,
  type OffenceTypeCount,
  type ParametersJson,
  type SummaryLine,
  type Unchanged,
  type WorkerMessage,
  type WorkerRequest,
} from '../protocol';

/** The session's current choices, as every answer of the worker gives them. */
export interface SessionSettings {
  readonly summary: readonly SummaryLine[];
  readonly parameters: ParametersJson;
  /** The offences sheet's types with their rows (null: no such sheet); left out when the answer says nothing new of them. */
  readonly offenceTypes?: readonly OffenceTypeCount[] | null;
}

export interface WorkerReady {
  readonly solver: string | null;
  readonly solverProblem: string | null;
  readonly suggestions: readonly Choice[];
  readonly settings: SessionSettings;
}

/** The workbook and boundaries sent with a turn: each 'unchanged' unless the worker has not seen it. */
export interface TurnContext {
  readonly workbook: WorkbookData | Unchanged;
  readonly boundaries: BoundaryFile | null | Unchanged;
}

/** One turn: words typed (or a quick reply's), or a change in the settings form as its Command. */
export type TurnInput = TurnContext &
  ({ readonly utterance: string } | { readonly command: Command; readonly said?: string });

export interface TurnAnswer {
  readonly reply: Reply;
  readonly settings: SessionSettings;
}

export interface Restored {
  /** How many recorded turns the fresh worker replayed to hold the same choices. */
  readonly replayed: number;
  readonly settings: SessionSettings;
}

/** A request stopped by `cancel()`: its answer will never come. */
export class CancelledError extends Error {
  constructor() {
    super('Cancelled.');
    this.name = 'CancelledError';
  }
}

/** The dialogue worker seen from the page: promises for its answers, a callback for its progress. */
export interface DialogueWorker {
  /** Resolves once the first worker has started (and tried to load its solver). */
  readonly ready: Promise<WorkerReady>;
  turn(input: TurnInput, progress: (step: string) => void): Promise<TurnAnswer>;
  /** After a run's sheets are written: their names, and the run number they were written under (a later restore numbers on from it). */
  noteWritten(sheetNames: ReadonlyMap<string, string>, runNumber?: number): Promise<SessionSettings>;
  /**
   * Stops the worker at once (Worker.terminate: a run in progress ends mid-step), rejects every
   * pending request with CancelledError, and starts a fresh worker, which knows nothing until `restore`.
   */
  cancel(): void;
  /** Has the fresh worker replay the choices of every turn recorded so far, on this workbook and boundaries. */
  restore(context: { readonly workbook: WorkbookData; readonly boundaries: BoundaryFile | null }): Promise<Restored>;
}

type Pending = {
  resolve: (message: WorkerMessage) => void;
  reject: (error: Error) => void;
  progress?: (step: string) => void;
};

interface Connection {
  readonly worker: Worker;
  readonly pending: Map<number, Pending>;
}

function settingsOf(message: {
  readonly summary: readonly SummaryLine[];
  readonly parameters: ParametersJson;
  readonly offenceTypes?: readonly OffenceTypeCount[] | null;
}): SessionSettings {
  return message.offenceTypes === undefined
    ? { summary: message.summary, parameters: message.parameters }
    : { summary: message.summary, parameters: message.parameters, offenceTypes: message.offenceTypes };
}

/**
 * Starts the worker script built beside the page and pairs each request with its response by id.
 * A worker that fails to load or crashes rejects every pending request with the reason, so the
 * pane can say so instead of waiting forever. The client keeps every turn the worker recorded
 * (each reply brings the new ones), so that after `cancel` a fresh worker can be given them back.
 */
export function startDialogueWorker(
  scriptUrl: string = WORKER_SCRIPT,
  createWorker: (url: string) => Worker = (url) => new Worker(url),
): DialogueWorker {
  let nextId = 1;
  /** Every turn recorded, in order, across the workers this client started. */
  const recorded: TurnRecord[] = [];
  /** The number of the last run whose sheets were written: a fresh worker numbers its runs after it. */
  let lastRunWritten = 0;
  let resolveReady: (ready: WorkerReady) => void = () => undefined;
  let rejectReady: (error: Error) => void = () => undefined;
  const ready = new Promise<WorkerReady>((resolve, reject) => {
    resolveReady = resolve;
    rejectReady = reject;
  });

  function connect(): Connection {
    const worker = createWorker(scriptUrl);
    const pending = new Map<number, Pending>();
    worker.addEventListener('message', (event: MessageEvent<WorkerMessage>) => {
      const message = event.data;
      if (message.kind === 'ready') {
        // A fresh worker after a cancel says so too; only the first one's start is awaited.
        resolveReady({
          solver: message.solver,
          solverProblem: message.solverProblem,
          suggestions: message.suggestions,
          settings: settingsOf(message),
        });
        return;
      }
      const request = pending.get(message.id);
      if (!request) return;
      if (message.kind === 'progress') {
        request.progress?.(message.step);
        return;
      }
      pending.delete(message.id);
      if (message.kind === 'reply') recorded.push(...message.turns);
      if (message.kind === 'failed') request.reject(new Error(message.message));
      else request.resolve(message);
    });
    worker.addEventListener('error', (event: ErrorEvent) => {
      const error = new Error(`The dialogue worker stopped: ${event.message || 'it could not be loaded'}.`);
      rejectReady(error);
      for (const request of pending.values()) request.reject(error);
      pending.clear();
    });
    return { worker, pending };
  }

  let current = connect();

  function send(request: WorkerRequest, progress?: (step: string) => void): Promise<WorkerMessage> {
    const { worker, pending } = current;
    return new Promise((resolve, reject) => {
      pending.set(request.id, { resolve, reject, progress });
      worker.postMessage(request);
    });
  }

  return {
    ready,
    async turn(input, progress) {
      const { workbook, boundaries } = input;
      const request: WorkerRequest =
        'command' in input
          ? {
              kind: 'command',
              id: nextId++,
              command: input.command,
              ...(input.said ? { said: input.said } : {}),
              workbook,
              boundaries,
            }
          : { kind: 'turn', id: nextId++, utterance: input.utterance, workbook, boundaries };
      const message = await send(request, progress);
      if (message.kind !== 'reply') throw new Error(`The dialogue worker answered a turn with '${message.kind}'.`);
      return { reply: message.reply, settings: settingsOf(message) };
    },
    async noteWritten(sheetNames, runNumber) {
      if (runNumber !== undefined) lastRunWritten = runNumber;
      const message = await send({
        kind: 'written',
        id: nextId++,
        sheetNames,
        ...(runNumber !== undefined ? { runNumber } : {}),
      });
      if (message.kind !== 'noted') throw new Error(`The dialogue worker answered a write with '${message.kind}'.`);
      return settingsOf(message);
    },
    cancel() {
      const stopped = current;
      stopped.worker.terminate();
      current = connect();
      for (const request of stopped.pending.values()) request.reject(new CancelledError());
      stopped.pending.clear();
    },
    async restore({ workbook, boundaries }) {
      const message = await send({
        kind: 'restore',
        id: nextId++,
        turns: [...recorded],
        runsSoFar: lastRunWritten,
        workbook,
        boundaries,
      });
      if (message.kind !== 'restored')
        throw new Error(`The dialogue worker answered a restore with '${message.kind}'.`);
      return { replayed: message.replayed, settings: settingsOf(message) };
    },
  };
}
