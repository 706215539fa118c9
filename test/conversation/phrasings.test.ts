/**
 * Phrasings analysts use, written for these tests (not taken from any evaluation set), read by a
 * session on a workbook with realistic names (grammarFixtures.ts): the earlier turns, the
 * utterance, and the commands the turn must record in order (names as the session resolves them),
 * or "question" when the sensible answer is a question back. Each was checked by hand.
 */
import { createDialogueSession, type Command, type EngineContext } from '../../src/conversation';
import { loadHighsSolver } from '../../src/core/disclosure';
import { NAMED_PARAMETERS, NAMED_ROLES, namedWorkbook } from './grammarFixtures';

let context: EngineContext;
beforeAll(async () => {
  context = { workbook: namedWorkbook(), solver: await loadHighsSolver() };
});

const PHRASINGS: readonly (readonly [readonly string[], string, readonly Command[] | 'question'])[] = [
  [[], "I'd like to see just the secondary schools", [{ kind: 'setPhases', phases: ['secondary'], mode: 'only' }]],
  [
    [],
    'could you restrict it to robbery and criminal damage',
    [{ kind: 'setOffenceTypes', types: ['Robbery', 'Criminal damage'] }],
  ],
  [
    [],
    'please exclude criminal damage from the count',
    [{ kind: 'setOffenceTypes', types: ['Criminal damage'], mode: 'remove' }],
  ],
  [
    [],
    'I only want offences from the last year',
    [{ kind: 'setDates', from: '2022-07-05', to: '2023-07-04', relativeToData: { months: 12 } }],
  ],
  [[], 'set the dates to the 2022/23 academic year', [{ kind: 'setDates', from: '2022-09-01', to: '2023-08-31' }]],
  [[], 'switch to observed catchments and re-run', [{ kind: 'setCatchment', model: 'observed' }, { kind: 'run' }]],
  [[], 'I want to rank by young offenders rather than offences', [{ kind: 'setMetric', metric: 'youngOffenders' }]],
  [
    [],
    'make the suppression threshold 4 and round to the nearest 5',
    [
      { kind: 'setThreshold', threshold: 4 },
      { kind: 'setRounding', base: 5 },
    ],
  ],
  [[], 'change top n to twenty five', [{ kind: 'setTopN', topN: 25 }]],
  [[], 'which schools are in the top 2?', [{ kind: 'showTop', n: 2 }]],
  [['run'], 'what are the new candidates?', [{ kind: 'newCandidates', n: 20 }]],
  [['run'], "who's not on the list yet", [{ kind: 'newCandidates', n: 20 }]],
  // 'top' claims first place, checked against the run like 'why 5th?'.
  [
    ['run'],
    'why has Park Hall come out top?',
    [{ kind: 'explainSchool', school: 'Park Hall Academy', urn: '100001', claimedRank: 1 }],
  ],
  [['run'], "what's driving Hill Top's score", [{ kind: 'explainSchool', school: 'Hill Top School', urn: '100002' }]],
  [
    ['run'],
    'give me the breakdown for Castle and Priory ward',
    [{ kind: 'explainWard', ward: 'Castle and Priory', code: 'E05000001' }],
  ],
  [['run'], "what's the rate in St Anne's ward?", [{ kind: 'explainWard', ward: "St Anne's", code: 'E05000002' }]],
  [
    ['run'],
    'how does Hill Top compare with Park Hall and Elm Grove',
    [
      {
        kind: 'compareSchools',
        schools: ['Hill Top School', 'Park Hall Academy', '=Elm Grove School'],
        urns: ['100002', '100001', '100003'],
      },
    ],
  ],
  [
    ['run'],
    'compare the top two',
    [{ kind: 'compareSchools', schools: ['Park Hall Academy', 'Hill Top School'], urns: ['100001', '100002'] }],
  ],
  [['run'], 'which wards are driving this', [{ kind: 'listWards', order: 'rate' }]],
  [['run'], 'who has the highest rate?', [{ kind: 'listWards', order: 'rate' }]],
  [['run'], 'just the worst schools', [{ kind: 'showTop', n: 3 }]],
  [[], 'use the 2020 list instead', [{ kind: 'useSheet', role: 'currentList', sheet: 'VRU Schools 2020' }]],
  [[], 'the list for 2020 is the right one', [{ kind: 'useSheet', role: 'currentList', sheet: 'VRU Schools 2020' }]],
  [[], "take offences from 'Offences'", [{ kind: 'useSheet', role: 'offences', sheet: 'Offences' }]],
  [
    [],
    'set ages to 11-16, dates to FY 22/23, and run the analysis',
    [
      { kind: 'setAgeBand', from: 11, to: 16 },
      { kind: 'setDates', from: '2022-04-01', to: '2023-03-31' },
      { kind: 'run' },
    ],
  ],
  [
    [],
    'ages 12-17; all offence types; 99% intervals',
    [
      { kind: 'setAgeBand', from: 12, to: 17 },
      { kind: 'setOffenceTypes', types: ['all'] },
      { kind: 'setConfidence', level: 0.99 },
    ],
  ],
  [[], 'hide zeros, no wait, show them', [{ kind: 'setZeros', show: true }]],
  [[], 'rank primaries... actually no, secondaries', [{ kind: 'setPhases', phases: ['secondary'], mode: 'only' }]],
  [[], 'undo the last two changes', [{ kind: 'undo' }, { kind: 'undo' }]],
  [[], 'model the rest by distance', [{ kind: 'setCatchment', model: 'auto' }]],
  [[], 'use the observed data, otherwise distance', [{ kind: 'setCatchment', model: 'auto' }]],
  [[], 'use where pupils actually live', [{ kind: 'setCatchment', model: 'observed' }]],
  [[], 'Y7-Y11', [{ kind: 'setAgeBand', from: 11, to: 16 }]],
  [[], 'year 10s and 11s', [{ kind: 'setAgeBand', from: 14, to: 16 }]],
  [[], 'Jan-Mar 2023', [{ kind: 'setDates', from: '2023-01-01', to: '2023-03-31' }]],
  [[], 'first half of 2023', [{ kind: 'setDates', from: '2023-01-01', to: '2023-06-30' }]],
  [[], 'since the start of 2023', [{ kind: 'setDates', from: '2023-01-01', to: null }]],
  [[], "what's the difference between observed and modelled catchments?", [{ kind: 'help', topic: 'catchment' }]],
  [[], 'how do I change the age band?', [{ kind: 'help', topic: 'ageBand' }]],
  [[], 'tweak the settings', 'question'],
  [[], 'make it more strict', 'question'],
  [[], 'use fewer schools', 'question'],
  [[], 'what about older kids', 'question'],
  [[], 'the other list', 'question'],
];

describe('phrasings read by a session', () => {
  it.each(PHRASINGS)('after %j, %j', (before, utterance, expected) => {
    const session = createDialogueSession({
      parameters: NAMED_PARAMETERS,
      roleOverrides: NAMED_ROLES,
      now: () => new Date('2024-03-01T09:00:00Z'),
    });
    for (const earlier of before) session.respond(earlier, context);
    const reply = session.respond(utterance, context);
    if (expected === 'question') {
      expect(reply.question).toBe(true);
      expect(reply.commands).toEqual([]);
    } else {
      expect(reply.commands).toEqual(expected);
      expect(reply.unused).toEqual([]);
    }
  });
});
