/**
 * A seeded generator of a realistic police-style input workbook for end-to-end tests: square wards
 * on a British National Grid-like range (so point-in-ward is arithmetic), a wards sheet of
 * single-year-of-age populations under a title naming the year, a GIAS-shaped schools sheet, an
 * offences sheet of one row per offence AND offender (co-offending, exact duplicates, violent and
 * non-violent types, a local code, Excel error cells, impossible dates, ages in and out of 10–17),
 * a pupil residence sheet for some schools, a loosely written current list and a ward vertex sheet.
 *
 * Everything planted is recorded (`RealisticExtract`), cell by cell as written, so that the
 * expected-figure calculator (expectedFigures.ts) can work out every published count a second way,
 * without the product's code. Deterministic from `seed` (and `today`, which only dates the one
 * "future" offence).
 */
import type { CellValue } from '../../../src/core/types';
import { prng, type Prng } from './prng';

/** A cell as planted: a plain value, or an Excel error cell (written as a real error value). */
export type PlantedCell = CellValue | { readonly error: string };

/** A sheet as planted: `rows[0]` is worksheet row 1. */
export interface PlantedSheet {
  readonly name: string;
  readonly rows: PlantedCell[][];
  /** Worksheet row number of the header. */
  readonly headerRow: number;
}

/** The grid of square wards: 5 columns × 4 rows of 2 km squares from (400000, 280000). */
export const GRID = { originEasting: 400000, originNorthing: 280000, wardMetres: 2000, columns: 5, rows: 4 } as const;

/** The study area's bounding box. */
export const STUDY_BOX = {
  minEasting: GRID.originEasting,
  minNorthing: GRID.originNorthing,
  maxEasting: GRID.originEasting + GRID.columns * GRID.wardMetres,
  maxNorthing: GRID.originNorthing + GRID.rows * GRID.wardMetres,
} as const;

/** Ages the wards sheet has single-year columns for. */
export const POPULATION_AGES = { from: 5, to: 35 } as const;

/** The offences' date range (the 2023/24 financial year). */
export const OFFENCE_PERIOD = { from: new Date(Date.UTC(2023, 3, 1)), to: new Date(Date.UTC(2024, 2, 31)) } as const;

export interface PlantedWard {
  readonly code: string;
  readonly name: string;
  readonly district: string;
  readonly minEasting: number;
  readonly minNorthing: number;
  readonly maxEasting: number;
  readonly maxNorthing: number;
  /** Young residents by single year of age (POPULATION_AGES). */
  readonly population: Readonly<Record<number, number>>;
}

const WARD_NAMES = [
  'Ashby Green',
  'Barrow Hill',
  'Calder Park',
  'Dunmore',
  'Elmstead',
  'Foxley',
  'Greywell',
  'Hartfield',
  'Ivybridge East',
  'Juniper Vale',
  'Kestrel Moor',
  'Linwood',
  'Marshgate',
  'Netherby',
  'Oldcastle',
  'Pennfold',
  'Quarry Bank',
  'Rookwood',
  'Saltmarsh',
  'Thornbury Heath',
];

/** Hotspot weights of the 20 wards (where offences happen): a few busy wards, a few quiet ones. */
const OFFENCE_WEIGHTS = [1.2, 3.5, 1, 0.3, 1.5, 5, 1, 0.2, 2, 1, 0.8, 4, 1.2, 0.3, 1.6, 0.15, 2.5, 1, 0.6, 1.8];

/** How each planted offence type should be read (the Home Office groups: violence is counted by default). */
export type OffenceTypeKind = 'violence' | 'notViolence' | 'unrecognised';

/** The offence types of the extract, as a police export writes them, with what each is. */
export const OFFENCE_TYPES: readonly {
  readonly text: string;
  readonly kind: OffenceTypeKind;
  readonly weight: number;
}[] = [
  { text: 'Violence with injury', kind: 'violence', weight: 30 },
  { text: 'Violence without injury', kind: 'violence', weight: 26 },
  { text: 'Stalking and harassment', kind: 'violence', weight: 6 },
  { text: 'Robbery of personal property', kind: 'violence', weight: 12 },
  { text: 'Possession of weapons offences', kind: 'violence', weight: 8 },
  { text: 'Shoplifting', kind: 'notViolence', weight: 9 },
  { text: 'Criminal damage', kind: 'notViolence', weight: 6 },
  { text: 'Burglary - residential', kind: 'notViolence', weight: 4 },
  { text: 'Vehicle crime', kind: 'notViolence', weight: 3 },
  { text: 'Local code RX4', kind: 'unrecognised', weight: 2 },
];

export const UNRECOGNISED_TYPE = 'Local code RX4';
const VIOLENT_TYPES = OFFENCE_TYPES.filter((t) => t.kind === 'violence');
const NON_VIOLENT_TYPES = OFFENCE_TYPES.filter((t) => t.kind === 'notViolence');

/** What a planted offence type text is, from the catalogue above (undefined for an error or blank cell). */
export function plantedTypeKind(text: string): OffenceTypeKind | undefined {
  const key = text.trim().toLowerCase();
  return OFFENCE_TYPES.find((t) => t.text.toLowerCase() === key)?.kind;
}

export interface PlantedSchool {
  readonly urn: string;
  readonly name: string;
  readonly type: string;
  readonly status: string;
  readonly phase: string;
  readonly lowAge: number;
  readonly highAge: number;
  /** NumberOfPupils as written (null = blank). */
  readonly pupils: PlantedCell;
  readonly easting: number;
  readonly northing: number;
}

/**
 * The schools sheet (GIAS shape). Secondary and all-through schools are ranked by default; the
 * primary is another phase; Westgate is closed; Oakwood's pupil count is blank and Redhill's is 0
 * (pupils unknown: ranked only with an observed catchment).
 */
export const SCHOOLS: readonly PlantedSchool[] = [
  {
    urn: '140001',
    name: 'Ashgrove Academy',
    type: 'Academy converter',
    status: 'Open',
    phase: 'Secondary',
    lowAge: 11,
    highAge: 18,
    pupils: 1180,
    easting: 401300,
    northing: 281200,
  },
  {
    urn: '140002',
    name: 'Brookfield School',
    type: 'Community school',
    status: 'Open',
    phase: 'Secondary',
    lowAge: 11,
    highAge: 16,
    pupils: 940,
    easting: 403100,
    northing: 283400,
  },
  {
    urn: '140003',
    name: 'Cedar Park High School',
    type: 'Foundation school',
    status: 'Open',
    phase: 'Secondary',
    lowAge: 11,
    highAge: 16,
    pupils: 1210,
    easting: 405500,
    northing: 281700,
  },
  {
    urn: '140004',
    name: 'Hollybank Academy',
    type: 'Academy sponsor led',
    status: 'Open',
    phase: 'Secondary',
    lowAge: 11,
    highAge: 18,
    pupils: 820,
    easting: 407300,
    northing: 285100,
  },
  {
    urn: '140005',
    name: "St. Alban's C of E Academy",
    type: 'Academy converter',
    status: 'Open',
    phase: 'Secondary',
    lowAge: 11,
    highAge: 18,
    pupils: 1010,
    easting: 409100,
    northing: 287200,
  },
  {
    urn: '140006',
    name: 'Oakwood School',
    type: 'Community school',
    status: 'Open',
    phase: 'Secondary',
    lowAge: 11,
    highAge: 16,
    pupils: null,
    easting: 401700,
    northing: 286500,
  },
  {
    urn: '140007',
    name: 'Redhill Community College',
    type: 'Voluntary aided school',
    status: 'Open',
    phase: 'Secondary',
    lowAge: 11,
    highAge: 16,
    pupils: 0,
    easting: 404900,
    northing: 286900,
  },
  {
    urn: '140008',
    name: 'Meadowbank All-Through School',
    type: 'Free schools',
    status: 'Open',
    phase: 'All-through',
    lowAge: 4,
    highAge: 18,
    pupils: 1490,
    easting: 406500,
    northing: 283300,
  },
  {
    urn: '140009',
    name: 'Fernlea Primary School',
    type: 'Community school',
    status: 'Open',
    phase: 'Primary',
    lowAge: 4,
    highAge: 11,
    pupils: 410,
    easting: 402500,
    northing: 285500,
  },
  {
    urn: '140010',
    name: 'Westgate School',
    type: 'Community school',
    status: 'Closed',
    phase: 'Secondary',
    lowAge: 11,
    highAge: 16,
    pupils: 600,
    easting: 408500,
    northing: 281500,
  },
  {
    urn: '140011',
    name: 'Harrowfield Academy',
    type: 'Academy converter',
    status: 'Open',
    phase: 'Secondary',
    lowAge: 11,
    highAge: 18,
    pupils: 905,
    easting: 409300,
    northing: 283900,
  },
  {
    urn: '140012',
    name: 'Larchmere School',
    type: 'Foundation school',
    status: 'Open',
    phase: 'Secondary',
    lowAge: 11,
    highAge: 16,
    pupils: 1050,
    easting: 403900,
    northing: 280700,
  },
];

/** A current-list entry as the VRU typed it, and the URN it should match (null: none). */
export interface PlantedListEntry {
  readonly text: string;
  readonly urn: string | null;
}

/** The VRU's list, loosely written: capitals, 'Sch' and 'Acad', 'Saint'/'CE', a leading 'The', one unknown school, one typo (a fuzzy match). */
export const CURRENT_LIST: readonly PlantedListEntry[] = [
  { text: 'ASHGROVE ACADEMY', urn: '140001' },
  { text: 'Brookfield Sch', urn: '140002' },
  { text: 'The Hollybank Academy', urn: '140004' },
  { text: 'Saint Albans CE Acad', urn: '140005' },
  { text: 'Oakwood Sch', urn: '140006' },
  { text: 'Redhill Community College', urn: '140007' },
  { text: 'Zephyr Heights Studio', urn: null },
  { text: 'Harowfield Academy', urn: '140011' },
];

/** Faults planted in the offences sheet: how many rows of each, each its own offence with only that fault. */
export interface OffenceFaultPlan {
  /** Offender reference blank: excluded ('missingValue'). */
  readonly missingOffenderRef: number;
  /** Age blank: excluded ('missingValue'). */
  readonly missingAge: number;
  /** Offender reference '#N/A' (an error cell), then '#REF!' (typed as text), alternately: excluded ('excelError'). */
  readonly errorOffenderRef: number;
  /** Offence type '#N/A': excluded ('excelError'). */
  readonly errorType: number;
  /** Offence reference '#N/A': kept, an offence of its own. */
  readonly errorOffenceRef: number;
  /** Offence reference blank: kept, an offence of its own. */
  readonly blankOffenceRef: number;
  /** Date written as words: excluded ('notADate'). */
  readonly notADate: number;
  /** Date 1899-12-30 (a zero date cell): excluded ('dateImplausible'). */
  readonly epochDate: number;
  /** A time of day with no date (1899-12-30 10:30): excluded ('dateImplausible'). */
  readonly timeOnlyDate: number;
  /** A date after the run date: excluded ('dateImplausible'). */
  readonly futureDate: number;
  /** Age 130: excluded ('ageImpossible'). */
  readonly impossibleAge: number;
  /** Age 'unknown': excluded ('notANumber'). */
  readonly textAge: number;
  /** Exact copies of earlier rows: excluded ('duplicateRow'). */
  readonly duplicates: number;
  /** Offence easting 0: excluded ('badCoordinate'). */
  readonly badOffenceCoordinate: number;
  /** Home northing 2,000,000 (off the grid): excluded ('badCoordinate'). */
  readonly badHomeCoordinate: number;
  /** Single-offender offences aged 8, 9, 18, 19 or 20: not counted ('ageOutsideBand'). */
  readonly ageOutsideBand: number;
  /** Single-offender offences of a non-violent type: not counted ('offenceTypeOutOfScope'). */
  readonly notViolence: number;
  /** Single-offender offences of the local code: not counted ('offenceTypeUnclassified'). */
  readonly unrecognised: number;
  /** Single-offender offences dated in 2022 or in June 2024, outside OFFENCE_PERIOD (in scope unless a window is given). */
  readonly outsideWindow: number;
  /** Single-offender offences located 1–3 km outside the study area: in scope, in no ward. */
  readonly outsideArea: number;
  /** Entirely blank rows among the data (skipped and counted apart). */
  readonly blankRows: number;
}

export const NO_FAULTS: OffenceFaultPlan = {
  missingOffenderRef: 0,
  missingAge: 0,
  errorOffenderRef: 0,
  errorType: 0,
  errorOffenceRef: 0,
  blankOffenceRef: 0,
  notADate: 0,
  epochDate: 0,
  timeOnlyDate: 0,
  futureDate: 0,
  impossibleAge: 0,
  textAge: 0,
  duplicates: 0,
  badOffenceCoordinate: 0,
  badHomeCoordinate: 0,
  ageOutsideBand: 0,
  notViolence: 0,
  unrecognised: 0,
  outsideWindow: 0,
  outsideArea: 0,
  blankRows: 0,
};

/** The realistic extract's faults: a few of each. */
export const REALISTIC_FAULTS: OffenceFaultPlan = {
  missingOffenderRef: 1,
  missingAge: 1,
  errorOffenderRef: 2,
  errorType: 1,
  errorOffenceRef: 2,
  blankOffenceRef: 3,
  notADate: 1,
  epochDate: 1,
  timeOnlyDate: 1,
  futureDate: 1,
  impossibleAge: 1,
  textAge: 1,
  duplicates: 4,
  badOffenceCoordinate: 1,
  badHomeCoordinate: 1,
  ageOutsideBand: 0,
  notViolence: 0,
  unrecognised: 0,
  outsideWindow: 0,
  outsideArea: 3,
  blankRows: 2,
};

export type OffenceFault = Exclude<keyof OffenceFaultPlan, 'blankRows'>;

/** One planted offences row: the cells as written, and what the generator meant by it. */
export interface PlantedOffenceRow {
  /** Worksheet row number. */
  readonly row: number;
  readonly crimeRef: PlantedCell;
  readonly offenderRef: PlantedCell;
  readonly date: PlantedCell;
  readonly type: PlantedCell;
  readonly age: PlantedCell;
  readonly offenceEasting: PlantedCell;
  readonly offenceNorthing: PlantedCell;
  readonly homeEasting: PlantedCell;
  readonly homeNorthing: PlantedCell;
  readonly weapon: PlantedCell;
  /** The school the offender attends (URN), where the police recorded it. */
  readonly schoolUrn: PlantedCell;
  /** The fault planted on this row, or null for an ordinary row. */
  readonly fault: OffenceFault | null;
  /** Row number of the row this one copies (duplicates only). */
  readonly copyOf?: number;
}

export const OFFENCE_HEADERS = [
  'Crime Reference',
  'Nominal ID',
  'Committed Date',
  'Offence Type',
  'Age at Offence',
  'Offence Easting',
  'Offence Northing',
  'Home Easting',
  'Home Northing',
  'Weapon Flag',
  'School URN',
] as const;

/** Schools an offender may be recorded as attending: the secondary and all-through schools that are ranked, and one URN in no schools sheet. */
const ATTENDED_URNS = ['140001', '140002', '140003', '140004', '140005', '140006', '140008', '140011', '140012'];
export const UNKNOWN_ATTENDED_URN = '149998';

export interface ResidenceRow {
  readonly row: number;
  readonly urn: string;
  readonly wardCode: string;
  readonly pupils: number;
}

export interface RealisticExtractOptions {
  readonly seed: number;
  /** Ordinary offences (crimes) before the faults; each has one to three offenders. Default 150. */
  readonly crimes?: number;
  /** 'realistic': types from the whole catalogue and some ages outside 10–17; 'clean': violent types, ages 10–17 only. Default 'realistic'. */
  readonly mix?: 'realistic' | 'clean';
  readonly faults?: Partial<OffenceFaultPlan>;
  /** The run date: the "future" offence date is 60 days after it. Default now. */
  readonly today?: Date;
  /** Schools with pupil residence rows. Default Ashgrove, Brookfield, Oakwood (blank pupils) and Westgate (closed). */
  readonly residenceFor?: readonly string[];
  /** Leave out the pupil residence sheet. */
  readonly withoutResidence?: boolean;
  /** NumberOfPupils overrides by URN. */
  readonly pupils?: Readonly<Record<string, PlantedCell>>;
  /** Multiplies every population cell (0 gives a wards sheet of zeros). Default 1. */
  readonly populationScale?: number;
  /** Wards whose every population cell is 0 (a city-centre ward of offices and shops). */
  readonly zeroPopulationWards?: readonly string[];
  /** Population headers: 'Age 10' (default) or ONS-style 'age_10'. */
  readonly ageHeaders?: 'Age N' | 'age_N';
}

export interface RealisticExtract {
  readonly seed: number;
  readonly today: Date;
  readonly wards: readonly PlantedWard[];
  readonly schools: readonly PlantedSchool[];
  readonly offences: readonly PlantedOffenceRow[];
  /** Worksheet rows of the offences sheet left entirely blank. */
  readonly blankOffenceRows: readonly number[];
  readonly residence: readonly ResidenceRow[];
  readonly currentList: readonly PlantedListEntry[];
  /** The sheets, in workbook order; tests may append rows before writing. */
  readonly sheets: {
    readonly offences: PlantedSheet;
    readonly schools: PlantedSheet;
    readonly wards: PlantedSheet;
    readonly residence?: PlantedSheet;
    readonly currentList: PlantedSheet;
    readonly boundaries: PlantedSheet;
  };
  /** The same boundaries as GeoJSON (British National Grid), for `--boundaries`. */
  readonly geojson: unknown;
}

export const DEFAULT_RESIDENCE_FOR = ['140001', '140002', '140006', '140010'] as const;

const DAY_MS = 86_400_000;

/** A day as text, the way a CSV-born sheet holds it: '05/11/2023'. */
function ddmmyyyy(date: Date): string {
  return `${String(date.getUTCDate()).padStart(2, '0')}/${String(date.getUTCMonth() + 1).padStart(2, '0')}/${date.getUTCFullYear()}`;
}

function wardGrid(random: Prng, scale: number): PlantedWard[] {
  const wards: PlantedWard[] = [];
  for (let row = 0; row < GRID.rows; row += 1) {
    for (let col = 0; col < GRID.columns; col += 1) {
      const index = row * GRID.columns + col;
      const population: Record<number, number> = {};
      const size = random.int(70, 150);
      for (let age = POPULATION_AGES.from; age <= POPULATION_AGES.to; age += 1)
        population[age] = Math.round((size + random.int(-15, 15)) * scale);
      wards.push({
        code: `E0500${9001 + index}`,
        name: WARD_NAMES[index],
        district: row < 2 ? 'Northfield' : 'Southmoor',
        minEasting: GRID.originEasting + col * GRID.wardMetres,
        minNorthing: GRID.originNorthing + row * GRID.wardMetres,
        maxEasting: GRID.originEasting + (col + 1) * GRID.wardMetres,
        maxNorthing: GRID.originNorthing + (row + 1) * GRID.wardMetres,
        population,
      });
    }
  }
  return wards;
}

/** A whole-metre point inside a ward, at least 50 m from its edges. */
function pointIn(random: Prng, ward: PlantedWard): [number, number] {
  return [
    random.int(ward.minEasting + 50, ward.maxEasting - 50),
    random.int(ward.minNorthing + 50, ward.maxNorthing - 50),
  ];
}

/** A whole-metre point 1–3 km outside the study area (west or south of it). */
function pointOutside(random: Prng): [number, number] {
  const gap = random.int(1000, 3000);
  return random.chance(0.5)
    ? [STUDY_BOX.minEasting - gap, random.int(STUDY_BOX.minNorthing, STUDY_BOX.maxNorthing)]
    : [random.int(STUDY_BOX.minEasting, STUDY_BOX.maxEasting), STUDY_BOX.minNorthing - gap];
}

function dayIn(random: Prng, from: Date, to: Date): Date {
  const days = Math.round((to.getTime() - from.getTime()) / DAY_MS);
  return new Date(from.getTime() + random.int(0, days) * DAY_MS);
}

/** Half the offences carry a time of day, as a 'Committed Date' export often does. */
function withTime(random: Prng, day: Date): Date {
  return random.chance(0.5)
    ? new Date(day.getTime() + random.int(8, 22) * 3_600_000 + random.int(0, 3) * 15 * 60_000)
    : day;
}

interface Offender {
  readonly ref: string;
  readonly age: number;
  readonly home: [number, number];
  /** A later home, used for offences after `movedOn`. */
  readonly newHome?: [number, number];
  readonly movedOn?: Date;
  /** The school attended, or null when the police never recorded one. */
  readonly school: string | null;
  readonly days: Set<number>;
}

/** Generates the extract. Pure: the same options give the same extract. */
export function generateRealisticExtract(options: RealisticExtractOptions): RealisticExtract {
  const random = prng(options.seed);
  const today = options.today ?? new Date();
  const mix = options.mix ?? 'realistic';
  const plan: OffenceFaultPlan = { ...(mix === 'realistic' ? REALISTIC_FAULTS : NO_FAULTS), ...options.faults };
  const crimeCount = options.crimes ?? 150;
  const wards = wardGrid(random, options.populationScale ?? 1).map((ward) =>
    options.zeroPopulationWards?.includes(ward.code)
      ? { ...ward, population: Object.fromEntries(Object.keys(ward.population).map((age) => [age, 0])) }
      : ward,
  );
  const offenceWeights = OFFENCE_WEIGHTS;
  const homeWeights = OFFENCE_WEIGHTS.map((w) => 0.5 + w);

  // Offenders: a pool smaller than the rows, so some offend more than once; a few move home, a few live outside the area.
  const refs = new Set<string>();
  const freshRef = (): string => {
    for (;;) {
      const ref = `P${random.int(0x1000000, 0xfffffff).toString(16).toUpperCase()}`;
      if (!refs.has(ref)) {
        refs.add(ref);
        return ref;
      }
    }
  };
  const youngAge = (): number => random.int(10, 17);
  const anyAge = (): number =>
    mix === 'clean' || random.chance(0.85) ? youngAge() : random.pick([8, 9, 18, 19, 20, 21]);
  const homeOf = (): [number, number] =>
    mix === 'realistic' && random.chance(0.05)
      ? pointOutside(random)
      : pointIn(random, wards[random.weighted(homeWeights)]);
  const pool: Offender[] = Array.from({ length: Math.max(1, Math.round(crimeCount * 0.9)) }, () => {
    const moves = random.chance(0.12);
    const age = anyAge();
    const school =
      mix === 'realistic' && age >= 11 && age <= 16 && random.chance(0.6)
        ? random.chance(0.04)
          ? UNKNOWN_ATTENDED_URN
          : random.pick(ATTENDED_URNS)
        : null;
    return {
      ref: freshRef(),
      age,
      school,
      home: homeOf(),
      ...(moves
        ? {
            newHome: pointIn(random, wards[random.weighted(homeWeights)]),
            movedOn: dayIn(random, OFFENCE_PERIOD.from, OFFENCE_PERIOD.to),
          }
        : {}),
      days: new Set<number>(),
    };
  });

  const crimeRef = (n: number): string => `CR23/${String(4100 + n * 7).padStart(6, '0')}`;
  let crimeNumber = 0;
  type Draft = Omit<PlantedOffenceRow, 'row' | 'copyOf'> & { copyOf?: Draft };
  const drafts: Draft[] = [];
  const homeOn = (offender: Offender, date: Date): [number, number] =>
    offender.newHome && offender.movedOn && date.getTime() >= offender.movedOn.getTime()
      ? offender.newHome
      : offender.home;
  const typeText = (): string =>
    (mix === 'clean'
      ? VIOLENT_TYPES[random.weighted(VIOLENT_TYPES.map((t) => t.weight))]
      : OFFENCE_TYPES[random.weighted(OFFENCE_TYPES.map((t) => t.weight))]
    ).text;
  const weaponFor = (type: string): string => (plantedTypeKind(type) === 'violence' && random.chance(0.2) ? 'Y' : 'N');

  // Ordinary crimes: one to three offenders each, sharing the crime's reference, date, type and location.
  for (let i = 0; i < crimeCount; i += 1) {
    const ref = crimeRef(crimeNumber++);
    const type = typeText();
    const size = random.weighted([80, 15, 5]) + 1;
    const offenders: Offender[] = [];
    let date = withTime(random, dayIn(random, OFFENCE_PERIOD.from, OFFENCE_PERIOD.to));
    for (let attempt = 0; offenders.length < size && attempt < 50; attempt += 1) {
      const candidate = random.pick(pool);
      if (offenders.includes(candidate)) continue;
      const day = Math.floor(date.getTime() / DAY_MS);
      // An offender has at most one offence a day, so "latest home" never rests on a tie.
      if (candidate.days.has(day)) {
        if (offenders.length === 0) date = withTime(random, dayIn(random, OFFENCE_PERIOD.from, OFFENCE_PERIOD.to));
        continue;
      }
      offenders.push(candidate);
    }
    const day = Math.floor(date.getTime() / DAY_MS);
    for (const offender of offenders) offender.days.add(day);
    // Most offences happen near the first offender's home, the rest in the busy wards.
    const homeWard = wardOfPoint(wards, ...homeOn(offenders[0], date));
    const ward = homeWard && random.chance(0.4) ? homeWard : wards[random.weighted(offenceWeights)];
    const [easting, northing] = pointIn(random, ward);
    const weapon = weaponFor(type);
    offenders.forEach((offender, index) => {
      const [homeEasting, homeNorthing] = homeOn(offender, date);
      // Export quirks of the realistic mix: a date typed as text (dd/mm/yyyy), an age stored as
      // text, a co-offender's reference keyed with a stray trailing space.
      const dateCell: PlantedCell =
        mix === 'realistic' && date.getTime() % DAY_MS === 0 && random.chance(0.15) ? ddmmyyyy(date) : date;
      const ageCell: PlantedCell = mix === 'realistic' && random.chance(0.08) ? String(offender.age) : offender.age;
      const refCell: PlantedCell = mix === 'realistic' && index > 0 && random.chance(0.3) ? `${ref} ` : ref;
      // The school is on most of the attending offender's rows, not all.
      const schoolUrn: PlantedCell = offender.school !== null && random.chance(0.85) ? Number(offender.school) : null;
      drafts.push({
        crimeRef: refCell,
        offenderRef: offender.ref,
        date: dateCell,
        type,
        age: ageCell,
        offenceEasting: easting,
        offenceNorthing: northing,
        homeEasting,
        homeNorthing,
        weapon,
        schoolUrn,
        fault: null,
      });
    });
  }

  // Faults: each a single-offender offence of its own, clean but for the one fault.
  const faultRows: Draft[] = [];
  const cleanRow = (fault: OffenceFault): Draft => {
    const date = withTime(random, dayIn(random, OFFENCE_PERIOD.from, OFFENCE_PERIOD.to));
    const [easting, northing] = pointIn(random, wards[random.weighted(offenceWeights)]);
    const [homeEasting, homeNorthing] = pointIn(random, wards[random.weighted(homeWeights)]);
    const type = VIOLENT_TYPES[random.weighted(VIOLENT_TYPES.map((t) => t.weight))].text;
    return {
      crimeRef: crimeRef(crimeNumber++),
      offenderRef: freshRef(),
      date,
      type,
      age: youngAge(),
      offenceEasting: easting,
      offenceNorthing: northing,
      homeEasting,
      homeNorthing,
      weapon: 'N',
      schoolUrn: null,
      fault,
    };
  };
  let errorCells = 0;
  const futureDay = new Date(Math.floor(today.getTime() / DAY_MS) * DAY_MS + 60 * DAY_MS);
  const faultCells: Record<Exclude<OffenceFault, 'duplicates'>, (row: Draft) => Partial<Draft>> = {
    missingOffenderRef: () => ({ offenderRef: null }),
    missingAge: () => ({ age: null }),
    // A real error cell, then an error typed as text (as a CSV round trip leaves it): both hold no value.
    errorOffenderRef: () => ({ offenderRef: errorCells++ % 2 === 0 ? { error: '#N/A' } : '#REF!' }),
    errorType: () => ({ type: { error: '#N/A' } }),
    errorOffenceRef: () => ({ crimeRef: { error: '#N/A' } }),
    blankOffenceRef: () => ({ crimeRef: null }),
    notADate: () => ({ date: 'not recorded' }),
    epochDate: () => ({ date: new Date(Date.UTC(1899, 11, 30)) }),
    timeOnlyDate: () => ({ date: new Date(Date.UTC(1899, 11, 30, 10, 30)) }),
    futureDate: () => ({ date: futureDay }),
    impossibleAge: () => ({ age: 130 }),
    textAge: () => ({ age: 'unknown' }),
    badOffenceCoordinate: () => ({ offenceEasting: 0 }),
    badHomeCoordinate: () => ({ homeNorthing: 2_000_000 }),
    ageOutsideBand: () => ({ age: random.pick([8, 9, 18, 19, 20]) }),
    notViolence: () => {
      const type = NON_VIOLENT_TYPES[random.weighted(NON_VIOLENT_TYPES.map((t) => t.weight))].text;
      return { type };
    },
    unrecognised: () => ({ type: UNRECOGNISED_TYPE }),
    outsideWindow: () => ({
      date: random.chance(0.5)
        ? dayIn(random, new Date(Date.UTC(2022, 9, 1)), new Date(Date.UTC(2022, 11, 31)))
        : dayIn(random, new Date(Date.UTC(2024, 5, 1)), new Date(Date.UTC(2024, 5, 30))),
    }),
    outsideArea: () => {
      const [offenceEasting, offenceNorthing] = pointOutside(random);
      return { offenceEasting, offenceNorthing };
    },
  };
  for (const fault of Object.keys(faultCells) as (keyof typeof faultCells)[]) {
    for (let i = 0; i < plan[fault]; i += 1) {
      const row = cleanRow(fault);
      faultRows.push({ ...row, ...faultCells[fault](row) });
    }
  }
  // Police exports come sorted by crime reference, not by fault: scatter the faults among the rest.
  const all = [...drafts];
  for (const row of faultRows) all.splice(random.int(0, all.length), 0, row);
  // Exact duplicates: a later copy of an ordinary row with a crime reference.
  for (let i = 0; i < plan.duplicates; i += 1) {
    const originals = all.filter((row) => row.fault === null && typeof row.crimeRef === 'string');
    if (originals.length === 0) break;
    const original = originals[random.int(0, originals.length - 1)];
    const at = all.indexOf(original);
    all.splice(random.int(at + 1, all.length), 0, { ...original, fault: 'duplicates', copyOf: original });
  }
  const blanks: (Draft | null)[] = [...all];
  for (let i = 0; i < plan.blankRows; i += 1) blanks.splice(random.int(1, blanks.length), 0, null);

  // Row numbers: the header is row 1.
  const rowOf = new Map<Draft, number>();
  blanks.forEach((draft, index) => {
    if (draft) rowOf.set(draft, index + 2);
  });
  const offences: PlantedOffenceRow[] = [];
  const blankOffenceRows: number[] = [];
  blanks.forEach((draft, index) => {
    if (!draft) {
      blankOffenceRows.push(index + 2);
      return;
    }
    const { copyOf, ...cells } = draft;
    offences.push({ ...cells, row: index + 2, ...(copyOf ? { copyOf: rowOf.get(copyOf) } : {}) });
  });

  // Pupil residence: each school's pupils over the wards nearest it, most from the nearest.
  const residenceFor = options.residenceFor ?? DEFAULT_RESIDENCE_FOR;
  const residence: ResidenceRow[] = [];
  let residenceRow = 2;
  for (const urn of residenceFor) {
    const school = SCHOOLS.find((s) => s.urn === urn);
    if (!school) continue;
    const byDistance = wards
      .map((ward) => ({
        ward,
        metres: Math.hypot(
          (ward.minEasting + ward.maxEasting) / 2 - school.easting,
          (ward.minNorthing + ward.maxNorthing) / 2 - school.northing,
        ),
      }))
      .sort((a, b) => a.metres - b.metres)
      .slice(0, random.int(5, 8));
    for (const { ward, metres } of byDistance) {
      residence.push({
        row: residenceRow++,
        urn,
        wardCode: ward.code,
        pupils: Math.max(1, Math.round(400 * Math.exp(-metres / 1500) + random.int(0, 12))),
      });
    }
  }

  const schools = SCHOOLS.map((school) =>
    options.pupils && school.urn in options.pupils ? { ...school, pupils: options.pupils[school.urn] } : school,
  );
  return {
    seed: options.seed,
    today,
    wards,
    schools,
    offences,
    blankOffenceRows,
    residence,
    currentList: CURRENT_LIST,
    sheets: {
      offences: offencesSheet(offences, blankOffenceRows),
      schools: schoolsSheet(schools),
      wards: wardsSheet(wards, options.ageHeaders ?? 'Age N'),
      ...(options.withoutResidence ? {} : { residence: residenceSheet(residence) }),
      currentList: currentListSheet(CURRENT_LIST),
      boundaries: boundarySheet(wards),
    },
    geojson: boundaryGeoJson(wards),
  };
}

function offencesSheet(offences: readonly PlantedOffenceRow[], blankRows: readonly number[]): PlantedSheet {
  const last = Math.max(1, ...offences.map((o) => o.row), ...blankRows);
  const rows: PlantedCell[][] = Array.from({ length: last }, () => OFFENCE_HEADERS.map(() => null));
  rows[0] = [...OFFENCE_HEADERS];
  for (const o of offences) {
    rows[o.row - 1] = [
      o.crimeRef,
      o.offenderRef,
      o.date,
      o.type,
      o.age,
      o.offenceEasting,
      o.offenceNorthing,
      o.homeEasting,
      o.homeNorthing,
      o.weapon,
      o.schoolUrn,
    ];
  }
  return { name: 'Crime extract', rows, headerRow: 1 };
}

export const SCHOOL_HEADERS = [
  'URN',
  'LA (name)',
  'EstablishmentName',
  'TypeOfEstablishment (name)',
  'EstablishmentStatus (name)',
  'PhaseOfEducation (name)',
  'StatutoryLowAge',
  'StatutoryHighAge',
  'NumberOfPupils',
  'Easting',
  'Northing',
] as const;

function schoolsSheet(schools: readonly PlantedSchool[]): PlantedSheet {
  const rows: PlantedCell[][] = [[...SCHOOL_HEADERS]];
  for (const s of schools) {
    rows.push([
      Number(s.urn),
      s.northing >= 284000 ? 'Northfield' : 'Southmoor',
      s.name,
      s.type,
      s.status,
      s.phase,
      s.lowAge,
      s.highAge,
      s.pupils,
      s.easting,
      s.northing,
    ]);
  }
  return { name: 'GIAS establishments', rows, headerRow: 1 };
}

function wardsSheet(wards: readonly PlantedWard[], style: 'Age N' | 'age_N'): PlantedSheet {
  const ages: number[] = [];
  for (let age = POPULATION_AGES.from; age <= POPULATION_AGES.to; age += 1) ages.push(age);
  const header: PlantedCell[] = [
    'Ward code',
    'Ward name',
    'Local authority',
    ...ages.map((age) => (style === 'Age N' ? `Age ${age}` : `age_${age}`)),
  ];
  const title: PlantedCell[] = header.map(() => null);
  title[0] = 'Ward population estimates, mid-2020, by single year of age (synthetic test data)';
  const rows: PlantedCell[][] = [title, header];
  for (const ward of wards)
    rows.push([ward.code, ward.name, ward.district, ...ages.map((age) => ward.population[age])]);
  return { name: 'Ward population', rows, headerRow: 2 };
}

function residenceSheet(rows: readonly ResidenceRow[]): PlantedSheet {
  return {
    name: 'Pupil home wards',
    rows: [['URN', 'Home ward code', 'Number of pupils'], ...rows.map((r) => [Number(r.urn), r.wardCode, r.pupils])],
    headerRow: 1,
  };
}

function currentListSheet(entries: readonly PlantedListEntry[]): PlantedSheet {
  return {
    name: 'VRU programme schools',
    rows: [['School name', 'Notes'], ...entries.map((e, i) => [e.text, i % 3 === 0 ? 'Mentoring since 2022' : null])],
    headerRow: 1,
  };
}

function boundarySheet(wards: readonly PlantedWard[]): PlantedSheet {
  const rows: PlantedCell[][] = [['Ward code', 'Part', 'Ring', 'Order', 'Easting', 'Northing']];
  for (const ward of wards) {
    ringOf(ward).forEach(([x, y], index) => rows.push([ward.code, 1, 0, index + 1, x, y]));
  }
  return { name: 'Ward boundaries', rows, headerRow: 1 };
}

/** A ward's outer ring, anticlockwise and closed. */
function ringOf(ward: PlantedWard): [number, number][] {
  return [
    [ward.minEasting, ward.minNorthing],
    [ward.maxEasting, ward.minNorthing],
    [ward.maxEasting, ward.maxNorthing],
    [ward.minEasting, ward.maxNorthing],
    [ward.minEasting, ward.minNorthing],
  ];
}

function boundaryGeoJson(wards: readonly PlantedWard[]): unknown {
  return {
    type: 'FeatureCollection',
    crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::27700' } },
    features: wards.map((ward) => ({
      type: 'Feature',
      properties: { WD20CD: ward.code, WD20NM: ward.name },
      geometry: { type: 'Polygon', coordinates: [ringOf(ward)] },
    })),
  };
}

/** The study ward whose square holds a point, or null (points on an edge never occur: every planted point is 50 m inside). */
export function wardOfPoint(wards: readonly PlantedWard[], easting: number, northing: number): PlantedWard | null {
  return (
    wards.find(
      (w) => easting > w.minEasting && easting < w.maxEasting && northing > w.minNorthing && northing < w.maxNorthing,
    ) ?? null
  );
}
