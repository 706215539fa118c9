/**
 * The dialogue worker: owns the DialogueSession and the HiGHS solver, so parsing, the analysis and
 * the report building run off Excel's thread and the pane stays responsive. The page may end it
 * at once (Cancel) and start another, which it asks to restore the recorded choices. The logic is
 * in sessionHost; this file binds it to the worker's globals.
 */
import packageJson from '../../../package.json';
import { loadHighsSolver } from '../../core/disclosure';
import type { WorkerMessage, WorkerRequest } from '../protocol';
import { createSessionHost, type SolverLoad } from './sessionHost';
import { sheetFingerprints } from './sheetFingerprints';
import { errorText } from '../../core/errorText';

interface WorkerScope {
  postMessage(message: WorkerMessage): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<WorkerRequest>) => void): void;
  readonly location: { readonly href: string };
}

const scope = self as unknown as WorkerScope;

/** highs.wasm is copied beside this script (webpack.config.js), so it comes from the add-in's own origin. */
const solverLoading: Promise<SolverLoad> = loadHighsSolver({
  locateFile: (file) => new URL(file, scope.location.href).href,
}).then(
  (solver) => ({ solver, problem: null }),
  (error: unknown) => ({
    solver: undefined,
    problem: `The disclosure audit's solver could not load (${errorText(error)}).`,
  }),
);

const host = createSessionHost({
  post: (message) => scope.postMessage(message),
  solver: solverLoading,
  fingerprints: sheetFingerprints,
  tool: 'School Catchment and Violence (Excel add-in)',
  version: packageJson.version,
});

void host.announce();

/** Requests are handled one at a time, in order: a turn may wait for the solver or for hashing. */
let queue: Promise<void> = Promise.resolve();
scope.addEventListener('message', (event) => {
  const request = event.data;
  queue = queue
    .then(() => host.handle(request))
    .catch((error: unknown) => {
      scope.postMessage({ kind: 'failed', id: request.id, message: errorText(error) });
    });
});
