/** The session's contract with its hosts: live state, sheet names from the host, next steps on every reply. */
import { createDialogueSession, type EngineContext } from '../../src/conversation';
import { loadHighsSolver } from '../../src/core/disclosure';
import { DEFAULT_PARAMETERS } from '../../src/core/types';
import { SMALL_PARAMETERS, smallWorkbook } from '../pipeline/smallWorkbookFixture';
import { steppingClock } from './dialogueFixtures';
import { singleYearWardsWorkbook } from './scopeFixtures';

let context: EngineContext;
const sessionContext = (): EngineContext => context;
beforeAll(async () => {
  context = { workbook: smallWorkbook(), solver: await loadHighsSolver() };
});

describe('createDialogueSession', () => {
  it('starts from the default choices, or from those given', () => {
    expect(createDialogueSession().parameters).toBe(DEFAULT_PARAMETERS);
    const session = createDialogueSession({
      parameters: SMALL_PARAMETERS,
      roleOverrides: { currentList: 'VRU list' },
      columnOverrides: { 'offences.age': 'Age at Offence' },
    });
    expect(session.parameters.threshold).toBe(3);
    expect(session.parameterSummary).toContainEqual({
      label: 'Sheet for current list',
      value: "'VRU list' (your choice)",
    });
    expect(session.parameterSummary).toContainEqual({
      label: 'Column offences.age',
      value: "'Age at Offence' (your choice)",
    });
  });

  it('lists the current choices for the always-visible summary, updated after each turn', () => {
    // Single-year population columns, so the band 11–16 can be counted.
    const context = { ...sessionContext(), workbook: singleYearWardsWorkbook() };
    const session = createDialogueSession();
    const value = (label: string) => session.parameterSummary.find((line) => line.label === label)?.value;
    expect(value('Ages')).toBe('10–17');
    expect(value('Small counts')).toBe('counts 1–4 withheld as [c]; zeros shown');
    expect(value('Dates')).toBe('all dates');
    session.respond('only ages 11 to 16', context);
    session.respond('hide zeros', context);
    session.respond('from April 2022 to March 2023', context);
    session.respond('round to 5', context);
    expect(value('Ages')).toBe('11–16');
    expect(value('Small counts')).toBe('counts 1–4 withheld as [c]; zeros withheld');
    expect(value('Dates')).toBe('1 April 2022 to 31 March 2023');
    expect(value('Rounding')).toBe('to the nearest 5');
    expect(session.parameters.dateFrom).toEqual(new Date('2022-04-01T00:00:00Z'));
    expect(session.parameters.dateTo).toEqual(new Date('2023-03-31T00:00:00Z'));
  });

  it("stamps each turn with its clock, and the run's sheets with its start and end", () => {
    const session = createDialogueSession({ parameters: SMALL_PARAMETERS, now: steppingClock() });
    session.respond('help', context);
    const run = session.respond('run', context);
    expect(session.transcript.map((turn) => turn.at)).toEqual(['2024-03-01T09:00:00.000Z', '2024-03-01T09:00:01.000Z']);
    const effect = run.effects[0];
    const audit = effect.kind === 'writeReport' ? effect.models.find((model) => model.name === 'Audit')! : undefined;
    const cells = audit!.cells.map((placed) => (placed.cell.kind === 'text' ? placed.cell.value : null));
    // Turn 2 read the clock at 09:00:01 and again when the report was built (09:00:02).
    expect(cells).toContain('2024-03-01T09:00:01.000Z');
    expect(cells).toContain('2024-03-01T09:00:02.000Z');
  });

  it('names the written sheets as the host reports them', () => {
    const session = createDialogueSession({ parameters: SMALL_PARAMETERS });
    session.respond('run', context);
    session.noteWritten(
      new Map([
        ['Summary', 'Summary (3)'],
        ['Schools', 'Schools (3)'],
      ]),
    );
    expect(session.respond('show the top 3', context).text).toContain("See sheet 'Schools (3)'.");
    expect(session.parameterSummary).toContainEqual({ label: 'Latest run', value: "run 1, sheets from 'Summary (3)'" });
  });

  // Results imply a run (issue part 5): with the choices changed since the last run, a question
  // about results runs the analysis again first, and says so in one line.
  it('runs again before answering when the choices have changed since the last run', () => {
    const session = createDialogueSession({ parameters: SMALL_PARAMETERS });
    session.respond('run', context);
    const same = session.respond('show the top 3', context);
    expect(same.ran).toBe(false);
    expect(same.text).not.toContain('the choices have changed since');
    session.respond('rank by young offenders', context);
    const again = session.respond('show the top 3', context);
    expect(again.ran).toBe(true);
    expect(again.text.split('\n')[0]).toBe(
      'I ran the analysis first (run 2, as the choices have changed since run 1): 4 wards, 3 schools ranked; its sheets are written.',
    );
    expect(again.text).not.toContain("Say 'run' to update");
    expect(again.commands).toEqual([{ kind: 'showTop', n: 3 }]);
  });

  it('offers next steps on every reply', () => {
    const session = createDialogueSession({ parameters: SMALL_PARAMETERS });
    const utterances = [
      "what's in this workbook?",
      'reset',
      'suppress counts under 7',
      'undo',
      'undo',
      'run',
      'show the top 2',
      'new candidates',
      'tell me about Alpha',
      'tell me about Nowhere',
      'show the settings',
      'help',
      'gibberish',
      '10',
      'never mind',
    ];
    for (const utterance of utterances) {
      const reply = session.respond(utterance, context);
      expect([utterance, reply.choices.length > 0]).toEqual([utterance, true]);
    }
  });

  it('never changes the workbook it is given', () => {
    const workbook = smallWorkbook();
    const frozen = JSON.stringify(workbook);
    const session = createDialogueSession({ parameters: SMALL_PARAMETERS });
    for (const utterance of [
      "what's in this workbook?",
      'the age column is Age at Offence',
      'count only violence',
      'run',
    ])
      session.respond(utterance, { ...context, workbook });
    expect(JSON.stringify(workbook)).toBe(frozen);
  });
});

describe('naming a school by its place', () => {
  it.each([
    ['why is number 2 ranked so high?', 2],
    ['explain the top school', 1],
    ['tell me about the 3rd school', 3],
  ])('%s explains the school at rank %i', (utterance, rank) => {
    const session = createDialogueSession({ parameters: SMALL_PARAMETERS });
    session.respond('run', context);
    const reply = session.respond(utterance, context);
    expect(reply.command).toMatchObject({ kind: 'explainSchool' });
    expect(reply.text).toMatch(new RegExp(`is ranked ${rank}(st|nd|rd) of 3`));
  });
});

describe('a question left unanswered', () => {
  it('is asked again, alone, when the answer fits no choice', () => {
    const workbook = {
      sheets: [
        ...smallWorkbook().sheets,
        { ...smallWorkbook().sheets.find((sheet) => sheet.name === 'Offences')!, name: 'Offences copy' },
      ],
    };
    const session = createDialogueSession({ parameters: SMALL_PARAMETERS });
    const described = session.respond("what's in this workbook?", { ...context, workbook });
    expect(described.question).toBe(true);
    const again = session.respond('hmm, not sure', { ...context, workbook });
    expect(again.question).toBe(true);
    expect(again.command).toBeNull();
    expect(again.text).toBe(
      "I did not catch which one you meant. Two sheets look like offences: 'Offences' or 'Offences copy'? Which one should I use?",
    );
    expect(again.choices).toEqual(described.choices);
    const dropped = session.respond('never mind', { ...context, workbook });
    expect(dropped.question).toBe(false);
    expect(dropped.text).toBe('All right, leaving that as it was.');
  });
});

describe('a command applied with the words that made it', () => {
  it("records the words as the turn's utterance and the command beside them; without words, the command as JSON", () => {
    const session = createDialogueSession({ parameters: SMALL_PARAMETERS });
    session.apply({ kind: 'setThreshold', threshold: 7 }, sessionContext(), undefined, 'Settings: threshold 7');
    session.apply({ kind: 'setTopN', topN: 5 }, sessionContext());
    expect(session.transcript.map((turn) => [turn.utterance, turn.command])).toEqual([
      ['Settings: threshold 7', { kind: 'setThreshold', threshold: 7 }],
      ['{"kind":"setTopN","topN":5}', { kind: 'setTopN', topN: 5 }],
    ]);
  });
});
