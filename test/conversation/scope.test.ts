/**
 * What is counted, said truthfully: the offence type rule ([] = the Home Office violence groups,
 * ['all'] = every type, or a chosen list), the types a run counted and did not, the question about
 * types no group fits, the age band checked against the wards sheet when it is set, and a stopped
 * run answered with each problem and what to say here (never a command-line flag).
 *
 * Workbooks: test/conversation/scopeFixtures.ts (the small hand-made workbook with some offences
 * recorded as other types). Row counts in the expected replies are worked from that file: in the
 * sheet, 14 'Violence with injury', 2 'Criminal damage', 1 'Shoplifting', 1 'XYZ1'; of the 16 valid
 * rows (the copy of C002 and C016, aged 'unknown', are excluded), 12 'Violence with injury'.
 */
import { createDialogueSession, type DialogueSession, type EngineContext, type Reply } from '../../src/conversation';
import { loadHighsSolver, type LinearSolver } from '../../src/core/disclosure';
import { runAnalysis } from '../../src/core/pipeline/runAnalysis';
import type { AnalysisParameters, WorkbookData } from '../../src/core/types';
import { SMALL_PARAMETERS, smallWorkbook } from '../pipeline/smallWorkbookFixture';
import { mixedTypesWorkbook, noViolenceWorkbook, RECODED, singleYearWardsWorkbook, withSheet } from './scopeFixtures';

let solver: LinearSolver;
beforeAll(async () => {
  solver = await loadHighsSolver();
});

/** A session on a workbook, and a way to talk to it. */
function conversation(
  workbook: WorkbookData,
  parameters: AnalysisParameters = SMALL_PARAMETERS,
): { session: DialogueSession; say: (utterance: string) => Reply } {
  const session = createDialogueSession({ parameters });
  const context: EngineContext = { workbook, solver };
  return { session, say: (utterance) => session.respond(utterance, context) };
}

const summaryValue = (session: DialogueSession, label: string) =>
  session.parameterSummary.find((line) => line.label === label);
const wroteSheets = (reply: Reply): boolean => reply.effects.some((effect) => effect.kind === 'writeReport');

const NOT_COUNTED_BY_DEFAULT =
  'Not counted: Criminal damage (2 rows); Shoplifting (1 row); XYZ1 (1 row, not recognised).';
const DEFAULT_REPLY = `Counting the Home Office violence groups (the default): Violence with injury (14 rows). ${NOT_COUNTED_BY_DEFAULT}`;

describe('choosing the offence types', () => {
  it('counts every type on "all offence types" (not the default, which is violence only)', () => {
    const { session, say } = conversation(mixedTypesWorkbook());
    const reply = say('count every offence type');
    expect(reply.command).toEqual({ kind: 'setOffenceTypes', types: ['all'] });
    expect(session.parameters.offenceTypes).toEqual(['all']);
    expect(reply.text).toBe(
      "Counting every offence type (4 types in 'Offences'): Violence with injury (14 rows); Criminal damage (2 rows); Shoplifting (1 row); XYZ1 (1 row, not recognised).",
    );
    expect(summaryValue(session, 'Offence types')).toEqual({
      label: 'Offence types',
      value: 'every type',
      brief: 'every offence type',
    });
  });

  it.each(['only violence', 'the default types', 'reset the offence types', 'back to the default offence types'])(
    '"%s" goes back to the default, the violence groups',
    (utterance) => {
      const { session, say } = conversation(mixedTypesWorkbook());
      say('all offence types');
      const reply = say(utterance);
      expect(reply.command).toEqual({ kind: 'setOffenceTypes', types: [] });
      expect(session.parameters.offenceTypes).toEqual([]);
      expect(reply.text).toBe(DEFAULT_REPLY);
      expect(summaryValue(session, 'Offence types')).toEqual({
        label: 'Offence types',
        value: 'violence (the Home Office groups, the default)',
      });
    },
  );

  it('"include criminal damage" adds the type to the violence groups, keeping them', () => {
    const { session, say } = conversation(mixedTypesWorkbook());
    const reply = say('include criminal damage');
    expect(reply.command).toEqual({ kind: 'setOffenceTypes', types: ['violence', 'Criminal damage'] });
    expect(reply.text).toBe(
      'Counting 2 offence types as violence: Violence with injury (14 rows); Criminal damage (2 rows). 2 other types are left out: Shoplifting (1 row); XYZ1 (1 row, not recognised).',
    );
    expect(summaryValue(session, 'Offence types')).toEqual({
      label: 'Offence types',
      value: 'violence (the Home Office groups); Criminal damage',
      brief: 'violence + 1 more type',
    });
    // Undo goes back to the default.
    expect(say('undo').text).toContain('Offence types: violence (the Home Office groups, the default)');
    expect(session.parameters.offenceTypes).toEqual([]);
  });

  it('includes a Home Office group by name when the sheet writes its types otherwise', () => {
    const { say } = conversation(
      mixedTypesWorkbook({ ...RECODED, C003: 'Arson', C009: 'Criminal damage to a vehicle' }),
    );
    const reply = say('include criminal damage');
    expect(reply.command).toEqual({ kind: 'setOffenceTypes', types: ['violence', 'criminalDamageAndArson'] });
    expect(reply.text).toBe(
      'Counting 3 offence types as violence: Violence with injury (14 rows); Arson (1 row); Criminal damage to a vehicle (1 row). 2 other types are left out: Shoplifting (1 row); XYZ1 (1 row, not recognised).',
    );
  });

  it('"exclude robbery" from the default counts the other violence groups, and "include robbery" brings the default back', () => {
    // C012 (row 13) recorded as robbery: 13 rows of violence with injury are left.
    const { session, say } = conversation(mixedTypesWorkbook({ ...RECODED, C012: 'Robbery' }));
    const reply = say('exclude robbery');
    expect(session.parameters.offenceTypes).toEqual([
      'homicide',
      'deathOrSeriousInjuryByDriving',
      'violenceWithInjury',
      'violenceWithoutInjury',
      'stalkingAndHarassment',
      'violenceAgainstThePerson',
      'possessionOfWeapons',
    ]);
    expect(reply.text).toBe(
      'Counting one offence type as violence: Violence with injury (13 rows). 4 other types are left out: Criminal damage (2 rows); Robbery (1 row); Shoplifting (1 row); XYZ1 (1 row, not recognised).',
    );
    expect(summaryValue(session, 'Offence types')!.value).toBe(
      'Homicide; Death or serious injury caused by unlawful driving; Violence with injury; Violence without injury; Stalking and harassment; Violence against the person; Possession of weapons',
    );
    const back = say('include robbery');
    expect(back.command).toEqual({ kind: 'setOffenceTypes', types: [] });
    expect(back.text).toBe(
      'Counting the Home Office violence groups (the default): Violence with injury (13 rows); Robbery (1 row). Not counted: Criminal damage (2 rows); Shoplifting (1 row); XYZ1 (1 row, not recognised).',
    );
  });

  it('takes one type out of "every type" by listing what is left', () => {
    const { session, say } = conversation(mixedTypesWorkbook());
    say('all offence types');
    const reply = say('exclude shoplifting');
    expect(session.parameters.offenceTypes).toEqual(['violence', 'criminalDamageAndArson', 'XYZ1']);
    expect(reply.text).toBe(
      'Counting 3 offence types as violence: Violence with injury (14 rows); Criminal damage (2 rows); XYZ1 (1 row, not recognised). One other type is left out: Shoplifting (1 row).',
    );
  });

  it('takes violence out of a chosen list, leaving the type added to it', () => {
    const { session, say } = conversation(mixedTypesWorkbook());
    say('include criminal damage');
    const reply = say('exclude violence');
    expect(session.parameters.offenceTypes).toEqual(['Criminal damage']);
    expect(reply.text).toBe(
      'Counting one offence type as violence: Criminal damage (2 rows). 3 other types are left out: Violence with injury (14 rows); Shoplifting (1 row); XYZ1 (1 row, not recognised).',
    );
  });

  it('says when nothing changes, and refuses to leave nothing to count', () => {
    const { session, say } = conversation(mixedTypesWorkbook());
    const already = say('include violence with injury');
    expect(already.text).toBe("'Violence with injury' is already counted, so nothing changes.");
    const absent = say('exclude robbery');
    expect(absent.text).toBe("Robbery is not among the types counted in 'Offences', so nothing changes.");
    const refused = say('exclude violence');
    expect(refused.command).toBeNull();
    expect(refused.text).toBe('That would leave no offence type to count. Say e.g. "count only robbery".');
    expect(session.parameters.offenceTypes).toEqual([]);
  });

  it('asks when a type named is not in the sheet, listing the types there with their rows', () => {
    const { say } = conversation(mixedTypesWorkbook());
    const reply = say('include burglary');
    expect(reply.question).toBe(true);
    expect(reply.text).toBe(
      "No offence type in 'Offences' matches 'burglary'. The types there are: Violence with injury (14 rows); Criminal damage (2 rows); Shoplifting (1 row); XYZ1 (1 row, not recognised). Which should be counted?",
    );
    expect(reply.choices.map((choice) => choice.utterance)).toEqual([
      "include 'Violence with injury'",
      "include 'Criminal damage'",
      "include 'Shoplifting'",
      "include 'XYZ1'",
    ]);
  });
});

describe('after a run: what was counted, and the types no group fits', () => {
  it('lists the types not counted with their rows, and asks whether to count the one it cannot classify', () => {
    const { say } = conversation(mixedTypesWorkbook());
    const reply = say('run');
    expect(wroteSheets(reply)).toBe(true);
    const lines = reply.text.split('\n');
    expect(lines[0]).toMatch(/^Run 1 done: 4 wards/);
    // Counted: the valid offences C001 (10 January 2023) … C017 (4 July 2023), ages 10–17, violence with injury.
    expect(lines.slice(3)).toEqual([
      'Period: 10 January 2023 to 4 July 2023 (the first to the last offence counted).',
      'Offence types counted (the Home Office violence groups, the default): Violence with injury (12 rows).',
      'Not counted as violence: Criminal damage (2 rows); Shoplifting (1 row). To include one, say e.g. "include \'Criminal damage\'".',
      'Writing the Summary, Schools, Sensitivity, Wards, Charts, Validation, Method and Audit sheets.',
      "'XYZ1' (1 row) is not an offence type I recognise, so it was not counted. Should it count as violence?",
    ]);
    expect(reply.question).toBe(true);
    expect(reply.choices).toEqual([
      { label: "Count 'XYZ1' as violence", utterance: "include 'XYZ1'" },
      { label: 'Leave it out', utterance: "leave out 'XYZ1'" },
    ]);
  });

  it('counts it when told to, and says to run again', () => {
    const { session, say } = conversation(mixedTypesWorkbook());
    say('run');
    const answer = say('count it as violence');
    expect(answer.command).toEqual({ kind: 'setOffenceTypes', types: ['violence', 'XYZ1'] });
    expect(answer.text).toBe(
      'Counting 2 offence types as violence: Violence with injury (14 rows); XYZ1 (1 row, not recognised). 2 other types are left out: Criminal damage (2 rows); Shoplifting (1 row). Say "run" to update the results.',
    );
    expect(answer.choices[0]).toEqual({ label: 'Run the analysis', utterance: 'run the analysis' });
    expect(session.parameters.offenceTypes).toEqual(['violence', 'XYZ1']);
    const second = say('run');
    expect(second.question).toBe(false);
    expect(second.text).toContain(
      'Offence types counted (as you chose): Violence with injury (12 rows); XYZ1 (1 row, not recognised).',
    );
    expect(second.text).not.toContain('not an offence type I recognise');
  });

  it('leaves it out when told to, and then lists it without asking again', () => {
    const { session, say } = conversation(mixedTypesWorkbook());
    say('run');
    const answer = say('leave it out');
    expect(answer.command).toEqual({ kind: 'setOffenceTypes', types: ['XYZ1'], mode: 'remove' });
    expect(answer.text).toBe(
      "'XYZ1' is not among the types counted in 'Offences', so nothing changes. I will not ask about it again.",
    );
    expect(session.parameters.offenceTypes).toEqual([]);
    const second = say('run');
    expect(second.question).toBe(false);
    expect(second.text).toContain('Not recognised, and left out as you said: XYZ1 (1 row).');
    expect(second.choices).toContainEqual({ label: 'Include Criminal damage', utterance: "include 'Criminal damage'" });
  });

  it('asks about several unclassified types at once, with a choice for each and for all', () => {
    const { session, say } = conversation(mixedTypesWorkbook({ ...RECODED, C006: 'ABC2' }));
    const reply = say('run');
    expect(reply.text.split('\n').pop()).toBe(
      '2 offence types are not ones I recognise, so they were not counted: ABC2 (1 row); XYZ1 (1 row). Should any count as violence?',
    );
    expect(reply.choices).toEqual([
      { label: "Count 'ABC2' as violence", utterance: "include 'ABC2'" },
      { label: "Count 'XYZ1' as violence", utterance: "include 'XYZ1'" },
      { label: 'Count all 2 as violence', utterance: "include 'ABC2' and 'XYZ1'" },
      { label: 'Leave them out', utterance: "leave out 'ABC2' and 'XYZ1'" },
    ]);
    say('count all 2 as violence');
    expect(session.parameters.offenceTypes).toEqual(['violence', 'ABC2', 'XYZ1']);
  });
});

describe('the age band, checked against the wards sheet when it is set', () => {
  it('refuses a band the wards sheet has no population for, naming its columns, and keeps the band', () => {
    const { session, say } = conversation(smallWorkbook());
    const reply = say('only ages 11 to 16');
    expect(reply.command).toBeNull();
    expect(reply.text).toBe(
      "Sheet 'Wards' has no population for ages 11–16: there are no single-year columns for ages 11–16 and no column for the band 11–16. " +
        "Its population columns are 'age_10_17' (ages 10–17). The age band stays 10–17. " +
        'If another column holds the population aged 11–16, name it: "use column \'Header text\' for population".',
    );
    expect(session.parameters.ageBand).toEqual([10, 17]);
  });

  it('asks which of the bands the sheet has to use, and takes the answer', () => {
    const { session, say } = conversation(singleYearWardsWorkbook());
    expect(say('only ages 11 to 16').text).toBe(
      "Counting offenders aged 11–16 at the time of the offence (was 10–17); the wards' young population uses the same ages.",
    );
    const reply = say('ages 9 to 16');
    expect(reply.question).toBe(true);
    expect(reply.text).toBe(
      "Sheet 'Wards' has no population for ages 9–16: there is no single-year column for age 9 and no column for the band 9–16. " +
        "Its population columns are single-year columns for ages 10–17 ('age_10' to 'age_17'). The age band stays 11–16. " +
        'If another column holds the population aged 9–16, name it: "use column \'Header text\' for population".\n' +
        'Which age band should I use: 10–16 or 11–16?',
    );
    expect(reply.choices).toEqual([
      { label: 'Ages 10–16', utterance: 'only ages 10 to 16' },
      { label: 'Ages 11–16 (as now)', utterance: 'only ages 11 to 16' },
    ]);
    expect(session.parameters.ageBand).toEqual([11, 16]);
    expect(say('the first').command).toEqual({ kind: 'setAgeBand', from: 10, to: 16 });
    expect(session.parameters.ageBand).toEqual([10, 16]);
  });

  it('takes any band once the analyst names the population column', () => {
    const { session, say } = conversation(smallWorkbook());
    expect(say("use column 'age_10_17' for population").command).toEqual({
      kind: 'mapColumn',
      role: 'wards',
      field: 'youngPopulation',
      header: 'age_10_17',
    });
    expect(say('only ages 11 to 16').command).toEqual({ kind: 'setAgeBand', from: 11, to: 16 });
    expect(session.parameters.ageBand).toEqual([11, 16]);
  });
});

describe('a run that stops: each problem, and what to say here', () => {
  const FLAG = /(^|\s)--[a-z]/;

  it("gives the breakdown the command line gives when nothing is in scope, with the dialogue's remedy", () => {
    const workbook = noViolenceWorkbook();
    const { say } = conversation(workbook);
    const reply = say('run');
    const outcome = runAnalysis({ workbook, solver }, SMALL_PARAMETERS);
    if (outcome.ok) throw new Error('expected the run to stop');
    expect(outcome.problems.map((problem) => problem.code)).toEqual(['nothingInScope']);
    expect(reply.text).toBe(
      `The analysis could not run on this input:\n• ${outcome.problems[0].message} ` +
        'Say e.g. "include \'Criminal damage\'" (added to those counted), "count only \'Criminal damage\'" or "count every offence type".',
    );
    expect(reply.text).toContain('Types found: Criminal damage (Criminal damage and arson, 16 rows).');
    expect(reply.text).not.toMatch(FLAG);
    expect(reply.choices.slice(0, 2)).toEqual([
      { label: 'Include Criminal damage', utterance: "include 'Criminal damage'" },
      { label: 'Count every offence type', utterance: 'all offence types' },
    ]);
    // Taking the advice runs.
    expect(say("include 'Criminal damage'").command).toEqual({
      kind: 'setOffenceTypes',
      types: ['violence', 'Criminal damage'],
    });
    expect(say('run').text).toMatch(/^Run 1 done/);
  });

  // A window with no offence is now refused when it is set (issue part 9, below); a session that
  // starts with one still gets the run's advice on how to count more.
  it('says how to widen the scope when the date window leaves nothing', () => {
    const workbook = smallWorkbook();
    const { say } = conversation(workbook, {
      ...SMALL_PARAMETERS,
      dateFrom: new Date('2030-01-01T00:00:00Z'),
      dateTo: new Date('2030-02-01T00:00:00Z'),
    });
    const reply = say('run');
    expect(reply.text).toContain("Sheet 'Offences': no offence is in scope.");
    expect(reply.text.split('\n')[1]).toMatch(
      / To count more, say e\.g\. "count every offence type" or "all dates"\.$/,
    );
    expect(reply.text).not.toMatch(FLAG);
    expect(reply.choices.slice(0, 2)).toEqual([
      { label: 'Count every offence type', utterance: 'all offence types' },
      { label: 'All dates', utterance: 'all dates' },
    ]);
  });

  it('refuses a date window with no offence in it when it is set, saying what the sheet holds', () => {
    const { session, say } = conversation(smallWorkbook());
    const reply = say('from 2030-01-01 to 2030-02-01');
    expect(reply.command).toBeNull();
    expect(reply.text).toBe(
      "No offence in 'Offences' is dated 1 January 2030 to 1 February 2030: its offences run from 10 January 2023 to 4 July 2023. The dates stay all dates.",
    );
    expect(reply.choices.map((choice) => choice.utterance)).toEqual(['the last 12 months', 'all dates']);
    expect(session.parameters.dateFrom).toBeUndefined();
  });

  it('names a missing column the way the parser reads it, and the answer lets the run go on', () => {
    // The age header renamed 'Years': nothing recognises it as the age.
    const workbook = withSheet(smallWorkbook(), 'Offences', (sheet) => ({
      ...sheet,
      rows: sheet.rows.map((row, i) =>
        i === 0 ? row.map((cell) => (cell === 'Age at Offence' ? 'Years' : cell)) : row,
      ),
    }));
    const { say } = conversation(workbook);
    const stopped = say('run');
    expect(stopped.text.split('\n')[1]).toMatch(
      /^• Sheet 'Offences', row 1 \(headers\), column for offences\.age: .* Say e\.g\. "use column 'Header text' for age"\.$/,
    );
    expect(stopped.text).not.toMatch(FLAG);
    expect(stopped.text).not.toContain('=Header text');
    expect(say("what's in this workbook?").text).toContain(
      `• 'Offences' has no column for the offender's age: say e.g. "use column 'Header text' for age".`,
    );
    expect(say("use column 'Years' for age").command).toEqual({
      kind: 'mapColumn',
      role: 'offences',
      field: 'age',
      header: 'Years',
    });
    expect(say('run').text).toMatch(/^Run 1 done/);
  });

  it('offers the sheets when no sheet fits a role', () => {
    const { say } = conversation({ sheets: [{ name: 'Notes', rows: [['Nothing here'], ['at all']] }] });
    const reply = say('run');
    expect(reply.text).toContain(
      "• No sheet looks like an offences sheet: none has the columns it needs. Sheets found: 'Notes'. Say e.g. \"use 'Sheet name' for offences\".",
    );
    expect(reply.text).not.toMatch(FLAG);
    expect(reply.choices[0]).toEqual({ label: "Use 'Notes' for offences", utterance: "use 'Notes' for offences" });
  });

  it('offers the bands the wards sheet has when the starting band is not among them', () => {
    const { say } = conversation(smallWorkbook(), { ...SMALL_PARAMETERS, ageBand: [11, 16] });
    const reply = say('run');
    expect(wroteSheets(reply)).toBe(false);
    expect(reply.text).toContain("Sheet 'Wards', row 1: the population aged 11–16 cannot be found.");
    expect(reply.text).toMatch(/ Say e\.g\. "only ages 10 to 17" or "use column 'Header text' for population"\.$/);
    expect(reply.text).not.toMatch(FLAG);
    expect(reply.choices[0]).toEqual({ label: 'Ages 10–17', utterance: 'only ages 10 to 17' });
    expect(say('only ages 10 to 17').command).toEqual({ kind: 'setAgeBand', from: 10, to: 17 });
    expect(say('run').text).toMatch(/^Run 1 done/);
  });
});
