/** Input schema: which sheet plays which role, and which column holds which field. */
export type {
  OffenceField,
  SchoolField,
  WardField,
  PupilResidenceField,
  CurrentListField,
  PostcodeField,
  WardVertexField,
  FieldName,
  MatchHow,
  FieldMatch,
  AgeColumn,
  AgeBandColumn,
  ColumnMapping,
  FieldSpec,
  RequirementGroup,
  RoleSpec,
  RoleOverrides,
  RoleCandidate,
  RoleDetection,
  MapOverride,
} from './types';
export { ROLE_SPECS, SHEET_ROLES, fieldSpecOf, isSheetRole } from './fieldSpecs';

export { normaliseHeader, headerWords, headerText } from './normaliseHeader';
export { columnLetter, columnIndex } from './columnLetter';
export { singleAgeOfHeader, ageBandOfHeader } from './ageHeaders';

export { mapColumns, describeColumn, type MapColumnsOptions } from './mapColumns';
export { detectSheetRoles, type DetectSheetRolesOptions } from './detectSheetRoles';
export { describeMapping } from './describeMapping';
export { parseMapOverride, parseSheetOverride, roleNamed } from './parseMapOverride';
