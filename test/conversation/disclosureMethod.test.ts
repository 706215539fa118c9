/**
 * Suppression or cell key perturbation in the conversation: the phrasings that choose a method, the
 * ones that must read as before (rounding, the threshold), rounding and perturbation as
 * alternatives (never a silent change), the settings line, the help topic, and replay.
 */
import path from 'path';
import {
  commandFromJson,
  createDialogueSession,
  replayCommands,
  type Command,
  type EngineContext,
} from '../../src/conversation';
import { readUtterance } from '../../src/conversation/parse/readUtterance';
import { HELP_TOPIC_TEXT } from '../../src/conversation/dialogue/help';
import { loadHighsSolver } from '../../src/core/disclosure';
import { SMALL_PARAMETERS } from '../pipeline/smallWorkbookFixture';
import { smallWorkbook } from '../pipeline/smallWorkbookFixture';
import { readEvalFile, repositoryRoot, EVAL_FILES } from './eval/evalSet';

/** The commands an utterance is read as ('?' for a question). */
function read(utterance: string): (Command | '?')[] {
  return readUtterance(utterance).steps.map((step) => (step.reading.kind === 'command' ? step.reading.command : '?'));
}

const perturb: Command = { kind: 'setDisclosure', method: 'perturbation' };
const suppress: Command = { kind: 'setDisclosure', method: 'suppression' };
const helpOn: Command = { kind: 'help', topic: 'perturbation' };

describe('choosing how counts are protected', () => {
  it.each([
    'use perturbation',
    'use cell key perturbation',
    'use cell-key perturbation',
    'perturb the counts',
    'use the cell key method',
    'use the ONS cell key method',
    'switch to perturbation',
    'perturbation instead of suppression',
    'replace suppression with perturbation',
    'perturb counts instead of suppressing them',
    'add a little noise to the counts',
    'show every count with a little noise',
    'set the disclosure method to perturbation',
    'perturbation on',
    'use pertubation',
  ])('perturbation: %s', (utterance) => expect(read(utterance)).toEqual([perturb]));

  it.each([
    'switch to suppression',
    'go back to suppression',
    'suppress small counts instead',
    'withhold small counts instead',
    'use suppression',
    'suppression instead of perturbation',
    'disclosure method: suppression',
    'go back to suppressing small counts',
  ])('suppression: %s', (utterance) => expect(read(utterance)).toEqual([suppress]));

  it.each([
    'stop perturbing',
    "don't perturb the counts",
    'turn off perturbation',
    'perturbation off',
    'no perturbation',
  ])('perturbation turned down means suppression: %s', (utterance) => expect(read(utterance)).toEqual([suppress]));

  it('reads the method with other requests, in order', () => {
    expect(read('use perturbation and run')).toEqual([perturb, { kind: 'run' }]);
    expect(read('switch to suppression and round to 5')).toEqual([suppress, { kind: 'setRounding', base: 5 }]);
    expect(read('hide zeros and use perturbation')).toEqual([{ kind: 'setZeros', show: false }, perturb]);
  });

  it.each([
    'help perturbation',
    'help with perturbation',
    'what is perturbation?',
    'perturbation?',
    'what is the cell key method',
    'how does perturbation work',
    'why use perturbation?',
    "what's the difference between suppression and perturbation",
  ])('asking about it is help, never a change: %s', (utterance) => expect(read(utterance)).toEqual([helpOn]));

  it.each(['are we using perturbation?', 'is perturbation on?'])(
    'a yes/no question lists the settings: %s',
    (utterance) => expect(read(utterance)).toEqual([{ kind: 'status' }]),
  );

  it('asks which method when only the method is named', () => {
    const [step] = readUtterance('change the disclosure method').steps;
    expect(step.reading).toMatchObject({ kind: 'question', about: 'setDisclosure' });
  });
});

describe('what read as before still does', () => {
  it.each<[string, (Command | '?')[]]>([
    ['round to 5', [{ kind: 'setRounding', base: 5 }]],
    ['round counts to the nearest 10', [{ kind: 'setRounding', base: 10 }]],
    ['no rounding', [{ kind: 'setRounding', base: null }]],
    ['turn rounding off', [{ kind: 'setRounding', base: null }]],
    ['suppress counts under 10', [{ kind: 'setThreshold', threshold: 10 }]],
    ['hide counts of 4 or fewer', [{ kind: 'setThreshold', threshold: 5 }]],
    // Without 'instead' these ask for a threshold, as they always did.
    ['suppress small counts', ['?']],
    ['hide small counts', ['?']],
    ['suppression', ['?']],
    ['blur the counts', ['?']],
    ['what is the suppression', [{ kind: 'help', topic: 'suppression' }]],
    ['help with rounding', [{ kind: 'help', topic: 'rounding' }]],
    ['hide zeros', [{ kind: 'setZeros', show: false }]],
  ])('%s', (utterance, expected) => expect(read(utterance)).toEqual(expected));

  it("leaves 'noise' alone as an offence type when it is not said as a method", () => {
    expect(read('drop noise')).not.toContainEqual(perturb);
    expect(read('drop noise')).not.toContainEqual(suppress);
  });

  it('reads no utterance of the development or probe sets as the method unless it is about the method', () => {
    const root = repositoryRoot(__dirname);
    const items = [
      ...readEvalFile(path.join(root, EVAL_FILES.development)),
      ...readEvalFile(path.join(root, 'test/conversation/eval/utterances.probe.json')),
    ];
    const aboutTheMethod = (expect: unknown): boolean => JSON.stringify(expect).includes('setDisclosure');
    const misread = items
      .filter((item) => !aboutTheMethod(item.expect) && !/perturb|noise|cell key/i.test(item.utterance))
      .filter((item) => read(item.utterance).some((step) => step !== '?' && step.kind === 'setDisclosure'))
      .map((item) => `${item.id}: ${item.utterance}`);
    expect(misread).toEqual([]);
    expect(items.length).toBeGreaterThan(1000);
  });
});

describe('the method in a session', () => {
  const context: EngineContext = { workbook: smallWorkbook() };
  const value = (session: ReturnType<typeof createDialogueSession>, label: string) =>
    session.parameterSummary.find((line) => line.label === label)?.value;

  it('says the method among the settings, suppression by default', () => {
    const session = createDialogueSession();
    expect(value(session, 'Disclosure control')).toBe('suppression of small counts');
    session.respond('use perturbation', context);
    expect(value(session, 'Disclosure control')).toBe('cell key perturbation (ONS method)');
    expect(value(session, 'Small counts')).toBe('no count from 1 to 4 shown (every count perturbed); zeros shown');
    expect(session.parameterSummary).toContainEqual(
      expect.objectContaining({ label: 'Small counts', brief: 'counts perturbed, none 1–4 shown' }),
    );
    const status = session.respond('show the settings', context);
    expect(status.text.split('\n')).toContain('Disclosure control: cell key perturbation (ONS method)');
  });

  it('turns rounding off when perturbation is chosen, says so, records the one command and undoes both', () => {
    const session = createDialogueSession();
    session.respond('round to 5', context);
    const reply = session.respond('use cell key perturbation', context);
    expect(reply.commands).toEqual([perturb]);
    expect(reply.text).toContain('Rounding to 5 turned off: perturbation replaces it.');
    expect(session.parameters).toMatchObject({ disclosureMethod: 'perturbation', roundingBase: null });
    expect(session.transcript[session.transcript.length - 1].command).toEqual(perturb);
    const undone = session.respond('undo', context);
    expect(undone.text).toMatch(/^Undid how counts are protected/);
    expect(session.parameters.roundingBase).toBe(5);
    expect(session.parameters.disclosureMethod).toBeUndefined();
  });

  it('says nothing of rounding when there was none', () => {
    const session = createDialogueSession();
    const reply = session.respond('use perturbation', context);
    expect(reply.text).not.toMatch(/Rounding/);
    expect(reply.text).toContain('every count is shown with a little noise that the same records always get');
  });

  it('asks, and changes nothing, when rounding is asked for while counts are perturbed', () => {
    const session = createDialogueSession();
    session.respond('use perturbation', context);
    const before = session.parameters;
    const reply = session.respond('round to 10', context);
    expect(reply.question).toBe(true);
    expect(reply.commands).toEqual([]);
    expect(reply.text).toMatch(/^Rounding and perturbation are alternatives/);
    expect(reply.text).toContain('Nothing has changed');
    expect(session.parameters).toBe(before);
    expect(reply.choices.map((choice) => choice.utterance)).toEqual([
      'keep perturbation',
      'switch to suppression and round to 10',
    ]);
    // Taking the second choice does both, in order.
    const answered = session.respond('switch to suppression and round to 10', context);
    expect(answered.commands).toEqual([suppress, { kind: 'setRounding', base: 10 }]);
    expect(session.parameters.roundingBase).toBe(10);
    expect(session.parameters.disclosureMethod).toBeUndefined();
    // 'no rounding' while perturbing changes nothing that matters and is not refused.
    session.respond('use perturbation', context);
    expect(session.respond('no rounding', context).question).toBe(false);
  });

  it('keeps suppression the same choices as the default, so going back leaves nothing behind', () => {
    const session = createDialogueSession();
    const start = session.parameters;
    session.respond('use perturbation', context);
    session.respond('switch to suppression', context);
    expect(session.parameters).toEqual(start);
    expect('disclosureMethod' in session.parameters).toBe(false);
    expect(session.respond('reset', context).text).toBe('The settings are already at their starting values.');
  });

  it('warns, after a run with suppression, that its ledger keeps the method it started with', async () => {
    const withSolver: EngineContext = { workbook: smallWorkbook(), solver: await loadHighsSolver() };
    const session = createDialogueSession({ parameters: SMALL_PARAMETERS });
    expect(session.respond('run', withSolver).ran).toBe(true);
    const reply = session.respond('use perturbation', withSolver);
    expect(reply.commands).toEqual([perturb]);
    expect(reply.text).toContain(
      'The runs already written used suppression of small counts, and a disclosure ledger keeps the method it started with: to publish this way, start a new workbook (or a new ledger).',
    );
    // Back to the method of the runs written: nothing to warn of.
    expect(session.respond('switch to suppression', withSolver).text).not.toContain('ledger keeps');
  });

  it('replays the recorded commands to the same choices, from JSON too', () => {
    const session = createDialogueSession();
    for (const utterance of ['round to 5', 'use perturbation', 'suppress counts under 7'])
      session.respond(utterance, context);
    const recorded = session.transcript.flatMap((turn) => (turn.command ? [turn.command] : []));
    expect(recorded).toEqual([{ kind: 'setRounding', base: 5 }, perturb, { kind: 'setThreshold', threshold: 7 }]);
    const fromJson = recorded.map((command) => commandFromJson(JSON.stringify(command)) as Command);
    const replayed = replayCommands(fromJson, context);
    expect(replayed.transcript.map((turn) => turn.command)).toEqual(recorded);
    const again = createDialogueSession();
    for (const command of fromJson) again.apply(command, context);
    expect(again.parameters).toEqual(session.parameters);
  });
});

describe('help on perturbation', () => {
  it('says in plain words what it does, its limits and when to use it', () => {
    const { text } = HELP_TOPIC_TEXT.perturbation;
    expect(text).toContain('every count is shown with a little noise added, at most 2 either way by default');
    expect(text).toContain('The same records always get the same noise');
    expect(text).toContain('No count from 1 to one below the threshold is ever shown');
    expect(text).toContain('totals are the sums of the shown counts');
    expect(text).toContain('cannot switch to the other');
    expect(text).toContain('start a new workbook (or a new ledger)');
    expect(text).toContain('rerun with many different scopes');
  });

  it('answers with the current method', () => {
    const session = createDialogueSession();
    const context: EngineContext = { workbook: smallWorkbook() };
    const reply = session.respond('what is perturbation?', context);
    expect(reply.command).toEqual(helpOn);
    expect(reply.text).toMatch(/Now: suppression of small counts\.$/);
    expect(reply.choices.map((choice) => choice.utterance)).toContain('use perturbation');
  });
});
