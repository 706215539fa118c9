import type { CellValue } from '../types';
import { isoDay } from '../isoDay';

const DAY_MS = 86_400_000;

/**
 * No offence in an extract for this analysis is older than this. Records systems in use hold
 * nothing earlier, and a young offender (10–17) of 1990 is over 45 now; what does come out
 * earlier is a date cell holding 0, a negative number or a time alone, which Excel shows as a day
 * in 1899 or 1900.
 */
const EARLIEST_OFFENCE_DAY = Date.UTC(1990, 0, 1);

/** The days a time-only cell falls on: Excel serial 0 is 1899-12-30 to exceljs, 1899-12-31 to readers counting serial 1 as 1900-01-01. */
const SERIAL_ZERO_DAYS: ReadonlySet<number> = new Set([Date.UTC(1899, 11, 30), Date.UTC(1899, 11, 31)]);

const dayOf = (date: Date): number => Math.floor(date.getTime() / DAY_MS) * DAY_MS;

/**
 * The calendar day of the run, as a UTC midnight like every date the engine reads. A given
 * `today` counts by its UTC day; the default is the local calendar day now (an analyst running at
 * 00:30 BST still means that day, not the UTC day before).
 * @example runDay(new Date('2026-12-07T15:30:00Z')) // => 2026-12-07T00:00:00Z
 */
export function runDay(today?: Date): Date {
  if (today) return new Date(dayOf(today));
  const now = new Date();
  return new Date(Date.UTC(now.getFullYear(), now.getMonth(), now.getDate()));
}

/**
 * True when a date cell holds only a time of day: a plain serial between 0 and 1 (exclusive), or
 * a Date on serial 0's day (1899-12-30 or 1899-12-31) that is not midnight.
 * @example isTimeOnly(0.5) // => true (12:00)
 * @example isTimeOnly(new Date(Date.UTC(1899, 11, 30, 12))) // => true
 */
export function isTimeOnly(value: CellValue): boolean {
  if (typeof value === 'number') return value > 0 && value < 1;
  if (!(value instanceof Date) || Number.isNaN(value.getTime())) return false;
  return SERIAL_ZERO_DAYS.has(dayOf(value)) && value.getTime() !== dayOf(value);
}

/**
 * Why a readable offence date cannot be a real one, as the end of a sentence about the cell
 * ('is before 1990', 'is after the run date 2026-12-07'), or undefined when it can. The run day
 * itself is allowed, whatever the time.
 */
export function implausibleDateReason(date: Date, run: Date): string | undefined {
  if (date.getTime() < EARLIEST_OFFENCE_DAY)
    return 'is before 1990, too early to be a real offence date (an empty or zero date cell shows as 1899 or 1900)';
  if (dayOf(date) > dayOf(run)) return `is after the run date ${isoDay(new Date(dayOf(run)))}`;
  return undefined;
}
