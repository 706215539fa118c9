import type { Command } from '../commands';
import type { Choice } from '../types';

/**
 * What an utterance means on its own (its first step, see readUtterance): a command, a question back
 * when two readings make sense (the choices say them), or not understood (with suggestions).
 */
export type ParseOutcome =
  | { readonly kind: 'command'; readonly command: Command }
  | { readonly kind: 'question'; readonly text: string; readonly choices: readonly Choice[] }
  | { readonly kind: 'unknown'; readonly text: string; readonly choices: readonly Choice[] };
