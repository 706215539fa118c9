/**
 * The window of offence dates: "from April 2022 to March 2023", "since Sept 2020", "up to the end
 * of March 2023", "2023 only", "FY 21/22" (financial years run April–March; '2021/22' and
 * '2021-22' are financial years too), "academic yr 21-22" (September–August), "Q1 of FY 22/23",
 * "calendar year 2022", "the last 12 months" (relative to the data: the 12 months to the last
 * offence in the sheet, never the clock, so a replay is exact), "all dates".
 *
 * Days and months typed in full ('1st of April 2022', '01/09/2021', 'April 1st, 2022') are read by
 * chrono-node (its strict British parsers: day first, no words relative to today); months, years and
 * the periods above by the rules here, which also read slips ('Apirl', 'Febuary').
 */
import * as chrono from 'chrono-node';
import type { RelativePeriod } from '../../commands';
import { alt, lit, map, num, opt, ordinalNumber, seq, type Ctx, type Hit, type Parser } from '../grammar/combinators';
import { command, question, type Reading, type Rule } from '../grammar/rule';
import { MONTHS } from '../phrases';
import { isoDay } from '../../../core/isoDay';

/** A day; `y` absent when the year was not said. */
interface Day {
  readonly y?: number;
  readonly m: number;
  readonly d: number;
}

/** A stretch of days named in an utterance. */
interface Period {
  readonly first: Day;
  readonly last: Day;
  /** A bare calendar year ('2023'). */
  readonly yearOnly?: boolean;
}

const daysIn = (y: number, m: number): number => new Date(Date.UTC(y, m, 0)).getUTCDate();
const iso = (day: Day): string =>
  `${String(day.y).padStart(4, '0')}-${String(day.m).padStart(2, '0')}-${String(day.d).padStart(2, '0')}`;
function shift(text: string, days: number): string {
  const date = new Date(`${text}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return isoDay(date);
}
const withYear = (day: Day, y: number): Day => ({ ...day, y, d: Math.min(day.d, daysIn(y, day.m)) });

function monthPeriod(m: number, y?: number): Period {
  const last = daysIn(y ?? 2001, m);
  return { first: { y, m, d: 1 }, last: { y, m, d: last } };
}
function yearPeriod(y: number): Period {
  return { first: { y, m: 1, d: 1 }, last: { y, m: 12, d: 31 }, yearOnly: true };
}
/** The financial year starting 1 April of `start`. */
function financialYear(start: number): Period {
  return { first: { y: start, m: 4, d: 1 }, last: { y: start + 1, m: 3, d: 31 } };
}
/** The academic year starting 1 September of `start`. */
function academicYear(start: number): Period {
  return { first: { y: start, m: 9, d: 1 }, last: { y: start + 1, m: 8, d: 31 } };
}
/** Months `from`..`to` (1-based, `to` may pass 12 into the next year) from a start year. */
function months(startYear: number, from: number, count: number): Period {
  const firstMonth = ((from - 1) % 12) + 1;
  const firstYear = startYear + Math.floor((from - 1) / 12);
  const lastIndex = from - 1 + count - 1;
  const lastMonth = (lastIndex % 12) + 1;
  const lastYear = startYear + Math.floor(lastIndex / 12);
  return {
    first: { y: firstYear, m: firstMonth, d: 1 },
    last: { y: lastYear, m: lastMonth, d: daysIn(lastYear, lastMonth) },
  };
}

// ───────────────────────────── atoms

const MONTH_NAMES = Object.keys(MONTHS)
  .sort((a, b) => b.length - a.length)
  .join('|');
const month: Parser<number> = map(lit(MONTH_NAMES), (name) => MONTHS[name]);
/** A month that may also be a word ('may', 'march', 'jan'...): only where a date is expected. */
const YEAR = num({ min: 1990, max: 2099, whole: true });
const SHORT_YEAR = num({ min: 0, max: 99, whole: true });
/** A year in four digits, or two ('21' is 2021). */
const anyYear: Parser<number> = alt(
  YEAR,
  map(
    SHORT_YEAR,
    (y) => 2000 + y,
    () => 0.1,
  ),
);
const TO = lit('to|-|and|until|till|through|thru');

/** Two consecutive years ('2021/22', '21-22', '2021 to 2022'): the first. */
const yearPair: Parser<number> = map(seq(anyYear, TO, anyYear), ([a, , b]) =>
  b % 100 === (a + 1) % 100 ? a : undefined,
);

/** chrono-node, strict and day first, with only the parsers of whole dates and no merging of ranges. */
const CHRONO_PARSERS = new Set([
  'ENYearMonthDayParser',
  'ISOFormatParser',
  'SlashDateFormatParser',
  'ENMonthNameLittleEndianParser',
  'ENMonthNameMiddleEndianParser',
  'ENSlashMonthFormatParser',
  'ENYearMonthNameParser',
]);
const chronoDates = (() => {
  const configuration = chrono.en.configuration.createConfiguration(true, true);
  configuration.parsers = configuration.parsers.filter((parser) => CHRONO_PARSERS.has(parser.constructor.name));
  configuration.refiners = configuration.refiners.filter(
    (refiner) => !/Merge(?:DateRange|DateTime|Relative)/.test(refiner.constructor.name),
  );
  return new chrono.Chrono(configuration);
})();

/** How many of chrono's parsers are in use (checked by a test, so a chrono upgrade that renames them is noticed). */
export const CHRONO_PARSERS_IN_USE = CHRONO_PARSERS.size;

const CHRONO_KEY = {};
/** Days chrono finds in the utterance, by the token each starts at. */
function chronoDays(ctx: Ctx): Map<number, Hit<Period>[]> {
  const cached = ctx.cache.get(CHRONO_KEY) as Map<number, Hit<Period>[]> | undefined;
  if (cached) return cached;
  const found = new Map<number, Hit<Period>[]>();
  for (const result of chronoDates.parse(ctx.source, new Date(Date.UTC(2000, 0, 1)))) {
    if (!result.start.isCertain('month') || !result.start.isCertain('day')) continue;
    const from = ctx.tokens.findIndex((t) => t.start >= result.index);
    if (from < 0) continue;
    let to = from;
    while (to < ctx.tokens.length && ctx.tokens[to].end <= result.index + result.text.length) to += 1;
    if (to === from) continue;
    const y = result.start.isCertain('year') ? (result.start.get('year') ?? undefined) : undefined;
    const day: Day = {
      ...(y !== undefined ? { y } : {}),
      m: result.start.get('month') as number,
      d: result.start.get('day') as number,
    };
    found.set(from, [...(found.get(from) ?? []), { value: { first: day, last: day }, end: to, cost: 0 }]);
  }
  ctx.cache.set(CHRONO_KEY, found);
  return found;
}
const chronoDay: Parser<Period> = (ctx, at) => {
  const days = chronoDays(ctx);
  // Meaningless words may come first ('the 4th of July'): chrono reads from the date itself.
  for (let i = at; i < ctx.tokens.length; i++) {
    if (days.has(i)) return days.get(i)!;
    if (!['the', 'on'].includes(ctx.tokens[i].text)) break;
  }
  return [];
};

const dayNumber = alt(num({ min: 1, max: 31, whole: true }), ordinalNumber);
const dayAtom: Parser<Period> = alt(
  chronoDay,
  map(seq(dayNumber, opt(lit('of')), month, opt(YEAR)), ([d, , m, y]) =>
    d <= daysIn(y ?? 2000, m) ? { first: { y, m, d }, last: { y, m, d } } : undefined,
  ),
  map(
    seq(month, dayNumber, opt(lit(',')), opt(YEAR)),
    ([m, d, , y]) => (d <= daysIn(y ?? 2000, m) ? { first: { y, m, d }, last: { y, m, d } } : undefined),
    () => 0.2,
  ),
);

const QUARTER_INDEX: Readonly<Record<string, number>> = {
  first: 0,
  '1st': 0,
  second: 1,
  '2nd': 1,
  third: 2,
  '3rd': 2,
  fourth: 3,
  '4th': 3,
  last: 3,
  final: 3,
};
const SEASONS: Readonly<Record<string, [number, number]>> = {
  spring: [3, 3],
  summer: [6, 3],
  autumn: [9, 3],
  fall: [9, 3],
  winter: [12, 3],
};

/** The atoms of a date window, most specific first. */
const period: Parser<Period> = alt<Period>(
  dayAtom,
  map(
    seq(lit('financial year|financial yr|fin year|fiscal year|fy|f y|finance year'), opt(lit('of')), yearPair),
    ([, , y]) => financialYear(y),
  ),
  map(
    seq(lit('financial year|financial yr|fin year|fiscal year|fy'), opt(lit('of|starting|beginning')), anyYear),
    ([, , y]) => financialYear(y),
    () => 0.3,
  ),
  map(seq(yearPair, lit('financial year|fy|fiscal year|financial yr')), ([y]) => financialYear(y)),
  map(
    seq(
      lit('financial year|fiscal year|year|fy|12 months|twelve months'),
      lit('ending|ended|to|ending in|end'),
      opt(lit('in')),
      month,
      anyYear,
    ),
    ([, , , m, y]) => months(y - 1, m + 1, 12),
  ),
  map(
    seq(lit('academic year|academic yr|academic|school year|school yr|ay|a y'), opt(lit('of')), yearPair),
    ([, , y]) => academicYear(y),
  ),
  map(
    seq(lit('academic year|academic|school year|ay'), opt(lit('of|starting')), anyYear),
    ([, , y]) => academicYear(y),
    () => 0.3,
  ),
  map(seq(yearPair, lit('academic year|school year|academic yr|academic')), ([y]) => academicYear(y)),
  // A pair of years with a two-digit second ('2021/22', '2021-22'): the financial year.
  map(seq(YEAR, TO, SHORT_YEAR), ([a, , b]) => (b === (a + 1) % 100 ? financialYear(a) : undefined)),
  map(
    seq(
      lit('q|quarter'),
      num({ min: 1, max: 4, whole: true }),
      opt(lit('of|in')),
      lit('financial year|fy|fiscal year|fin year'),
      yearPair,
    ),
    ([, q, , , y]) => months(y, 4 + (q - 1) * 3, 3),
  ),
  map(seq(lit('q|quarter'), num({ min: 1, max: 4, whole: true }), opt(lit('of|in')), YEAR), ([, q, , y]) =>
    months(y, 1 + (q - 1) * 3, 3),
  ),
  map(
    seq(
      lit('first|second|third|fourth|last|final|1st|2nd|3rd|4th'),
      lit('quarter'),
      opt(lit('of|in')),
      lit('financial year|fy|fiscal year'),
      yearPair,
    ),
    ([which, , , , y]) => months(y, 4 + QUARTER_INDEX[which] * 3, 3),
  ),
  map(seq(lit('first half|1st half|h1|first six months|first 6 months'), opt(lit('of|in')), YEAR), ([, , y]) =>
    months(y, 1, 6),
  ),
  map(seq(lit('second half|2nd half|h2|last six months|last 6 months'), opt(lit('of|in')), YEAR), ([, , y]) =>
    months(y, 7, 6),
  ),
  map(seq(lit('calendar year|calendar yr|calendar|year'), YEAR), ([, y]) => yearPeriod(y)),
  map(seq(YEAR, lit('calendar year|calendar')), ([y]) => yearPeriod(y)),
  map(seq(lit('spring|summer|autumn|fall|winter'), opt(lit('of|in')), YEAR), ([season, , y]) =>
    months(y, SEASONS[season][0], SEASONS[season][1]),
  ),
  map(seq(lit('end of|the end of|close of'), month, opt(YEAR)), ([, m, y]) => ({
    first: { y, m, d: daysIn(y ?? 2001, m) },
    last: { y, m, d: daysIn(y ?? 2001, m) },
  })),
  map(seq(lit('start of|beginning of|the start of|the beginning of'), month, opt(YEAR)), ([, m, y]) => ({
    first: { y, m, d: 1 },
    last: { y, m, d: 1 },
  })),
  map(seq(lit('end of|the end of'), YEAR), ([, y]) => ({ first: { y, m: 12, d: 31 }, last: { y, m: 12, d: 31 } })),
  map(seq(lit('start of|beginning of'), YEAR), ([, y]) => ({ first: { y, m: 1, d: 1 }, last: { y, m: 1, d: 1 } })),
  map(seq(month, opt(lit('of|in|,')), YEAR), ([m, , y]) => monthPeriod(m, y)),
  map(
    month,
    (m) => monthPeriod(m),
    () => 0.2,
  ),
  map(YEAR, (y) => yearPeriod(y)),
);

// ───────────────────────────── windows

/**
 * Fills a missing year from the other end: "from April to June 2023" starts in 2023; "from October
 * to March 2024" starts in 2023 (October comes after March); "from October 2023 to March" ends in 2024.
 */
function withYears(start: Period, end: Period): [Period, Period] | undefined {
  const setYear = (p: Period, y: number): Period => ({ ...p, first: withYear(p.first, y), last: withYear(p.last, y) });
  const startYear = start.first.y;
  const endYear = end.last.y;
  if (startYear !== undefined && endYear !== undefined) return [start, end];
  if (startYear === undefined && endYear === undefined) return undefined;
  if (startYear === undefined)
    return [setYear(start, start.first.m > end.first.m ? (endYear as number) - 1 : (endYear as number)), end];
  return [start, setYear(end, end.first.m < start.first.m ? startYear + 1 : startYear)];
}

const dates = (fields: { from?: string | null; to?: string | null }): Reading =>
  command({ kind: 'setDates', ...fields });
const relative = (relativeToData: RelativePeriod): Reading => command({ kind: 'setDates', relativeToData });

/** "Which year?" for a month said without one, offering the years of the data. */
function askYear(ctx: Ctx, p: Period): Reading {
  const last = ctx.lexicon.offenceDays ? Number(ctx.lexicon.offenceDays.last.slice(0, 4)) : 2023;
  const name = new Date(Date.UTC(2001, p.first.m - 1, 1)).toLocaleDateString('en-GB', {
    month: 'long',
    timeZone: 'UTC',
  });
  return question(
    `Which year? Say the year too, e.g. '${name} ${last}'.`,
    [last, last - 1].map((y) => ({ label: `${name} ${y}`, utterance: `${name} ${y}` })),
    'setDates',
  );
}

function whole(p: Period, ctx: Ctx): Reading {
  if (p.first.y === undefined) return askYear(ctx, p);
  return dates({ from: iso(p.first), to: iso(p.last) });
}

function between(a: Period, b: Period, said: string | undefined): Reading {
  const filled = withYears(a, b);
  if (!filled) {
    return question(
      "Which year? Say the year too, e.g. 'from April 2022 to March 2023'.",
      [{ label: 'From April 2022 to March 2023', utterance: 'from April 2022 to March 2023' }],
      'setDates',
    );
  }
  const [first, last] = filled;
  if (first.yearOnly && last.yearOnly && (last.first.y as number) === (first.first.y as number) + 1 && !said) {
    const y = first.first.y as number;
    const fy = `${y}-${String((y + 1) % 100).padStart(2, '0')}`;
    return question(
      `Calendar years ${y} and ${y + 1}, or the financial year ${fy} (April to March)?`,
      [
        { label: `January ${y} to December ${y + 1}`, utterance: `from January ${y} to December ${y + 1}` },
        { label: `Financial year ${fy}`, utterance: `financial year ${fy}` },
      ],
      'setDates',
    );
  }
  const from = iso(first.first);
  const to = iso(last.last);
  return from <= to ? dates({ from, to }) : dates({ from: iso(last.first), to: iso(first.last) });
}

const FROM = lit(
  'since|from|starting|starting from|starting in|beginning|beginning from|beginning in|on or after|no earlier than|onwards from|as of|effective|commencing|start from|start at|start',
);
const UNTIL = lit(
  'until|till|to|up to|upto|up until|by|ending|ending in|ending on|end|on or before|no later than|through to|as far as|stop at|finishing|finish|finishing in',
);
const LEAD1 = opt(
  lit(
    'only|just|in|during|for|over|within|dates|date window|date range|period|set dates to|use dates|use|set|the dates|count|offences|offences in|offences from|covering|cover|limit to|restrict to|look at|focus on|want|only want|want only|everything|all offences|all crimes|any offences',
  ),
);
const LEAD = map(seq(LEAD1, LEAD1), ([a, b]) => b ?? a ?? '');
const ONLY = opt(lit('only|inclusive|inclusively|just'));

const RELATIVE_UNIT = lit('months|month|years|year|mths');
const RECENT = seq(
  lit('last|past|previous|most recent|latest|recent|final|trailing'),
  opt(lit('full|complete|whole|entire|finished')),
);
const OF_DATA = opt(
  lit(
    'of data|of the data|in the data|of offences|of the offences|available|we have|that we have|in the sheet|of the sheet|of records|of the extract|in the extract',
  ),
);

const ASK_DATES: Reading = question(
  'Which dates? For example the last 12 months of the data, a financial year (April to March), or all dates.',
  [
    { label: 'The last 12 months of the data', utterance: 'the last 12 months' },
    { label: 'Financial year 2022-23', utterance: 'financial year 2022-23' },
    { label: 'All dates', utterance: 'all dates' },
  ],
  'setDates',
);

/** "just the summer": which summer. */
function askSeason(ctx: Ctx, season: string): Reading {
  const last = ctx.lexicon.offenceDays ? Number(ctx.lexicon.offenceDays.last.slice(0, 4)) : 2023;
  const first = ctx.lexicon.offenceDays ? Number(ctx.lexicon.offenceDays.first.slice(0, 4)) : last - 2;
  const years = [];
  for (let y = last; y >= Math.max(first, last - 3); y--) years.push(y);
  const name = season === 'fall' ? 'autumn' : season;
  return question(
    `Which ${name}? Say the year, e.g. '${name} ${last}'.`,
    years.map((y) => ({ label: `${name[0].toUpperCase()}${name.slice(1)} ${y}`, utterance: `${name} ${y}` })),
    'setDates',
  );
}

export const datesRule: Rule = {
  name: 'dates',
  example: { label: 'From April 2022 to March 2023', utterance: 'from April 2022 to March 2023' },
  keywords: ['from', 'since', 'until', 'dates', 'financial', 'year', 'months'],
  parser: alt<Reading>(
    // "set the dates to FY 22/23", "dates: 2022": the window is the period.
    map(
      seq(
        opt(lit('set|change|make|put|switch|limit|restrict')),
        lit('dates|date window|date range|period|date|time period|window'),
        lit('to|=|:|is|as|should be|for|of|to be'),
        period,
        ONLY,
      ),
      ([, , , p], ctx) => whole(p, ctx),
    ),
    map(
      seq(LEAD, opt(lit('from|between')), period, TO, opt(lit('the end of|end of')), period, ONLY),
      ([, said, a, , , b]) => between(a, b, said),
    ),
    map(
      seq(opt(LEAD), FROM, period, opt(lit('onwards|on|to date|to now|until now|onward|forwards')), ONLY),
      ([, , p], ctx) => (p.first.y === undefined ? askYear(ctx, p) : dates({ from: iso(p.first) })),
    ),
    map(seq(LEAD, period, lit('onwards|onward|on|and later|or later|and after|forwards|and since')), ([, p], ctx) =>
      p.first.y === undefined ? askYear(ctx, p) : dates({ from: iso(p.first) }),
    ),
    map(seq(opt(LEAD), lit('after|later than'), period), ([, , p], ctx) =>
      p.last.y === undefined ? askYear(ctx, p) : dates({ from: shift(iso(p.last), 1) }),
    ),
    map(seq(opt(LEAD), UNTIL, opt(lit('the end of|end of')), period, ONLY), ([, , , p], ctx) =>
      p.last.y === undefined ? askYear(ctx, p) : dates({ to: iso(p.last) }),
    ),
    map(seq(opt(LEAD), lit('before|earlier than|prior to'), period), ([, , p], ctx) =>
      p.first.y === undefined ? askYear(ctx, p) : dates({ to: shift(iso(p.first), -1) }),
    ),
    map(seq(LEAD, period, ONLY), ([, p], ctx) => whole(p, ctx)),
    // Relative to the data, never to the clock.
    map(seq(LEAD, RECENT, num({ min: 1, max: 600, whole: true }), RELATIVE_UNIT, OF_DATA, ONLY), ([, , n, unit]) =>
      relative({ months: unit.startsWith('year') ? n * 12 : n }),
    ),
    map(seq(LEAD, RECENT, lit('year|12 months|twelve months'), OF_DATA, ONLY), () => relative({ months: 12 })),
    map(seq(LEAD, RECENT, lit('quarter|3 months|three months'), OF_DATA, ONLY), () => relative({ months: 3 })),
    map(seq(LEAD, RECENT, lit('half year|half|6 months|six months'), OF_DATA, ONLY), () => relative({ months: 6 })),
    map(seq(LEAD, RECENT, lit('financial year|fy|fiscal year|full financial year|complete financial year')), () =>
      relative({ last: 'financialYear' }),
    ),
    map(seq(LEAD, RECENT, lit('academic year|school year|full academic year')), () =>
      relative({ last: 'academicYear' }),
    ),
    map(seq(LEAD, RECENT, lit('calendar year|full year|whole year|complete year|full calendar year')), () =>
      relative({ last: 'calendarYear' }),
    ),
    // Every date.
    map(
      seq(
        lit('all|any|every|no|clear|remove|drop|reset|ignore|lift|without|get rid of|scrap|turn off'),
        opt(lit('of the|the')),
        lit(
          'dates|date|time|periods|period|date limit|date limits|date filter|date filters|date window|date range|date restriction|date restrictions|time limit|time window|time filter|time period|date restriction',
        ),
      ),
      () => dates({ from: null, to: null }),
    ),
    map(
      seq(
        opt(lit('use|count|over|for|across')),
        lit(
          'whole period|all time|full period|entire period|all years|every year|the lot|all the dates|all dates|any date|any time|every date',
        ),
      ),
      () => dates({ from: null, to: null }),
    ),
    map(
      seq(
        lit('dont|do not|no need to|stop'),
        lit('limit|filter|restrict'),
        opt(lit('by|the|on')),
        lit('date|dates|time'),
      ),
      () => dates({ from: null, to: null }),
    ),
    // Not said which.
    map(
      seq(
        lit(
          'change|set|alter|different|new|pick|choose|adjust|update|another|edit|modify|narrow|filter by|limit by|use',
        ),
        opt(lit('different|new|other|another|some')),
        lit('dates|date|date window|date range|period|time period|dates used|time window|date filter'),
      ),
      () => ASK_DATES,
    ),
    map(seq(LEAD, lit('spring|summer|autumn|fall|winter'), opt(lit('months|term|holidays|only'))), ([, season], ctx) =>
      askSeason(ctx, season),
    ),
    map(
      seq(LEAD, RECENT, lit('week|weeks|days|day|few months|while|bit')),
      () => ASK_DATES,
      () => 0.5,
    ),
  ),
};

/** Days typed in full, as chrono-node reads them (for tests). */
export function chronoDaysOf(source: string): string[] {
  return chronoDates
    .parse(source, new Date(Date.UTC(2000, 0, 1)))
    .filter((r) => r.start.isCertain('day'))
    .map((r) => r.text);
}
