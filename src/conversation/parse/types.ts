import type { Command } from '../commands';
import type { Choice } from '../types';
import type { Utterance } from './utterance';

/**
 * What an utterance means on its own (without the workbook): a command, a question back when two
 * readings make sense (the choices say them), or not understood (with suggestions).
 */
export type ParseOutcome =
  | { readonly kind: 'command'; readonly command: Command }
  | { readonly kind: 'question'; readonly text: string; readonly choices: readonly Choice[] }
  | { readonly kind: 'unknown'; readonly text: string; readonly choices: readonly Choice[] };

/** One kind of request the parser knows: its words (for spelling correction), an example, and how to read it. */
export interface Recogniser {
  readonly name: string;
  /** Words this recogniser looks for; mistyped words are corrected towards them. */
  readonly keywords: readonly string[];
  /** A phrasing that works, offered when an utterance is not understood but shares a keyword. */
  readonly example: Choice;
  /** The meaning, or undefined when the utterance is not this kind of request. */
  readonly recognise: (utterance: Utterance) => ParseOutcome | undefined;
}

/** A command as a parse outcome. */
export const understood = (command: Command): ParseOutcome => ({ kind: 'command', command });
