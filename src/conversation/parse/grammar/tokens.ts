/**
 * The grammar's tokens: an utterance as words, numbers and punctuation, each with its span in the
 * text as typed, so a rule can give back the words it used (and the reply can name those it did not).
 *
 * Differences from `tokenise` (kept for its callers): punctuation that joins clauses is kept (',' ';'
 * '.' '!' '?' ':' a dash between words); '14+' reads '14 plus'; '&' reads 'and'; glued prefixes are
 * split ('FY21/22' -> 'fy 21 to 22', 'yr7' -> 'yr 7', 'KS4' -> 'ks 4', 'Q1' -> 'q 1'); common
 * shorthand is spelt out ('r' -> 'are', 'pls' -> 'please', 'dmg' -> 'damage'); numbers in words
 * become digits. Tokens inside quotes, or that are words of a workbook name, are `protected`: no
 * rule may respell them.
 */
import { readNumberWords } from '../numberWords';
import { quotedSegments } from '../tokenise';

export interface Tok {
  /** Lower case, apostrophes removed, thousands separators dropped; '-' or '/' between numbers reads 'to'. */
  readonly text: string;
  /** Span in the source text: [start, end). */
  readonly start: number;
  readonly end: number;
  /** Inside quotes: a name typed exactly. */
  readonly quoted: boolean;
  /** Punctuation (, ; . ! ? : or a dash between words): joins clauses, never a word of a request. */
  readonly punct: boolean;
  /** Never respelled: inside quotes, or a word of a sheet, column, school, ward, district or offence type name. */
  readonly protected: boolean;
  /** Which quoted segment the token is in (0, 1, ...); absent outside quotes. */
  readonly segment?: number;
}

/** Words typed short, spelt out (whole tokens only). */
const SHORTHAND: Readonly<Record<string, string>> = {
  r: 'are',
  u: 'you',
  ur: 'your',
  pls: 'please',
  plz: 'please',
  pleas: 'please',
  thx: 'thanks',
  thanx: 'thanks',
  ty: 'thanks',
  yr: 'year',
  yrs: 'years',
  grp: 'group',
  grps: 'groups',
  dmg: 'damage',
  mths: 'months',
  mnths: 'months',
  mos: 'months',
  wks: 'weeks',
  wk: 'week',
  approx: 'approximately',
  info: 'information',
  w: 'with',
  nr: 'near',
  no: 'no',
  teh: 'the',
  hte: 'the',
  // Dictation's homophones: 'which of the top ten are knew'.
  knew: 'new',
  yeah: 'yes',
  yep: 'yes',
  ok: 'okay',
  kinda: 'kind',
  gonna: 'going',
  wanna: 'want',
  secs: 'secondaries',
  prims: 'primaries',
  vs: 'versus',
  v: 'versus',
  whats: 'whats',
  excl: 'exclude',
  exc: 'exclude',
  incl: 'include',
  cnt: 'count',
  em: 'them',
  frm: 'from',
  rnk: 'rank',
  yng: 'young',
  offndrs: 'offenders',
  offdrs: 'offenders',
  schs: 'schools',
  schls: 'schools',
  schl: 'school',
};

/** 'n' between words is 'and' ("theft n shoplifting"), but not in 'top n'. */
const isShortAnd = (text: string, previous: Tok | undefined): boolean =>
  text === 'n' && previous !== undefined && !previous.punct && previous.text !== 'top';

const MONTH_WORDS = new Set([
  'jan',
  'january',
  'feb',
  'february',
  'mar',
  'march',
  'apr',
  'april',
  'may',
  'jun',
  'june',
  'jul',
  'july',
  'aug',
  'august',
  'sep',
  'sept',
  'september',
  'oct',
  'october',
  'nov',
  'november',
  'dec',
  'december',
]);

/** Glued prefixes split from the number after them. */
const PREFIX = /^(fy|ay|yr|yrs|year|years|ks|q|y)(\d{1,4})$/;

/**
 * Tokens, first alternative first: ISO dates; d/m/y dates; ordinals (3rd) and plurals (18s);
 * numbers with thousands separators, decimals or a percent sign; words (letters and digits, inner
 * apostrophes); a dash or slash between two numbers; punctuation; '+', '&', '=', '<'; the withheld-count
 * symbol '[c]' whole, as the sheets print it.
 */
const TOKEN =
  /\[c\]|(?<=\d)[-–—](?=[A-Za-z]{1,4}\d)|(?<=\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*)[-–—](?=(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\b)|\d{4}-\d{1,2}-\d{1,2}|\d{1,2}\/\d{1,2}\/\d{2,4}|\d+(?:st|nd|rd|th|s)(?![\p{L}\p{N}])|\d{1,3}(?:,\d{3})+(?:\.\d+)?%?|\d+(?:\.\d+)?%?|[\p{L}\p{N}]+(?:['’][\p{L}]+)*|(?<=\d\s*)[-–—/](?=\s*\d)|\.{2,}|…|[,;:!?.]|(?<=\s|^)[-–—]+(?=\s|$)|[+&=<>]/giu;

/** Every word of the given names (lower case, apostrophes dropped), for protection. */
export type ProtectedWords = ReadonlySet<string>;

/**
 * The tokens of an utterance. `protectedWords`: words of the workbook's names, never respelled.
 * @example lexUtterance('FY21/22, ages 14+').map((t) => t.text) // => ['fy', '21', 'to', '22', ',', 'ages', '14', 'plus']
 */
export function lexUtterance(source: string, protectedWords: ProtectedWords = new Set()): Tok[] {
  const quoted = quotedSegments(source);
  const raw: Tok[] = [];
  const push = (text: string, start: number, end: number, inQuotes: boolean, punct = false): void => {
    const segment = inQuotes ? quoted.findIndex((q) => start >= q.start && end <= q.end) : -1;
    raw.push({
      text,
      start,
      end,
      quoted: inQuotes,
      punct,
      protected: inQuotes || protectedWords.has(text),
      ...(segment >= 0 ? { segment } : {}),
    });
  };
  for (const match of source.matchAll(TOKEN)) {
    const token = match[0];
    const start = match.index ?? 0;
    const end = start + token.length;
    const inQuotes = quoted.some((segment) => start >= segment.start && end <= segment.end);
    const glued = /\S/.test(source[start - 1] ?? ' ') && /\S/.test(source[end] ?? ' ');
    if (/^[-–—/]$/.test(token) && (/\d\s*$/.test(source.slice(0, start)) || glued)) {
      push('to', start, end, inQuotes);
    } else if (/^(?:[,;:!?.]|\.{2,}|…|[-–—]+)$/.test(token)) {
      push(
        token.startsWith('.') || token === '…' ? '.' : /^[-–—]+$/.test(token) ? '-' : token,
        start,
        end,
        inQuotes,
        true,
      );
    } else if (
      !inQuotes &&
      /^(?:comma|semicolon|colon)$/i.test(token) &&
      raw.length > 0 &&
      /\S/.test(source.slice(end))
    ) {
      // Dictated punctuation ("secondaries only comma threshold ten comma then run"): no name
      // or setting is called 'comma', and speech-to-text writes the word for the mark.
      push(
        token.toLowerCase() === 'comma' ? ',' : token.toLowerCase() === 'colon' ? ':' : ';',
        start,
        end,
        false,
        true,
      );
    } else if (token === '+') {
      push('plus', start, end, inQuotes);
    } else if (token === '&') {
      push('and', start, end, inQuotes);
    } else if (/^\d[\d,.]*%$/.test(token)) {
      push(token.slice(0, -1).replace(/,/g, ''), start, end - 1, inQuotes);
      push('percent', end - 1, end, inQuotes);
    } else if (/^\d{1,3}(,\d{3})+/.test(token)) {
      push(token.replace(/,/g, ''), start, end, inQuotes);
    } else {
      const text = token.toLowerCase().replace(/['’]/g, '');
      const glued = inQuotes ? null : PREFIX.exec(text);
      if (glued) {
        push(SHORTHAND[glued[1]] ?? glued[1], start, start + glued[1].length, false);
        push(glued[2], start + glued[1].length, end, false);
      } else {
        const spelt =
          inQuotes || protectedWords.has(text)
            ? text
            : isShortAnd(text, raw[raw.length - 1])
              ? 'and'
              : (SHORTHAND[text] ?? text);
        push(spelt, start, end, inQuotes);
      }
    }
  }
  // "Apr-22", "April '22": a two-digit year after a month.
  for (let i = 1; i < raw.length; i++) {
    const token = raw[i];
    if (/^\d{2}$/.test(token.text) && /['’-]$/.test(source.slice(0, token.start)) && MONTH_WORDS.has(raw[i - 1].text))
      raw[i] = { ...token, text: `20${token.text}` };
  }
  // 'per cent' -> 'percent'; number words -> digits (not inside quotes or names).
  const tokens: Tok[] = [];
  for (let i = 0; i < raw.length; i++) {
    const token = raw[i];
    // Phone shorthand 'rn' is 'run' before what is run ("then rn it"); alone it is 'right now'.
    if (token.text === 'rn' && !token.protected && /^(?:it|again|this|that|the)$/.test(raw[i + 1]?.text ?? '')) {
      tokens.push({ ...token, text: 'run' });
      continue;
    }
    if (token.text === 'per' && raw[i + 1]?.text === 'cent') {
      tokens.push({ ...token, text: 'percent', end: raw[i + 1].end });
      i += 1;
      continue;
    }
    if (!token.protected && !token.punct) {
      const run: string[] = [];
      for (let j = i; j < raw.length && !raw[j].protected && !raw[j].punct && j < i + 6; j++) run.push(raw[j].text);
      const spelt = readNumberWords(run);
      // 'a' alone is not a number; 'second' and 'first' read as ordinals only next to a noun-less place.
      // 'first' and 'second' are places only after rank words; 'one' is a number only where a number is expected ('the right one' is not).
      const lone = spelt?.words === 1;
      const place =
        lone &&
        /^(?:1st|2nd)$/.test(spelt.text) &&
        !/^(?:rank|ranked|number|no|place|the)$/.test(raw[i - 1]?.text ?? '');
      const one =
        lone &&
        token.text === 'one' &&
        !/^(?:top|under|over|ages?|aged|threshold|round|to|seed|of|by|at|than|group|interval|protection|rounding|nearest|minimum)$/.test(
          raw[i - 1]?.text ?? '',
        );
      if (spelt && !place && !one) {
        tokens.push({ ...token, text: spelt.text, end: raw[i + spelt.words - 1].end });
        i += spelt.words - 1;
        continue;
      }
    }
    tokens.push(token);
  }
  return tokens;
}

/** The source text a run of tokens came from, as typed. */
export function sourceOf(source: string, tokens: readonly Tok[], from: number, to: number): string {
  if (to <= from) return '';
  const start =
    tokens[from].quoted && /['"‘“]/.test(source[tokens[from].start - 1] ?? '')
      ? tokens[from].start - 1
      : tokens[from].start;
  const end =
    tokens[to - 1].quoted && /['"’”]/.test(source[tokens[to - 1].end] ?? '')
      ? tokens[to - 1].end + 1
      : tokens[to - 1].end;
  return source.slice(start, end);
}
