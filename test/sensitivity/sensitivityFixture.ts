import {
  DEFAULT_PARAMETERS,
  type AnalysisParameters,
  type CellValue,
  type SheetData,
  type WorkbookData,
} from '../../src/core/types';

/**
 * A generated workbook on which every sensitivity scenario can run: nine 1 km wards in a 3 × 3 grid
 * with single-year populations for ages 10–17, eight secondary schools (three with pupil home
 * wards), and 700 offences over two calendar years (2022–2023) with hot wards that shift between
 * the years, ages spread over the band. Deterministic (a fixed linear congruential stream).
 */
const WARD_COUNT = 9;
const wardCode = (w: number): string => `E0510000${w}`;
const corner = (w: number): [number, number] => [400000 + (w % 3) * 1000, 280000 + Math.floor(w / 3) * 1000];

function stream(seed: number): () => number {
  let state = seed;
  return () => (state = (state * 48271) % 2147483647) / 2147483647;
}

function vertexRows(): CellValue[][] {
  const rows: CellValue[][] = [['Ward code', 'Part', 'Ring', 'Order', 'Easting', 'Northing']];
  for (let w = 0; w < WARD_COUNT; w++) {
    const [x, y] = corner(w);
    [
      [x, y],
      [x + 1000, y],
      [x + 1000, y + 1000],
      [x, y + 1000],
    ].forEach(([e, n], i) => rows.push([wardCode(w), 1, 0, i + 1, e, n]));
  }
  return rows;
}

/** An IMD score per ward (higher = more deprived), all different, for the deprivation check. */
export const IMD_SCORES: readonly number[] = [30.5, 12.25, 40.75, 18, 35.5, 22.25, 15.5, 28, 45.25];
export const IMD_HEADER = 'IMD 2019 average score';

function wardRows(deprivation: boolean): CellValue[][] {
  const ages = Array.from({ length: 8 }, (_, i) => 10 + i);
  return [
    ['WD22CD', 'WD22NM', 'LAD_CD', 'LAD_NM', ...ages.map((age) => `Age ${age}`), ...(deprivation ? [IMD_HEADER] : [])],
    ...Array.from({ length: WARD_COUNT }, (_, w) => [
      wardCode(w),
      `Ward ${w}`,
      'E08000025',
      'Birmingham',
      ...ages.map((age) => 90 + 11 * w + 5 * (age - 10)),
      ...(deprivation ? [IMD_SCORES[w]] : []),
    ]),
  ];
}

const SCHOOLS: readonly [number, number, number, number][] = [
  // URN, pupils, easting, northing
  [300001, 1200, 400300, 280300],
  [300002, 900, 401500, 280400],
  [300003, 700, 402600, 280500],
  [300004, 1000, 400500, 281500],
  [300005, 600, 401400, 281600],
  [300006, 800, 402500, 281400],
  [300007, 1100, 400600, 282600],
  [300008, 500, 402400, 282500],
];

function residenceRows(): CellValue[][] {
  return [
    ['URN', 'Home ward code', 'Pupils'],
    [300001, wardCode(0), 500],
    [300001, wardCode(1), 300],
    [300001, wardCode(3), 250],
    [300005, wardCode(4), 200],
    [300005, wardCode(5), 150],
    [300005, wardCode(8), 120],
    [300008, wardCode(8), 260],
    [300008, wardCode(7), 120],
    [300008, wardCode(5), 60],
  ];
}

/** Offence wards weighted towards 0 and 4 in 2022, towards 8 and 2 in 2023. */
function offenceRows(): CellValue[][] {
  const random = stream(20231);
  const weights = (year: number): number[] =>
    Array.from(
      { length: WARD_COUNT },
      (_, w) => 1 + (year === 2022 ? (w === 0 ? 5 : w === 4 ? 3 : 0) : w === 8 ? 5 : w === 2 ? 3 : 0),
    );
  const pick = (ws: number[]): number => {
    let u = random() * ws.reduce((a, b) => a + b, 0);
    for (let w = 0; w < ws.length; w++) if ((u -= ws[w]) < 0) return w;
    return ws.length - 1;
  };
  const inside = (w: number): [number, number] => {
    const [x, y] = corner(w);
    return [x + 50 + Math.floor(random() * 900), y + 50 + Math.floor(random() * 900)];
  };
  const rows: CellValue[][] = [
    [
      'Crime Number',
      'Offender ID',
      'Committed Date',
      'HO Offence Group',
      'Age at Offence',
      'Offence Easting',
      'Offence Northing',
      'Home Easting',
      'Home Northing',
    ],
  ];
  for (let i = 0; i < 700; i++) {
    const year = i < 350 ? 2022 : 2023;
    const day = new Date(Date.UTC(year, 0, 1 + Math.floor(random() * 365)));
    const ward = pick(weights(year));
    const home = random() < 0.7 ? ward : pick(weights(year));
    rows.push([
      `C${i}`,
      `O${i % 400}`,
      day,
      'Violence with injury',
      10 + Math.floor(random() * 8),
      ...inside(ward),
      ...inside(home),
    ]);
  }
  return rows;
}

export function sensitivityWorkbook(options: { readonly deprivation?: boolean } = {}): WorkbookData {
  const sheets: SheetData[] = [
    { name: 'Ward boundaries', rows: vertexRows() },
    { name: 'Wards', rows: wardRows(options.deprivation ?? false) },
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
        ...SCHOOLS.map(([urn, pupils, e, n]) => [urn, `School ${urn}`, 'Secondary', 'Open', pupils, e, n]),
      ],
    },
    { name: 'Offences', rows: offenceRows() },
    { name: 'Pupil residence', rows: residenceRows() },
  ];
  return { sheets };
}

/** Nothing withheld (threshold 1), so every figure is the true count and scenario runs compare exactly; a top group of 3. */
export const SENSITIVITY_PARAMETERS: AnalysisParameters = {
  ...DEFAULT_PARAMETERS,
  threshold: 1,
  topN: 3,
  simulations: 20,
};

export const fixtureWardCode = wardCode;
