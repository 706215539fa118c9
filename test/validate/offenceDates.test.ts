import { mapColumns } from '../../src/core/schema';
import type { CellValue } from '../../src/core/types';
import {
  excelSerialToDate,
  implausibleDateReason,
  isTimeOnly,
  runDay,
  validateOffences,
} from '../../src/core/validate';
import { sheetOf } from './helpers';

/**
 * Offence dates no real extract has. exceljs hands date-formatted cells over as Dates counted from
 * 1899-12-30 (serial s = 1899-12-30 + s days, right for every serial from 61 on); plain numbers are
 * Excel serials read by `excelSerialToDate`. The Dates below are worked out by hand:
 *   serial 0   -> 1899-12-30 (1899-12-31 to a reader counting serial 1 as 1900-01-01)
 *   serial −1  -> 1899-12-29
 *   serial 60  -> 1899-12-30 + 60 days = 1900-02-28 (Excel's fictitious 29 February 1900;
 *                 Date.UTC(1900, 1, 29) rolls over to 1900-03-01)
 *   serial 0.5 -> 1899-12-30 12:00 (a time with no date)
 *   serial 2958466 -> 1899-12-30 + 2958466 days = 10000-01-01 (one past Excel's last day, 9999-12-31)
 * Serials of the run-date boundary: 1899-12-30 to 1970-01-01 is 25569 days; 1970-01-01 to
 * 2026-01-01 is 56 × 365 + 14 leap days (1972…2024) = 20454; to 7 December is 334 + 6 = 340 more:
 * 25569 + 20454 + 340 = 46363 = 2026-12-07. And 1990-01-01 = 25569 + 20 × 365 + 5 leap days (1972…1988) = 32874.
 */

const utc = (year: number, month: number, day: number, hour = 0, minute = 0): Date =>
  new Date(Date.UTC(year, month - 1, day, hour, minute));
const TODAY = utc(2026, 12, 7, 15, 30); // the run: 7 December 2026, mid-afternoon

const HEADER = [
  'Crime Ref',
  'Offender ID',
  'Offence Date',
  'Offence Type',
  'Age at Offence',
  'Offence Ward Code',
  'Home Ward Code',
];
const rowWithDate = (date: CellValue): CellValue[] => ['CR1', 'P1', date, 'Robbery', 15, 'E05011118', 'E05011119'];

function runOne(date: CellValue, today: Date | undefined = TODAY) {
  const sheet = sheetOf('Crimes', HEADER, [rowWithDate(date)]);
  return validateOffences(sheet, mapColumns(sheet, 'offences'), today ? { today } : {});
}

const BEFORE_1990 =
  'is before 1990, too early to be a real offence date (an empty or zero date cell shows as 1899 or 1900); the row is excluded.';
const AFTER_RUN = 'is after the run date 2026-12-07; the row is excluded.';
const TIME_ONLY = 'is a time of day with no date; the row is excluded.';
const NOT_A_DATE =
  'is not a date (expected e.g. 31/01/2021 or 2021-01-31; day first, and a day that exists); the row is excluded.';

describe('implausible offence dates', () => {
  test('the hand-worked serials agree with excelSerialToDate', () => {
    expect(excelSerialToDate(46363)).toEqual(utc(2026, 12, 7));
    expect(excelSerialToDate(32874)).toEqual(utc(1990, 1, 1));
    expect(excelSerialToDate(61)).toEqual(utc(1900, 3, 1));
  });

  const cases: [string, CellValue, string, 'dateImplausible' | 'notADate', string][] = [
    // Dates from exceljs
    ['serial 0 as exceljs gives it', utc(1899, 12, 30), '1899-12-30', 'dateImplausible', BEFORE_1990],
    ['serial 0 counted from 1899-12-31', utc(1899, 12, 31), '1899-12-31', 'dateImplausible', BEFORE_1990],
    ['serial −1', utc(1899, 12, 29), '1899-12-29', 'dateImplausible', BEFORE_1990],
    ['serial 60 as exceljs gives it', utc(1900, 2, 28), '1900-02-28', 'dateImplausible', BEFORE_1990],
    [
      'serial 60 as 29 February 1900 rolled over',
      new Date(Date.UTC(1900, 1, 29)),
      '1900-03-01',
      'dateImplausible',
      BEFORE_1990,
    ],
    ['a time-only value (serial 0.5)', utc(1899, 12, 30, 12), '1899-12-30 12:00:00', 'dateImplausible', TIME_ONLY],
    [
      'a time-only value counted from 1899-12-31',
      utc(1899, 12, 31, 8, 30),
      '1899-12-31 08:30:00',
      'dateImplausible',
      TIME_ONLY,
    ],
    ['serial 2958466', utc(10000, 1, 1), '10000-01-01', 'dateImplausible', AFTER_RUN],
    ['the day after the run date', utc(2026, 12, 8), '2026-12-08', 'dateImplausible', AFTER_RUN],
    ['the last day of 1989', utc(1989, 12, 31), '1989-12-31', 'dateImplausible', BEFORE_1990],
    // Plain serial numbers
    ['plain serial 0', 0, '0', 'notADate', NOT_A_DATE],
    ['plain serial −1', -1, '-1', 'notADate', NOT_A_DATE],
    ['plain serial 60', 60, '60', 'notADate', NOT_A_DATE],
    ['plain serial 2958466', 2958466, '2958466', 'notADate', NOT_A_DATE],
    ['plain serial 0.5 (12:00)', 0.5, '0.5', 'dateImplausible', TIME_ONLY],
    ['plain serial 1 (1 January 1900)', 1, '1', 'dateImplausible', BEFORE_1990],
    ['plain serial 32873 (31 December 1989)', 32873, '32873', 'dateImplausible', BEFORE_1990],
    ['plain serial 46364 (8 December 2026)', 46364, '46364', 'dateImplausible', AFTER_RUN],
    // Text
    ['text a day after the run', '08/12/2026', '08/12/2026', 'dateImplausible', AFTER_RUN],
    ['text in 1899', '30/12/1899', '30/12/1899', 'dateImplausible', BEFORE_1990],
    ['text 29 February 1900 (no such day)', '29/02/1900', '29/02/1900', 'notADate', NOT_A_DATE],
  ];

  test.each(cases)('%s is excluded with one error on the date cell', (_, date, text, code, words) => {
    const { records, issues, rowsExcluded } = runOne(date);
    expect(records).toEqual([]);
    expect(rowsExcluded).toBe(1);
    expect(issues).toEqual([
      {
        sheet: 'Crimes',
        row: 2,
        column: 'Offence Date',
        value: text,
        severity: 'error',
        code,
        message: `Sheet 'Crimes', row 2, column 'Offence Date': '${text}' ${words}`,
      },
    ]);
  });

  test.each<[string, CellValue, Date]>([
    ['the run date itself', utc(2026, 12, 7), utc(2026, 12, 7)],
    ['the run date late in the day', utc(2026, 12, 7, 23, 59), utc(2026, 12, 7, 23, 59)],
    ['the run date as text with a time', '07/12/2026 23:59', utc(2026, 12, 7, 23, 59)],
    ['the run date as a plain serial', 46363, utc(2026, 12, 7)],
    ['1 January 1990', utc(1990, 1, 1), utc(1990, 1, 1)],
    ['1 January 1990 as a plain serial', 32874, utc(1990, 1, 1)],
    ['an ordinary date', '31/01/2021', utc(2021, 1, 31)],
  ])('%s is kept', (_, date, expected) => {
    const { records, issues } = runOne(date);
    expect(issues).toEqual([]);
    expect(records.map((record) => record.offenceDate)).toEqual([expected]);
  });

  test('the run date defaults to today: a date in 2999 is after it, one in 2021 is not', () => {
    const later = runOne(utc(2999, 1, 1), undefined);
    expect(later.records).toEqual([]);
    expect(later.issues[0].code).toBe('dateImplausible');
    expect(later.issues[0].message).toMatch(
      /'2999-01-01' is after the run date \d{4}-\d{2}-\d{2}; the row is excluded\.$/,
    );
    expect(runOne(utc(2021, 1, 31), undefined).records).toHaveLength(1);
  });

  test('a later run date admits the same row', () => {
    expect(runOne(utc(2026, 12, 8)).records).toEqual([]);
    expect(runOne(utc(2026, 12, 8), utc(2026, 12, 8)).records).toHaveLength(1);
  });
});

describe('offence date checks', () => {
  test('runDay takes the UTC calendar day of a given date', () => {
    expect(runDay(utc(2026, 12, 7, 23, 59))).toEqual(utc(2026, 12, 7));
    expect(runDay(utc(2026, 12, 7))).toEqual(utc(2026, 12, 7));
  });

  test('runDay without a date is a UTC midnight', () => {
    expect(runDay().getTime() % 86_400_000).toBe(0);
  });

  test.each<[CellValue, boolean]>([
    [0.5, true],
    [0.999, true],
    [0, false], // serial 0 is a (non-)date, not a time: rejected as not a date
    [1, false],
    [utc(1899, 12, 30, 0, 1), true],
    [utc(1899, 12, 31, 23, 59), true],
    [utc(1899, 12, 30), false],
    [utc(1900, 1, 1, 12), false],
    ['12:00', false],
    [null, false],
  ])('isTimeOnly(%p) is %p', (value, expected) => {
    expect(isTimeOnly(value)).toBe(expected);
  });

  test('implausibleDateReason names the rule broken', () => {
    expect(implausibleDateReason(utc(1989, 12, 31, 23, 59), TODAY)).toMatch(/^is before 1990/);
    expect(implausibleDateReason(utc(1990, 1, 1), TODAY)).toBeUndefined();
    expect(implausibleDateReason(utc(2026, 12, 7, 23, 59), TODAY)).toBeUndefined();
    expect(implausibleDateReason(utc(2026, 12, 8), TODAY)).toBe('is after the run date 2026-12-07');
  });
});
