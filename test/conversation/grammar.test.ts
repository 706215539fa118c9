/**
 * The grammar layer on its own: the lexer, spelling read rule by rule, the combinators, names
 * checked against the workbook, and the segmentation of an utterance into clauses.
 */
import {
  alt,
  lit,
  makeCtx,
  many,
  map,
  num,
  opt,
  seq,
  span,
  type Parser,
} from '../../src/conversation/parse/grammar/combinators';
import { keywordCost } from '../../src/conversation/parse/grammar/fuzzy';
import { EMPTY_LEXICON, nameFit, protectedWordsOf, type Lexicon } from '../../src/conversation/parse/grammar/lexicon';
import { segment } from '../../src/conversation/parse/grammar/segment';
import { lexUtterance } from '../../src/conversation/parse/grammar/tokens';
import type { Reading, Rule } from '../../src/conversation/parse/grammar/rule';
import { CHRONO_PARSERS_IN_USE, chronoDaysOf } from '../../src/conversation/parse/rules/dates';
import { nameOf } from '../../src/conversation/parse/rules/parts';

const texts = (source: string, protectedWords?: ReadonlySet<string>) =>
  lexUtterance(source, protectedWords).map((token) => token.text);

/** Every hit of a parser from the start of an utterance: [value, end, cost]. */
function hits<T>(parser: Parser<T>, source: string, lexicon: Lexicon = EMPTY_LEXICON): [T, number, number][] {
  const tokens = lexUtterance(source, protectedWordsOf(lexicon));
  return parser(makeCtx(tokens, source, lexicon), 0).map((hit) => [hit.value, hit.end, Number(hit.cost.toFixed(2))]);
}

const LEXICON: Lexicon = {
  ...EMPTY_LEXICON,
  sheets: ['Offences', 'VRU Schools 2020', 'VRU Schools 2019', 'Knife crime 2019'],
  wards: ['Castle and Priory', "St Anne's", 'Quarry Bank and Dudley Wood'],
  schools: ['Park Hall Academy', 'Hill Top School', 'Castle High School'],
  headers: ['Age at Offence', 'Committed Date', 'Crime Number'],
};

describe('lexUtterance', () => {
  it('keeps punctuation that joins clauses and reads a dash between numbers as "to"', () => {
    expect(texts('ages 11-16, then run; thanks!')).toEqual([
      'ages',
      '11',
      'to',
      '16',
      ',',
      'then',
      'run',
      ';',
      'thanks',
      '!',
    ]);
  });
  it('reads 14+ as "14 plus", & as "and", and splits glued prefixes', () => {
    expect(texts('14+ & FY21/22 yr7 KS4 Q1')).toEqual([
      '14',
      'plus',
      'and',
      'fy',
      '21',
      'to',
      '22',
      'year',
      '7',
      'ks',
      '4',
      'q',
      '1',
    ]);
  });
  it('reads a hyphen between school years or between months as "to", and a year after a month', () => {
    expect(texts('Y7-Y11')).toEqual(['y', '7', 'to', 'y', '11']);
    expect(texts('Jan-Mar 2023')).toEqual(['jan', 'to', 'mar', '2023']);
    expect(texts("Apr-22 to April '23")).toEqual(['apr', '2022', 'to', 'april', '2023']);
  });
  it('spells out shorthand, numbers in words and per cent', () => {
    expect(texts('pls suppress under ten, 99 per cent')).toEqual([
      'please',
      'suppress',
      'under',
      '10',
      ',',
      '99',
      'percent',
    ]);
    expect(texts('twenty five')).toEqual(['25']);
  });
  it('protects quoted words and the words of workbook names, and keeps their numbers as words', () => {
    const tokens = lexUtterance("use 'Ten Acres' for Priory", new Set(['priory']));
    expect(tokens.map((t) => [t.text, t.protected])).toEqual([
      ['use', false],
      ['ten', true],
      ['acres', true],
      ['for', false],
      ['priory', true],
    ]);
  });
});

describe('keywordCost: spelling is read against the keyword being tried', () => {
  const tok = (text: string, protectedWords?: ReadonlySet<string>) => lexUtterance(text, protectedWords)[0];
  it.each([
    ['thershold', 'threshold'],
    ['supress', 'suppress'],
    ['secondry', 'secondary'],
    ['rnu', 'run'],
    ['hlep', 'help'],
    ['shw', 'show'],
    ['lsit', 'list'],
    ['monhts', 'months'],
  ])('reads %s as %s', (typed, keyword) => {
    expect(keywordCost(tok(typed), keyword)).toBeGreaterThan(0);
  });
  it.each([
    ['data', 'date', 'a word of its own'],
    ['rate', 'date', 'a word of its own'],
    ['priory', 'primary', 'two edits'],
    ['sun', 'run', 'a short word with a different letter'],
    ['mall', 'hall', 'a different first letter'],
  ])('does not read %s as %s (%s)', (typed, keyword) => {
    expect(keywordCost(tok(typed), keyword)).toBeUndefined();
  });
  it('never respells a word of a workbook name', () => {
    expect(keywordCost(tok('secondry'), 'secondary')).toBeGreaterThan(0);
    expect(keywordCost(tok('secondry', new Set(['secondry'])), 'secondary')).toBeUndefined();
  });
});

describe('combinators', () => {
  it('lit reads phrases, slips, meaningless words before them and inside them', () => {
    expect(hits(lit('set dates to|hide'), 'please set the dates to')).toEqual([['set dates to', 5, 0]]);
    expect(hits(lit('suppress|hide'), 'supress')).toEqual([['suppress', 1, 0.4]]);
    expect(hits(lit('suppress'), 'and suppress')).toEqual([]);
  });
  it('seq keeps the cheapest reading per end; opt adds reading nothing; alt takes every alternative', () => {
    const parser = seq(lit('round'), opt(lit('counts')), num());
    expect(hits(parser, 'round counts 5')).toEqual([[['round', 'counts', 5], 3, 0]]);
    expect(hits(parser, 'round 5')).toEqual([[['round', undefined, 5], 2, 0]]);
    expect(hits(alt(lit('top'), lit('top group')), 'top group')).toEqual([
      ['top', 1, 0],
      ['top group', 2, 0],
    ]);
  });
  it('map transforms values and rejects with undefined', () => {
    const even = map(num(), (n) => (n % 2 === 0 ? n : undefined));
    expect(hits(even, '4')).toEqual([[4, 1, 0]]);
    expect(hits(even, '5')).toEqual([]);
  });
  it('many reads lists with separators', () => {
    const list = many(
      map(num(), (n) => n),
      lit(',|and'),
    );
    expect(hits(list, '1, 2 and 3').map(([value, end]) => [value, end])).toEqual([
      [[1], 1],
      [[1, 2], 3],
      [[1, 2, 3], 5],
    ]);
  });
  it('span takes a quoted name whole and alone', () => {
    expect(hits(span(5), "'VRU Schools 2020' now").map(([value, end]) => [value.typed, end])).toEqual([
      ['VRU Schools 2020', 3],
    ]);
  });
});

describe('names checked against the workbook', () => {
  it('rates how typed words fit the names', () => {
    expect(nameFit(LEXICON, 'ward', 'castle and priory')).toBe('exact');
    expect(nameFit(LEXICON, 'school', 'park hall')).toBe('words');
    expect(nameFit(LEXICON, 'sheet', '2019')).toBe('words');
    expect(nameFit(LEXICON, 'ward', 'email it to clare')).toBe('none');
  });
  it("reads 'and' inside a name only when the name is the workbook's", () => {
    const ward = nameOf(['ward']);
    expect(hits(ward, 'Castle and Priory', LEXICON).map(([value, end]) => [value.typed, end])).toContainEqual([
      'Castle and Priory',
      3,
    ]);
    expect(hits(ward, 'Castle and Park Hall', LEXICON).map(([, end]) => end)).not.toContain(5);
  });
});

describe('segment: an utterance as clauses', () => {
  const cmd = (kind: string, value: unknown): Reading => ({
    kind: 'command',
    command: { kind: 'setTopN', topN: Number(value) } as never,
    ...(kind ? {} : {}),
  });
  const rule = (name: string, parser: Parser<Reading>): Rule => ({
    name,
    example: { label: name, utterance: name },
    keywords: [],
    parser,
  });
  const types = rule(
    'types',
    map(
      seq(lit('count'), many(lit('robbery|violence with injury|shoplifting'), lit('and|,'))),
      ([, list]) => ({ kind: 'command', command: { kind: 'setOffenceTypes', types: list } }) as Reading,
    ),
  );
  const top = rule(
    'top',
    map(seq(lit('top'), num()), ([, n]) => cmd('', n)),
  );
  const run = rule(
    'run',
    map(lit('run'), () => ({ kind: 'command', command: { kind: 'run' } }) as Reading),
  );
  const read = (source: string) => {
    const tokens = lexUtterance(source);
    const { clauses, unusedTokens } = segment(makeCtx(tokens, source), [types, top, run]);
    return {
      clauses: clauses.map((clause) =>
        clause.reading.kind === 'command' ? clause.reading.command : clause.reading.kind,
      ),
      unused: unusedTokens.map((i) => tokens[i].text),
    };
  };
  it("reads 'and' inside a list as one clause, and between requests as two", () => {
    expect(read('count violence with injury and robbery').clauses).toEqual([
      { kind: 'setOffenceTypes', types: ['violence with injury', 'robbery'] },
    ]);
    expect(read('count robbery and top 10 then run').clauses).toEqual([
      { kind: 'setOffenceTypes', types: ['robbery'] },
      { kind: 'setTopN', topN: 10 },
      { kind: 'run' },
    ]);
  });
  it('leaves meaningful words it cannot read unused, and skips meaningless ones', () => {
    expect(read('please run it and email Clare')).toEqual({ clauses: [{ kind: 'run' }], unused: ['email', 'clare'] });
  });
});

describe('chrono-node behind the date rules', () => {
  it('has the strict, day-first parsers the rules rely on', () => {
    expect(CHRONO_PARSERS_IN_USE).toBe(7);
  });
  it('reads whole days typed many ways, and nothing relative to today', () => {
    expect(chronoDaysOf('from 1st of April 2022 to 31/03/2023')).toEqual(['1st of April 2022', '31/03/2023']);
    expect(chronoDaysOf('April 1st, 2022')).toEqual(['April 1st, 2022']);
    expect(chronoDaysOf('today, yesterday, last week, 11 to 16')).toEqual([]);
  });
});
