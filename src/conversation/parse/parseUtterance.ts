import type { ParseOutcome } from './types';
import { readUtterance, type ReadContext } from './readUtterance';
import { refusalText } from './rules/policy';

/**
 * Reads one analyst utterance as one Command (or a question, or not understood): the first step of
 * `readUtterance`, for callers that want one meaning (the advice the dialogue gives is checked with
 * it). The session itself reads every step (see readUtterance). Names are kept as typed.
 *
 * @example parseUtterance('Supress counts under ten') // => { kind: 'command', command: { kind: 'setThreshold', threshold: 10 } }
 * @example parseUtterance('10') // => { kind: 'question', text: 'Did you mean: withhold counts under 10, ...', choices: [...] }
 */
export function parseUtterance(text: string, context: ReadContext = {}): ParseOutcome {
  const reading = readUtterance(text, context);
  if (reading.refusal) return { kind: 'unknown', text: refusalText(reading.refusal), choices: [] };
  const first = reading.steps[0]?.reading;
  if (!first)
    return {
      kind: 'unknown',
      text: reading.notUnderstood?.text ?? `I did not understand '${reading.source}'.`,
      choices: reading.notUnderstood?.choices ?? [],
    };
  return first.kind === 'command'
    ? { kind: 'command', command: first.command }
    : { kind: 'question', text: first.text, choices: first.choices };
}
