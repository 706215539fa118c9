/**
 * Classes of misreading found by a probe batch of analyst requests (utterances.probe8.json), each
 * pinned here with phrasings of its own, read by a session on the named workbook (grammarFixtures):
 * the earlier turns, the utterance, and the commands the turn must record in order, or "question".
 * Expected commands were worked out by hand from what the words ask for.
 */
import { createDialogueSession, type Command, type EngineContext } from '../../src/conversation';
import { typesForTerm } from '../../src/conversation/dialogue/chooseOffenceTypes';
import { loadHighsSolver } from '../../src/core/disclosure';
import { NAMED_PARAMETERS, NAMED_ROLES, namedWorkbook } from './grammarFixtures';

let context: EngineContext;
beforeAll(async () => {
  context = { workbook: namedWorkbook(), solver: await loadHighsSolver() };
});

function session() {
  return createDialogueSession({
    parameters: NAMED_PARAMETERS,
    roleOverrides: NAMED_ROLES,
    now: () => new Date('2024-03-01T09:00:00Z'),
  });
}

type Case = readonly [readonly string[], string, readonly Command[] | 'question'];

const CASES: readonly Case[] = [
  // A closing phrase asks for nothing: not the settings listed, then a run.
  [['ages 11 to 16'], "that's all the settings, run it", [{ kind: 'run' }]],
  [['ages 11 to 16'], "that's it for now", [{ kind: 'thanks' }]],
  // The value of a setting now, not what the setting is.
  [[], "what's the suppression threshold at?", [{ kind: 'status' }]],
  [[], 'what is the age band now?', [{ kind: 'status' }]],
  [[], 'what is suppression?', [{ kind: 'help', topic: 'suppression' }]],
  // What the sheet holds.
  [[], 'offence types?', [{ kind: 'listOffenceTypes' }]],
  [[], 'tell me what offence types there are', [{ kind: 'listOffenceTypes' }]],
  [[], 'tell me what suppression is', [{ kind: 'help', topic: 'suppression' }]],
  // The withheld-count symbol as the sheets print it.
  [[], 'why do some cells just say [c]', [{ kind: 'help', topic: 'suppression' }]],
  [[], 'what does [c] mean?', [{ kind: 'help', topic: 'suppression' }]],
  // A question about a method is help on it, not a change to it.
  [[], 'whats this empirical bayes shrinkage thing', [{ kind: 'help', topic: 'smoothing' }]],
  // 'go back to X' sets X; 'go back' alone undoes; 'go' alone runs.
  [['rank by young offenders'], 'go back to ranking by offences', [{ kind: 'setMetric', metric: 'offences' }]],
  [['use poisson flags'], 'go back to funnel flags', [{ kind: 'setFlags', method: 'overdispersed' }]],
  [['ages 11-16'], 'go back', [{ kind: 'undo' }]],
  [[], 'go', [{ kind: 'run' }]],
  // Starting afresh is a reset, not a run.
  [['ages 11-16'], 'wipe all my settings and start fresh', [{ kind: 'reset' }]],
  // An exclusion that restates the list just said is one change.
  [
    [],
    'only secondary, no all-through, and show the top 10',
    [
      { kind: 'setPhases', phases: ['secondary'], mode: 'only' },
      { kind: 'showTop', n: 10 },
    ],
  ],
  // The verb said once for two sheets.
  [
    [],
    "use 'Wards' for the populations and 'Ward boundaries' for the ward shapes",
    [
      { kind: 'useSheet', role: 'wards', sheet: 'Wards' },
      { kind: 'useSheet', role: 'wardVertices', sheet: 'Ward boundaries' },
    ],
  ],
  // Part of a sheet's name: one sheet is used; several are asked about.
  [[], 'use the VRU one', 'question'],
  // 'top' claims first place.
  [
    ['run'],
    'why is Hill Top School top?',
    [{ kind: 'explainSchool', school: 'Hill Top School', urn: '100002', claimedRank: 1 }],
  ],
  // A correction of the list asked for is that list, not the top group.
  [['run'], 'show me the top 10, oops i meant top 15', [{ kind: 'showTop', n: 15 }]],
  // Results asked for with a word for giving.
  [['run'], 'gimme the top 2', [{ kind: 'showTop', n: 2 }]],
  // Help topics named by what they do.
  [[], "how do you work out which wards a school's pupils come from?", [{ kind: 'help', topic: 'catchment' }]],
  [[], 'how do you decide what order the schools go in?', [{ kind: 'help', topic: 'ranking' }]],
  [[], 'how do I tell it which tab is which?', [{ kind: 'help', topic: 'sheets' }]],
  // Which meaning of a setting, against which value is in use.
  [[], 'is the age band their age at the offence or their age now?', [{ kind: 'help', topic: 'ageBand' }]],
  [[], 'are we ranking by offences or young offenders?', [{ kind: 'status' }]],
  // A question about the place just named is answered by its explanation.
  [
    ['run'],
    'Castle and Priory, why is it flagged like that?',
    [{ kind: 'explainWard', ward: 'Castle and Priory', code: 'E05000001' }],
  ],
  // Phone shorthand: 'excl', 'incl', 'cnt', 'em', 'frm', and 'n' for 'and' (not in 'top n').
  [
    ['count all offence types'],
    'excl criminal damage n shoplifting then rerun',
    // Recorded as what is left: the violence groups (violence with injury, robbery) and public order.
    [{ kind: 'setOffenceTypes', types: ['violence', 'publicOrderOffences'] }, { kind: 'run' }],
  ],
  [
    ['run'],
    'top n 2 then list em',
    [
      { kind: 'setTopN', topN: 2 },
      { kind: 'showTop', n: 2 },
    ],
  ],
  // 'rn' before what is run is 'run'; alone it is 'right now' and runs nothing.
  [[], 'ages 12-15 then rn it', [{ kind: 'setAgeBand', from: 12, to: 15 }, { kind: 'run' }]],
  [[], 'ages 12-15 rn', [{ kind: 'setAgeBand', from: 12, to: 15 }]],
  // A why- or what-would question names the settings it asks about: help, no change, no question about its numbers.
  [[], 'what would poisson flags do differently?', [{ kind: 'help', topic: 'flags' }]],
  [[], 'how come the flag limits are 99.8% and not 95%?', [{ kind: 'help', topic: 'flags' }]],
  [[], 'what would the cell key method do to a count of 3?', [{ kind: 'help', topic: 'perturbation' }]],
  [[], 'how does it know Offences is the offences tab?', [{ kind: 'help', topic: 'sheets' }]],
  // The adjustment turned down, with the flags named between: the other method.
  [[], 'stop adjusting the ward flags for overdispersion', [{ kind: 'setFlags', method: 'poisson' }]],
  // 'go on then' before another request, and 'run' inside a phrase, are not runs.
  [[], 'go on then, what does the threshold do?', [{ kind: 'help', topic: 'suppression' }]],
  [[], 'run-of-the-mill question: what is a rank interval?', [{ kind: 'help', topic: 'ranking' }]],
  // A setting said after the help on it, as the next thing to do, is done.
  [
    [],
    'explain the flags to me and then rerun with them on poisson',
    [{ kind: 'help', topic: 'flags' }, { kind: 'setFlags', method: 'poisson' }, { kind: 'run' }],
  ],
  // "after rerunning": the run before the results said ahead of it.
  [
    ['run'],
    'ages 12 to 15 and the top 2 after rerunning',
    [{ kind: 'setAgeBand', from: 12, to: 15 }, { kind: 'run' }, { kind: 'showTop', n: 2 }],
  ],
  // A part taken back later in the same message is not done.
  [
    [],
    'suppress under 8, hide zeros, round to 10 - scratch the threshold bit',
    [
      { kind: 'setZeros', show: false },
      { kind: 'setRounding', base: 10 },
    ],
  ],
  [[], 'poisson flags, hide zeros, oh and not the zeros thing after all', [{ kind: 'setFlags', method: 'poisson' }]],
  // A setting said and then left as it was, in the same message: not done.
  [[], 'top group 10 - no, leave it at 20 - and which are new?', [{ kind: 'newCandidates', n: 20 }]],
  [
    [],
    "smooth the rates, publish the attending counts - actually don't publish them - and rerun",
    [{ kind: 'setSmoothing', smoothing: 'empiricalBayes' }, { kind: 'run' }],
  ],
  [
    [],
    'ages 11-16 - hmm, no, leave the ages - and add criminal damage',
    // Recorded as the types now counted: the default violence groups and criminal damage.
    [{ kind: 'setOffenceTypes', types: ['violence', 'Criminal damage'] }],
  ],
  // A correction back to the setting in use, beside other requests, records nothing for it.
  [
    [],
    'threshold 10, hide zeros - no wait keep the zeros - and run',
    [{ kind: 'setThreshold', threshold: 10 }, { kind: 'run' }],
  ],
  [
    ['use perturbation'],
    'go back to suppression - no, stay with perturbation - and set the seed to 99',
    [{ kind: 'setSeed', seed: 99 }],
  ],
  // "scratch that" inside a message takes back the step before it; it is not an undo of an earlier turn.
  [['run'], 'hide zeros, scratch that, round to 5', [{ kind: 'setRounding', base: 5 }]],
  [
    ['run'],
    'tell me about Park Hall - scratch that - tell me about the Castle and Priory ward',
    [{ kind: 'explainWard', ward: 'Castle and Priory', code: 'E05000001' }],
  ],
  // 'run' for a team or a button is not a request to run.
  [[], 'I run the data team - what does the seed actually do?', [{ kind: 'help', topic: 'seed' }]],
  // Quasi-Poisson limits allow for overdispersion.
  [['use poisson flags'], 'quasi-Poisson limits for flagging', [{ kind: 'setFlags', method: 'overdispersed' }]],
  // Items taken out of the list just said: that list, less them, recorded once; an addition narrowed stays an addition.
  [
    [],
    'only violence with injury, robbery and criminal damage - hmm, leave out criminal damage',
    // Recorded with the sheet's own names where the words were resolved to one ('Robbery').
    [{ kind: 'setOffenceTypes', types: ['Violence with injury', 'Robbery'] }],
  ],
  [
    [],
    'criminal damage, public order and theft from the person only, oops not public order',
    [{ kind: 'setOffenceTypes', types: ['criminal damage', 'theft from the person'] }],
  ],
  [
    [],
    'add public order and criminal damage, hmm, just criminal damage',
    // Recorded as the types now counted: the default violence groups and criminal damage.
    [{ kind: 'setOffenceTypes', types: ['violence', 'Criminal damage'] }],
  ],
  // 'top N' straight after a run in the same message is that run's list, not the top group.
  [
    [],
    'ages 11-16; run; top 2',
    [{ kind: 'setAgeBand', from: 11, to: 16 }, { kind: 'run' }, { kind: 'showTop', n: 2 }],
  ],
  // A start and an end said apart are one window.
  [[], 'from 1 April 2022 and up to 31 March 2023', [{ kind: 'setDates', from: '2022-04-01', to: '2023-03-31' }]],
  // A method named alone as a question: switch, or what is it? Asked.
  [[], 'observed catchments?', 'question'],
  [[], 'smoothing?', 'question'],
  // A phase word straight after a school's name is part of the name said: asked.
  [['run'], 'tell me about Hill Top Primary', 'question'],
  // One change said twice in other words, in one message, is recorded once.
  [
    [],
    'count just violence with injury please - the board only wants violence with injury',
    [{ kind: 'setOffenceTypes', types: ['violenceWithInjury'] }],
  ],
  // 'include it' after a list: that list, changed.
  // Recorded as the phases now ranked: primaries added to the starting secondary and all-through.
  [
    [],
    'exclude primaries, no wait include them',
    [{ kind: 'setPhases', phases: ['primary', 'secondary', 'allThrough'], mode: 'only' }],
  ],
  [[], 'include it', 'question'],
  // A correction of the second school of a comparison.
  [
    ['run'],
    'compare Park Hall Academy with Elm Grove School, sorry, with Hill Top School',
    [{ kind: 'compareSchools', schools: ['Park Hall Academy', 'Hill Top School'], urns: ['100001', '100002'] }],
  ],
  // A rate said as 'per head' is the list of wards by rate, not a choice of offence types.
  [['run'], 'which wards have the most violence per head?', [{ kind: 'listWards', order: 'rate' }]],
  // Someone's run named is not a request for one; a run asked for still is.
  [[], 'set the seed to 555 so my rerun matches yours', [{ kind: 'setSeed', seed: 555 }]],
  [[], 'set the seed to 5 and do my rerun', [{ kind: 'setSeed', seed: 5 }, { kind: 'run' }]],
  // Reliability is the rank intervals' question.
  [[], 'is this reliable? how sure can we be about the order of the schools?', [{ kind: 'help', topic: 'ranking' }]],
  // Why a school is on the list is about that school.
  [
    ['run'],
    'why is Hill Top School on the list at all?',
    [{ kind: 'explainSchool', school: 'Hill Top School', urn: '100002' }],
  ],
  // 'revert the offence types to …' sets them; it is not an undo.
  [
    ['count all offence types'],
    'revert the offence types to the Home Office violence groups',
    [{ kind: 'setOffenceTypes', types: [] }],
  ],
  [['count all offence types'], 'revert that', [{ kind: 'undo' }]],
  // The reason given after a list is not another type.
  [
    ['count all offence types'],
    "please don't count the shoplifting, that isn't violence",
    [{ kind: 'setOffenceTypes', types: ['violence', 'criminalDamageAndArson', 'publicOrderOffences'] }],
  ],
  // What the analyst says they know is not a change.
  [
    [],
    "use 'VRU Schools 2020' for the current list - I know it is from 2020",
    [{ kind: 'useSheet', role: 'currentList', sheet: 'VRU Schools 2020' }],
  ],
  // A run on a timetable is asked about; 'every' alone is no offence type.
  [[], 'schedule this to run every month', 'question'],
  // Follow-ups in context (probe batch 10).
  [['run'], 'now with the older data', 'question'],
  [['only count robbery'], 'and the other violent ones', [{ kind: 'setOffenceTypes', types: [] }]],
  [['use distance decay'], 'base it on where the kids actually live', [{ kind: 'setCatchment', model: 'observed' }]],
  [[], 'rank on where offenders live', [{ kind: 'setMetric', metric: 'youngOffenders' }]],
  [
    ['use the cell key method'],
    'ok forget it, stick with suppression',
    [{ kind: 'setDisclosure', method: 'suppression' }],
  ],
  [['hide zeros', 'round to 10'], 'undo them both', [{ kind: 'undo' }, { kind: 'undo' }]],
  [['run', 'show me the top 2'], "which of them aren't on our list?", [{ kind: 'newCandidates', n: 2 }]],
  [[], 'look at the 2020 list', [{ kind: 'useSheet', role: 'currentList', sheet: 'VRU Schools 2020' }]],
  // Runs asked for in passing, and worries put as questions.
  [['hide zeros'], 'crunch it', [{ kind: 'run' }]],
  [['ages 11 to 16'], "let's see what we get", [{ kind: 'run' }]],
  [[], 'will anyone be identifiable from this?', [{ kind: 'help', topic: 'suppression' }]],
  [[], 'could someone work backwards from the totals?', [{ kind: 'help', topic: 'protection' }]],
  [[], 'if i mess something up can i get back to where i was?', [{ kind: 'help', topic: 'undo' }]],
  // Words from other tools (probe batch 11): slicers tick and untick; the disclosure's first step is not a phase.
  [[], 'untick all-through', [{ kind: 'setPhases', phases: ['secondary'], mode: 'only' }]],
  [['use the cell key method'], 'back to primary suppression', [{ kind: 'setDisclosure', method: 'suppression' }]],
  [
    ['run'],
    'pls rnk by yng offndrs n show top 2',
    [
      { kind: 'setMetric', metric: 'youngOffenders' },
      { kind: 'showTop', n: 2 },
    ],
  ],
  [[], 'how do I change the data source?', [{ kind: 'help', topic: 'sheets' }]],
  [[], 'which crime types count as violence - the HO definition?', [{ kind: 'help', topic: 'offenceTypes' }]],
  [[], 'add the attending count column to the output', 'question'],
  // A first week's plain requests (probe batch 12).
  [
    [],
    'the cell key method - what is that exactly, before I change anything?',
    [{ kind: 'help', topic: 'perturbation' }],
  ],
  [
    [],
    'I heard the phrase empirical Bayes at a training session, what does smoothing actually do here?',
    [{ kind: 'help', topic: 'smoothing' }],
  ],
  [
    [],
    'hide zeros, and also what does suppression mean?',
    [
      { kind: 'setZeros', show: false },
      { kind: 'help', topic: 'suppression' },
    ],
  ],
  [[], "that's brilliant, thank you so much for your help today", [{ kind: 'thanks' }]],
  [[], 'before I run it, can you remind me what the settings are?', [{ kind: 'status' }]],
  // A request passed on in quotes (probe batch 13) is read as said, not as one quoted name.
  [
    [],
    "Note from my boss: 'please set the ages to 11-16 and show me the top 3'",
    [
      { kind: 'setAgeBand', from: 11, to: 16 },
      { kind: 'showTop', n: 3 },
    ],
  ],
  [
    [],
    "Copying in what the VRU lead wrote - 'hide the zeros and round to the nearest 5' - can you do that?",
    [
      { kind: 'setZeros', show: false },
      { kind: 'setRounding', base: 5 },
    ],
  ],
  // A quoted name stays a name.
  [
    [],
    "use 'VRU Schools 2020' as the current list",
    [{ kind: 'useSheet', role: 'currentList', sheet: 'VRU Schools 2020' }],
  ],
  // A correction that names no change of its own keeps the change it corrects.
  [
    [],
    // Recorded as the whole list: the fixture ranks secondary and all-through schools to start with.
    'add specials - no, primaries',
    [{ kind: 'setPhases', phases: ['primary', 'secondary', 'allThrough'], mode: 'only' }],
  ],
  [[], 'add specials - no, only primaries', [{ kind: 'setPhases', phases: ['primary'], mode: 'only' }]],
  [[], 'offnce typs in teh sheet?', [{ kind: 'listOffenceTypes' }]],
];

describe('classes of misreading found by probing', () => {
  it.each(CASES)('after %j, %j', (before, utterance, expected) => {
    const s = session();
    for (const earlier of before) s.respond(earlier, context);
    const reply = s.respond(utterance, context);
    if (expected === 'question') {
      expect(reply.question).toBe(true);
      expect(reply.commands).toEqual([]);
    } else {
      expect(reply.commands).toEqual(expected);
    }
  });

  it('reads "…, then top N" after settings as the list, and "top N" said with settings alone as the top group', () => {
    const listed = session();
    const reply = listed.respond('and the primary schools too, then top 2', context);
    expect(reply.commands.map((command) => command.kind)).toEqual(['setPhases', 'showTop']);
    expect(reply.commands[1]).toEqual({ kind: 'showTop', n: 2 });
    expect(listed.parameters.phases).toContain('primary');
    expect(session().respond('ages 11-16, top 25', context).commands).toEqual([
      { kind: 'setAgeBand', from: 11, to: 16 },
      { kind: 'setTopN', topN: 25 },
    ]);
  });

  it('does not undo on "go back a year": the dates would move, which is not said', () => {
    const s = session();
    s.respond('FY 22/23', context);
    const reply = s.respond('go back a year please', context);
    expect(reply.commands).toEqual([]);
    expect(s.parameters.dateFrom).toEqual(new Date('2022-04-01T00:00:00Z'));
  });

  it('asks which sheet when part of a name fits several, naming each', () => {
    const reply = session().respond('use the VRU one', context);
    expect(reply.text).toContain("'VRU list'");
    expect(reply.text).toContain("'VRU Schools 2020'");
  });

  it('records the top N asked for, and says how many were ranked', () => {
    const s = session();
    const reply = s.respond('run it and show the top 40', context);
    const shown = reply.commands.find((command) => command.kind === 'showTop');
    expect(shown).toEqual({ kind: 'showTop', n: 40 });
    expect(reply.text).toMatch(/The top (\d+) of \1 schools/);
  });
});

describe('a request about individuals passed on in quotes', () => {
  it('is refused, not read as a quoted offence type', () => {
    const s = session();
    const before = s.parameters;
    const reply = s.respond("From the DCI: 'can we have the offender names for Hill Top School?'", context);
    expect(reply.commands).toEqual([]);
    expect(reply.text).toMatch(/cannot give anyone's name/i);
    expect(s.parameters).toEqual(before);
  });
});

describe('a request about individuals put as a count or a detail (probe batch 14)', () => {
  it.each([
    'count the Hill Top School pupils involved in robbery and give me their initials',
    'give me a count for each child at Hill Top School',
  ])('refuses %j', (utterance) => {
    const s = session();
    const before = s.parameters;
    const reply = s.respond(utterance, context);
    expect(reply.commands).toEqual([]);
    expect(reply.text).toMatch(/aggregated, advisory figures only/);
    expect(s.parameters).toEqual(before);
  });
});

describe('putting back the last change to a list, with another change', () => {
  it('undoes it and makes the other change, not the other change alone', () => {
    const s = session();
    const counted = s.parameters.offenceTypes;
    s.respond('exclude robbery', context);
    const reply = s.respond('put it back and leave out criminal damage instead', context);
    expect(reply.commands.map((command) => command.kind)).toEqual(['undo', 'setOffenceTypes']);
    // Robbery is counted again, as before it was left out; criminal damage is not one of the
    // fixture's default violence groups, so leaving it out changes nothing more.
    expect(reply.text).toMatch(/Undid the offence types/);
    expect(s.parameters.offenceTypes).toEqual(counted);
  });
});

describe('who is counted, asked after a count', () => {
  it("is refused after a school's figures", () => {
    const s = session();
    s.respond('run', context);
    s.respond('tell me about Hill Top School', context);
    const reply = s.respond('ok, and which ones are they', context);
    expect(reply.commands).toEqual([]);
    expect(reply.text).toMatch(/cannot identify individual/i);
  });

  it('is not refused after a list of schools, where "they" are schools', () => {
    const s = session();
    s.respond('run', context);
    s.respond('show me the top 2', context);
    expect(s.respond('which ones are they', context).text).not.toMatch(/cannot identify/i);
  });
});

describe('an offence type named loosely', () => {
  const TYPES = [
    'Violence with injury',
    'Criminal damage',
    'Possession of weapons offences',
    'Public order offences',
    'Theft from the person',
  ].map((value) => ({ value, rows: 3 }));
  const names = (term: string): string[] => typesForTerm(term, TYPES).map((type) => type.value);

  it('is not picked for sharing only a generic word ("minor offences" is not public order)', () => {
    expect(names('minor offences')).toEqual([]);
    expect(names('serious crimes')).toEqual([]);
  });

  it('is found by its telling words, the generic ones aside', () => {
    expect(names('theft offences')).toEqual(['Theft from the person']);
    expect(names('damage offences')).toEqual(['Criminal damage']);
    expect(names('publc order')).toEqual(['Public order offences']);
  });

  it('asks which types, listing them, when the words name none', () => {
    const s = session();
    const before = s.parameters.offenceTypes;
    const reply = s.respond('leave out the minor offences', context);
    expect(reply.question).toBe(true);
    expect(reply.text).toMatch(/No offence type in 'Offences' matches 'minor( offences)?'/);
    expect(reply.text).toContain('Public order offences');
    expect(s.parameters.offenceTypes).toEqual(before);
  });
});
