/**
 * Shared vocabulary of the engine. Every module in `core/` speaks these types; none of them
 * touches Office, the DOM or the file system.
 */

/** One cell as read from a workbook: Excel dates arrive as `Date` or as serial numbers. */
export type CellValue = string | number | boolean | Date | null;

/** A sheet as read: `rows[0]` is the first row of the used range (normally the header). */
export interface SheetData {
  readonly name: string;
  readonly rows: readonly (readonly CellValue[])[];
  /** 1-based worksheet row number of `rows[0]` (used ranges need not start at row 1). Default 1. */
  readonly firstRow?: number;
}

export interface WorkbookData {
  readonly sheets: readonly SheetData[];
}

export type Severity = 'error' | 'warning' | 'info';

/** Why a row was excluded or flagged. Each code is one reason in the Method sheet's reconciliation. */
export type IssueCode =
  | 'missingValue'
  | 'notANumber'
  | 'notADate'
  | 'ageOutsideBand'
  | 'ageImpossible'
  | 'dateOutsideWindow'
  | 'offenceTypeOutOfScope'
  | 'outsideArea'
  | 'unknownWard'
  | 'unknownSchool'
  | 'unknownPostcode'
  | 'duplicateRow'
  | 'wardMismatch'
  | 'badCoordinate'
  | 'closedSchool'
  | 'phaseOutOfScope'
  | 'invalidValue'
  | 'sheetMissing'
  | 'columnMissing'
  /** A cell holds an Excel error ('#N/A', '#REF!', …): it is read as no value. */
  | 'excelError'
  /** An offence date no real extract has: before 1990, after the run date, or a time of day with no date. */
  | 'dateImplausible'
  /** An offence type the product cannot classify (a local code): not counted until the analyst chooses. */
  | 'offenceTypeUnclassified'
  /** Nothing left to measure: no offence in scope, none placed in a study ward, or no young residents. */
  | 'nothingInScope'
  /** A school left out of the ranking, with the reason (no catchment to score). */
  | 'schoolNotRanked'
  /** A current-list entry that fits several schools equally well. */
  | 'listEntryAmbiguous'
  /** A pupil residence row the chosen catchment model does not use. */
  | 'residenceNotUsed'
  /** The published tables could not be made safe, or could not be audited (no solver). */
  | 'disclosureUnsafe';

/**
 * An analyst-facing problem with one input cell. `row` is the worksheet row number (1-based, as
 * Excel shows it); `column` is the header text of the column as written in the sheet.
 */
export interface Issue {
  readonly sheet: string;
  readonly row: number;
  readonly column: string;
  readonly value: string;
  readonly severity: Severity;
  readonly code: IssueCode;
  readonly message: string;
  /** The setting that would fix the problem, for each front end to say in its own terms (a flag, a phrase). */
  readonly remedy?: Remedy;
}

/**
 * A setting the analyst can change to get past a problem. Core messages name the setting in words
 * ("the age band"); the command line says `--age 11-16`, the dialogue "only ages 11 to 16".
 */
export type Remedy =
  | { readonly setting: 'column'; readonly role: SheetRole; readonly field: string }
  | { readonly setting: 'sheet'; readonly role: SheetRole }
  | { readonly setting: 'ageBand' }
  | { readonly setting: 'offenceTypes'; readonly examples: readonly string[] }
  | { readonly setting: 'scope' }
  | { readonly setting: 'protection' }
  | { readonly setting: 'catchmentModel' }
  | { readonly setting: 'boundaries' };

/** Planar British National Grid coordinates (EPSG:27700), metres. The engine works in BNG throughout. */
export interface GridPoint {
  readonly easting: number;
  readonly northing: number;
}

/** A ring is a closed list of [easting, northing] pairs; the first ring of a polygon is its outer boundary. */
export type Ring = readonly (readonly [number, number])[];
export type PolygonRings = readonly Ring[];

/** One ward's boundary in BNG, as a multipolygon (a list of polygons, each a list of rings). */
export interface WardBoundary {
  readonly wardCode: string;
  readonly wardName: string;
  readonly districtCode?: string;
  readonly districtName?: string;
  readonly polygons: readonly PolygonRings[];
}

export type SchoolPhase = 'primary' | 'secondary' | 'allThrough' | 'special' | 'alternativeProvision' | 'other';

/** Every phase, in the order replies and checks list them ('other' last). */
export const SCHOOL_PHASES: readonly SchoolPhase[] = [
  'primary',
  'secondary',
  'allThrough',
  'special',
  'alternativeProvision',
  'other',
];

/** Input sheet roles the engine recognises. */
export type SheetRole =
  'offences' | 'schools' | 'wards' | 'pupilResidence' | 'currentList' | 'postcodes' | 'wardVertices';

/** A location as given in the input, before it is resolved to a ward. */
export interface LocationInput {
  readonly point?: GridPoint;
  /** Header of the column the point was read from (easting, latitude or postcode), for messages. */
  readonly pointColumn?: string;
  readonly wardCode?: string;
  readonly postcode?: string;
}

/** A valid offence row after coercion (not yet filtered to scope). */
export interface OffenceRecord {
  readonly sourceRow: number;
  readonly offenceRef: string;
  readonly offenderRef: string;
  readonly offenceDate: Date;
  readonly offenceType: string;
  readonly age: number;
  readonly offenceLocation: LocationInput;
  readonly homeLocation: LocationInput;
  readonly schoolUrn?: string;
  readonly weapon?: boolean;
  /**
   * Set when the row gave no offence reference: `offenceRef` is then a reference of the row's own
   * (never equal to a real one), so the row counts as one offence by itself.
   */
  readonly offenceRefMissing?: true;
}

export interface SchoolRecord {
  readonly sourceRow: number;
  readonly urn: string;
  readonly name: string;
  readonly phase: SchoolPhase;
  readonly phaseText: string;
  readonly type?: string;
  readonly location: GridPoint;
  /** Pupils on roll; 0 when not known (see `pupilsKnown`). */
  readonly pupils: number;
  /** False when the pupil count was blank, zero or unusable: `pupils` is then 0 and means "unknown". */
  readonly pupilsKnown: boolean;
  readonly open: boolean;
  readonly postcode?: string;
}

export interface WardRecord {
  readonly sourceRow: number;
  readonly wardCode: string;
  readonly wardName: string;
  readonly districtCode?: string;
  readonly districtName?: string;
  /** Young residents in the chosen age band (summed from single-year columns where the sheet has them). */
  readonly youngPopulation: number;
}

export interface PupilResidenceRecord {
  readonly sourceRow: number;
  readonly urn: string;
  readonly wardCode: string;
  readonly pupils: number;
}

export interface CurrentListRecord {
  readonly sourceRow: number;
  readonly urn?: string;
  readonly name?: string;
}

export interface PostcodeRecord {
  readonly postcode: string;
  readonly location: GridPoint;
}

export type CatchmentModel = 'observed' | 'distanceDecay';
export type RateFlag = 'higher' | 'similar' | 'lower';
export type RankingMetric = 'offences' | 'youngOffenders';
/**
 * How a ward is flagged 'higher' or 'lower' than the area: outside the funnel limits around the area
 * rate widened for the spread between wards beyond chance ('overdispersed', the default; see
 * core/rates/funnelOverdispersion), or its own Poisson confidence interval clear of the area rate
 * ('poisson', PHE's plain comparison with a benchmark; see core/rates/compareWithBenchmark).
 */
export type FlagMethod = 'overdispersed' | 'poisson';
/** The ward rates schools are scored on: crude, or shrunk towards the area rate by Marshall's global empirical Bayes. */
export type Smoothing = 'none' | 'empiricalBayes';

/** Every choice the analyst can make; all are recorded in the Method and Audit sheets. */
export interface AnalysisParameters {
  readonly ageBand: readonly [number, number];
  /** Offence types counted as violence (case-insensitive); empty means every type. */
  readonly offenceTypes: readonly string[];
  readonly dateFrom?: Date;
  readonly dateTo?: Date;
  readonly phases: readonly SchoolPhase[];
  /** Published counts from 1 to threshold-1 are hidden. */
  readonly threshold: number;
  readonly showZeros: boolean;
  /** Published counts (totals too, from unrounded values) rounded to this base; null for no rounding. */
  readonly roundingBase: number | null;
  /**
   * The narrowest range an outsider may narrow a withheld count to from the published tables
   * (the audit fails the run below it); null means "the threshold".
   */
  readonly protectionInterval: number | null;
  /**
   * How published counts are protected: 'suppression' (default: small counts withheld, audited
   * across runs) or 'perturbation' (the ONS cell key method: every count shown with consistent
   * noise; see core/disclosure/perturbationTable). Absent means suppression.
   */
  readonly disclosureMethod?: 'suppression' | 'perturbation';
  readonly confidenceLevel: number;
  /** 'auto' uses observed pupil residence when a sheet is given, a distance-decay model otherwise. */
  readonly catchmentModel: 'auto' | CatchmentModel;
  /** Which ward rate drives exposure: violence occurring in the ward, or young offenders living there. */
  readonly rankingMetric: RankingMetric;
  /** How wards are flagged 'higher' / 'lower' than the area (both are computed and counted; this one is shown). */
  readonly flagMethod: FlagMethod;
  readonly topN: number;
  readonly seed: number;
  readonly simulations: number;
  /**
   * Publish each ranked school's count of young offenders attending (and their phase totals) in the
   * shared workbook. Default false: it is the figure most likely to stigmatise a school, it is not
   * used in the ranking, and unpublished it takes no part in the disclosure control either.
   */
  readonly showAttending?: boolean;
  /**
   * The ward rates schools are scored on: crude (default, 'none') or shrunk towards the area rate by
   * Marshall's global empirical Bayes ('empiricalBayes'); the Wards sheet shows crude rates either way.
   */
  readonly smoothing?: Smoothing;
}

export const DEFAULT_PARAMETERS: AnalysisParameters = {
  ageBand: [10, 17],
  offenceTypes: [],
  phases: ['secondary', 'allThrough'],
  threshold: 5,
  showZeros: true,
  roundingBase: null,
  protectionInterval: null,
  confidenceLevel: 0.95,
  catchmentModel: 'auto',
  rankingMetric: 'offences',
  flagMethod: 'overdispersed',
  topN: 20,
  seed: 20240601,
  simulations: 1000,
};
