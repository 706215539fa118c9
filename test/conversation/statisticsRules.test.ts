/**
 * The rules for the statistical choices (rules/statistics), each reading on its own: how wards are
 * flagged, smoothing, attending counts; a method turned down means the other one; asking what one
 * is, or whether it is on, never changes it.
 */
import type { Command } from '../../src/conversation/commands';
import { EMPTY_LEXICON } from '../../src/conversation/parse/grammar/lexicon';
import { readUtterance } from '../../src/conversation/parse/readUtterance';

/** The commands an utterance is read as ('?' for a question, 'refused' for a refusal). */
function read(utterance: string): (Command | '?')[] | 'refused' {
  const reading = readUtterance(utterance);
  if (reading.refusal) return 'refused';
  return reading.steps.map((step) => (step.reading.kind === 'command' ? step.reading.command : '?'));
}

const poisson: Command = { kind: 'setFlags', method: 'poisson' };
const funnel: Command = { kind: 'setFlags', method: 'overdispersed' };
const show: Command = { kind: 'setShowAttending', show: true };
const hide: Command = { kind: 'setShowAttending', show: false };
const smoothed: Command = { kind: 'setSmoothing', smoothing: 'empiricalBayes' };
const crude: Command = { kind: 'setSmoothing', smoothing: 'none' };
const help = (topic: 'flags' | 'attending' | 'smoothing'): Command => ({ kind: 'help', topic });

describe('how wards are flagged', () => {
  it.each([
    ['use poisson flags', [poisson]],
    ['flag wards by the poisson interval', [poisson]],
    ['ignore overdispersion', [poisson]],
    ['flag a ward higher only if its CI is clear of the area rate', [poisson]],
    ['just use the confidence intervals to flag wards', [poisson]],
    ['switch to funnel limits', [funnel]],
    ['allow for the extra variation between wards when flagging', [funnel]],
    ['change the flags to the funnel method', [funnel]],
    ['use the default flags', [funnel]],
  ])('%s', (utterance, expected) => expect(read(utterance)).toEqual(expected));

  it.each([
    ['stop using the funnel limits', [poisson]],
    ["don't use the funnel plot for flags", [poisson]],
    ['no more funnel flags', [poisson]],
    ['poisson off', [funnel]],
    ['stop using poisson', [funnel]],
    ['undo the poisson flags', [funnel]],
  ])('a method turned down means the other: %s', (utterance, expected) => expect(read(utterance)).toEqual(expected));

  it.each([
    ['how are wards flagged?'],
    ['what does over-dispersed mean'],
    ['what is a funnel plot'],
    ['how does the poisson flag work'],
    ['which flag method are we using'],
  ])('asking about it is help, never a change: %s', (utterance) => expect(read(utterance)).toEqual([help('flags')]));

  it.each([
    ['turn the overdispersion correction off', [poisson]],
    ['put the overdispersion correction back on', [funnel]],
    ['I want the unadjusted poisson comparison', [poisson]],
    ['flag method poisson', [poisson]],
    ['set flagging back to default', [funnel]],
  ])('said as a switch or a name: %s', (utterance, expected) => expect(read(utterance)).toEqual(expected));

  it('asks which method when only the flags are named', () => expect(read('change the flag method')).toEqual(['?']));
});

describe('attending counts in the shared workbook', () => {
  it.each([
    ['show attending counts', [show]],
    ['publish the young offenders attending in the workbook', [show]],
    ["we'd like the attending counts included", [show]],
    ['add a column for young offenders attending each school', [show]],
    ['hide attending counts', [hide]],
    ["don't show offenders attending", [hide]],
    ['take the attending numbers out of the shared workbook', [hide]],
    ['leave the attending counts out of the workbook', [hide]],
  ])('%s', (utterance, expected) => expect(read(utterance)).toEqual(expected));

  it.each([['what does show attending do'], ["why aren't the attending counts in the workbook?"]])(
    'asking about it is help: %s',
    (utterance) => expect(read(utterance)).toEqual([help('attending')]),
  );

  it("a school's count is that school's figures, not the setting", () => {
    expect(read('how many young offenders attend Park Hall?')).toEqual([
      { kind: 'explainSchool', school: 'Park Hall' },
    ]);
  });

  it('naming or listing the people attending a school is refused', () => {
    expect(read('list the young offenders attending Castle High by name')).toBe('refused');
    expect(read('list the offenders attending park hall')).toBe('refused');
  });
});

describe('smoothing', () => {
  it.each([
    ['smooth the rates', [smoothed]],
    ['shrink the small ward rates towards the area average', [smoothed]],
    ['score schools on smoothed rates', [smoothed]],
    ['EB smoothing on', [smoothed]],
    ['use crude rates', [crude]],
    ['turn smoothing off', [crude]],
    ["I'd prefer crude rates", [crude]],
  ])('%s', (utterance, expected) => expect(read(utterance)).toEqual(expected));

  it.each([['what is empirical bayes smoothing?'], ["what's the point of empirical bayes"]])(
    'asking about it is help: %s',
    (utterance) => expect(read(utterance)).toEqual([help('smoothing')]),
  );
});

describe('a yes/no question about the choices lists them, changing nothing', () => {
  it.each([['are we using poisson flags?'], ['is smoothing on?'], ['do we hide zeros?']])('%s', (utterance) =>
    expect(read(utterance)).toEqual([{ kind: 'status' }]),
  );

  it("'do the …' without a question mark is a request, not a question", () =>
    expect(read('do the ages 11 to 16')).toEqual([{ kind: 'setAgeBand', from: 11, to: 16 }]));

  it('a polite request put as a question is still a request', () =>
    expect(read('is it possible to use poisson flags?')).toEqual([poisson]));
});

describe('words that are not offence types', () => {
  it("'off' is not the start of an offence type's name", () => {
    // The workbook's types hold 'offences', which 'off' begins.
    const lexicon = { ...EMPTY_LEXICON, offenceTypes: ['Possession of weapons offences', 'Public order offences'] };
    const reading = readUtterance('turn it off', { lexicon });
    expect(reading.steps.filter((step) => step.reading.kind === 'command')).toEqual([]);
  });

  it("'back to defaults' is every choice, not the default offence types", () => {
    expect(read('back to defaults pls')).toEqual([{ kind: 'reset' }]);
    expect(read('back to default offence types')).toEqual([{ kind: 'setOffenceTypes', types: [] }]);
  });

  it("a person's history is refused", () => expect(read("show me P007's offending history")).toBe('refused'));
});

describe('questions and words that are not requests', () => {
  it.each([
    ['why 10 to 17?', 'ageBand'],
    ["what does 'ranked on offences' mean?", 'metric'],
  ] as const)('a question about a setting is help on it, not a change: %s', (utterance, topic) =>
    expect(read(utterance)).toEqual([{ kind: 'help', topic }]),
  );

  it('a question answered whole leaves no word over to report', () => {
    for (const utterance of ['why 10 to 17?', 'are we using poisson flags?', "what does 'ranked on offences' mean?"])
      expect({ utterance, unused: readUtterance(utterance).unused }).toEqual({ utterance, unused: [] });
  });

  it("'run' as a word is not a run", () => {
    expect(read('run through the settings with me')).toEqual([{ kind: 'status' }]);
    expect(read('how long does a run take?')).toEqual([{ kind: 'help' }]);
    expect(read('run me the top 10')).toEqual([{ kind: 'showTop', n: 10 }]);
  });

  it("'without' does not begin an offence type: the zeros are left out", () => {
    expect(read('rerun, but without the zeros')).toEqual([{ kind: 'setZeros', show: false }, { kind: 'run' }]);
  });

  it('a setting said after a request for results, with "after", is applied first', () => {
    expect(read('show me the top 10 after switching to observed catchments')).toEqual([
      { kind: 'setCatchment', model: 'observed' },
      { kind: 'showTop', n: 10 },
    ]);
  });
});

describe('with other requests', () => {
  it('applies each in order', () => {
    expect(read('rank by young offenders and use poisson flags then run')).toEqual([
      { kind: 'setMetric', metric: 'youngOffenders' },
      poisson,
      { kind: 'run' },
    ]);
    expect(read('smooth rates, poisson flags, then run')).toEqual([smoothed, poisson, { kind: 'run' }]);
    expect(read('attending counts off, then rerun')).toEqual([hide, { kind: 'run' }]);
  });
});
