/**
 * Writes a planted extract as the analyst's .xlsx (the command line's input), with exceljs as the
 * demo's writer does: text stays text, dates get a date (or date-time) format, and an Excel error
 * cell is written as a real error value ('#N/A'), which the reader gives back as its text.
 */
import fs from 'fs';
import path from 'path';
import ExcelJS from 'exceljs';
import type { PlantedCell, PlantedSheet, RealisticExtract } from './generate';

export const EXTRACT_FILE = 'police-extract.xlsx';
export const BOUNDARIES_FILE = 'wards.geojson';

function hasTime(date: Date): boolean {
  return date.getTime() % 86_400_000 !== 0;
}

function writeSheet(workbook: ExcelJS.Workbook, sheet: PlantedSheet): void {
  const worksheet = workbook.addWorksheet(sheet.name);
  sheet.rows.forEach((values, index) => {
    const row = worksheet.getRow(index + 1);
    values.forEach((value: PlantedCell, column) => {
      if (value === null || value === undefined) return;
      const cell = row.getCell(column + 1);
      if (value instanceof Date) {
        cell.value = value;
        cell.numFmt = hasTime(value) ? 'dd/mm/yyyy hh:mm' : 'dd/mm/yyyy';
      } else if (typeof value === 'object') {
        cell.value = { error: value.error } as ExcelJS.CellErrorValue;
      } else {
        cell.value = value;
      }
    });
    if (index + 1 === sheet.headerRow) row.font = { bold: true };
  });
}

/** The sheets of an extract in workbook order (the residence sheet only when it has one). */
export function sheetsOf(extract: RealisticExtract): PlantedSheet[] {
  const { offences, schools, wards, residence, currentList, boundaries } = extract.sheets;
  return [offences, schools, wards, ...(residence ? [residence] : []), currentList, boundaries];
}

/**
 * Writes the workbook (and the boundaries as GeoJSON beside it) into `dir`. `sheets` replaces the
 * extract's own sheets (e.g. with one left out or edited).
 */
export async function writeExtract(
  extract: RealisticExtract,
  dir: string,
  options: { readonly file?: string; readonly sheets?: readonly PlantedSheet[] } = {},
): Promise<{ workbookPath: string; boundariesPath: string }> {
  fs.mkdirSync(dir, { recursive: true });
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'realistic-extract test generator (synthetic data)';
  workbook.created = new Date(Date.UTC(2024, 5, 1));
  workbook.modified = workbook.created;
  for (const sheet of options.sheets ?? sheetsOf(extract)) writeSheet(workbook, sheet);
  const workbookPath = path.join(dir, options.file ?? EXTRACT_FILE);
  const boundariesPath = path.join(dir, BOUNDARIES_FILE);
  await workbook.xlsx.writeFile(workbookPath);
  fs.writeFileSync(boundariesPath, JSON.stringify(extract.geojson));
  return { workbookPath, boundariesPath };
}
