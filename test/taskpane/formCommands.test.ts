import { DEFAULT_PARAMETERS } from '../../src/core/types';
import { commandLabel, formCommand, type FormValues } from '../../src/taskpane/ui/formCommands';
import { parametersJson } from '../../src/taskpane/worker/sessionHost';
import { readUtterance } from '../../src/conversation/parse/readUtterance';

const current = parametersJson(DEFAULT_PARAMETERS);

/** The form as it shows the default choices. */
const shown: FormValues = {
  ageFrom: '10',
  ageTo: '17',
  offenceRule: 'default',
  offenceTypes: [],
  dateFrom: '',
  dateTo: '',
  phases: ['secondary', 'allThrough'],
  threshold: '5',
  showZeros: true,
  rounding: 'none',
  disclosure: 'suppression',
  confidence: '0.95',
  catchment: 'auto',
  metric: 'offences',
  topN: '20',
  smoothing: 'none',
  flags: 'overdispersed',
  showAttending: false,
  seed: String(DEFAULT_PARAMETERS.seed),
  protection: '',
};

describe("the settings form's changes as commands", () => {
  it('sends nothing for a part that still shows what the session holds', () => {
    for (const field of [
      'ages',
      'offenceTypes',
      'dates',
      'phases',
      'threshold',
      'zeros',
      'rounding',
      'disclosure',
      'confidence',
      'catchment',
      'metric',
      'topN',
      'smoothing',
      'flags',
      'attending',
      'seed',
      'protection',
    ] as const) {
      expect(formCommand(field, shown, current)).toBeNull();
    }
  });

  it('sends each change as the command the same words typed would be', () => {
    expect(formCommand('threshold', { ...shown, threshold: '10' }, current)).toEqual({
      kind: 'setThreshold',
      threshold: 10,
    });
    expect(formCommand('ages', { ...shown, ageFrom: '11', ageTo: '16' }, current)).toEqual({
      kind: 'setAgeBand',
      from: 11,
      to: 16,
    });
    expect(formCommand('dates', { ...shown, dateFrom: '2023-04-01' }, current)).toEqual({
      kind: 'setDates',
      from: '2023-04-01',
      to: null,
    });
    expect(formCommand('phases', { ...shown, phases: ['primary'] }, current)).toEqual({
      kind: 'setPhases',
      phases: ['primary'],
      mode: 'only',
    });
    expect(formCommand('zeros', { ...shown, showZeros: false }, current)).toEqual({ kind: 'setZeros', show: false });
    expect(formCommand('rounding', { ...shown, rounding: '5' }, current)).toEqual({ kind: 'setRounding', base: 5 });
    expect(formCommand('confidence', { ...shown, confidence: '0.99' }, current)).toEqual({
      kind: 'setConfidence',
      level: 0.99,
    });
    expect(formCommand('catchment', { ...shown, catchment: 'distanceDecay' }, current)).toEqual({
      kind: 'setCatchment',
      model: 'distanceDecay',
    });
    expect(formCommand('metric', { ...shown, metric: 'youngOffenders' }, current)).toEqual({
      kind: 'setMetric',
      metric: 'youngOffenders',
    });
    expect(formCommand('topN', { ...shown, topN: '30' }, current)).toEqual({ kind: 'setTopN', topN: 30 });
  });

  it('sends the statistical choices, the seed and the protection interval as the same words typed would be', () => {
    const pairs: [Parameters<typeof formCommand>[0], Partial<FormValues>, string][] = [
      ['smoothing', { smoothing: 'empiricalBayes' }, 'smooth the rates'],
      ['flags', { flags: 'poisson' }, 'use poisson flags'],
      ['attending', { showAttending: true }, 'show attending counts'],
      ['seed', { seed: '42' }, 'set the seed to 42'],
      ['protection', { protection: '8' }, 'set the protection interval to 8'],
    ];
    for (const [field, change, typed] of pairs) {
      const sent = formCommand(field, { ...shown, ...change }, current);
      const steps = readUtterance(typed).steps;
      expect(steps).toHaveLength(1);
      const reading = steps[0].reading;
      expect(reading.kind).toBe('command');
      expect(sent).toEqual(reading.kind === 'command' ? reading.command : undefined);
    }
    // Back again, from a session that holds the other value.
    const changed = {
      ...current,
      smoothing: 'empiricalBayes' as const,
      flagMethod: 'poisson' as const,
      showAttending: true,
      protectionInterval: 8,
    };
    expect(formCommand('smoothing', shown, changed)).toEqual({ kind: 'setSmoothing', smoothing: 'none' });
    expect(formCommand('flags', shown, changed)).toEqual({ kind: 'setFlags', method: 'overdispersed' });
    expect(formCommand('attending', shown, changed)).toEqual({ kind: 'setShowAttending', show: false });
    // An emptied protection field means "the threshold" again.
    expect(formCommand('protection', shown, changed)).toEqual({ kind: 'setProtection', interval: null });
    expect(formCommand('protection', { ...shown, protection: 'wide' }, changed)).toBeNull();
    expect(formCommand('seed', { ...shown, seed: '' }, current)).toBeNull();
  });

  it('sends the disclosure method as the same words typed would be, and back to suppression from a perturbing session', () => {
    const sent = formCommand('disclosure', { ...shown, disclosure: 'perturbation' }, current);
    expect(sent).toEqual({ kind: 'setDisclosure', method: 'perturbation' });
    const typed = readUtterance('use cell key perturbation').steps;
    expect(typed.map((step) => step.reading)).toEqual([{ kind: 'command', command: sent }]);
    const perturbing = { ...current, disclosureMethod: 'perturbation' as const };
    expect(formCommand('disclosure', { ...shown, disclosure: 'perturbation' }, perturbing)).toBeNull();
    const back = formCommand('disclosure', shown, perturbing);
    expect(back).toEqual({ kind: 'setDisclosure', method: 'suppression' });
    expect(readUtterance('switch to suppression').steps.map((step) => step.reading)).toEqual([
      { kind: 'command', command: back },
    ]);
    // A session that says nothing of the method is suppressing; an unknown value sends nothing.
    expect(
      formCommand('disclosure', { ...shown, disclosure: 'suppression' }, { ...current, disclosureMethod: undefined }),
    ).toBeNull();
    expect(formCommand('disclosure', { ...shown, disclosure: 'noise' }, current)).toBeNull();
  });

  it('sends the offence type rule: every type, the chosen types, or back to the default groups', () => {
    expect(formCommand('offenceTypes', { ...shown, offenceRule: 'all' }, current)).toEqual({
      kind: 'setOffenceTypes',
      types: ['all'],
      mode: 'only',
    });
    expect(
      formCommand(
        'offenceTypes',
        { ...shown, offenceRule: 'chosen', offenceTypes: ['Robbery', 'Public order'] },
        current,
      ),
    ).toEqual({
      kind: 'setOffenceTypes',
      types: ['Robbery', 'Public order'],
      mode: 'only',
    });
    const chosen = { ...current, offenceTypes: ['Robbery', 'Public order'] };
    expect(
      formCommand(
        'offenceTypes',
        { ...shown, offenceRule: 'chosen', offenceTypes: ['public order', 'Robbery'] },
        chosen,
      ),
    ).toBeNull();
    expect(formCommand('offenceTypes', { ...shown, offenceRule: 'default' }, chosen)).toEqual({
      kind: 'setOffenceTypes',
      types: [],
      mode: 'only',
    });
    expect(formCommand('offenceTypes', { ...shown, offenceRule: 'chosen', offenceTypes: [] }, current)).toBeNull();
  });

  it('sends values the session will refuse, so it says why; not empty or unreadable fields', () => {
    expect(formCommand('threshold', { ...shown, threshold: '0' }, current)).toEqual({
      kind: 'setThreshold',
      threshold: 0,
    });
    expect(formCommand('ages', { ...shown, ageFrom: '16', ageTo: '11' }, current)).toEqual({
      kind: 'setAgeBand',
      from: 16,
      to: 11,
    });
    expect(formCommand('threshold', { ...shown, threshold: '' }, current)).toBeNull();
    expect(formCommand('ages', { ...shown, ageTo: '' }, current)).toBeNull();
    expect(formCommand('catchment', { ...shown, catchment: 'nearest' }, current)).toBeNull();
  });

  it('clears a date limit with an empty field', () => {
    const windowed = { ...current, dateFrom: '2023-04-01', dateTo: '2024-03-31' };
    expect(formCommand('dates', { ...shown, dateFrom: '2023-04-01', dateTo: '' }, windowed)).toEqual({
      kind: 'setDates',
      from: '2023-04-01',
      to: null,
    });
  });
});

describe("the conversation's line for a change made in the form", () => {
  it('reads as a short setting', () => {
    expect(commandLabel({ kind: 'setThreshold', threshold: 10 })).toBe('Settings: threshold 10');
    expect(commandLabel({ kind: 'setAgeBand', from: 11, to: 16 })).toBe('Settings: ages 11–16');
    expect(commandLabel({ kind: 'setPhases', phases: ['secondary', 'allThrough'], mode: 'only' })).toBe(
      'Settings: phases secondary, all-through',
    );
    expect(commandLabel({ kind: 'setOffenceTypes', types: [], mode: 'only' })).toBe(
      'Settings: offence types: Home Office violence groups (default)',
    );
    expect(commandLabel({ kind: 'setOffenceTypes', types: ['Robbery', 'Public order'] })).toBe(
      'Settings: offence types: Robbery; Public order',
    );
    expect(commandLabel({ kind: 'setDates', from: null, to: '2024-03-31' })).toBe('Settings: dates up to 2024-03-31');
    expect(commandLabel({ kind: 'setDates', from: null, to: null })).toBe('Settings: all dates');
    expect(commandLabel({ kind: 'setRounding', base: null })).toBe('Settings: no rounding');
    expect(commandLabel({ kind: 'setConfidence', level: 0.995 })).toBe('Settings: confidence 99.5%');
    expect(commandLabel({ kind: 'setZeros', show: false })).toBe('Settings: withhold zeros');
    expect(commandLabel({ kind: 'setTopN', topN: 30 })).toBe('Settings: top 30');
    expect(commandLabel({ kind: 'setFlags', method: 'poisson' })).toBe('Settings: flag wards by the Poisson interval');
    expect(commandLabel({ kind: 'setShowAttending', show: true })).toBe('Settings: publish attending counts');
    expect(commandLabel({ kind: 'setSmoothing', smoothing: 'empiricalBayes' })).toBe(
      'Settings: score on smoothed rates',
    );
    expect(commandLabel({ kind: 'setDisclosure', method: 'perturbation' })).toBe(
      'Settings: protect counts by cell key perturbation',
    );
    expect(commandLabel({ kind: 'setDisclosure', method: 'suppression' })).toBe(
      'Settings: protect counts by suppression',
    );
    expect(commandLabel({ kind: 'setProtection', interval: null })).toBe(
      'Settings: protection interval: the threshold',
    );
  });
});
