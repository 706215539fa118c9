import {
  numberedChoices,
  pickedChoice,
  settingsJson,
  slashCommand,
  turnFacts,
  type HostReply,
} from '../../src/cli/chatTurns';
import { DEFAULT_PARAMETERS } from '../../src/core/types';

// Cast: newer sessions' replies have more required fields; these tests name the ones they need.
const reply = (fields: Partial<HostReply>): HostReply =>
  ({ text: 'ok', choices: [], question: false, command: null, effects: [], ...fields }) as HostReply;

describe('turnFacts', () => {
  it("falls back on the reply's command and effects when the session says no more", () => {
    expect(turnFacts(reply({}))).toEqual({ commands: [], unused: [], ran: false });
    expect(turnFacts(reply({ command: { kind: 'run' }, effects: [{ kind: 'writeReport', models: [] }] }))).toEqual({
      commands: [{ kind: 'run' }],
      unused: [],
      ran: true,
    });
  });

  it('uses commands, unused and ran when the session gives them', () => {
    const facts = turnFacts(
      reply({
        command: { kind: 'run' },
        commands: [{ kind: 'setThreshold', threshold: 10 }, { kind: 'run' }],
        unused: ['please'],
        ran: false,
        effects: [{ kind: 'writeReport', models: [] }],
      }),
    );
    expect(facts).toEqual({
      commands: [{ kind: 'setThreshold', threshold: 10 }, { kind: 'run' }],
      unused: ['please'],
      ran: false,
    });
  });
});

describe('settingsJson', () => {
  it('gives dates as ISO days and no limit as null', () => {
    expect(settingsJson(DEFAULT_PARAMETERS)).toMatchObject({
      dateFrom: null,
      dateTo: null,
      threshold: 5,
      ageBand: [10, 17],
    });
    const dated = settingsJson({
      ...DEFAULT_PARAMETERS,
      dateFrom: new Date(Date.UTC(2023, 3, 1)),
      dateTo: new Date(Date.UTC(2024, 2, 31)),
    });
    expect(dated).toMatchObject({ dateFrom: '2023-04-01', dateTo: '2024-03-31' });
    expect(JSON.parse(JSON.stringify(dated))).toEqual(dated);
  });
});

describe('quick replies by number', () => {
  const choices = [
    { label: 'Run the analysis', utterance: 'run the analysis' },
    { label: 'Help', utterance: 'help' },
  ];

  it('numbers the choices from 1', () => {
    expect(numberedChoices(choices)).toEqual(['1) Run the analysis', '2) Help']);
  });

  it('picks a choice by its number, and leaves other lines as typed', () => {
    expect(pickedChoice('2', choices)).toBe(choices[1]);
    expect(pickedChoice(' 1', choices)).toBeUndefined(); // lines are trimmed before
    expect(pickedChoice('0', choices)).toBeUndefined();
    expect(pickedChoice('3', choices)).toBeUndefined();
    expect(pickedChoice('run', choices)).toBeUndefined();
  });

  it("leaves a number that is a choice's label for the session to match", () => {
    const years = [
      { label: '2020', utterance: "use '2020' for offences" },
      { label: '1', utterance: "use '1' for offences" },
    ];
    expect(pickedChoice('1', years)).toBeUndefined();
    expect(pickedChoice('2', years)).toBe(years[1]);
  });
});

describe('slashCommand', () => {
  it('knows /help, /reset and /quit, and says when a slash names none', () => {
    expect(['/help', '/reset', '/quit', '/QUIT', '/exit', '/x', 'run'].map(slashCommand)).toEqual([
      'help',
      'reset',
      'quit',
      'quit',
      'quit',
      'unknown',
      undefined,
    ]);
  });
});
