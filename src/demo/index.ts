/**
 * The seeded synthetic demo: a West-Midlands-like analyst workbook with ward boundaries and the
 * truth behind it. Pure (no file system): Node-only helpers are in ./node.
 */

// The generator
export { generateDemo, DEMO_SHEET_NAMES, DEMO_DEFAULTS } from './generateDemo';
export type {
  DemoData,
  DemoOptions,
  DemoTruth,
  DemoSheetNames,
  OffenceFaultKind,
  OffenceRowTruth,
  RealInputs,
  RealWardsGeoJson,
  PopulationCsvRow,
} from './types';
export { OFFENCE_FAULT_KINDS, VALID_REPRESENTATION_KINDS } from './types';

// Sheet layouts (exact column names)
export { OFFENCE_HEADERS, UNKNOWN_WARD_CODE, excelSerial } from './offencesSheet';
export { SCHOOL_HEADERS, SCHOOLS_HEADER_ROW } from './schoolsSheet';
export { POPULATION_HEADERS } from './populationSheet';
export { PUPIL_RESIDENCE_HEADERS } from './pupilResidenceSheet';
export { CURRENT_LIST_HEADERS, NAME_ONLY_ENTRY } from './currentList';
export { WARD_VERTEX_HEADERS } from './wardVertexSheet';
export { FAULT_DESCRIPTIONS } from './notesSheet';
export { FIRST_SYNTHETIC_URN, FORMULA_INJECTION_NAME, APOSTROPHE_NAME } from './syntheticSchools';
export { BNG_CRS } from './boundariesGeoJson';

// Building blocks, for tests and benchmarks
export { createDemoRandom, createWeightedSampler, hashString, hashIntegers } from './demoRandom';
export type { DemoRandom } from './demoRandom';
export { voronoiCell } from './voronoiCell';
export { ringSignedArea, pointInRing, pointInPolygon, isSimpleRing } from './planarGeometry';
