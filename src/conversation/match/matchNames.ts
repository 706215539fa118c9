import { diceCoefficient } from '../../core/ranking/diceCoefficient';
import { allowedSlips, editDistance } from '../parse/editDistance';

/** Something with a name the analyst may refer to loosely (a sheet, a school, a ward, an offence type). */
export interface Named {
  readonly name: string;
  /** An exact identifier also accepted (a URN, a ward code). */
  readonly id?: string;
}

export type NameMatch<T> =
  | { readonly kind: 'one'; readonly item: T }
  /** Several fit equally well: ask which. */
  | { readonly kind: 'several'; readonly items: readonly T[] }
  /** None fits; the nearest few, to offer. */
  | { readonly kind: 'none'; readonly nearest: readonly T[] };

export interface MatchNamesOptions {
  /** Reduces a name to its comparable form. Default: lower case, letters and digits, single spaces. */
  readonly normalise?: (name: string) => string;
  /** Smallest Dice coefficient for a loose match. Default 0.6. */
  readonly minimumSimilarity?: number;
  /** How many near names to offer when none fits. Default 3. */
  readonly nearest?: number;
}

/** Smallest Dice coefficient for a name to be offered as "did you mean". */
const NEAR = 0.3;

/** Words a name may be typed with or without: what kind of thing it is, and joining words. */
const GENERIC_WORDS: ReadonlySet<string> = new Set([
  'the',
  'and',
  'of',
  'school',
  'schools',
  'academy',
  'college',
  'ward',
  'district',
  'sheet',
  'tab',
  'column',
  'col',
  'st',
  'saint',
]);

/** Lower case, accents removed, apostrophes dropped, other punctuation as spaces, spaces collapsed. */
export function plainName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** True when a typed word stands for a name's word: a prefix of it (3+ letters), or the word with a slip. */
function wordFits(typed: string, word: string): boolean {
  if (typed === word) return true;
  if (/\d/.test(typed)) return false;
  if (typed.length >= 3 && word.startsWith(typed)) return true;
  return editDistance(typed, word) <= allowedSlips(word);
}

/**
 * Finds what a loosely typed name refers to, in four steps, stopping at the first that finds any:
 * (1) the same normalised name, or the exact id; (2) every typed word fits a word of the name
 * (a prefix, or a slip: 'park hal' fits 'Park Hall Academy'; numbers must be exact); (3) the most
 * similar name holding every number typed, by the Dice coefficient on letter pairs, when clearly
 * ahead (by 0.05) of the next; (4) nothing, with the nearest names. Several equally good answers are returned as 'several', never one of them silently.
 * O(items × name length²).
 *
 * @example matchNames('park hall', [{ name: 'Park Hall Academy' }, { name: 'Hill Top School' }]) // => { kind: 'one', item: Park Hall Academy }
 */
export function matchNames<T extends Named>(
  query: string,
  items: readonly T[],
  options: MatchNamesOptions = {},
): NameMatch<T> {
  const { normalise = plainName, minimumSimilarity = 0.6, nearest = 3 } = options;
  const typed = normalise(query);
  const decide = (found: readonly T[]): NameMatch<T> | undefined =>
    found.length === 1
      ? { kind: 'one', item: found[0] }
      : found.length > 1
        ? { kind: 'several', items: found }
        : undefined;

  const wanted = query.trim().toLowerCase();
  const exact = decide(
    items.filter(
      (item) => normalise(item.name) === typed || (item.id !== undefined && item.id.toLowerCase() === wanted),
    ),
  );
  if (exact) return exact;
  if (typed === '') return { kind: 'none', nearest: [] };

  const typedWords = typed.split(' ');
  const byWords = decide(
    items.filter((item) => {
      const words = normalise(item.name).split(' ');
      return typedWords.every((typedWord) => words.some((word) => wordFits(typedWord, word)));
    }),
  );
  if (byWords) return byWords;
  // 'Park Hall school' for 'Park Hall Academy': the words that say what kind of thing it is aside.
  const telling = typedWords.filter((word) => !GENERIC_WORDS.has(word));
  if (telling.length > 0 && telling.length < typedWords.length) {
    const byTellingWords = decide(
      items.filter((item) => {
        const words = normalise(item.name).split(' ');
        return telling.every((typedWord) => words.some((word) => wordFits(typedWord, word)));
      }),
    );
    if (byTellingWords) return byTellingWords;
  }

  // A number typed must be in the name: 'Crimes 2019' is not a loose match for 'Crimes 2020'.
  const numbers = typedWords.filter((word) => /\d/.test(word));
  const scored = items
    .map((item) => ({ item, score: diceCoefficient(typed, normalise(item.name)) }))
    .sort((a, b) => b.score - a.score);
  const eligible = scored.filter((entry) => {
    const words = normalise(entry.item.name).split(' ');
    return (
      numbers.every((number) => words.includes(number)) &&
      // A word typed that is in no form in the name, and says something ('grammar' against
      // 'Ridgewood High School', 'date' against 'Age at Offence'), rules the name out.
      typedWords.every(
        (typedWord) =>
          GENERIC_WORDS.has(typedWord) ||
          typedWord.length < 3 ||
          words.some(
            // A word glued to another ('parkhall') holds it; a short word ('at') is no evidence.
            (word) =>
              wordFits(typedWord, word) || word.includes(typedWord) || (word.length >= 3 && typedWord.includes(word)),
          ),
      )
    );
  });
  const best = eligible[0];
  if (best && best.score >= minimumSimilarity) {
    const close = eligible.filter((entry) => entry.score >= best.score - 0.05).map((entry) => entry.item);
    return decide(close) as NameMatch<T>;
  }
  return {
    kind: 'none',
    nearest: scored
      .filter((entry) => entry.score >= NEAR)
      .slice(0, nearest)
      .map((entry) => entry.item),
  };
}
