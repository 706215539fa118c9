import { cellAddress, columnLetter, rangeAddress, resolveFormulaSheetRefs } from '../../src/workbook/formulaRefs';

describe('columnLetter', () => {
  test.each([
    [0, 'A'],
    [25, 'Z'],
    [26, 'AA'], // 26 = 1 x 26 + 0
    [27, 'AB'],
    [51, 'AZ'],
    [52, 'BA'],
    [701, 'ZZ'], // 26 + 26 x 26 - 1
    [702, 'AAA'],
    [16383, 'XFD'], // Excel's last column: (24 x 676) + (6 x 26) + 4 = 16,384th
  ])('column %d is %s', (index, letters) => {
    expect(columnLetter(index)).toBe(letters);
  });

  test('matches a brute-force count through the alphabet for the first 1,000 columns', () => {
    const letters: string[] = [];
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
    for (const a of ['', ...alphabet])
      for (const b of ['', ...alphabet]) for (const c of alphabet) if (a === '' || b !== '') letters.push(a + b + c);
    letters.sort((x, y) => x.length - y.length || (x < y ? -1 : 1));
    for (let index = 0; index < 1000; index++) expect(columnLetter(index)).toBe(letters[index]);
  });

  test.each([-1, 16384, 1.5, Number.NaN])('%p is not a column', (index) => {
    expect(() => columnLetter(index)).toThrow(RangeError);
  });
});

describe('cellAddress and rangeAddress', () => {
  test('0-based row and column give an A1 address', () => {
    expect(cellAddress(0, 0)).toBe('A1');
    expect(cellAddress(9, 2)).toBe('C10');
    expect(cellAddress(9, 2, { absolute: true })).toBe('$C$10');
    expect(() => cellAddress(1048576, 0)).toThrow(RangeError);
  });

  test('a range on another sheet quotes the sheet when needed', () => {
    expect(rangeAddress(1, 3, 20, 3)).toBe('D2:D21');
    expect(rangeAddress(1, 3, 20, 3, { absolute: true, sheet: 'Schools (2)' })).toBe("'Schools (2)'!$D$2:$D$21");
    expect(rangeAddress(0, 0, 0, 1, { sheet: 'Wards' })).toBe('Wards!A1:B1');
  });
});

describe('resolveFormulaSheetRefs', () => {
  const names = new Map([
    ['Wards', 'Wards (2)'],
    ['Schools', 'Schools'],
    ['Notes', "Analyst's notes"],
  ]);

  test.each([
    ['SUM({{Wards}}!D2:D200)', "SUM('Wards (2)'!D2:D200)"],
    ['{{Schools}}!A1+{{Wards}}!B1', "Schools!A1+'Wards (2)'!B1"],
    ['COUNTA({{Notes}}!A:A)', "COUNTA('Analyst''s notes'!A:A)"],
    ['A1*2', 'A1*2'],
  ])('%s becomes %s', (formula, resolved) => {
    expect(resolveFormulaSheetRefs(formula, names)).toBe(resolved);
  });

  test('a placeholder for a sheet the run does not write is refused with the names it knows', () => {
    expect(() => resolveFormulaSheetRefs('{{Method}}!A1', names)).toThrow(/Method.*Wards, Schools, Notes/);
  });
});
