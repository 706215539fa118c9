import type { WardBoundary, WorkbookData } from '../core/types';

/** A ward as the real-data loader hands it over: a GeoJSON FeatureCollection in WGS84 lon/lat. */
export interface RealWardsGeoJson {
  readonly type: 'FeatureCollection';
  readonly features: readonly {
    readonly type: 'Feature';
    readonly properties: Readonly<Record<string, unknown>>;
    readonly geometry: {
      readonly type: 'Polygon' | 'MultiPolygon';
      readonly coordinates: unknown;
    };
  }[];
}

/** One row of the ONS-shaped ward population CSV, keyed by its header (WD22CD, WD22NM, age_10, ...). */
export type PopulationCsvRow = Readonly<Record<string, string | number>>;

/** Real geography and population for "real mode" (see loadRealInputs in ./node). */
export interface RealInputs {
  readonly wards: RealWardsGeoJson;
  readonly population: readonly PopulationCsvRow[];
}

export interface DemoOptions {
  /** PRNG seed; the same seed gives the same workbook, cell for cell. Default 2024. */
  readonly seed?: number;
  /** Synthetic mode only: number of wards. Default 190. */
  readonly wards?: number;
  /** Synthetic mode only: number of districts. Default 7. */
  readonly districts?: number;
  /** Schools in the GIAS-shaped sheet. Default 400. */
  readonly schools?: number;
  /** Offence rows generated before faults (duplicates and blank rows are added on top). Default 20,000. */
  readonly offences?: number;
  /** Share of offence rows given a fault, spread over every fault kind. Default 0.03. */
  readonly faultRate?: number;
  /** Real ward boundaries and populations; schools and offences stay synthetic. */
  readonly real?: RealInputs;
}

/**
 * Kinds of special rows in the offences sheet. Each faulty row has exactly one kind.
 * `serialDate` and `textDate` are valid dates written another way (an Excel serial number, or text
 * as dd/mm/yyyy or yyyy-mm-dd): the engine should parse them. The rest are real faults.
 */
export type OffenceFaultKind =
  | 'missingAge'
  | 'unknownAge'
  | 'impossibleAge'
  | 'unparseableDate'
  | 'serialDate'
  | 'textDate'
  | 'badCoordinate'
  | 'offenceOutsideArea'
  | 'unknownHomeWard'
  | 'unknownSchoolUrn'
  | 'homeWardMismatch'
  | 'duplicateRow'
  | 'blankRow';

export const OFFENCE_FAULT_KINDS: readonly OffenceFaultKind[] = [
  'missingAge',
  'unknownAge',
  'impossibleAge',
  'unparseableDate',
  'serialDate',
  'textDate',
  'badCoordinate',
  'offenceOutsideArea',
  'unknownHomeWard',
  'unknownSchoolUrn',
  'homeWardMismatch',
  'duplicateRow',
  'blankRow',
];

/** Fault kinds that are valid values written differently: rows the engine should keep. */
export const VALID_REPRESENTATION_KINDS: readonly OffenceFaultKind[] = ['serialDate', 'textDate'];

/** What one non-blank data row of the offences sheet really is. */
export interface OffenceRowTruth {
  /** Worksheet row number (1-based, header is row 1). */
  readonly row: number;
  readonly crimeNumber: string;
  readonly offenderId: string;
  readonly date: Date;
  readonly offenceType: string;
  /** The offender's true age at the offence (whatever the sheet says). */
  readonly age: number;
  /** Ward holding the offence coordinates as written; null when they lie outside every ward or are unreadable. */
  readonly offenceWardCode: string | null;
  /** The offender's true home ward. */
  readonly homeWardCode: string;
  /** The offender's true school, when the offender has one (the sheet may omit it or, for a fault, misstate it). */
  readonly schoolUrn: string | null;
  /** True when the sheet shows a School URN for this row. */
  readonly schoolUrnShown: boolean;
  readonly weapon: boolean;
  readonly faults: readonly OffenceFaultKind[];
  /** For a `duplicateRow`, the row it copies. */
  readonly duplicateOf?: number;
}

export interface DemoSheetNames {
  readonly notes: string;
  readonly offences: string;
  readonly schools: string;
  readonly population: string;
  readonly pupilResidence: string;
  readonly currentList: string;
  readonly wardVertices: string;
}

export interface DemoTruth {
  readonly seed: number;
  readonly mode: 'synthetic' | 'real';
  readonly sheetNames: DemoSheetNames;
  /** Worksheet row number of each sheet's header row (1 everywhere except the schools sheet, which has a title above). */
  readonly headerRows: Readonly<Record<string, number>>;
  readonly wards: {
    readonly count: number;
    readonly districtCount: number;
    readonly boundaries: readonly WardBoundary[];
    /** Synthetic mode: the enclave ward and the ward whose polygon has it as a hole. */
    readonly enclave: { readonly wardCode: string; readonly containerWardCode: string } | null;
    /** Wards with more than one polygon part. */
    readonly multiPolygonWardCodes: readonly string[];
    /** Wards with at least one hole. */
    readonly holeWardCodes: readonly string[];
    /** Relative risk of violence used to generate offenders' homes (1 = background). */
    readonly relativeRisk: Readonly<Record<string, number>>;
    /** Wards whose relative risk is at least 2: the planted hotspots. */
    readonly hotspotWardCodes: readonly string[];
    /** Young population aged 10–17 by ward (the age_10_17 column). */
    readonly youngPopulation: Readonly<Record<string, number>>;
  };
  readonly offences: {
    /** Offence rows generated before duplicates and blank rows were added. */
    readonly generated: number;
    readonly distinctOffenders: number;
    readonly distinctCrimeNumbers: number;
    /** One entry per non-blank data row, in sheet order. */
    readonly rows: readonly OffenceRowTruth[];
    /** Worksheet row numbers of the special rows, by kind (each row has at most one kind). */
    readonly faults: Readonly<Record<OffenceFaultKind, readonly number[]>>;
    /** Rows whose (valid) age lies outside 10–17: present naturally, not injected. */
    readonly agesOutsideBand: readonly number[];
    /** Rows (excluding duplicates) per ward of the written offence coordinates. */
    readonly countByOffenceWard: Readonly<Record<string, number>>;
  };
  readonly schools: {
    readonly count: number;
    readonly headerRow: number;
    /** Counts by the sheet's `PhaseOfEducation (name)` for Primary/Secondary/All-through, and by type for Special / Pupil referral unit. */
    readonly byKind: Readonly<Record<'primary' | 'secondary' | 'allThrough' | 'special' | 'pupilReferralUnit', number>>;
    readonly closedUrns: readonly string[];
    readonly formulaInjectionUrn: string;
    readonly apostropheUrn: string;
    /** Schools with rows in the pupil residence sheet. */
    readonly observedResidenceUrns: readonly string[];
  };
  readonly currentList: {
    readonly urns: readonly string[];
    /** The entry given by name only, spelled differently from GIAS, and the school it means. */
    readonly nameOnly: { readonly name: string; readonly urn: string; readonly giasName: string };
  };
}

export interface DemoData {
  readonly workbook: WorkbookData;
  /** FeatureCollection in British National Grid (EPSG:27700) with a `crs` member; props WD22CD, WD22NM, LAD22CD, LAD22NM. */
  readonly boundariesGeoJson: object;
  readonly truth: DemoTruth;
  readonly synthetic: true;
  readonly description: string;
}
