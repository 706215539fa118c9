/**
 * A turn never does part of a request while replying as if it did it all: words left over that may
 * carry part of the request are asked about before anything changes, and a name that fits nothing
 * is not recorded as explained.
 */
import { createDialogueSession, type EngineContext } from '../../src/conversation';
import { loadHighsSolver } from '../../src/core/disclosure';
import { SMALL_PARAMETERS, smallWorkbook } from '../pipeline/smallWorkbookFixture';
import { singleYearWardsWorkbook } from './scopeFixtures';

let context: EngineContext;
beforeAll(async () => {
  context = { workbook: singleYearWardsWorkbook(), solver: await loadHighsSolver() };
});

describe('words left over that may carry part of the request', () => {
  it('are asked about before anything changes, and "yes" then does the part understood', () => {
    const session = createDialogueSession({ parameters: SMALL_PARAMETERS });
    const reply = session.respond('ages 11-16 for the girls only', context);
    expect(reply.question).toBe(true);
    expect(reply.text).toContain('"girls only"');
    expect(reply.commands).toEqual([]);
    expect(session.parameters.ageBand).toEqual(SMALL_PARAMETERS.ageBand);
    const yes = session.respond('yes', context);
    expect(yes.commands).toEqual([{ kind: 'setAgeBand', from: 11, to: 16 }]);
    expect(session.parameters.ageBand).toEqual([11, 16]);
  });

  it('ask before a run too: a request dropped after it would read as done', () => {
    const session = createDialogueSession({ parameters: SMALL_PARAMETERS });
    const reply = session.respond('rerun, then which ones moved up', context);
    expect(reply.question).toBe(true);
    expect(reply.ran).toBe(false);
  });

  it('do not stop a request whose left-over words are harmless', () => {
    const session = createDialogueSession({ parameters: SMALL_PARAMETERS });
    const reply = session.respond('hide zeros and email it to Clare', context);
    expect(reply.question).toBe(false);
    expect(reply.commands).toEqual([{ kind: 'setZeros', show: false }]);
    expect(reply.text).toContain('I did not act on "and email it to Clare"');
  });
});

describe('a school or ward that fits nothing', () => {
  it('is said plainly and recorded as nothing done', () => {
    const session = createDialogueSession({ parameters: SMALL_PARAMETERS });
    const small = { ...context, workbook: smallWorkbook() };
    session.respond('run', small);
    const before = session.transcript.length;
    const reply = session.respond('tell me about Zzyzx Quux', small);
    expect(reply.text).toMatch(/No ranked school or study ward matches 'Zzyzx Quux'/);
    expect(reply.question).toBe(false);
    expect(reply.commands).toEqual([]);
    expect(session.transcript.slice(before).map((turn) => turn.command)).toEqual([null]);
  });
});

describe('a kind of crime that cuts across the offence groups', () => {
  it('is asked about, not read as possession of weapons ("knife crime" includes robberies and assaults with a knife)', () => {
    const session = createDialogueSession({ parameters: SMALL_PARAMETERS });
    const reply = session.respond('count only knife crime', context);
    expect(reply.question).toBe(true);
    expect(reply.text).toMatch(/^'knife' cuts across the offence groups/);
    expect(session.parameters.offenceTypes).toEqual(SMALL_PARAMETERS.offenceTypes);
    // The types of the sheet are offered instead (the small workbook has one).
    expect(reply.choices.map((choice) => choice.label)).toEqual(['Violence with injury']);
  });
});
