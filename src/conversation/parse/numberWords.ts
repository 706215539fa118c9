/**
 * Numbers written as words, for utterances such as "suppress counts under ten" or "the top
 * twenty five". 'zero' is left as a word: "hide zero counts" is about zeros, not a number.
 */

const UNITS: Readonly<Record<string, number>> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
};

const TENS: Readonly<Record<string, number>> = {
  twenty: 20,
  thirty: 30,
  forty: 40,
  fourty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
};

/** Ordinal words as the numbers they name ("why is Park Hall ranked third?"). */
const ORDINALS: Readonly<Record<string, number>> = {
  first: 1,
  second: 2,
  third: 3,
  fourth: 4,
  fifth: 5,
  sixth: 6,
  seventh: 7,
  eighth: 8,
  ninth: 9,
  tenth: 10,
  eleventh: 11,
  twelfth: 12,
  thirteenth: 13,
  fourteenth: 14,
  fifteenth: 15,
  sixteenth: 16,
  seventeenth: 17,
  eighteenth: 18,
  nineteenth: 19,
  twentieth: 20,
};

/** The English ordinal suffix of a number: 1st, 2nd, 3rd, 4th, 11th, 12th, 13th, 21st. */
export function ordinalSuffix(n: number): string {
  const lastTwo = n % 100;
  if (lastTwo >= 11 && lastTwo <= 13) return 'th';
  return ({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[n % 10] ?? 'th';
}

/** A number as an ordinal: 3 -> '3rd'. */
export function ordinal(n: number): string {
  return `${n}${ordinalSuffix(n)}`;
}

/** Every word this module reads, so spelling correction can aim at them. */
export const NUMBER_WORDS: readonly string[] = [
  ...Object.keys(UNITS),
  ...Object.keys(TENS),
  'hundred',
  'thousand',
  ...Object.keys(ORDINALS),
];

/**
 * Reads a number spelt in words at the start of `words`: 'ten', 'twenty five', 'a hundred',
 * 'one hundred and twenty', or an ordinal ('third' -> '3rd'). Returns the number as digit text
 * and how many words it took, or undefined.
 * @example readNumberWords(['twenty', 'five', 'schools']) // => { text: '25', words: 2 }
 * @example readNumberWords(['third']) // => { text: '3rd', words: 1 }
 */
export function readNumberWords(
  words: readonly string[],
): { readonly text: string; readonly words: number } | undefined {
  const first = words[0];
  if (first === undefined) return undefined;
  if (ORDINALS[first] !== undefined) return { text: ordinal(ORDINALS[first]), words: 1 };
  // A year said aloud: 'twenty twenty two' (2022), 'twenty nineteen', 'two thousand and twenty'.
  if (first === 'twenty' && (words[1] === 'twenty' || (UNITS[words[1]] ?? 0) >= 10)) {
    const rest = readNumberWords(words.slice(1));
    if (rest && /^\d+$/.test(rest.text) && Number(rest.text) < 100)
      return { text: String(2000 + Number(rest.text)), words: 1 + rest.words };
  }
  if (first === 'two' && words[1] === 'thousand') {
    const restStart = words[2] === 'and' ? 3 : 2;
    const rest = words[restStart] !== undefined ? readNumberWords(words.slice(restStart)) : undefined;
    if (rest && /^\d+$/.test(rest.text) && Number(rest.text) < 100)
      return { text: String(2000 + Number(rest.text)), words: restStart + rest.words };
    return { text: '2000', words: 2 };
  }
  let index = 0;
  let value = 0;
  if (first === 'a' && words[1] === 'hundred') {
    value = 100;
    index = 2;
  } else {
    if (TENS[first] !== undefined) {
      value = TENS[first];
      index = 1;
      if (UNITS[words[1]] !== undefined && UNITS[words[1]] < 10) {
        value += UNITS[words[1]];
        index = 2;
      } else if (ORDINALS[words[1]] !== undefined && ORDINALS[words[1]] < 10) {
        return { text: ordinal(value + ORDINALS[words[1]]), words: 2 };
      }
    } else if (UNITS[first] !== undefined) {
      value = UNITS[first];
      index = 1;
    } else {
      return undefined;
    }
    if (words[index] === 'hundred') {
      value *= 100;
      index += 1;
    }
  }
  if (value >= 100 && value % 100 === 0) {
    const restStart = words[index] === 'and' ? index + 1 : index;
    const rest =
      words[restStart] !== undefined && words[restStart] !== 'hundred'
        ? readNumberWords(words.slice(restStart))
        : undefined;
    if (rest && /^\d+$/.test(rest.text) && Number(rest.text) < 100)
      return { text: String(value + Number(rest.text)), words: restStart + rest.words };
  }
  return { text: String(value), words: index };
}
