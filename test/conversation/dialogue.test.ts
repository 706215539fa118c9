/**
 * The dialogue on workbooks: the small hand-made one (expected figures worked by hand from
 * smallWorkbookFixture.ts) and one from the seeded generator (expected list membership from the
 * generator's own record). Each test holds a conversation and checks the replies and effects.
 */
import { createDialogueSession, type DialogueSession, type EngineContext, type Reply } from '../../src/conversation';
import { loadHighsSolver, type LinearSolver } from '../../src/core/disclosure';
import { DEFAULT_PARAMETERS, type SheetData } from '../../src/core/types';
import { generateDemo, DEMO_SHEET_NAMES } from '../../src/demo';
import { WRITTEN_SHEETS } from '../../src/report';
import type { SheetModel } from '../../src/report/sheetModel';
import { SMALL_PARAMETERS, WARDS } from '../pipeline/smallWorkbookFixture';
import { CRIMES_2021_PARAMETERS, steppingClock, tableRows, twoOffenceSheetsWorkbook } from './dialogueFixtures';

let solver: LinearSolver;
beforeAll(async () => {
  solver = await loadHighsSolver();
});

function modelsOf(reply: Reply): readonly SheetModel[] {
  const effect = reply.effects.find((e) => e.kind === 'writeReport');
  if (!effect || effect.kind !== 'writeReport') throw new Error(`No sheets written; the reply was: ${reply.text}`);
  return effect.models;
}

describe('a conversation on a workbook with two offence-like sheets', () => {
  let session: DialogueSession;
  let context: EngineContext;
  const say = (utterance: string): Reply => session.respond(utterance, context);

  beforeAll(() => {
    session = createDialogueSession({ parameters: CRIMES_2021_PARAMETERS, now: steppingClock() });
    context = { workbook: twoOffenceSheetsWorkbook(), solver };
  });

  it('describes the workbook and asks which sheet holds the offences', () => {
    const reply = say("What's in this workbook?");
    expect(reply.command).toEqual({ kind: 'describe' });
    expect(reply.text).toContain('This workbook has 7 sheets:');
    expect(reply.text).toContain("• 'Schools' (5 rows): schools");
    expect(reply.text).toContain("• 'Wards' (4 rows): wards");
    expect(reply.text).toContain("• 'VRU list' (2 rows): current list");
    expect(reply.text).toContain("Two sheets look like offences: 'Crimes 2020' or 'Crimes 2021'?");
    expect(reply.question).toBe(true);
    expect(reply.choices).toEqual([
      { label: 'Crimes 2020', utterance: "use 'Crimes 2020' for offences" },
      { label: 'Crimes 2021', utterance: "use 'Crimes 2021' for offences" },
    ]);
    expect(reply.effects).toEqual([]);
  });

  it('takes a typed answer to the question and records the resolved command', () => {
    const reply = say('the 2021 one');
    expect(reply.command).toEqual({ kind: 'useSheet', role: 'offences', sheet: 'Crimes 2021' });
    expect(reply.text).toContain("The offences will be read from 'Crimes 2021'.");
    expect(reply.question).toBe(false);
    expect(session.parameterSummary).toContainEqual({
      label: 'Sheet for offences',
      value: "'Crimes 2021' (your choice)",
    });
  });

  it('sets the suppression threshold and notes the common presets', () => {
    const reply = say('suppress counts under three');
    expect(reply.command).toEqual({ kind: 'setThreshold', threshold: 3 });
    expect(reply.text).toContain('Counts from 1 to 2 will be withheld as [c]');
    expect(reply.text).toContain('Common thresholds are 3, 5, 7 and 10.');
    expect(session.parameters.threshold).toBe(3);
  });

  let firstRun: readonly SheetModel[];
  it('runs on the chosen sheet and asks the host to write the sheets, then show the Summary', () => {
    const reply = say('go');
    expect(reply.command).toEqual({ kind: 'run' });
    firstRun = modelsOf(reply);
    expect(firstRun.map((model) => model.name)).toEqual([...WRITTEN_SHEETS]);
    expect(reply.effects[1]).toEqual({ kind: 'activateSheet', baseName: 'Summary' });
    expect(reply.text).toMatch(/^Run 1 done: 4 wards/);
    // Crimes 2021 holds three offences, all in Beta: the Wards sheet counts 3 there and 0 elsewhere.
    const wards = tableRows(firstRun, 'Wards', 'tblWards');
    const offences = Object.fromEntries(wards.map((ward) => [ward['Ward code'], ward.Offences]));
    expect(offences).toEqual({ [WARDS.W1.code]: 0, [WARDS.W2.code]: 3, [WARDS.W3.code]: 0, [WARDS.W4.code]: 0 });
  });

  it('records every turn so far on the Audit sheet, the run included', () => {
    const dialogue = tableRows(firstRun, 'Audit', 'tblDialogue');
    expect(dialogue.map((row) => [row.Turn, row.Utterance])).toEqual([
      [1, "What's in this workbook?"],
      [2, 'the 2021 one'],
      [3, 'suppress counts under three'],
      [4, 'go'],
    ]);
    expect(dialogue[1]['Command (JSON)']).toBe('{"kind":"useSheet","role":"offences","sheet":"Crimes 2021"}');
    expect(dialogue[0].Time).toBe('2024-03-01T09:00:00.000Z');
  });

  it('answers which top schools are not on the list from the latest run, without running again', () => {
    const reply = say('which of the top 3 are not on the VRU list?');
    expect(reply.effects).toEqual([]);
    expect(reply.command).toEqual({ kind: 'newCandidates', n: 3 });
    // Ranked: 100001, 100002, 100003 (open secondary). The list holds 100002 (and closed 100005, not ranked).
    expect(reply.text).toContain("2 of the top 3 are not on the current list ('VRU list'):");
    expect(reply.text).toMatch(/Park Hall Academy \(URN 100001\)/);
    expect(reply.text).toMatch(/=Elm Grove School \(URN 100003\)/);
    expect(reply.text).not.toMatch(/Hill Top School \(URN 100002\)/);
    expect(reply.text).toContain('1 list entry names a school not ranked (row 3): Old Road School, as it is closed.');
  });

  it("explains a school's figures from its observed catchment, worked by hand", () => {
    const reply = say('why is Park Hall ranked 3rd?');
    expect(reply.command).toMatchObject({
      kind: 'explainSchool',
      school: 'Park Hall Academy',
      urn: '100001',
      claimedRank: 3,
    });
    // Residence rows in study wards: Alpha 300, Beta 100, Gamma 100 of a roll of 1,000 -> shares 60/20/20%, coverage 50%.
    expect(reply.text).toContain('Park Hall Academy (URN 100001, secondary, 1,000 pupils)');
    expect(reply.text).toContain(
      'Catchment: observed, from the pupil residence sheet (the rows cover 50% of the roll).',
    );
    // Rates per 1,000: Alpha 0, Beta 3, Gamma 0; area 3 / 4,000 = 0.75. Exposure 0.2 × 3 = 0.60, index 80.
    expect(reply.text).toContain('Exposure index 80 (area average = 100)');
    expect(reply.text).toContain('averaging 0.60 violent offences per 1,000 young residents, against 0.75');
    expect(reply.text).toContain('• Beta (E05000002): 20% × 3.00 = 0.60; similar to average');
    expect(reply.text).toContain('It is not on the current list and is in the top 20: a new candidate.');
  });

  it('never reveals a withheld count when asked about its ward', () => {
    // Young offenders resident in Beta: O10 and O11 = 2, withheld (Delta's 1 too).
    const beta = tableRows(firstRun, 'Wards', 'tblWards').find((ward) => ward['Ward code'] === WARDS.W2.code)!;
    expect(beta['Young offenders resident']).toBe('[c]');
    const reply = say('tell me about Beta ward');
    expect(reply.command).toEqual({ kind: 'explainWard', ward: 'Beta', code: WARDS.W2.code });
    expect(reply.text).toContain('Young offenders living here: [c], withheld to protect confidentiality');
    // Saying why (a small count, or cover for another) would narrow the hidden count: never said.
    expect(reply.text).not.toMatch(/from 1 to|cannot be worked out|small count/i);
    expect(reply.text).not.toMatch(/living here: 2\b/);
  });

  it('keeps a stricter rerun consistent with the first run: a count already public stays shown, and the reply says why', () => {
    // All three offences are in Beta, so the area's offences are 3, shown by run 1 (threshold 3).
    // Under a threshold of 10 they would be withheld, but they are public already with exactly
    // these records: withholding them now would hide nothing, so they are shown as then.
    expect(say('hide counts below ten').command).toEqual({ kind: 'setThreshold', threshold: 10 });
    const reply = say('run it again');
    expect(reply.effects.map((effect) => effect.kind)).toEqual(['writeReport', 'activateSheet']);
    expect(reply.text).toContain('Protected together with run 1 on these records');
    expect(reply.text).toMatch(
      /\d+ counts have exactly the records of counts published before, so they are shown or withheld as then/,
    );
    const beta = say('tell me about Beta ward').text;
    expect(beta).toContain('Violent offences that happened here: 3, a rate of 3.00 per 1,000');
  });

  it('undoes the last change of choices, not the sheets already written', () => {
    const reply = say('undo');
    expect(reply.command).toEqual({ kind: 'undo' });
    expect(reply.text).toContain('Undid the suppression threshold.');
    expect(reply.text).toContain('Sheets already written stay as they are.');
    expect(session.parameters.threshold).toBe(3);
    // "under three" changed nothing (the threshold was 3 already), so the next undo reverts the sheet choice.
    expect(say('undo').text).toContain('Undid the sheet for offences.');
    expect(session.parameterSummary.some((line) => line.label === 'Sheet for offences')).toBe(false);
    expect(say('undo').text).toBe('Nothing to undo: no choice has been changed yet.');
  });

  it('asks which reading of a bare number was meant, and takes the button', () => {
    const question = say('make it 10');
    expect(question.question).toBe(true);
    expect(question.command).toBeNull();
    const answer = say(question.choices[1].utterance);
    expect(answer.command).toEqual({ kind: 'setTopN', topN: 10 });
    expect(session.parameters.topN).toBe(10);
  });

  it('says it did not understand, with suggestions, and changes nothing', () => {
    const before = session.parameters;
    const reply = say('purple monkey dishwasher');
    expect(reply.command).toBeNull();
    expect(reply.text).toMatch(/^I did not understand/);
    expect(reply.choices.length).toBeGreaterThan(0);
    expect(session.parameters).toBe(before);
  });

  it('keeps a transcript of every turn, in order', () => {
    expect(session.transcript.map((turn) => turn.turn)).toEqual(session.transcript.map((_, i) => i + 1));
    expect(session.transcript[session.transcript.length - 1].utterance).toBe('purple monkey dishwasher');
  });
});

describe('questions and their answers', () => {
  const context = (): EngineContext => ({ workbook: twoOffenceSheetsWorkbook(), solver });

  it('asks before running when two sheets look alike, and runs once one is chosen', () => {
    const session = createDialogueSession({ parameters: SMALL_PARAMETERS });
    const first = session.respond('run the analysis', context());
    expect(first.question).toBe(true);
    expect(first.effects).toEqual([]);
    expect(first.text).toContain("Before running: Two sheets look like offences: 'Crimes 2020' or 'Crimes 2021'?");
    expect(session.respond('2020', context()).command).toEqual({
      kind: 'useSheet',
      role: 'offences',
      sheet: 'Crimes 2020',
    });
    const run = session.respond('run the analysis', context());
    const steps = tableRows(modelsOf(run), 'Audit', 'tblAudit');
    expect(steps.find((step) => step.What === 'Detect sheets')!.Detail).toContain("offences='Crimes 2020'");
  });

  it('asks which school when a name fits several, and takes the answer', () => {
    const workbook = twoOffenceSheetsWorkbook();
    const schools = workbook.sheets.find((sheet) => sheet.name === 'Schools')!;
    // Rename Elm Grove so two ranked schools are called Hill Top.
    const renamed: SheetData = {
      ...schools,
      rows: schools.rows.map((row) => (row[0] === 100003 ? [row[0], 'Hill Top Academy', ...row.slice(2)] : row)),
    };
    const ctx: EngineContext = {
      workbook: { sheets: workbook.sheets.map((sheet) => (sheet.name === 'Schools' ? renamed : sheet)) },
      solver,
    };
    const session = createDialogueSession({ parameters: SMALL_PARAMETERS, roleOverrides: { offences: 'Crimes 2020' } });
    session.respond('run', ctx);
    const question = session.respond('why is Hill Top so high?', ctx);
    expect(question.question).toBe(true);
    expect(question.text).toContain("Several ranked schools fit 'Hill Top'");
    expect(question.choices.map((choice) => choice.label).sort()).toEqual([
      'Hill Top Academy (URN 100003)',
      'Hill Top School (URN 100002)',
    ]);
    const answer = session.respond('the academy', ctx);
    expect(answer.command).toMatchObject({ kind: 'explainSchool', urn: '100003' });
    expect(answer.text).toContain('Hill Top Academy (URN 100003, secondary, 600 pupils)');
  });

  it('offers the sheets when a named sheet does not exist', () => {
    const session = createDialogueSession({ parameters: SMALL_PARAMETERS });
    const reply = session.respond("use 'Crimes 2019' for offences", context());
    expect(reply.question).toBe(true);
    expect(reply.text).toContain("There is no sheet called 'Crimes 2019'.");
    expect(reply.choices.map((choice) => choice.utterance)).toEqual([
      "use 'Crimes 2020' for offences",
      "use 'Crimes 2021' for offences",
    ]);
    expect(session.parameterSummary.some((line) => line.label === 'Sheet for offences')).toBe(false);
  });

  it('matches offence types to the sheet and asks when a type is not there', () => {
    const session = createDialogueSession({ parameters: SMALL_PARAMETERS });
    const reply = session.respond('count only robbery', context());
    expect(reply.question).toBe(true);
    expect(reply.text).toContain("No offence type in 'Crimes 2020' matches 'robbery'.");
    expect(reply.choices).toEqual([{ label: 'Violence with injury', utterance: "count only 'Violence with injury'" }]);
    const answer = session.respond('violence with injury', context());
    expect(answer.command).toEqual({ kind: 'setOffenceTypes', types: ['Violence with injury'] });
    expect(session.parameters.offenceTypes).toEqual(['Violence with injury']);
  });

  it('asks which sheet a column belongs to when several have it', () => {
    const session = createDialogueSession({ parameters: SMALL_PARAMETERS, roleOverrides: { offences: 'Crimes 2020' } });
    const reply = session.respond('the urn column is URN', context());
    expect(reply.question).toBe(true);
    expect(reply.choices.map((choice) => choice.utterance)).toEqual([
      "map schools.urn to 'URN'",
      "map pupilResidence.urn to 'URN'",
      "map currentList.urn to 'URN'",
    ]);
    expect(session.respond('pupil residence', context()).command).toEqual({
      kind: 'mapColumn',
      role: 'pupilResidence',
      field: 'urn',
      header: 'URN',
    });
  });

  it('drops a question when the analyst moves on to something else', () => {
    const session = createDialogueSession({ parameters: SMALL_PARAMETERS });
    expect(session.respond('10', context()).question).toBe(true);
    // (The wards sheet has the population aged 10–17 only, so the move is to a date window.)
    const reply = session.respond('from April 2022 to March 2023', context());
    expect(reply.command).toEqual({ kind: 'setDates', from: '2022-04-01', to: '2023-03-31' });
    expect(session.parameters.dateFrom).toEqual(new Date('2022-04-01T00:00:00Z'));
  });

  it('refuses a setting that cannot work and keeps the old one', () => {
    const session = createDialogueSession();
    const reply = session.respond('exclude secondary and all-through', context());
    expect(reply.command).toBeNull();
    expect(reply.text).toContain('That would leave no phase to rank');
    expect(session.parameters.phases).toEqual(DEFAULT_PARAMETERS.phases);
  });

  // Results imply a run (issue part 5): asked for before any run, the analysis runs first. Here the
  // run must first ask which offences sheet; once answered, it runs and the top schools follow.
  it('runs the analysis first when results are asked for before any run, asking what the run needs', () => {
    const session = createDialogueSession({ parameters: SMALL_PARAMETERS });
    const reply = session.respond('show the top 10', context());
    expect(reply.question).toBe(true);
    expect(reply.ran).toBe(false);
    expect(reply.text).toContain(
      "To answer that I need to run the analysis first. Two sheets look like offences: 'Crimes 2020' or 'Crimes 2021'?",
    );
    const answer = session.respond('2020', context());
    expect(answer.commands).toEqual([
      { kind: 'useSheet', role: 'offences', sheet: 'Crimes 2020' },
      // Recorded as asked (the top 10); the reply shows the 3 ranked.
      { kind: 'showTop', n: 10 },
    ]);
    expect(answer.ran).toBe(true);
    expect(answer.text).toContain(
      'I ran the analysis first (run 1): 4 wards, 3 schools ranked; its sheets are written.',
    );
    expect(answer.text).toContain('The top 3 of 3 schools by exposure');
    expect(modelsOf(answer).map((model) => model.name)).toEqual([...WRITTEN_SHEETS]);
  });
});

describe('a conversation on a generated workbook', () => {
  const demo = generateDemo({ seed: 17, wards: 24, districts: 3, schools: 40, offences: 1500 });
  const offences = demo.workbook.sheets.find((sheet) => sheet.name === DEMO_SHEET_NAMES.offences)!;
  // Two offence-like sheets: the export and a copy of it under another name.
  const workbook = { sheets: [...demo.workbook.sheets, { ...offences, name: 'Offences copy' }] };
  const onList = new Set([...demo.truth.currentList.urns, demo.truth.currentList.nameOnly.urn]);

  it('describes, asks, runs and names the new candidates the generator left off the list', () => {
    const context: EngineContext = { workbook, solver, provenance: { synthetic: true } };
    const session = createDialogueSession({ parameters: { ...DEFAULT_PARAMETERS, simulations: 100 } });
    const described = session.respond('describe the workbook', context);
    for (const sheet of workbook.sheets) expect(described.text).toContain(`• '${sheet.name}'`);
    expect(described.text).toContain(
      `Two sheets look like offences: '${DEMO_SHEET_NAMES.offences}' or 'Offences copy'?`,
    );
    expect(session.respond('first', context).command).toEqual({
      kind: 'useSheet',
      role: 'offences',
      sheet: DEMO_SHEET_NAMES.offences,
    });
    const run = session.respond('run', context);
    expect(modelsOf(run).map((model) => model.name)).toEqual([...WRITTEN_SHEETS]);

    const schools = tableRows(modelsOf(run), 'Schools', 'tblSchools');
    const top10 = schools.filter((school) => Number(school.Rank) <= 10);
    const expected = top10.filter((school) => !onList.has(String(school.URN))).map((school) => String(school.URN));
    const reply = session.respond('which of the top ten are not on the list?', context);
    const listed = [...reply.text.matchAll(/\(URN (\d+)\)/g)].map((match) => match[1]);
    expect(listed).toEqual(expected);
    for (const urn of listed) expect(onList.has(urn)).toBe(false);
  });
});
