/**
 * The age band at offence: "only ages 11 to 16", "10-17 year olds", "under 18s", "14+", "12 and
 * over", "teenagers", "secondary-age kids" (ages, not phases), school years ("Year 7 to Year 11"
 * is ages 11–16: a pupil in Year N is N+4 at its start and N+5 at its end, so the band is an
 * approximation) and key stages ("KS4" is Years 10–11, ages 14–16).
 */
import { alt, lit, map, num, opt, pluralNumber, seq, type Parser } from '../grammar/combinators';
import { command, question, type Reading, type Rule } from '../grammar/rule';

const band = (from: number | null, to: number | null): Reading => command({ kind: 'setAgeBand', from, to });
const AGE = { min: 0, max: 120, whole: true } as const;
const age = alt(num(AGE), pluralNumber);

/** Words for the people whose ages they are. */
// Not 'boys' or 'girls': the analysis cannot count one sex, so those words are left over and asked about.
const PEOPLE_WORDS = lit(
  'children|kids|young people|youngsters|teenagers|teens|juveniles|youths|youth|pupils|offenders|young offenders|people|students|under 18s|minors',
);
/** Not right after 'by': "top 15 by young offenders for 13-17s" names the ranking measure, then the ages. */
const notAfterBy: Parser<undefined> = (ctx, at) =>
  ctx.tokens[at - 1]?.text === 'by' ? [] : [{ value: undefined, end: at, cost: 0 }];
const PEOPLE = map(seq(notAfterBy, PEOPLE_WORDS), ([, words]) => words);
/** Words for an age: 'ages', 'aged', 'age band'. */
const AGE_WORD = seq(
  lit('age|ages|aged|age band|age range|age group|age bands'),
  opt(lit('band|range|group|of|between|from|to|is|=|:|should be|set to')),
);
/** After a number: 'year olds', 'years old', 'yos'. */
const OLDS = lit('year olds|year old|yr olds|yr old|years old|years of age|yos|yo|y o|y os|olds');
const INCLUSIVE = opt(lit('inclusive|inclusively|including both|both included|only|please'));
const ONLY = opt(
  seq(
    lit(
      'only|just|in|for|set|change|change to|use|count|counting|restrict to|limit to|focus on|only count|count only|just count|count just|make|alter|adjust|update|switch|switch to|move|narrow|widen|look at|only look at|include only|only include',
    ),
    opt(lit('to|the|it to')),
  ),
);
const TO = lit('to|and|through|thru|till|until|upto|up to');

const range: Parser<[number, number]> = map(seq(opt(lit('from|between')), age, TO, age), ([, a, , b]) =>
  a <= 120 && b <= 120 ? ([Math.min(a, b), Math.max(a, b)] as [number, number]) : undefined,
);

/** School years: a pupil in Year N is aged N+4 to N+5 during it. */
const SCHOOL_YEAR = lit('year|years|yr|yrs|y');
const YEAR_NUMBER = alt(
  num({ min: 1, max: 13, whole: true }),
  map(pluralNumber, (n) => (n <= 13 ? n : undefined)),
);
const schoolYears: Parser<[number, number]> = alt(
  map(
    seq(SCHOOL_YEAR, YEAR_NUMBER, TO, opt(SCHOOL_YEAR), YEAR_NUMBER),
    ([, a, , , b]) => [Math.min(a, b) + 4, Math.max(a, b) + 5] as [number, number],
  ),
  map(
    seq(SCHOOL_YEAR, num({ min: 1, max: 13, whole: true })),
    ([, a]) => [a + 4, a + 5] as [number, number],
    () => 0.5,
  ),
);

/** Key stages by their school years. */
const KEY_STAGES: Readonly<Record<number, [number, number]>> = {
  1: [5, 7],
  2: [7, 11],
  3: [11, 14],
  4: [14, 16],
  5: [16, 18],
};
const KS = lit('ks|key stage|keystage');
const keyStages: Parser<[number, number]> = alt(
  map(
    seq(KS, num({ min: 1, max: 5, whole: true }), TO, opt(KS), num({ min: 1, max: 5, whole: true })),
    ([, a, , , b]) => [KEY_STAGES[Math.min(a, b)][0], KEY_STAGES[Math.max(a, b)][1]] as [number, number],
  ),
  map(seq(KS, num({ min: 1, max: 5, whole: true })), ([, a]) => KEY_STAGES[a]),
);

/** Named age groups. */
const NAMED: readonly [string, [number, number]][] = [
  ['secondary age|secondary school age|secondary aged|secondary school aged|high school age', [11, 16]],
  ['primary age|primary school age|primary aged|primary school aged', [4, 11]],
  ['teenagers|teens|teenage|teenaged|teenage children|teenage kids', [13, 19]],
  ['sixth form age|sixth formers|post 16|post-16', [16, 18]],
  ['school age|school aged|compulsory school age', [5, 16]],
];
const named: Parser<[number, number]> = alt(...NAMED.map(([words, ages]) => map(lit(words), () => ages)));

const ASK_BAND: Reading = question(
  'Which ages, at the time of the offence? For example 10–17 (the default), 11–16 (secondary age) or 13–19 (teenagers).',
  [
    { label: 'Ages 10–17', utterance: 'only ages 10 to 17' },
    { label: 'Ages 11–16', utterance: 'only ages 11 to 16' },
    { label: 'Ages 13–19', utterance: 'only ages 13 to 19' },
    { label: 'Ages 10–24', utterance: 'only ages 10 to 24' },
  ],
  'setAgeBand',
);

export const ageBandRule: Rule = {
  name: 'age band',
  example: { label: 'Only ages 11 to 16', utterance: 'only ages 11 to 16' },
  keywords: ['age', 'ages', 'aged', 'olds', 'under', 'over', 'year'],
  parser: alt<Reading>(
    // Ranges with an age word or people around them.
    map(seq(ONLY, opt(PEOPLE), AGE_WORD, range, opt(OLDS), opt(PEOPLE), INCLUSIVE), ([, , , [a, b]]) => band(a, b)),
    map(seq(ONLY, opt(PEOPLE), opt(lit('aged|ages')), range, OLDS, opt(PEOPLE), INCLUSIVE), ([, , , [a, b]]) =>
      band(a, b),
    ),
    map(seq(ONLY, PEOPLE, opt(lit('aged|of|who are|between')), range, opt(OLDS), INCLUSIVE), ([, , , [a, b]]) =>
      band(a, b),
    ),
    // A bare range of ages (a window of years is read by the dates rule; bigger numbers are not ages).
    map(
      seq(ONLY, range, opt(lit('only'))),
      ([, [a, b]]) => (b <= 25 ? band(a, b) : undefined),
      () => 0.3,
    ),
    // School years and key stages.
    map(
      seq(
        ONLY,
        opt(PEOPLE),
        opt(lit('in|from|aged|age')),
        schoolYears,
        opt(PEOPLE),
        opt(lit('age|ages|aged|pupils|only')),
      ),
      ([, , , [a, b]]) => band(a, b),
    ),
    map(seq(ONLY, opt(PEOPLE), keyStages, opt(lit('age|ages|aged|pupils|children|kids|only'))), ([, , [a, b]]) =>
      band(a, b),
    ),
    // Named groups: 'teenagers', 'secondary-age kids'.
    map(seq(ONLY, opt(lit('ages|aged')), named, opt(PEOPLE), opt(lit('only'))), ([, , [a, b]]) => band(a, b)),
    // Under / up to.
    map(
      seq(
        ONLY,
        opt(PEOPLE),
        opt(AGE_WORD),
        lit('under|below|younger than|less than|aged under|aged below'),
        pluralNumber,
        opt(lit('only')),
      ),
      ([, , , , n]) => band(null, n - 1),
    ),
    map(
      seq(ONLY, opt(PEOPLE), AGE_WORD, lit('under|below|younger than|less than'), num(AGE), opt(OLDS)),
      ([, , , , n]) => band(null, n - 1),
    ),
    map(seq(ONLY, PEOPLE, lit('under|below|younger than|less than'), num(AGE), opt(OLDS)), ([, , , n]) =>
      band(null, n - 1),
    ),
    map(
      seq(
        ONLY,
        opt(PEOPLE),
        opt(AGE_WORD),
        lit('up to|upto|at most|no older than|not over|maximum|max|to'),
        age,
        opt(OLDS),
      ),
      ([, , w, , n]) => (w ? band(null, n) : undefined),
    ),
    map(
      seq(ONLY, opt(PEOPLE), opt(AGE_WORD), age, lit('and|or|&'), lit('under|below|younger|less'), opt(PEOPLE)),
      ([, , , n]) => band(null, n),
    ),
    map(
      seq(ONLY, opt(PEOPLE), lit('up to|upto|at most|no older than|not over|aged up to'), AGE_WORD, age),
      ([, , , , n]) => band(null, n),
    ),
    map(seq(ONLY, opt(PEOPLE), lit('up to|upto|at most|no older than|not over|aged up to'), age, OLDS), ([, , , n]) =>
      band(null, n),
    ),
    // Over / from.
    map(
      seq(
        ONLY,
        opt(PEOPLE),
        opt(AGE_WORD),
        lit('over|above|older than|more than|aged over'),
        pluralNumber,
        opt(lit('only')),
      ),
      ([, , , , n]) => band(n + 1, null),
    ),
    map(seq(ONLY, opt(PEOPLE), AGE_WORD, lit('over|above|older than|more than'), num(AGE), opt(OLDS)), ([, , , , n]) =>
      band(n + 1, null),
    ),
    map(seq(ONLY, PEOPLE, lit('over|above|older than|more than'), num(AGE), opt(OLDS)), ([, , , n]) =>
      band(n + 1, null),
    ),
    map(
      seq(ONLY, opt(PEOPLE), AGE_WORD, lit('at least|no younger than|from|minimum|min'), age, opt(OLDS)),
      ([, , , , n]) => band(n, null),
    ),
    map(seq(ONLY, opt(PEOPLE), lit('at least|no younger than|aged at least'), age, OLDS), ([, , , n]) => band(n, null)),
    map(seq(ONLY, opt(PEOPLE), lit('at least|no younger than|aged at least'), AGE_WORD, age), ([, , , , n]) =>
      band(n, null),
    ),
    map(
      seq(
        ONLY,
        opt(PEOPLE),
        opt(AGE_WORD),
        age,
        opt(OLDS),
        lit('and|or|&'),
        lit('over|above|older|up|upwards|upward|more|plus'),
      ),
      ([, , , n]) => band(n, null),
    ),
    map(
      seq(ONLY, opt(PEOPLE), opt(AGE_WORD), num(AGE), lit('plus'), opt(OLDS), opt(PEOPLE), opt(lit('only'))),
      ([, , , n]) => band(n, null),
    ),
    // A single age.
    map(
      seq(ONLY, opt(PEOPLE), lit('aged|age|ages'), num({ min: 0, max: 25, whole: true }), opt(lit('only'))),
      ([, , , n]) => band(n, n),
    ),
    map(seq(ONLY, num({ min: 0, max: 25, whole: true }), OLDS, opt(lit('only'))), ([, n]) => band(n, n)),
    // The ages, not said.
    map(
      seq(
        lit('change|set|alter|adjust|pick|choose|different|new|another|update|edit|modify'),
        opt(lit('the')),
        lit('age band|ages|age range|age group|age|age bands|ages used|age limits'),
      ),
      () => ASK_BAND,
    ),
    map(seq(lit('what about|how about'), lit('ages|the ages|age band|the age band')), () => ASK_BAND),
    map(
      seq(
        opt(lit('what about|how about|include|just|only|focus on|look at')),
        lit('older|younger|the older|the younger'),
        PEOPLE,
      ),
      () => ASK_BAND,
    ),
  ),
};
