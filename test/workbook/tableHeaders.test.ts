import { truncateCellText, uniqueTableHeaders } from '../../src/workbook/cells';
import { excelValue } from '../../src/workbook/xlsx';

describe('uniqueTableHeaders', () => {
  test.each<[string[], string[]]>([
    [
      ['Ward', 'Rate'],
      ['Ward', 'Rate'],
    ],
    [
      ['Ward', 'ward', 'WARD'],
      ['Ward', 'ward 2', 'WARD 3'],
    ],
    [
      ['', 'Rate', '  '],
      ['Column1', 'Rate', 'Column3'],
    ],
    [
      ['Rate\nper 1,000', 'a\tb'],
      ['Rate per 1,000', 'a b'],
    ],
    [
      ['x', 'x 2', 'x'],
      ['x', 'x 2', 'x 3'],
    ],
  ])('%j become %j', (headers, expected) => {
    expect(uniqueTableHeaders(headers)).toEqual(expected);
  });

  test('a very long header is cut to leave room for a copy number within 255 characters', () => {
    const [first, second] = uniqueTableHeaders(['h'.repeat(300), 'h'.repeat(300)]);
    expect(first).toHaveLength(250);
    expect(second).toBe(`${'h'.repeat(250)} 2`);
  });
});

describe('excelValue', () => {
  const names = new Map([['Wards', 'Wards (2)']]);
  test.each<[Parameters<typeof excelValue>[0], unknown]>([
    [{ kind: 'text', value: '=SUM(A1:A3)' }, '=SUM(A1:A3)'],
    [{ kind: 'number', value: 2.5 }, 2.5],
    [{ kind: 'number', value: Number.POSITIVE_INFINITY }, { error: '#NUM!' }],
    [{ kind: 'boolean', value: false }, false],
    [{ kind: 'empty' }, null],
    [
      { kind: 'formula', formula: '=SUM({{Wards}}!C2:C9)', result: 42 },
      { formula: "SUM('Wards (2)'!C2:C9)", result: 42 },
    ],
    [{ kind: 'formula', formula: 'C2/D2', result: Number.NaN }, { formula: 'C2/D2' }],
  ])('%j is written as %j', (cell, expected) => {
    expect(excelValue(cell, names)).toEqual(expected);
  });
});

describe('truncateCellText', () => {
  test('text within the limit is unchanged; longer text is cut with an ellipsis, never splitting a surrogate pair', () => {
    expect(truncateCellText('abc', 5)).toBe('abc');
    expect(truncateCellText('abcdef', 5)).toBe('abcd…');
    // 'ab😀' is 4 code units; cutting to 3 + '…' would split the emoji's pair, so it is dropped.
    expect(truncateCellText('ab😀cd', 4)).toBe('ab…');
  });
});
