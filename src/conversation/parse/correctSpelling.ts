import { allowedSlips, editDistance } from './editDistance';

/**
 * The keyword a mistyped word was meant to be: the vocabulary word nearest by
 * {@link editDistance}, within the slips that keyword allows ({@link allowedSlips}); the word itself
 * when it is known, too short (under 4 letters), not all letters, or when two keywords are equally
 * near (no guessing between them). O(vocabulary × word length²).
 *
 * @example correctSpelling('thershold', new Set(['threshold', 'suppress'])) // => 'threshold'
 * @example correctSpelling('hall', new Set(['all'])) // => 'hall' ('all' tolerates no slip)
 */
export function correctSpelling(word: string, vocabulary: ReadonlySet<string>): string {
  if (vocabulary.has(word) || word.length < 4 || !/^\p{L}+$/u.test(word)) return word;
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  let tied = false;
  for (const keyword of vocabulary) {
    if (Math.abs(keyword.length - word.length) > 2) continue;
    const slips = allowedSlips(keyword);
    if (slips === 0) continue;
    const distance = editDistance(word, keyword);
    if (distance > slips) continue;
    if (distance < bestDistance) {
      best = keyword;
      bestDistance = distance;
      tied = false;
    } else if (distance === bestDistance && keyword !== best) {
      tied = true;
    }
  }
  return best !== undefined && !tied ? best : word;
}
