/**
 * What the published Validation sheet may quote from the input. The workbook goes to VRU staff
 * outside the police, so a value that could point to a person, an incident or a home is withheld;
 * the analyst finds the row in their own sheet by its row number, which is all they need. The
 * engine's Issues keep every value: only the shared sheet applies this policy.
 *
 * Withheld: every value in the offences sheet except the few that describe no one (age, offence
 * type, school URN, weapon flag) — so references, offence dates, and the coordinates, postcodes and
 * ward codes of offences and homes — and every value in a postcode lookup (an analyst's lookup may
 * list exactly the offenders' home postcodes). An offences column the policy does not recognise is
 * withheld too: the list of what is shown is the closed one.
 * Shown: values from the schools, wards, ward boundaries, pupil residence and current list inputs,
 * which are published (GIAS, ONS) or aggregate data, and problems with headers rather than rows.
 */

import type { AnalysisResult } from '../core/pipeline/analysisResult';
import type { FieldName } from '../core/schema';
import type { Issue, IssueCode, SheetRole } from '../core/types';

/** Why a value is withheld, as the sheet says it. */
export type WithheldKind = 'location' | 'reference' | 'date' | 'unrecognised';

/** What the Value column shows in place of a withheld value. */
export const WITHHELD_VALUE: Readonly<Record<WithheldKind, string>> = {
  location: '(withheld: location)',
  reference: '(withheld: reference)',
  date: '(withheld: date)',
  unrecognised: '(withheld)',
};

/** How one issue's value is published: as given, or withheld with the words for what it was. */
export type ValueTreatment =
  | { readonly shown: true }
  | {
      readonly shown: false;
      readonly kind: WithheldKind;
      /** What the withheld cell holds, for the message: 'home location', 'offence reference'. */
      readonly what: string;
      readonly fields: readonly FieldName[];
    };

/** Offences-sheet fields whose values identify no one: shown as given. Every other offences value is withheld. */
const SHOWN_OFFENCE_FIELDS: ReadonlySet<FieldName> = new Set<FieldName>(['age', 'offenceType', 'schoolUrn', 'weapon']);

/** Roles whose row values are personal or may be: the offences sheet and a postcode lookup. */
const PERSONAL_ROLES: ReadonlySet<SheetRole> = new Set<SheetRole>(['offences', 'postcodes']);

/** Issues about a sheet's headers, not its rows: they quote header text only. */
const HEADER_CODES: ReadonlySet<IssueCode> = new Set<IssueCode>(['columnMissing', 'sheetMissing']);

/** What a withheld field holds, by role: the kind printed in the Value column and the words used in the message. */
function describeField(role: SheetRole, field: FieldName | undefined): { kind: WithheldKind; what: string } {
  if (role === 'postcodes') return { kind: 'location', what: field === 'postcode' ? 'postcode' : 'postcode location' };
  if (field === 'offenceRef') return { kind: 'reference', what: 'offence reference' };
  if (field === 'offenderRef') return { kind: 'reference', what: 'offender reference' };
  if (field === 'offenceDate') return { kind: 'date', what: 'offence date' };
  if (field?.startsWith('home')) return { kind: 'location', what: 'home location' };
  if (field?.startsWith('offence')) return { kind: 'location', what: 'offence location' };
  return { kind: 'unrecognised', what: 'value' };
}

/**
 * The fields an issue's column names, for one role: the column is a header as written, a pair or
 * list joined by ' / ' ('Home Easting / Home Northing'), or a field's own name where the sheet had
 * no such column. A part that names no field of the role gives undefined.
 */
function fieldsOfColumn(
  column: string,
  headers: Readonly<Partial<Record<FieldName, string>>>,
): (FieldName | undefined)[] {
  const byHeader = new Map<string, FieldName>();
  for (const [field, header] of Object.entries(headers) as [FieldName, string][]) {
    byHeader.set(header, field);
    if (!byHeader.has(field)) byHeader.set(field, field);
  }
  const parts = byHeader.has(column) ? [column] : column.split(' / ');
  return parts.map((part) => byHeader.get(part));
}

/**
 * How the shared Validation sheet treats an issue's value (see the policy above). Decided by the
 * role of the issue's sheet and the fields its column holds, never by the value itself, so a value
 * is withheld however it is written.
 * @example valueTreatment({ sheet: 'Crimes', column: 'Home Postcode', code: 'unknownPostcode', ... }, result)
 *   // => { shown: false, kind: 'location', what: 'home location', fields: ['homePostcode'] }
 */
export function valueTreatment(issue: Issue, result: Pick<AnalysisResult, 'roles' | 'columns'>): ValueTreatment {
  if (HEADER_CODES.has(issue.code)) return { shown: true };
  const role = (Object.entries(result.roles) as [SheetRole, string][]).find(
    ([candidate, sheet]) => sheet === issue.sheet && PERSONAL_ROLES.has(candidate),
  )?.[0];
  if (role === undefined) return { shown: true };
  const fields = fieldsOfColumn(issue.column, result.columns[role] ?? {});
  if (
    role === 'offences' &&
    fields.length > 0 &&
    fields.every((field) => field !== undefined && SHOWN_OFFENCE_FIELDS.has(field))
  )
    return { shown: true };
  const first = fields.find((field) => field === undefined || !SHOWN_OFFENCE_FIELDS.has(field));
  const { kind, what } = describeField(role, first);
  return { shown: false, kind, what, fields: fields.filter((field): field is FieldName => field !== undefined) };
}

/** The policy in four short statements, for the Validation and Method sheets. */
export const VALIDATION_POLICY: readonly (readonly [string, string])[] = [
  [
    'Withheld',
    'offence and offender references; offence dates; every location in the offences sheet or a postcode lookup (coordinates, postcodes and ward codes of offences and homes).',
  ],
  [
    'How it shows',
    'the Value column reads (withheld: location), (withheld: reference) or (withheld: date); the message says what is wrong and what was done without quoting the value.',
  ],
  [
    'Shown as given',
    'ages, offence types, school URNs and weapon flags, and values from the schools, wards, ward boundaries, pupil residence and current list inputs (published or aggregate data).',
  ],
  [
    'Finding a row',
    "the sheet and row number point to the row in the analyst's own workbook, which keeps the full values; they are never copied into this workbook.",
  ],
];
