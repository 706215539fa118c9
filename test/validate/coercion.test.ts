import {
  classifyPhase,
  excelSerialToDate,
  isWardCode,
  normalisePostcode,
  normaliseUrn,
  normaliseWardCode,
  parseBoolean,
  parseDate,
  parseNumber,
  readSchoolStatus,
} from '../../src/core/validate';
import type { CellValue } from '../../src/core/types';

const utc = (year: number, month: number, day: number, hour = 0, minute = 0, second = 0): Date =>
  new Date(Date.UTC(year, month - 1, day, hour, minute, second));

describe('parseNumber', () => {
  const cases: [CellValue, number | undefined][] = [
    [15, 15],
    [-3.5, -3.5],
    ['15', 15],
    [' 15 ', 15],
    ['1,234', 1234],
    ['1,234,567.25', 1234567.25],
    ['1 234', 1234],
    ['1\u00A0234', 1234],
    ['+7', 7],
    ['.5', 0.5],
    ['2e3', 2000],
    ['unknown', undefined],
    ['', undefined],
    ['   ', undefined],
    ['1,5', undefined], // a decimal comma is ambiguous
    ['12,34', undefined],
    ['12 34', undefined],
    ['15 years', undefined],
    [NaN, undefined],
    [Infinity, undefined],
    ['NaN', undefined],
    [true, undefined],
    [null, undefined],
    [new Date(0), undefined],
  ];
  test.each(cases)('reads %p as %p', (value, expected) => {
    expect(parseNumber(value)).toBe(expected);
  });
});

describe('parseDate', () => {
  const cases: [CellValue, Date | undefined][] = [
    // Excel serials: 44197 = 2021-01-01 (18628 days after 1970-01-01, see excelSerialToDate)
    [44197, utc(2021, 1, 1)],
    [44227, utc(2021, 1, 31)],
    [44197.5, utc(2021, 1, 1, 12)],
    [44197.75, utc(2021, 1, 1, 18)],
    ['44197', utc(2021, 1, 1)],
    // The 1900 leap-year bug: 59 = 28 Feb 1900, 60 does not exist, 61 = 1 Mar 1900
    [1, utc(1900, 1, 1)],
    [59, utc(1900, 2, 28)],
    [60, undefined],
    [61, utc(1900, 3, 1)],
    [0, undefined],
    [-5, undefined],
    ['2021-01-31', utc(2021, 1, 31)],
    ['2021-1-5', utc(2021, 1, 5)],
    ['2021/01/31', utc(2021, 1, 31)],
    ['2021-01-31T14:30', utc(2021, 1, 31, 14, 30)],
    ['2021-01-31 14:30:15', utc(2021, 1, 31, 14, 30, 15)],
    ['2021-01-31T14:30:00Z', utc(2021, 1, 31, 14, 30)],
    ['2021-06-30T14:30:00+01:00', utc(2021, 6, 30, 13, 30)],
    ['31/01/2021', utc(2021, 1, 31)],
    ['31-01-2021', utc(2021, 1, 31)],
    ['31.01.2021', utc(2021, 1, 31)],
    ['03/04/2021', utc(2021, 4, 3)], // day first: 3 April, never March 4
    ['12/01/2021 08:05', utc(2021, 1, 12, 8, 5)],
    ['31/01/21', utc(2021, 1, 31)],
    ['31/01/29', utc(2029, 1, 31)],
    ['31/01/30', utc(1930, 1, 31)], // Excel's two-digit year rule
    ['1 Mar 2021', utc(2021, 3, 1)],
    ['01 March 2021', utc(2021, 3, 1)],
    ['1st March 2021', utc(2021, 3, 1)],
    ['21-Sep-21', utc(2021, 9, 21)],
    ['5 Sept 2021', utc(2021, 9, 5)],
    ['March 1, 2021', utc(2021, 3, 1)],
    ['20210131', utc(2021, 1, 31)],
    ['31/02/2021', undefined],
    ['29/02/2021', undefined],
    ['29/02/2020', utc(2020, 2, 29)],
    ['2021-13-01', undefined],
    ['00/01/2021', undefined],
    ['12/25/2021', undefined], // US month-first cannot be read day-first: month 25
    ['31 Foo 2021', undefined],
    ['31/01/2021 25:00', undefined],
    ['yesterday', undefined],
    ['', undefined],
    [null, undefined],
    [true, undefined],
  ];
  test.each(cases)('reads %p as %p', (value, expected) => {
    const parsed = parseDate(value);
    if (expected === undefined) expect(parsed).toBeUndefined();
    else expect(parsed?.toISOString()).toBe(expected.toISOString());
  });

  test('a Date object is copied, not shared, and an invalid Date is rejected', () => {
    const given = utc(2021, 5, 6);
    const parsed = parseDate(given);
    expect(parsed).not.toBe(given);
    expect(parsed?.getTime()).toBe(given.getTime());
    expect(parseDate(new Date(NaN))).toBeUndefined();
  });

  test('the two-digit year cutoff can be moved', () => {
    expect(parseDate('31/01/45', { twoDigitYearCutoff: 50 })?.toISOString()).toBe(utc(2045, 1, 31).toISOString());
  });

  test('excelSerialToDate agrees with counting days from 1 March 1900 by the calendar', () => {
    // Second method: from serial 61 = 1900-03-01 onwards, serial s is 1900-03-01 plus (s - 61) days.
    for (const serial of [61, 100, 36526, 43831, 45000]) {
      const byCalendar = new Date(Date.UTC(1900, 2, 1 + (serial - 61)));
      expect(excelSerialToDate(serial)?.toISOString()).toBe(byCalendar.toISOString());
    }
  });
});

describe('parseBoolean', () => {
  const cases: [CellValue, boolean | undefined][] = [
    ['Y', true],
    ['y', true],
    ['Yes', true],
    [' YES ', true],
    ['true', true],
    ['TRUE', true],
    ['1', true],
    [1, true],
    [true, true],
    ['N', false],
    ['no', false],
    ['False', false],
    ['0', false],
    [0, false],
    [false, false],
    ['maybe', undefined],
    ['', undefined],
    [2, undefined],
    [null, undefined],
  ];
  test.each(cases)('reads %p as %p', (value, expected) => {
    expect(parseBoolean(value)).toBe(expected);
  });
});

describe('normalisePostcode', () => {
  const cases: [CellValue, string | undefined][] = [
    ['b11aa', 'B1 1AA'],
    ['B1 1AA', 'B1 1AA'],
    [' wv10  9rs ', 'WV10 9RS'],
    ['DY1 1AA', 'DY1 1AA'],
    ['B151TT', 'B15 1TT'],
    ['EC1A1BB', 'EC1A 1BB'],
    ['W1A 0AX', 'W1A 0AX'],
    ['B1', undefined],
    ['12345', undefined],
    ['B1 1A', undefined],
    ['', undefined],
    [12345, undefined],
  ];
  test.each(cases)('reads %p as %p', (value, expected) => {
    expect(normalisePostcode(value)).toBe(expected);
  });
});

describe('isWardCode and normaliseWardCode', () => {
  const cases: [string, boolean][] = [
    ['E05011118', true],
    ['W05000001', true],
    ['S13002516', true],
    ['E08000025', false],
    ['E0501111', false],
    ['E050111180', false],
    ['e05011118', false],
    ['Ladywood', false],
    ['', false],
  ];
  test.each(cases)('isWardCode(%p) is %p', (text, expected) => {
    expect(isWardCode(text)).toBe(expected);
  });
  test('normaliseWardCode trims and upper-cases before checking', () => {
    expect(normaliseWardCode(' e05011118 ')).toBe('E05011118');
    expect(normaliseWardCode('E08000025')).toBeUndefined();
    expect(normaliseWardCode(5011118)).toBeUndefined();
  });
});

describe('normaliseUrn', () => {
  const cases: [CellValue, string | undefined][] = [
    [100000, '100000'],
    ['100000', '100000'],
    ['100000.0', '100000'],
    [' 146789 ', '146789'],
    [1234567, '1234567'],
    [100000.5, undefined],
    [12345, undefined],
    ['12345678', undefined],
    ['012345', undefined],
    ['URN 100000', undefined],
    ['', undefined],
    [null, undefined],
  ];
  test.each(cases)('reads %p as %p', (value, expected) => {
    expect(normaliseUrn(value)).toBe(expected);
  });
});

describe('classifyPhase', () => {
  const cases: [string, string, string][] = [
    ['Secondary', 'Academy converter', 'secondary'],
    ['Middle deemed secondary', 'Community school', 'secondary'],
    ['All-through', 'Academy sponsor led', 'allThrough'],
    ['Primary', 'Voluntary aided school', 'primary'],
    ['Middle deemed primary', 'Foundation school', 'primary'],
    ['Not applicable', 'Community special school', 'special'],
    ['Secondary', 'Academy special converter', 'special'],
    ['Not applicable', 'Pupil referral unit', 'alternativeProvision'],
    ['Secondary', 'Academy alternative provision sponsor led', 'alternativeProvision'],
    ['16 plus', 'Further education', 'other'],
    ['Nursery', 'Local authority nursery school', 'other'],
    ['Not applicable', 'Other independent school', 'other'],
    ['', '', 'other'],
  ];
  test.each(cases)('phase %p with type %p is %p', (phase, type, expected) => {
    expect(classifyPhase(phase, type)).toBe(expected);
  });
});

describe('readSchoolStatus', () => {
  const cases: [string, string][] = [
    ['Open', 'open'],
    ['Open, but proposed to close', 'open'],
    ['Closed', 'closed'],
    ['Proposed to open', 'notYetOpen'],
    ['', 'unknown'],
    ['Mothballed', 'unknown'],
  ];
  test.each(cases)('%p reads as %p', (text, expected) => {
    expect(readSchoolStatus(text)).toBe(expected);
  });
});
