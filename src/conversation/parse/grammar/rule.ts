/**
 * A rule of the grammar: one kind of request, its example, and the parser that reads it. A rule
 * reads a stretch of an utterance (a clause) and gives a Reading: a command, a question back, a
 * bare value whose meaning depends on what came before ('make it 25'), or a correction marker.
 */
import type { Command, ListChange } from '../../commands';
import type { Choice } from '../../types';
import type { Parser } from './combinators';

/** A value said alone, read against the setting just made ('make it 25', 'no, 5', 'sorry, 99%'). */
export type BareValue =
  | { readonly kind: 'number'; readonly n: number }
  | { readonly kind: 'percent'; readonly n: number }
  | { readonly kind: 'range'; readonly from: number; readonly to: number }
  | { readonly kind: 'under'; readonly n: number }
  | { readonly kind: 'over'; readonly n: number }
  /** 'top 20': show the top 20 of the results when there are some, else set the top group. */
  | { readonly kind: 'top'; readonly n: number };

export type Reading =
  | { readonly kind: 'command'; readonly command: Command }
  /** Several commands from one clause ('undo the last two changes'). */
  | { readonly kind: 'commands'; readonly commands: readonly Command[] }
  | {
      readonly kind: 'question';
      readonly text: string;
      readonly choices: readonly Choice[];
      readonly about?: Command['kind'];
    }
  /** `lead`: said as 'make it …', 'change that to …' (so it refers to the setting just made, even without a correction). */
  | { readonly kind: 'value'; readonly value: BareValue; readonly lead: boolean }
  /** 'show them', 'hide them': zeros, when zeros were just set. */
  | { readonly kind: 'toggle'; readonly show: boolean }
  /** 'include it', 'leave them out': the phases or offence types just named, with this change. */
  | { readonly kind: 'sameList'; readonly mode: ListChange }
  /** 'no wait', 'actually', 'sorry, I meant': the clause after it replaces the setting just made. */
  | { readonly kind: 'correction' }
  /** A greeting or thanks among other requests: answered, not recorded. */
  | { readonly kind: 'courtesy'; readonly command: Extract<Command, { kind: 'greeting' | 'thanks' }> };

export interface Rule {
  readonly name: string;
  /** A phrasing that works, offered when an utterance is not understood but shares a keyword. */
  readonly example: Choice;
  /** Words that point at this rule, for suggestions. */
  readonly keywords: readonly string[];
  readonly parser: Parser<Reading>;
}

export const command = (value: Command): Reading => ({ kind: 'command', command: value });
export const question = (text: string, choices: readonly Choice[], about?: Command['kind']): Reading => ({
  kind: 'question',
  text,
  choices,
  ...(about ? { about } : {}),
});
