/**
 * The dialogue: an analyst's words -> a Command (a small JSON object) -> the engine -> a reply with
 * next steps. Pure TypeScript (no Office, DOM or files), shared by the task pane's worker and the
 * command line's --script. Every turn is recorded; the commands replay a run.
 */

// The contract with hosts
export type { Choice, Effect, Reply, TurnRecord, EngineContext, DialogueSession, SessionOptions } from './types';
export type { Command, CommandKind, DisclosureMethod, ListChange } from './commands';
export { isStateChanging, commandFromJson, STATE_CHANGING } from './commands';

// The session and replay
export { createDialogueSession, type ReplayableSession } from './createDialogueSession';
export { nameRunSheets } from './nameRunSheets';
export type { TurnInput } from './dialogue/takeTurn';
export { replayCommands, type ReplayStep, type ReplayOptions, type ReplayResult } from './replayCommands';

// The parser (no workbook needed)
export {
  parseUtterance,
  readUtterance,
  RULES,
  STARTING_SUGGESTIONS,
  THRESHOLD_PRESETS,
  type ParseOutcome,
  type ReadContext,
  type ReadStep,
  type UtteranceReading,
  type Lexicon,
} from './parse';

// Loose matching of names and answers
export { matchNames, matchChoice, plainName, type NameMatch, type Named } from './match';

// Pieces of the dialogue, for hosts and tests
export { parameterSummary, type SummaryLine } from './dialogue/parameterSummary';
export { HELP_TEXT } from './dialogue/help';

// For a host that runs the session apart from the page (the task pane's worker): starting again
// after a cancelled turn, and the offence types of a sheet for the settings form.
export { restoreSession, turnsThatSetChoices } from './restoreSession';
export { distinctValues } from './dialogue/workbookFacts';
export { ROLE_LABELS } from './parse/phrases';
