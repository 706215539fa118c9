/**
 * The dialogue worker: owns the DialogueSession and the HiGHS solver, so parsing, the analysis and
 * the report building run off Excel's thread and the pane stays responsive. It keeps the latest
 * workbook snapshot and boundaries the page sent (the page sends them only when they change) and
 * answers each request in arrival order.
 */
import packageJson from '../../../package.json';
import { createDialogueSession, STARTING_SUGGESTIONS } from '../../conversation';
import type { EngineContext } from '../../conversation/types';
import { loadHighsSolver, type LinearSolver } from '../../core/disclosure';
import type { InputFingerprint } from '../../core/pipeline/analysisResult';
import type { WorkbookData } from '../../core/types';
import { UNCHANGED, type BoundaryFile, type WorkerMessage, type WorkerRequest } from '../protocol';
import { sheetFingerprints } from './sheetFingerprints';

interface WorkerScope {
  postMessage(message: WorkerMessage): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<WorkerRequest>) => void): void;
  readonly location: { readonly href: string };
}

const scope = self as unknown as WorkerScope;
const session = createDialogueSession({ tool: 'School Catchment and Violence (Excel add-in)', version: packageJson.version });

let workbook: WorkbookData = { sheets: [] };
let workbookFingerprints: InputFingerprint[] = [];
let boundaries: BoundaryFile | null = null;

/** highs.wasm is copied beside this script (webpack.config.js), so it comes from the add-in's own origin. */
const solverLoading: Promise<{ solver: LinearSolver | undefined; problem: string | null }> = loadHighsSolver({
  locateFile: (file) => new URL(file, scope.location.href).href,
}).then(
  (solver) => ({ solver, problem: null }),
  (error: unknown) => ({ solver: undefined, problem: `The disclosure audit's solver could not load (${messageOf(error)}).` }),
);

void solverLoading.then(({ solver, problem }) =>
  scope.postMessage({ kind: 'ready', solver: solver?.name ?? null, solverProblem: problem, summary: session.parameterSummary, suggestions: STARTING_SUGGESTIONS }),
);

/** Requests are handled one at a time, in order: a turn may wait for the solver or for hashing. */
let queue: Promise<void> = Promise.resolve();
scope.addEventListener('message', (event) => {
  const request = event.data;
  queue = queue.then(() => handle(request)).catch((error: unknown) => {
    scope.postMessage({ kind: 'failed', id: request.id, message: messageOf(error) });
  });
});

async function handle(request: WorkerRequest): Promise<void> {
  if (request.kind === 'written') {
    session.noteWritten(request.sheetNames);
    scope.postMessage({ kind: 'noted', id: request.id, summary: session.parameterSummary });
    return;
  }
  const { solver } = await solverLoading;
  if (request.workbook !== UNCHANGED) {
    workbook = request.workbook;
    workbookFingerprints = await sheetFingerprints(workbook);
  }
  if (request.boundaries !== UNCHANGED) boundaries = request.boundaries;
  const context: EngineContext = {
    workbook,
    boundaries: boundaries ? { geojson: boundaries.geojson, source: boundaries.source } : undefined,
    fingerprints: boundaries?.fingerprint ? [...workbookFingerprints, boundaries.fingerprint] : workbookFingerprints,
    solver,
  };
  const reply = session.respond(request.utterance, context, (step) => scope.postMessage({ kind: 'progress', id: request.id, step }));
  scope.postMessage({ kind: 'reply', id: request.id, reply, summary: session.parameterSummary });
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
