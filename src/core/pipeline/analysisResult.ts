import type { PublishedCount } from '../disclosure';
import type { AnalysisParameters, CatchmentModel, Issue, IssueCode, RateFlag, SchoolPhase, SheetRole, WardBoundary } from '../types';

/** A rate per 1,000 with its confidence interval; hidden with its count when the count is suppressed. */
export interface RateEstimate {
  readonly count: number;
  readonly published: PublishedCount;
  readonly rate: number;
  readonly lower: number;
  readonly upper: number;
  readonly flag: RateFlag;
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

export interface AreaTotals {
  readonly youngPopulation: number;
  readonly offences: number;
  readonly offenceRate: number;
  readonly youngOffenders: number;
  readonly youngOffenderRate: number;
}

export interface SchoolResult {
  readonly urn: string;
  readonly name: string;
  readonly phase: SchoolPhase;
  readonly phaseText: string;
  readonly pupils: number;
  readonly catchmentModel: CatchmentModel;
  /** Observed residence pupils / pupils on roll (observed catchments only). */
  readonly catchmentCoverage: number | null;
  readonly wardsInCatchment: number;
  readonly exposureRate: number;
  readonly exposureIndex: number;
  readonly shareFromHigherWards: number;
  readonly pupilsFromHigherWards: number;
  readonly offendersAttending: PublishedCount;
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

/** How the in-scope offences were placed: each in-scope row lands in exactly one outcome per location. */
export interface PlacementCounts {
  readonly inScope: number;
  readonly offenceInWard: number;
  readonly offenceOutsideArea: number;
  readonly offenceUnknownWard: number;
  readonly homeInWard: number;
  readonly homeOutsideArea: number;
  readonly homeUnknownWard: number;
  readonly distinctYoungOffenders: number;
  readonly distinctYoungOffendersHomeInArea: number;
}

export interface ListComparison {
  readonly listSheet: string | null;
  readonly entries: number;
  readonly matched: number;
  readonly unmatched: readonly { readonly row: number; readonly text: string }[];
  readonly fuzzyMatches: readonly { readonly row: number; readonly text: string; readonly urn: string; readonly name: string; readonly score: number }[];
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

export interface AnalysisResult {
  readonly parameters: AnalysisParameters;
  readonly roles: Partial<Record<SheetRole, string>>;
  readonly mappingNotes: readonly string[];
  readonly boundarySource: string;
  readonly boundaries: readonly WardBoundary[];
  readonly wards: readonly WardResult[];
  readonly area: AreaTotals;
  readonly schools: readonly SchoolResult[];
  readonly schoolsConsidered: number;
  readonly issues: readonly Issue[];
  readonly reconciliation: readonly Reconciliation[];
  readonly placement: PlacementCounts;
  readonly list: ListComparison;
  readonly catchmentNote: string;
  readonly provenance: { readonly synthetic: boolean; readonly description: string; readonly attribution: readonly string[] };
  readonly fingerprints: readonly InputFingerprint[];
  readonly audit: readonly AuditStep[];
}
