import type { CellValue } from '../types';

export interface ParseDateOptions {
  /**
   * Two-digit years below this are read as 20yy, the rest as 19yy. Default 30, Excel's own rule
   * ("00 through 29 are 2000 through 2029; 30 through 99 are 1930 through 1999", Microsoft support,
   * "How Excel works with two-digit year numbers").
   */
  readonly twoDigitYearCutoff?: number;
}

const DAY_MS = 86_400_000;
/** Largest serial Excel accepts: 31 December 9999. */
const MAX_SERIAL = 2_958_465;

const MONTHS: Readonly<Record<string, number>> = {
  jan: 1,
  january: 1,
  feb: 2,
  february: 2,
  mar: 3,
  march: 3,
  apr: 4,
  april: 4,
  may: 5,
  jun: 6,
  june: 6,
  jul: 7,
  july: 7,
  aug: 8,
  august: 8,
  sep: 9,
  sept: 9,
  september: 9,
  oct: 10,
  october: 10,
  nov: 11,
  november: 11,
  dec: 12,
  december: 12,
};

const TIME = String.raw`(?:[T\s]+(\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3})\d*)?)?)?`;
const ISO = new RegExp(String.raw`^(\d{4})([-/])(\d{1,2})\2(\d{1,2})${TIME}\s*(Z|[+-]\d{2}:?\d{2})?$`, 'i');
const UK = new RegExp(String.raw`^(\d{1,2})([/.-])(\d{1,2})\2(\d{4}|\d{2})${TIME}$`);
const DAY_MONTH_NAME = new RegExp(
  String.raw`^(\d{1,2})(?:st|nd|rd|th)?[\s-]+([a-z]{3,9})\.?,?[\s-]+(\d{4}|\d{2})${TIME}$`,
  'i',
);
const MONTH_NAME_DAY = new RegExp(String.raw`^([a-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})${TIME}$`, 'i');
const COMPACT = /^(\d{4})(\d{2})(\d{2})$/;
const SERIAL_TEXT = /^\d{5}(?:\.\d+)?$/;

/** A UTC date-time from its parts, or undefined when any part is out of range (31/02, 25:00). */
function fromParts(
  year: number,
  month: number,
  day: number,
  hour = 0,
  minute = 0,
  second = 0,
  millisecond = 0,
): Date | undefined {
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 59) return undefined;
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  date.setUTCHours(hour, minute, second, millisecond);
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  return date;
}

const timeParts = (match: RegExpExecArray, first: number): number[] =>
  [match[first], match[first + 1], match[first + 2], match[first + 3]].map((part, index) =>
    part === undefined ? 0 : index === 3 ? Number(part.padEnd(3, '0')) : Number(part),
  );

/**
 * A date from an Excel serial number in the 1900 date system. Serial 1 is 1 January 1900. Excel
 * counts a 29 February 1900 that never was (kept from Lotus 1-2-3; Microsoft support, "Excel
 * incorrectly assumes that the year 1900 is a leap year"), so serial 60 names no real day and is
 * rejected, and every serial from 61 on is one day ahead: serial 61 = 1 March 1900. The fraction is
 * the time of day, rounded to the second.
 * @example excelSerialToDate(44197) // => 2021-01-01T00:00:00Z
 *   44197 > 60, so 44196 days after 1899-12-31; 1899-12-31 is 25568 days before 1970-01-01, leaving
 *   18628 days after 1970-01-01 = 51 × 365 + 13 leap days (1972…2020) = 1 January 2021.
 */
export function excelSerialToDate(serial: number): Date | undefined {
  if (!Number.isFinite(serial) || serial < 1 || serial >= MAX_SERIAL + 1) return undefined;
  const day = Math.floor(serial);
  if (day === 60) return undefined;
  const daysAfter1899Dec31 = day < 60 ? day : day - 1;
  const secondsOfDay = Math.round((serial - day) * 86_400);
  // 1899-12-31 is 25568 days before 1970-01-01.
  return new Date((daysAfter1899Dec31 - 25_568) * DAY_MS + secondsOfDay * 1000);
}

/**
 * A date from a cell, as a UTC `Date` (a date with no time is midnight UTC), or undefined.
 *
 * Read: `Date` objects (copied); Excel serial numbers (see `excelSerialToDate`), also as five-digit
 * text; ISO `yyyy-mm-dd` or `yyyy/mm/dd` with an optional time and zone; UK day-first
 * `dd/mm/yyyy`, `dd-mm-yyyy`, `dd.mm.yyyy` and `dd/mm/yy` with an optional time; `1 Mar 2021`,
 * `1st March 2021`, `01-Mar-21`, `March 1, 2021`; compact `yyyymmdd`. Numeric day-month forms are
 * always day first, the UK convention, so `03/04/2021` is 3 April. Impossible dates (31/02/2021,
 * month 13) are rejected, never rolled over.
 * @example parseDate('31/01/2021') // => 2021-01-31T00:00:00.000Z
 * @example parseDate('31/02/2021') // => undefined
 */
export function parseDate(value: CellValue, options: ParseDateOptions = {}): Date | undefined {
  const { twoDigitYearCutoff = 30 } = options;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : new Date(value.getTime());
  if (typeof value === 'number') return excelSerialToDate(value);
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  if (text === '') return undefined;
  const fullYear = (yearText: string): number => {
    const year = Number(yearText);
    if (yearText.length !== 2) return year;
    return year < twoDigitYearCutoff ? 2000 + year : 1900 + year;
  };

  let match = ISO.exec(text);
  if (match) {
    const [hour, minute, second, millisecond] = timeParts(match, 5);
    const local = fromParts(Number(match[1]), Number(match[3]), Number(match[4]), hour, minute, second, millisecond);
    const zone = match[9];
    if (!local || !zone || zone.toUpperCase() === 'Z') return local;
    const sign = zone[0] === '-' ? -1 : 1;
    const digits = zone.slice(1).replace(':', '');
    const offsetMinutes = sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2)));
    return new Date(local.getTime() - offsetMinutes * 60_000);
  }
  match = UK.exec(text);
  if (match) {
    const [hour, minute, second, millisecond] = timeParts(match, 5);
    return fromParts(fullYear(match[4]), Number(match[3]), Number(match[1]), hour, minute, second, millisecond);
  }
  match = DAY_MONTH_NAME.exec(text);
  if (match) {
    const month = MONTHS[match[2].toLowerCase()];
    const [hour, minute, second, millisecond] = timeParts(match, 4);
    return month === undefined
      ? undefined
      : fromParts(fullYear(match[3]), month, Number(match[1]), hour, minute, second, millisecond);
  }
  match = MONTH_NAME_DAY.exec(text);
  if (match) {
    const month = MONTHS[match[1].toLowerCase()];
    const [hour, minute, second, millisecond] = timeParts(match, 4);
    return month === undefined
      ? undefined
      : fromParts(Number(match[3]), month, Number(match[2]), hour, minute, second, millisecond);
  }
  match = COMPACT.exec(text);
  if (match) return fromParts(Number(match[1]), Number(match[2]), Number(match[3]));
  if (SERIAL_TEXT.test(text)) return excelSerialToDate(Number(text));
  return undefined;
}
