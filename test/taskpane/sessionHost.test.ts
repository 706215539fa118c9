import type { TurnRecord } from '../../src/conversation/types';
import { generateDemo } from '../../src/demo';
import type { WorkerMessage, WorkerRequest } from '../../src/taskpane/protocol';
import { loadHighsSolver } from '../../src/core/disclosure';
import { createSessionHost, type SolverLoad } from '../../src/taskpane/worker/sessionHost';

const workbook = generateDemo().workbook;

/** A request as the test writes it: the host numbers them. */
type Unnumbered<T> = T extends unknown ? Omit<T, 'id'> : never;

/** A session host as the worker runs it, without fingerprints (and without a solver unless given), on a fixed clock. */
function host(solver: Promise<SolverLoad> = Promise.resolve({ solver: undefined, problem: null })) {
  const posted: WorkerMessage[] = [];
  let minute = 0;
  const sessionHost = createSessionHost({
    post: (message) => posted.push(message),
    solver,
    fingerprints: async () => [],
    tool: 'test',
    version: '0',
    now: () => new Date(Date.UTC(2024, 5, 1, 10, minute++)),
  });
  let id = 0;
  const answer = async (request: Unnumbered<WorkerRequest>): Promise<WorkerMessage> => {
    await sessionHost.handle({ ...request, id: ++id } as WorkerRequest);
    return posted[posted.length - 1];
  };
  return { sessionHost, posted, answer };
}

type Reply = Extract<WorkerMessage, { kind: 'reply' }>;

describe("the worker's session host", () => {
  it('applies a form command like a typed turn: answered, recorded, and the parameters sent back as plain JSON', async () => {
    const { answer } = host();
    await answer({ kind: 'turn', utterance: 'only ages 11 to 16', workbook, boundaries: null });
    const message = (await answer({
      kind: 'command',
      command: { kind: 'setDates', from: '2023-04-01', to: null },
      workbook: 'unchanged',
      boundaries: 'unchanged',
    })) as Reply;
    expect(message.kind).toBe('reply');
    expect(message.reply.command).toEqual({ kind: 'setDates', from: '2023-04-01', to: null });
    expect(message.parameters).toMatchObject({ ageBand: [11, 16], dateFrom: '2023-04-01', dateTo: null, threshold: 5 });
    expect(JSON.parse(JSON.stringify(message.parameters))).toEqual(message.parameters);
    expect(message.turns).toEqual([
      expect.objectContaining({ turn: 2, command: { kind: 'setDates', from: '2023-04-01', to: null } }),
    ]);
    expect(message.summary.find((line) => line.label === 'Dates')?.value).toBe('from 1 April 2023');
  });

  it("applies the form's disclosure method like typed words: perturbation ends rounding, and rounding is then asked about", async () => {
    const { answer } = host();
    await answer({ kind: 'turn', utterance: 'round to 5', workbook, boundaries: null });
    const perturbed = (await answer({
      kind: 'command',
      command: { kind: 'setDisclosure', method: 'perturbation' },
      workbook: 'unchanged',
      boundaries: 'unchanged',
    })) as Reply;
    expect(perturbed.reply.command).toEqual({ kind: 'setDisclosure', method: 'perturbation' });
    expect(perturbed.reply.text).toContain('Rounding to 5 turned off: perturbation replaces it.');
    expect(perturbed.parameters).toMatchObject({ disclosureMethod: 'perturbation', roundingBase: null });
    expect(perturbed.turns).toEqual([
      expect.objectContaining({ turn: 2, command: { kind: 'setDisclosure', method: 'perturbation' } }),
    ]);
    expect(perturbed.summary.find((line) => line.label === 'Disclosure control')?.value).toBe(
      'cell key perturbation (ONS method)',
    );
    // The rounding list sent again: nothing changes, the session asks which of the two is wanted.
    const rounded = (await answer({
      kind: 'command',
      command: { kind: 'setRounding', base: 5 },
      workbook: 'unchanged',
      boundaries: 'unchanged',
    })) as Reply;
    expect(rounded.reply.text).toMatch(/^Rounding and perturbation are alternatives/);
    expect(rounded.parameters).toEqual(perturbed.parameters);
    const back = (await answer({
      kind: 'command',
      command: { kind: 'setDisclosure', method: 'suppression' },
      workbook: 'unchanged',
      boundaries: 'unchanged',
    })) as Reply;
    expect(back.parameters.disclosureMethod).toBeUndefined();
    expect(back.summary.find((line) => line.label === 'Disclosure control')?.value).toBe('suppression of small counts');
  });

  it("lists the offences sheet's types with their rows, most first", async () => {
    const { answer } = host();
    const message = (await answer({ kind: 'turn', utterance: 'help', workbook, boundaries: null })) as Reply;
    expect(message.offenceTypes?.length).toBeGreaterThan(3);
    expect(message.offenceTypes?.[0]).toEqual({ type: 'Violence without injury', rows: expect.any(Number) });
    const rows = message.offenceTypes!.map((type) => type.rows);
    expect(rows).toEqual([...rows].sort((a, b) => b - a));
  });

  it('restores the choices of the recorded turns on a fresh session without running anything again, undo history and all', async () => {
    const first = host();
    const recorded: TurnRecord[] = [];
    const utterances = [
      "what's in this workbook?",
      'only ages 11 to 16 and suppress counts under 10',
      'rank primary schools',
      'undo',
      'show the settings',
    ];
    for (const utterance of utterances) {
      const message = (await first.answer({
        kind: 'turn',
        utterance,
        workbook: recorded.length === 0 ? workbook : 'unchanged',
        boundaries: null,
      })) as Reply;
      recorded.push(...message.turns);
    }
    const before = first.posted[first.posted.length - 1] as Reply;
    expect(before.parameters).toMatchObject({ ageBand: [11, 16], threshold: 10 });

    const fresh = host();
    const restored = await fresh.answer({ kind: 'restore', turns: recorded, workbook, boundaries: null });
    // The age band, the threshold, the phases and their undo: the two parts of one utterance are two steps.
    expect(restored).toMatchObject({
      kind: 'restored',
      replayed: 4,
      parameters: before.parameters,
      summary: before.summary,
    });
    // Both sessions go on alike: the same undo takes back the same choice.
    const next = { kind: 'turn', utterance: 'undo', workbook: 'unchanged', boundaries: 'unchanged' } as const;
    const original = (await first.answer(next)) as Reply;
    const undone = (await fresh.answer(next)) as Reply;
    expect(undone.parameters).toEqual(original.parameters);
    expect(undone.parameters).not.toEqual(before.parameters);
    expect(undone.turns).toEqual([expect.objectContaining({ turn: 5, utterance: 'undo' })]);
  });

  it("numbers a restored session's runs after those the page wrote, and then after the number the page wrote a run under", async () => {
    // Two runs written, the third cancelled: the fresh worker's next run is run 3.
    const restored = host(loadHighsSolver().then((solver) => ({ solver, problem: null })));
    await restored.answer({ kind: 'restore', turns: [], runsSoFar: 2, workbook, boundaries: null });
    const third = (await restored.answer({
      kind: 'turn',
      utterance: 'run',
      workbook: 'unchanged',
      boundaries: 'unchanged',
    })) as Reply;
    expect(third.reply.text).toMatch(/^Run 3 done/m);
    // The page found 'Schools (3)' taken (an earlier session's sheets) and wrote it as run 4: the next is run 5.
    await restored.answer({ kind: 'written', sheetNames: new Map([['Schools', 'Schools (4)']]), runNumber: 4 });
    await restored.answer({ kind: 'turn', utterance: 'hide zeros', workbook: 'unchanged', boundaries: 'unchanged' });
    const fifth = (await restored.answer({
      kind: 'turn',
      utterance: 'run',
      workbook: 'unchanged',
      boundaries: 'unchanged',
    })) as Reply;
    expect(fifth.reply.text).toMatch(/^Run 5 done/m);
  }, 60_000);
});
