/**
 * The session, turn by turn, on a workbook whose names trip a parser (grammarFixtures.ts): several
 * requests in one utterance, corrections, words not acted on, names never respelled, results that
 * imply a run, the new intents, the new vocabulary and settings checked against the data. Each
 * test names the part of the issue it covers.
 */
import {
  createDialogueSession,
  replayCommands,
  type Command,
  type DialogueSession,
  type EngineContext,
  type Reply,
} from '../../src/conversation';
import { readUtterance } from '../../src/conversation';
import { loadHighsSolver } from '../../src/core/disclosure';
import { NAMED_PARAMETERS, NAMED_ROLES, NAMED_WARDS, namedWorkbook } from './grammarFixtures';

let context: EngineContext;
beforeAll(async () => {
  context = { workbook: namedWorkbook(), solver: await loadHighsSolver() };
});

function conversation(): { session: DialogueSession; say: (utterance: string) => Reply } {
  const session = createDialogueSession({
    parameters: NAMED_PARAMETERS,
    roleOverrides: NAMED_ROLES,
    now: () => new Date('2024-03-01T09:00:00Z'),
  });
  return { session, say: (utterance) => session.respond(utterance, context) };
}

/** The commands recorded for the last turn (one transcript step per command). */
const recorded = (session: DialogueSession, from: number): (Command | null)[] =>
  session.transcript.slice(from).map((turn) => turn.command);

describe('part 3: several requests in one utterance', () => {
  it('applies each clause in order, records each as its own step, and runs', () => {
    const { session, say } = conversation();
    // (A threshold of 10 would withhold nearly everything in this tiny workbook; 4 keeps the run going.)
    const reply = say('rank secondary schools with ages 11-16 and suppress under 4 then run');
    expect(reply.commands).toEqual([
      { kind: 'setPhases', phases: ['secondary'], mode: 'only' },
      { kind: 'setAgeBand', from: 11, to: 16 },
      { kind: 'setThreshold', threshold: 4 },
      { kind: 'run' },
    ]);
    expect(reply.command).toEqual({ kind: 'run' });
    expect(reply.ran).toBe(true);
    expect(reply.unused).toEqual([]);
    expect(recorded(session, 0)).toEqual(reply.commands);
    expect(session.transcript.map((turn) => turn.utterance)).toEqual(
      Array(4).fill('rank secondary schools with ages 11-16 and suppress under 4 then run'),
    );
    // Each step keeps the words it was read from.
    expect(session.transcript.map((turn) => turn.words)).toEqual([
      'rank secondary schools',
      'ages 11-16',
      'suppress under 4',
      'run',
    ]);
    expect(session.parameters).toMatchObject({ phases: ['secondary'], ageBand: [11, 16], threshold: 4 });
    expect(reply.effects.some((effect) => effect.kind === 'writeReport')).toBe(true);
  });

  it("keeps 'and' inside a list of types and inside a ward's name", () => {
    const { say } = conversation();
    expect(say('count all offence types').commands).toEqual([{ kind: 'setOffenceTypes', types: ['all'] }]);
    const reply = say('exclude shoplifting and criminal damage, then rank secondaries');
    expect(reply.commands.map((c) => c.kind)).toEqual(['setOffenceTypes', 'setPhases']);
    expect(reply.text).toContain('left out: Criminal damage (1 row); Shoplifting (1 row)');
    say('run');
    expect(say(`explain the ward ${NAMED_WARDS.W1}`).commands).toEqual([
      { kind: 'explainWard', ward: NAMED_WARDS.W1, code: 'E05000001' },
    ]);
  });

  it('replays the recorded steps into the same choices', () => {
    const { session, say } = conversation();
    say('hide zeros, round to 5 and 90% intervals');
    say('FY 22/23, ages 10-17');
    const replay = replayCommands(session.transcript, context, {
      parameters: NAMED_PARAMETERS,
      roleOverrides: NAMED_ROLES,
      now: () => new Date('2024-03-01T09:00:00Z'),
    });
    expect(replay.transcript.map((turn) => turn.command)).toEqual(session.transcript.map((turn) => turn.command));
    const again = createDialogueSession({ parameters: NAMED_PARAMETERS, roleOverrides: NAMED_ROLES });
    for (const turn of session.transcript) if (turn.command) again.apply(turn.command, context);
    expect(again.parameters).toEqual(session.parameters);
  });

  it('stops at a question and does the rest once it is answered', () => {
    const { session, say } = conversation();
    const asked = say("use 'Nowhere' for offences then run");
    expect(asked.question).toBe(true);
    expect(asked.ran).toBe(false);
    expect(asked.text).toContain("There is no sheet called 'Nowhere'.");
    expect(asked.text).toContain('Once that is answered I will go on to "run".');
    const answered = say('Offences');
    expect(answered.commands).toEqual([{ kind: 'useSheet', role: 'offences', sheet: 'Offences' }, { kind: 'run' }]);
    expect(answered.ran).toBe(true);
    expect(session.parameterSummary).toContainEqual({ label: 'Sheet for offences', value: "'Offences' (your choice)" });
  });

  it('stops when a setting is refused, saying what it did not go on to', () => {
    const { say } = conversation();
    const reply = say('rank special schools and run');
    expect(reply.commands).toEqual([]);
    expect(reply.ran).toBe(false);
    expect(reply.text).toContain('There is no open special school');
    expect(reply.text).toContain('So I have not gone on to "run".');
  });
});

describe('part 3: corrections replace the setting just made', () => {
  it.each([
    ['age 11-16, no wait make it 10-17', { kind: 'setAgeBand', from: 10, to: 17 }],
    ['suppress under 10, sorry I meant under 5', { kind: 'setThreshold', threshold: 5 }],
    ['round to 10 - no, 5', { kind: 'setRounding', base: 5 }],
    ['90% intervals, sorry 99%', { kind: 'setConfidence', level: 0.99 }],
    ['FY 21/22 - actually make that FY 22/23', { kind: 'setDates', from: '2022-04-01', to: '2023-03-31' }],
  ])('%j records only the corrected setting', (utterance, command) => {
    const { session, say } = conversation();
    expect(say(utterance).commands).toEqual([command]);
    expect(recorded(session, 0)).toEqual([command]);
  });

  it("corrects the previous turn's setting, and one undo goes back to before both", () => {
    const { session, say } = conversation();
    say('ages 11 to 16');
    expect(say('no wait, make it 12-17').commands).toEqual([{ kind: 'setAgeBand', from: 12, to: 17 }]);
    expect(session.parameters.ageBand).toEqual([12, 17]);
    say('undo');
    expect(session.parameters.ageBand).toEqual([10, 17]);
  });

  it('reads "make it 7" as the setting just made, and a bare number as a question', () => {
    const { say } = conversation();
    say('suppress counts under 10');
    expect(say('actually make it 7').commands).toEqual([{ kind: 'setThreshold', threshold: 7 }]);
    expect(say('10').question).toBe(true);
  });
});

describe('part 2: words not acted on are named', () => {
  it('names them in the reply and in Reply.unused, and does the rest', () => {
    const { session, say } = conversation();
    const reply = say('ages 11-16 and suppress under 10 and email it to Clare');
    expect(reply.commands).toEqual([
      { kind: 'setAgeBand', from: 11, to: 16 },
      { kind: 'setThreshold', threshold: 10 },
    ]);
    expect(reply.unused).toEqual(['and email it to Clare']);
    expect(reply.text.split('\n').pop()).toBe('I did not act on "and email it to Clare".');
    expect(session.parameters.threshold).toBe(10);
  });

  it('asks before changing anything when most of the words were not understood', () => {
    const { session, say } = conversation();
    const asked = say('zebra giraffe elephant hide zeros');
    expect(asked.question).toBe(true);
    expect(asked.commands).toEqual([]);
    expect(asked.text).toContain(
      'I understood only part of that: "hide zeros". I did not understand "zebra giraffe elephant".',
    );
    expect(session.parameters.showZeros).toBe(true);
    expect(say('yes').commands).toEqual([{ kind: 'setZeros', show: false }]);
    expect(session.parameters.showZeros).toBe(false);
  });

  it('says plainly when nothing was understood', () => {
    const { say } = conversation();
    const reply = say('purple monkey dishwasher');
    expect(reply.commands).toEqual([]);
    expect(reply.text).toMatch(/^I did not understand/);
  });
});

describe('part 4: names are names, never respelled or read as something else', () => {
  it.each([
    [
      "the current VRU list is on 'VRU Schools 2020'",
      [{ kind: 'useSheet', role: 'currentList', sheet: 'VRU Schools 2020' }],
    ],
    [
      'use VRU Schools 2020 as the prevention list',
      [{ kind: 'useSheet', role: 'currentList', sheet: 'VRU Schools 2020' }],
    ],
    ['use the 2020 list', [{ kind: 'useSheet', role: 'currentList', sheet: 'VRU Schools 2020' }]],
    ['use observed home wards where we have them', [{ kind: 'setCatchment', model: 'auto' }]],
    [
      'use Committed Date as the offence date',
      [{ kind: 'mapColumn', role: 'offences', field: 'offenceDate', header: 'Committed Date' }],
    ],
    [
      'use Comitted Date as the offence date',
      [{ kind: 'mapColumn', role: 'offences', field: 'offenceDate', header: 'Committed Date' }],
    ],
  ])('%j', (utterance, commands) => {
    expect(conversation().say(utterance).commands).toEqual(commands);
  });

  it('asks which place when a name fits a school and a ward', () => {
    const { say } = conversation();
    say('run');
    // 'Castle and Priory' is a ward; no school is called Castle here, so it is the ward.
    expect(say('tell me about Castle').commands).toEqual([
      { kind: 'explainWard', ward: NAMED_WARDS.W1, code: 'E05000001' },
    ]);
    const several = say('tell me about the school');
    expect(several.question).toBe(true);
  });
});

describe('part 5: results imply a run', () => {
  it('runs first when there are no results, says so in one line, then answers', () => {
    const { session, say } = conversation();
    const reply = say('show me the top 3');
    expect(reply.ran).toBe(true);
    expect(reply.commands).toEqual([{ kind: 'showTop', n: 3 }]);
    expect(reply.text.split('\n')[0]).toBe(
      'I ran the analysis first (run 1): 4 wards, 3 schools ranked; its sheets are written.',
    );
    expect(reply.text).toContain('The top 3 of 3 schools by exposure');
    // The run is not recorded as a command of its own: a replay of the showTop runs it again.
    expect(recorded(session, 0)).toEqual([{ kind: 'showTop', n: 3 }]);
  });

  it('runs again when the choices changed since, and not when they did not', () => {
    const { say } = conversation();
    say('run');
    expect(say('show the top 3').ran).toBe(false);
    say('rank by young offenders');
    const again = say('which aren’t on the list?');
    expect(again.ran).toBe(true);
    expect(again.text.split('\n')[0]).toBe(
      'I ran the analysis first (run 2, as the choices have changed since run 1): 4 wards, 3 schools ranked; its sheets are written.',
    );
  });

  it('"run it and show the top 10" does both, in order', () => {
    const { say } = conversation();
    const reply = say('run it and show the top 10');
    // Recorded as asked: a replay on a run that ranks more schools shows ten.
    expect(reply.commands).toEqual([{ kind: 'run' }, { kind: 'showTop', n: 10 }]);
    expect(reply.ran).toBe(true);
    expect(reply.effects.filter((effect) => effect.kind === 'writeReport')).toHaveLength(1);
  });
});

describe('part 7: new intents', () => {
  it('compares two schools side by side, recording the names resolved', () => {
    const { say } = conversation();
    say('run');
    const reply = say('compare Park Hall and Hill Top');
    expect(reply.commands).toEqual([
      { kind: 'compareSchools', schools: ['Park Hall Academy', 'Hill Top School'], urns: ['100001', '100002'] },
    ]);
    expect(reply.text).toMatch(
      /^Side by side, in rank order \(of 3 ranked schools\):\n• Park Hall Academy \(URN 100001/,
    );
    expect(reply.text).toContain('Their rank intervals do not overlap: Park Hall Academy is more exposed.');
    expect(say('explain Park Hall and compare it with Hill Top').commands.map((c) => c.kind)).toEqual([
      'explainSchool',
      'compareSchools',
    ]);
  });

  it('lists the wards by rate, placing none whose count is withheld', () => {
    const { say } = conversation();
    say('run');
    const reply = say('list the wards by rate');
    expect(reply.commands).toEqual([{ kind: 'listWards', order: 'rate' }]);
    expect(reply.text).toContain(`• ${NAMED_WARDS.W1} (E05000001): 7.00`);
    expect(reply.text).toContain('2 wards have their counts withheld ([c]), so they are not placed in this order.');
    expect(say('which wards are flagged higher?').text).toMatch(/^No ward with a published count is flagged higher/);
  });

  it('lists the offence types with their rows and whether each is counted', () => {
    const { say } = conversation();
    const reply = say('what offence types are in the data?');
    expect(reply.commands).toEqual([{ kind: 'listOffenceTypes' }]);
    expect(reply.text.split('\n')).toEqual([
      "'Offences' holds 5 offence types (rows in the sheet; counted under the current choice: violence (the Home Office groups, the default)):",
      '• Violence with injury: 14 rows, counted',
      '• Criminal damage: 1 row, not counted',
      '• Public order offences: 1 row, not counted',
      '• Robbery: 1 row, counted',
      '• Shoplifting: 1 row, not counted',
      '2 of 5 are counted. Rows are as written in the sheet, before checks of age, date and place.',
    ]);
  });

  it('sets the seed and the protection interval (undoable), and shows them in the settings', () => {
    const { session, say } = conversation();
    expect(say('set the seed to 42 and the protection interval to 2').commands).toEqual([
      { kind: 'setSeed', seed: 42 },
      { kind: 'setProtection', interval: 2 },
    ]);
    expect(session.parameters).toMatchObject({ seed: 42, protectionInterval: 2 });
    const status = say('show the settings').text;
    expect(status).toContain('Simulations: 200 (seed 42)');
    expect(status).toContain('Protection: no withheld count can be narrowed below a range of 2');
    say('undo');
    expect(session.parameters.protectionInterval).toBe(1);
    expect(say('protection back to the threshold').commands).toEqual([{ kind: 'setProtection', interval: null }]);
  });

  it('helps by topic, saying the current value', () => {
    const { say } = conversation();
    const reply = say('how does the suppression work?');
    expect(reply.commands).toEqual([{ kind: 'help', topic: 'suppression' }]);
    expect(reply.text).toMatch(/^Small counts are withheld as \[c\]/);
    expect(reply.text).toContain('Now: counts 1–2 withheld as [c]; zeros shown.');
  });

  it('answers greetings and thanks briefly, with next steps', () => {
    const { say } = conversation();
    const hello = say('hi');
    expect(hello.commands).toEqual([{ kind: 'greeting' }]);
    expect(hello.text).toMatch(/^Hello\./);
    expect(hello.choices.map((choice) => choice.utterance)).toContain("what's in this workbook?");
    expect(say('thanks').text).toMatch(/^You're welcome\./);
    // Among other requests they are answered, not recorded.
    const both = say('hi, what is in this workbook?');
    expect(both.commands).toEqual([{ kind: 'describe' }]);
    expect(both.text).toMatch(/^Hello\.\nThis workbook has 7 sheets/);
  });
});

describe('part 8: vocabulary', () => {
  it.each([
    ['Year 7 to Year 11', [11, 16]],
    ['KS4', [14, 16]],
    ['teenagers', [13, 19]],
    ['secondary-age kids', [11, 16]],
    ['under 18s', [10, 17]],
    ['14+', [14, 17]],
    ['10 and under', [10, 10]],
  ])('%j sets ages %j', (utterance, band) => {
    const { session, say } = conversation();
    say(utterance);
    expect(session.parameters.ageBand).toEqual(band);
  });

  it('says an age band from school years is an approximation', () => {
    expect(conversation().say('Year 7 to Year 11').text).toContain('(From school years, an approximation');
  });

  it("'secondary-age kids' sets ages, not phases", () => {
    const { session, say } = conversation();
    expect(say('secondary-age kids').commands).toEqual([{ kind: 'setAgeBand', from: 11, to: 16 }]);
    expect(session.parameters.phases).toEqual(NAMED_PARAMETERS.phases);
  });

  it('reads the Home Office groups by their short names, resolved to the types the sheet writes', () => {
    const { session, say } = conversation();
    say('violence with injury and robbery');
    expect(session.parameters.offenceTypes).toEqual(['Violence with injury', 'Robbery']);
  });
});

describe('dates relative to the data', () => {
  it("'last 12 months' ends at the last offence in the sheet, recording the days it resolved to", () => {
    const { session, say } = conversation();
    const reply = say('last 12 months');
    expect(reply.commands).toEqual([
      { kind: 'setDates', from: '2022-07-05', to: '2023-07-04', relativeToData: { months: 12 } },
    ]);
    expect(reply.text).toContain('not today, so a replay gives the same window');
    expect(session.parameters.dateTo).toEqual(new Date('2023-07-04T00:00:00Z'));
  });

  it('a replay uses the recorded days, whatever the data now hold', () => {
    const { session, say } = conversation();
    say('the last financial year');
    const command = session.transcript[0].command as Command;
    expect(command).toEqual({
      kind: 'setDates',
      from: '2022-04-01',
      to: '2023-03-31',
      relativeToData: { last: 'financialYear' },
    });
    const later = {
      ...context,
      workbook: { sheets: context.workbook.sheets.filter((sheet) => sheet.name !== 'Offences') },
    };
    const replayed = createDialogueSession({ parameters: NAMED_PARAMETERS });
    replayed.apply(command, later);
    expect(replayed.parameters.dateFrom).toEqual(new Date('2022-04-01T00:00:00Z'));
  });
});

describe('part 9: settings checked against the data when they are set', () => {
  it('refuses a date window with no offence in it, saying when the offences are', () => {
    const { session, say } = conversation();
    const reply = say('2024 only');
    expect(reply.commands).toEqual([]);
    expect(reply.text).toBe(
      "No offence in 'Offences' is dated 1 January 2024 to 31 December 2024: its offences run from 10 January 2023 to 4 July 2023. The dates stay all dates.",
    );
    expect(session.parameters.dateFrom).toBeUndefined();
  });

  it('refuses a phase with no school, saying what the schools sheet has', () => {
    const { say } = conversation();
    const reply = say('rank special schools');
    expect(reply.text).toBe(
      "There is no open special school in 'Schools': it has 1 primary school and 3 secondary schools. The phases stay secondary and all-through.",
    );
    expect(reply.choices.map((choice) => choice.utterance)).toEqual(['rank primary schools', 'rank secondary schools']);
  });

  it('asks about an offence type the sheet does not hold, listing those it does', () => {
    const reply = conversation().say('include burglary');
    expect(reply.question).toBe(true);
    expect(reply.text).toMatch(
      /^No offence type in 'Offences' matches 'burglary'\. The types there are: Violence with injury \(14 rows\)/,
    );
  });
});

describe('a run said with its settings', () => {
  const kinds = (text: string): string[] =>
    readUtterance(text).steps.flatMap((step) => (step.reading.kind === 'command' ? [step.reading.command.kind] : []));

  it.each([
    ['can you rerun with secondaries only', ['setPhases', 'run']],
    ['run it for ages 11 to 16', ['setAgeBand', 'run']],
    ['run the analysis with threshold 10 and ages 12-15', ['setThreshold', 'setAgeBand', 'run']],
  ])('"%s" applies the settings first: %j', (text, expected) => {
    expect(kinds(text)).toEqual(expected);
  });

  it.each([
    ['run it then set the threshold to 10', ['run', 'setThreshold']],
    ['rank secondary schools and suppress under 10 then run', ['setPhases', 'setThreshold', 'run']],
    ['run it and show the top 10', ['run', 'showTop']],
  ])('"%s" keeps the order said: %j', (text, expected) => {
    expect(kinds(text)).toEqual(expected);
  });
});

describe('help asked as "explain how … works"', () => {
  it.each([
    ['explain how the suppression works', 'suppression'],
    ['tell me how the catchment is modelled', 'catchment'],
  ])('"%s" is help on %s', (text, topic) => {
    const [step] = readUtterance(text).steps;
    expect(step?.reading).toEqual({ kind: 'command', command: { kind: 'help', topic } });
  });
});

describe("the analysis's own words are not offence types", () => {
  it.each(['which schools have the most exposure?', 'which schools have the highest risk', 'show exposure'])(
    '"%s" changes no offence type',
    (text) => {
      const commands = readUtterance(text).steps.flatMap((step) =>
        step.reading.kind === 'command' ? [step.reading.command] : [],
      );
      expect(commands.filter((command) => command.kind === 'setOffenceTypes')).toEqual([]);
    },
  );

  it('still reads a real type: "count indecent exposure too"', () => {
    const commands = readUtterance('count indecent exposure too').steps.flatMap((step) =>
      step.reading.kind === 'command' ? [step.reading.command] : [],
    );
    expect(commands.map((command) => command.kind)).toEqual(['setOffenceTypes']);
  });
});

describe('"which schools have the most exposure?"', () => {
  it('is the top of the ranking', () => {
    const [step] = readUtterance('which schools have the most exposure?').steps;
    expect(step?.reading).toEqual({ kind: 'command', command: { kind: 'showTop' } });
  });
});

describe('words that turn a reading round', () => {
  const readings = (text: string) =>
    readUtterance(text).steps.map((step) =>
      step.reading.kind === 'command' ? step.reading.command.kind : step.reading.kind,
    );

  it('"exclude 17 year olds" asks which ages to keep, never sets ages 17 to 17', () => {
    expect(readings('exclude 17 year olds')).toEqual(['question']);
  });

  it('"what\'s changed since the last run?" does not run the analysis', () => {
    expect(readings("what's changed since the last run?")).not.toContain('run');
  });

  it('"run it" and "only 17 year olds" keep their readings', () => {
    expect(readings('run it')).toEqual(['run']);
    expect(readings('only 17 year olds')).toEqual(['setAgeBand']);
  });
});
