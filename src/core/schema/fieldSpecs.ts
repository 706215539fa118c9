import type { SheetRole } from '../types';
import type { FieldName, FieldSpec, RequirementGroup, RoleSpec } from './types';

/**
 * Field specs for every input sheet role: what each column means, which are required and how
 * analysts' exports tend to head them. Synonyms are compared after `normaliseHeader`, so case,
 * spacing, underscores and punctuation do not matter (`Age at Offence` = `age_at_offence`).
 * Earlier synonyms win when two columns both match a field.
 *
 * Sources for the shapes: GIAS "all establishment data" download (get-information-schools.service.gov.uk);
 * ONS geography codes (WDyyCD / WDyyNM ward, LADyyCD / LADyyNM district); ONS mid-year population
 * estimates; the ONS postcode directory and its derivatives (`Postcode`, `LAT`, `LONG`); common police
 * records-system exports (Niche, Athena, Connect) as seen in force data requests.
 */

const field = (name: FieldName, label: string, synonyms: readonly string[], extra: Partial<FieldSpec> = {}): FieldSpec => ({
  field: name,
  label,
  synonyms,
  ...extra,
});

const single = (name: FieldName, label: string): RequirementGroup => ({ name, label, alternatives: [[name]] });

/** Location fields of one kind (offence or home) in the offences sheet. */
const locationGroup = (prefix: 'offence' | 'home', label: string): RequirementGroup => ({
  name: `${prefix}Location`,
  label,
  alternatives: [
    [`${prefix}Latitude`, `${prefix}Longitude`] as FieldName[],
    [`${prefix}Easting`, `${prefix}Northing`] as FieldName[],
    [`${prefix}Ward`] as FieldName[],
    [`${prefix}Postcode`] as FieldName[],
  ],
});

/** ONS-style code and name headers: WD22CD, WD22NM, LAD22CD, LAD22NM (any two-digit year). */
const WARD_CODE_PATTERNS = [/^wd\d{2}cd$/, /^ward\d{2}cd$/, /^wd\d{2}code$/];
const WARD_NAME_PATTERNS = [/^wd\d{2}nm$/, /^ward\d{2}nm$/, /^wd\d{2}name$/];
const DISTRICT_CODE_PATTERNS = [/^lad\d{2}cd$/, /^lad\d{2}code$/, /^lau?\d{2}cd$/];
const DISTRICT_NAME_PATTERNS = [/^lad\d{2}nm$/, /^lad\d{2}name$/, /^lau?\d{2}nm$/];

const OFFENCES: RoleSpec = {
  role: 'offences',
  label: 'offences',
  sheetNameHints: ['offence', 'offences', 'crime', 'crimes', 'offending', 'occurrence', 'police', 'incidents'],
  fields: [
    field('offenceRef', 'the offence reference', [
      'offence ref', 'offence reference', 'offence id', 'offence number', 'offence no', 'crime number', 'crime no',
      'crime ref', 'crime reference', 'crime reference number', 'crime id', 'crn', 'occurrence ref',
      'occurrence reference', 'occurrence number', 'occurrence no', 'occurrence id', 'incident ref', 'incident reference',
      'incident number', 'incident id', 'case ref', 'case reference', 'case number', 'crime urn', 'offence urn', 'record id',
    ], { excludeWords: ['offender', 'person', 'suspect', 'nominal', 'school'] }),
    field('offenderRef', 'the offender reference', [
      'offender ref', 'offender reference', 'offender id', 'offender number', 'offender no', 'nominal id', 'nominal ref',
      'nominal reference', 'nominal number', 'nominal', 'person id', 'person ref', 'person reference', 'person urn',
      'suspect ref', 'suspect reference', 'suspect id', 'suspect number', 'pnc id', 'pnc number', 'pseudo id',
      'pseudonymised id', 'pseudonym', 'offender pseudo id', 'individual id', 'perpetrator id', 'accused id',
      'offender urn', 'offender key', 'person key',
    ]),
    field('offenceDate', 'the offence date', [
      'offence date', 'date of offence', 'committed date', 'date committed', 'committed on', 'date', 'occurrence date',
      'start date', 'offence start date', 'crime date', 'incident date', 'committed from', 'committed from date',
      'first committed date', 'earliest committed date', 'from date', 'offence datetime', 'offence date time',
      'date time', 'datetime', 'recorded date', 'date recorded', 'reported date', 'date reported',
    ], { excludeWords: ['birth', 'dob', 'end', 'to'] }),
    field('offenceType', 'the offence type', [
      'offence type', 'crime type', 'ho offence', 'ho offence type', 'home office offence', 'offence description',
      'offence group', 'crime category', 'offence category', 'crime group', 'offence', 'offence name', 'crime description',
      'offence classification', 'ho class', 'ho offence group', 'ho offence description', 'offence subgroup',
      'crime subgroup', 'crime subcategory', 'type', 'category', 'classification',
    ], { excludeWords: ['date', 'ref', 'reference', 'number', 'id', 'code'] }),
    field('age', "the offender's age at the offence", [
      'age', 'offender age', 'age at offence', 'age at time of offence', 'age at the time of offence', 'suspect age',
      'age of offender', 'age at offence date', 'age years', 'person age', 'age at crime', 'age at committed date',
      'nominal age', 'age of suspect', 'accused age', 'age when committed',
    ]),
    field('offenceLatitude', 'the offence latitude', [
      'offence latitude', 'offence lat', 'latitude', 'lat', 'location latitude', 'location lat', 'crime latitude',
      'incident latitude', 'occurrence latitude', 'offence location latitude', 'wgs84 latitude',
    ], { excludeWords: ['home', 'residence', 'residential', 'offender', 'address', 'suspect', 'school'] }),
    field('offenceLongitude', 'the offence longitude', [
      'offence longitude', 'offence lon', 'offence long', 'offence lng', 'longitude', 'lon', 'long', 'lng',
      'location longitude', 'location lon', 'location long', 'crime longitude', 'incident longitude',
      'occurrence longitude', 'offence location longitude', 'wgs84 longitude',
    ], { excludeWords: ['home', 'residence', 'residential', 'offender', 'address', 'suspect', 'school'] }),
    field('offenceEasting', 'the offence easting', [
      'offence easting', 'offence x', 'location easting', 'location x', 'easting', 'x', 'x coordinate', 'x coord',
      'grid x', 'crime easting', 'crime x', 'incident easting', 'incident x', 'occurrence easting', 'map x', 'os easting',
      'offence x coordinate', 'offence location easting', 'bng easting',
    ], { excludeWords: ['home', 'residence', 'residential', 'offender', 'address', 'suspect', 'school'] }),
    field('offenceNorthing', 'the offence northing', [
      'offence northing', 'offence y', 'location northing', 'location y', 'northing', 'y', 'y coordinate', 'y coord',
      'grid y', 'crime northing', 'crime y', 'incident northing', 'incident y', 'occurrence northing', 'map y',
      'os northing', 'offence y coordinate', 'offence location northing', 'bng northing',
    ], { excludeWords: ['home', 'residence', 'residential', 'offender', 'address', 'suspect', 'school'] }),
    field('offenceWard', 'the offence ward code', [
      'offence ward', 'offence ward code', 'ward code', 'ward', 'location ward', 'location ward code', 'crime ward',
      'crime ward code', 'incident ward', 'occurrence ward', 'offence location ward', 'ward cd',
    ], { excludeWords: ['home', 'residence', 'residential', 'offender', 'address', 'suspect', 'school', 'name'] }),
    field('offencePostcode', 'the offence postcode', [
      'offence postcode', 'location postcode', 'postcode', 'post code', 'crime postcode', 'incident postcode',
      'occurrence postcode', 'offence location postcode', 'offence post code',
    ], { excludeWords: ['home', 'residence', 'residential', 'offender', 'address', 'suspect', 'school'] }),
    field('homeLatitude', "the offender's home latitude", [
      'home latitude', 'home lat', 'residence latitude', 'residence lat', 'offender latitude', 'offender lat',
      'home address latitude', 'address latitude', 'address lat', 'suspect home latitude', 'residential latitude',
      'offender home latitude', 'home location latitude',
    ]),
    field('homeLongitude', "the offender's home longitude", [
      'home longitude', 'home lon', 'home long', 'home lng', 'residence longitude', 'residence lon', 'residence long',
      'offender longitude', 'offender lon', 'offender long', 'home address longitude', 'address longitude',
      'address long', 'address lon', 'suspect home longitude', 'residential longitude', 'offender home longitude',
      'home location longitude',
    ]),
    field('homeEasting', "the offender's home easting", [
      'home easting', 'home x', 'residence easting', 'residence x', 'offender easting', 'offender x',
      'home address easting', 'address easting', 'address x', 'home grid x', 'residential easting',
      'offender home easting', 'home location easting', 'home x coordinate',
    ]),
    field('homeNorthing', "the offender's home northing", [
      'home northing', 'home y', 'residence northing', 'residence y', 'offender northing', 'offender y',
      'home address northing', 'address northing', 'address y', 'home grid y', 'residential northing',
      'offender home northing', 'home location northing', 'home y coordinate',
    ]),
    field('homeWard', "the offender's home ward code", [
      'home ward', 'home ward code', 'residence ward', 'residence ward code', 'offender ward', 'offender ward code',
      'offender home ward', 'home address ward', 'address ward', 'ward of residence', 'resident ward', 'residential ward',
      'suspect ward', 'suspect home ward', 'home location ward',
    ], { excludeWords: ['name'] }),
    field('homePostcode', "the offender's home postcode", [
      'home postcode', 'offender postcode', 'residence postcode', 'home address postcode', 'address postcode',
      'postcode of residence', 'home post code', 'suspect postcode', 'suspect home postcode', 'residential postcode',
      'offender home postcode', 'home location postcode',
    ]),
    field('schoolUrn', 'the school the offender attends (URN)', [
      'school urn', 'school', 'school attended', 'urn of school', 'school id', 'school code', 'establishment urn',
      'school dfe urn', 'attending school', 'school of attendance', 'school attended urn', 'education establishment',
    ]),
    field('weapon', 'the knife or weapon flag', [
      'weapon', 'weapon flag', 'knife', 'knife flag', 'knife crime', 'knife crime flag', 'weapon used', 'knife used',
      'knife or sharp instrument', 'knife sharp instrument', 'bladed article', 'knife or weapon', 'knife weapon',
      'weapon involved', 'knife involved', 'knife flag yn', 'weapon flag yn', 'weapon yn', 'knife yn',
    ]),
  ],
  required: [
    single('offenceRef', 'the offence reference'),
    single('offenderRef', 'the offender reference'),
    single('offenceDate', 'the offence date'),
    single('offenceType', 'the offence type'),
    single('age', "the offender's age"),
    locationGroup('offence', 'the offence location'),
    locationGroup('home', "the offender's home location"),
  ],
};

const SCHOOLS: RoleSpec = {
  role: 'schools',
  label: 'schools',
  sheetNameHints: ['school', 'schools', 'gias', 'establishment', 'establishments', 'edubase'],
  fields: [
    field('urn', 'the school URN', ['urn', 'school urn', 'unique reference number', 'establishment urn', 'dfe urn', 'urn number']),
    field('name', 'the school name', ['establishment name', 'school name', 'name', 'school', 'establishment', 'school establishment name'], {
      excludeWords: ['la', 'type', 'group', 'trust', 'reason', 'sponsor', 'federation', 'head', 'ward', 'district', 'street', 'town'],
    }),
    field('phase', 'the phase of education', [
      'phase of education name', 'phase of education', 'phase', 'school phase', 'education phase', 'phase name',
    ]),
    field('type', 'the type of establishment', [
      'type of establishment name', 'type of establishment', 'establishment type', 'school type', 'type',
      'establishment type group name', 'establishment type group',
    ], { excludeWords: ['reason', 'boarders', 'provision', 'sen'] }),
    field('status', 'the establishment status', [
      'establishment status name', 'establishment status', 'status', 'school status', 'status name', 'open closed',
    ], { excludeWords: ['trust', 'boarders', 'religious', 'diocese', 'ofsted', 'sen', 'federation'] }),
    field('pupils', 'the number of pupils on roll', [
      'number of pupils', 'pupils', 'pupils on roll', 'number on roll', 'nor', 'pupil count', 'headcount',
      'total pupils', 'pupil numbers', 'roll', 'on roll', 'number pupils',
    ], { excludeWords: ['fsm', 'percentage', 'boys', 'girls', 'capacity', 'age', 'sen', 'resourced', 'places'] }),
    field('easting', 'the school easting', ['easting', 'x', 'school easting', 'grid easting', 'os easting', 'bng easting', 'x coordinate'], {
      excludeWords: ['home', 'pupil'],
    }),
    field('northing', 'the school northing', ['northing', 'y', 'school northing', 'grid northing', 'os northing', 'bng northing', 'y coordinate'], {
      excludeWords: ['home', 'pupil'],
    }),
    field('latitude', 'the school latitude', ['latitude', 'lat', 'school latitude', 'wgs84 latitude'], { excludeWords: ['home', 'pupil'] }),
    field('longitude', 'the school longitude', ['longitude', 'long', 'lon', 'lng', 'school longitude', 'wgs84 longitude'], {
      excludeWords: ['home', 'pupil'],
    }),
    field('postcode', 'the school postcode', ['postcode', 'post code', 'school postcode'], { excludeWords: ['home', 'pupil'] }),
  ],
  required: [
    single('urn', 'the school URN'),
    single('name', 'the school name'),
    single('phase', 'the phase of education'),
    { name: 'location', label: 'the school location', alternatives: [['easting', 'northing'], ['latitude', 'longitude'], ['postcode']] },
  ],
};

const WARDS: RoleSpec = {
  role: 'wards',
  label: 'wards',
  sheetNameHints: ['ward', 'wards', 'population', 'pop', 'denominator', 'denominators'],
  readsAgeColumns: true,
  fields: [
    field('wardCode', 'the ward code', ['ward code', 'wardcode', 'ward cd', 'wd cd', 'electoral ward code', 'ward', 'code', 'ward id'], {
      patterns: WARD_CODE_PATTERNS,
      excludeWords: ['name', 'lad', 'district', 'la', 'lsoa', 'msoa', 'oa', 'postcode'],
    }),
    field('wardName', 'the ward name', ['ward name', 'wardname', 'ward nm', 'wd nm', 'electoral ward name', 'name', 'ward'], {
      patterns: WARD_NAME_PATTERNS,
      excludeWords: ['code', 'lad', 'district', 'la', 'lsoa', 'msoa'],
    }),
    field('districtCode', 'the local authority district code', [
      'lad cd', 'lad code', 'district code', 'local authority code', 'la code', 'lad', 'local authority district code', 'lad id',
    ], { patterns: DISTRICT_CODE_PATTERNS, excludeWords: ['name', 'ward'] }),
    field('districtName', 'the local authority district name', [
      'lad nm', 'lad name', 'district name', 'local authority name', 'la name', 'district', 'local authority',
      'local authority district name', 'borough',
    ], { patterns: DISTRICT_NAME_PATTERNS, excludeWords: ['code', 'ward'] }),
    field('youngPopulation', 'the young population', [
      'young population', 'youngpopulation', 'young people', 'population young', 'children and young people',
      'young residents', 'population of young people', 'school age population', 'young persons',
    ]),
  ],
  required: [
    single('wardCode', 'the ward code'),
    { name: 'youngPopulation', label: 'the young population (a band column or single-year-of-age columns)', alternatives: [['youngPopulation']] },
  ],
};

const PUPIL_RESIDENCE: RoleSpec = {
  role: 'pupilResidence',
  label: 'pupil residence',
  sheetNameHints: ['residence', 'pupil', 'pupils', 'census', 'catchment', 'home ward', 'where pupils live'],
  fields: [
    field('urn', 'the school URN', ['urn', 'school urn', 'school', 'school id', 'establishment urn', 'dfe urn', 'school code']),
    field('wardCode', "the pupils' home ward code", [
      'ward code', 'home ward', 'home ward code', 'pupil ward', 'pupil ward code', 'pupil home ward', 'residence ward',
      'residence ward code', 'ward of residence', 'ward', 'resident ward', 'home ward cd',
    ], { patterns: WARD_CODE_PATTERNS, excludeWords: ['name'] }),
    field('pupils', 'the number of pupils', [
      'pupils', 'number of pupils', 'pupil count', 'count', 'headcount', 'number', 'children', 'total',
      'pupils resident', 'number of children', 'value', 'n', 'frequency',
    ]),
  ],
  required: [single('urn', 'the school URN'), single('wardCode', 'the home ward code'), single('pupils', 'the number of pupils')],
};

const CURRENT_LIST: RoleSpec = {
  role: 'currentList',
  label: 'current list',
  sheetNameHints: ['vru', 'list', 'current', 'prevention', 'programme', 'program', 'engaged', 'partner', 'partners', 'existing', 'our schools'],
  fields: [
    field('urn', 'the school URN', ['urn', 'school urn', 'establishment urn', 'dfe urn', 'unique reference number', 'school id']),
    field('name', 'the school name', ['school name', 'school', 'name', 'establishment name', 'establishment', 'schools', 'school names'], {
      excludeWords: ['contact', 'lead', 'head', 'person', 'staff', 'officer', 'ward', 'district'],
    }),
  ],
  required: [{ name: 'school', label: 'the school URN or name', alternatives: [['urn'], ['name']] }],
};

const POSTCODES: RoleSpec = {
  role: 'postcodes',
  label: 'postcode lookup',
  sheetNameHints: ['postcode', 'postcodes', 'lookup', 'onspd', 'nspl', 'pcd'],
  fields: [
    field('postcode', 'the postcode', ['postcode', 'pcd', 'pcds', 'pcd2', 'post code', 'postcode spaced', 'postcode 7', 'postcode 8'], {
      excludeWords: ['area', 'district', 'sector', 'type', 'status'],
    }),
    field('latitude', 'the latitude', ['latitude', 'lat', 'wgs84 latitude']),
    field('longitude', 'the longitude', ['longitude', 'long', 'lon', 'lng', 'wgs84 longitude']),
    field('easting', 'the easting', ['easting', 'oseast1m', 'x', 'grid easting', 'os easting']),
    field('northing', 'the northing', ['northing', 'osnrth1m', 'y', 'grid northing', 'os northing']),
  ],
  required: [
    single('postcode', 'the postcode'),
    { name: 'location', label: 'the postcode location', alternatives: [['latitude', 'longitude'], ['easting', 'northing']] },
  ],
};

const WARD_VERTICES: RoleSpec = {
  role: 'wardVertices',
  label: 'ward boundary vertices',
  sheetNameHints: ['vertices', 'vertex', 'boundary', 'boundaries', 'polygon', 'polygons', 'shape', 'shapes', 'geometry'],
  fields: [
    field('wardCode', 'the ward code', ['ward code', 'wardcode', 'ward cd', 'ward', 'code', 'ward id'], {
      patterns: WARD_CODE_PATTERNS,
      excludeWords: ['name'],
    }),
    field('wardName', 'the ward name', ['ward name', 'wardname', 'name'], { patterns: WARD_NAME_PATTERNS, excludeWords: ['code'] }),
    field('part', 'the polygon part', ['part', 'polygon', 'poly', 'polygon id', 'part id', 'piece', 'part number', 'polygon number', 'feature part']),
    field('ring', 'the ring', ['ring', 'ring id', 'ring index', 'ring number', 'hole', 'ring no']),
    field('order', 'the vertex order', [
      'order', 'vertex', 'vertex order', 'point order', 'sequence', 'seq', 'index', 'point', 'vertex index', 'point id',
      'vertex id', 'vertex number', 'point number', 'sort order',
    ]),
    field('x', 'the x coordinate (easting or longitude)', ['x', 'easting', 'lon', 'longitude', 'lng', 'long', 'x coordinate']),
    field('y', 'the y coordinate (northing or latitude)', ['y', 'northing', 'lat', 'latitude', 'y coordinate']),
  ],
  required: [
    single('wardCode', 'the ward code'),
    single('ring', 'the ring'),
    single('order', 'the vertex order'),
    single('x', 'the x coordinate'),
    single('y', 'the y coordinate'),
  ],
};

/** Every role's spec, in the order roles are offered to the analyst. */
export const ROLE_SPECS: Readonly<Record<SheetRole, RoleSpec>> = {
  offences: OFFENCES,
  schools: SCHOOLS,
  wards: WARDS,
  pupilResidence: PUPIL_RESIDENCE,
  currentList: CURRENT_LIST,
  postcodes: POSTCODES,
  wardVertices: WARD_VERTICES,
};

export const SHEET_ROLES: readonly SheetRole[] = ['offences', 'schools', 'wards', 'pupilResidence', 'currentList', 'postcodes', 'wardVertices'];

/** The spec of one field of a role, or undefined when the role has no such field. */
export function fieldSpecOf(role: SheetRole, name: FieldName): FieldSpec | undefined {
  return ROLE_SPECS[role].fields.find((spec) => spec.field === name);
}
