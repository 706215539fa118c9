import ExcelJS from 'exceljs';
import * as fs from 'fs';
import * as path from 'path';
import type { CellValue, SheetData } from '../core/types';
import type { DemoData } from './types';
import { withDemoMarker } from '../workbook/xlsx/demoMarker';

export const DEMO_WORKBOOK_FILE = 'demo-input.xlsx';
export const DEMO_BOUNDARIES_FILE = 'demo-wards.geojson';

/** Number format for Date cells. */
const DATE_FORMAT = 'dd/mm/yyyy';

/**
 * Adds one sheet as plain values: text stays text (exceljs never turns a string starting with "="
 * into a formula), Dates get a date format, the header row is bold.
 */
function addSheet(workbook: ExcelJS.Workbook, sheet: SheetData, headerRow: number): void {
  const worksheet = workbook.addWorksheet(sheet.name);
  const firstRow = sheet.firstRow ?? 1;
  sheet.rows.forEach((values, index) => {
    const rowNumber = firstRow + index;
    if (values.every((value) => value === null || value === '')) return;
    const row = worksheet.getRow(rowNumber);
    values.forEach((value: CellValue, column) => {
      if (value === null) return;
      const cell = row.getCell(column + 1);
      cell.value = value;
      if (value instanceof Date) cell.numFmt = DATE_FORMAT;
    });
    if (rowNumber === headerRow) row.font = { bold: true };
    row.commit();
  });
  const header = sheet.rows[headerRow - firstRow] ?? [];
  header.forEach((value, column) => {
    const width = typeof value === 'string' ? Math.min(60, Math.max(10, value.length + 2)) : 12;
    worksheet.getColumn(column + 1).width = width;
  });
}

/**
 * Writes the demo workbook (demo-input.xlsx) and its ward boundaries (demo-wards.geojson, BNG)
 * into `dir`, creating it if needed; another `baseName` gives other files ('demo-real' ->
 * demo-real-input.xlsx), so the real-geography demo never overwrites the synthetic one's input.
 * Node only. Blank rows in the data stay blank in the file.
 */
export async function writeDemoFiles(
  demo: DemoData,
  dir: string,
  baseName = 'demo',
): Promise<{ workbookPath: string; boundariesPath: string }> {
  fs.mkdirSync(dir, { recursive: true });
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'School catchment & violence demo generator (synthetic data)';
  workbook.created = new Date(Date.UTC(2024, 5, 1));
  workbook.modified = workbook.created;
  for (const sheet of demo.workbook.sheets) addSheet(workbook, sheet, demo.truth.headerRows[sheet.name] ?? 1);
  const workbookPath = path.join(dir, DEMO_WORKBOOK_FILE.replace(/^demo/, baseName));
  const boundariesPath = path.join(dir, DEMO_BOUNDARIES_FILE.replace(/^demo/, baseName));
  // Marked as the generator's, so any later analysis of the file keeps the synthetic banner.
  const written = Buffer.from(await workbook.xlsx.writeBuffer());
  fs.writeFileSync(workbookPath, await withDemoMarker(written, demo.description));
  fs.writeFileSync(boundariesPath, JSON.stringify(demo.boundariesGeoJson));
  return { workbookPath, boundariesPath };
}
