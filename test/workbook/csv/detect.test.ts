import {
  csvCellValue,
  decodeWindows1252,
  detectDelimiter,
  detectEncoding,
  RecordLines,
} from '../../../src/workbook/csv';
import { ColumnInterner } from '../../../src/workbook/csv/columnInterner';

describe('detectDelimiter', () => {
  it.each([
    ['Crime,Age\n1,14\n2,15\n', ','],
    ['Crime;Age\n1;14\n2;15\n', ';'],
    ['Crime\tAge\n1\t14\n2\t15\n', '\t'],
    ['Crime|Age\n1|14\n2|15\n', '|'],
  ])('finds the delimiter of %j', (sample, expected) => {
    expect(detectDelimiter(sample)).toBe(expected);
  });

  it('is not misled by commas inside quoted fields of a semicolon file', () => {
    // Commas: the header splits in 1, the rows in 2, 3 — never agreeing; semicolons: 3 fields throughout.
    expect(detectDelimiter('Ref;Place;Note\n1;"Smith, J";"a, b, c"\n2;"Jones, K";x\n')).toBe(';');
  });

  it('prefers the delimiter giving the header’s field count on most records', () => {
    // Commas split the header in 2 and only 1 of 3 records agrees; semicolons give 3, 3, 3.
    expect(detectDelimiter('Name;Amount;Date\nA;1,5;2023\nB,C;2,5;2024\n')).toBe(';');
  });

  it('reads a file of one column with commas', () => {
    expect(detectDelimiter('URN\n100001\n100002\n')).toBe(',');
  });
});

describe('detectEncoding', () => {
  it.each([
    [[0xef, 0xbb, 0xbf, 0x41], { encoding: 'utf-8', bomBytes: 3, marked: true }],
    [[0xff, 0xfe, 0x41, 0x00], { encoding: 'utf-16le', bomBytes: 2, marked: true }],
    [[0xfe, 0xff, 0x00, 0x41], { encoding: 'utf-16be', bomBytes: 2, marked: true }],
    [[0x41, 0x00, 0x2c, 0x00, 0x42, 0x00], { encoding: 'utf-16le', bomBytes: 0, marked: false }],
    [[0x00, 0x41, 0x00, 0x2c, 0x00, 0x42], { encoding: 'utf-16be', bomBytes: 0, marked: false }],
    [[0x41, 0x2c, 0xe9], { encoding: 'utf-8', bomBytes: 0, marked: false }],
  ])('reads %j as %j', (bytes, expected) => {
    expect(detectEncoding(Uint8Array.from(bytes))).toEqual(expected);
  });
});

describe('decodeWindows1252', () => {
  it('maps the bytes 0x80–0x9F to their Windows-1252 characters, and the rest as Latin-1', () => {
    // 0x80 €, 0x93 “, 0x94 ”, 0x96 –, 0xA3 £, 0xE9 é (CP1252.TXT).
    expect(decodeWindows1252(Uint8Array.of(0x80, 0x93, 0x94, 0x96, 0xa3, 0xe9, 0x41))).toBe(
      '\u20ac\u201c\u201d\u2013\u00a3\u00e9A',
    );
  });
});

describe('csvCellValue', () => {
  it.each([
    ['', null],
    ['14', 14],
    ['-3.25', -3.25],
    ['0', 0],
    ['007', '007'],
    ['1.50', '1.50'],
    ['+5', '+5'],
    ['1e5', '1e5'],
    ['12345678901234567890', '12345678901234567890'],
    ['123456789012345', 123456789012345],
    ['1234567890123456', '1234567890123456'],
    ['0.000125', 0.000125],
    ['-0', '-0'],
    ['-0.5', -0.5],
    ['12.10', '12.10'],
    [' 14', ' 14'],
    ['2023-05-01', '2023-05-01'],
    ['E05011118', 'E05011118'],
  ])('reads %j as %j', (field, expected) => {
    expect(csvCellValue(field)).toEqual(expected);
  });
});

describe('RecordLines', () => {
  it('gives each record the line it starts on, records spanning lines shifting the rest', () => {
    const lines = new RecordLines();
    // Records 1–3 on lines 1–3; record 3 spans lines 3–5; record 4 on line 6; record 5 spans 7–8; record 6 on 9.
    [
      [1, 1],
      [2, 2],
      [3, 3],
      [4, 6],
      [5, 7],
      [6, 9],
    ].forEach(([record, line]) => lines.record(record, line));
    expect([1, 2, 3, 4, 5, 6].map((record) => lines.lineOf(record))).toEqual([1, 2, 3, 6, 7, 9]);
    expect(lines.spansLines).toBe(true);
  });

  it('is the identity when no record spans lines', () => {
    const lines = new RecordLines();
    for (let record = 1; record <= 5; record += 1) lines.record(record, record);
    expect(lines.lineOf(4)).toBe(4);
    expect(lines.spansLines).toBe(false);
  });
});

describe('ColumnInterner', () => {
  it('gives one shared string for a text repeated down a column, and the same text back for any other', () => {
    const interner = new ColumnInterner();
    const first = interner.intern(2, ['Violence', 'with injury'].join(' '));
    expect(interner.intern(2, ['Violence with', 'injury'].join(' '))).toBe(first);
    expect(interner.intern(3, 'Robbery')).toBe('Robbery');
  });

  it('stops remembering a column of unique references after 65,536 distinct texts, still returning each text', () => {
    const interner = new ColumnInterner();
    for (let i = 0; i < 70_000; i += 1) expect(interner.intern(0, `99/${i}/23`)).toBe(`99/${i}/23`);
  });
});
