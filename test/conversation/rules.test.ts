/**
 * Each rule of the grammar with its own table, so a new phrasing added for one rule cannot quietly
 * break another: the utterance, and the steps it must read as (commands in order), or "question"
 * (a clarifying question back), read with no workbook (names kept as typed; the session resolves
 * them). Every expectation was checked by hand against the words' meaning.
 */
import { readUtterance, type Command } from '../../src/conversation';

type Expected = readonly Command[] | 'question' | 'unknown' | 'refusal';

/** What an utterance reads as, in the tables' terms. */
function readAs(utterance: string): Expected {
  const reading = readUtterance(utterance);
  if (reading.refusal) return 'refusal';
  if (reading.steps.length === 0) return 'unknown';
  if (reading.steps.length === 1 && reading.steps[0].reading.kind === 'question') return 'question';
  return reading.steps.map((step) =>
    step.reading.kind === 'command' ? step.reading.command : ({ kind: 'question' } as unknown as Command),
  );
}

const RULES: Readonly<Record<string, readonly (readonly [string, Expected])[]>> = {
  undo: [
    ['undo', [{ kind: 'undo' }]],
    ['undo that', [{ kind: 'undo' }]],
    ['oops, undo', [{ kind: 'undo' }]],
    ['scrap that last change', [{ kind: 'undo' }]],
    ['go back one step', [{ kind: 'undo' }]],
    ['take that back', [{ kind: 'undo' }]],
    ['undo the last two changes', [{ kind: 'undo' }, { kind: 'undo' }]],
  ],
  reset: [
    ['reset', [{ kind: 'reset' }]],
    ['reset everything', [{ kind: 'reset' }]],
    ['start again from scratch', [{ kind: 'reset' }]],
    ['put all the settings back to default', [{ kind: 'reset' }]],
    ['rest all settings', [{ kind: 'reset' }]],
  ],
  help: [
    ['help', [{ kind: 'help' }]],
    ['what can you do?', [{ kind: 'help' }]],
    ["i'm stuck, what are my options", [{ kind: 'help' }]],
    ['halp pls', [{ kind: 'help' }]],
    ['how do I use this?', [{ kind: 'help' }]],
  ],
  'help on a topic': [
    ['how does the suppression work?', [{ kind: 'help', topic: 'suppression' }]],
    ['help with dates', [{ kind: 'help', topic: 'dates' }]],
    ['what does the exposure index mean?', [{ kind: 'help', topic: 'ranking' }]],
    ["what's the protection interval?", [{ kind: 'help', topic: 'protection' }]],
    ['hlep with age bands', [{ kind: 'help', topic: 'ageBand' }]],
    ['how do I replay a run?', [{ kind: 'help', topic: 'replay' }]],
    ["what's the difference between observed and modelled catchments?", [{ kind: 'help', topic: 'catchment' }]],
    ['why is the rank interval so wide?', [{ kind: 'help', topic: 'ranking' }]],
  ],
  describe: [
    ["what's in this workbook?", [{ kind: 'describe' }]],
    ['wat sheets have i got', [{ kind: 'describe' }]],
    ['which tabs did you pick up?', [{ kind: 'describe' }]],
    ['give me an overview of the workbook', [{ kind: 'describe' }]],
  ],
  status: [
    ['status', [{ kind: 'status' }]],
    ['what are the current settings', [{ kind: 'status' }]],
    ['where are we up to?', [{ kind: 'status' }]],
    ["remind me what ages and dates we're using", [{ kind: 'status' }]],
    ['whats the threshold at the moment', [{ kind: 'status' }]],
    ["what's the current threshold", [{ kind: 'status' }]],
  ],
  run: [
    ['run', [{ kind: 'run' }]],
    ['rnu', [{ kind: 'run' }]],
    ['go for it, run it', [{ kind: 'run' }]],
    ['re-run with those settings', [{ kind: 'run' }]],
    ['do the analysis now', [{ kind: 'run' }]],
    ['crunch the numbers', [{ kind: 'run' }]],
  ],
  'greeting and thanks': [
    ['hi', [{ kind: 'greeting' }]],
    ['good afternoon', [{ kind: 'greeting' }]],
    ['thanks', [{ kind: 'thanks' }]],
    ["thank you, that's great", [{ kind: 'thanks' }]],
    ['cheers mate', [{ kind: 'thanks' }]],
  ],
  'use a sheet': [
    ["use 'Crimes 2020' for offences", [{ kind: 'useSheet', role: 'offences', sheet: 'Crimes 2020' }]],
    [
      "the current VRU list is on 'VRU Schools 2020'",
      [{ kind: 'useSheet', role: 'currentList', sheet: 'VRU Schools 2020' }],
    ],
    ["offences are in the 'Knife crime 2019' tab", [{ kind: 'useSheet', role: 'offences', sheet: 'Knife crime 2019' }]],
    ['current list = VRU Schools 2020', [{ kind: 'useSheet', role: 'currentList', sheet: 'VRU Schools 2020' }]],
    ["switch the list to 'VRU Schools 2020'", [{ kind: 'useSheet', role: 'currentList', sheet: 'VRU Schools 2020' }]],
    ['use the VRU list tab', 'question'],
  ],
  'map a column': [
    [
      "the age column is 'Age at Offence'",
      [{ kind: 'mapColumn', role: 'offences', field: 'age', header: 'Age at Offence' }],
    ],
    [
      "use 'Reported Date' as the offence date",
      [{ kind: 'mapColumn', role: 'offences', field: 'offenceDate', header: 'Reported Date' }],
    ],
    [
      "map offences.age to 'Age at Offence'",
      [{ kind: 'mapColumn', role: 'offences', field: 'age', header: 'Age at Offence' }],
    ],
    [
      "the school URN for each offender is in 'School URN'",
      [{ kind: 'mapColumn', role: 'offences', field: 'schoolUrn', header: 'School URN' }],
    ],
    ['the age column is wrong', 'question'],
    ['map the date column', 'question'],
  ],
  'age band': [
    ['only ages 11 to 16', [{ kind: 'setAgeBand', from: 11, to: 16 }]],
    ['age 11-16', [{ kind: 'setAgeBand', from: 11, to: 16 }]],
    ['Year 7 to Year 11', [{ kind: 'setAgeBand', from: 11, to: 16 }]],
    ['yr 7 - yr 11 only', [{ kind: 'setAgeBand', from: 11, to: 16 }]],
    ['Y7-Y11', [{ kind: 'setAgeBand', from: 11, to: 16 }]],
    ['years 9-11', [{ kind: 'setAgeBand', from: 13, to: 16 }]],
    ['KS4 age', [{ kind: 'setAgeBand', from: 14, to: 16 }]],
    ['KS3 and KS4', [{ kind: 'setAgeBand', from: 11, to: 16 }]],
    ['14+', [{ kind: 'setAgeBand', from: 14, to: null }]],
    ['12 and over', [{ kind: 'setAgeBand', from: 12, to: null }]],
    ['16 and under', [{ kind: 'setAgeBand', from: null, to: 16 }]],
    ['under 18s', [{ kind: 'setAgeBand', from: null, to: 17 }]],
    ['under 16s only', [{ kind: 'setAgeBand', from: null, to: 15 }]],
    ['over 14s', [{ kind: 'setAgeBand', from: 15, to: null }]],
    ['teenagers', [{ kind: 'setAgeBand', from: 13, to: 19 }]],
    ['secondary-age kids', [{ kind: 'setAgeBand', from: 11, to: 16 }]],
    ['16 and 17 year olds', [{ kind: 'setAgeBand', from: 16, to: 17 }]],
    ['young people 10 to 24', [{ kind: 'setAgeBand', from: 10, to: 24 }]],
    ['aged 10 to 17 inclusive', [{ kind: 'setAgeBand', from: 10, to: 17 }]],
    ['change the age range to 12-18', [{ kind: 'setAgeBand', from: 12, to: 18 }]],
    ['change the age band', 'question'],
  ],
  'offence types': [
    ['violence with injury and robbery', [{ kind: 'setOffenceTypes', types: ['violence with injury', 'robbery'] }]],
    [
      'only count violence with injury and robbery',
      [{ kind: 'setOffenceTypes', types: ['violence with injury', 'robbery'] }],
    ],
    ['add shoplifting too', [{ kind: 'setOffenceTypes', types: ['shoplifting'], mode: 'add' }]],
    [
      'include criminal dmg and shoplifting',
      [{ kind: 'setOffenceTypes', types: ['criminal damage', 'shoplifting'], mode: 'add' }],
    ],
    [
      'exclude shoplifting and criminal damage',
      [{ kind: 'setOffenceTypes', types: ['shoplifting', 'criminal damage'], mode: 'remove' }],
    ],
    ['drop public order', [{ kind: 'setOffenceTypes', types: ['public order'], mode: 'remove' }]],
    ['robbery only', [{ kind: 'setOffenceTypes', types: ['robbery'] }]],
    ['violence against the person only', [{ kind: 'setOffenceTypes', types: ['violence against the person'] }]],
    ['all offence types', [{ kind: 'setOffenceTypes', types: ['all'] }]],
    ['just the default violence types', [{ kind: 'setOffenceTypes', types: [] }]],
    ['back to violence only', [{ kind: 'setOffenceTypes', types: [] }]],
    [
      'please exclude criminal damage from the count',
      [{ kind: 'setOffenceTypes', types: ['criminal damage'], mode: 'remove' }],
    ],
    ['add the other types', 'question'],
  ],
  dates: [
    ['FY 21/22', [{ kind: 'setDates', from: '2021-04-01', to: '2022-03-31' }]],
    ['FY2022/23', [{ kind: 'setDates', from: '2022-04-01', to: '2023-03-31' }]],
    ['2021/22', [{ kind: 'setDates', from: '2021-04-01', to: '2022-03-31' }]],
    ['2021-22', [{ kind: 'setDates', from: '2021-04-01', to: '2022-03-31' }]],
    ['financial year 2022/23', [{ kind: 'setDates', from: '2022-04-01', to: '2023-03-31' }]],
    ['the 2020/21 academic year', [{ kind: 'setDates', from: '2020-09-01', to: '2021-08-31' }]],
    ['academic yr 21-22', [{ kind: 'setDates', from: '2021-09-01', to: '2022-08-31' }]],
    ['since Sept 2020', [{ kind: 'setDates', from: '2020-09-01' }]],
    ['up to the end of March 2023', [{ kind: 'setDates', to: '2023-03-31' }]],
    ['calendar year 2022', [{ kind: 'setDates', from: '2022-01-01', to: '2022-12-31' }]],
    ['Jan to June 2022', [{ kind: 'setDates', from: '2022-01-01', to: '2022-06-30' }]],
    ['Jan-Mar 2023', [{ kind: 'setDates', from: '2023-01-01', to: '2023-03-31' }]],
    ['Apr-22 to Mar-23', [{ kind: 'setDates', from: '2022-04-01', to: '2023-03-31' }]],
    ['between 01/09/2021 and 31/08/2022', [{ kind: 'setDates', from: '2021-09-01', to: '2022-08-31' }]],
    ['from 1st of April 2022', [{ kind: 'setDates', from: '2022-04-01' }]],
    ['Q1 of FY 22/23', [{ kind: 'setDates', from: '2022-04-01', to: '2022-06-30' }]],
    ['Q2 2022', [{ kind: 'setDates', from: '2022-04-01', to: '2022-06-30' }]],
    ['first half of 2023', [{ kind: 'setDates', from: '2023-01-01', to: '2023-06-30' }]],
    ['summer 2022', [{ kind: 'setDates', from: '2022-06-01', to: '2022-08-31' }]],
    ['last 12 months', [{ kind: 'setDates', relativeToData: { months: 12 } }]],
    ['last two years of data', [{ kind: 'setDates', relativeToData: { months: 24 } }]],
    ['most recent 3 months', [{ kind: 'setDates', relativeToData: { months: 3 } }]],
    ['the past year', [{ kind: 'setDates', relativeToData: { months: 12 } }]],
    ['last financial year', [{ kind: 'setDates', relativeToData: { last: 'financialYear' } }]],
    ['the most recent complete calendar year', [{ kind: 'setDates', relativeToData: { last: 'calendarYear' } }]],
    ['clear the date filter', [{ kind: 'setDates', from: null, to: null }]],
    ['2023-2024', 'question'],
    ['just the summer', 'question'],
    ['change the dates', 'question'],
  ],
  phases: [
    ['rank secondary schools', [{ kind: 'setPhases', phases: ['secondary'], mode: 'only' }]],
    ['secondaries only', [{ kind: 'setPhases', phases: ['secondary'], mode: 'only' }]],
    ['add primary schools', [{ kind: 'setPhases', phases: ['primary'], mode: 'add' }]],
    ['rank primaries too', [{ kind: 'setPhases', phases: ['primary'], mode: 'add' }]],
    ['drop all-through schools', [{ kind: 'setPhases', phases: ['allThrough'], mode: 'remove' }]],
    ['add PRUs', [{ kind: 'setPhases', phases: ['alternativeProvision'], mode: 'add' }]],
    ['secondry and all through', [{ kind: 'setPhases', phases: ['secondary', 'allThrough'], mode: 'only' }]],
    [
      'rank all phases',
      [
        {
          kind: 'setPhases',
          phases: ['primary', 'secondary', 'allThrough', 'special', 'alternativeProvision', 'other'],
          mode: 'only',
        },
      ],
    ],
    [
      'secondary and all-through but not primary',
      [{ kind: 'setPhases', phases: ['secondary', 'allThrough'], mode: 'only' }],
    ],
    ['exclude the small schools', 'question'],
    ['different phases', 'question'],
  ],
  'suppression threshold': [
    ['suppress counts under 10', [{ kind: 'setThreshold', threshold: 10 }]],
    ['supress under 10', [{ kind: 'setThreshold', threshold: 10 }]],
    ['suppress 5 or fewer', [{ kind: 'setThreshold', threshold: 6 }]],
    ['set the suppression threshold to 8', [{ kind: 'setThreshold', threshold: 8 }]],
    ['hide anything under 5 please', [{ kind: 'setThreshold', threshold: 5 }]],
    ['apply the rule of 10', [{ kind: 'setThreshold', threshold: 10 }]],
    ['set the threshold', 'question'],
  ],
  zeros: [
    ['hide zeros', [{ kind: 'setZeros', show: false }]],
    ['suppress the zeros too', [{ kind: 'setZeros', show: false }]],
    ['zeros are fine to show', [{ kind: 'setZeros', show: true }]],
    ['hdie zeros', [{ kind: 'setZeros', show: false }]],
    ["don't show zeros", [{ kind: 'setZeros', show: false }]],
    ['zero suppression', [{ kind: 'setZeros', show: false }]],
  ],
  rounding: [
    ['round to 5', [{ kind: 'setRounding', base: 5 }]],
    ['round counts to the nearest 10', [{ kind: 'setRounding', base: 10 }]],
    ['turn rounding off', [{ kind: 'setRounding', base: null }]],
    ["don't round", [{ kind: 'setRounding', base: null }]],
    ['round them', 'question'],
  ],
  'protection interval': [
    ['set the protection interval to 5', [{ kind: 'setProtection', interval: 5 }]],
    ['protection interval 3', [{ kind: 'setProtection', interval: 3 }]],
    ['protection back to the threshold', [{ kind: 'setProtection', interval: null }]],
    ['use a protection range of 4', [{ kind: 'setProtection', interval: 4 }]],
  ],
  confidence: [
    ['use 90% intervals', [{ kind: 'setConfidence', level: 0.9 }]],
    ['confidnce 90%', [{ kind: 'setConfidence', level: 0.9 }]],
    ['make the intervals 80 per cent', [{ kind: 'setConfidence', level: 0.8 }]],
    ['set confidence', 'question'],
  ],
  'top group': [
    ['make the top group 25', [{ kind: 'setTopN', topN: 25 }]],
    ['set top N to 10', [{ kind: 'setTopN', topN: 10 }]],
    ['top grp of 25 from now on', [{ kind: 'setTopN', topN: 25 }]],
    ['look for new candidates in the top 30 from now on', [{ kind: 'setTopN', topN: 30 }]],
    ['compare the top 30 with the list', [{ kind: 'setTopN', topN: 30 }]],
    ['top 25', [{ kind: 'setTopN', topN: 25 }]],
  ],
  seed: [
    ['set the seed to 42', [{ kind: 'setSeed', seed: 42 }]],
    ['use seed 12345', [{ kind: 'setSeed', seed: 12345 }]],
    ['seed = 99', [{ kind: 'setSeed', seed: 99 }]],
  ],
  'ranking measure': [
    ['rank by young offenders', [{ kind: 'setMetric', metric: 'youngOffenders' }]],
    ['rank on where offenders live', [{ kind: 'setMetric', metric: 'youngOffenders' }]],
    ['base the ranking on offences not offenders', [{ kind: 'setMetric', metric: 'offences' }]],
    ['rank by offender hoem ward', [{ kind: 'setMetric', metric: 'youngOffenders' }]],
    ['rank by violence where it happens', [{ kind: 'setMetric', metric: 'offences' }]],
  ],
  'catchment model': [
    ['use observed home wards where we have them', [{ kind: 'setCatchment', model: 'auto' }]],
    ['use distnace decay for catchments', [{ kind: 'setCatchment', model: 'distanceDecay' }]],
    ['catchment model: observed', [{ kind: 'setCatchment', model: 'observed' }]],
    ['use the pupil residence sheet', [{ kind: 'setCatchment', model: 'observed' }]],
    ['use a different catchment', 'question'],
  ],
  'show the top schools': [
    ['show the top 10', [{ kind: 'showTop', n: 10 }]],
    ['shw me the top 15', [{ kind: 'showTop', n: 15 }]],
    ['give me the top 3 schools', [{ kind: 'showTop', n: 3 }]],
    ['which school is first?', [{ kind: 'showTop', n: 1 }]],
    ["what's the most exposed school", [{ kind: 'showTop', n: 1 }]],
  ],
  'new candidates': [
    ["which aren't on the list?", [{ kind: 'newCandidates' }]],
    ['which of the top 20 are not on the VRU list?', [{ kind: 'newCandidates', n: 20 }]],
    ['any new candidtaes?', [{ kind: 'newCandidates' }]],
    ["who's missing from our list", [{ kind: 'newCandidates' }]],
    ['who should be added to the list?', [{ kind: 'newCandidates' }]],
    ['top 15 not already on the list', [{ kind: 'newCandidates', n: 15 }]],
  ],
  explain: [
    ['why is Park Hall ranked 1st?', [{ kind: 'explainSchool', school: 'Park Hall', claimedRank: 1 }]],
    ["why's castle high so high up", [{ kind: 'explainSchool', school: 'castle high' }]],
    ['tell me about Alpha ward', [{ kind: 'explainWard', ward: 'Alpha' }]],
    ["expalin the ward St Thomas's", [{ kind: 'explainWard', ward: 'St Thomas' }]],
    ['how many young offenders live in Alpha ward', [{ kind: 'explainWard', ward: 'Alpha' }]],
    ["what's driving Castle High's score", [{ kind: 'explain', name: 'Castle High' }]],
  ],
  compare: [
    ['compare Park Hall and Hill Top', [{ kind: 'compareSchools', schools: ['Park Hall', 'Hill Top'] }]],
    [
      'how does Castle High compare with Park Hall?',
      [{ kind: 'compareSchools', schools: ['Castle High', 'Park Hall'] }],
    ],
    [
      'difference between Park Hall and Castle High',
      [{ kind: 'compareSchools', schools: ['Park Hall', 'Castle High'] }],
    ],
    ['Park Hall vs Castle High', [{ kind: 'compareSchools', schools: ['Park Hall', 'Castle High'] }]],
    ['compare them', 'question'],
  ],
  wards: [
    ['list the wards by rate', [{ kind: 'listWards', order: 'rate' }]],
    ['which wards are flagged higher?', [{ kind: 'listWards', order: 'higher' }]],
    ['rank the wards by rate', [{ kind: 'listWards', order: 'rate' }]],
    ['lsit wards by rate', [{ kind: 'listWards', order: 'rate' }]],
  ],
  'offence types in the data': [
    ['what offence types are in the data?', [{ kind: 'listOffenceTypes' }]],
    ['list offence types with counts', [{ kind: 'listOffenceTypes' }]],
    ['wat offence types r there', [{ kind: 'listOffenceTypes' }]],
    ['how many of each offence type', [{ kind: 'listOffenceTypes' }]],
  ],
  'values and corrections': [
    ['10', 'question'],
    ['make it 10', 'question'],
    ['90% intervals, sorry 99%', [{ kind: 'setConfidence', level: 0.99 }]],
    ['round to 10 - no, 5', [{ kind: 'setRounding', base: 5 }]],
    ['top 15... actually make it 25', [{ kind: 'setTopN', topN: 25 }]],
    ['suppress under 10, sorry I meant under 5', [{ kind: 'setThreshold', threshold: 5 }]],
    ['FY 21/22 - actually make that FY 22/23', [{ kind: 'setDates', from: '2022-04-01', to: '2023-03-31' }]],
    ['age 11-16, no wait make it 10-17', [{ kind: 'setAgeBand', from: 10, to: 17 }]],
  ],
};

describe.each(Object.entries(RULES))('the %s rule', (_, table) => {
  it.each(table)('reads %j', (utterance, expected) => {
    expect(readAs(utterance)).toEqual(expected);
  });
});

describe('every rule', () => {
  it('reads its phrasings with no words left over', () => {
    for (const table of Object.values(RULES)) {
      for (const [utterance] of table) expect([utterance, readUtterance(utterance).unused]).toEqual([utterance, []]);
    }
  });

  it('gives commands that survive JSON unchanged (so the Audit sheet can replay them)', () => {
    for (const table of Object.values(RULES)) {
      for (const [utterance] of table) {
        for (const step of readUtterance(utterance).steps)
          if (step.reading.kind === 'command')
            expect(JSON.parse(JSON.stringify(step.reading.command))).toEqual(step.reading.command);
      }
    }
  });

  it('offers questions whose every choice reads back as a command or a question (buttons always work)', () => {
    for (const table of Object.values(RULES)) {
      for (const [utterance, expected] of table) {
        if (expected !== 'question') continue;
        const reading = readUtterance(utterance).steps[0].reading;
        for (const choice of reading.kind === 'question' ? reading.choices : []) {
          expect([choice.utterance, readAs(choice.utterance) === 'unknown']).toEqual([choice.utterance, false]);
        }
      }
    }
  });
});
