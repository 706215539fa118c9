import * as fs from 'fs';
import * as path from 'path';
import type { CellValue, SheetData } from '../../src/core/types';

/** The shared open-data folder beside the repository (never copied into it). */
export const SHARED_DATA_DIR = path.resolve(__dirname, '../../../shared/data');

/** True when the shared data folder is present; tests that need it skip otherwise. */
export const hasSharedData = fs.existsSync(SHARED_DATA_DIR);

/** Splits one CSV line, honouring double-quoted fields with doubled quotes inside. */
function splitCsvLine(line: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let index = 0; index < line.length; index += 1) {
    const char = line[index];
    if (quoted) {
      if (char === '"' && line[index + 1] === '"') {
        cell += '"';
        index += 1;
      } else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      cells.push(cell);
      cell = '';
    } else cell += char;
  }
  cells.push(cell);
  return cells;
}

/**
 * Reads a CSV file of the shared data folder as a sheet, the way a spreadsheet shows it: numeric
 * text becomes numbers, empty cells become null, the header row is kept as text (byte-order mark included).
 */
export function readCsvSheet(fileName: string, options: { maxRows?: number } = {}): SheetData {
  // jest still runs the body of a skipped describe to collect its tests: without the data folder
  // give an empty sheet, so the suite reports its skip instead of failing to load.
  if (!hasSharedData) return { name: fileName.replace(/\.csv$/, ''), rows: [] };
  const text = fs.readFileSync(path.join(SHARED_DATA_DIR, fileName), 'utf8');
  const lines = text.split(/\r?\n/).filter((line) => line.length > 0);
  const limited = options.maxRows === undefined ? lines : lines.slice(0, options.maxRows + 1);
  const rows = limited.map((line, index): CellValue[] =>
    splitCsvLine(line).map((cell) => {
      if (index === 0) return cell;
      if (cell === '') return null;
      return /^-?\d+(\.\d+)?$/.test(cell) ? Number(cell) : cell;
    }),
  );
  return { name: fileName.replace(/\.csv$/, ''), rows };
}
