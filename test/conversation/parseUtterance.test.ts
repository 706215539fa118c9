/**
 * The parser on its own: each utterance below, written as an analyst might type it (varied
 * phrasing, word order, numbers in words, typos, ambiguity), with the Command or the question it
 * must give. Every expectation is written by hand from the meaning of the words.
 */
import { parseUtterance, type Command } from '../../src/conversation';

type Expected =
  | Command
  | { readonly question: RegExp; readonly choices: readonly string[] }
  | { readonly unknown: RegExp; readonly choices?: readonly string[] };

// 'all phases' is every phase, 'other' (sixth forms, nurseries) included.
const ALL_PHASES = ['primary', 'secondary', 'allThrough', 'special', 'alternativeProvision', 'other'];

const TABLE: readonly (readonly [string, Expected])[] = [
  // Describe the workbook
  ["what's in this workbook?", { kind: 'describe' }],
  ['Whats in the workbook', { kind: 'describe' }],
  ['What is in the workbook?', { kind: 'describe' }],
  ['can you describe the workbook', { kind: 'describe' }],
  ['describe the data', { kind: 'describe' }],
  ['which sheets do I have?', { kind: 'describe' }],
  ['list the sheets', { kind: 'describe' }],
  ['look at my data', { kind: 'describe' }],

  // Choose a sheet for a role
  ["use 'Crimes 2020' for offences", { kind: 'useSheet', role: 'offences', sheet: 'Crimes 2020' }],
  ['use Crimes 2020 for offences', { kind: 'useSheet', role: 'offences', sheet: 'Crimes 2020' }],
  ['please use "Crimes 2021" for offences', { kind: 'useSheet', role: 'offences', sheet: 'Crimes 2021' }],
  ["offences are in 'Crimes 2021'", { kind: 'useSheet', role: 'offences', sheet: 'Crimes 2021' }],
  ["the offences sheet is 'Crimes 2021'", { kind: 'useSheet', role: 'offences', sheet: 'Crimes 2021' }],
  ['the crimes are in sheet Crimes 2021', { kind: 'useSheet', role: 'offences', sheet: 'Crimes 2021' }],
  ["'Crimes 2021' has the offences", { kind: 'useSheet', role: 'offences', sheet: 'Crimes 2021' }],
  ['take the schools from sheet GIAS', { kind: 'useSheet', role: 'schools', sheet: 'GIAS' }],
  ["take schools from 'GIAS 2024'", { kind: 'useSheet', role: 'schools', sheet: 'GIAS 2024' }],
  ['offences = Crimes 2021', { kind: 'useSheet', role: 'offences', sheet: 'Crimes 2021' }],
  // A quoted name that starts with the word 'sheet' (or 'column') keeps it.
  ["use 'Sheet 1' for offences", { kind: 'useSheet', role: 'offences', sheet: 'Sheet 1' }],
  ["use column 'Column 3' for age", { kind: 'mapColumn', role: 'offences', field: 'age', header: 'Column 3' }],
  ["use the sheet 'VRU schools' as the current list", { kind: 'useSheet', role: 'currentList', sheet: 'VRU schools' }],
  ["the current list is in 'VRU list'", { kind: 'useSheet', role: 'currentList', sheet: 'VRU list' }],
  ["pupil residence: 'Pupils by ward'", { kind: 'useSheet', role: 'pupilResidence', sheet: 'Pupils by ward' }],

  // Map a column
  [
    "the age column is 'Age at Offence'",
    { kind: 'mapColumn', role: 'offences', field: 'age', header: 'Age at Offence' },
  ],
  ['Age at Offence is the age column', { kind: 'mapColumn', role: 'offences', field: 'age', header: 'Age at Offence' }],
  [
    "use column 'Age at Offence' for age",
    { kind: 'mapColumn', role: 'offences', field: 'age', header: 'Age at Offence' },
  ],
  [
    "map offences.age to 'Age at Offence'",
    { kind: 'mapColumn', role: 'offences', field: 'age', header: 'Age at Offence' },
  ],
  [
    'offences.offenceDate = Committed Date',
    { kind: 'mapColumn', role: 'offences', field: 'offenceDate', header: 'Committed Date' },
  ],
  [
    "'Committed' is the offence date column",
    { kind: 'mapColumn', role: 'offences', field: 'offenceDate', header: 'Committed' },
  ],
  [
    'the date column is "Date Committed"',
    { kind: 'mapColumn', role: 'offences', field: 'offenceDate', header: 'Date Committed' },
  ],
  [
    "the offender id column is 'Nominal'",
    { kind: 'mapColumn', role: 'offences', field: 'offenderRef', header: 'Nominal' },
  ],
  ["use 'Pop' for population", { kind: 'mapColumn', role: 'wards', field: 'youngPopulation', header: 'Pop' }],
  ["the schools urn column is 'URN'", { kind: 'mapColumn', role: 'schools', field: 'urn', header: 'URN' }],
  [
    "the school type column is 'TypeOfEstablishment'",
    { kind: 'mapColumn', role: 'schools', field: 'type', header: 'TypeOfEstablishment' },
  ],
  // A field several sheets have: the role is left for the session to find from the headers.
  ["the urn column is 'URN'", { kind: 'mapColumn', field: 'urn', header: 'URN' }],
  // A word that names different fields of different sheets: asked.
  [
    "the type column is 'Type'",
    { question: /Which 'type'/, choices: ["map offences.offenceType to 'Type'", "map schools.type to 'Type'"] },
  ],
  [
    "the easting column is 'X'",
    {
      question: /Which 'easting'/,
      choices: ["map offences.offenceEasting to 'X'", "map schools.easting to 'X'", "map postcodes.easting to 'X'"],
    },
  ],

  // Age band
  ['only ages 11 to 16', { kind: 'setAgeBand', from: 11, to: 16 }],
  ['ages 11-16', { kind: 'setAgeBand', from: 11, to: 16 }],
  ['10-17 year olds', { kind: 'setAgeBand', from: 10, to: 17 }],
  ['11 to 16', { kind: 'setAgeBand', from: 11, to: 16 }],
  ['aged between ten and seventeen', { kind: 'setAgeBand', from: 10, to: 17 }],
  ['children aged 12 to 15', { kind: 'setAgeBand', from: 12, to: 15 }],
  ['kids between eleven and sixteen', { kind: 'setAgeBand', from: 11, to: 16 }],
  ['ages 10 through 17', { kind: 'setAgeBand', from: 10, to: 17 }],
  ['under 18s', { kind: 'setAgeBand', from: null, to: 17 }],
  ['under 16s only', { kind: 'setAgeBand', from: null, to: 15 }],
  ['ages 12 and over', { kind: 'setAgeBand', from: 12, to: null }],
  ['aged 10 and over', { kind: 'setAgeBand', from: 10, to: null }],
  ['over 12s', { kind: 'setAgeBand', from: 13, to: null }],
  ['only 15 year olds', { kind: 'setAgeBand', from: 15, to: 15 }],
  ['only fourteen year olds', { kind: 'setAgeBand', from: 14, to: 14 }],

  // Offence types (kept as typed: the session matches them to the sheet's values)
  ['count only robbery and wounding', { kind: 'setOffenceTypes', types: ['robbery', 'wounding'] }],
  ['count only Robbery, Violence with injury', { kind: 'setOffenceTypes', types: ['Robbery', 'Violence with injury'] }],
  ['count only robbery', { kind: 'setOffenceTypes', types: ['robbery'] }],
  ['just robbery', { kind: 'setOffenceTypes', types: ['robbery'] }],
  [
    'only count Robbery and Possession of weapons',
    { kind: 'setOffenceTypes', types: ['Robbery', 'Possession of weapons'] },
  ],
  ['offence types: robbery; public order', { kind: 'setOffenceTypes', types: ['robbery', 'public order'] }],
  ['count robbery too', { kind: 'setOffenceTypes', types: ['robbery'], mode: 'add' }],
  ['exclude public order', { kind: 'setOffenceTypes', types: ['public order'], mode: 'remove' }],
  ["don't count public order", { kind: 'setOffenceTypes', types: ['public order'], mode: 'remove' }],
  // Every type is ['all']; [] is the default, the Home Office violence groups.
  ['all offence types', { kind: 'setOffenceTypes', types: ['all'] }],
  ['every offence type', { kind: 'setOffenceTypes', types: ['all'] }],
  ['count every offence type', { kind: 'setOffenceTypes', types: ['all'] }],
  ['count everything', { kind: 'setOffenceTypes', types: ['all'] }],
  ['remove the offence type filter', { kind: 'setOffenceTypes', types: ['all'] }],
  ['only violence', { kind: 'setOffenceTypes', types: [] }],
  ['count only violent offences', { kind: 'setOffenceTypes', types: [] }],
  ['all violence', { kind: 'setOffenceTypes', types: [] }],
  ['the default types', { kind: 'setOffenceTypes', types: [] }],
  ['back to the default offence types', { kind: 'setOffenceTypes', types: [] }],
  ['reset the offence types', { kind: 'setOffenceTypes', types: [] }],
  ['reset offence types', { kind: 'setOffenceTypes', types: [] }],
  ['include criminal damage', { kind: 'setOffenceTypes', types: ['criminal damage'], mode: 'add' }],
  ["include 'XYZ1'", { kind: 'setOffenceTypes', types: ['XYZ1'], mode: 'add' }],
  ["include 'A' and 'B'", { kind: 'setOffenceTypes', types: ['A', 'B'], mode: 'add' }],
  ['include only robbery', { kind: 'setOffenceTypes', types: ['robbery'] }],
  ['exclude robbery', { kind: 'setOffenceTypes', types: ['robbery'], mode: 'remove' }],
  ["leave out 'XYZ1'", { kind: 'setOffenceTypes', types: ['XYZ1'], mode: 'remove' }],
  ["leave 'XYZ1' out", { kind: 'setOffenceTypes', types: ['XYZ1'], mode: 'remove' }],

  // Dates (ISO days, inclusive; a missing end is left as it is)
  ['from April 2022 to March 2023', { kind: 'setDates', from: '2022-04-01', to: '2023-03-31' }],
  ['from 1 April 2023 to 31 March 2024', { kind: 'setDates', from: '2023-04-01', to: '2024-03-31' }],
  ['from 2023-04-01 to 2024-03-31', { kind: 'setDates', from: '2023-04-01', to: '2024-03-31' }],
  ['between 1/4/2023 and 31/3/2024', { kind: 'setDates', from: '2023-04-01', to: '2024-03-31' }],
  ['2023 only', { kind: 'setDates', from: '2023-01-01', to: '2023-12-31' }],
  ['in 2022', { kind: 'setDates', from: '2022-01-01', to: '2022-12-31' }],
  ['since June 2023', { kind: 'setDates', from: '2023-06-01' }],
  ['since 2022', { kind: 'setDates', from: '2022-01-01' }],
  ['after March 2023', { kind: 'setDates', from: '2023-04-01' }],
  ['until 31 March 2024', { kind: 'setDates', to: '2024-03-31' }],
  ['before 2023', { kind: 'setDates', to: '2022-12-31' }],
  ['up to 31/12/2023', { kind: 'setDates', to: '2023-12-31' }],
  ['financial year 2023-24', { kind: 'setDates', from: '2023-04-01', to: '2024-03-31' }],
  ['fy 2022/23', { kind: 'setDates', from: '2022-04-01', to: '2023-03-31' }],
  ['from October to March 2024', { kind: 'setDates', from: '2023-10-01', to: '2024-03-31' }],
  ['between January and June 2023', { kind: 'setDates', from: '2023-01-01', to: '2023-06-30' }],
  ['Apirl 2023 to Febuary 2024', { kind: 'setDates', from: '2023-04-01', to: '2024-02-29' }],
  ['all dates', { kind: 'setDates', from: null, to: null }],
  ['any date', { kind: 'setDates', from: null, to: null }],
  ['no date limit', { kind: 'setDates', from: null, to: null }],
  // Two consecutive years: calendar or financial? Asked.
  [
    '2023-2024',
    {
      question: /Calendar years 2023 and 2024, or the financial year 2023-24/,
      choices: ['from January 2023 to December 2024', 'financial year 2023-24'],
    },
  ],
  // No year said: asked (a question now, so the answer is awaited).
  ['from April to March', { question: /Which year\?/, choices: ['from April 2022 to March 2023'] }],

  // Phases
  ['rank secondary schools', { kind: 'setPhases', phases: ['secondary'], mode: 'only' }],
  ['rank primary schools', { kind: 'setPhases', phases: ['primary'], mode: 'only' }],
  ['secondary schools only', { kind: 'setPhases', phases: ['secondary'], mode: 'only' }],
  ['primary only', { kind: 'setPhases', phases: ['primary'], mode: 'only' }],
  ['include all-through', { kind: 'setPhases', phases: ['allThrough'], mode: 'add' }],
  ['add special schools', { kind: 'setPhases', phases: ['special'], mode: 'add' }],
  ['include PRUs', { kind: 'setPhases', phases: ['alternativeProvision'], mode: 'add' }],
  ['exclude special schools', { kind: 'setPhases', phases: ['special'], mode: 'remove' }],
  ['drop alternative provision', { kind: 'setPhases', phases: ['alternativeProvision'], mode: 'remove' }],
  ['rank secondary and all through schools', { kind: 'setPhases', phases: ['secondary', 'allThrough'], mode: 'only' }],
  [
    'secondary and all-through but not primary',
    { kind: 'setPhases', phases: ['secondary', 'allThrough'], mode: 'only' },
  ],
  ['all phases', { kind: 'setPhases', phases: ALL_PHASES, mode: 'only' } as Command],
  ['every phase', { kind: 'setPhases', phases: ALL_PHASES, mode: 'only' } as Command],

  // Suppression threshold ("under n": counts 1..n-1 withheld; "up to n" / "1 to n": counts up to n withheld)
  ['suppress counts under 10', { kind: 'setThreshold', threshold: 10 }],
  ['Supress counts under ten', { kind: 'setThreshold', threshold: 10 }],
  ['Supress counts under 10 please', { kind: 'setThreshold', threshold: 10 }],
  ['hide numbers below 7', { kind: 'setThreshold', threshold: 7 }],
  ['hide counts below ten', { kind: 'setThreshold', threshold: 10 }],
  ['withhold anything under 5', { kind: 'setThreshold', threshold: 5 }],
  ['hide anything fewer than 3', { kind: 'setThreshold', threshold: 3 }],
  ['set the threshold to 5', { kind: 'setThreshold', threshold: 5 }],
  ['threshold 3', { kind: 'setThreshold', threshold: 3 }],
  ['thershold 10', { kind: 'setThreshold', threshold: 10 }],
  ['suppression threshold of 7', { kind: 'setThreshold', threshold: 7 }],
  ['use a threshold of 10', { kind: 'setThreshold', threshold: 10 }],
  ['make the threshold ten', { kind: 'setThreshold', threshold: 10 }],
  ['set suppression to 3', { kind: 'setThreshold', threshold: 3 }],
  ['counts under 10 should be hidden', { kind: 'setThreshold', threshold: 10 }],
  ['counts less than 7 should be suppressed', { kind: 'setThreshold', threshold: 7 }],
  ['suppress counts of 1 to 4', { kind: 'setThreshold', threshold: 5 }],
  ['suppress 1 to 4', { kind: 'setThreshold', threshold: 5 }],
  [
    'suppress small numbers',
    {
      question: /Which suppression threshold\?.*3, 5, 7, 10/,
      choices: [
        'suppress counts under 3',
        'suppress counts under 5',
        'suppress counts under 7',
        'suppress counts under 10',
      ],
    },
  ],

  // Zeros
  ['hide zeros', { kind: 'setZeros', show: false }],
  ['suppress zeros', { kind: 'setZeros', show: false }],
  ['treat zeros as sensitive', { kind: 'setZeros', show: false }],
  ['withhold zeros too', { kind: 'setZeros', show: false }],
  ['show zeros', { kind: 'setZeros', show: true }],
  ['show zero counts', { kind: 'setZeros', show: true }],
  ['zeros are fine', { kind: 'setZeros', show: true }],
  ["don't hide zero counts", { kind: 'setZeros', show: true }],

  // Rounding
  ['round to 5', { kind: 'setRounding', base: 5 }],
  ['round to the nearest five', { kind: 'setRounding', base: 5 }],
  ['round counts to the nearest 10', { kind: 'setRounding', base: 10 }],
  ['rounding to 10', { kind: 'setRounding', base: 10 }],
  ['roudn to 3', { kind: 'setRounding', base: 3 }],
  ['no rounding', { kind: 'setRounding', base: null }],
  ['turn off rounding', { kind: 'setRounding', base: null }],
  ["don't round", { kind: 'setRounding', base: null }],
  [
    'rounding',
    {
      question: /Round published counts to which base\?/,
      choices: ['round to 5', 'round to 10', 'round to 3', 'no rounding'],
    },
  ],

  // Top N (the size of the group compared with the list)
  ['top 25', { kind: 'setTopN', topN: 25 }],
  ['top twenty', { kind: 'setTopN', topN: 20 }],
  ['set top n to 30', { kind: 'setTopN', topN: 30 }],
  ['compare the top 30 with the list', { kind: 'setTopN', topN: 30 }],

  // Catchment model, ranking metric, confidence
  ['use the distance model', { kind: 'setCatchment', model: 'distanceDecay' }],
  ['use the distnace model', { kind: 'setCatchment', model: 'distanceDecay' }],
  ['use distance decay', { kind: 'setCatchment', model: 'distanceDecay' }],
  ['model the catchments by distance', { kind: 'setCatchment', model: 'distanceDecay' }],
  ['observed catchments', { kind: 'setCatchment', model: 'observed' }],
  ['use pupil residence for catchments', { kind: 'setCatchment', model: 'observed' }],
  ['automatic catchments', { kind: 'setCatchment', model: 'auto' }],
  ['rank by young offenders', { kind: 'setMetric', metric: 'youngOffenders' }],
  ['rank on where young offenders live', { kind: 'setMetric', metric: 'youngOffenders' }],
  ['base the ranking on offenders', { kind: 'setMetric', metric: 'youngOffenders' }],
  ['rank by offences', { kind: 'setMetric', metric: 'offences' }],
  ['rank by where violence happens', { kind: 'setMetric', metric: 'offences' }],
  ['99% confidence', { kind: 'setConfidence', level: 0.99 }],
  ['90 percent confidence intervals', { kind: 'setConfidence', level: 0.9 }],
  ['confidence level 0.9', { kind: 'setConfidence', level: 0.9 }],

  // Run
  ['go', { kind: 'run' }],
  ['go ahead', { kind: 'run' }],
  ["let's go", { kind: 'run' }],
  ['run the analysis', { kind: 'run' }],
  ['OK run it', { kind: 'run' }],
  ['Run teh analysis', { kind: 'run' }],
  ['rerun please', { kind: 'run' }],
  ['Run it again', { kind: 'run' }],
  ['analyse the data', { kind: 'run' }],
  ['calculate', { kind: 'run' }],
  ['do it', { kind: 'run' }],
  ['run the analysis with these settings', { kind: 'run' }],

  // The latest results
  ['show the top 10', { kind: 'showTop', n: 10 }],
  ['shwo the top 10', { kind: 'showTop', n: 10 }],
  ['show me the top 5', { kind: 'showTop', n: 5 }],
  ['who are the top 10?', { kind: 'showTop', n: 10 }],
  ['list the top 20 schools', { kind: 'showTop', n: 20 }],
  ['list the top schools', { kind: 'showTop' }],
  ['which schools are most exposed?', { kind: 'showTop' }],
  ['show the results', { kind: 'showTop' }],
  ['who is top?', { kind: 'showTop', n: 1 }],
  ['which school is first?', { kind: 'showTop', n: 1 }],
  ['which of the top 20 are not on the VRU list?', { kind: 'newCandidates', n: 20 }],
  ['wich of the top 20 are not on the list', { kind: 'newCandidates', n: 20 }],
  ['which of the top 25 are not on our list?', { kind: 'newCandidates', n: 25 }],
  ['are any of the top 20 not yet on the prevention list', { kind: 'newCandidates', n: 20 }],
  ["which top schools aren't on our list", { kind: 'newCandidates' }],
  ['which schools are missing from the VRU list?', { kind: 'newCandidates' }],
  ['new candidates', { kind: 'newCandidates' }],
  ['who should we add to the list?', { kind: 'newCandidates' }],
  ['who is not on the list?', { kind: 'newCandidates' }],

  // Explain a school or a ward (names as typed; the session matches them)
  ['why is Park Hall ranked 3rd?', { kind: 'explainSchool', school: 'Park Hall', claimedRank: 3 }],
  ['why is Park Hall third', { kind: 'explainSchool', school: 'Park Hall', claimedRank: 3 }],
  ['why is Park Hall Academy ranked 3rd?', { kind: 'explainSchool', school: 'Park Hall Academy', claimedRank: 3 }],
  ['why is Hill Top school number 1', { kind: 'explainSchool', school: 'Hill Top school', claimedRank: 1 }],
  ['why is Hill Top School so high?', { kind: 'explainSchool', school: 'Hill Top School' }],
  [
    'why is "St Mary\'s CE School" ranked 2nd?',
    { kind: 'explainSchool', school: "St Mary's CE School", claimedRank: 2 },
  ],
  ['what about Park Hall Academy', { kind: 'explainSchool', school: 'Park Hall Academy' }],
  ['how come Park Hall is so high', { kind: 'explain', name: 'Park Hall' }],
  ["how was Park Hall's score worked out", { kind: 'explain', name: 'Park Hall' }],
  ['explain Park Hall', { kind: 'explain', name: 'Park Hall' }],
  ['tell me about Hill Top', { kind: 'explain', name: 'Hill Top' }],
  ['tell me about Beta', { kind: 'explain', name: 'Beta' }],
  ['tell me about Alpha ward', { kind: 'explainWard', ward: 'Alpha' }],
  ['tell me more about Alpha ward', { kind: 'explainWard', ward: 'Alpha' }],
  ['what about ward Beta', { kind: 'explainWard', ward: 'Beta' }],
  ['explain ward E05000001', { kind: 'explainWard', ward: 'E05000001' }],
  ['explain E05000002', { kind: 'explainWard', ward: 'E05000002' }],

  // Undo, reset, settings, help
  ['undo', { kind: 'undo' }],
  ['undo that', { kind: 'undo' }],
  ['udno', { kind: 'undo' }],
  ['undo the last change', { kind: 'undo' }],
  ['go back', { kind: 'undo' }],
  ['take that back', { kind: 'undo' }],
  ['revert', { kind: 'undo' }],
  ['reset', { kind: 'reset' }],
  ['start again', { kind: 'reset' }],
  ['back to the defaults', { kind: 'reset' }],
  ['start over', { kind: 'reset' }],
  ['show the settings', { kind: 'status' }],
  ['show me the current settings', { kind: 'status' }],
  ['what are we using?', { kind: 'status' }],
  ['help', { kind: 'help' }],
  ['hlep', { kind: 'help' }],
  ['help me', { kind: 'help' }],
  ['what can I do?', { kind: 'help' }],
  ['what should I say?', { kind: 'help' }],

  // Typos in keywords
  ['rnak secondary schools', { kind: 'setPhases', phases: ['secondary'], mode: 'only' }],
  ['secondry schools only', { kind: 'setPhases', phases: ['secondary'], mode: 'only' }],
  ['thresold of 7', { kind: 'setThreshold', threshold: 7 }],

  // A number on its own: the threshold or the top group? Asked, never guessed.
  [
    '10',
    {
      question: /withhold counts under 10, or compare the top 10 schools/,
      choices: ['suppress counts under 10', 'top 10'],
    },
  ],
  [
    'make it 10',
    {
      question: /withhold counts under 10, or compare the top 10 schools/,
      choices: ['suppress counts under 10', 'top 10'],
    },
  ],
  [
    'set it to 10',
    {
      question: /withhold counts under 10, or compare the top 10 schools/,
      choices: ['suppress counts under 10', 'top 10'],
    },
  ],
  [
    'what about 10?',
    {
      question: /withhold counts under 10, or compare the top 10 schools/,
      choices: ['suppress counts under 10', 'top 10'],
    },
  ],
  [
    'try 5',
    {
      question: /withhold counts under 5, or compare the top 5 schools/,
      choices: ['suppress counts under 5', 'top 5'],
    },
  ],

  // Not understood: suggestions instead
  [
    'banana',
    { unknown: /I did not understand 'banana'/, choices: ["what's in this workbook?", 'run the analysis', 'help'] },
  ],
  ['blah blah', { unknown: /I did not understand/ }],
  ['?', { unknown: /Say what you would like to do/ }],
];

describe('parseUtterance', () => {
  it('is checked on at least 100 utterances', () => {
    expect(TABLE.length).toBeGreaterThanOrEqual(100);
  });

  it.each(TABLE)('reads %j', (utterance, expected) => {
    const outcome = parseUtterance(utterance);
    if ('kind' in expected) {
      expect(outcome).toEqual({ kind: 'command', command: expected });
    } else if ('question' in expected) {
      expect(outcome.kind).toBe('question');
      expect(outcome.kind !== 'command' && outcome.text).toMatch(expected.question);
      expect(outcome.kind !== 'command' && outcome.choices.map((choice) => choice.utterance)).toEqual(expected.choices);
    } else {
      expect(outcome.kind).toBe('unknown');
      expect(outcome.kind !== 'command' && outcome.text).toMatch(expected.unknown);
      if (expected.choices)
        expect(outcome.kind !== 'command' && outcome.choices.map((choice) => choice.utterance)).toEqual(
          expected.choices,
        );
    }
  });

  it('reads every choice it offers back as a command (buttons always work)', () => {
    const questions = TABLE.map(([utterance]) => parseUtterance(utterance)).filter(
      (outcome) => outcome.kind === 'question',
    );
    expect(questions.length).toBeGreaterThan(5);
    for (const question of questions) {
      for (const choice of question.kind === 'question' ? question.choices : []) {
        expect([choice.utterance, parseUtterance(choice.utterance).kind]).toEqual([choice.utterance, 'command']);
      }
    }
  });

  it('gives commands that survive JSON unchanged (so the Audit sheet can replay them)', () => {
    for (const [utterance] of TABLE) {
      const outcome = parseUtterance(utterance);
      if (outcome.kind === 'command') expect(JSON.parse(JSON.stringify(outcome.command))).toEqual(outcome.command);
    }
  });

  it('is deterministic: the same words give the same outcome', () => {
    for (const [utterance] of TABLE.slice(0, 40)) expect(parseUtterance(utterance)).toEqual(parseUtterance(utterance));
  });
});
