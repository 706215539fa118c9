import type { Issue, SheetRole } from '../types';

/** Fields of the offences sheet (one row per offence and offender). */
export type OffenceField =
  | 'offenceRef'
  | 'offenderRef'
  | 'offenceDate'
  | 'offenceType'
  | 'age'
  | 'offenceLatitude'
  | 'offenceLongitude'
  | 'offenceEasting'
  | 'offenceNorthing'
  | 'offenceWard'
  | 'offencePostcode'
  | 'homeLatitude'
  | 'homeLongitude'
  | 'homeEasting'
  | 'homeNorthing'
  | 'homeWard'
  | 'homePostcode'
  | 'schoolUrn'
  | 'weapon';

/** Fields of the schools sheet (the GIAS establishment list shape). */
export type SchoolField =
  | 'urn'
  | 'name'
  | 'phase'
  | 'type'
  | 'status'
  | 'pupils'
  | 'easting'
  | 'northing'
  | 'latitude'
  | 'longitude'
  | 'postcode';

/** Fields of the wards sheet; the young population may instead come from single-year or age-band columns. */
export type WardField = 'wardCode' | 'wardName' | 'districtCode' | 'districtName' | 'youngPopulation';

export type PupilResidenceField = 'urn' | 'wardCode' | 'pupils';
export type CurrentListField = 'urn' | 'name';
export type PostcodeField = 'postcode' | 'latitude' | 'longitude' | 'easting' | 'northing';
export type WardVertexField = 'wardCode' | 'wardName' | 'part' | 'ring' | 'order' | 'x' | 'y';

/** Any field of any role. Which fields belong to which role is told by `ROLE_SPECS`. */
export type FieldName =
  OffenceField | SchoolField | WardField | PupilResidenceField | CurrentListField | PostcodeField | WardVertexField;

/** How a column was matched to a field, from most to least certain: set by the analyst, named after the field, a known synonym, or a guess from shared words. */
export type MatchHow = 'override' | 'exact' | 'synonym' | 'fuzzy';

/** One field's column. `column` is a 0-based index into the sheet's rows (0 = the used range's first column). */
export interface FieldMatch {
  readonly column: number;
  readonly header: string;
  readonly how: MatchHow;
}

/** The sex a single-year population column counts, when it counts one sex only (ONS `M10`, `Females 10`). */
export type AgeColumnSex = 'male' | 'female';

/**
 * A single-year-of-age population column of a wards sheet, e.g. `age_10`, `Age 10`, `10` (all
 * persons, no `sex`), or `M10`, `Females 10`, `Male age 10` (one sex: the age's population is the
 * male column plus the female column, unless the sheet also has a persons column for that age).
 */
export interface AgeColumn {
  readonly age: number;
  readonly column: number;
  readonly header: string;
  /** Present only for a one-sex column; absent for a persons (both sexes) column. */
  readonly sex?: AgeColumnSex;
}

/** A population column for an age band stated in its header, e.g. `age_10_17`, `Population 10-17`. */
export interface AgeBandColumn {
  readonly from: number;
  readonly to: number;
  readonly column: number;
  readonly header: string;
}

/**
 * Which column holds which field in one sheet, for one role.
 * `missingRequired` names each required field or group (such as `homeLocation`) with no column;
 * `issues` holds problems with the analyst's overrides (a header that does not exist, an unknown field).
 */
export interface ColumnMapping {
  readonly role: SheetRole;
  readonly sheet: string;
  /** Worksheet row number (1-based, as Excel shows it) of the header row. */
  readonly headerRow: number;
  readonly fields: Readonly<Partial<Record<FieldName, FieldMatch>>>;
  /** Wards only: single-year-of-age columns, in order of age (for each age: persons, then male, then female). */
  readonly ageColumns?: readonly AgeColumn[];
  /** Wards only: columns whose header states an age band. */
  readonly ageBandColumns?: readonly AgeBandColumn[];
  readonly missingRequired: readonly string[];
  readonly issues: readonly Issue[];
  /** How well the sheet fits the role; comparable across sheets for the same role (0 = nothing recognised). */
  readonly score: number;
}

/** What a field is and how its column may be headed. */
export interface FieldSpec {
  readonly field: FieldName;
  /** Plain-English description for messages, e.g. "the offender's age at the offence". */
  readonly label: string;
  /** Header texts that mean this field, most likely first; compared after `normaliseHeader`. */
  readonly synonyms: readonly string[];
  /** Patterns tested against the normalised header (e.g. ONS codes such as `wd22cd`). */
  readonly patterns?: readonly RegExp[];
  /** Words that rule out a loose (fuzzy) match, e.g. `birth` for a date of offence. */
  readonly excludeWords?: readonly string[];
}

/** A requirement met when any one alternative has all its fields mapped, e.g. a location as lat+lon, easting+northing, ward or postcode. */
export interface RequirementGroup {
  readonly name: string;
  readonly label: string;
  readonly alternatives: readonly (readonly FieldName[])[];
}

export interface RoleSpec {
  readonly role: SheetRole;
  /** Plain-English name of the sheet, e.g. "offences". */
  readonly label: string;
  readonly fields: readonly FieldSpec[];
  readonly required: readonly RequirementGroup[];
  /** Words in a sheet's name that suggest this role; used only to break ties between equal scores. */
  readonly sheetNameHints: readonly string[];
  /** Wards only: single-year and age-band columns can supply the young population. */
  readonly readsAgeColumns?: boolean;
}

/** Analyst's choices: which sheet plays a role, and which header a field uses (field -> header text). */
export interface RoleOverrides {
  readonly sheets?: Readonly<Partial<Record<SheetRole, string>>>;
  readonly columns?: Readonly<Partial<Record<SheetRole, Readonly<Record<string, string>>>>>;
}

export interface RoleCandidate {
  readonly sheet: string;
  readonly score: number;
}

export interface RoleDetection {
  readonly assignments: Readonly<Partial<Record<SheetRole, string>>>;
  /** Sheets that could play each role, best first (only sheets for which the role is a fair fit). */
  readonly candidates: Readonly<Record<SheetRole, readonly RoleCandidate[]>>;
  /** Roles where two or more sheets fit almost equally well; the first sheet listed is the one assigned. */
  readonly ambiguous: readonly { readonly role: SheetRole; readonly sheets: readonly string[] }[];
  readonly mappings: Readonly<Partial<Record<SheetRole, ColumnMapping>>>;
  /** Problems with the overrides, e.g. a sheet name that is not in the workbook ('sheetMissing', row 0: no row). */
  readonly issues: readonly Issue[];
}

/** One parsed `role.field=Header text` override. */
export interface MapOverride {
  readonly role: SheetRole;
  readonly field: FieldName;
  readonly header: string;
}
