/**
 * The words analysts use for sheets, fields, phases and months, as lookup tables. Phrases are in
 * the parser's normalised form (lower case, no apostrophes, single spaces).
 */
import type { FieldName } from '../../core/schema';
import type { SchoolPhase, SheetRole } from '../../core/types';

/** Ways of naming an input sheet's role. */
export const ROLE_PHRASES: Readonly<Record<string, SheetRole>> = {
  offences: 'offences',
  offence: 'offences',
  offenses: 'offences',
  crimes: 'offences',
  crime: 'offences',
  'crime data': 'offences',
  'police data': 'offences',
  'offence data': 'offences',
  incidents: 'offences',
  offending: 'offences',
  schools: 'schools',
  school: 'schools',
  gias: 'schools',
  establishments: 'schools',
  'gias schools': 'schools',
  'schools data': 'schools',
  wards: 'wards',
  ward: 'wards',
  'ward population': 'wards',
  population: 'wards',
  populations: 'wards',
  'ward data': 'wards',
  'pupil residence': 'pupilResidence',
  residence: 'pupilResidence',
  'pupil homes': 'pupilResidence',
  'pupil home wards': 'pupilResidence',
  'home wards': 'pupilResidence',
  'pupil data': 'pupilResidence',
  'current list': 'currentList',
  'vru list': 'currentList',
  'prevention list': 'currentList',
  list: 'currentList',
  'our list': 'currentList',
  'vru schools': 'currentList',
  'current schools': 'currentList',
  postcodes: 'postcodes',
  postcode: 'postcodes',
  'postcode lookup': 'postcodes',
  lookup: 'postcodes',
  'ward boundaries': 'wardVertices',
  boundaries: 'wardVertices',
  boundary: 'wardVertices',
  vertices: 'wardVertices',
  'ward vertices': 'wardVertices',
  'ward shapes': 'wardVertices',
};

/** How each role is named in replies. */
export const ROLE_LABELS: Readonly<Record<SheetRole, string>> = {
  offences: 'offences',
  schools: 'schools',
  wards: 'wards',
  pupilResidence: 'pupil residence',
  currentList: 'current list',
  postcodes: 'postcodes',
  wardVertices: 'ward boundaries',
};

/** Ways of naming a school phase. */
export const PHASE_PHRASES: Readonly<Record<string, SchoolPhase>> = {
  primary: 'primary',
  primaries: 'primary',
  'primary schools': 'primary',
  secondary: 'secondary',
  secondaries: 'secondary',
  'secondary schools': 'secondary',
  'high schools': 'secondary',
  'all through': 'allThrough',
  allthrough: 'allThrough',
  'all age': 'allThrough',
  'through schools': 'allThrough',
  special: 'special',
  'special schools': 'special',
  sen: 'special',
  'alternative provision': 'alternativeProvision',
  alternative: 'alternativeProvision',
  ap: 'alternativeProvision',
  pru: 'alternativeProvision',
  prus: 'alternativeProvision',
  'pupil referral units': 'alternativeProvision',
  'pupil referral unit': 'alternativeProvision',
  'pupil referral': 'alternativeProvision',
};

/** Every phase that can be ranked, in the order replies list them. */
export const ALL_PHASES: readonly SchoolPhase[] = [
  'primary',
  'secondary',
  'allThrough',
  'special',
  'alternativeProvision',
];

/** How each phase is named in replies: the reports' wording, from one place. */
export { PHASE_LABELS } from '../../core/pipeline/phaseLabels';

/** A field of a role. */
export interface RoleField {
  readonly role: SheetRole;
  readonly field: FieldName;
}

const of = (role: SheetRole, ...fields: FieldName[]): RoleField[] => fields.map((field) => ({ role, field }));

/** Ways of naming a column, with every field they may mean (the session picks by the sheets' headers). */
export const FIELD_PHRASES: Readonly<Record<string, readonly RoleField[]>> = {
  age: of('offences', 'age'),
  'offender age': of('offences', 'age'),
  'age at offence': of('offences', 'age'),
  date: of('offences', 'offenceDate'),
  'offence date': of('offences', 'offenceDate'),
  'crime date': of('offences', 'offenceDate'),
  'committed date': of('offences', 'offenceDate'),
  'date of offence': of('offences', 'offenceDate'),
  'offence type': of('offences', 'offenceType'),
  'crime type': of('offences', 'offenceType'),
  'type of offence': of('offences', 'offenceType'),
  'offence group': of('offences', 'offenceType'),
  'offence category': of('offences', 'offenceType'),
  type: [...of('offences', 'offenceType'), ...of('schools', 'type')],
  'school type': of('schools', 'type'),
  'establishment type': of('schools', 'type'),
  'offence reference': of('offences', 'offenceRef'),
  'offence ref': of('offences', 'offenceRef'),
  'crime number': of('offences', 'offenceRef'),
  'crime reference': of('offences', 'offenceRef'),
  'crime ref': of('offences', 'offenceRef'),
  'offence number': of('offences', 'offenceRef'),
  'offence id': of('offences', 'offenceRef'),
  'crime id': of('offences', 'offenceRef'),
  reference: of('offences', 'offenceRef'),
  offender: of('offences', 'offenderRef'),
  'offender id': of('offences', 'offenderRef'),
  'offender reference': of('offences', 'offenderRef'),
  'offender ref': of('offences', 'offenderRef'),
  'person id': of('offences', 'offenderRef'),
  nominal: of('offences', 'offenderRef'),
  'offence ward': of('offences', 'offenceWard'),
  'home ward': of('offences', 'homeWard'),
  'offender home ward': of('offences', 'homeWard'),
  'offence postcode': of('offences', 'offencePostcode'),
  'home postcode': of('offences', 'homePostcode'),
  'offence easting': of('offences', 'offenceEasting'),
  'offence northing': of('offences', 'offenceNorthing'),
  'home easting': of('offences', 'homeEasting'),
  'home northing': of('offences', 'homeNorthing'),
  'offence latitude': of('offences', 'offenceLatitude'),
  'offence longitude': of('offences', 'offenceLongitude'),
  'home latitude': of('offences', 'homeLatitude'),
  'home longitude': of('offences', 'homeLongitude'),
  easting: [...of('offences', 'offenceEasting'), ...of('schools', 'easting'), ...of('postcodes', 'easting')],
  northing: [...of('offences', 'offenceNorthing'), ...of('schools', 'northing'), ...of('postcodes', 'northing')],
  latitude: [...of('offences', 'offenceLatitude'), ...of('schools', 'latitude'), ...of('postcodes', 'latitude')],
  longitude: [...of('offences', 'offenceLongitude'), ...of('schools', 'longitude'), ...of('postcodes', 'longitude')],
  'school urn': of('offences', 'schoolUrn'),
  'school attended': of('offences', 'schoolUrn'),
  weapon: of('offences', 'weapon'),
  knife: of('offences', 'weapon'),
  'weapon flag': of('offences', 'weapon'),
  'knife flag': of('offences', 'weapon'),
  urn: [...of('schools', 'urn'), ...of('pupilResidence', 'urn'), ...of('currentList', 'urn')],
  name: [...of('schools', 'name'), ...of('currentList', 'name')],
  'school name': [...of('schools', 'name'), ...of('currentList', 'name')],
  'establishment name': of('schools', 'name'),
  phase: of('schools', 'phase'),
  'phase of education': of('schools', 'phase'),
  status: of('schools', 'status'),
  'establishment status': of('schools', 'status'),
  pupils: [...of('schools', 'pupils'), ...of('pupilResidence', 'pupils')],
  'number of pupils': [...of('schools', 'pupils'), ...of('pupilResidence', 'pupils')],
  'pupils on roll': of('schools', 'pupils'),
  roll: of('schools', 'pupils'),
  'ward code': [...of('wards', 'wardCode'), ...of('pupilResidence', 'wardCode'), ...of('wardVertices', 'wardCode')],
  'ward name': [...of('wards', 'wardName'), ...of('wardVertices', 'wardName')],
  district: of('wards', 'districtName'),
  'district name': of('wards', 'districtName'),
  'local authority': of('wards', 'districtName'),
  'district code': of('wards', 'districtCode'),
  population: of('wards', 'youngPopulation'),
  'young population': of('wards', 'youngPopulation'),
  postcode: [...of('schools', 'postcode'), ...of('postcodes', 'postcode')],
};

/** Month names and abbreviations -> month number (1–12). */
export const MONTHS: Readonly<Record<string, number>> = {
  january: 1,
  jan: 1,
  february: 2,
  feb: 2,
  march: 3,
  mar: 3,
  april: 4,
  apr: 4,
  may: 5,
  june: 6,
  jun: 6,
  july: 7,
  jul: 7,
  august: 8,
  aug: 8,
  september: 9,
  sep: 9,
  sept: 9,
  october: 10,
  oct: 10,
  november: 11,
  nov: 11,
  december: 12,
  dec: 12,
};

/**
 * A regular-expression alternation of phrases, longest first (so 'pupil residence' wins over
 * 'residence'), spaces matching single spaces.
 * @example alternation(['a b', 'a']) // => 'a b|a'
 */
export function alternation(phrases: readonly string[]): string {
  return [...phrases]
    .sort((a, b) => b.length - a.length || a.localeCompare(b))
    .map((phrase) => phrase.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('|');
}

/** Every word of a table's phrases, for spelling correction. */
export function phraseWords(...tables: readonly Readonly<Record<string, unknown>>[]): string[] {
  return tables.flatMap((table) => Object.keys(table).flatMap((phrase) => phrase.split(' ')));
}
