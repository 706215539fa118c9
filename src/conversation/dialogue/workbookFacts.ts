/** Facts read from the workbook snapshot for replies: sheet roles, headers, distinct values. */
import { detectSheetRoles, headerText, type ColumnMapping, type FieldName, type RoleDetection } from '../../core/schema';
import type { SheetData, SheetRole, WorkbookData } from '../../core/types';
import type { Settings } from './state';

/** Column overrides ('role.field' -> header) grouped by role, as the schema reads them. */
export function columnsByRole(columnOverrides: Readonly<Record<string, string>>): Partial<Record<SheetRole, Record<string, string>>> {
  const columns: Partial<Record<SheetRole, Record<string, string>>> = {};
  for (const [key, header] of Object.entries(columnOverrides)) {
    const [role, field] = key.split('.') as [SheetRole, string];
    columns[role] = { ...(columns[role] ?? {}), [field]: header };
  }
  return columns;
}

/** Which sheet plays which role under the current choices (the engine's own detection). */
export function detectWithSettings(workbook: WorkbookData, settings: Settings): RoleDetection {
  return detectSheetRoles(workbook, { sheets: settings.roleOverrides, columns: columnsByRole(settings.columnOverrides) });
}

export function sheetNamed(workbook: WorkbookData, name: string | undefined): SheetData | undefined {
  return name === undefined ? undefined : workbook.sheets.find((sheet) => sheet.name === name);
}

/** The header texts of a mapped sheet, as written (empty headers left out). */
export function headersOf(workbook: WorkbookData, mapping: ColumnMapping): string[] {
  const sheet = sheetNamed(workbook, mapping.sheet);
  if (!sheet) return [];
  return (sheet.rows[mapping.headerRow - (sheet.firstRow ?? 1)] ?? []).map(headerText).filter((header) => header !== '');
}

/** Rows below the header row that hold anything. */
export function dataRowCount(sheet: SheetData, headerRow: number): number {
  const start = headerRow - (sheet.firstRow ?? 1) + 1;
  return sheet.rows.slice(Math.max(0, start)).filter((row) => row.some((cell) => cell !== null && String(cell).trim() !== '')).length;
}

/** Each distinct text in a mapped column with its number of rows, most frequent first, then by text. */
export function distinctValues(workbook: WorkbookData, mapping: ColumnMapping, field: FieldName): { readonly value: string; readonly rows: number }[] {
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
