import { nameFit, type Lexicon, type NameKind } from './grammar/lexicon';
import { quotedSegments, tokenise } from './tokenise';

/**
 * Words that make a quoted passage a request rather than a name: no sheet, column, school, ward
 * or offence type name in a workbook reads like this ("can we drop criminal damage", "please
 * rerun for FY 22/23").
 */
const REQUEST_WORDS = new Set([
  'can',
  'could',
  'would',
  'please',
  'pls',
  'use',
  'set',
  'add',
  'drop',
  'take',
  'exclude',
  'include',
  'rerun',
  'run',
  'show',
  'give',
  'get',
  'tell',
  'let',
  'what',
  'why',
  'how',
  'which',
  'who',
  'whos',
  'go',
  'hide',
  'compare',
  'make',
  'widen',
  'look',
  'see',
  'count',
  'should',
  'we',
  'us',
  'me',
]);

const NAME_KINDS: readonly NameKind[] = ['sheet', 'header', 'school', 'ward', 'district', 'offenceType'];

/**
 * Words before a quoted request that only say who asked: "Sarah asked:", "Email from Dave (VRU
 * lead):", "from my line manager -", "My manager asked for". A colon or dash ends such a lead-in,
 * or a verb of saying.
 */
const LEAD_IN =
  /(?:[:\-–—]|\b(?:asked|asks|wrote|writes|says|said|note|email|question|wants|asked for|asked me|wrote that|says that)\s*)\s*$/i;
const LEAD_IN_MOST_WORDS = 12;

/** After the quoted request, words that only hand it over: "- can you do that?", "Can you set both?". */
const HAND_OVER =
  /^\s*[-–—.,;:]?\s*(?:(?:can|could) you (?:do|set|manage|sort) (?:that|this|both|it|them)(?: please)?|please|thanks|thank you|cheers|ta)\s*[.?!]*\s*$/i;

/**
 * Whether a quoted passage is somebody's request passed on, not a name typed exactly: it fits
 * no name of the workbook, and it has at least four words with one of the request words, or
 * it is a question of at least three.
 */
function isQuotedRequest(text: string, lexicon: Lexicon): boolean {
  const words = tokenise(text, []).map((token) => token.text);
  const question = /\?\s*$/.test(text);
  if (words.length < (question ? 3 : 4)) return false;
  if (!question && !words.some((word) => REQUEST_WORDS.has(word))) return false;
  return NAME_KINDS.every((kind) => nameFit(lexicon, kind, text) === 'none');
}

/**
 * A request passed on in quotes is the analyst's request ("Forwarding from my manager: 'Please
 * rerun for FY 22/23 only, 11-16 year olds, and let me have the top 5.'"): its quotes would
 * otherwise make it one name typed exactly. Such quotes become spaces, and so do the lead-in
 * saying who asked and a closing hand-over ("- can you do that?"), so that the words are read as
 * said, every character keeping its place (the words each command used point into the text).
 * A quoted name ("use 'VRU Schools 2020'") is left as it is.
 */
export function unquoteReportedRequests(source: string, lexicon: Lexicon): string {
  const requests = quotedSegments(source).filter((segment) => isQuotedRequest(segment.text, lexicon));
  if (requests.length === 0) return source;
  const chars = [...source];
  // Work on UTF-16 offsets, as the segments give them.
  const blank = (from: number, to: number): void => {
    for (let i = from; i < to; i += 1) chars[i] = ' ';
  };
  if (chars.length !== source.length) return source; // astral characters: offsets would not line up
  for (const segment of requests) {
    blank(segment.start - 1, segment.start);
    blank(segment.end, segment.end + 1);
  }
  const first = requests[0];
  const lead = source.slice(0, first.start - 1);
  if (lead.trim() !== '' && LEAD_IN.test(lead) && lead.trim().split(/\s+/).length <= LEAD_IN_MOST_WORDS)
    blank(0, first.start - 1);
  const last = requests[requests.length - 1];
  if (HAND_OVER.test(source.slice(last.end + 1))) blank(last.end + 1, source.length);
  return chars.join('');
}
