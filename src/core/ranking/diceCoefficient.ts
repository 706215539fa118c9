/**
 * Sørensen–Dice similarity of two strings on their character bigrams (L. R. Dice, "Measures of the
 * amount of ecologic association between species", Ecology 26, 1945), spaces removed first and
 * bigrams counted as a multiset, as in the `string-similarity` package: 2 |A ∩ B| / (|A| + |B|).
 * 1 for identical strings, 0 when no bigram is shared; two strings too short to have bigrams
 * score 1 when equal and 0 otherwise.
 *
 * @example diceCoefficient('night', 'nacht') // => 0.25   (ni ig gh ht / na ac ch ht: 1 shared; 2×1/8)
 */
export function diceCoefficient(first: string, second: string): number {
  const a = first.replace(/\s+/g, '');
  const b = second.replace(/\s+/g, '');
  if (a === b) return 1;
  if (a.length < 2 || b.length < 2) return 0;
  const bigrams = new Map<string, number>();
  for (let i = 0; i < a.length - 1; i++) {
    const bigram = a.slice(i, i + 2);
    bigrams.set(bigram, (bigrams.get(bigram) ?? 0) + 1);
  }
  let shared = 0;
  for (let i = 0; i < b.length - 1; i++) {
    const bigram = b.slice(i, i + 2);
    const available = bigrams.get(bigram) ?? 0;
    if (available > 0) {
      bigrams.set(bigram, available - 1);
      shared++;
    }
  }
  return (2 * shared) / (a.length - 1 + (b.length - 1));
}
