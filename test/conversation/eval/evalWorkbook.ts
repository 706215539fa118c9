/**
 * The workbook the dialogue evaluation talks about (test/conversation/eval/README.md). Hand-made,
 * deterministic and small, but shaped like a real VRU workbook so the utterances have something to
 * refer to: Dudley-style ward names, 28 schools of every phase (23 open secondary or all-through
 * schools, so "the top 20" is a real top 20), nine offence types
 * (violence and not), two offence-like sheets and two prevention-list sheets, and single-year
 * population columns for ages 0–24 so any age band an analyst may ask for can be counted.
 *
 * No jest globals here: the runner (scripts/evalDialogue.ts, compiled by tsconfig.cli.json) and the
 * well-formedness test both import it.
 *
 * Geography: four 1 km squares in British National Grid.
 *
 *      W3 E05001003 Brockmoor and Pensnett | W4 E05001004 Quarry Bank and Dudley Wood   (northings 281,000–282,000)
 *      W1 E05001001 Castle and Priory      | W2 E05001002 St Thomas's                   (northings 280,000–281,000)
 *      eastings 400,000–401,000            | 401,000–402,000
 *
 * Offences happen mostly in Castle and Priory (the "higher than average" ward).
 * The last offence in 'Youth violence 2020-23' is on 2023-07-04 (EVAL_LAST_OFFENCE); the first on 2020-09-03.
 */
import type { AnalysisParameters, CellValue, SheetData, WorkbookData } from '../../../src/core/types';
import { DEFAULT_PARAMETERS } from '../../../src/core/types';

export const EVAL_WARDS = {
  W1: { code: 'E05001001', name: 'Castle and Priory', x: 400000, y: 280000 },
  W2: { code: 'E05001002', name: "St Thomas's", x: 401000, y: 280000 },
  W3: { code: 'E05001003', name: 'Brockmoor and Pensnett', x: 400000, y: 281000 },
  W4: { code: 'E05001004', name: 'Quarry Bank and Dudley Wood', x: 401000, y: 281000 },
} as const;
type WardKey = keyof typeof EVAL_WARDS;

/** Schools by URN: name, phase as GIAS writes it, status, pupils, ward. */
export const EVAL_SCHOOLS = [
  { urn: '137001', name: 'Park Hall Academy', phase: 'Secondary', status: 'Open', pupils: 1100, ward: 'W1' },
  { urn: '137002', name: 'Hill Top School', phase: 'Secondary', status: 'Open', pupils: 850, ward: 'W2' },
  { urn: '137003', name: 'Elm Grove School', phase: 'Secondary', status: 'Open', pupils: 640, ward: 'W4' },
  { urn: '137004', name: 'Meadow Primary School', phase: 'Primary', status: 'Open', pupils: 320, ward: 'W3' },
  { urn: '137005', name: 'Old Road School', phase: 'Secondary', status: 'Closed', pupils: 500, ward: 'W3' },
  { urn: '137006', name: 'Castle High School', phase: 'Secondary', status: 'Open', pupils: 1250, ward: 'W1' },
  { urn: '137007', name: "St Mary's Catholic College", phase: 'All-through', status: 'Open', pupils: 1400, ward: 'W3' },
  { urn: '137008', name: 'Priory Primary School', phase: 'Primary', status: 'Open', pupils: 410, ward: 'W1' },
  {
    urn: '137009',
    name: 'The Brook Special School',
    phase: 'Not applicable',
    status: 'Open',
    pupils: 120,
    ward: 'W2',
    type: 'Community special school',
  },
  {
    urn: '137010',
    name: 'Dudley Pupil Referral Unit',
    phase: 'Not applicable',
    status: 'Open',
    pupils: 60,
    ward: 'W4',
    type: 'Pupil referral unit',
  },
  ...(
    [
      ['137011', 'Ridgewood High School', 'W2', 980],
      ['137012', 'Pedmore Technology College', 'W4', 720],
      ['137013', 'Crestwood School', 'W3', 890],
      ['137014', 'Ellowes Hall Sports College', 'W3', 1150],
      ['137015', 'Wordsley School', 'W4', 930],
      ['137016', 'Kingswinford Academy', 'W3', 1210],
      ['137017', 'Holly Hall Academy', 'W2', 760],
      ['137018', 'Beacon Hill Academy', 'W1', 680],
      ['137019', 'Thorns Collegiate Academy', 'W2', 810],
      ['137020', 'Windsor High School', 'W4', 1320],
      ['137021', 'Earls High School', 'W4', 1050],
      ['137022', 'Hagley Park Academy', 'W3', 700],
      ['137023', 'Lye Valley School', 'W2', 640],
      ['137024', 'Netherton Park Academy', 'W1', 900],
      ['137025', 'Colley Lane Academy', 'W2', 560],
      ['137026', 'Bromley Hills Secondary School', 'W3', 820],
      ['137027', 'Summerhill School', 'W4', 990],
      ['137028', 'Pensnett Academy', 'W3', 740],
    ] as const
  ).map(([urn, name, ward, pupils]) => ({ urn, name, phase: 'Secondary', status: 'Open', pupils, ward })),
] as const;

/** The offence types written in the offences sheet, in the order they first appear. */
export const EVAL_OFFENCE_TYPES = [
  'Violence with injury',
  'Violence without injury',
  'Robbery of personal property',
  'Possession of weapons offences',
  'Criminal damage',
  'Shoplifting',
  'Theft from the person',
  'Public order offences',
  'Burglary - residential',
] as const;

export const EVAL_OFFENCES_SHEET = 'Youth violence 2020-23';
export const EVAL_OTHER_OFFENCES_SHEET = 'Knife crime 2019';
export const EVAL_LIST_SHEET = 'VRU Schools 2020';
export const EVAL_OLD_LIST_SHEET = 'VRU Schools 2019';
/** The last offence date of EVAL_OFFENCES_SHEET (ISO day), the anchor of "the last 12 months". */
export const EVAL_LAST_OFFENCE = '2023-07-04';
export const EVAL_FIRST_OFFENCE = '2020-09-03';
/** The run date the engine checks offence dates against. */
export const EVAL_TODAY = new Date('2024-03-01T12:00:00Z');

const inside = (ward: WardKey, offset = 0): [number, number] => [
  EVAL_WARDS[ward].x + 500 + offset,
  EVAL_WARDS[ward].y + 500 - offset,
];
const day = (iso: string): Date => new Date(`${iso}T00:00:00Z`);
const addDays = (iso: string, days: number): string =>
  new Date(day(iso).getTime() + days * 86_400_000).toISOString().slice(0, 10);

const OFFENCE_HEADERS = [
  'Crime Number',
  'Offender ID',
  'Committed Date',
  'Reported Date',
  'HO Offence Group',
  'Age at Offence',
  'Offence Easting',
  'Offence Northing',
  'Home Easting',
  'Home Northing',
  'School URN',
];

/** Where the offence happened and where its offender lives, in turn (Castle and Priory most often). */
const PLACES: readonly [WardKey, WardKey][] = [
  ['W1', 'W1'],
  ['W1', 'W2'],
  ['W2', 'W2'],
  ['W1', 'W1'],
  ['W3', 'W3'],
  ['W1', 'W4'],
  ['W4', 'W4'],
  ['W1', 'W1'],
  ['W2', 'W1'],
  ['W1', 'W3'],
];
const TYPE_CYCLE = [0, 0, 1, 2, 0, 3, 4, 0, 1, 5, 0, 6, 2, 7, 0, 8, 1, 0, 4, 3];
const SCHOOL_CYCLE: (string | null)[] = [
  '137001',
  null,
  '137002',
  '137006',
  null,
  '137003',
  '137007',
  null,
  '137006',
  '137001',
];

function offenceRows(): CellValue[][] {
  const rows: CellValue[][] = [OFFENCE_HEADERS];
  const count = 60;
  for (let i = 0; i < count; i++) {
    const committed = i === count - 1 ? EVAL_LAST_OFFENCE : addDays(EVAL_FIRST_OFFENCE, i * 17);
    const [where, home] = PLACES[i % PLACES.length];
    const offender = `P${String(1 + ((i * 7) % 41)).padStart(3, '0')}`;
    const age = 10 + ((i * 3) % 10);
    rows.push([
      `20/${String(10000 + i * 13)}`,
      offender,
      day(committed),
      day(addDays(committed, 1 + (i % 4))),
      EVAL_OFFENCE_TYPES[TYPE_CYCLE[i % TYPE_CYCLE.length]],
      age,
      ...inside(where, (i % 9) * 20),
      ...inside(home, 100 + (i % 7) * 30),
      SCHOOL_CYCLE[i % SCHOOL_CYCLE.length],
    ]);
  }
  return rows;
}

function otherOffenceRows(): CellValue[][] {
  const rows: CellValue[][] = [OFFENCE_HEADERS];
  for (let i = 0; i < 8; i++) {
    const [where, home] = PLACES[(i * 3) % PLACES.length];
    rows.push([
      `19/${String(5000 + i)}`,
      `K${i % 5}`,
      day(addDays('2019-01-07', i * 40)),
      day(addDays('2019-01-08', i * 40)),
      'Possession of weapons offences',
      13 + (i % 5),
      ...inside(where, i * 10),
      ...inside(home, 150),
      null,
    ]);
  }
  return rows;
}

function vertexRows(): CellValue[][] {
  const rows: CellValue[][] = [['Ward code', 'Part', 'Ring', 'Order', 'Easting', 'Northing']];
  for (const { code, x, y } of Object.values(EVAL_WARDS)) {
    const corners: [number, number][] = [
      [x, y],
      [x + 1000, y],
      [x + 1000, y + 1000],
      [x, y + 1000],
    ];
    corners.forEach(([e, n], i) => rows.push([code, 1, 0, i + 1, e, n]));
  }
  return rows;
}

const AGES = Array.from({ length: 25 }, (_, i) => i);

export function evalWorkbook(): WorkbookData {
  const sheets: SheetData[] = [
    { name: 'Ward boundaries', rows: vertexRows() },
    {
      name: 'Ward population 2021',
      rows: [
        ['WD22CD', 'WD22NM', 'LAD22CD', 'LAD22NM', ...AGES.map((age) => `age_${age}`)],
        ...Object.values(EVAL_WARDS).map(({ code, name }, w): CellValue[] => [
          code,
          name,
          'E08000027',
          'Dudley',
          ...AGES.map((age) => 55 + ((age + w * 3) % 11)),
        ]),
      ],
    },
    {
      name: 'Schools GIAS',
      rows: [
        [
          'URN',
          'EstablishmentName',
          'PhaseOfEducation (name)',
          'TypeOfEstablishment (name)',
          'EstablishmentStatus (name)',
          'NumberOfPupils',
          'Easting',
          'Northing',
        ],
        ...EVAL_SCHOOLS.map((school, i): CellValue[] => [
          Number(school.urn),
          school.name,
          school.phase,
          'type' in school ? school.type : 'Academy converter',
          school.status,
          school.pupils,
          ...inside(school.ward, -450 + i * 30),
        ]),
      ],
    },
    { name: EVAL_OFFENCES_SHEET, rows: offenceRows() },
    { name: EVAL_OTHER_OFFENCES_SHEET, rows: otherOffenceRows() },
    {
      name: 'Pupil home wards',
      rows: [
        ['URN', 'Home ward code', 'Pupils'],
        [137001, EVAL_WARDS.W1.code, 600],
        [137001, EVAL_WARDS.W2.code, 300],
        [137001, EVAL_WARDS.W3.code, 150],
        [137006, EVAL_WARDS.W1.code, 800],
        [137006, EVAL_WARDS.W4.code, 350],
        [137002, EVAL_WARDS.W2.code, 500],
        [137002, EVAL_WARDS.W1.code, 250],
      ],
    },
    {
      name: EVAL_LIST_SHEET,
      rows: [
        ['URN', 'School name'],
        [137002, 'Hill Top School'],
        [137005, 'Old Road School'],
        [137007, "St Mary's Catholic College"],
      ],
    },
    {
      name: EVAL_OLD_LIST_SHEET,
      rows: [
        ['URN', 'School name'],
        [137001, 'Park Hall Academy'],
        [137002, 'Hill Top School'],
      ],
    },
  ];
  return { sheets };
}

/**
 * Starting choices of every evaluation session: the defaults with fewer simulations (speed) and a
 * protection interval of 1, so the tiny workbook's runs publish rather than stop.
 */
export const EVAL_PARAMETERS: AnalysisParameters = { ...DEFAULT_PARAMETERS, simulations: 200, protectionInterval: 1 };

/** Starting sheet choices, so a run never has to ask which of the two offence (or list) sheets to use. */
export const EVAL_ROLE_OVERRIDES = { offences: EVAL_OFFENCES_SHEET, currentList: EVAL_OLD_LIST_SHEET } as const;
