/** "from April 2022 to March 2023", "2023 only", "since June 2023": the window of offence dates. */
import type { Command } from '../../commands';
import { MONTHS } from '../phrases';
import { understood, type ParseOutcome, type Recogniser } from '../types';

/** A stretch of days named in an utterance: [first, last], ISO; `year` absent when only a month was said. */
interface Period {
  readonly first: { readonly year?: number; readonly month: number; readonly day: number };
  readonly last: { readonly year?: number; readonly month: number; readonly day: number };
  readonly yearOnly: boolean;
}

const MONTH = `(?:${Object.keys(MONTHS).sort((a, b) => b.length - a.length).join('|')})`;
const YEAR = '(?:19[5-9]\\d|20\\d\\d)';
const DAY = '(?:[12]\\d|3[01]|0?[1-9])';

/** Date atoms, most specific first; each is replaced by a placeholder before the forms are read. */
const ATOMS: readonly { readonly pattern: RegExp; readonly read: (m: RegExpExecArray) => Period | undefined }[] = [
  { pattern: /\b(\d{4})-(\d{1,2})-(\d{1,2})\b/g, read: (m) => day(Number(m[1]), Number(m[2]), Number(m[3])) },
  { pattern: /\b(\d{1,2})\/(\d{1,2})\/(\d{2,4})\b/g, read: (m) => day(fullYear(Number(m[3])), Number(m[2]), Number(m[1])) },
  { pattern: new RegExp(`\\b(?:financial year|fin year|fy)\\s+(${YEAR})(?:\\s+to\\s+(\\d{2}|${YEAR}))?\\b`, 'g'), read: (m) => financialYear(Number(m[1]), m[2]) },
  { pattern: new RegExp(`\\b(${YEAR})\\s+to\\s+(\\d{2})\\b(?!\\d)`, 'g'), read: (m) => financialYear(Number(m[1]), m[2]) },
  { pattern: new RegExp(`\\b(${DAY})(?:st|nd|rd|th)?\\s+(?:of\\s+)?(${MONTH})(?:\\s+(${YEAR}))?\\b`, 'g'), read: (m) => day(m[3] ? Number(m[3]) : undefined, MONTHS[m[2]], Number(m[1])) },
  { pattern: new RegExp(`\\b(${MONTH})\\s+(${DAY})(?:st|nd|rd|th)?(?:\\s+(${YEAR}))?\\b(?!\\d)`, 'g'), read: (m) => day(m[3] ? Number(m[3]) : undefined, MONTHS[m[1]], Number(m[2])) },
  { pattern: new RegExp(`\\b(${MONTH})(?:\\s+(${YEAR}))?\\b`, 'g'), read: (m) => month(m[2] ? Number(m[2]) : undefined, MONTHS[m[1]]) },
  { pattern: new RegExp(`\\b(${YEAR})\\b`, 'g'), read: (m) => ({ first: { year: Number(m[1]), month: 1, day: 1 }, last: { year: Number(m[1]), month: 12, day: 31 }, yearOnly: true }) },
];

function fullYear(year: number): number {
  return year < 100 ? 2000 + year : year;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function day(year: number | undefined, month: number, dayOfMonth: number): Period | undefined {
  if (month < 1 || month > 12 || dayOfMonth < 1 || dayOfMonth > daysInMonth(year ?? 2000, month)) return undefined;
  const point = { ...(year !== undefined ? { year } : {}), month, day: dayOfMonth };
  return { first: point, last: point, yearOnly: false };
}

function month(year: number | undefined, monthNumber: number): Period {
  const lastDay = daysInMonth(year ?? 2001, monthNumber);
  const y = year !== undefined ? { year } : {};
  return { first: { ...y, month: monthNumber, day: 1 }, last: { ...y, month: monthNumber, day: lastDay }, yearOnly: false };
}

/** The UK financial year starting 1 April of `start` ("2023-24"); undefined when the second year does not follow. */
function financialYear(start: number, second: string | undefined): Period | undefined {
  if (second !== undefined && Number(second) % 100 !== (start + 1) % 100) return undefined;
  return { first: { year: start, month: 4, day: 1 }, last: { year: start + 1, month: 3, day: 31 }, yearOnly: false };
}

const iso = (p: { year?: number; month: number; day: number }): string =>
  `${String(p.year).padStart(4, '0')}-${String(p.month).padStart(2, '0')}-${String(p.day).padStart(2, '0')}`;

function shiftDay(text: string, days: number): string {
  const date = new Date(`${text}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/**
 * Fills a missing year from the other end: "from April to June 2023" starts in 2023; "from October
 * to March 2024" starts in 2023 (October comes after March); "from October 2023 to March" ends in 2024.
 */
function withYears(start: Period, end: Period): [Period, Period] | undefined {
  const setYear = (period: Period, year: number): Period => ({ ...period, first: { ...period.first, year }, last: { ...period.last, year } });
  const startYear = start.first.year;
  const endYear = end.last.year;
  if (startYear !== undefined && endYear !== undefined) return [start, end];
  if (startYear === undefined && endYear === undefined) return undefined;
  if (startYear === undefined) return [setYear(start, start.first.month > end.first.month ? (endYear as number) - 1 : (endYear as number)), end];
  return [start, setYear(end, end.first.month < start.first.month ? startYear + 1 : startYear)];
}

const askForYear = (): ParseOutcome => ({
  kind: 'unknown',
  text: "Which year? Say the year too, e.g. 'from April 2022 to March 2023'.",
  choices: [{ label: 'From April 2022 to March 2023', utterance: 'from April 2022 to March 2023' }],
});

const ALL_DATES = /\b(?:all|any|every|no|clear|remove|drop|reset)(?: the| of the)? (?:dates?|time|periods?|date (?:limits?|filters?|window|range|restrictions?)|time (?:limits?|window))\b|\bwhole period\b|\ball time\b/;

export const datesRecogniser: Recogniser = {
  name: 'dates',
  keywords: ['from', 'between', 'since', 'until', 'before', 'after', 'only', 'dates', 'date', 'period', 'financial', 'year', ...Object.keys(MONTHS).filter((name) => name.length > 3)],
  example: { label: 'From April 2022 to March 2023', utterance: 'from April 2022 to March 2023' },
  recognise: (u) => {
    const atoms: Period[] = [];
    let skeleton = u.text;
    for (const { pattern, read } of ATOMS) {
      skeleton = skeleton.replace(pattern, (...args) => {
        const match = args.slice(0, -2) as unknown as RegExpExecArray;
        const period = read(match);
        if (!period) return match[0];
        atoms.push(period);
        return ` @${atoms.length - 1}@ `;
      });
    }
    skeleton = skeleton.replace(/\s+/g, ' ').trim();
    if (atoms.length === 0) return ALL_DATES.test(u.text) ? understood({ kind: 'setDates', from: null, to: null }) : undefined;

    const range = /(?:between|from)?\s*@(\d+)@\s*(?:and|to|until|till|through|thru)\s*@(\d+)@/.exec(skeleton);
    if (range) {
      const [start, end] = [atoms[Number(range[1])], atoms[Number(range[2])]];
      const filled = withYears(start, end);
      if (!filled) return askForYear();
      const [first, last] = filled;
      if (first.yearOnly && last.yearOnly && (last.first.year as number) === (first.first.year as number) + 1 && !/\b(?:from|between)\b/.test(skeleton)) {
        const y = first.first.year as number;
        return {
          kind: 'question',
          text: `Calendar years ${y} and ${y + 1}, or the financial year ${y}-${String((y + 1) % 100).padStart(2, '0')} (April to March)?`,
          choices: [
            { label: `January ${y} to December ${y + 1}`, utterance: `from January ${y} to December ${y + 1}` },
            { label: `Financial year ${y}-${String((y + 1) % 100).padStart(2, '0')}`, utterance: `financial year ${y}-${String((y + 1) % 100).padStart(2, '0')}` },
          ],
        };
      }
      const from = iso(first.first);
      const to = iso(last.last);
      return understood(from <= to ? { kind: 'setDates', from, to } : { kind: 'setDates', from: iso(last.first), to: iso(first.last) });
    }
    const single = atoms[0];
    if (single.first.year === undefined) return askForYear();
    const only = Number(/@(\d+)@/.exec(skeleton)?.[1] ?? 0);
    const period = atoms[only];
    const before = new RegExp(`\\b(?:until|till|to|up to|upto|by|ending|end of|on or before|no later than)\\s*@${only}@`).exec(skeleton);
    const beforeStrict = new RegExp(`\\bbefore\\s*@${only}@`).exec(skeleton);
    const after = new RegExp(`\\b(?:since|from|starting|beginning|on or after|no earlier than|onwards from)\\s*@${only}@|@${only}@\\s*(?:onwards|on|and later|or later)\\b`).exec(skeleton);
    const afterStrict = new RegExp(`\\bafter\\s*@${only}@`).exec(skeleton);
    let command: Command;
    if (after) command = { kind: 'setDates', from: iso(period.first) };
    else if (afterStrict) command = { kind: 'setDates', from: shiftDay(iso(period.last), 1) };
    else if (before) command = { kind: 'setDates', to: iso(period.last) };
    else if (beforeStrict) command = { kind: 'setDates', to: shiftDay(iso(period.first), -1) };
    else command = { kind: 'setDates', from: iso(period.first), to: iso(period.last) };
    return understood(command);
  },
};
