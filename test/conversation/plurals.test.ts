/** Counts in replies agree with their nouns: '1 row', '2 rows', never '1 rows'. */
import { createDialogueSession, type EngineContext } from '../../src/conversation';
import { agreeing, plural } from '../../src/conversation/dialogue/format';
import type { SheetData, WorkbookData } from '../../src/core/types';
import { smallWorkbook } from '../pipeline/smallWorkbookFixture';

/** The small workbook with one sheet changed. */
function withSheet(name: string, change: (sheet: SheetData) => SheetData): WorkbookData {
  return { sheets: smallWorkbook().sheets.map((sheet) => (sheet.name === name ? change(sheet) : sheet)) };
}

/** Offence C001 recorded as a robbery: the only row of its type. */
function oneRobbery(sheet: SheetData): SheetData {
  return {
    ...sheet,
    rows: sheet.rows.map((row) =>
      row[0] === 'C001' ? row.map((cell, column) => (column === 3 ? 'Robbery' : cell)) : row,
    ),
  };
}

describe('plural', () => {
  it.each([
    [0, 'row', '0 rows'],
    [1, 'row', '1 row'],
    [2, 'row', '2 rows'],
    [1234, 'row', '1,234 rows'],
    [1, 'young resident', '1 young resident'],
  ])('says %d %s as %s', (n, noun, said) => {
    expect(plural(n, noun)).toBe(said);
  });

  it('agrees with the count as shown, so an estimate of 0.8 pupils is said "1 pupil" and one of 1.4 too', () => {
    expect(plural(0.8, 'pupil')).toBe('1 pupil');
    expect(plural(1.4, 'pupil')).toBe('1 pupil');
    expect(plural(1.6, 'pupil')).toBe('2 pupils');
    expect(agreeing(0.8, 'lives', 'live')).toBe('lives');
    expect(agreeing(3, 'lives', 'live')).toBe('live');
  });

  it('takes an irregular plural', () => {
    expect(plural(1, 'list entry', 'list entries')).toBe('1 list entry');
    expect(plural(2, 'list entry', 'list entries')).toBe('2 list entries');
  });
});

describe('counts in replies', () => {
  it("describes a sheet of one data row as '(1 row)' and one of two as '(2 rows)'", () => {
    const context: EngineContext = {
      workbook: withSheet('VRU list', (sheet) => ({ ...sheet, rows: sheet.rows.slice(0, 2) })),
    };
    const reply = createDialogueSession().respond("what's in this workbook?", context);
    expect(reply.text).toContain("• 'VRU list' (1 row): current list");
    expect(reply.text).toContain("• 'Pupil residence' (4 rows): pupil residence");
    expect(reply.text).not.toMatch(/\b1 rows\b/);
  });

  it('counts an offence type of one row as "1 row" when it is chosen, and when it is offered', () => {
    const context: EngineContext = { workbook: withSheet('Offences', oneRobbery) };
    const session = createDialogueSession();
    expect(session.respond('count only robbery', context).text).toBe(
      'Counting one offence type as violence: Robbery (1 row). One other type is left out: Violence with injury (17 rows).',
    );
    const offered = session.respond('count only arson', context).text;
    expect(offered).toContain('The types there are: Violence with injury (17 rows); Robbery (1 row).');
  });

  it('asks about a bare "1" with one school, not "1 schools"', () => {
    const reply = createDialogueSession().respond('1', { workbook: smallWorkbook() });
    expect(reply.text).toBe(
      'Did you mean: withhold counts under 1, or compare the top 1 school with the current list?',
    );
    expect(reply.choices.map((choice) => choice.label)).toEqual(['Hide counts under 1', 'Top 1 school']);
  });

  it('says a top group of one as "the top 1 school"', () => {
    const reply = createDialogueSession().respond('top 1', { workbook: smallWorkbook() });
    expect(reply.text).toMatch(/^New candidates will be looked for among the top 1 school \(was 20\)\./);
  });
});

describe("the pane's digest of the current choices", () => {
  const briefs = (session: ReturnType<typeof createDialogueSession>) =>
    session.parameterSummary.flatMap((line) => (line.brief ? [line.brief] : []));

  it('names the age band, phases, small counts and top group at the start', () => {
    expect(briefs(createDialogueSession())).toEqual([
      'Ages 10–17',
      'secondary, all-through',
      'counts 1–4 withheld',
      'top 20',
    ]);
  });

  it('adds offence types, dates and rounding once they narrow the defaults, and says when zeros are withheld too', () => {
    const session = createDialogueSession();
    const context: EngineContext = { workbook: withSheet('Offences', oneRobbery) };
    for (const utterance of [
      'count only robbery',
      'from April 2022 to March 2023',
      'round to 5',
      'hide zeros',
      'suppress counts under 10',
    ])
      session.respond(utterance, context);
    expect(briefs(session)).toEqual([
      'Ages 10–17',
      '1 offence type',
      '1 April 2022 to 31 March 2023',
      'secondary, all-through',
      'counts 0–9 withheld',
      'rounded to 5',
      'top 20',
    ]);
  });
});
