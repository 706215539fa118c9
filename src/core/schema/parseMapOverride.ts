import type { SheetRole } from '../types';
import { ROLE_SPECS, SHEET_ROLES } from './fieldSpecs';
import { normaliseHeader } from './normaliseHeader';
import type { MapOverride } from './types';

/** Other ways an analyst may name a role in an override. */
const ROLE_ALIASES: Readonly<Record<string, SheetRole>> = {
  offence: 'offences',
  crimes: 'offences',
  crime: 'offences',
  school: 'schools',
  gias: 'schools',
  ward: 'wards',
  population: 'wards',
  residence: 'pupilResidence',
  pupils: 'pupilResidence',
  list: 'currentList',
  current: 'currentList',
  vru: 'currentList',
  vrulist: 'currentList',
  postcode: 'postcodes',
  lookup: 'postcodes',
  vertices: 'wardVertices',
  boundaries: 'wardVertices',
  boundary: 'wardVertices',
};

/** The role named by some text ('offences', 'Offence', 'current_list'), or undefined. */
export function roleNamed(text: string): SheetRole | undefined {
  const wanted = normaliseHeader(text);
  return SHEET_ROLES.find((role) => normaliseHeader(role) === wanted) ?? ROLE_ALIASES[wanted];
}

/**
 * Reads a column override written as `role.field=Header text` (quotes around the header are
 * dropped). Problems come back as an `error` message that says the fix, never as an exception.
 * @example parseMapOverride('offences.age=Age at Offence') // => { role: 'offences', field: 'age', header: 'Age at Offence' }
 * @example parseMapOverride('offences.agee=Age') // => { error: "offences has no field 'agee'; ..." }
 */
export function parseMapOverride(text: string): MapOverride | { readonly error: string } {
  const match = /^\s*([^.=\s]+)\s*\.\s*([^=]+?)\s*=\s*(.*?)\s*$/.exec(text);
  if (!match)
    return {
      error: `'${text}' is not a column override; write it as role.field=Header text, e.g. offences.age=Age at Offence.`,
    };
  const [, roleText, fieldText, rawHeader] = match;
  const role = roleNamed(roleText);
  if (!role) return { error: `'${roleText}' is not a sheet role; the roles are ${SHEET_ROLES.join(', ')}.` };
  const fields = ROLE_SPECS[role].fields.map((spec) => spec.field);
  const field = fields.find((name) => normaliseHeader(name) === normaliseHeader(fieldText));
  if (!field) return { error: `${role} has no field '${fieldText}'; its fields are ${fields.join(', ')}.` };
  const header = rawHeader.replace(/^(['"])(.*)\1$/, '$2').trim();
  if (header === '') return { error: `'${text}' names no header after '='; write e.g. ${role}.${field}=Header text.` };
  return { role, field, header };
}

/**
 * Reads a sheet override written as `role=Sheet name`, e.g. `offences=Crimes 2020`.
 * @example parseSheetOverride('offences=Crimes 2020') // => { role: 'offences', sheet: 'Crimes 2020' }
 */
export function parseSheetOverride(
  text: string,
): { readonly role: SheetRole; readonly sheet: string } | { readonly error: string } {
  const match = /^\s*([^=]+?)\s*=\s*(.*?)\s*$/.exec(text);
  if (!match)
    return { error: `'${text}' is not a sheet choice; write it as role=Sheet name, e.g. offences=Crimes 2020.` };
  const role = roleNamed(match[1]);
  if (!role) return { error: `'${match[1]}' is not a sheet role; the roles are ${SHEET_ROLES.join(', ')}.` };
  const sheet = match[2].replace(/^(['"])(.*)\1$/, '$2').trim();
  if (sheet === '') return { error: `'${text}' names no sheet after '='.` };
  return { role, sheet };
}
