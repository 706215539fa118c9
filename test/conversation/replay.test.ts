/**
 * Replay: the commands recorded for a conversation, applied again on the same inputs with the same
 * clock, give the same sheets, whether they come from the session's transcript, from bare commands,
 * or from the Audit sheet of a written workbook read back.
 */
import {
  commandFromJson,
  createDialogueSession,
  replayCommands,
  type EngineContext,
  type ReplayStep,
  type Reply,
} from '../../src/conversation';
import { loadHighsSolver } from '../../src/core/disclosure';
import type { CellValue } from '../../src/core/types';
import type { SheetModel } from '../../src/report/sheetModel';
import { nameRunSheets } from '../../src/conversation/nameRunSheets';
import { readWorkbookBuffer, writeReportBuffer } from '../../src/workbook/xlsx';
import { CRIMES_2021_PARAMETERS, steppingClock, tableRows, twoOffenceSheetsWorkbook } from './dialogueFixtures';

const CONVERSATION = [
  "what's in this workbook?",
  'Crimes 2021', // answers the question about the two offence sheets
  'suppress counts under 3',
  'blah blah', // not understood: recorded with a null command
  'run',
  'which of the top 3 are not on the list?',
  'round counts to the nearest 5',
  '10', // asks: threshold or top group?
  'top', // answers it
  'run',
  'why is Park Hall ranked 3rd?',
];

const OPTIONS = { parameters: CRIMES_2021_PARAMETERS, tool: 'catchment', version: 'test' };

let context: EngineContext;
let replies: Reply[];
let reports: SheetModel[][];
let transcript: ReturnType<typeof createDialogueSession>['transcript'];

beforeAll(async () => {
  context = { workbook: twoOffenceSheetsWorkbook(), solver: await loadHighsSolver() };
  const session = createDialogueSession({ ...OPTIONS, now: steppingClock() });
  replies = [];
  reports = [];
  const written: string[] = [];
  for (const utterance of CONVERSATION) {
    const reply = session.respond(utterance, context);
    replies.push(reply);
    for (const effect of reply.effects) {
      if (effect.kind !== 'writeReport') continue;
      reports.push([...effect.models]);
      written.push(...nameRunSheets(session, effect.models, written).names.values());
    }
  }
  transcript = session.transcript;
});

describe('replaying a conversation', () => {
  it('ran twice, asked twice and misunderstood once (the conversation is what the tests assume)', () => {
    expect(reports).toHaveLength(2);
    expect(replies.filter((reply) => reply.question)).toHaveLength(2);
    expect(transcript.filter((turn) => turn.command === null).map((turn) => turn.utterance)).toEqual([
      'blah blah',
      '10',
    ]);
  });

  it("from the transcript, reproduces every run's sheets and every turn", () => {
    const replay = replayCommands(transcript, context, { ...OPTIONS, now: steppingClock() });
    expect(replay.reports).toEqual(reports);
    expect(replay.transcript).toEqual(transcript);
    expect(replay.replies.map((reply) => reply.text)).toEqual(replies.map((reply) => reply.text));
  });

  it('asks no question again: the recorded commands hold the names as resolved', () => {
    const resolved = transcript[1].command;
    expect(resolved).toEqual({ kind: 'useSheet', role: 'offences', sheet: 'Crimes 2021' });
    const replay = replayCommands(transcript, context, { ...OPTIONS, now: steppingClock() });
    expect(replay.replies[1].question).toBe(false);
  });

  it('from bare commands passed through JSON, reproduces the analysis sheets', () => {
    const commands = JSON.parse(
      JSON.stringify(transcript.map((turn) => turn.command).filter((command) => command !== null)),
    );
    const replay = replayCommands(commands, context, { ...OPTIONS, now: steppingClock() });
    expect(replay.reports).toHaveLength(2);
    // The Method and Audit sheets name the turns and times, which differ without the misunderstood turns.
    const analysis = (models: readonly SheetModel[]) =>
      models.filter((model) => !['Method', 'Audit'].includes(model.name));
    expect(replay.reports.map(analysis)).toEqual(reports.map(analysis));
  });

  it('differs when a recorded choice differs (the comparison can fail)', () => {
    const changed = transcript.map((turn) =>
      turn.command?.kind === 'setRounding' && turn.command.base === 5
        ? { ...turn, command: { kind: 'setRounding' as const, base: 10 } }
        : turn,
    );
    const replay = replayCommands(changed, context, { ...OPTIONS, now: steppingClock() });
    expect(replay.reports[0]).toEqual(reports[0]);
    expect(replay.reports[1]).not.toEqual(reports[1]);
  });
});

describe('the Audit sheet of a written workbook', () => {
  let dialogue: Record<string, CellValue>[];
  beforeAll(async () => {
    const { buffer } = await writeReportBuffer(reports[1], { created: new Date(Date.UTC(2024, 2, 1)) });
    const read = await readWorkbookBuffer(buffer);
    const audit = read.sheets.find((sheet) => sheet.name === 'Audit')!;
    const header = audit.rows.findIndex((row) => row[0] === 'Turn' && row[3] === 'Command (JSON)');
    const headers = audit.rows[header].map(String);
    dialogue = audit.rows
      .slice(header + 1)
      .filter((row) => row[0] !== null)
      .map((row) => Object.fromEntries(headers.map((name, i) => [name, row[i] ?? null])));
  });

  it('holds every turn up to the run, with its time, words, command and reply', () => {
    // The second run is turn 10.
    expect(dialogue.map((row) => row.Turn)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(dialogue.map((row) => String(row.Utterance))).toEqual(CONVERSATION.slice(0, 10));
    expect(dialogue[1]['Command (JSON)']).toBe('{"kind":"useSheet","role":"offences","sheet":"Crimes 2021"}');
    expect(dialogue[3]['Command (JSON)']).toBeNull();
    expect(String(dialogue[3].Reply)).toMatch(/^I did not understand 'blah blah'/);
    expect(dialogue[0].Time).toBe('2024-03-01T09:00:00.000Z');
  });

  it('replays into the same sheets as the run it records', () => {
    const steps: ReplayStep[] = dialogue.map((row) => {
      const json = row['Command (JSON)'];
      const command = json === null ? null : commandFromJson(String(json));
      if (command !== null && 'error' in command) throw new Error(command.error);
      return { utterance: String(row.Utterance), command, reply: String(row.Reply) };
    });
    const replay = replayCommands(steps, context, { ...OPTIONS, now: steppingClock() });
    expect(replay.reports).toHaveLength(2);
    expect(replay.reports[1]).toEqual(reports[1]);
    expect(tableRows(replay.reports[1], 'Audit', 'tblDialogue')).toEqual(tableRows(reports[1], 'Audit', 'tblDialogue'));
  });
});
