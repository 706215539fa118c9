import {
  MAX_SHEET_NAME_LENGTH,
  planSheetNames,
  quoteSheetName,
  sanitizeSheetName,
  sheetNameForRun,
  tableNameForRun,
} from '../../src/workbook/sheetNames';

describe('planSheetNames', () => {
  test.each<[string, string[], string[], number, string[]]>([
    ['a first run into an empty workbook uses the base names', [], ['Summary', 'Schools'], 1, ['Summary', 'Schools']],
    [
      "a first run next to the analyst's own sheets keeps the base names",
      ['Offences', 'Schools list'],
      ['Schools'],
      1,
      ['Schools'],
    ],
    [
      'a second run gets (2) on every sheet',
      ['Offences', 'Summary', 'Schools'],
      ['Summary', 'Schools'],
      2,
      ['Summary (2)', 'Schools (2)'],
    ],
    ['names compare ignoring case', ['SCHOOLS'], ['Schools', 'Wards'], 2, ['Schools (2)', 'Wards (2)']],
    ['one clash is enough to move the whole run on', ['Wards'], ['Schools', 'Wards'], 2, ['Schools (2)', 'Wards (2)']],
    [
      'the smallest free run number is taken',
      ['Schools', 'Schools (2)', 'schools (3)', 'Schools (5)'],
      ['Schools'],
      4,
      ['Schools (4)'],
    ],
    [
      'a long base is cut so the suffix fits in 31 characters',
      // Run 1 took the first 31 characters, 'Validation issues found in the ', less the trailing space.
      ['Validation issues found in the'],
      ['Validation issues found in the input'],
      2,
      // 31 - ' (2)'.length = 27 characters of base: 'Validation issues found in ' trimmed to 'Validation issues found in'.
      ['Validation issues found in (2)'],
    ],
    ['forbidden characters become underscores', [], ['Q1/Q2: [draft]?*\\'], 1, ['Q1_Q2_ _draft____']],
    ['apostrophes at either end are dropped, inner ones kept', [], ["'It's'"], 1, ["It's"]],
    ['a blank name becomes Sheet', [], ['   '], 1, ['Sheet']],
    ['the reserved name History is avoided', [], ['History'], 1, ['History_']],
  ])('%s', (_title, existing, bases, runNumber, finals) => {
    const plan = planSheetNames(existing, bases);
    expect(plan.runNumber).toBe(runNumber);
    expect(bases.map((base) => plan.names.get(base))).toEqual(finals);
    for (const name of finals) expect(name.length).toBeLessThanOrEqual(MAX_SHEET_NAME_LENGTH);
  });

  test('the first run of a 31-character base keeps it whole, the second cuts it', () => {
    const base = 'A'.repeat(31);
    expect(planSheetNames([], [base]).names.get(base)).toBe(base);
    const second = planSheetNames([base], [base]).names.get(base)!;
    expect(second).toBe(`${'A'.repeat(27)} (2)`);
    expect(second).toHaveLength(31);
  });

  test('two bases that become the same sheet name are refused', () => {
    expect(() => planSheetNames([], ['Schools', 'SCHOOLS'])).toThrow(/distinct/);
  });

  test('the inputs are not changed', () => {
    const existing = Object.freeze(['Schools']);
    const bases = Object.freeze(['Schools']);
    planSheetNames(existing, bases);
    expect(existing).toEqual(['Schools']);
  });
});

describe('sheetNameForRun and sanitizeSheetName', () => {
  test('run 12 leaves 26 characters for the base', () => {
    expect(sheetNameForRun('Validation issues found in the input', 12)).toBe('Validation issues found in (12)');
  });

  test('a cut never leaves an apostrophe at the end of a first-run name', () => {
    // 30 letters then an apostrophe at position 31: the name would end with it.
    expect(sheetNameForRun(`${'B'.repeat(30)}'s list`, 1)).toBe('B'.repeat(30));
  });

  test('a cut does not split a surrogate pair', () => {
    const name = sheetNameForRun(`${'C'.repeat(30)}😀`, 1);
    expect(name).toBe('C'.repeat(30));
  });

  test('control characters are not allowed', () => {
    expect(sanitizeSheetName('a\tb')).toBe('a_b');
  });
});

describe('quoteSheetName', () => {
  test.each([
    ['Schools', 'Schools'],
    ['Ward_rates', 'Ward_rates'],
    ['Schools (2)', "'Schools (2)'"],
    ["It's (2)", "'It''s (2)'"],
    ['2024', "'2024'"],
    ['A1', "'A1'"],
    ['XFD1048576', "'XFD1048576'"],
    ['R1C1', "'R1C1'"],
    ['R', "'R'"],
    ['TRUE', "'TRUE'"],
    ['Ward-rates', "'Ward-rates'"],
    ['Écoles', "'Écoles'"],
  ])('%s is written %s in formulas', (name, quoted) => {
    expect(quoteSheetName(name)).toBe(quoted);
  });
});

describe('tableNameForRun', () => {
  test.each<[string, number, string]>([
    ['tblSchools', 1, 'tblSchools'],
    ['tblSchools', 2, 'tblSchools_2'],
    ['Top 20 schools', 1, 'Top_20_schools'],
    ['2024 wards', 1, '_2024_wards'],
    ['A1', 1, '_A1'],
    ['R2C3', 1, '_R2C3'],
  ])('%s in run %d is named %s', (base, runNumber, expected) => {
    expect(tableNameForRun(base, runNumber)).toBe(expected);
  });
});
