/** One word (or number, or date) of an utterance, and where it came from in the text as typed. */
export interface Token {
  /** Lower case, apostrophes removed, thousands separators dropped; '-' or '/' between numbers reads 'to'. */
  readonly text: string;
  /** Span in the source text: [start, end). */
  readonly start: number;
  readonly end: number;
  /** Inside quotes: a name the analyst typed exactly, left as it is by number and spelling rules. */
  readonly quoted: boolean;
}

/** A quoted segment: its content as typed and its span in the source. */
export interface QuotedSegment {
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

/**
 * Quoted names: an opening quote after the start, a space or `( : = ,`; a closing quote before the
 * end, a space or punctuation. So "what's" and "pupils' homes" are not quotes, and 'St Mary's' is
 * one name (its inner apostrophe is followed by a letter).
 */
const QUOTED = [/(^|[\s(:=,])['‘](.+?)['’](?=$|[\s).,;:?!])/gu, /(^|[\s(:=,])["“](.+?)["”](?=$|[\s).,;:?!])/gu];

/**
 * Tokens, first alternative first: ISO dates; d/m/y dates; ordinals (3rd) and plurals (18s); numbers with thousands
 * separators, decimals or a percent sign; words (letters and digits, inner apostrophes); a dash or
 * slash between two numbers.
 */
const TOKEN =
  /\d{4}-\d{1,2}-\d{1,2}|\d{1,2}\/\d{1,2}\/\d{2,4}|\d+(?:st|nd|rd|th|s)(?![\p{L}\p{N}])|\d{1,3}(?:,\d{3})+(?:\.\d+)?%?|\d+(?:\.\d+)?%?|[\p{L}\p{N}]+(?:['’][\p{L}]+)*|(?<=\d\s*)[-–—/](?=\s*\d)/gu;

/** The quoted segments of a text, in order. */
export function quotedSegments(source: string): QuotedSegment[] {
  const segments: QuotedSegment[] = [];
  for (const pattern of QUOTED) {
    for (const match of source.matchAll(pattern)) {
      const start = (match.index ?? 0) + match[1].length + 1;
      segments.push({ text: match[2], start, end: start + match[2].length });
    }
  }
  return segments
    .sort((a, b) => a.start - b.start)
    .filter((segment, i, all) => i === 0 || segment.start >= all[i - 1].end);
}

/**
 * Splits a text into tokens (see {@link Token}); punctuation other than the above is dropped.
 * @example tokenise('Only ages 10-17!').map((t) => t.text) // => ['only', 'ages', '10', 'to', '17']
 */
export function tokenise(source: string, quoted: readonly QuotedSegment[] = quotedSegments(source)): Token[] {
  const tokens: Token[] = [];
  for (const match of source.matchAll(TOKEN)) {
    const raw = match[0];
    const start = match.index ?? 0;
    const end = start + raw.length;
    const inQuotes = quoted.some((segment) => start >= segment.start && end <= segment.end);
    if (/^[-–—/]$/.test(raw)) {
      tokens.push({ text: 'to', start, end, quoted: inQuotes });
    } else if (/^\d[\d,.]*%$/.test(raw)) {
      tokens.push({ text: raw.slice(0, -1).replace(/,/g, ''), start, end: end - 1, quoted: inQuotes });
      tokens.push({ text: 'percent', start: end - 1, end, quoted: inQuotes });
    } else if (/^\d{1,3}(,\d{3})+/.test(raw)) {
      tokens.push({ text: raw.replace(/,/g, ''), start, end, quoted: inQuotes });
    } else {
      tokens.push({ text: raw.toLowerCase().replace(/['’]/g, ''), start, end, quoted: inQuotes });
    }
  }
  return tokens;
}
