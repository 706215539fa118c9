import type { Command } from '../../src/conversation/commands';
import type { Reply } from '../../src/conversation/types';
import { DEFAULT_PARAMETERS } from '../../src/core/types';
import type { SheetModel } from '../../src/report/sheetModel';
import { createDialogueController, type PaneView } from '../../src/taskpane/host/dialogueController';
import {
  CancelledError,
  type DialogueWorker,
  type SessionSettings,
  type TurnInput,
} from '../../src/taskpane/host/workerClient';
import { createWorkbookSnapshots } from '../../src/taskpane/host/workbookSnapshots';
import { UNCHANGED, type BoundaryFile, type SummaryLine } from '../../src/taskpane/protocol';
import { parametersJson } from '../../src/taskpane/worker/sessionHost';
import type { SheetChange } from '../../src/workbook/office';
import type { WorkbookPort } from '../../src/workbook/port';

const summaryModel: SheetModel = { name: 'Summary', cells: [], tables: [], charts: [], images: [] };
const schoolsModel: SheetModel = { ...summaryModel, name: 'Schools' };

/** A reply as the worker sends it: nothing understood, or a run's effects. */
function reply(text: string, effects: Reply['effects'] = []): Reply {
  return {
    text,
    choices: [{ label: 'Run', utterance: 'run' }],
    question: false,
    command: null,
    commands: [],
    unused: [],
    ran: effects.length > 0,
    effects,
  } as Reply;
}

function settings(...summary: SummaryLine[]): SessionSettings {
  return { summary, parameters: parametersJson(DEFAULT_PARAMETERS) };
}

/** What a turn said: its words, or the form's command as JSON. */
const said = (input: TurnInput): string => ('utterance' in input ? input.utterance : JSON.stringify(input.command));

/**
 * Everything the controller touches, recorded in the order it happened. Excel reports changes
 * (through `reportChange`) unless `watching` is false.
 */
function harness(replies: (input: TurnInput) => Reply | Error | 'wait', { watching = true } = {}) {
  const events: string[] = [];
  const turns: TurnInput[] = [];
  const restores: { workbook: string[]; boundaries: BoundaryFile | null }[] = [];
  /** A turn answered 'wait' stays pending until cancelled. */
  let waiting: ((error: Error) => void) | null = null;
  let turnStarted: () => void = () => undefined;
  const worker: DialogueWorker = {
    ready: Promise.resolve({ solver: 'HiGHS', solverProblem: null, suggestions: [], settings: settings() }),
    async turn(input, progress) {
      turns.push(input);
      events.push(`worker: ${said(input)}`);
      progress('Scoring and ranking schools');
      const answer = replies(input);
      if (answer instanceof Error) throw answer;
      if (answer === 'wait') {
        turnStarted();
        return new Promise((_, reject) => {
          waiting = reject;
        });
      }
      return { reply: answer, settings: settings({ label: 'Threshold', value: '5' }) };
    },
    async noteWritten(sheetNames, runNumber) {
      events.push(`worker noted: ${[...sheetNames.values()].join(', ')} as run ${runNumber}`);
      return settings({ label: 'Latest run', value: '2' });
    },
    cancel() {
      events.push('worker cancelled');
      waiting?.(new CancelledError());
      waiting = null;
    },
    async restore({ workbook, boundaries }) {
      restores.push({ workbook: workbook.sheets.map((sheet) => sheet.name), boundaries });
      events.push('worker restored');
      return { replayed: 2, settings: settings({ label: 'Threshold', value: '10' }) };
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
    showSettings: ({ summary }) =>
      events.push(`summary: ${summary.map((line) => `${line.label}=${line.value}`).join('; ')}`),
    setBusy: (busy) => events.push(busy ? 'busy' : 'idle'),
    setCancellable: (cancellable) => events.push(cancellable ? 'cancellable' : 'not cancellable'),
  };
  let reportChange: (change: SheetChange) => void = () => undefined;
  const watch = async (onChange: (change: SheetChange) => void) => {
    reportChange = onChange;
    return { settled: async () => undefined };
  };
  const controller = createDialogueController({
    worker,
    port,
    snapshots: createWorkbookSnapshots(port, watching ? watch : undefined),
    view,
  });
  const started = () => new Promise<void>((resolve) => (turnStarted = resolve));
  return { controller, events, turns, restores, started, reportChange: (change: SheetChange) => reportChange(change) };
}

/** The events without the cancellable ones, for tests about something else. */
const withoutCancel = (events: readonly string[]): string[] => events.filter((event) => !event.endsWith('cancellable'));

describe('a turn in the task pane', () => {
  it('writes the report through the port, tells the worker the names, links to them, then brings Summary to the front', async () => {
    const { controller, events } = harness(() =>
      reply('Done.', [
        { kind: 'writeReport', models: [summaryModel, schoolsModel] },
        { kind: 'activateSheet', baseName: 'Summary' },
      ]),
    );
    await controller.say('run');
    expect(withoutCancel(events)).toEqual([
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
      'worker noted: Summary (2), Schools (2) as run 2',
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
    expect(said(turns[0])).toBe("use 'Crimes' for offences");
  });

  it('sends the workbook on the first turn, not after writing its own sheets, and again after the analyst edits one of theirs', async () => {
    const { controller, turns, reportChange } = harness((input) =>
      said(input) === 'run' ? reply('Done.', [{ kind: 'writeReport', models: [summaryModel] }]) : reply('Noted.'),
    );
    await controller.say('describe');
    await controller.say('suppress counts under 10');
    await controller.say('run');
    reportChange({ kind: 'added', sheetName: 'Summary (2)' });
    await controller.say('which are new?');
    reportChange({ kind: 'edited', sheetName: 'Crimes' });
    await controller.say('describe');
    expect(
      turns.map((turn) => (turn.workbook === UNCHANGED ? UNCHANGED : turn.workbook.sheets.map((sheet) => sheet.name))),
    ).toEqual([['Crimes', 'Schools'], UNCHANGED, UNCHANGED, UNCHANGED, ['Crimes', 'Schools']]);
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
    const { controller, events, turns } = harness(() =>
      fail ? new Error('The dialogue worker stopped: out of memory.') : reply('Fine.'),
    );
    await controller.say('run');
    fail = false;
    await controller.say('run');
    expect(events).toContain(
      'problem: That did not work: The dialogue worker stopped: out of memory. Your own sheets are unchanged; you can try again.',
    );
    expect(events.filter((event) => event === 'idle')).toHaveLength(2);
    expect(turns[1].workbook).not.toBe(UNCHANGED);
  });

  it('ignores a second turn sent while the first is still running', async () => {
    const { controller, turns } = harness(() => reply('Done.'));
    await Promise.all([controller.say('run'), controller.say('run again')]);
    expect(turns.map(said)).toEqual(['run']);
  });

  it("sends a change made in the settings form as its command, shown in the conversation as the form's line", async () => {
    const { controller, events, turns } = harness(() => reply('Counts from 1 to 9 will be withheld.'));
    const command: Command = { kind: 'setThreshold', threshold: 10 };
    await controller.apply(command, 'Settings: threshold 10');
    expect(turns).toHaveLength(1);
    expect('command' in turns[0] && turns[0].command).toEqual(command);
    // The form's line goes with the command, so the Audit sheet records the change in words.
    expect('command' in turns[0] && turns[0].said).toBe('Settings: threshold 10');
    expect(withoutCancel(events)).toEqual([
      'busy',
      'analyst: Settings: threshold 10',
      'progress: Reading the workbook',
      'progress: Thinking',
      'worker: {"kind":"setThreshold","threshold":10}',
      'progress: Scoring and ranking schools',
      'reply: Counts from 1 to 9 will be withheld.',
      'summary: Threshold=5',
      'idle',
    ]);
  });
});

describe('cancelling a turn', () => {
  it('stops the worker, writes nothing, restores the choices on a fresh worker with the workbook and boundaries, and is usable again', async () => {
    const { controller, events, turns, restores, started } = harness((input) =>
      said(input) === 'run' ? 'wait' : reply('Fine.', [{ kind: 'writeReport', models: [summaryModel] }]),
    );
    const file: BoundaryFile = { geojson: { type: 'FeatureCollection', features: [] }, source: 'wards.geojson' };
    controller.useBoundaries(file);
    const running = controller.say('run');
    await started();
    controller.cancel();
    await running;
    expect(events).toContain('worker cancelled');
    expect(events.some((event) => event.startsWith('wrote:'))).toBe(false);
    expect(restores).toEqual([{ workbook: ['Crimes', 'Schools'], boundaries: file }]);
    expect(events.slice(events.indexOf('progress: Scoring and ranking schools') + 1)).toEqual([
      'not cancellable',
      'progress: Cancelling',
      'worker cancelled',
      'progress: Cancelled: restoring your choices',
      'worker restored',
      'summary: Threshold=10',
      'info: Cancelled. Nothing was written to the workbook, and your choices are kept.',
      'not cancellable',
      'idle',
    ]);
    // Usable again: the next turn runs, and the restored worker has the workbook and the boundaries already.
    await controller.say('describe');
    expect(turns.map(said)).toEqual(['run', 'describe']);
    expect(turns[1].workbook).toBe(UNCHANGED);
    expect(turns[1].boundaries).toBe(UNCHANGED);
    expect(events).toContain('reply: Fine.');
  });

  it('is offered only until the reply arrives: the sheets of a reply are always written whole', async () => {
    const { controller, events } = harness(() => reply('Done.', [{ kind: 'writeReport', models: [summaryModel] }]));
    await controller.say('run');
    expect(events.indexOf('not cancellable')).toBeLessThan(events.indexOf('progress: Writing sheet 0 of 1'));
    controller.cancel();
    expect(events).not.toContain('worker cancelled');
    expect(events.filter((event) => event.startsWith('wrote:'))).toHaveLength(1);
  });

  it('ignores Cancel when no turn runs', () => {
    const { controller, events } = harness(() => reply('Fine.'));
    controller.cancel();
    expect(events).toEqual([]);
  });
});
