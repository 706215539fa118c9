/** The parser's building blocks, each checked on cases worked by hand. */
import { matchChoice, matchNames } from '../../src/conversation';
import {
  allowedSlips,
  editDistance,
  keywordCost,
  lexUtterance,
  quotedSegments,
  readNumberWords,
  tokenise,
} from '../../src/conversation/parse';
import { commandFromJson, parseUtterance } from '../../src/conversation';

describe('editDistance (optimal string alignment)', () => {
  it.each([
    ['threshold', 'threshold', 0],
    ['thershold', 'threshold', 1], // one swap of neighbours
    ['secondry', 'secondary', 1], // one letter missing
    ['supress', 'suppress', 1],
    ['kitten', 'sitting', 3], // k->s, e->i, +g
    ['', 'abc', 3],
    ['ca', 'abc', 3], // OSA does not edit a substring twice (true Damerau would give 2)
  ])('%s -> %s takes %i edits', (a, b, expected) => {
    expect(editDistance(a, b)).toBe(expected);
    expect(editDistance(b, a)).toBe(expected);
  });

  it('lets short keywords be typed exactly only', () => {
    expect([allowedSlips('top'), allowedSlips('round'), allowedSlips('threshold')]).toEqual([0, 1, 2]);
  });
});

// Spelling is read rule by rule now (issue part 4): a slip is read into a keyword of the rule being
// tried, never into a known word, a protected name, or across a first letter (see grammar.test.ts).
describe('keywordCost (spelling, per keyword)', () => {
  const tok = (text: string) => lexUtterance(text)[0];
  it('reads a mistyped keyword as that keyword, at a cost', () => {
    expect(keywordCost(tok('thershold'), 'threshold')).toBeGreaterThan(0);
    expect(keywordCost(tok('supress'), 'suppress')).toBeGreaterThan(0);
    expect(keywordCost(tok('threshold'), 'threshold')).toBe(0);
  });
  it('leaves short words, known words and numbers alone', () => {
    expect(keywordCost(tok('hall'), 'all')).toBeUndefined(); // 'all' tolerates no slip
    expect(keywordCost(tok('10'), '100')).toBeUndefined();
    expect(keywordCost(tok('data'), 'date')).toBeUndefined(); // 'data' is a word
  });
  it('reads a swap of two letters in a short keyword', () => {
    expect(keywordCost(tok('rnu'), 'run')).toBeGreaterThan(0);
    expect(keywordCost(tok('sun'), 'run')).toBeUndefined();
  });
});

describe('readNumberWords', () => {
  it.each([
    [['ten'], '10', 1],
    [['twenty', 'five', 'schools'], '25', 2],
    [['a', 'hundred'], '100', 2],
    [['one', 'hundred', 'and', 'twenty'], '120', 4],
    [['third'], '3rd', 1],
    [['twenty', 'first'], '21st', 2],
  ])('reads %j as %s', (words, text, used) => {
    expect(readNumberWords(words)).toEqual({ text, words: used });
  });
  it('leaves zero as a word ("hide zero counts" is about zeros)', () => {
    expect(readNumberWords(['zero'])).toBeUndefined();
  });
});

describe('tokenise', () => {
  it('reads a dash between numbers as "to" and keeps ISO dates whole', () => {
    expect(tokenise('Only ages 10-17, from 2023-04-01!').map((t) => t.text)).toEqual([
      'only',
      'ages',
      '10',
      'to',
      '17',
      'from',
      '2023-04-01',
    ]);
  });
  it('drops apostrophes inside words and splits a percent sign', () => {
    expect(tokenise("What's 95% of it").map((t) => t.text)).toEqual(['whats', '95', 'percent', 'of', 'it']);
  });
  it('finds quoted names without taking apostrophes for quotes', () => {
    expect(quotedSegments("use 'St Mary's list' for the pupils' list").map((q) => q.text)).toEqual(["St Mary's list"]);
    expect(quotedSegments('what\'s in "Crimes 2021"?').map((q) => q.text)).toEqual(['Crimes 2021']);
  });
});

describe('lexUtterance', () => {
  it('turns number words into digits and keeps quoted names as typed, protected', () => {
    const tokens = lexUtterance("Supress counts under ten in 'Supress Ten'");
    expect(tokens.map((t) => t.text)).toEqual(['supress', 'counts', 'under', '10', 'in', 'supress', 'ten']);
    expect(tokens.filter((t) => t.protected).map((t) => t.text)).toEqual(['supress', 'ten']);
  });
  it('keeps the punctuation that joins clauses, and reads 14+ and FY21/22', () => {
    expect(lexUtterance('FY21/22, ages 14+').map((t) => t.text)).toEqual([
      'fy',
      '21',
      'to',
      '22',
      ',',
      'ages',
      '14',
      'plus',
    ]);
  });
  it('protects the words of workbook names from respelling', () => {
    expect(lexUtterance('explain Castle and Priory', new Set(['castle', 'priory'])).map((t) => t.protected)).toEqual([
      false,
      true,
      false,
      true,
    ]);
  });
});

describe('matchNames', () => {
  const schools = [
    { name: 'Park Hall Academy', id: '100001' },
    { name: 'Hill Top School', id: '100002' },
    { name: 'Hill Top Academy', id: '100009' },
  ];
  it('finds one by its words, a prefix, or a slip', () => {
    expect(matchNames('park hall', schools)).toEqual({ kind: 'one', item: schools[0] });
    expect(matchNames('park hal', schools)).toEqual({ kind: 'one', item: schools[0] });
    expect(matchNames('100002', schools)).toEqual({ kind: 'one', item: schools[1] });
  });
  it('returns every equally good fit, never one of them silently', () => {
    expect(matchNames('hill top', schools)).toEqual({ kind: 'several', items: [schools[1], schools[2]] });
  });
  it('says when nothing fits, with the nearest names', () => {
    const match = matchNames('Meadow Primary', schools);
    expect(match.kind).toBe('none');
  });
  it('sets aside the words for what kind of thing it is: "Park Hall school" is Park Hall Academy', () => {
    expect(matchNames('Park Hall school', schools)).toEqual({ kind: 'one', item: schools[0] });
  });
  it('never takes a name a word typed contradicts, however alike the rest', () => {
    const named = [{ name: 'Ridgewood High School' }, { name: 'Castle High School' }];
    expect(matchNames('Ridgewood Grammar', named)).toEqual({ kind: 'none', nearest: [named[0]] });
    const headers = [{ name: 'Age at Offence' }, { name: 'Offence Type' }];
    expect(matchNames('Offence Date', headers).kind).toBe('none');
  });
});

describe('matchChoice', () => {
  const choices = [
    { label: 'Crimes 2020', utterance: "use 'Crimes 2020' for offences" },
    { label: 'Crimes 2021', utterance: "use 'Crimes 2021' for offences" },
  ];
  it.each([
    ['Crimes 2021', 1],
    ['crimes 2020', 0],
    ['2021', 1],
    ['the second one', 1],
    ['first', 0],
    ['2', 1],
    ['last', 1],
    ["use 'Crimes 2020' for offences", 0],
  ])('reads %j as choice %i', (answer, index) => {
    expect(matchChoice(answer, choices)).toBe(index);
  });
  it('picks nothing when the answer fits several choices or none', () => {
    expect(matchChoice('crimes', choices)).toBeUndefined();
    expect(matchChoice('run the analysis', choices)).toBeUndefined();
  });
  it('does not read a number as a position when the labels hold numbers', () => {
    const numbers = [
      { label: 'Hide counts under 10', utterance: 'suppress counts under 10' },
      { label: 'Top 10 schools', utterance: 'top 10' },
    ];
    expect(matchChoice('10', numbers)).toBeUndefined();
    expect(matchChoice('top', numbers)).toBe(1);
    expect(matchChoice('hide', numbers)).toBe(0);
  });
});

describe('commandFromJson', () => {
  it('reads a command and refuses what is not one, saying the fix', () => {
    expect(commandFromJson('{"kind":"setThreshold","threshold":10}')).toEqual({ kind: 'setThreshold', threshold: 10 });
    expect(commandFromJson('{"kind":"fly"}')).toEqual({
      error: expect.stringMatching(/no known "kind"; the kinds are describe, help, run/),
    });
    expect(commandFromJson('{oops')).toEqual({ error: expect.stringMatching(/not valid JSON/) });
  });
});

describe('parseUtterance on text that is not a request', () => {
  it('refuses very long text quickly instead of searching it', () => {
    const started = Date.now();
    const outcome = parseUtterance('why is '.repeat(2000));
    expect(outcome.kind).toBe('unknown');
    expect(outcome.kind !== 'command' && outcome.text).toMatch(/say one thing at a time/);
    expect(Date.now() - started).toBeLessThan(500);
  });

  it('reads a long but reasonable request without its work blowing up with its length', () => {
    // The first reading compiles the grammar's code; the guard is against work that grows explosively
    // with the words (seconds, not the tens of milliseconds a reading takes), so time the second.
    parseUtterance(`why is ${'Park Hall '.repeat(90)}ranked 3rd?`);
    const started = Date.now();
    parseUtterance(`why is ${'Park Hall '.repeat(90)}ranked 3rd?`);
    expect(Date.now() - started).toBeLessThan(1000);
  });
});
