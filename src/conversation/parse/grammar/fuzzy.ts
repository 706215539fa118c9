/**
 * Spelling, rule by rule: a typed word stands for a keyword of the rule being tried when it is that
 * keyword, or a slip of it. A slip is never read into a word that is itself a known word (a keyword
 * of any rule, or a common English word: 'data' is not a slip of 'date', 'rate' not of 'date'), into
 * a protected token (quoted, or a word of a workbook name: 'Priory' is never 'primary'), nor across
 * a different first letter. Short keywords tolerate only a swap of two neighbours ('rnu' is 'run').
 */
import { editDistance } from '../editDistance';
import type { Tok } from './tokens';

/** Every keyword any rule looks for (filled as rules are declared). */
const KEYWORDS = new Set<string>();

/** Common words that are never slips of a keyword. */
const COMMON_WORDS = [
  'a',
  'an',
  'and',
  'are',
  'as',
  'at',
  'be',
  'been',
  'but',
  'by',
  'can',
  'could',
  'did',
  'do',
  'does',
  'for',
  'from',
  'get',
  'got',
  'had',
  'has',
  'have',
  'he',
  'her',
  'here',
  'him',
  'his',
  'how',
  'i',
  'if',
  'in',
  'into',
  'is',
  'it',
  'its',
  'just',
  'me',
  'my',
  'no',
  'not',
  'of',
  'on',
  'or',
  'our',
  'out',
  'over',
  'she',
  'so',
  'than',
  'that',
  'the',
  'their',
  'them',
  'then',
  'there',
  'these',
  'they',
  'this',
  'those',
  'to',
  'too',
  'up',
  'us',
  'was',
  'we',
  'were',
  'what',
  'when',
  'where',
  'which',
  'who',
  'why',
  'will',
  'with',
  'would',
  'you',
  'your',
  'yes',
  'okay',
  'data',
  'date',
  'dates',
  'rate',
  'rates',
  'late',
  'later',
  'last',
  'list',
  'lost',
  'best',
  'most',
  'must',
  'make',
  'take',
  'made',
  'done',
  'more',
  'less',
  'some',
  'same',
  'such',
  'much',
  'many',
  'like',
  'want',
  'need',
  'tell',
  'give',
  'know',
  'said',
  'says',
  'sure',
  'also',
  'each',
  'both',
  'only',
  'once',
  'year',
  'years',
  'days',
  'week',
  'weeks',
  'month',
  'time',
  'times',
  'hall',
  'road',
  'park',
  'hill',
  'wood',
  'lane',
  'green',
  'street',
  'church',
  'saint',
  'castle',
  'priory',
  'brook',
  'grove',
  'meadow',
  'bank',
  'quarry',
  'mary',
  'marys',
  'thomas',
  'well',
  'good',
  'great',
  'fine',
  'right',
  'left',
  'back',
  'down',
  'high',
  'higher',
  'low',
  'lower',
  'mean',
  'means',
  'meant',
  'word',
  'words',
  'world',
  'work',
  'works',
  'worked',
  'wards',
  'ward',
  'award',
  'hand',
  'head',
  'home',
  'house',
  'live',
  'lives',
  'lived',
  'life',
  'like',
  'line',
  'lines',
  'name',
  'names',
  'named',
  'note',
  'open',
  'over',
  'part',
  'place',
  'point',
  'read',
  'real',
  'side',
  'sign',
  'site',
  'size',
  'state',
  'step',
  'stop',
  'sort',
  'start',
  'still',
  'stuff',
  'team',
  'term',
  'test',
  'text',
  'than',
  'thing',
  'things',
  'think',
  'three',
  'turn',
  'type',
  'unit',
  'used',
  'user',
  'very',
  'view',
  'wait',
  'walk',
  'wall',
  'want',
  'week',
  'went',
  'whole',
  'wide',
  'wish',
  'within',
  'without',
  'wrong',
  'email',
  'send',
  'sent',
  'print',
  'chart',
  'charts',
  'graph',
  'file',
  'files',
  'save',
  'saved',
  'clare',
  'copy',
  'paste',
  'share',
  'sheet',
  'sheets',
  'school',
  'schools',
  'pupils',
  'pupil',
  'children',
  'child',
  'kids',
  'kid',
  'again',
  'about',
  'after',
  'before',
  'other',
  'another',
  'older',
  'newer',
  'earlier',
  'later',
  'every',
  'any',
  'all',
  'none',
  'one',
  'two',
  'ten',
  'zero',
  'three',
  'nice',
  'cool',
  'thanks',
  'cheers',
  'hello',
  'hi',
  'hey',
  'bye',
  'oops',
  'sorry',
  'actually',
  'instead',
  'rather',
  'maybe',
  'perhaps',
  'summer',
  'winter',
  'spring',
  'autumn',
  'morning',
  'afternoon',
  'evening',
  'night',
  'today',
  'yesterday',
  'tomorrow',
  'small',
  'large',
  'big',
  'new',
  'old',
  'first',
  'second',
  'next',
  'previous',
  'current',
  'different',
  'wrong',
  'correct',
  // Words of chatter that are one slip from a keyword ('lots' from 'lost').
  'lots',
  'loads',
  'busy',
  'quick',
  'today',
];

/** Registers a rule's keywords, so no other slip is read into them. */
export function registerKeywords(words: Iterable<string>): void {
  for (const word of words) if (word.length > 0) KEYWORDS.add(word);
}

/** Whether a word is a keyword of some rule or a common word (never read as a slip). */
export function isKnownWord(word: string): boolean {
  return KEYWORDS.has(word) || COMMON.has(word);
}

const COMMON: ReadonlySet<string> = new Set(COMMON_WORDS);

/** Whether a word is a keyword of some rule and not a common word. */
export function isKeyword(word: string): boolean {
  return KEYWORDS.has(word) && !COMMON.has(word);
}

/** Whether two words differ by one swap of neighbouring letters. */
function isSwap(a: string, b: string): boolean {
  if (a.length !== b.length || a === b) return false;
  const diff: number[] = [];
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) diff.push(i);
  return diff.length === 2 && diff[1] === diff[0] + 1 && a[diff[0]] === b[diff[1]] && a[diff[1]] === b[diff[0]];
}

/** The cost of reading one slip. */
export const SLIP_COST = 0.4;

/**
 * The cost of reading a token as a keyword: 0 when it is the keyword; SLIP_COST per edit for a
 * slip the keyword tolerates (one edit up to 8 letters, two from 9; a swap only for 3 letters or
 * fewer); undefined otherwise.
 * @example keywordCost(tok('thershold'), 'threshold') // => 0.4
 * @example keywordCost(tok('data'), 'date') // => undefined ('data' is a word)
 */
export function keywordCost(token: Tok, keyword: string): number | undefined {
  if (token.text === keyword) return 0;
  if (!mayBeSlip(token)) return undefined;
  const key = `${token.text}\u0000${keyword}`;
  if (SLIPS.has(key)) return SLIPS.get(key);
  const cost = slipCost(token.text, keyword);
  if (SLIPS.size > 50_000) SLIPS.clear();
  SLIPS.set(key, cost);
  return cost;
}

/** Slips worked out, by typed word and keyword. */
const SLIPS = new Map<string, number | undefined>();

/** Whether a token may be read as a slip of some keyword at all. */
export function mayBeSlip(token: Tok): boolean {
  return (
    !token.punct &&
    !token.protected &&
    !token.quoted &&
    token.text.length >= 3 &&
    !/\d/.test(token.text) &&
    !isKnownWord(token.text)
  );
}

function slipCost(typed: string, keyword: string): number | undefined {
  if (/\d/.test(keyword)) return undefined;
  if (keyword.length <= 3) return isSwap(typed, keyword) ? SLIP_COST : undefined;
  // A different first letter is a different word, unless the first two letters are swapped ('hte').
  if (typed[0] !== keyword[0] && !(typed[0] === keyword[1] && typed[1] === keyword[0])) return undefined;
  if (Math.abs(typed.length - keyword.length) > 2) return undefined;
  const distance = editDistance(typed, keyword);
  const allowed = keyword.length <= 8 ? 1 : 2;
  return distance <= allowed ? SLIP_COST * distance : undefined;
}
