/** Row validation: coercion of cells, and one validator per sheet role producing typed records and Issues. */
export type {
  ValidationResult,
  WardVertexRecord,
  PostcodeValidationResult,
  LocationContext,
  OffenceContext,
} from './types';

// Coercion of single cells
export { parseNumber } from './parseNumber';
export { parseDate, excelSerialToDate, type ParseDateOptions } from './parseDate';
export { parseBoolean } from './parseBoolean';
export { normalisePostcode } from './normalisePostcode';
export { isWardCode, normaliseWardCode } from './isWardCode';
export { normaliseUrn } from './normaliseUrn';
export { cellText, isBlankCell } from './cellText';
export { excelErrorText } from './excelError';
export { isTimeOnly, implausibleDateReason, runDay } from './offenceDateChecks';
export { classifyPhase } from './classifyPhase';
export { readSchoolStatus, type SchoolStatusReading } from './schoolStatus';

// Rows and issues
export { dataRows, type DataRow } from './dataRows';
export { isExcludingIssue } from './isExcludingIssue';
export { readLocation, type LocationFields } from './readLocation';

// Validators, one per sheet role
export { validateOffences, ownOffenceRef } from './validateOffences';
export { validateSchools } from './validateSchools';
export { validateWards, youngPopulationSource, type YoungPopulationSource } from './validateWards';
export { validatePupilResidence } from './validatePupilResidence';
export { validateCurrentList } from './validateCurrentList';
export { validatePostcodes } from './validatePostcodes';
export { validateWardVertices } from './validateWardVertices';
