/**
 * Starting again from the record (the task pane's Cancel ends the worker a turn runs in): the
 * choices come back, nothing runs again, and runs are numbered after those already written, as the
 * host names their sheets ('Schools (3)' is run 3).
 */
import {
  createDialogueSession,
  restoreSession,
  turnsThatSetChoices,
  type EngineContext,
  type TurnRecord,
} from '../../src/conversation';
import { loadHighsSolver } from '../../src/core/disclosure';
import { SMALL_PARAMETERS, smallWorkbook } from '../pipeline/smallWorkbookFixture';
import { steppingClock } from './dialogueFixtures';

let context: EngineContext;
beforeAll(async () => {
  context = { workbook: smallWorkbook(), solver: await loadHighsSolver() };
});

const firstLine = (text: string): string => text.split('\n').find((line) => /^Run \d+ done/.test(line)) ?? text;

describe('turnsThatSetChoices', () => {
  it('keeps the turns that change a choice or undo one, and leaves out runs, questions and answers about results', () => {
    const turn = (command: TurnRecord['command']): TurnRecord => ({
      turn: 1,
      at: '',
      utterance: '',
      command,
      reply: '',
    });
    const kept = [
      turn({ kind: 'setThreshold', threshold: 7 }),
      turn({ kind: 'useSheet', role: 'offences', sheet: 'A' }),
      turn({ kind: 'undo' }),
      turn({ kind: 'reset' }),
    ];
    const dropped = [
      turn({ kind: 'run' }),
      turn({ kind: 'describe' }),
      turn(null),
      turn({ kind: 'showTop', n: 5 }),
      turn({ kind: 'status' }),
    ];
    expect(turnsThatSetChoices([...dropped, ...kept])).toEqual(kept);
  });
});

describe('restoreSession', () => {
  it('holds the same choices, each replayed turn at the time it was first taken, without running again', () => {
    const first = createDialogueSession({ parameters: SMALL_PARAMETERS, now: steppingClock() });
    first.respond('suppress counts under 7', context);
    first.respond('hide zeros', context);
    first.respond('run', context);
    const { session, replayed } = restoreSession(first.transcript, context, { parameters: SMALL_PARAMETERS });
    expect(replayed).toBe(2);
    expect(session.parameters).toEqual(first.parameters);
    expect(session.transcript.map((turn) => turn.at)).toEqual(first.transcript.slice(0, 2).map((turn) => turn.at));
    expect(session.runs).toBe(0);
  });

  it('numbers the next run after the runs already written (two runs, a cancelled third: the next is run 3)', () => {
    const { session } = restoreSession([], context, { parameters: SMALL_PARAMETERS, runsSoFar: 2 });
    const reply = session.respond('run', context);
    expect(firstLine(reply.text)).toMatch(/^Run 3 done/);
    expect(session.runs).toBe(3);
  });
});

describe('noteWritten with the run number the host wrote under', () => {
  it('numbers the latest run and the next after the sheets written', () => {
    const session = createDialogueSession({ parameters: SMALL_PARAMETERS });
    expect(firstLine(session.respond('run', context).text)).toMatch(/^Run 1 done/);
    // The workbook already held a run's sheets, so the host wrote this one as 'Schools (2)'.
    session.noteWritten(new Map([['Schools', 'Schools (2)']]), 2);
    expect(session.runs).toBe(2);
    session.respond('hide zeros', context);
    expect(firstLine(session.respond('run', context).text)).toMatch(/^Run 3 done/);
  });
});
