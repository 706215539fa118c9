/**
 * Optimal string alignment distance (restricted Damerau–Levenshtein): the fewest insertions,
 * deletions, substitutions and swaps of two neighbouring letters turning one word into the other,
 * no substring edited twice. Swaps count once because they are the commonest typing slip
 * ('thershold'). O(|a| × |b|) time, O(|b|) extra space per row kept (three rows).
 *
 * @example editDistance('thershold', 'threshold') // => 1 (one swap)
 * @example editDistance('secondry', 'secondary') // => 1 (one insertion)
 * @example editDistance('kitten', 'sitting') // => 3
 */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
  let beforePrevious: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + substitution);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        best = Math.min(best, beforePrevious[j - 2] + 1);
      current.push(best);
    }
    beforePrevious = previous;
    previous = current;
  }
  return previous[b.length];
}

/**
 * How many slips a keyword tolerates: none up to 3 letters ('top', 'run' must be typed right, or
 * 'to' would read as 'top'), one up to 6 letters, two from 7.
 * @example allowedSlips('top') // => 0
 * @example allowedSlips('round') // => 1
 * @example allowedSlips('threshold') // => 2
 */
export function allowedSlips(keyword: string): number {
  if (keyword.length <= 3) return 0;
  return keyword.length <= 6 ? 1 : 2;
}
