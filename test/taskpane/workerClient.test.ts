import type { TurnRecord } from '../../src/conversation/types';
import { DEFAULT_PARAMETERS } from '../../src/core/types';
import { CancelledError, startDialogueWorker } from '../../src/taskpane/host/workerClient';
import type { WorkerMessage, WorkerRequest } from '../../src/taskpane/protocol';
import { parametersJson } from '../../src/taskpane/worker/sessionHost';

const parameters = parametersJson(DEFAULT_PARAMETERS);

/** A stand-in for the browser's Worker: records what it is sent, answers when told. */
class FakeWorker {
  static started: FakeWorker[] = [];
  readonly sent: WorkerRequest[] = [];
  terminated = false;
  private readonly listeners = new Map<string, ((event: unknown) => void)[]>();
  constructor(readonly url: string) {
    FakeWorker.started.push(this);
  }
  addEventListener(type: string, listener: (event: unknown) => void): void {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }
  postMessage(request: WorkerRequest): void {
    this.sent.push(request);
  }
  terminate(): void {
    this.terminated = true;
  }
  answer(message: WorkerMessage): void {
    for (const listener of this.listeners.get('message') ?? []) listener({ data: message });
  }
}

const record = (turn: number, utterance: string, command: TurnRecord['command']): TurnRecord => ({
  turn,
  at: '2024-06-01T10:00:00.000Z',
  utterance,
  command,
  reply: 'ok',
});

function start() {
  FakeWorker.started = [];
  const client = startDialogueWorker('dialogue-worker.js', (url) => new FakeWorker(url) as unknown as Worker);
  const latest = () => FakeWorker.started[FakeWorker.started.length - 1];
  return { client, latest };
}

describe('the dialogue worker seen from the page', () => {
  it("sends a form change as a 'command' request and gives back the reply with the session's parameters", async () => {
    const { client, latest } = start();
    const steps: string[] = [];
    const answer = client.turn(
      { command: { kind: 'setThreshold', threshold: 10 }, workbook: 'unchanged', boundaries: 'unchanged' },
      (step) => steps.push(step),
    );
    const sent = latest().sent[0];
    expect(sent).toEqual({
      kind: 'command',
      id: 1,
      command: { kind: 'setThreshold', threshold: 10 },
      workbook: 'unchanged',
      boundaries: 'unchanged',
    });
    const reply = {
      text: 'Counts from 1 to 9 will be withheld.',
      choices: [],
      question: false,
      command: { kind: 'setThreshold', threshold: 10 },
      effects: [],
    } as never;
    latest().answer({ kind: 'progress', id: 1, step: 'Thinking' });
    latest().answer({
      kind: 'reply',
      id: 1,
      reply,
      summary: [],
      parameters: { ...parameters, threshold: 10 },
      offenceTypes: [{ type: 'Robbery', rows: 3 }],
      turns: [],
    });
    await expect(answer).resolves.toEqual({
      reply,
      settings: {
        summary: [],
        parameters: { ...parameters, threshold: 10 },
        offenceTypes: [{ type: 'Robbery', rows: 3 }],
      },
    });
    expect(steps).toEqual(['Thinking']);
  });

  it('cancels at once: ends the worker, rejects what was pending, starts a fresh one, and gives it every recorded turn to restore', async () => {
    const { client, latest } = start();
    const first = latest();
    const setting = client.turn(
      { utterance: 'suppress counts under 10', workbook: { sheets: [] }, boundaries: null },
      () => undefined,
    );
    const turns = [
      record(1, 'describe', { kind: 'describe' }),
      record(2, 'suppress counts under 10', { kind: 'setThreshold', threshold: 10 }),
    ];
    first.answer({
      kind: 'reply',
      id: 1,
      reply: { text: 'ok' } as never,
      summary: [],
      parameters,
      offenceTypes: null,
      turns,
    });
    await setting;
    const run = client.turn({ utterance: 'run', workbook: 'unchanged', boundaries: 'unchanged' }, () => undefined);
    client.cancel();
    await expect(run).rejects.toBeInstanceOf(CancelledError);
    expect(first.terminated).toBe(true);
    const fresh = latest();
    expect(fresh).not.toBe(first);
    const workbook = { sheets: [{ name: 'Crimes', rows: [] }] };
    const restored = client.restore({ workbook, boundaries: null });
    expect(fresh.sent).toEqual([{ kind: 'restore', id: 3, turns, runsSoFar: 0, workbook, boundaries: null }]);
    fresh.answer({
      kind: 'restored',
      id: 3,
      replayed: 1,
      summary: [],
      parameters: { ...parameters, threshold: 10 },
      offenceTypes: null,
    });
    await expect(restored).resolves.toEqual({
      replayed: 1,
      settings: { summary: [], parameters: { ...parameters, threshold: 10 }, offenceTypes: null },
    });
    // A late answer from the ended worker changes nothing.
    first.answer({
      kind: 'reply',
      id: 2,
      reply: { text: 'Run 1 done' } as never,
      summary: [],
      parameters,
      offenceTypes: null,
      turns: [record(3, 'run', { kind: 'run' })],
    });
    const next = client.restore({ workbook, boundaries: null });
    expect((fresh.sent[1] as Extract<WorkerRequest, { kind: 'restore' }>).turns).toEqual(turns);
    fresh.answer({ kind: 'restored', id: 4, replayed: 1, summary: [], parameters, offenceTypes: null });
    await next;
  });

  it('tells a restored worker the number of the last run written, so its next run is numbered after it', async () => {
    const { client, latest } = start();
    const first = latest();
    const noted = client.noteWritten(new Map([['Schools', 'Schools (2)']]), 2);
    expect(first.sent).toEqual([
      { kind: 'written', id: 1, sheetNames: new Map([['Schools', 'Schools (2)']]), runNumber: 2 },
    ]);
    first.answer({ kind: 'noted', id: 1, summary: [], parameters });
    await noted;
    // The third run is cancelled before anything is written.
    const run = client.turn({ utterance: 'run', workbook: 'unchanged', boundaries: 'unchanged' }, () => undefined);
    client.cancel();
    await expect(run).rejects.toBeInstanceOf(CancelledError);
    const workbook = { sheets: [] };
    const restored = client.restore({ workbook, boundaries: null });
    expect(latest().sent).toEqual([{ kind: 'restore', id: 3, turns: [], runsSoFar: 2, workbook, boundaries: null }]);
    latest().answer({ kind: 'restored', id: 3, replayed: 0, summary: [], parameters, offenceTypes: null });
    await restored;
  });

  it("resolves 'ready' with the starting choices of the first worker", async () => {
    const { client, latest } = start();
    latest().answer({
      kind: 'ready',
      solver: 'HiGHS',
      solverProblem: null,
      suggestions: [],
      summary: [{ label: 'Ages', value: '10–17' }],
      parameters,
    });
    await expect(client.ready).resolves.toEqual({
      solver: 'HiGHS',
      solverProblem: null,
      suggestions: [],
      settings: { summary: [{ label: 'Ages', value: '10–17' }], parameters },
    });
  });
});
