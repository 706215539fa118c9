import type { Choice } from '../types';
import { NUMBER_WORDS } from './numberWords';
import { MONTHS } from './phrases';
import { POLITE_WORDS } from './politeness';
import {
  ageBandRecogniser, askAboutRecogniser, bareNumberRecogniser, catchmentRecogniser, confidenceRecogniser, datesRecogniser,
  describeRecogniser, explainRecogniser, helpRecogniser, looseRunRecogniser, mapColumnRecogniser, metricRecogniser,
  newCandidatesRecogniser, offenceTypesRecogniser, phasesRecogniser, resetRecogniser, roundingRecogniser, runRecogniser,
  showTopRecogniser, statusRecogniser, thresholdRecogniser, topNRecogniser, undoRecogniser, useSheetRecogniser, zerosRecogniser,
} from './recognisers';
import type { ParseOutcome, Recogniser } from './types';
import { prepareUtterance, type Utterance } from './utterance';

/**
 * The recognisers, tried in this order; the first to read the utterance wins. Unmistakable forms
 * come first (undo, "why is X ranked", "use X for offences"), loose ones last ("only X" as
 * offence types, "run" anywhere in a sentence, a number on its own).
 */
export const RECOGNISERS: readonly Recogniser[] = [
  undoRecogniser,
  resetRecogniser,
  helpRecogniser,
  describeRecogniser,
  statusRecogniser,
  runRecogniser,
  mapColumnRecogniser,
  useSheetRecogniser,
  newCandidatesRecogniser,
  showTopRecogniser,
  explainRecogniser,
  zerosRecogniser,
  thresholdRecogniser,
  roundingRecogniser,
  confidenceRecogniser,
  ageBandRecogniser,
  datesRecogniser,
  phasesRecogniser,
  metricRecogniser,
  catchmentRecogniser,
  topNRecogniser,
  bareNumberRecogniser,
  offenceTypesRecogniser,
  askAboutRecogniser,
  looseRunRecogniser,
];

/** Common words that are not keywords but must not be "corrected" into one ('data' is not 'date'). */
const PLAIN_WORDS = ['the', 'this', 'that', 'what', 'which', 'with', 'have', 'want', 'show', 'were', 'when', 'them', 'then', 'than', 'there', 'their', 'does', 'done', 'more', 'less', 'same', 'some', 'much', 'many', 'like', 'make', 'into', 'onto', 'upon', 'also', 'just', 'only', 'each', 'both', 'your', 'ours', 'mine', 'year', 'days', 'week', 'hall', 'road', 'park', 'hill', 'wood', 'lane', 'green', 'street', 'church', 'saint',
  'dont', 'doesnt', 'didnt', 'isnt', 'arent', 'wasnt', 'werent', 'wont', 'cant', 'shouldnt', 'havent',
  'lets', 'whats', 'thats', 'theres', 'heres', 'want', 'need', 'should', 'about', 'tell', 'give', 'from', 'know', 'here', 'said', 'says', 'sure'];

/** Every word the recognisers look for: where mistyped words are corrected to. */
export const VOCABULARY: ReadonlySet<string> = new Set(
  [...RECOGNISERS.flatMap((recogniser) => recogniser.keywords), ...NUMBER_WORDS, ...Object.keys(MONTHS), ...POLITE_WORDS, ...PLAIN_WORDS, 'date', 'dates', 'data', 'zero', 'zeros', 'ward', 'wards', 'school', 'schools', 'not', 'list']
    .flatMap((phrase) => phrase.split(' '))
    .filter((word) => word.length > 0),
);

/** Longer text is not a request (a pasted sheet, say); refusing it also bounds the patterns' work. */
export const LONGEST_UTTERANCE = 1000;

/** The suggestions offered when nothing was understood and no keyword was recognised. */
export const STARTING_SUGGESTIONS: readonly Choice[] = [
  { label: "What's in this workbook?", utterance: "what's in this workbook?" },
  { label: 'Run the analysis', utterance: 'run the analysis' },
  { label: 'Help', utterance: 'help' },
];

/** Up to three examples from recognisers that share a keyword with the utterance, else the starting suggestions. */
function suggestionsFor(utterance: Utterance): Choice[] {
  const words = new Set(utterance.tokens.map((token) => token.text));
  const examples: Choice[] = [];
  for (const recogniser of RECOGNISERS) {
    if (!recogniser.keywords.some((keyword) => words.has(keyword))) continue;
    if (!examples.some((example) => example.utterance === recogniser.example.utterance)) examples.push(recogniser.example);
    if (examples.length === 3) break;
  }
  return examples.length > 0 ? examples : [...STARTING_SUGGESTIONS];
}

/**
 * Reads one analyst utterance as a Command, deterministically and without the network: case,
 * punctuation, word order (within the forms known), numbers in words and typos in keywords are
 * tolerated. Names (sheets, columns, schools, wards, offence types) are kept as typed, for the
 * session to match against the workbook. When two readings make sense (a number on its own, two
 * consecutive years) the outcome is a question whose choices are utterances this parser reads.
 *
 * @example parseUtterance('Supress counts under ten') // => { kind: 'command', command: { kind: 'setThreshold', threshold: 10 } }
 * @example parseUtterance('10') // => { kind: 'question', text: 'Did you mean: withhold counts under 10, ...', choices: [...] }
 */
export function parseUtterance(text: string): ParseOutcome {
  if (text.length > LONGEST_UTTERANCE) {
    return { kind: 'unknown', text: `That is ${text.length.toLocaleString('en-GB')} characters long; say one thing at a time, for example:`, choices: [...STARTING_SUGGESTIONS] };
  }
  const utterance = prepareUtterance(text, VOCABULARY);
  if (utterance.tokens.length === 0) {
    return { kind: 'unknown', text: 'Say what you would like to do, for example:', choices: [...STARTING_SUGGESTIONS] };
  }
  for (const recogniser of RECOGNISERS) {
    const outcome = recogniser.recognise(utterance);
    if (outcome) return outcome;
  }
  return { kind: 'unknown', text: `I did not understand '${utterance.source}'. You could try:`, choices: suggestionsFor(utterance) };
}
