import type { IssueCode } from '../core/types';

/**
 * Each kind of input problem in plain words, beside its code wherever the output counts problems
 * (the Validation sheet's summary, the Method sheet's rows in and out), so a reader without the
 * add-in need not decode 'ageOutsideBand'.
 */
export const ISSUE_LABELS: Readonly<Record<IssueCode, string>> = {
  missingValue: 'a required cell is blank',
  notANumber: 'not a number',
  notADate: 'not a date',
  ageOutsideBand: 'age outside the band analysed',
  ageImpossible: 'not a possible age',
  dateOutsideWindow: 'date outside the window analysed',
  offenceTypeOutOfScope: 'offence type not counted',
  outsideArea: 'location outside the study area',
  unknownWard: 'ward code not in the study area',
  unknownSchool: 'school URN not in the schools sheet',
  unknownPostcode: 'postcode not in the lookup',
  duplicateRow: 'a repeat of an earlier row',
  wardMismatch: 'ward code disagrees with the coordinates',
  badCoordinate: 'coordinates unusable or swapped',
  closedSchool: 'school closed',
  phaseOutOfScope: 'school phase not ranked',
  invalidValue: 'value not in the expected form',
  sheetMissing: 'sheet missing',
  columnMissing: 'column missing',
  excelError: 'an Excel error value (#N/A, #REF!…)',
  dateImplausible: 'a date no real record has',
  offenceTypeUnclassified: 'offence type not recognised (not counted until chosen)',
  nothingInScope: 'nothing left to measure',
  schoolNotRanked: 'school not ranked',
  residenceNotUsed: 'pupil residence not used by the catchment model',
  listEntryAmbiguous: 'list entry fits several schools',
  disclosureUnsafe: 'published counts could not be made safe',
};
