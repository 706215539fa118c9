import packageJson from '../../package.json';
import { DEFAULT_PARAMETERS } from '../core/types';
import type { Command } from './commands';
import { parameterSummary } from './dialogue/parameterSummary';
import { initialState, noteRunWritten, type DialogueState } from './dialogue/state';
import { takeTurn, type TurnInput } from './dialogue/takeTurn';
import type { DialogueSession, EngineContext, Reply, SessionOptions } from './types';
import type { ProgressReporter } from '../core/pipeline/runAnalysis';

/** A session that can also replay recorded turns word for word (for replayCommands). */
export interface ReplayableSession extends DialogueSession {
  /** Takes one recorded turn: its utterance kept as said, its command applied (null: not understood, with its recorded reply). */
  replayTurn(input: TurnInput, context: EngineContext, progress?: ProgressReporter): Reply;
}

/**
 * A dialogue session: the analyst's choices, the latest result, a waiting question and the undo
 * stack, over a workbook snapshot the host passes on every turn. Pure: no Office, DOM or files; the
 * host acts on the reply's effects (write the sheets, then `noteWritten`). Deterministic for the
 * same utterances, snapshots and clock.
 */
export function createDialogueSession(options: SessionOptions = {}): ReplayableSession {
  const {
    now = () => new Date(),
    parameters = DEFAULT_PARAMETERS,
    tool = 'catchment',
    version = packageJson.version,
    ledgerCopy = 'public',
  } = options;
  let state: DialogueState = initialState(
    {
      parameters,
      roleOverrides: options.roleOverrides ?? {},
      columnOverrides: options.columnOverrides ?? {},
    },
    options.runsSoFar ?? 0,
  );
  const turn = (input: TurnInput, context: EngineContext, progress: ProgressReporter = () => undefined): Reply => {
    const taken = takeTurn(state, input, { engine: context, progress, now, tool, version, ledgerCopy });
    state = taken.state;
    return taken.reply;
  };
  return {
    respond: (utterance, context, progress) => turn({ utterance }, context, progress),
    apply: (command: Command, context, progress, said) =>
      turn({ utterance: said ?? JSON.stringify(command), command }, context, progress),
    replayTurn: (input, context, progress) => turn(input, context, progress),
    noteWritten(sheetNames, runNumber) {
      state = noteRunWritten(state, sheetNames, runNumber);
    },
    get runs() {
      return state.runs;
    },
    get transcript() {
      return state.transcript;
    },
    get parameters() {
      return state.settings.parameters;
    },
    get parameterSummary() {
      return parameterSummary(state);
    },
  };
}
