/**
 * The dialogue worker's logic, apart from the worker's own globals so it can be tested in Node:
 * the DialogueSession, the latest workbook snapshot and boundaries the page sent (it sends them
 * only when they change), and one answer per request, posted in arrival order.
 */
import {
  createDialogueSession,
  restoreSession,
  STARTING_SUGGESTIONS,
  type EngineContext,
  type ReplayableSession,
  type TurnRecord,
} from '../../conversation';
import type { LinearSolver } from '../../core/disclosure';
import type { InputFingerprint } from '../../core/pipeline/analysisResult';
import type { AnalysisParameters, WorkbookData } from '../../core/types';
import {
  UNCHANGED,
  type BoundaryFile,
  type ParametersJson,
  type SettingsFields,
  type WorkerMessage,
  type WorkerRequest,
} from '../protocol';
import { createOffenceTypeLister } from './sheetOffenceTypes';
import { isoDay } from '../../core/isoDay';

export interface SolverLoad {
  readonly solver: LinearSolver | undefined;
  readonly problem: string | null;
}

export interface SessionHostOptions {
  readonly post: (message: WorkerMessage) => void;
  /** The disclosure audit's solver, loading; turns wait for it, other requests do not. */
  readonly solver: Promise<SolverLoad>;
  /** Fingerprints of a workbook's sheets for the Audit sheet (sheetFingerprints in the worker). */
  readonly fingerprints: (workbook: WorkbookData) => Promise<InputFingerprint[]>;
  readonly tool: string;
  readonly version: string;
  /** The clock for turn times. Default: the real clock. */
  readonly now?: () => Date;
}

export interface SessionHost {
  /** Handles one request and posts its answer; throws on a broken invariant (the caller posts 'failed'). */
  handle(request: WorkerRequest): Promise<void>;
  /** Posts 'ready' once the solver has loaded (or failed to). */
  announce(): Promise<void>;
}

/** The session's parameters as plain JSON: dates as ISO days, null for no limit. */
export function parametersJson(parameters: AnalysisParameters): ParametersJson {
  const { dateFrom, dateTo, ...rest } = parameters;
  return {
    ...rest,
    ageBand: [parameters.ageBand[0], parameters.ageBand[1]],
    offenceTypes: [...parameters.offenceTypes],
    phases: [...parameters.phases],
    dateFrom: dateFrom ? isoDay(dateFrom) : null,
    dateTo: dateTo ? isoDay(dateTo) : null,
  };
}

export function createSessionHost(options: SessionHostOptions): SessionHost {
  const { post, tool, version } = options;
  const sessionOptions = { tool, version, ledgerCopy: 'full', now: options.now ?? (() => new Date()) } as const;
  let session: ReplayableSession = createDialogueSession(sessionOptions);
  /** How much of the session's transcript the page has been sent. */
  let turnsSent = 0;

  let workbook: WorkbookData = { sheets: [] };
  let workbookFingerprints: InputFingerprint[] = [];
  let boundaries: BoundaryFile | null = null;
  const offenceTypes = createOffenceTypeLister();

  const settings = (): SettingsFields => ({
    summary: session.parameterSummary,
    parameters: parametersJson(session.parameters),
  });

  async function takeWorkbook(next: WorkbookData | typeof UNCHANGED): Promise<void> {
    if (next === UNCHANGED) return;
    workbook = next;
    workbookFingerprints = await options.fingerprints(workbook);
  }

  function context(solver: LinearSolver | undefined): EngineContext {
    return {
      workbook,
      boundaries: boundaries ? { geojson: boundaries.geojson, source: boundaries.source } : undefined,
      fingerprints: boundaries?.fingerprint ? [...workbookFingerprints, boundaries.fingerprint] : workbookFingerprints,
      solver,
    };
  }

  function newTurns(): TurnRecord[] {
    const turns = session.transcript.slice(turnsSent);
    turnsSent = session.transcript.length;
    return turns;
  }

  return {
    async announce() {
      const { solver, problem } = await options.solver;
      post({
        kind: 'ready',
        solver: solver?.name ?? null,
        solverProblem: problem,
        suggestions: STARTING_SUGGESTIONS,
        ...settings(),
      });
    },
    async handle(request) {
      switch (request.kind) {
        case 'written':
          session.noteWritten(request.sheetNames, request.runNumber);
          post({ kind: 'noted', id: request.id, ...settings() });
          return;
        case 'restore': {
          await takeWorkbook(request.workbook);
          boundaries = request.boundaries;
          // Choices need no solver (only runs do), so a cancel does not wait for the new worker's.
          const restored = restoreSession(request.turns, context(undefined), {
            ...sessionOptions,
            runsSoFar: request.runsSoFar ?? 0,
          });
          session = restored.session;
          turnsSent = session.transcript.length;
          post({
            kind: 'restored',
            id: request.id,
            replayed: restored.replayed,
            offenceTypes: offenceTypes(workbook, session.parameterSummary),
            ...settings(),
          });
          return;
        }
        case 'turn':
        case 'command': {
          const { solver } = await options.solver;
          await takeWorkbook(request.workbook);
          if (request.boundaries !== UNCHANGED) boundaries = request.boundaries;
          const progress = (step: string) => post({ kind: 'progress', id: request.id, step });
          const reply =
            request.kind === 'turn'
              ? session.respond(request.utterance, context(solver), progress)
              : session.apply(request.command, context(solver), progress, request.said);
          post({
            kind: 'reply',
            id: request.id,
            reply,
            offenceTypes: offenceTypes(workbook, session.parameterSummary),
            turns: newTurns(),
            ...settings(),
          });
          return;
        }
      }
    },
  };
}
