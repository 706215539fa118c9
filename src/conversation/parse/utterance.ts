import { correctSpelling } from './correctSpelling';
import { readNumberWords } from './numberWords';
import { quotedSegments, tokenise, type Token } from './tokenise';

/** An utterance ready for the recognisers: tokens normalised, with a way back to the text as typed. */
export interface Utterance {
  /** As typed, trimmed. */
  readonly source: string;
  readonly tokens: readonly Token[];
  /** The tokens' text joined by single spaces: what the recognisers' patterns read. */
  readonly text: string;
  /** Quoted names as typed ('Crimes 2020'), in order. */
  readonly quoted: readonly string[];
}

/**
 * Prepares an utterance: tokens (see `tokenise`), numbers in words as digits ('ten' -> '10',
 * 'third' -> '3rd') and mistyped keywords corrected against `vocabulary`, except inside quotes.
 * @example prepareUtterance('Supress counts under ten', new Set(['suppress', 'counts', 'under'])).text
 * // => 'suppress counts under 10'
 */
export function prepareUtterance(source: string, vocabulary: ReadonlySet<string>): Utterance {
  const trimmed = source.trim();
  const quoted = quotedSegments(trimmed);
  const raw = tokenise(trimmed, quoted);
  const tokens: Token[] = [];
  for (let i = 0; i < raw.length; i++) {
    const token = raw[i];
    if (!token.quoted) {
      const run: string[] = [];
      for (let j = i; j < raw.length && !raw[j].quoted && j < i + 6; j++) run.push(raw[j].text);
      const spelt = readNumberWords(run);
      if (spelt) {
        tokens.push({ text: spelt.text, start: token.start, end: raw[i + spelt.words - 1].end, quoted: false });
        i += spelt.words - 1;
        continue;
      }
      tokens.push({ ...token, text: correctSpelling(token.text, vocabulary) });
    } else {
      tokens.push(token);
    }
  }
  return { source: trimmed, tokens, text: tokens.map((token) => token.text).join(' '), quoted: quoted.map((segment) => segment.text) };
}

/** A pattern's match with each named group also as typed (see `typed`). */
export interface SourcedMatch {
  readonly groups: Readonly<Record<string, string | undefined>>;
  /** The text as typed behind a named group: the source from its first token's start to its last token's end. */
  readonly typed: (group: string) => string;
}

const WITH_INDICES = new Map<RegExp, RegExp>();

/**
 * Runs a pattern on the utterance's normalised text and keeps where each named group lies, so a
 * group can be read back as typed (case, apostrophes, spacing): 'the urn column is URN' gives the
 * header 'URN', not the field's 'urn'. Uses the regular expression `d` flag (match indices).
 */
export function execSourced(pattern: RegExp, utterance: Utterance): SourcedMatch | undefined {
  let indexed = WITH_INDICES.get(pattern);
  if (!indexed) {
    indexed = new RegExp(pattern.source, pattern.flags.replace(/[gyd]/g, '') + 'd');
    WITH_INDICES.set(pattern, indexed);
  }
  const match = indexed.exec(utterance.text) as (RegExpExecArray & { indices?: { groups?: Record<string, [number, number] | undefined> } }) | null;
  if (!match) return undefined;
  const starts: number[] = [];
  let offset = 0;
  for (const token of utterance.tokens) {
    starts.push(offset);
    offset += token.text.length + 1;
  }
  return {
    groups: { ...(match.groups ?? {}) },
    typed: (group) => {
      const span = match.indices?.groups?.[group];
      if (!span) return '';
      const [start, end] = span;
      const covered = utterance.tokens.map((token, i) => ({ token, at: starts[i] })).filter(({ token, at }) => at < end && at + token.text.length > start);
      if (covered.length === 0) return '';
      return utterance.source.slice(covered[0].token.start, covered[covered.length - 1].token.end);
    },
  };
}
