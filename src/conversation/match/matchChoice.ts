import type { Choice } from '../types';
import { plainName } from './matchNames';
import { allowedSlips, editDistance } from '../parse/editDistance';

/** Words that carry nothing in an answer ("the second one please"). */
const NOISE = new Set([
  'the',
  'a',
  'an',
  'one',
  'option',
  'choice',
  'please',
  'that',
  'this',
  'use',
  'i',
  'mean',
  'meant',
  'it',
  'is',
  'go',
  'with',
  'for',
  'pick',
  'choose',
  'take',
  'sheet',
  'ok',
  'okay',
  'yes',
  'then',
]);

const ORDINAL_WORDS: Readonly<Record<string, number>> = {
  first: 1,
  '1st': 1,
  second: 2,
  '2nd': 2,
  third: 3,
  '3rd': 3,
  fourth: 4,
  '4th': 4,
  fifth: 5,
  '5th': 5,
  last: -1,
};

/** The answer's words that mean something. */
function contentWords(answer: string): string[] {
  return plainName(answer)
    .split(' ')
    .filter((word) => word !== '' && !NOISE.has(word));
}

function wordIn(word: string, words: readonly string[]): boolean {
  // Numbers must be exact: '2021' is not a slip of '2020'.
  return words.some(
    (candidate) =>
      candidate === word ||
      (word.length >= 4 && !/\d/.test(word) && editDistance(word, candidate) <= allowedSlips(candidate)),
  );
}

/**
 * Which choice an answer to a question picks, or undefined when it picks none (it may then be a new
 * request): (1) the choice's label or utterance said again; (2) a position ('2', 'the second one',
 * 'last'), only when the answer is nothing else; (3) every meaningful word of the answer found in
 * exactly one choice's label ('2021' picks 'Crimes 2021'; 'threshold' picks 'Hide counts under 10').
 *
 * @example matchChoice('the second one', [{ label: "'Crimes 2020'", ... }, { label: "'Crimes 2021'", ... }]) // => 1
 */
export function matchChoice(answer: string, choices: readonly Choice[]): number | undefined {
  const said = plainName(answer);
  if (said === '') return undefined;
  const repeated = choices.findIndex(
    (choice) => plainName(choice.label) === said || plainName(choice.utterance) === said,
  );
  if (repeated >= 0) return repeated;

  const words = contentWords(answer);
  if (words.length === 1) {
    const position = /^\d+$/.test(words[0]) ? Number(words[0]) : ORDINAL_WORDS[words[0]];
    if (position !== undefined) {
      const index = position === -1 ? choices.length - 1 : position - 1;
      const labelsHoldNumber = choices.some((choice) => plainName(choice.label).split(' ').includes(words[0]));
      if (!labelsHoldNumber && index >= 0 && index < choices.length) return index;
    }
  }
  if (words.length === 0) return undefined;
  const fitting = choices
    .map((choice, index) => ({ index, words: plainName(choice.label).split(' ') }))
    .filter((choice) => words.every((word) => wordIn(word, choice.words)));
  return fitting.length === 1 ? fitting[0].index : undefined;
}
