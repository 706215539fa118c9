import type { DisclosureLedger } from '../ledger';
import type { WardShare } from '../catchment';
import type { DisclosureRules, PerturbationTable, PublishedCount, StandaloneCount } from '../disclosure';
import type { FieldName } from '../schema';
import type { FunnelDispersion, FunnelLimits } from '../rates';
import type {
  AnalysisParameters,
  CatchmentModel,
  FlagMethod,
  Issue,
  IssueCode,
  RateFlag,
  SchoolPhase,
  SheetRole,
  WardBoundary,
} from '../types';

/**
 * A rate per 1,000 with its confidence interval; hidden with its count when the count is withheld.
 * `count` is the true count, for the engine. When the count is shown, rate, limits and flag are
 * those of the published count (rounded, when rounding is on) against the published area rate:
 * what a reader recomputes from the sheet. When it is withheld they are those of the true count,
 * for the analyst only: reports print [c] and never use them.
 */
export interface RateEstimate {
  readonly count: number;
  readonly published: PublishedCount;
  readonly rate: number;
  readonly lower: number;
  readonly upper: number;
  /** The run's flag: by `parameters.flagMethod` for a ward, by the Poisson interval for a district. */
  readonly flag: RateFlag;
  /** A ward's funnel limits and its flag by each method (wards only; see FunnelComparison). */
  readonly funnel?: FunnelComparison;
}

/**
 * A ward against the funnel round the area rate (rateWards): the limits at the run's confidence
 * level ('inner') and at 99.8% ('outer'), both widened for the over-dispersion among the shown
 * wards, per 1,000 like the rate, and the ward's flag by both methods ('poisson': the ward's own
 * interval clear of the area rate; 'overdispersed': the rate outside the inner limits, and flagged
 * the same way by 'poisson', see rateEstimate). Same
 * convention as the rest of RateEstimate: of the published count against the published area rate
 * when shown, for the analyst only when withheld.
 */
export interface FunnelComparison {
  readonly inner: FunnelLimits;
  readonly outer: FunnelLimits;
  readonly flags: Readonly<Record<FlagMethod, RateFlag>>;
}

/**
 * The funnel the wards of one measure are compared with: the over-dispersion estimated from the
 * shown wards' published counts (or why there is none: the area rate is withheld, or fewer than two
 * wards are shown), the τ² the limits use (0 without an estimate: the plain Poisson funnel), and
 * how many shown wards each method flags, whichever method the run shows.
 */
export interface WardFunnel {
  readonly dispersion: FunnelDispersion | { readonly kind: 'noAreaRate' };
  readonly tauSquared: number;
  /** Confidence of the inner limits (the run's level) and of the outer ones (99.8%). */
  readonly confidence: { readonly inner: number; readonly outer: number };
  readonly flagged: Readonly<Record<FlagMethod, { readonly higher: number; readonly lower: number }>>;
}

export interface WardResult {
  readonly wardCode: string;
  readonly wardName: string;
  readonly districtCode: string;
  readonly districtName: string;
  readonly youngPopulation: number;
  readonly offences: RateEstimate;
  readonly youngOffenders: RateEstimate;
}

/** A district's subtotal of its wards; its rates follow the same convention as a ward's. */
export interface DistrictResult {
  /** The district's code, or its name when the ward sheet has no code. */
  readonly districtCode: string;
  readonly districtName: string;
  readonly wardCount: number;
  readonly youngPopulation: number;
  readonly offences: RateEstimate;
  readonly youngOffenders: RateEstimate;
}

/**
 * The whole area. `offences` and `youngOffenders` are the true totals, for the engine; reports
 * print the published forms. Rates are those of the published totals (NaN when withheld).
 */
export interface AreaTotals {
  readonly youngPopulation: number;
  readonly offences: number;
  readonly offenceRate: number;
  readonly youngOffenders: number;
  readonly youngOffenderRate: number;
  readonly offencesPublished: PublishedCount;
  readonly youngOffendersPublished: PublishedCount;
  /** The funnel of each measure: over-dispersion, τ² and the wards each flag method flags. */
  readonly funnel: Readonly<Record<'offences' | 'youngOffenders', WardFunnel>>;
}

/** Young offenders attending the ranked schools of one phase (published when two or more phases are ranked). */
export interface PhaseTotal {
  readonly phase: SchoolPhase;
  readonly schools: number;
  readonly offendersAttending: PublishedCount;
  readonly offendersAttendingCount: number;
}

/** What the disclosure control did and what its audit proved, for the Method and Audit sheets. */
/** How a run was protected together with the earlier runs of its ledger. */
export interface AcrossRunsSummary {
  /** Earlier runs on these records, protected together with this one. */
  readonly joined: readonly number[];
  /** Earlier runs of the ledger on other records (or whose scope now selects nothing), with why. */
  readonly notJoined: readonly { readonly number: number; readonly reason: string }[];
  /** This run's counts with exactly the records of one an earlier run published, shown or withheld as then. */
  readonly keptShown: number;
  readonly keptWithheld: number;
  /** Differences between the runs' scopes in the model, and how many are small (protected like withheld counts). */
  readonly slices: number;
  readonly smallSlices: number;
  /** Counts as protected as the earlier runs' publication allows, narrower than the protection interval. */
  readonly asEarlierAllow: number;
  /** Earlier runs' counts whose records changed since they were published (edited rows): modelled on today's records. */
  readonly changedSincePublished: number;
}

export interface DisclosureSummary {
  readonly rules: DisclosureRules;
  /** Null when no earlier run was in the ledger. */
  readonly acrossRuns: AcrossRunsSummary | null;
  /** Published counts, each once however many sheets show it. */
  readonly cells: number;
  readonly relations: number;
  /**
   * Counts withheld, small ones and their cover together: how many of each is deliberately not
   * kept, so no sheet can say it (knowing every withheld count is small would narrow each to 1 to
   * threshold − 1).
   */
  readonly withheld: number;
  /** Counts shown exactly although rounding is on, because the Method sheet's figures fix them (their labels). */
  readonly shownExactly: readonly string[];
  /** Null when nothing was withheld, so there was nothing to audit. */
  readonly audit: {
    readonly solver: string;
    readonly cellsChecked: number;
    readonly components: number;
    readonly largestComponent: number;
    readonly componentsInClosedForm: number;
    /** In the search for secondary cells and the final audit together. */
    readonly programmesSolved: number;
    /** The narrowest range an outsider can reach for any withheld count (public knowledge: derivable from the tables). */
    readonly narrowest: { readonly label: string; readonly lower: number; readonly upper: number } | null;
  } | null;
  /** Under the cell key method (rules.method 'perturbation'): its table and what the intruder's audit found. */
  readonly perturbation?: {
    readonly table: PerturbationTable;
    /** Counts the noise moved from their true value. */
    readonly moved: number;
    readonly solver: string;
    readonly countsChecked: number;
    readonly couldBeZero: number;
    readonly narrowed: number;
    readonly programmesSolved: number;
    readonly narrowest: { readonly label: string; readonly lower: number; readonly upper: number } | null;
  };
}

export interface SchoolResult {
  readonly urn: string;
  readonly name: string;
  readonly phase: SchoolPhase;
  readonly phaseText: string;
  readonly pupils: number;
  /** False when the schools sheet gave no usable pupil count (the school is ranked on its observed catchment). */
  readonly pupilsKnown: boolean;
  readonly catchmentModel: CatchmentModel;
  /** Observed residence pupils / pupils on roll (observed catchments only). */
  readonly catchmentCoverage: number | null;
  /** Where the school's pupils live, by ward (sorted by ward code): what the dialogue uses to explain a rank. */
  readonly catchmentWards?: readonly WardShare[];
  readonly wardsInCatchment: number;
  readonly exposureRate: number;
  readonly exposureIndex: number;
  readonly shareFromHigherWards: number;
  readonly pupilsFromHigherWards: number;
  /** Null when not published (the default: see AnalysisParameters.showAttending). */
  readonly offendersAttending: PublishedCount | null;
  readonly offendersAttendingCount: number;
  readonly rank: number;
  readonly rankLower: number;
  readonly rankUpper: number;
  readonly decile: number;
  readonly onCurrentList: boolean;
  readonly newCandidate: boolean;
}

/** Rows in = rows used + rows excluded by reason, per input sheet. */
export interface Reconciliation {
  readonly role: SheetRole;
  readonly sheet: string;
  readonly rowsRead: number;
  readonly rowsUsed: number;
  /** Entirely empty rows, skipped and not counted in rowsRead. */
  readonly rowsBlank: number;
  readonly excluded: readonly { readonly reason: IssueCode; readonly rows: number }[];
}

export type { PlacementCounts } from './stages/placeOffences';
export type {
  Sensitivity,
  SensitivityScenario,
  SchoolSensitivity,
  SensitivityLabel,
  ScenarioOutcome,
} from './stages/sensitivity';
import type { Sensitivity } from './stages/sensitivity';
import type { DeprivationCheck } from './stages/sensitivityToDeprivation';
export type { DeprivationCheck, BeyondDeprivation, DeprivationMeasure } from './stages/sensitivityToDeprivation';
export type { AnalysisPeriod } from './stages/analysisPeriod';
export type { OffenceTypeTally } from './stages/scopeOffences';
import type { AnalysisPeriod } from './stages/analysisPeriod';
import type { OffenceTypeTally } from './stages/scopeOffences';
import type { PlacementCounts } from './stages/placeOffences';

export interface ListComparison {
  readonly listSheet: string | null;
  readonly entries: number;
  /** Entries tied to a school of the schools sheet, ranked or not. */
  readonly matched: number;
  /** Of those, entries whose school is ranked. */
  readonly matchedRanked: number;
  /** Entries matched to a school that is not ranked, with why. */
  readonly notRanked: readonly {
    readonly row: number;
    readonly text: string;
    readonly urn: string;
    readonly name: string;
    readonly why: string;
  }[];
  /** Entries that fit several schools equally: matched to none until the analyst chooses. */
  readonly ambiguous: readonly {
    readonly row: number;
    readonly text: string;
    readonly candidates: readonly string[];
  }[];
  /** Entries tied to no school, with the nearest names. */
  readonly unmatched: readonly { readonly row: number; readonly text: string; readonly nearest: readonly string[] }[];
  readonly fuzzyMatches: readonly {
    readonly row: number;
    readonly text: string;
    readonly urn: string;
    readonly name: string;
    readonly score: number;
  }[];
}

/**
 * The catchment uncertainty each rank simulation carries: the decay lengths drawn from, uniformly
 * (empty when no school is modelled), and how many observed schools have their recorded pupils
 * resampled (multinomial on the pupils given).
 */
export interface RankUncertainty {
  readonly decayMetresDrawn: readonly number[];
  readonly modelledSchools: number;
  readonly observedSchoolsResampled: number;
}

export interface AuditStep {
  readonly step: string;
  readonly detail: string;
}

export interface InputFingerprint {
  readonly name: string;
  readonly bytes: number;
  readonly sha256: string;
}

/** The columns used in one input sheet: each field's header as written there. */
export type InputColumns = Readonly<Partial<Record<FieldName, string>>>;

export interface AnalysisResult {
  readonly parameters: AnalysisParameters;
  readonly roles: Partial<Record<SheetRole, string>>;
  /**
   * Which header holds which field, per role: lets a report tell what an Issue's column holds (a
   * home location, an age) without parsing its header, e.g. to withhold personal values.
   */
  readonly columns: Partial<Record<SheetRole, InputColumns>>;
  readonly mappingNotes: readonly string[];
  readonly boundarySource: string;
  readonly boundaries: readonly WardBoundary[];
  readonly wards: readonly WardResult[];
  /** District subtotals, in order of first appearance; empty when the wards are not in two or more districts. */
  readonly districts: readonly DistrictResult[];
  readonly area: AreaTotals;
  readonly schools: readonly SchoolResult[];
  /** Phase subtotals of young offenders attending; empty when one phase is ranked, or when attending counts are not published. */
  readonly phaseTotals: readonly PhaseTotal[];
  /** Young offenders attending, summed over the schools ranked (published: null when not published, as each school's). */
  readonly schoolsAttendingTotal: { readonly count: number; readonly published: PublishedCount | null };
  readonly disclosure: DisclosureSummary;
  readonly schoolsConsidered: number;
  readonly issues: readonly Issue[];
  readonly reconciliation: readonly Reconciliation[];
  readonly placement: PlacementCounts;
  /**
   * The distinct young offenders (placement.distinctYoungOffenders) as the Method sheet publishes
   * them: a count of people outside the tables, under the tables' rules (standaloneCount).
   */
  readonly distinctYoungOffenders: StandaloneCount;
  /** The offence types found, in scope or not, with their row counts (see scopeOffences). */
  readonly offenceTypes: OffenceTypeTally;
  /** The period the figures cover (null only when nothing was counted). */
  readonly period: AnalysisPeriod | null;
  /** The population estimates' year, where the wards sheet states it. */
  readonly populationYear: { readonly year: string; readonly source: string } | null;
  readonly list: ListComparison;
  readonly catchmentNote: string;
  /** Decay length λ of the distance-decay catchment model, in metres (used for every modelled school). */
  readonly decayMetres: number;
  /** What the rank simulation draws besides the ward counts (the Method sheet states it). */
  readonly rankUncertainty: RankUncertainty;
  /** The top N under reasonable changes of method, and each school's label (the Sensitivity sheet). */
  readonly sensitivity: Sensitivity;
  /** The ranking against deprivation, where the wards sheet has a deprivation column (the Method sheet's ALGO-CARE answers). */
  readonly deprivation: DeprivationCheck;
  readonly provenance: {
    readonly synthetic: boolean;
    readonly description: string;
    readonly attribution: readonly string[];
  };
  readonly fingerprints: readonly InputFingerprint[];
  /** The disclosure ledger with this run added (never a count; see core/ledger). */
  readonly ledger: DisclosureLedger;
  readonly audit: readonly AuditStep[];
}
