import type { Reply } from '../../src/conversation/types';
import type { SheetModel } from '../../src/report/sheetModel';
import { createDialogueController, type PaneView } from '../../src/taskpane/host/dialogueController';
import type { DialogueWorker, TurnInput } from '../../src/taskpane/host/workerClient';
import { createWorkbookSnapshots } from '../../src/taskpane/host/workbookSnapshots';
import { UNCHANGED, type BoundaryFile } from '../../src/taskpane/protocol';
import type { SheetChange } from '../../src/workbook/office';
import type { WorkbookPort } from '../../src/workbook/port';

const summaryModel: SheetModel = { name: 'Summary', cells: [], tables: [], charts: [], images: [] };
const schoolsModel: SheetModel = { ...summaryModel, name: 'Schools' };

function reply(text: string, effects: Reply['effects'] = []): Reply {
  return { text, choices: [{ label: 'Run', utterance: 'run' }], question: false, command: null, effects };
}

/**
 * Everything the controller touches, recorded in the order it happened. Excel reports changes
 * (through `reportChange`) unless `watching` is false.
 */
function harness(replies: (input: TurnInput) => Reply | Error, { watching = true } = {}) {
  const events: string[] = [];
  const turns: TurnInput[] = [];
  const worker: DialogueWorker = {
    ready: Promise.resolve({ solver: 'HiGHS', solverProblem: null, summary: [], suggestions: [] }),
    async turn(input, progress) {
      turns.push(input);
      events.push(`worker: ${input.utterance}`);
      progress('Scoring and ranking schools');
      const answer = replies(input);
      if (answer instanceof Error) throw answer;
      return { reply: answer, summary: [{ label: 'Threshold', value: '5' }] };
    },
    async noteWritten(sheetNames) {
      events.push(`worker noted: ${[...sheetNames.values()].join(', ')}`);
      return [{ label: 'Latest run', value: '2' }];
    },
  };
  const sheets = ['Crimes', 'Schools'];
  const port: WorkbookPort = {
    sheetNames: async () => [...sheets],
    read: async (names) => ({ sheets: (names ?? sheets).map((name) => ({ name, rows: [] })) }),
    async writeReport(models, progress) {
      const names = new Map(models.map((model) => [model.name, `${model.name} (2)`] as const));
      models.forEach((_, i) => progress?.(i + 1, models.length));
      sheets.push(...names.values());
      events.push(`wrote: ${[...names.values()].join(', ')}`);
      return { runNumber: 2, sheetNames: names };
    },
    async activate(name) {
      events.push(`activated: ${name}`);
    },
  };
  const view: PaneView = {
    messages: {
      analyst: (text) => events.push(`analyst: ${text}`),
      reply: (text) => events.push(`reply: ${text}`),
      notice: (text, tone) => events.push(`${tone}: ${text}`),
      sheetLinks: (heading, links) => events.push(`links: ${links.map((link) => link.sheetName).join(', ')}`),
      retireChoices: () => undefined,
    },
    progress: {
      step: (text) => events.push(`progress: ${text}`),
      fraction: (text) => events.push(`progress: ${text}`),
      stop: () => undefined,
    },
    showSummary: (lines) => events.push(`summary: ${lines.map((line) => `${line.label}=${line.value}`).join('; ')}`),
    setBusy: (busy) => events.push(busy ? 'busy' : 'idle'),
  };
  let reportChange: (change: SheetChange) => void = () => undefined;
  const watch = async (onChange: (change: SheetChange) => void) => {
    reportChange = onChange;
    return { settled: async () => undefined };
  };
  const controller = createDialogueController({ worker, port, snapshots: createWorkbookSnapshots(port, watching ? watch : undefined), view });
  return { controller, events, turns, reportChange: (change: SheetChange) => reportChange(change) };
}

describe('a turn in the task pane', () => {
  it('writes the report through the port, tells the worker the names, links to them, then brings Summary to the front', async () => {
    const { controller, events } = harness(() =>
      reply('Done.', [{ kind: 'writeReport', models: [summaryModel, schoolsModel] }, { kind: 'activateSheet', baseName: 'Summary' }]),
    );
    await controller.say('run');
    expect(events).toEqual([
      'busy',
      'analyst: run',
      'progress: Reading the workbook',
      'progress: Thinking',
      'worker: run',
      'progress: Scoring and ranking schools',
      'reply: Done.',
      'summary: Threshold=5',
      'progress: Writing sheet 0 of 2',
      'progress: Writing sheet 1 of 2',
      'progress: Writing sheet 2 of 2',
      'wrote: Summary (2), Schools (2)',
      'worker noted: Summary (2), Schools (2)',
      'summary: Latest run=2',
      'links: Summary (2), Schools (2)',
      'activated: Summary (2)',
      'idle',
    ]);
  });

  it('shows a quick reply by its label while sending its utterance', async () => {
    const { controller, events, turns } = harness(() => reply('Using Crimes.'));
    await controller.say("use 'Crimes' for offences", 'Crimes');
    expect(events).toContain('analyst: Crimes');
    expect(turns[0].utterance).toBe("use 'Crimes' for offences");
  });

  it('sends the workbook on the first turn, not after writing its own sheets, and again after the analyst edits one of theirs', async () => {
    const { controller, turns, reportChange } = harness((input) =>
      input.utterance === 'run' ? reply('Done.', [{ kind: 'writeReport', models: [summaryModel] }]) : reply('Noted.'),
    );
    await controller.say('describe');
    await controller.say('suppress counts under 10');
    await controller.say('run');
    reportChange({ kind: 'added', sheetName: 'Summary (2)' });
    await controller.say('which are new?');
    reportChange({ kind: 'edited', sheetName: 'Crimes' });
    await controller.say('describe');
    expect(turns.map((turn) => (turn.workbook === UNCHANGED ? UNCHANGED : turn.workbook.sheets.map((sheet) => sheet.name)))).toEqual([
      ['Crimes', 'Schools'],
      UNCHANGED,
      UNCHANGED,
      UNCHANGED,
      ['Crimes', 'Schools'],
    ]);
  });

  it('sends the workbook on every turn where Excel cannot report changes', async () => {
    const { controller, turns } = harness(() => reply('Noted.'), { watching: false });
    await controller.say('describe');
    await controller.say('suppress counts under 10');
    await controller.say('run');
    expect(turns.map((turn) => turn.workbook !== UNCHANGED)).toEqual([true, true, true]);
  });

  it('sends picked boundaries once, and null when the analyst goes back to the vertex sheet', async () => {
    const { controller, turns } = harness(() => reply('Noted.'));
    const file: BoundaryFile = { geojson: { type: 'FeatureCollection', features: [] }, source: 'wards.geojson' };
    controller.useBoundaries(file);
    await controller.say('run');
    await controller.say('again');
    controller.useBoundaries(null);
    await controller.say('once more');
    expect(turns.map((turn) => turn.boundaries)).toEqual([file, UNCHANGED, null]);
  });

  it('says what went wrong when the worker fails, and sends the workbook again on the next turn', async () => {
    let fail = true;
    const { controller, events, turns } = harness(() => (fail ? new Error('The dialogue worker stopped: out of memory.') : reply('Fine.')));
    await controller.say('run');
    fail = false;
    await controller.say('run');
    expect(events).toContain('problem: That did not work: The dialogue worker stopped: out of memory. Your own sheets are unchanged; you can try again.');
    expect(events.filter((event) => event === 'idle')).toHaveLength(2);
    expect(turns[1].workbook).not.toBe(UNCHANGED);
  });

  it('ignores a second turn sent while the first is still running', async () => {
    const { controller, turns } = harness(() => reply('Done.'));
    await Promise.all([controller.say('run'), controller.say('run again')]);
    expect(turns.map((turn) => turn.utterance)).toEqual(['run']);
  });
});
