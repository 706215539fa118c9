import { readCsvSource, rewordForFiles, issueForFiles, roleFileSpec, fileSheetName } from '../../../src/workbook/csv';
import type { Issue } from '../../../src/core/types';

/** The bytes cut into chunks of `size`, as the file reader hands them over. */
function chunked(bytes: Uint8Array, size: number): () => Iterable<Uint8Array> {
  return function* () {
    for (let at = 0; at < bytes.length; at += size) yield bytes.slice(at, at + size);
  };
}

const TEXT = 'Crime Ref;Age;Place\r\n"99/1;A";14;Café “Noir”\r\n99/2;15;"two\r\nlines"\r\n99/3;;£5\r\n';
const EXPECTED_ROWS = [
  ['Crime Ref', 'Age', 'Place'],
  ['99/1;A', 14, 'Café “Noir”'],
  ['99/2', 15, 'two\r\nlines'],
  ['99/3', null, '£5'],
];

function utf16(text: string, order: 'le' | 'be', bom: boolean): Uint8Array {
  const le = Buffer.from(text, 'utf16le');
  const bytes = order === 'le' ? le : Buffer.from(le).swap16();
  return bom ? Buffer.concat([Buffer.from(order === 'le' ? [0xff, 0xfe] : [0xfe, 0xff]), bytes]) : bytes;
}

/** Windows-1252 bytes of TEXT, written by hand for its few characters beyond ASCII. */
function windows1252(text: string): Uint8Array {
  const table: Record<string, number> = { é: 0xe9, '“': 0x93, '”': 0x94, '£': 0xa3 };
  return Uint8Array.from([...text].map((ch) => table[ch] ?? ch.charCodeAt(0)));
}

describe('readCsvSource', () => {
  it.each([
    ['UTF-8', Buffer.from(TEXT, 'utf8'), 'utf-8'],
    [
      'UTF-8 with a byte-order mark',
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(TEXT, 'utf8')]),
      'utf-8',
    ],
    ['UTF-16 LE with a byte-order mark', utf16(TEXT, 'le', true), 'utf-16le'],
    ['UTF-16 BE with a byte-order mark', utf16(TEXT, 'be', true), 'utf-16be'],
    ['UTF-16 LE without a mark', utf16(TEXT, 'le', false), 'utf-16le'],
    ['Windows-1252 (not valid UTF-8)', windows1252(TEXT), 'windows-1252'],
  ])('reads %s the same, in chunks of any size', (_label, bytes, encoding) => {
    for (const size of [1, 3, 7, 64, 1 << 20]) {
      const csv = readCsvSource(chunked(bytes, size), 'extract.csv');
      expect(csv.encoding).toBe(encoding);
      expect(csv.delimiter).toBe(';');
      expect(csv.sheet).toEqual({ name: 'extract.csv', rows: EXPECTED_ROWS });
      // Record 4 ('99/3') starts on line 5: record 3 holds a line break.
      expect([1, 2, 3, 4].map((row) => csv.lines.lineOf(row))).toEqual([1, 2, 3, 5]);
    }
  });
});

describe('naming a file’s sheet in messages', () => {
  const csvSource = { sheet: 'extract.csv', file: 'extract.csv', lineOf: (row: number) => (row >= 4 ? row + 1 : row) };

  it('names file and line instead of sheet and row, including rows quoted inside the message', () => {
    expect(
      rewordForFiles(
        "Sheet 'extract.csv', row 4, column 'Age': the age is not a number; it was already read on row 4.",
        [csvSource],
        'extract.csv',
      ),
    ).toBe("File 'extract.csv', line 5, column 'Age': the age is not a number; it was already read on line 5.");
    expect(rewordForFiles("None of the 3 rows of sheet 'extract.csv' can be used.", [csvSource])).toBe(
      "None of the 3 rows of file 'extract.csv' can be used.",
    );
  });

  it('names a sheet of another workbook by file and sheet, and leaves other sheets alone', () => {
    const other = { sheet: 'other.xlsx#Crimes', file: 'other.xlsx', sheetInFile: 'Crimes' };
    expect(
      rewordForFiles("Sheet 'other.xlsx#Crimes', row 7, column 'Age': x. Sheet 'Schools', row 2: y.", [other]),
    ).toBe("File 'other.xlsx', sheet 'Crimes', row 7, column 'Age': x. Sheet 'Schools', row 2: y.");
  });

  it('moves an issue’s row to the line its record starts on', () => {
    const issue: Issue = {
      sheet: 'extract.csv',
      row: 4,
      column: 'Age',
      value: 'x',
      severity: 'error',
      code: 'notANumber',
      message: "Sheet 'extract.csv', row 4, column 'Age': bad.",
    };
    expect(issueForFiles(issue, [csvSource])).toEqual({
      ...issue,
      row: 5,
      message: "File 'extract.csv', line 5, column 'Age': bad.",
    });
    const sheetIssue = { ...issue, sheet: 'Crimes', message: "Sheet 'Crimes', row 4, column 'Age': bad." };
    expect(issueForFiles(sheetIssue, [csvSource])).toBe(sheetIssue);
  });

  it('splits FILE#Sheet at the last #, unless the whole text is a file', () => {
    expect(roleFileSpec('data/other.xlsx#Crimes 2021', () => false)).toEqual({
      path: 'data/other.xlsx',
      sheet: 'Crimes 2021',
    });
    expect(roleFileSpec('data/week#3.csv', (p) => p === 'data/week#3.csv')).toEqual({ path: 'data/week#3.csv' });
    expect(fileSheetName({ path: 'data/2024/extract.csv' })).toBe('extract.csv');
    expect(fileSheetName({ path: 'data/other.xlsx', sheet: 'Crimes' })).toBe('other.xlsx#Crimes');
  });
});
