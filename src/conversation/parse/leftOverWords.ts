/**
 * Words no rule used, and whether leaving them out could change what was asked. "up to age 15" read
 * without 'up' is ages 15 to 15; "ages 11-16 for the girls only" without 'girls' counts everyone;
 * "threshold 7 and rerun, then which are new" without 'which are new' drops a request. Acting on
 * the rest would do something other than was asked while replying as if complete, so the session
 * asks before acting. Words that only soften or fill ('only', 'please', 'taht') are left out safely.
 */
import { isKeyword } from './grammar/fuzzy';
import type { Tok } from './grammar/tokens';

/** Words that bound, turn round or compare a setting: never safe to drop. */
const MODIFIERS: ReadonlySet<string> = new Set([
  'not',
  'never',
  'no',
  'except',
  'excluding',
  'without',
  'instead',
  'rather',
  'than',
  'other',
  'apart',
  'besides',
  'unless',
  'up',
  'down',
  'under',
  'over',
  'below',
  'above',
  'least',
  'most',
  'more',
  'less',
  'fewer',
  'before',
  'after',
  'since',
  'until',
  'till',
  'between',
  'older',
  'younger',
  'higher',
  'lower',
  'bigger',
  'smaller',
  'wider',
  'narrower',
  'first',
  'last',
  'next',
  'previous',
  'boys',
  'girls',
  'male',
  'female',
  'same',
  'different',
  'each',
  'per',
  'new',
  'twice',
  'thrice',
  'times',
]);

/** Keywords that add nothing when left over ('use observed catchments only'). */
const HARMLESS: ReadonlySet<string> = new Set([
  'only',
  'just',
  'please',
  'also',
  'too',
  'again',
  'now',
  'then',
  'thanks',
  'thank',
  'okay',
  'ok',
  'cheers',
  'hi',
  'hello',
  'schools',
  'school',
  'ones',
  'one',
  'data',
  'figures',
  'numbers',
  'thing',
  'things',
  'stuff',
  'bit',
  'exactly',
  'sure',
  'fine',
]);

/**
 * Whether a word left unused may carry part of the request: a number, a word of a workbook name,
 * a word that bounds or turns round a setting, or a keyword of some rule (not a harmless one).
 * @example mattersWhenLeftOver(tok('up')) // => true ("up to age 15")
 * @example mattersWhenLeftOver(tok('only')) // => false ("use observed catchments only")
 */
export function mattersWhenLeftOver(token: Tok): boolean {
  if (token.punct) return false;
  const text = token.text;
  if (HARMLESS.has(text)) return false;
  if (/\d/.test(text) || token.protected || token.quoted) return true;
  return MODIFIERS.has(text) || SCHOOL_KINDS.has(text) || isKeyword(text);
}

/**
 * Words that tell one school from another of the same name ('Ridgewood Grammar' is not Ridgewood
 * High School): left over beside a name that fits without them, they may name another school.
 */
const SCHOOL_KINDS: ReadonlySet<string> = new Set([
  'grammar',
  'high',
  'academy',
  'college',
  'infant',
  'infants',
  'junior',
  'juniors',
  'catholic',
  'community',
  'technical',
  'comprehensive',
  'middle',
  'upper',
  'lower',
  'studio',
  'free',
]);
