import {
  DEFAULT_PARAMETERS,
  type AnalysisParameters,
  type CellValue,
  type SheetData,
  type WorkbookData,
} from '../../src/core/types';

/**
 * A tiny workbook worked by hand, shared by the pipeline and report tests.
 *
 * Geography: four 1 km squares in British National Grid, each with 1,000 residents aged 10–17
 * (area young population 4,000):
 *
 *      W3 E05000003 Gamma  | W4 E05000004 Delta       northings 281,000–282,000
 *      W1 E05000001 Alpha  | W2 E05000002 Beta        northings 280,000–281,000
 *      eastings 400,000–401,000 | 401,000–402,000
 *
 * Offences sheet (worksheet rows; header on row 1). Offence ward / home ward by coordinates:
 *   row  ref   offender date        age      offence  home     school
 *    2   C001  O1       2023-01-10  15       W1       W1       100001
 *    3   C002  O1       2023-02-10  15       W1       W1       100001
 *    4   C003  O2       2023-03-01  16       W1       W1       100001
 *    5   C004  O3       2023-03-05  14       W1       W2       100001
 *    6   C005  O4       2023-03-10  17       W1       W2       100002
 *    7   C006  O5       2023-04-01  13       W1       W1
 *    8   C007  O6       2023-04-02  12       W1       W1
 *    9   C008  O7       2023-04-03  16       W1       outside
 *   10   C009  O8       2023-05-01  15       W1       W1
 *   11   C010  O9       2023-06-20  16       W2       W4       999999 (unknown URN)   <- O9's later offence
 *   12   C011  O9       2023-01-15  16       W1       W3                              <- O9's earlier offence
 *   13   C012  O10      2023-06-21  14       W2       W2
 *   14   C013  O11      2023-06-22  11       W2       W2
 *   15   C014  O12      2023-07-01  10       W3       W3
 *   16   C015  O13      2023-07-02  19       W1       W1       (age outside 10–17: out of scope)
 *   17   C016  O14      2023-07-03  unknown  W1       W1       (not a number: excluded)
 *   18   C017  O15      2023-07-04  15       outside  W4
 *   19   C002  O1       2023-02-10  15       W1       W1       100001 (copy of row 3: duplicate, excluded)
 *
 * Schools sheet rows: 2 100001 Park Hall Academy (secondary, 1,000 pupils, in W1); 3 100002 Hill Top
 * School (secondary, 800, W2); 4 100003 '=Elm Grove School' (secondary, 600, W4; a name that looks
 * like a formula); 5 100004 Meadow Primary School (primary, W3); 6 100005 Old Road School (secondary,
 * closed, W3).
 * Pupil residence (school 100001 only): W1 300, W2 100, W3 100, and E05009999 (not a study ward) 50.
 * VRU list: 100002 Hill Top School (row 2), 100005 Old Road School (row 3, closed so not ranked).
 */
export const WARDS = {
  W1: { code: 'E05000001', name: 'Alpha', x: 400000, y: 280000 },
  W2: { code: 'E05000002', name: 'Beta', x: 401000, y: 280000 },
  W3: { code: 'E05000003', name: 'Gamma', x: 400000, y: 281000 },
  W4: { code: 'E05000004', name: 'Delta', x: 401000, y: 281000 },
} as const;
export type WardKey = keyof typeof WARDS;

/** A point well inside each ward (not on any edge), a second one for variety, and one outside every ward. */
const inside = (ward: WardKey, offset = 0): [number, number] => [
  WARDS[ward].x + 500 + offset,
  WARDS[ward].y + 500 - offset,
];
const OUTSIDE: [number, number] = [410000, 290000];

const date = (iso: string): Date => new Date(`${iso}T00:00:00Z`);

export const OFFENCE_HEADERS = [
  'Crime Number',
  'Offender ID',
  'Committed Date',
  'HO Offence Group',
  'Age at Offence',
  'Offence Easting',
  'Offence Northing',
  'Home Easting',
  'Home Northing',
  'School URN',
] as const;

function offence(
  ref: string,
  offender: string,
  day: string,
  age: CellValue,
  where: [number, number],
  home: [number, number],
  school: CellValue = null,
): CellValue[] {
  return [ref, offender, date(day), 'Violence with injury', age, where[0], where[1], home[0], home[1], school];
}

export function offenceRows(): CellValue[][] {
  return [
    [...OFFENCE_HEADERS],
    offence('C001', 'O1', '2023-01-10', 15, inside('W1'), inside('W1', 100), 100001),
    offence('C002', 'O1', '2023-02-10', 15, inside('W1', 10), inside('W1', 100), 100001),
    offence('C003', 'O2', '2023-03-01', 16, inside('W1', 20), inside('W1', 200), 100001),
    offence('C004', 'O3', '2023-03-05', 14, inside('W1', 30), inside('W2'), '100001'),
    offence('C005', 'O4', '2023-03-10', 17, inside('W1', 40), inside('W2', 100), 100002),
    offence('C006', 'O5', '2023-04-01', 13, inside('W1', 50), inside('W1', -100)),
    offence('C007', 'O6', '2023-04-02', 12, inside('W1', 60), inside('W1', -200)),
    offence('C008', 'O7', '2023-04-03', 16, inside('W1', 70), OUTSIDE),
    offence('C009', 'O8', '2023-05-01', 15, inside('W1', 80), inside('W1', 300)),
    offence('C010', 'O9', '2023-06-20', 16, inside('W2'), inside('W4'), 999999),
    offence('C011', 'O9', '2023-01-15', 16, inside('W1', 90), inside('W3')),
    offence('C012', 'O10', '2023-06-21', 14, inside('W2', 10), inside('W2', 200)),
    offence('C013', 'O11', '2023-06-22', 11, inside('W2', 20), inside('W2', 300)),
    offence('C014', 'O12', '2023-07-01', 10, inside('W3'), inside('W3', 100)),
    offence('C015', 'O13', '2023-07-02', 19, inside('W1'), inside('W1')),
    offence('C016', 'O14', '2023-07-03', 'unknown', inside('W1'), inside('W1')),
    offence('C017', 'O15', '2023-07-04', 15, OUTSIDE, inside('W4', 100)),
    offence('C002', 'O1', '2023-02-10', 15, inside('W1', 10), inside('W1', 100), 100001),
  ];
}

function vertexRows(): CellValue[][] {
  const rows: CellValue[][] = [['Ward code', 'Part', 'Ring', 'Order', 'Easting', 'Northing']];
  for (const { code, x, y } of Object.values(WARDS)) {
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

export const SCHOOL_NAMES = {
  '100001': 'Park Hall Academy',
  '100002': 'Hill Top School',
  '100003': '=Elm Grove School',
  '100004': 'Meadow Primary School',
  '100005': 'Old Road School',
} as const;

export function smallWorkbook(): WorkbookData {
  const sheets: SheetData[] = [
    { name: 'Ward boundaries', rows: vertexRows() },
    {
      name: 'Wards',
      rows: [
        ['WD22CD', 'WD22NM', 'LAD_CD', 'LAD_NM', 'age_10_17'],
        ...(Object.values(WARDS).map(({ code, name }) => [
          code,
          name,
          'E08000025',
          'Birmingham',
          1000,
        ]) as CellValue[][]),
      ],
    },
    {
      name: 'Schools',
      rows: [
        [
          'URN',
          'EstablishmentName',
          'PhaseOfEducation (name)',
          'EstablishmentStatus (name)',
          'NumberOfPupils',
          'Easting',
          'Northing',
        ],
        [100001, SCHOOL_NAMES['100001'], 'Secondary', 'Open', 1000, ...inside('W1', -300)],
        [100002, SCHOOL_NAMES['100002'], 'Secondary', 'Open', 800, ...inside('W2', -300)],
        [100003, SCHOOL_NAMES['100003'], 'Secondary', 'Open', 600, ...inside('W4', -300)],
        [100004, SCHOOL_NAMES['100004'], 'Primary', 'Open', 300, ...inside('W3', -300)],
        [100005, SCHOOL_NAMES['100005'], 'Secondary', 'Closed', 500, ...inside('W3', -350)],
      ],
    },
    { name: 'Offences', rows: offenceRows() },
    {
      name: 'Pupil residence',
      rows: [
        ['URN', 'Home ward code', 'Pupils'],
        [100001, WARDS.W1.code, 300],
        [100001, WARDS.W2.code, 100],
        [100001, WARDS.W3.code, 100],
        [100001, 'E05009999', 50],
      ],
    },
    {
      name: 'VRU list',
      rows: [
        ['URN', 'School name'],
        [100002, 'Hill Top School'],
        [100005, 'Old Road School'],
      ],
    },
  ];
  return { sheets };
}

/**
 * Default parameters with a threshold of 3 (so counts 1–2 are withheld) and few simulations, for
 * speed; young offenders attending are published (not the default) so the disclosure tests cover
 * the school table too (test/ranking/framing.test.ts covers the default, without them).
 */
export const SMALL_PARAMETERS: AnalysisParameters = {
  ...DEFAULT_PARAMETERS,
  threshold: 3,
  simulations: 200,
  showAttending: true,
};
