import { describeMapping, detectSheetRoles, isSheetRole, type ColumnMapping, type RoleDetection } from '../../schema';
import type { Issue, SheetRole, WorkbookData } from '../../types';
import { blocking, sheetByName } from './problems';

const REQUIRED_ROLES: readonly SheetRole[] = ['offences', 'schools', 'wards'];

/** What each role is called in a sentence ("an offences sheet" reads wrong). */
const ROLE_NOUN: Readonly<Record<SheetRole, string>> = {
  offences: 'an offences sheet',
  schools: 'a schools sheet',
  wards: 'a wards sheet',
  pupilResidence: 'a pupil residence sheet',
  currentList: 'a current list sheet',
  postcodes: 'a postcode lookup sheet',
  wardVertices: 'a ward vertex sheet',
};

export interface DetectedInputs {
  readonly detection: RoleDetection;
  readonly mappingNotes: readonly string[];
  readonly offences: ColumnMapping;
  readonly schools: ColumnMapping;
  readonly wards: ColumnMapping;
}

export type DetectOutcome =
  | ({ readonly ok: true } & DetectedInputs)
  | { readonly ok: false; readonly problems: readonly Issue[]; readonly mappingNotes: readonly string[] };

/**
 * Which sheet plays which role and which column holds which field, with the analyst's choices
 * applied first. Stops when a required sheet or column cannot be found, naming the headers that
 * are there.
 */
export function detectInputs(
  workbook: WorkbookData,
  roleOverrides: Partial<Record<SheetRole, string>> | undefined,
  columnOverrides: Readonly<Record<string, string>> | undefined,
): DetectOutcome {
  const columns: Partial<Record<SheetRole, Record<string, string>>> = {};
  for (const [key, header] of Object.entries(columnOverrides ?? {})) {
    const dot = key.indexOf('.');
    const role = key.slice(0, dot);
    // A key naming no role could set nothing: detection reads the overrides of its roles only.
    if (!isSheetRole(role)) continue;
    columns[role] = { ...(columns[role] ?? {}), [key.slice(dot + 1)]: header };
  }
  const detection = detectSheetRoles(workbook, { sheets: roleOverrides, columns });
  const mappingNotes: string[] = [];
  for (const mapping of Object.values(detection.mappings)) if (mapping) mappingNotes.push(...describeMapping(mapping));
  for (const ambiguity of detection.ambiguous) {
    mappingNotes.push(
      `Note: ${ambiguity.sheets.length} sheets look like ${ambiguity.role} (${ambiguity.sheets.map((s) => `'${s}'`).join(', ')}); ` +
        `used '${detection.assignments[ambiguity.role]}'. Choose another as the ${ambiguity.role} sheet if that is wrong.`,
    );
  }
  const problems: Issue[] = detection.issues.filter((issue) => issue.severity === 'error');
  for (const mapping of Object.values(detection.mappings))
    problems.push(...(mapping?.issues ?? []).filter((issue) => issue.severity === 'error'));
  const sheetNames = workbook.sheets.map((s) => `'${s.name}'`);
  for (const role of REQUIRED_ROLES) {
    const mapping = detection.mappings[role];
    if (!mapping) {
      problems.push(
        blocking(
          '(workbook)',
          0,
          role,
          'sheetMissing',
          `No sheet looks like ${ROLE_NOUN[role]}: none has the columns it needs. ${sheetNames.length > 0 ? `Sheets found: ${sheetNames.join(', ')}.` : 'The workbook has no sheets.'}`,
          { setting: 'sheet', role },
        ),
      );
      continue;
    }
    const sheet = sheetByName(workbook, mapping.sheet);
    const headerCells = sheet?.rows[mapping.headerRow - (sheet.firstRow ?? 1)] ?? [];
    const headers = headerCells
      .filter((cell) => cell !== null && String(cell).trim() !== '')
      .map((cell) => `'${String(cell)}'`);
    for (const field of mapping.missingRequired) {
      problems.push(
        blocking(
          mapping.sheet,
          mapping.headerRow,
          field,
          'columnMissing',
          `Sheet '${mapping.sheet}', row ${mapping.headerRow} (headers), column for ${role}.${field}: none of the headers is recognised as ${field} ` +
            `(headers: ${headers.join(', ')}). Name the column that holds it.`,
          { setting: 'column', role, field },
        ),
      );
    }
  }
  if (problems.length > 0) return { ok: false, problems, mappingNotes };
  const { offences, schools, wards } = detection.mappings;
  if (!offences || !schools || !wards) return { ok: false, problems, mappingNotes };
  return { ok: true, detection, mappingNotes, offences, schools, wards };
}
