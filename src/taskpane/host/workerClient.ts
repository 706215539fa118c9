import type { Choice, Reply } from '../../conversation/types';
import type { WorkbookData } from '../../core/types';
import { WORKER_SCRIPT, type BoundaryFile, type SummaryLine, type Unchanged, type WorkerMessage, type WorkerRequest } from '../protocol';

export interface WorkerReady {
  readonly solver: string | null;
  readonly solverProblem: string | null;
  readonly summary: readonly SummaryLine[];
  readonly suggestions: readonly Choice[];
}

export interface TurnInput {
  readonly utterance: string;
  readonly workbook: WorkbookData | Unchanged;
  readonly boundaries: BoundaryFile | null | Unchanged;
}

/** The dialogue worker seen from the page: promises for its answers, a callback for its progress. */
export interface DialogueWorker {
  /** Resolves once the worker has started (and tried to load its solver). */
  readonly ready: Promise<WorkerReady>;
  turn(input: TurnInput, progress: (step: string) => void): Promise<{ reply: Reply; summary: readonly SummaryLine[] }>;
  noteWritten(sheetNames: ReadonlyMap<string, string>): Promise<readonly SummaryLine[]>;
}

type Pending = { resolve: (message: WorkerMessage) => void; reject: (error: Error) => void; progress?: (step: string) => void };

/**
 * Starts the worker script built beside the page and pairs each request with its response by id.
 * A worker that fails to load or crashes rejects every pending request with the reason, so the
 * pane can say so instead of waiting forever.
 */
export function startDialogueWorker(scriptUrl: string = WORKER_SCRIPT): DialogueWorker {
  const worker = new Worker(scriptUrl);
  const pending = new Map<number, Pending>();
  let nextId = 1;
  let resolveReady: (ready: WorkerReady) => void = () => undefined;
  let rejectReady: (error: Error) => void = () => undefined;
  const ready = new Promise<WorkerReady>((resolve, reject) => {
    resolveReady = resolve;
    rejectReady = reject;
  });

  worker.addEventListener('message', (event: MessageEvent<WorkerMessage>) => {
    const message = event.data;
    if (message.kind === 'ready') {
      resolveReady({ solver: message.solver, solverProblem: message.solverProblem, summary: message.summary, suggestions: message.suggestions });
      return;
    }
    const request = pending.get(message.id);
    if (!request) return;
    if (message.kind === 'progress') {
      request.progress?.(message.step);
      return;
    }
    pending.delete(message.id);
    if (message.kind === 'failed') request.reject(new Error(message.message));
    else request.resolve(message);
  });
  worker.addEventListener('error', (event: ErrorEvent) => {
    const error = new Error(`The dialogue worker stopped: ${event.message || 'it could not be loaded'}.`);
    rejectReady(error);
    for (const request of pending.values()) request.reject(error);
    pending.clear();
  });

  function send(request: WorkerRequest, progress?: (step: string) => void): Promise<WorkerMessage> {
    return new Promise((resolve, reject) => {
      pending.set(request.id, { resolve, reject, progress });
      worker.postMessage(request);
    });
  }

  return {
    ready,
    async turn(input, progress) {
      const message = await send({ kind: 'turn', id: nextId++, ...input }, progress);
      if (message.kind !== 'reply') throw new Error(`The dialogue worker answered a turn with '${message.kind}'.`);
      return { reply: message.reply, summary: message.summary };
    },
    async noteWritten(sheetNames) {
      const message = await send({ kind: 'written', id: nextId++, sheetNames });
      if (message.kind !== 'noted') throw new Error(`The dialogue worker answered a write with '${message.kind}'.`);
      return message.summary;
    },
  };
}
