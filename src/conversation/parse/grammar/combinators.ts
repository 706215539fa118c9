/**
 * A small parser-combinator layer over tokens. A parser, given where to start, returns every way it
 * can read the tokens from there ('hits'): the value read, where it stopped, and a cost (slips of
 * spelling, names that fit the workbook loosely). Hits are kept one per end position, the cheapest
 * (the first declared on a tie), so a sequence of parts stays polynomial; each parser's hits are
 * remembered per utterance.
 *
 * Every primitive skips meaningless words before it ('the', 'please', 'me', ...), so rules need not
 * list them; words that join clauses ('and', 'then', commas) are never skipped inside a rule.
 */
import { keywordCost, mayBeSlip, registerKeywords } from './fuzzy';
import { EMPTY_LEXICON, type Lexicon } from './lexicon';
import type { Tok } from './tokens';

export interface Hit<T> {
  readonly value: T;
  /** The token after the last one read. */
  readonly end: number;
  readonly cost: number;
}

/** One utterance being parsed. */
export interface Ctx {
  readonly tokens: readonly Tok[];
  readonly source: string;
  readonly lexicon: Lexicon;
  /** Hits remembered, by parser (its number) and position. */
  readonly memo: (readonly Hit<unknown>[] | undefined)[][];
  /** Anything else worked out once per utterance, by key. */
  readonly cache: Map<object, unknown>;
}

export type Parser<T> = (ctx: Ctx, at: number) => readonly Hit<T>[];

export function makeCtx(tokens: readonly Tok[], source: string, lexicon: Lexicon = EMPTY_LEXICON): Ctx {
  return { tokens, source, lexicon, memo: [], cache: new Map() };
}

/** Words that carry no meaning in a request: skipped before any part of a rule, and free between clauses. */
export const FILLER: ReadonlySet<string> = new Set([
  'the',
  'a',
  'an',
  'please',
  'kindly',
  'just',
  'me',
  'my',
  'our',
  'your',
  'us',
  'it',
  'its',
  'this',
  'that',
  'these',
  'those',
  'them',
  'so',
  'well',
  'really',
  'i',
  'we',
  'you',
  'can',
  'could',
  'would',
  'will',
  'want',
  'like',
  'id',
  'lets',
  'let',
  'shall',
  'now',
  'again',
  'currently',
  'um',
  'erm',
  'hmm',
  'uh',
  'ah',
  'oh',
  'right',
  'quickly',
  'quick',
  'ahead',
  'yes',
  'do',
  'for',
  'to',
  'of',
  'too',
  'as',
  'also',
  'instead',
  'there',
  'here',
  'some',
  'kind',
  'sort',
  'be',
  'is',
  'are',
  'need',
  'maybe',
  'perhaps',
  'think',
  'guess',
  'going',
  'gonna',
  'try',
  'mind',
  'able',
  'wondering',
  'if',
  'possible',
  'x',
  'see',
  'actually',
]);

/**
 * Words that may be skipped between clauses but never inside one: punctuation and the words that
 * join parts of a request.
 */
export const CONNECTORS: ReadonlySet<string> = new Set([
  ',',
  ';',
  '.',
  '!',
  '?',
  ':',
  '-',
  'and',
  'then',
  'also',
  'plus',
  'but',
  'with',
  'after',
  'afterwards',
  'next',
  'finally',
  'first',
  'while',
  'using',
  'by',
  'on',
  'at',
  'in',
  'from',
  'when',
  'once',
  'before',
  'or',
  'both',
  'all',
  'done',
  'that',
  'thats',
  'great',
]);

/** Whether a token may be skipped between clauses at no cost. */
export function isNeutral(token: Tok): boolean {
  return token.punct || (!token.quoted && (FILLER.has(token.text) || CONNECTORS.has(token.text)));
}

const isFiller = (token: Tok | undefined): boolean =>
  token !== undefined && !token.punct && !token.quoted && FILLER.has(token.text);

/** Keeps one hit per end, the cheapest (the first on a tie). */
export function cheapestPerEnd<T>(hits: readonly Hit<T>[]): readonly Hit<T>[] {
  if (hits.length <= 1) return hits;
  const byEnd = new Map<number, Hit<T>>();
  for (const hit of hits) {
    const known = byEnd.get(hit.end);
    if (!known || hit.cost < known.cost - 1e-9) byEnd.set(hit.end, hit);
  }
  return [...byEnd.values()];
}

/** A parser whose hits are remembered per utterance and position. */
let parsers = 0;

export function memo<T>(parse: Parser<T>): Parser<T> {
  const id = parsers++;
  return (ctx, at) => {
    const table = ctx.memo[id] ?? (ctx.memo[id] = []);
    const known = table[at];
    if (known) return known as readonly Hit<T>[];
    const hits = cheapestPerEnd(parse(ctx, at));
    table[at] = hits;
    return hits;
  };
}

/** The parser, also tried after each meaningless word in front of it. */
function skippingFiller<T>(parse: Parser<T>): Parser<T> {
  return memo((ctx, at) => {
    const hits: Hit<T>[] = [];
    for (let i = at; i <= ctx.tokens.length; i++) {
      hits.push(...parse(ctx, i));
      if (!isFiller(ctx.tokens[i])) break;
    }
    return hits;
  });
}

/**
 * Keywords: alternatives split by '|', words of a phrase by spaces ('less than|under|below').
 * Each word may be typed with a slip (see keywordCost). The value is the alternative read.
 * @example lit('suppress|hide') reads 'supress' as 'suppress' at cost 0.4
 */
export function lit(spec: string): Parser<string> {
  const alternatives = spec.split('|').map((phrase) =>
    phrase
      .trim()
      .split(/\s+/)
      .filter((word) => word !== ''),
  );
  registerKeywords(alternatives.flat());
  const byFirst = new Map<string, string[][]>();
  for (const words of alternatives) byFirst.set(words[0], [...(byFirst.get(words[0]) ?? []), words]);
  const firstWords = [...byFirst.keys()];
  return skippingFiller((ctx, at) => {
    const first = ctx.tokens[at];
    if (first === undefined) return [];
    // The alternatives whose first word the token is, or is a slip of.
    const starts = byFirst.has(first.text) ? [first.text] : [];
    if (mayBeSlip(first))
      for (const word of firstWords)
        if (word !== first.text && keywordCost(first, word) !== undefined) starts.push(word);
    const hits: Hit<string>[] = [];
    for (const start of starts) {
      for (const words of byFirst.get(start) ?? []) {
        let cost = 0;
        let i = at;
        let ok = true;
        for (const [k, word] of words.entries()) {
          // Meaningless words may come between the words of a phrase ('set the dates to').
          if (k > 0) while (isFiller(ctx.tokens[i]) && keywordCost(ctx.tokens[i], word) === undefined) i += 1;
          const token = ctx.tokens[i];
          const slip = token === undefined ? undefined : keywordCost(token, word);
          if (slip === undefined) {
            ok = false;
            break;
          }
          cost += slip;
          i += 1;
        }
        if (ok) hits.push({ value: words.join(' '), end: i, cost });
      }
    }
    return hits;
  });
}

/** A token satisfying a test, its value what `read` makes of it (undefined: no hit). */
export function token<T>(read: (token: Tok) => T | undefined): Parser<T> {
  return skippingFiller((ctx, at) => {
    const found = ctx.tokens[at];
    if (!found || found.punct) return [];
    const value = read(found);
    return value === undefined ? [] : [{ value, end: at + 1, cost: 0 }];
  });
}

/** A number typed in digits (or words, read as digits by the lexer). */
export function num(
  options: { readonly min?: number; readonly max?: number; readonly whole?: boolean } = {},
): Parser<number> {
  const { min = Number.NEGATIVE_INFINITY, max = Number.POSITIVE_INFINITY, whole = false } = options;
  return token((t) => {
    if (t.quoted || !/^\d+(?:\.\d+)?$/.test(t.text)) return undefined;
    const value = Number(t.text);
    if (value < min || value > max || (whole && !Number.isInteger(value))) return undefined;
    return value;
  });
}

/** An ordinal ('3rd') as its number. */
export const ordinalNumber: Parser<number> = token((t) => {
  const match = /^(\d+)(?:st|nd|rd|th)$/.exec(t.text);
  return match ? Number(match[1]) : undefined;
});

/** A plural number ('18s', 'under 16s') as its number. */
export const pluralNumber: Parser<number> = token((t) => {
  const match = /^(\d+)s$/.exec(t.text);
  return match ? Number(match[1]) : undefined;
});

/** Parts in order; the value is the list of their values. */
export function seq<A extends readonly Parser<unknown>[]>(
  ...parts: A
): Parser<{ [K in keyof A]: A[K] extends Parser<infer V> ? V : never }> {
  return memo((ctx, at) => {
    let frontier: Hit<unknown[]>[] = [{ value: [], end: at, cost: 0 }];
    for (const part of parts) {
      const next: Hit<unknown[]>[] = [];
      for (const hit of frontier) {
        for (const read of part(ctx, hit.end))
          next.push({ value: [...hit.value, read.value], end: read.end, cost: hit.cost + read.cost });
      }
      frontier = cheapestPerEnd(next) as Hit<unknown[]>[];
      if (frontier.length === 0) return [];
    }
    return frontier as Hit<never>[];
  });
}

/** Any of the parsers; on the same end, the cheapest, then the first declared. */
export function alt<T>(...parsers: readonly Parser<T>[]): Parser<T> {
  return memo((ctx, at) => parsers.flatMap((parse) => parse(ctx, at)));
}

/** The parser or nothing (value undefined). */
export function opt<T>(parse: Parser<T>): Parser<T | undefined> {
  return memo((ctx, at) => [{ value: undefined, end: at, cost: 0 }, ...parse(ctx, at)]);
}

/** The value changed by `f`; f returning undefined rejects the hit. `extraCost` adds to its cost. */
export function map<T, U>(
  parse: Parser<T>,
  f: (value: T, ctx: Ctx, from: number, to: number) => U | undefined,
  extraCost: (value: T, ctx: Ctx, from: number, to: number) => number = () => 0,
): Parser<U> {
  return memo((ctx, at) => {
    const hits: Hit<U>[] = [];
    for (const hit of parse(ctx, at)) {
      const value = f(hit.value, ctx, at, hit.end);
      if (value !== undefined)
        hits.push({ value, end: hit.end, cost: hit.cost + extraCost(hit.value, ctx, at, hit.end) });
    }
    return hits;
  });
}

/** The parser's hits with a fixed value. */
export function as<T>(parse: Parser<unknown>, value: T): Parser<T> {
  return map(parse, () => value);
}

/** One or more of `item`, separated by `separator` when given. Values in order. */
export function many<T>(item: Parser<T>, separator?: Parser<unknown>, most = 12): Parser<T[]> {
  return memo((ctx, at) => {
    const all: Hit<T[]>[] = [];
    let frontier: Hit<T[]>[] = item(ctx, at).map((hit) => ({ ...hit, value: [hit.value] }));
    for (let count = 1; frontier.length > 0 && count <= most; count++) {
      all.push(...frontier);
      const next: Hit<T[]>[] = [];
      for (const hit of frontier) {
        const starts = separator
          ? separator(ctx, hit.end).map((sep) => ({ end: sep.end, cost: hit.cost + sep.cost }))
          : [{ end: hit.end, cost: hit.cost }];
        for (const start of starts) {
          for (const read of item(ctx, start.end))
            next.push({ value: [...hit.value, read.value], end: read.end, cost: start.cost + read.cost });
        }
      }
      frontier = cheapestPerEnd(next) as Hit<T[]>[];
    }
    return all;
  });
}

/** Words of a free stretch (a name), with where they came from. */
export interface Span {
  /** As typed (a quoted name without its quotes). */
  readonly typed: string;
  /** The tokens' normalised text, joined by spaces. */
  readonly text: string;
  readonly from: number;
  readonly to: number;
  readonly quoted: boolean;
}

/**
 * A free stretch of 1 to `longest` words (a name): never punctuation; a quoted name is taken whole
 * and alone. `accept` may reject a stretch or give it a cost.
 */
export function span(longest: number, accept: (span: Span, ctx: Ctx) => number | undefined = () => 0): Parser<Span> {
  return skippingFiller(
    memo((ctx, at) => {
      const first = ctx.tokens[at];
      if (!first || first.punct) return [];
      if (first.segment !== undefined) {
        let to = at;
        while (to < ctx.tokens.length && ctx.tokens[to].segment === first.segment) to += 1;
        const typed = ctx.source.slice(first.start, ctx.tokens[to - 1].end);
        const whole = {
          typed,
          text: ctx.tokens
            .slice(at, to)
            .map((t) => t.text)
            .join(' '),
          from: at,
          to,
          quoted: true,
        };
        const cost = accept(whole, ctx);
        return cost === undefined ? [] : [{ value: whole, end: to, cost }];
      }
      const hits: Hit<Span>[] = [];
      for (let to = at + 1; to <= Math.min(ctx.tokens.length, at + longest); to++) {
        const last = ctx.tokens[to - 1];
        // A dash may join words of a name ('Burglary - residential'), never end one.
        if (last.punct && last.text === '-' && to - 1 > at) continue;
        if (last.punct || last.quoted) break;
        const stretch: Span = {
          typed: ctx.source.slice(first.start, last.end),
          text: ctx.tokens
            .slice(at, to)
            .map((t) => t.text)
            .join(' '),
          from: at,
          to,
          quoted: false,
        };
        const cost = accept(stretch, ctx);
        if (cost !== undefined) hits.push({ value: stretch, end: to, cost });
      }
      return hits;
    }),
  );
}

/** Nothing: a hit at the same place (for rules that are only keywords). */
export const empty: Parser<undefined> = (_ctx, at) => [{ value: undefined, end: at, cost: 0 }];

/** Only at the start of the utterance (after meaningless words): for phrasings that are a request only when said alone. */
export const utteranceStart: Parser<undefined> = (ctx, at) => {
  for (let i = 0; i < at; i++) if (!isFiller(ctx.tokens[i]) && !ctx.tokens[i].punct) return [];
  return [{ value: undefined, end: at, cost: 0 }];
};

/** Only at the end of the utterance (before closing punctuation): for words that are a request only when said alone. */
export const utteranceEnd: Parser<undefined> = (ctx, at) => {
  for (let i = at; i < ctx.tokens.length; i++) if (!ctx.tokens[i].punct) return [];
  return [{ value: undefined, end: ctx.tokens.length, cost: 0 }];
};

/** The end of the utterance or a clause boundary (punctuation or a joining word) next: no hit otherwise. */
export const boundary: Parser<undefined> = (ctx, at) => {
  const next = ctx.tokens[at];
  return next === undefined || next.punct || CONNECTORS.has(next.text) ? [{ value: undefined, end: at, cost: 0 }] : [];
};

/**
 * Only when the next token (after fillers, unless `skipFiller` is false) is not one of these words:
 * a negative look-ahead. ('instead' is a correction, 'instead of' is not: 'of' is a filler.)
 */
export function notBefore(spec: string, options: { readonly skipFiller?: boolean } = {}): Parser<undefined> {
  const words = new Set(spec.split('|'));
  const skipFiller = options.skipFiller ?? true;
  return (ctx, at) => {
    let i = at;
    while (skipFiller && isFiller(ctx.tokens[i])) i += 1;
    const next = ctx.tokens[i];
    return next !== undefined && words.has(next.text) ? [] : [{ value: undefined, end: at, cost: 0 }];
  };
}
