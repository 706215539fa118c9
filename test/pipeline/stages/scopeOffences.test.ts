import {
  EVERY_OFFENCE_TYPE,
  offenceTypeRule,
  scopeOffences,
  VIOLENCE_GROUPS,
} from '../../../src/core/pipeline/stages/scopeOffences';
import { DEFAULT_PARAMETERS, type AnalysisParameters, type OffenceRecord } from '../../../src/core/types';
import { day, offence } from './stagesFixture';

/**
 * scopeOffences keeps the rows in the age band (inclusive), of a counted offence type and in the
 * date window; each row left out gets one issue, by its first reason (age, then type, then date).
 * Every expected figure below is counted by hand from the rows written in each test.
 */

const CONTEXT = {
  sheet: 'Offences',
  columns: { age: 'Age at Offence', offenceType: 'HO Offence Group', offenceDate: 'Committed Date' },
} as const;

function scope(records: readonly OffenceRecord[], parameters: Partial<AnalysisParameters> = {}) {
  return scopeOffences(records, { ...DEFAULT_PARAMETERS, ...parameters }, CONTEXT);
}

const typed = (sourceRow: number, offenceType: string, more: Partial<OffenceRecord> = {}): OffenceRecord =>
  offence({ sourceRow, offenceType, ...more });

describe('offenceTypeRule', () => {
  it('by default counts the Home Office violence groups and not shoplifting or criminal damage', () => {
    const counted = offenceTypeRule({ offenceTypes: [] });
    // The default scope (DESIGN.md): violence against the person and its subgroups, homicide, robbery, possession of weapons.
    for (const text of [
      'Violence with injury',
      'Violence without injury',
      'Stalking',
      'Homicide',
      'Robbery of personal property',
      'Possession of weapons',
      'Assault',
    ]) {
      expect([text, counted(text)]).toEqual([text, true]);
    }
    for (const text of ['Shoplifting', 'Criminal damage', 'Arson', 'Burglary', 'XYZ123']) {
      expect([text, counted(text)]).toEqual([text, false]);
    }
  });

  it('a chosen type is matched by its exact text, ignoring case and spacing', () => {
    // 'Local code 77' is a type no rule classifies: only the exact text can choose it.
    const counted = offenceTypeRule({ offenceTypes: ['  local   CODE 77 '] });
    expect(counted('Local code 77')).toBe(true);
    expect(counted('Local  Code  77')).toBe(true);
    expect(counted('Local code 7')).toBe(false);
    // Choosing a type replaces the default: violence is no longer counted.
    expect(counted('Violence with injury')).toBe(false);
  });

  it('a group label chooses every type of the group', () => {
    const counted = offenceTypeRule({ offenceTypes: ['Criminal damage and arson'] });
    expect(counted('Criminal damage')).toBe(true);
    expect(counted('Arson')).toBe(true);
    expect(counted('Shoplifting')).toBe(false);
    expect(counted('Violence with injury')).toBe(false);
    // The group's id works too (case ignored).
    expect(offenceTypeRule({ offenceTypes: ['criminalDamageAndArson'] })('Arson')).toBe(true);
  });

  it(`'${VIOLENCE_GROUPS}' plus an extra type counts the default groups and the extra`, () => {
    expect(VIOLENCE_GROUPS).toBe('violence');
    const counted = offenceTypeRule({ offenceTypes: ['Violence', 'Shoplifting'] });
    expect(counted('Violence with injury')).toBe(true);
    expect(counted('Robbery of personal property')).toBe(true);
    expect(counted('Shoplifting')).toBe(true);
    expect(counted('Criminal damage')).toBe(false);
  });

  it(`'${EVERY_OFFENCE_TYPE}' counts every type, unclassified ones too`, () => {
    expect(EVERY_OFFENCE_TYPE).toBe('all');
    const counted = offenceTypeRule({ offenceTypes: ['ALL'] });
    for (const text of ['Shoplifting', 'Criminal damage', 'XYZ123', 'Violence with injury'])
      expect(counted(text)).toBe(true);
  });

  // Regression (was wrong before): DESIGN.md: "Violence against the person (with injury, without injury, stalking and harassment,
  // death or serious injury)". The group's label names the whole family (as groupsNamed reads it),
  // so choosing it should count a 'Violence with injury' row. The rule compares the label with the
  // row's own group only ('Violence with injury'), so only texts that name no subgroup ('Assault') count.
  it('choosing the label "Violence against the person" counts its subgroups (with injury, without injury, stalking)', () => {
    const counted = offenceTypeRule({ offenceTypes: ['Violence against the person'] });
    expect(counted('Assault')).toBe(true);
    expect(counted('Violence with injury')).toBe(true);
    expect(counted('Violence without injury')).toBe(true);
    expect(counted('Stalking')).toBe(true);
  });
});

describe('scopeOffences: the tally of offence types', () => {
  /*
   * Rows (type, weapon flag):
   *   2 Violence with injury (weapon)   3 ' violence  WITH injury ' (same type once trimmed and lower-cased)
   *   4 Violence with injury            5 Robbery of personal property (weapon)
   *   6 Shoplifting                     7 Criminal damage (weapon)
   *   8 Shoplifting                     9 Criminal damage
   *  10 Arson                          11 XYZ123
   *  12 Local code 77
   * Default rule. counted: Violence with injury 3 rows (1 weapon), Robbery of personal property 1 (1 weapon).
   * notCounted: Criminal damage 2 (1 weapon) and Shoplifting 2 tie on rows, so by text: 'Criminal damage'
   *   before 'Shoplifting'; then Arson 1. unclassified: 'Local code 77' before 'XYZ123' (1 row each; by text).
   */
  const rows = [
    typed(2, 'Violence with injury', { weapon: true }),
    typed(3, ' violence  WITH injury '),
    typed(4, 'Violence with injury'),
    typed(5, 'Robbery of personal property', { weapon: true }),
    typed(6, 'Shoplifting'),
    typed(7, 'Criminal damage', { weapon: true }),
    typed(8, 'Shoplifting'),
    typed(9, 'Criminal damage'),
    typed(10, 'Arson'),
    typed(11, 'XYZ123'),
    typed(12, 'Local code 77'),
  ];

  it('splits the types into counted, not counted and unclassified, most rows first then by text', () => {
    const { types } = scope(rows);
    expect(types).toEqual({
      rule: 'default',
      counted: [
        { text: 'Violence with injury', group: 'Violence with injury', rows: 3, weaponRows: 1 },
        { text: 'Robbery of personal property', group: 'Robbery', rows: 1, weaponRows: 1 },
      ],
      notCounted: [
        { text: 'Criminal damage', group: 'Criminal damage and arson', rows: 2, weaponRows: 1 },
        { text: 'Shoplifting', group: 'Shoplifting', rows: 2, weaponRows: 0 },
        { text: 'Arson', group: 'Criminal damage and arson', rows: 1, weaponRows: 0 },
      ],
      unclassified: [
        { text: 'Local code 77', group: 'not classified', rows: 1, weaponRows: 0 },
        { text: 'XYZ123', group: 'not classified', rows: 1, weaponRows: 0 },
      ],
    });
  });

  it('keeps the counted rows: 2, 3, 4 and 5', () => {
    const result = scope(rows);
    expect(result.inScope.map((r) => r.sourceRow)).toEqual([2, 3, 4, 5]);
    // 7 rows of types not counted (6–12), none by age or date.
    expect(result.excluded).toEqual({ age: 0, type: 7, date: 0 });
    expect(result.problem).toBeUndefined();
    expect(result.summary).toBe(
      '4 rows in scope of 11 rows valid; left out: 0 rows by the age band 10–17, 7 rows by offence type, 0 rows by the date window',
    );
  });

  it('an unclassified type is a warning (offenceTypeUnclassified); a known type not counted is info (offenceTypeOutOfScope)', () => {
    const { issues } = scope(rows);
    const byRow = new Map(issues.map((issue) => [issue.row, issue]));
    expect(issues).toHaveLength(7);
    for (const row of [11, 12]) {
      expect(byRow.get(row)).toMatchObject({
        sheet: 'Offences',
        column: 'HO Offence Group',
        severity: 'warning',
        code: 'offenceTypeUnclassified',
      });
    }
    expect(byRow.get(11)?.value).toBe('XYZ123');
    expect(byRow.get(11)?.message).toBe(
      "Sheet 'Offences', row 11, column 'HO Offence Group': 'XYZ123' is not an offence type this product can classify; the row is not counted unless the type is chosen.",
    );
    for (const row of [6, 7, 8, 9, 10]) {
      expect(byRow.get(row)).toMatchObject({
        severity: 'info',
        code: 'offenceTypeOutOfScope',
        column: 'HO Offence Group',
      });
    }
    expect(byRow.get(6)?.message).toBe(
      "Sheet 'Offences', row 6, column 'HO Offence Group': 'Shoplifting' is not among the offence types counted as violence; the row is not counted.",
    );
  });

  it('a chosen unclassified type is counted, without a warning, and the tally says the rule is chosen', () => {
    const result = scope(rows, { offenceTypes: ['violence', 'local code 77'] });
    expect(result.types.rule).toBe('chosen');
    expect(result.types.counted.map((t) => t.text)).toEqual([
      'Violence with injury',
      'Local code 77',
      'Robbery of personal property',
    ]);
    expect(result.types.unclassified.map((t) => t.text)).toEqual(['XYZ123']);
    expect(result.inScope.map((r) => r.sourceRow)).toEqual([2, 3, 4, 5, 12]);
    expect(result.issues.filter((i) => i.code === 'offenceTypeUnclassified').map((i) => i.row)).toEqual([11]);
  });

  it("with 'all' every row is in scope and nothing is unclassified", () => {
    const result = scope(rows, { offenceTypes: ['all'] });
    expect(result.inScope).toHaveLength(11);
    expect(result.issues).toEqual([]);
    expect(result.types.notCounted).toEqual([]);
    expect(result.types.unclassified).toEqual([]);
  });

  it("a group label ('Criminal damage and arson') counts rows 7, 9 and 10 only", () => {
    const result = scope(rows, { offenceTypes: ['Criminal damage and arson'] });
    expect(result.inScope.map((r) => r.sourceRow)).toEqual([7, 9, 10]);
    expect(result.excluded).toEqual({ age: 0, type: 8, date: 0 });
  });
});

describe('scopeOffences: first reason wins', () => {
  const window = { dateFrom: day('2023-01-01'), dateTo: day('2023-06-30') };
  /*
   * Age band 10–17, window 2023-01-01 to 2023-06-30, default types.
   *   row 2: age 19, Shoplifting, 2024-01-05   -> age (first of three reasons)
   *   row 3: age  9, Robbery,     2023-03-01   -> age
   *   row 4: age 15, Shoplifting, 2024-01-05   -> type (before date)
   *   row 5: age 15, Robbery,     2022-12-31   -> date (before the window)
   *   row 6: age 15, Robbery,     2023-07-01   -> date (after the window)
   *   row 7: age 10, Robbery,     2023-01-01   -> in scope (both ends inclusive)
   *   row 8: age 17, Robbery,     2023-06-30   -> in scope
   * excluded: age 2, type 1, date 2; in scope rows 7 and 8.
   */
  const rows = [
    offence({ sourceRow: 2, age: 19, offenceType: 'Shoplifting', offenceDate: day('2024-01-05') }),
    offence({ sourceRow: 3, age: 9, offenceType: 'Robbery', offenceDate: day('2023-03-01') }),
    offence({ sourceRow: 4, age: 15, offenceType: 'Shoplifting', offenceDate: day('2024-01-05') }),
    offence({ sourceRow: 5, age: 15, offenceType: 'Robbery', offenceDate: day('2022-12-31') }),
    offence({ sourceRow: 6, age: 15, offenceType: 'Robbery', offenceDate: day('2023-07-01') }),
    offence({ sourceRow: 7, age: 10, offenceType: 'Robbery', offenceDate: day('2023-01-01') }),
    offence({ sourceRow: 8, age: 17, offenceType: 'Robbery', offenceDate: day('2023-06-30') }),
  ];

  it('gives each row left out one issue, for its first reason, and counts them', () => {
    const result = scope(rows, window);
    expect(result.inScope.map((r) => r.sourceRow)).toEqual([7, 8]);
    expect(result.excluded).toEqual({ age: 2, type: 1, date: 2 });
    expect(result.issues.map((i) => [i.row, i.code, i.column, i.value])).toEqual([
      [2, 'ageOutsideBand', 'Age at Offence', '19'],
      [3, 'ageOutsideBand', 'Age at Offence', '9'],
      [4, 'offenceTypeOutOfScope', 'HO Offence Group', 'Shoplifting'],
      [5, 'dateOutsideWindow', 'Committed Date', '2022-12-31'],
      [6, 'dateOutsideWindow', 'Committed Date', '2023-07-01'],
    ]);
    expect(result.issues.every((i) => i.severity === 'info')).toBe(true);
    expect(result.issues[0].message).toBe(
      "Sheet 'Offences', row 2, column 'Age at Offence': age 19 is outside the age band 10–17; the row is not counted.",
    );
    expect(result.issues[3].message).toBe(
      "Sheet 'Offences', row 5, column 'Committed Date': 2022-12-31 is outside the date window 2023-01-01 to 2023-06-30; the row is not counted.",
    );
    expect(result.summary).toBe(
      '2 rows in scope of 7 rows valid; left out: 2 rows by the age band 10–17, 1 row by offence type, 2 rows by the date window',
    );
  });

  // Regression (was wrong before): Offence dates keep their time of day (validateOffences reads '31/12/2023 14:30' as 2023-12-31T14:30Z),
  // while the CLI (--to 2023-06-30) and the dialogue set dateTo to midnight at the start of that day.
  // An offence at 14:30 on the window's last day is inside the window the analyst asked for, yet it is
  // compared with midnight and left out, with a message that contradicts itself:
  // "2023-06-30 is outside the date window 2023-01-01 to 2023-06-30".
  it('an offence during the last day of the window (2023-06-30 14:30) is in scope', () => {
    const late = offence({ sourceRow: 9, offenceType: 'Robbery', offenceDate: new Date('2023-06-30T14:30:00Z') });
    const result = scope([late], window);
    expect(result.issues).toEqual([]);
    expect(result.inScope.map((r) => r.sourceRow)).toEqual([9]);
  });
});

describe('scopeOffences: nothing in scope', () => {
  it('with no valid rows, says so', () => {
    const result = scope([]);
    expect(result.inScope).toEqual([]);
    expect(result.problem).toEqual({
      sheet: 'Offences',
      row: 0,
      column: 'HO Offence Group',
      value: '',
      severity: 'error',
      code: 'nothingInScope',
      // No scope setting can help an empty sheet, so no remedy is offered (the pipeline stops earlier with the rows' own problems).
      message: "Sheet 'Offences' has no valid offence rows, so nothing is in scope.",
    });
  });

  it('with no type counted, lists the types found (most rows first) and asks for types', () => {
    // Shoplifting rows 2, 3; Criminal damage row 4; XYZ123 row 5. None counted by default.
    const rows = [typed(2, 'Shoplifting'), typed(3, 'Shoplifting'), typed(4, 'Criminal damage'), typed(5, 'XYZ123')];
    const result = scope(rows);
    expect(result.excluded).toEqual({ age: 0, type: 4, date: 0 });
    expect(result.problem?.code).toBe('nothingInScope');
    expect(result.problem?.message).toBe(
      "Sheet 'Offences': none of its offence types is counted as violence (the Home Office groups violence against the person, homicide, robbery and possession of weapons). " +
        'Types found: Shoplifting (Shoplifting, 2 rows); Criminal damage (Criminal damage and arson, 1 row); XYZ123 (not classified, 1 row). Choose the offence types to count.',
    );
    expect(result.problem?.remedy).toEqual({
      setting: 'offenceTypes',
      examples: ['Shoplifting', 'Criminal damage', 'XYZ123'],
    });
  });

  it('with no type matching a chosen list, names the list', () => {
    const result = scope([typed(2, 'Shoplifting')], { offenceTypes: ['Burglary', 'Fraud'] });
    expect(result.problem?.message).toBe(
      "Sheet 'Offences': none of its offence types is counted as violence under the chosen types (Burglary; Fraud). " +
        'Types found: Shoplifting (Shoplifting, 1 row). Choose the offence types to count.',
    );
  });

  it('with every row excluded by the date window, gives the breakdown by rule', () => {
    // Three robbery rows aged 15 in 2022; the window is 2023. Type counted, so the third message.
    const rows = [2, 3, 4].map((sourceRow) =>
      offence({ sourceRow, offenceType: 'Robbery', offenceDate: day('2022-05-01') }),
    );
    const result = scope(rows, { dateFrom: day('2023-01-01'), dateTo: day('2023-12-31') });
    expect(result.excluded).toEqual({ age: 0, type: 0, date: 3 });
    expect(result.problem?.message).toBe(
      "Sheet 'Offences': no offence is in scope. Of 3 rows valid, 0 rows have ages outside the age band 10–17, 0 rows have offence types not counted, " +
        'and 3 rows fall outside the date window 2023-01-01 to 2023-12-31. Widen the age band, the offence types or the date window.',
    );
    expect(result.problem?.remedy).toEqual({ setting: 'scope' });
  });

  it('an open-ended window is described from the first offence or to the last', () => {
    const rows = [offence({ sourceRow: 2, offenceType: 'Robbery', offenceDate: day('2022-05-01') })];
    expect(scope(rows, { dateFrom: day('2023-01-01') }).problem?.message).toContain(
      'outside the date window 2023-01-01 to the last.',
    );
    expect(scope(rows, { dateTo: day('2022-01-01') }).problem?.message).toContain(
      'outside the date window the first offence to 2022-01-01.',
    );
  });
});
