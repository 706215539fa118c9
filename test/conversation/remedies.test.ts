/**
 * The advice the dialogue gives for a problem is something the parser reads back as the intended
 * command, and never a command-line flag.
 */
import { createDialogueSession, parseUtterance, type Command, type EngineContext } from '../../src/conversation';
import { initialState, type TurnEnvironment } from '../../src/conversation/dialogue';
import {
  bandUtterance,
  columnUtterance,
  inDialogueWords,
  remedyAdvice,
} from '../../src/conversation/dialogue/remedies';
import { ROLE_SPECS, SHEET_ROLES } from '../../src/core/schema';
import type { Remedy } from '../../src/core/types';
import { DEFAULT_PARAMETERS } from '../../src/core/types';
import { smallWorkbook } from '../pipeline/smallWorkbookFixture';

const commandOf = (utterance: string): Command | undefined => {
  const parsed = parseUtterance(utterance);
  return parsed.kind === 'command' ? parsed.command : undefined;
};

describe('columnUtterance', () => {
  const everyField = SHEET_ROLES.flatMap((role) => ROLE_SPECS[role].fields.map((spec) => [role, spec.field] as const));

  it.each(everyField)('names %s.%s so that the parser maps exactly that field', (role, field) => {
    expect(commandOf(columnUtterance(role, field, 'Col X'))).toEqual({
      kind: 'mapColumn',
      role,
      field,
      header: 'Col X',
    });
  });

  it('uses the plain words where they name one field, else the dotted form', () => {
    expect(columnUtterance('offences', 'age', 'Age at Offence')).toBe("use column 'Age at Offence' for age");
    expect(columnUtterance('wards', 'youngPopulation')).toBe("use column 'Header text' for population");
    expect(columnUtterance('schools', 'urn', 'URN')).toBe("map schools.urn to 'URN'");
    expect(columnUtterance('offences', 'age', "Offender's age")).toBe('use column "Offender\'s age" for age');
  });
});

describe('remedy advice', () => {
  const workbook = smallWorkbook();
  const state = initialState({
    parameters: { ...DEFAULT_PARAMETERS, dateFrom: new Date('2023-01-01T00:00:00Z') },
    roleOverrides: {},
    columnOverrides: {},
  });
  const env = { engine: { workbook } } as unknown as TurnEnvironment;
  const remedies: Remedy[] = [
    { setting: 'column', role: 'offences', field: 'age' },
    { setting: 'column', role: 'schools', field: 'location' },
    { setting: 'sheet', role: 'currentList' },
    { setting: 'ageBand' },
    { setting: 'offenceTypes', examples: ['XYZ1', "Kids' fights"] },
    { setting: 'offenceTypes', examples: [] },
    { setting: 'scope' },
    { setting: 'protection' },
    { setting: 'catchmentModel' },
    { setting: 'boundaries' },
  ];

  it.each(remedies.map((remedy) => [JSON.stringify(remedy), remedy] as const))(
    '%s: every suggestion is read as a command, and no flag is named',
    (_, remedy) => {
      const advice = remedyAdvice(remedy, state, env);
      expect(advice.text).not.toMatch(/(^|\s)--[a-z]/);
      expect(advice.text).not.toMatch(/=Header text/);
      const said = [...advice.text.matchAll(/"([^"]*)"/g)].map((match) => match[1]);
      expect(said.length + advice.choices.length > 0 || remedy.setting === 'boundaries').toBe(true);
      for (const utterance of [...said, ...advice.choices.map((choice) => choice.utterance)]) {
        expect([utterance, commandOf(utterance) !== undefined]).toEqual([utterance, true]);
      }
    },
  );

  it('says each in words the analyst can type', () => {
    expect(remedyAdvice({ setting: 'column', role: 'offences', field: 'age' }, state, env).text).toBe(
      'Say e.g. "use column \'Header text\' for age".',
    );
    expect(remedyAdvice({ setting: 'column', role: 'schools', field: 'location' }, state, env).text).toBe(
      'Say e.g. "map schools.easting to \'Header text\'".',
    );
    expect(remedyAdvice({ setting: 'ageBand' }, state, env)).toEqual({
      text: 'Say e.g. "use column \'Header text\' for population".',
      choices: [],
    });
    expect(remedyAdvice({ setting: 'scope' }, state, env)).toEqual({
      text: 'To count more, say e.g. "count every offence type" or "all dates".',
      choices: [
        { label: 'Count every offence type', utterance: 'all offence types' },
        { label: 'All dates', utterance: 'all dates' },
      ],
    });
    expect(remedyAdvice({ setting: 'offenceTypes', examples: ['XYZ1'] }, state, env).text).toBe(
      'Say e.g. "include \'XYZ1\'" (added to those counted), "count only \'XYZ1\'" or "count every offence type".',
    );
    expect(commandOf("include 'XYZ1'")).toEqual({ kind: 'setOffenceTypes', types: ['XYZ1'], mode: 'add' });
    expect(commandOf('automatic catchments')).toEqual({ kind: 'setCatchment', model: 'auto' });
    expect(commandOf('use the distance model')).toEqual({ kind: 'setCatchment', model: 'distanceDecay' });
    expect(commandOf(bandUtterance({ from: 10, to: 17 }))).toEqual({ kind: 'setAgeBand', from: 10, to: 17 });
    expect(commandOf("use 'Sheet name' for current list")).toEqual({
      kind: 'useSheet',
      role: 'currentList',
      sheet: 'Sheet name',
    });
  });

  it('puts an engine hint in the role.field=Header form as something to say here', () => {
    expect(inDialogueWords('Add the missing ages, or name the column with wards.youngPopulation=Header text.')).toBe(
      'Add the missing ages, or name the column (say "use column \'Header text\' for population").',
    );
    expect(
      inDialogueWords(
        "None of the sheet's 4 rows can be used until a column is named (e.g. pupilResidence.pupils=Header text).",
      ),
    ).toBe(
      "None of the sheet's 4 rows can be used until a column is named (say \"map pupilResidence.pupils to 'Header text'\").",
    );
    expect(inDialogueWords('Nothing to change here.')).toBe('Nothing to change here.');
  });
});

describe('a replay of a conversation that chose offence types', () => {
  it('records the resolved rule, so applying the commands again gives the same choices', () => {
    const context: EngineContext = { workbook: smallWorkbook() };
    const session = createDialogueSession();
    for (const utterance of ['all offence types', 'exclude robbery', 'only violence', 'include violence with injury'])
      session.respond(utterance, context);
    const replayed = createDialogueSession();
    for (const turn of session.transcript) if (turn.command) replayed.apply(turn.command, context);
    expect(replayed.parameters.offenceTypes).toEqual(session.parameters.offenceTypes);
    expect(session.transcript.map((turn) => turn.command)).toEqual([
      { kind: 'setOffenceTypes', types: ['all'] },
      // The small workbook has only violence with injury: everything but robbery is what is left.
      { kind: 'setOffenceTypes', types: ['robbery'], mode: 'remove' },
      { kind: 'setOffenceTypes', types: [] },
      { kind: 'setOffenceTypes', types: ['Violence with injury'], mode: 'add' },
    ]);
  });
});
