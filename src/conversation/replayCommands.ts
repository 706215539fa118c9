import type { ProgressReporter } from '../core/pipeline/runAnalysis';
import type { SheetModel } from '../report/sheetModel';
import type { Command } from './commands';
import { nameRunSheets } from './nameRunSheets';
import { createDialogueSession } from './createDialogueSession';
import type { EngineContext, Reply, SessionOptions, TurnRecord } from './types';

/** A recorded turn to replay: a bare command, or a turn as the Audit sheet holds it (utterance, command, reply). */
export type ReplayStep = Command | (Pick<TurnRecord, 'utterance' | 'command' | 'words'> & { readonly reply?: string });

export interface ReplayOptions extends SessionOptions {
  readonly progress?: ProgressReporter;
  /** Sheets already in the destination workbook, so later replies name the sheets as a host would write them. Default none. */
  readonly existingSheetNames?: readonly string[];
}

export interface ReplayResult {
  readonly replies: readonly Reply[];
  readonly transcript: readonly TurnRecord[];
  /** The sheet models of each run, in order. */
  readonly reports: readonly (readonly SheetModel[])[];
}

function isCommand(step: ReplayStep): step is Command {
  return typeof (step as { kind?: unknown }).kind === 'string';
}

/**
 * Replays recorded commands on a workbook snapshot without parsing anything: each command is
 * applied as recorded (names already resolved, so no question is asked again), turns recorded as
 * not understood are kept with their reply, and each run's sheet models are collected. With the
 * same inputs, starting options and clock as the original session, the sheets are the same.
 */
export function replayCommands(
  steps: readonly ReplayStep[],
  context: EngineContext,
  options: ReplayOptions = {},
): ReplayResult {
  const session = createDialogueSession(options);
  const replies: Reply[] = [];
  const reports: SheetModel[][] = [];
  const written = [...(options.existingSheetNames ?? [])];
  for (const step of steps) {
    const reply = isCommand(step)
      ? session.apply(step, context, options.progress)
      : session.replayTurn(
          {
            utterance: step.utterance,
            command: step.command,
            recordedReply: step.reply,
            ...(step.words !== undefined ? { words: step.words } : {}),
          },
          context,
          options.progress,
        );
    replies.push(reply);
    for (const effect of reply.effects) {
      if (effect.kind !== 'writeReport') continue;
      reports.push([...effect.models]);
      written.push(...nameRunSheets(session, effect.models, written).names.values());
    }
  }
  return { replies, transcript: session.transcript, reports };
}
