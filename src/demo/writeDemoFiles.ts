import * as fs from 'fs';
import * as path from 'path';
import type { DemoData } from './types';
import { withDemoMarker } from '../workbook/xlsx/demoMarker';
import { writeWorkbookDataBuffer } from '../workbook/xlsx/writeWorkbookData';

export const DEMO_WORKBOOK_FILE = 'demo-input.xlsx';
export const DEMO_BOUNDARIES_FILE = 'demo-wards.geojson';

/** Number format for Date cells, with a time of day or not (as an analyst's extract shows them). */
const DATE_FORMAT = 'dd/mm/yyyy';

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
  const written = await writeWorkbookDataBuffer(demo.workbook, {
    dateFormat: DATE_FORMAT,
    dateTimeFormat: DATE_FORMAT,
    headerRows: demo.truth.headerRows,
    headerWidths: true,
    creator: 'School catchment & violence demo generator (synthetic data)',
    created: new Date(Date.UTC(2024, 5, 1)),
  });
  const workbookPath = path.join(dir, DEMO_WORKBOOK_FILE.replace(/^demo/, baseName));
  const boundariesPath = path.join(dir, DEMO_BOUNDARIES_FILE.replace(/^demo/, baseName));
  // Marked as the generator's, so any later analysis of the file keeps the synthetic banner.
  fs.writeFileSync(workbookPath, await withDemoMarker(written, demo.description));
  fs.writeFileSync(boundariesPath, JSON.stringify(demo.boundariesGeoJson));
  return { workbookPath, boundariesPath };
}
