/**
 * A fresh session holding the choices of recorded turns: for a host that ended the session a turn
 * was running in (the task pane's Cancel ends its worker) and starts again from the record.
 */
import { isStateChanging } from './commands';
import { createDialogueSession, type ReplayableSession } from './createDialogueSession';
import type { EngineContext, SessionOptions, TurnRecord } from './types';

/**
 * The recorded turns a fresh session replays to hold the same choices: those whose commands change
 * a choice (sheets, columns, parameters, reset) or undo one. Runs, descriptions and questions about
 * a result are left out: replaying them would run the analysis again. So the choices, the undo
 * history and the turns that made them come back; the latest result does not (its sheets stay in
 * the workbook), and the next run's Audit sheet lists exactly the turns that set its choices.
 */
export function turnsThatSetChoices(turns: readonly TurnRecord[]): TurnRecord[] {
  return turns.filter(({ command }) => command !== null && (isStateChanging(command) || command.kind === 'undo'));
}

/**
 * Replays the turns that set choices (each recorded step holds one command: a many-part utterance
 * is one step per part) on a new session, each at the time it was first taken so the transcript
 * keeps it. Choices need no solver (only runs do). `options.runsSoFar`: the runs already written,
 * so the next run is numbered after them ('Schools (3)' after two runs and a cancelled third).
 */
export function restoreSession(
  turns: readonly TurnRecord[],
  context: EngineContext,
  options: SessionOptions = {},
): { readonly session: ReplayableSession; readonly replayed: number } {
  const realNow = options.now ?? (() => new Date());
  let replayAt: string | null = null;
  const session = createDialogueSession({
    ...options,
    now: () => (replayAt === null ? realNow() : new Date(replayAt)),
  });
  const replayed = turnsThatSetChoices(turns);
  try {
    for (const { at, utterance, command } of replayed) {
      replayAt = at;
      session.replayTurn({ utterance, command }, context);
    }
  } finally {
    replayAt = null;
  }
  return { session, replayed: replayed.length };
}
