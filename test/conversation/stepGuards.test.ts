/**
 * Words between clauses that turn a reading round or qualify it (parse/stepGuards), and words left
 * over that may carry part of the request (parse/leftOverWords): each reading below was worked out
 * from what the words mean, and each is one an earlier parser got wrong while replying as if complete.
 */
import { readUtterance, type Command } from '../../src/conversation';
import { EMPTY_LEXICON, lexUtterance, type Lexicon } from '../../src/conversation/parse';
import { mattersWhenLeftOver } from '../../src/conversation/parse/leftOverWords';

type Read = Command | 'question';

function readAs(utterance: string, lexicon?: Lexicon): Read[] {
  return readUtterance(utterance, lexicon ? { lexicon } : {}).steps.map((step) =>
    step.reading.kind === 'command' ? step.reading.command : 'question',
  );
}

const LEXICON: Lexicon = {
  ...EMPTY_LEXICON,
  wards: ['Castle and Priory', "St Thomas's"],
  schools: ['Park Hall Academy', 'Hill Top School'],
  offenceTypes: ['Violence with injury', 'Public order offences', 'Possession of weapons offences', 'Shoplifting'],
};

describe('a setting turned down by the words before it', () => {
  it.each<[string, Read[]]>([
    // A contrast: the alternative turned down is not applied.
    ['set ages to 11-16, not 10-17', [{ kind: 'setAgeBand', from: 11, to: 16 }]],
    ['use distance decay instead of observed', [{ kind: 'setCatchment', model: 'distanceDecay' }]],
    ['use distance decay rather than observed', [{ kind: 'setCatchment', model: 'distanceDecay' }]],
    // A list loses what is turned down.
    [
      'include robbery but not shoplifting',
      [
        { kind: 'setOffenceTypes', types: ['robbery'], mode: 'add' },
        { kind: 'setOffenceTypes', types: ['shoplifting'], mode: 'remove' },
      ],
    ],
    [
      'everything but shoplifting',
      [
        { kind: 'setOffenceTypes', types: ['all'] },
        { kind: 'setOffenceTypes', types: ['shoplifting'], mode: 'remove' },
      ],
    ],
    [
      'all offence types except shoplifting',
      [
        { kind: 'setOffenceTypes', types: ['all'] },
        { kind: 'setOffenceTypes', types: ['shoplifting'], mode: 'remove' },
      ],
    ],
    [
      // The exclusion restates the list just said: one change.
      'rank secondaries, not primaries',
      [{ kind: 'setPhases', phases: ['secondary'], mode: 'only' }],
    ],
    [
      'every offence type other than shoplifting',
      [
        { kind: 'setOffenceTypes', types: ['all'] },
        { kind: 'setOffenceTypes', types: ['shoplifting'], mode: 'remove' },
      ],
    ],
    // A value alone turned down after a setting is the alternative not wanted, not a second request.
    ['suppress under 7 instead of 5', [{ kind: 'setThreshold', threshold: 7 }]],
    ['FY 22/23 not 21/22', [{ kind: 'setDates', from: '2022-04-01', to: '2023-03-31' }]],
    // Nothing to contrast it with: asked, never applied.
    ['instead of observed', ['question']],
    ['not 10-17', ['question']],
  ])('reads %j', (utterance, expected) => {
    expect(readAs(utterance)).toEqual(expected);
  });

  it('counts the negation it acted on as used, so it is not reported as left over', () => {
    expect(readUtterance('set ages to 11-16, not 10-17').unused).toEqual([]);
  });

  it('leaves the "no" of a correction to the correction ("no, I meant 11 to 16" is not a band turned down)', () => {
    const previous = { kind: 'setAgeBand', from: 12, to: 17 } as const;
    expect(readUtterance('no I meant 11 to 16', { previous }).steps.map((step) => step.reading)).toEqual([
      { kind: 'command', command: { kind: 'setAgeBand', from: 11, to: 16 } },
    ]);
  });

  it('reads "oops" as undo only alone, and as a correction before a value', () => {
    const previous = { kind: 'setThreshold', threshold: 10 } as const;
    expect(readUtterance('oops make that 7', { previous }).steps.map((step) => step.reading)).toEqual([
      { kind: 'command', command: { kind: 'setThreshold', threshold: 7 } },
    ]);
    expect(readAs('oops!')).toEqual([{ kind: 'undo' }]);
    expect(readAs('oops, undo')).toEqual([{ kind: 'undo' }]);
  });

  it('still reads "instead" alone as a correction of the setting just made', () => {
    expect(readAs('hide zeros, instead show them')).toEqual([{ kind: 'setZeros', show: true }]);
    expect(readAs('round to 10 - no, 5')).toEqual([{ kind: 'setRounding', base: 5 }]);
  });

  it('keeps "but" as "and" when it does not follow every type', () => {
    expect(readAs('suppress counts under 10 but show zeros')).toEqual([
      { kind: 'setThreshold', threshold: 10 },
      { kind: 'setZeros', show: true },
    ]);
  });
});

describe('a setting said for a request for results', () => {
  it('is applied first when it follows the request directly', () => {
    expect(readAs('show the top 10 for robbery only')).toEqual([
      { kind: 'setOffenceTypes', types: ['robbery'] },
      { kind: 'showTop', n: 10 },
    ]);
  });

  it('keeps its place when it is a separate request', () => {
    expect(readAs('show the top 10, and robbery only')).toEqual([
      { kind: 'showTop', n: 10 },
      { kind: 'setOffenceTypes', types: ['robbery'] },
    ]);
    expect(
      readAs('explain Park Hall and hide zeros', LEXICON).map((step) => (step === 'question' ? step : step.kind)),
    ).toEqual(['explainSchool', 'setZeros']);
  });

  it('is asked about when it is said for one ward: the analysis covers the whole area', () => {
    const reading = readUtterance('count 14-17 year olds in Castle and Priory', { lexicon: LEXICON });
    expect(reading.steps).toHaveLength(1);
    const step = reading.steps[0].reading;
    expect(step.kind).toBe('question');
    expect(step.kind === 'question' && step.choices.map((choice) => choice.utterance)).toEqual([
      'count 14-17 year olds',
      'tell me about Castle and Priory',
    ]);
  });
});

describe('words left over', () => {
  const token = (text: string, protectedWords: ReadonlySet<string> = new Set()) =>
    lexUtterance(text, protectedWords)[0];

  it.each([
    ['up', true],
    ['not', true],
    ['least', true],
    ['girls', true],
    ['twice', true],
    ['15', true],
    ['months', true],
    ['only', false],
    ['please', false],
    ['taht', false],
    ['tell', false],
  ])('%j may carry part of a request: %s', (word, expected) => {
    expect(mattersWhenLeftOver(token(word))).toBe(expected);
  });

  it('counts a word of a workbook name as part of the request', () => {
    expect(mattersWhenLeftOver(token('priory', new Set(['priory'])))).toBe(true);
  });

  it('marks as unclear the runs that may change what was asked, and not the harmless ones', () => {
    expect(readUtterance('ages 11-16 for the girls only').unclear).toEqual(['girls only']);
    expect(readUtterance('ages 11-16 at Park Hall', { lexicon: LEXICON }).unclear).toEqual(['Park Hall']);
    expect(readUtterance('use observed catchments only').unclear).toEqual([]);
  });
});

describe('readings that took words they should not', () => {
  it.each<[string, Read[]]>([
    ['at least 12 years old', [{ kind: 'setAgeBand', from: 12, to: null }]],
    ['up to age 15', [{ kind: 'setAgeBand', from: null, to: 15 }]],
    ['top 25 schools please from now on', [{ kind: 'setTopN', topN: 25 }]],
    ['look at the top 30 schools from now on', [{ kind: 'setTopN', topN: 30 }]],
    ['undo twice', [{ kind: 'undo' }, { kind: 'undo' }]],
    // A topic with a question mark is help only when said alone.
    ['ranking?', [{ kind: 'help', topic: 'ranking' }]],
    ['who is top of the ranking?', [{ kind: 'showTop' }]],
    // 'only' after a list says which types, whatever the verb before it.
    ['include robbery only', [{ kind: 'setOffenceTypes', types: ['robbery'] }]],
    [
      'hide zeros, plus robbery only',
      [
        { kind: 'setZeros', show: false },
        { kind: 'setOffenceTypes', types: ['robbery'] },
      ],
    ],
    ['include robbery', [{ kind: 'setOffenceTypes', types: ['robbery'], mode: 'add' }]],
    // 'the default' alone names no setting: neither the catchments nor the offence types.
    ['the default', []],
    ['back to the default offence types', [{ kind: 'setOffenceTypes', types: [] }]],
    ['use the default catchments', [{ kind: 'setCatchment', model: 'auto' }]],
    // A top group said after a question about the list is that question's.
    ['who is not on the list in the top 20', [{ kind: 'newCandidates', n: 20 }]],
  ])('reads %j', (utterance, expected) => {
    expect(readAs(utterance, LEXICON)).toEqual(expected);
  });

  it('reads no offence types from words said with no verb that only look like a type', () => {
    // 'offenders' is near 'offences', but "which wards do the most offenders live in?" names no type.
    expect(readAs('which wards do the most offenders live in?', LEXICON)).toEqual([
      { kind: 'listWards', order: 'rate' },
    ]);
    expect(readUtterance('which wards do the most offenders live in?', { lexicon: LEXICON }).unclear).toEqual([
      'offenders live',
    ]);
    expect(readAs('public order offences', LEXICON)).toEqual([
      { kind: 'setOffenceTypes', types: ['public order offences'] },
    ]);
  });

  it('reads no count as part of a place name, but keeps places in the ranking and URNs', () => {
    // 'number 2' is left for the session, which finds the school at rank 2.
    expect(readAs('why is number 2 ranked so high?', LEXICON)).toEqual([{ kind: 'explain', name: 'number 2' }]);
    expect(readAs('why is school 100003 ranked 2nd?', LEXICON)).toEqual([
      { kind: 'explainSchool', school: 'school 100003', claimedRank: 2 },
    ]);
  });
});

describe('two readings of one setting in one utterance', () => {
  it('are asked about when they differ and no correction was said', () => {
    const reading = readUtterance('use the observed pupil data where we have it');
    expect(reading.steps).toHaveLength(1);
    const step = reading.steps[0].reading;
    expect(step.kind).toBe('question');
    expect(step.kind === 'question' && step.choices).toHaveLength(2);
    expect(readAs('round to 5 and hide zeros and round to 10')).toEqual([
      'question',
      { kind: 'setZeros', show: false },
    ]);
  });

  it('are done once when they agree, and combine when they set different ends', () => {
    expect(readAs('round to 5, hide zeros, round to 5')).toEqual([
      { kind: 'setRounding', base: 5 },
      { kind: 'setZeros', show: false },
    ]);
    // The two ends are one window, one recorded change.
    expect(readAs('from April 2021 and until March 2022')).toEqual([
      { kind: 'setDates', from: '2021-04-01', to: '2022-03-31' },
    ]);
  });

  it('leave corrections and lists changed by parts alone', () => {
    expect(readAs('age 11-16, no wait make it 10-17')).toEqual([{ kind: 'setAgeBand', from: 10, to: 17 }]);
    expect(readAs('include robbery and exclude shoplifting')).toEqual([
      { kind: 'setOffenceTypes', types: ['robbery'], mode: 'add' },
      { kind: 'setOffenceTypes', types: ['shoplifting'], mode: 'remove' },
    ]);
  });
});

describe('dictation, exceptions and questions about the method (probe batch 14)', () => {
  const WITH_SCHOOLS: Lexicon = {
    ...LEXICON,
    schools: ['Castle High School', 'Earls High School', 'Park Hall Academy', 'Brook Special School'],
    hasResults: true,
  };
  it.each<[string, Read[]]>([
    // 'bar' is 'except'; 'but not X' after a list left out keeps X.
    [
      'count all types bar shoplifting',
      [
        { kind: 'setOffenceTypes', types: ['all'] },
        { kind: 'setOffenceTypes', types: ['shoplifting'], mode: 'remove' },
      ],
    ],
    [
      'exclude shoplifting and public order but not weapons',
      [
        { kind: 'setOffenceTypes', types: ['shoplifting', 'public order'], mode: 'remove' },
        { kind: 'setOffenceTypes', types: ['weapons'], mode: 'add' },
      ],
    ],
    // Every phase less one is one change.
    [
      'rank all phases except primary',
      [
        {
          kind: 'setPhases',
          phases: ['secondary', 'allThrough', 'special', 'alternativeProvision', 'other'],
          mode: 'only',
        },
      ],
    ],
    // A yes-or-no question about how the method works is help on it.
    ['does the tool account for overdispersion when it flags wards?', [{ kind: 'help', topic: 'flags' }]],
    ['is the distance decay catchment weighted by pupil numbers', [{ kind: 'help', topic: 'catchment' }]],
    // 'where to start' is not a run; the same help twice is one.
    ['no idea where to start, what can it do?', [{ kind: 'help' }]],
    // Dictated punctuation and years; a range cut off is asked about.
    [
      'rank secondaries only comma threshold eight comma then run',
      [
        { kind: 'setPhases', phases: ['secondary'], mode: 'only' },
        { kind: 'setThreshold', threshold: 8 },
        { kind: 'run' },
      ],
    ],
    ['financial year twenty twenty one to twenty two', [{ kind: 'setDates', from: '2021-04-01', to: '2022-03-31' }]],
    ['set the ages from twelve to', ['question']],
    // A whole band with a word after it is not cut off.
    ['ages 12 to 15 and', [{ kind: 'setAgeBand', from: 12, to: 15 }]],
    // People are not an offence type.
    ['rank by offences, not young offenders', [{ kind: 'setMetric', metric: 'offences' }]],
    // Chatter one slip from a keyword ('lots' from 'lost') is chatter.
    ['lots on today, hide zeros', [{ kind: 'setZeros', show: false }]],
  ])('reads %j', (utterance, expected) => {
    expect(readAs(utterance, LEXICON)).toEqual(expected);
  });

  it.each<[string, Read[]]>([
    // The new ones among the top group named, homophone and all.
    ['which of the top ten are knew', [{ kind: 'newCandidates', n: 10 }]],
    [
      'top 12, then which ones are new?',
      [
        { kind: 'showTop', n: 12 },
        { kind: 'newCandidates', n: 12 },
      ],
    ],
    // 'the high school' where two schools' names have those words: which is meant is asked.
    ['exclude the high school', ['question']],
    // One school's name has the words: the phase reading stands.
    ['drop the special school', [{ kind: 'setPhases', phases: ['special'], mode: 'remove' }]],
  ])('with results and these schools, reads %j', (utterance, expected) => {
    expect(readAs(utterance, WITH_SCHOOLS)).toEqual(expected);
  });
});

describe('numbers close together, output columns and names not in the workbook (probe batch 15)', () => {
  it.each<[string, Read[]]>([
    // A top N qualified by settings after it is the list under those settings, shown after them.
    [
      'top 8 by offences for 12-16s',
      [
        { kind: 'setMetric', metric: 'offences' },
        { kind: 'setAgeBand', from: 12, to: 16 },
        { kind: 'showTop', n: 8 },
      ],
    ],
    // 'top N' with settings alone still sets the top group.
    [
      'ages 12-16, top 30',
      [
        { kind: 'setAgeBand', from: 12, to: 16 },
        { kind: 'setTopN', topN: 30 },
      ],
    ],
    // Two numbers joined by 'and', alone, are asked about; 'between' makes them a band.
    ['9 and 13', ['question']],
    ['between 9 and 13', [{ kind: 'setAgeBand', from: 9, to: 13 }]],
    // The result sheets' columns, asked about by name; '[c]' in a column is suppression.
    ["what does a Yes under the 'New candidate' column mean", [{ kind: 'help', topic: 'newCandidates' }]],
    ['why is there a [c] in the young offenders resident column', [{ kind: 'help', topic: 'suppression' }]],
    // The wards coloured red on the Wards sheet are those flagged higher.
    ['show the red wards', [{ kind: 'listWards', order: 'higher' }]],
  ])('reads %j', (utterance, expected) => {
    expect(readAs(utterance, LEXICON)).toEqual(expected);
  });

  it('widens a date window by a period that meets it, and asks about one with a gap', () => {
    const calendar2021 = { kind: 'setDates', from: '2021-01-01', to: '2021-12-31' } as const;
    const read = (utterance: string): Read[] =>
      readUtterance(utterance, { previous: calendar2021 }).steps.map((step) =>
        step.reading.kind === 'command' ? step.reading.command : 'question',
      );
    expect(read('plus the first half of 2022')).toEqual([{ kind: 'setDates', from: '2021-01-01', to: '2022-06-30' }]);
    expect(read('plus the first half of 2023')).toEqual(['question']);
  });
});

describe('plain questions about the method, and switching it on (probe batch 16)', () => {
  it.each<[string, Read[]]>([
    // A method asked about, then switched on by pronoun.
    [
      'what does smoothing do? then switch it on',
      [
        { kind: 'help', topic: 'smoothing' },
        { kind: 'setSmoothing', smoothing: 'empiricalBayes' },
      ],
    ],
    // What a setting is for is help on it, not its value; its value is the settings.
    ['what is the confidence level used for?', [{ kind: 'help', topic: 'confidence' }]],
    ['which catchment is being used', [{ kind: 'status' }]],
    // A place named before 'on' is asked about: "what rank is X on" is that school's figures.
    ['what rank is park hall on', [{ kind: 'explainSchool', school: 'park hall' }]],
    // How wards are flagged or schools ranked is the method, not the list.
    ['how are the wards flagged?', [{ kind: 'help', topic: 'flags' }]],
    ['how are schools ranked', [{ kind: 'help', topic: 'ranking' }]],
  ])('reads %j', (utterance, expected) => {
    expect(readAs(utterance, LEXICON)).toEqual(expected);
  });

  it('refuses the rows about people, offering the school named (not another holding one of its words)', () => {
    const lexicon: Lexicon = { ...LEXICON, schools: ['Hagley Park Academy', 'Park Hall Academy'] };
    const reading = readUtterance('export the rows for the 14 year olds at Park Hall', { lexicon });
    expect(reading.steps).toEqual([]);
    expect(reading.refusal).toEqual({ reason: 'records', place: { kind: 'school', name: 'Park Hall Academy' } });
  });
});
