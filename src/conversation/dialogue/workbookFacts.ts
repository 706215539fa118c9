/** Facts read from the workbook snapshot for replies: sheet roles, headers, distinct values. */
import {
  detectSheetRoles,
  headerText,
  SHEET_ROLES,
  type ColumnMapping,
  type FieldName,
  type RoleDetection,
} from '../../core/schema';
import type { SchoolPhase, SheetData, SheetRole, WorkbookData } from '../../core/types';
import { parseDate, validateSchools } from '../../core/validate';
import type { Lexicon } from '../parse/grammar/lexicon';
import type { Settings } from './state';
import { isoDay } from '../../core/isoDay';

/** Column overrides ('role.field' -> header) grouped by role, as the schema reads them. */
export function columnsByRole(
  columnOverrides: Readonly<Record<string, string>>,
): Partial<Record<SheetRole, Record<string, string>>> {
  const columns: Partial<Record<SheetRole, Record<string, string>>> = {};
  for (const [key, header] of Object.entries(columnOverrides)) {
    const [role, field] = key.split('.') as [SheetRole, string];
    columns[role] = { ...(columns[role] ?? {}), [field]: header };
  }
  return columns;
}

/** Which sheet plays which role under the current choices (the engine's own detection). */
export function detectWithSettings(workbook: WorkbookData, settings: Settings): RoleDetection {
  return detectSheetRoles(workbook, {
    sheets: settings.roleOverrides,
    columns: columnsByRole(settings.columnOverrides),
  });
}

export function sheetNamed(workbook: WorkbookData, name: string | undefined): SheetData | undefined {
  return name === undefined ? undefined : workbook.sheets.find((sheet) => sheet.name === name);
}

/** The header texts of a mapped sheet, as written (empty headers left out). */
export function headersOf(workbook: WorkbookData, mapping: ColumnMapping): string[] {
  const sheet = sheetNamed(workbook, mapping.sheet);
  if (!sheet) return [];
  return (sheet.rows[mapping.headerRow - (sheet.firstRow ?? 1)] ?? [])
    .map(headerText)
    .filter((header) => header !== '');
}

/** Rows below the header row that hold anything. */
export function dataRowCount(sheet: SheetData, headerRow: number): number {
  const start = headerRow - (sheet.firstRow ?? 1) + 1;
  return sheet.rows
    .slice(Math.max(0, start))
    .filter((row) => row.some((cell) => cell !== null && String(cell).trim() !== '')).length;
}

/** Each distinct text in a mapped column with its number of rows, most frequent first, then by text. */
export function distinctValues(
  workbook: WorkbookData,
  mapping: ColumnMapping,
  field: FieldName,
): { readonly value: string; readonly rows: number }[] {
  const sheet = sheetNamed(workbook, mapping.sheet);
  const column = mapping.fields[field]?.column;
  if (!sheet || column === undefined) return [];
  const counts = new Map<string, { value: string; rows: number }>();
  for (const row of sheet.rows.slice(mapping.headerRow - (sheet.firstRow ?? 1) + 1)) {
    const cell = row[column];
    if (cell === null || cell === undefined) continue;
    const value = String(cell).trim();
    if (value === '') continue;
    const key = value.toLowerCase();
    const entry = counts.get(key) ?? { value, rows: 0 };
    counts.set(key, { value: entry.value, rows: entry.rows + 1 });
  }
  return [...counts.values()].sort((a, b) => b.rows - a.rows || a.value.localeCompare(b.value));
}

/** Facts worked out once per workbook snapshot and choice of sheets and columns. */
const FACTS = new WeakMap<WorkbookData, Map<string, unknown>>();
function remembered<T>(workbook: WorkbookData, key: string, work: () => T): T {
  let table = FACTS.get(workbook);
  if (!table) {
    table = new Map();
    FACTS.set(workbook, table);
  }
  if (!table.has(key)) table.set(key, work());
  return table.get(key) as T;
}

const choicesKey = (settings: Settings): string => JSON.stringify([settings.roleOverrides, settings.columnOverrides]);

/**
 * The offence days of the offences sheet (ISO, sorted, one per row with a readable date), read as the
 * engine reads dates. Empty with no offences sheet or no date column.
 */
export function offenceDays(workbook: WorkbookData, settings: Settings): readonly string[] {
  return remembered(workbook, `days ${choicesKey(settings)}`, () => {
    const mapping = detectWithSettings(workbook, settings).mappings.offences;
    const sheet = sheetNamed(workbook, mapping?.sheet);
    const column = mapping?.fields.offenceDate?.column;
    if (!mapping || !sheet || column === undefined) return [];
    const days: string[] = [];
    for (const row of sheet.rows.slice(mapping.headerRow - (sheet.firstRow ?? 1) + 1)) {
      const date = parseDate(row[column] ?? null);
      if (date) days.push(isoDay(date));
    }
    return days.sort();
  });
}

/** Open schools of each phase in the schools sheet (as the engine classifies them); null with no usable schools sheet. */
export function schoolsByPhase(
  workbook: WorkbookData,
  settings: Settings,
): Readonly<Partial<Record<SchoolPhase, number>>> | null {
  return remembered(workbook, `phases ${choicesKey(settings)}`, () => {
    const mapping = detectWithSettings(workbook, settings).mappings.schools;
    const sheet = sheetNamed(workbook, mapping?.sheet);
    if (!mapping || !sheet || mapping.missingRequired.length > 0) return null;
    const counts: Partial<Record<SchoolPhase, number>> = {};
    for (const record of validateSchools(sheet, mapping).records) {
      if (record.open) counts[record.phase] = (counts[record.phase] ?? 0) + 1;
    }
    return counts;
  });
}

/** The distinct texts of a field of a role's sheet, in order of frequency. */
function valuesOf(workbook: WorkbookData, detection: RoleDetection, role: SheetRole, field: FieldName): string[] {
  const mapping = detection.mappings[role];
  return mapping ? distinctValues(workbook, mapping, field).map((entry) => entry.value) : [];
}

/**
 * What the parser knows of the workbook (see parse/grammar/lexicon): sheet names and the roles they
 * could play, column headers, school, ward and district names, offence types, offender and offence
 * references (so a question about one is refused), and the first and last offence day.
 */
export function workbookLexicon(workbook: WorkbookData, settings: Settings): Omit<Lexicon, 'hasResults'> {
  return remembered(workbook, `lexicon ${choicesKey(settings)}`, () => {
    const detection = detectWithSettings(workbook, settings);
    const sheetRoles = new Map<string, SheetRole[]>();
    for (const role of SHEET_ROLES) {
      for (const candidate of detection.candidates[role])
        sheetRoles.set(candidate.sheet, [...(sheetRoles.get(candidate.sheet) ?? []), role]);
    }
    const headersByRole: Partial<Record<SheetRole, readonly string[]>> = {};
    for (const role of SHEET_ROLES) {
      const mapping = detection.mappings[role];
      if (mapping) headersByRole[role] = headersOf(workbook, mapping);
    }
    const headers = [
      ...new Set(
        workbook.sheets.flatMap((sheet) => (sheet.rows[0] ?? []).map(headerText).filter((header) => header !== '')),
      ),
    ];
    const references = new Set(
      [
        ...valuesOf(workbook, detection, 'offences', 'offenderRef'),
        ...valuesOf(workbook, detection, 'offences', 'offenceRef'),
      ]
        .map((value) => value.toLowerCase().replace(/['’]/g, ''))
        .filter((value) => /[a-z]/.test(value) && /\d/.test(value)),
    );
    const days = offenceDays(workbook, settings);
    return {
      sheets: workbook.sheets.map((sheet) => sheet.name),
      sheetRoles,
      assigned: detection.assignments,
      headers: [...new Set([...headers, ...Object.values(headersByRole).flat()])],
      headersByRole,
      schools: valuesOf(workbook, detection, 'schools', 'name'),
      wards: valuesOf(workbook, detection, 'wards', 'wardName'),
      districts: valuesOf(workbook, detection, 'wards', 'districtName'),
      offenceTypes: valuesOf(workbook, detection, 'offences', 'offenceType'),
      references,
      ...(days.length > 0 ? { offenceDays: { first: days[0], last: days[days.length - 1] } } : {}),
    };
  });
}
