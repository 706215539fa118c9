import { type CellValue, type SheetData, type WorkbookData } from '../../src/core/types';

/**
 * A synthetic workbook whose ward counts sit either side of every switch the Wards sheet's
 * formulas mirror from core. Each ward is a 1 km square of a grid (British National Grid); each
 * offence has its own reference and lies inside its ward; each young offender lives in one ward.
 */
export interface WardSpec {
  readonly name: string;
  /** Distinct offences committed in the ward. */
  readonly offences: number;
  /** Distinct young offenders living in the ward. */
  readonly offenders: number;
  readonly population: number;
  readonly district: 'north' | 'south';
}

const DISTRICTS = {
  north: { code: 'E08000901', name: 'Northfold' },
  south: { code: 'E08000902', name: 'Southmere' },
} as const;

const GRID_COLUMNS = 6;
const ORIGIN = { x: 400000, y: 280000 } as const;

/**
 * The crafted wards (found with core's rateEstimate by iterating to a fixed point, then written
 * down): area offence rate exactly 10 per 1,000 (offences 692, young population 69,200) and
 * young offender rate exactly 5 (346 offenders), so a ward can tie each exactly. No count is 1–4,
 * so disclosure control withholds nothing and every ward's figures are live formulas.
 * - counts 0, 9, 10, 11 on both measures: either side of core's BYAR_THRESHOLD (exact below 10);
 * - 'Level Mead' ties both area rates (20 and 10 in 2,000): ratio 1, interval round the area rate;
 * - 'Upper Pair' 29 | 30 in 1,500: the over-dispersed flag turns Higher at 30 as the rate crosses
 *   the 95% funnel's upper limit, the Poisson flag already Higher at both (the funnel binds);
 * - 'Lower Pair' 21 | 22 in 5,000: Lower at 21, Similar at 22 as the rate crosses the lower limit
 *   (Poisson Lower at both);
 * - 'Small Pair' 8 | 9 in 300, 'Byar Pair' 19 | 20 in 1,000, 'Low Pair' 16 | 17 in 3,000: the
 *   Poisson flag at 99% turns Higher between 8 and 9 (exact interval), between 19 and 20 (Byar),
 *   and Lower → Similar between 16 and 17;
 * - 'Balance' makes the totals come out at those exact rates.
 */
export const SWITCH_WARDS: readonly WardSpec[] = (
  [
    ['Zero Fields', 0, 0, 800],
    ['Nine Elms', 9, 9, 1000],
    ['Ten Acres', 10, 10, 1000],
    ['Eleven Oaks', 11, 11, 1000],
    ['Level Mead', 20, 10, 2000],
    ['Ashby', 15, 6, 1200],
    ['Broadwell', 40, 20, 4000],
    ['Colton', 25, 14, 2500],
    ['Dorney', 18, 9, 1800],
    ['Eastcote', 35, 16, 2200],
    ['Fairholme', 12, 5, 1600],
    ['Greyfriars', 50, 22, 3000],
    ['Hatherley', 22, 11, 2400],
    ['Ingleby', 28, 15, 2600],
    ['Juniper Hill', 16, 8, 1400],
    ['Kingsmoor', 33, 17, 2800],
    ['Longacre', 24, 12, 2100],
    ['Millbrook', 19, 9, 1900],
    ['Northgate', 27, 13, 2300],
    ['Oldfield', 14, 7, 1300],
    ['Parkside', 26, 12, 2700],
    ['Upper Pair West', 29, 7, 1500],
    ['Upper Pair East', 30, 7, 1500],
    ['Lower Pair West', 21, 8, 5000],
    ['Lower Pair East', 22, 8, 5000],
    ['Small Pair West', 8, 6, 300],
    ['Small Pair East', 9, 6, 300],
    ['Byar Pair West', 19, 6, 1000],
    ['Byar Pair East', 20, 6, 1000],
    ['Low Pair West', 16, 6, 3000],
    ['Low Pair East', 17, 6, 3000],
    ['Balance', 47, 44, 6000],
  ] as const
).map(([name, offences, offenders, population], index) => ({
  name,
  offences,
  offenders,
  population,
  district: index % 2 === 0 ? 'north' : 'south',
}));

export const wardCode = (index: number): string => `E05900${String(index + 1).padStart(3, '0')}`;

function corner(index: number): { x: number; y: number } {
  return { x: ORIGIN.x + (index % GRID_COLUMNS) * 1000, y: ORIGIN.y + Math.floor(index / GRID_COLUMNS) * 1000 };
}

/** A distinct point well inside ward `index`, the `k`th of up to 6,400. */
function inside(index: number, k: number): [number, number] {
  const { x, y } = corner(index);
  return [x + 100 + (k % 80) * 10, y + 100 + Math.floor(k / 80) * 10];
}

const OFFENCE_HEADERS = [
  'Crime Number',
  'Offender ID',
  'Committed Date',
  'HO Offence Group',
  'Age at Offence',
  'Offence Easting',
  'Offence Northing',
  'Home Easting',
  'Home Northing',
];

/** Schools in six wards, all secondary and open, so the Schools, Sensitivity and Charts sheets have rows. */
const SCHOOLS: readonly { urn: number; name: string; ward: number; pupils: number }[] = [
  { urn: 190001, name: 'Ashcombe Academy', ward: 0, pupils: 1100 },
  { urn: 190002, name: 'Beacon High School', ward: 4, pupils: 900 },
  { urn: 190003, name: 'Cedar Park School', ward: 8, pupils: 1250 },
  { urn: 190004, name: 'Dunmore College', ward: 13, pupils: 800 },
  { urn: 190005, name: 'Elmfield School', ward: 19, pupils: 1000 },
  { urn: 190006, name: 'Foxhill Academy', ward: 24, pupils: 950 },
];

/**
 * The workbook for `wards`. Offenders are numbered ward by ward, each ward's `offenders` living in
 * it; offences are numbered ward by ward too, and offence k is committed by offender k mod (number
 * of offenders), so every offender has at least one offence (there are more offences than
 * offenders) and one home. Every counted row is in scope: aged 15, violence with injury, in 2023;
 * two more rows are left out, for the Method sheet's reconciliation.
 */
export function switchWorkbook(wards: readonly WardSpec[] = SWITCH_WARDS): WorkbookData {
  const totalOffences = wards.reduce((sum, ward) => sum + ward.offences, 0);
  const homes = wards.flatMap((ward, index) => Array.from({ length: ward.offenders }, () => index));
  if (homes.length > totalOffences) throw new Error('More offenders than offences: some would have no offence.');

  const offenceRows: CellValue[][] = [OFFENCE_HEADERS];
  let k = 0;
  wards.forEach((ward, index) => {
    for (let i = 0; i < ward.offences; i++, k++) {
      const offender = k % homes.length;
      const home = inside(homes[offender], 3000 + offender);
      const day = new Date(Date.UTC(2023, k % 12, 1 + (k % 28)));
      offenceRows.push([
        `SW${String(k + 1).padStart(5, '0')}`,
        `P${String(offender + 1).padStart(5, '0')}`,
        day,
        'Violence with injury',
        15,
        ...inside(index, i),
        ...home,
      ]);
    }
  });

  // Two rows the run leaves out (an age outside the band, an age that is not a number), so the
  // Method sheet's reconciliation has its SUM of excluded rows.
  offenceRows.push(
    [
      'SWX01',
      'PX01',
      new Date(Date.UTC(2023, 5, 1)),
      'Violence with injury',
      19,
      ...inside(0, 5000),
      ...inside(0, 5001),
    ],
    [
      'SWX02',
      'PX02',
      new Date(Date.UTC(2023, 6, 1)),
      'Violence with injury',
      'unknown',
      ...inside(0, 5002),
      ...inside(0, 5003),
    ],
  );

  const vertexRows: CellValue[][] = [['Ward code', 'Part', 'Ring', 'Order', 'Easting', 'Northing']];
  wards.forEach((_, index) => {
    const { x, y } = corner(index);
    const corners: [number, number][] = [
      [x, y],
      [x + 1000, y],
      [x + 1000, y + 1000],
      [x, y + 1000],
    ];
    corners.forEach(([e, n], order) => vertexRows.push([wardCode(index), 1, 0, order + 1, e, n]));
  });

  const sheets: SheetData[] = [
    { name: 'Ward boundaries', rows: vertexRows },
    {
      name: 'Wards',
      rows: [
        ['WD22CD', 'WD22NM', 'LAD_CD', 'LAD_NM', 'age_10_17'],
        ...wards.map((ward, index): CellValue[] => [
          wardCode(index),
          ward.name,
          DISTRICTS[ward.district].code,
          DISTRICTS[ward.district].name,
          ward.population,
        ]),
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
        ...SCHOOLS.map((school): CellValue[] => [
          school.urn,
          school.name,
          'Secondary',
          'Open',
          school.pupils,
          ...inside(school.ward, 6000),
        ]),
      ],
    },
    { name: 'Offences', rows: offenceRows },
  ];
  return { sheets };
}
