/**
 * How the offence type rule is said in replies. The rule (AnalysisParameters.offenceTypes) is []
 * for the default (the Home Office violence groups), ['all'] for every type, or a chosen list of
 * types as written in the sheet, group ids ('criminalDamageAndArson') and 'violence' (the default
 * groups); see offenceTypeRule in the engine.
 */
import { EVERY_OFFENCE_TYPE, VIOLENCE_GROUPS as VIOLENCE_TOKEN } from '../../core/pipeline/stages/scopeOffences';
import { classifyOffenceType, groupLabel, isOffenceGroup } from '../../core/scope';
import { plural, quotedForUtterance } from './format';

export { EVERY_OFFENCE_TYPE, VIOLENCE_TOKEN };

/** The same text for the engine: trimmed, lower case, single spaces. */
export const typeKey = (text: string): string => text.trim().toLowerCase().replace(/\s+/g, ' ');

export const isDefaultRule = (offenceTypes: readonly string[]): boolean => offenceTypes.length === 0;
export const isEveryType = (offenceTypes: readonly string[]): boolean =>
  offenceTypes.some((entry) => typeKey(entry) === EVERY_OFFENCE_TYPE);

/** One entry of a chosen list as said: a group id by its label, 'violence' as the default groups, a type as written. */
export function entryText(entry: string): string {
  if (typeKey(entry) === VIOLENCE_TOKEN) return 'violence (the Home Office groups)';
  return isOffenceGroup(entry) ? groupLabel(entry) : entry;
}

/** The rule as said, for the settings: 'violence (the Home Office groups, the default)', 'every type', 'Robbery; Criminal damage'. */
export function offenceRuleText(offenceTypes: readonly string[]): string {
  if (isDefaultRule(offenceTypes)) return 'violence (the Home Office groups, the default)';
  if (isEveryType(offenceTypes)) return 'every type';
  return offenceTypes.map(entryText).join('; ');
}

/** Whether a type text is one the engine cannot classify (a local code): never counted unless chosen. */
export const isUnrecognised = (text: string): boolean => classifyOffenceType(text).kind === 'unclassified';

/** 'Robbery (3 rows)'; 'XYZ1 (2 rows, not recognised)'. */
export function typeWithRows(type: { readonly text: string; readonly rows: number }): string {
  return `${type.text} (${plural(type.rows, 'row')}${isUnrecognised(type.text) ? ', not recognised' : ''})`;
}

/** How many types a reply lists before saying how many more there are. */
const TYPES_LISTED = 12;

/** 'A (3 rows); B (1 row)', the first dozen, then how many more. */
export function typeList(types: readonly { readonly text: string; readonly rows: number }[]): string {
  const shown = types.slice(0, TYPES_LISTED).map(typeWithRows).join('; ');
  return types.length > TYPES_LISTED ? `${shown}; and ${types.length - TYPES_LISTED} more` : shown;
}

/** 'A (3 rows); B (1 row)', without saying which are not recognised (for lists of those alone). */
export function plainTypeList(types: readonly { readonly text: string; readonly rows: number }[]): string {
  return types.map((type) => `${type.text} (${plural(type.rows, 'row')})`).join('; ');
}

/** The utterance that adds types to what is counted: include 'A' and 'B'. */
export function includeUtterance(texts: readonly string[]): string {
  return `include ${texts.map(quotedForUtterance).join(' and ')}`;
}

/** The utterance that leaves types out: leave out 'A' and 'B'. */
export function leaveOutUtterance(texts: readonly string[]): string {
  return `leave out ${texts.map(quotedForUtterance).join(' and ')}`;
}
