// Offence scope: which offence type texts name Home Office violence, which name other groups, and
// which the analyst must classify.
export {
  VIOLENCE_GROUPS,
  OTHER_GROUPS,
  OFFENCE_GROUPS,
  OFFENCE_GROUP_LABELS,
  OFFENCE_GROUP_FAMILIES,
  DEFAULT_SCOPE,
  VIOLENCE_AGAINST_THE_PERSON_GROUPS,
  THEFT_GROUPS,
  isViolenceGroup,
  isOffenceGroup,
  offenceGroupLabel,
  groupLabel,
  type ViolenceGroup,
  type OtherGroup,
  type OffenceGroup,
} from './offenceGroups';
export { classifyOffenceType, UNCLASSIFIED_LABEL, type OffenceClassification } from './classifyOffenceType';
export {
  classifyOffenceTypes,
  type OffenceTypeEntry,
  type OffenceTypeScope,
  type ClassifyOffenceTypesOptions,
} from './classifyOffenceTypes';
export { groupsNamed } from './groupsNamed';
export { normaliseOffenceText, offenceWords } from './offenceText';
export { parseHomeOfficeCode, homeOfficeCodeGroup, type HomeOfficeCode } from './homeOfficeCode';
