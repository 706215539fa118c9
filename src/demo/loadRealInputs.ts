import * as fs from 'fs';
import * as path from 'path';
import type { PopulationCsvRow, RealInputs, RealWardsGeoJson } from './types';

/** The real files expected in the shared data folder. */
export const REAL_WARDS_FILE = 'wm_wards_dec2022.geojson';
export const REAL_POPULATION_FILE = 'wm_ward22_population_mid2020.csv';

/** Splits one CSV line (RFC 4180: fields may be quoted, "" is a quote inside quotes). */
export function parseCsvLine(line: string): string[] {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let index = 0; index < line.length; index += 1) {
    const character = line[index];
    if (quoted) {
      if (character === '"' && line[index + 1] === '"') {
        field += '"';
        index += 1;
      } else if (character === '"') quoted = false;
      else field += character;
    } else if (character === '"') quoted = true;
    else if (character === ',') {
      fields.push(field);
      field = '';
    } else field += character;
  }
  fields.push(field);
  return fields;
}

/**
 * Parses a small CSV with a header row into records; numeric-looking fields become numbers,
 * except code columns (ending CD). A leading byte order mark is dropped.
 */
export function parseCsv(text: string): PopulationCsvRow[] {
  const lines = text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .filter((line) => line.trim() !== '');
  if (lines.length === 0) return [];
  const headers = parseCsvLine(lines[0]).map((header) => header.trim());
  return lines.slice(1).map((line) => {
    const values = parseCsvLine(line);
    const record: Record<string, string | number> = {};
    headers.forEach((header, index) => {
      const raw = (values[index] ?? '').trim();
      record[header] = !/CD$/i.test(header) && raw !== '' && Number.isFinite(Number(raw)) ? Number(raw) : raw;
    });
    return record;
  });
}

/**
 * Reads the real West Midlands wards (WGS84 GeoJSON) and ward populations (ONS-shaped CSV) from
 * `dataDir` (normally ../shared/data beside the repository). Node only. Throws with the missing
 * path when a file is absent.
 */
export function loadRealInputs(dataDir: string): RealInputs {
  const wardsPath = path.join(dataDir, REAL_WARDS_FILE);
  const populationPath = path.join(dataDir, REAL_POPULATION_FILE);
  for (const file of [wardsPath, populationPath]) {
    if (!fs.existsSync(file))
      throw new Error(`loadRealInputs: ${file} not found; point dataDir at the shared data folder.`);
  }
  const wards = JSON.parse(fs.readFileSync(wardsPath, 'utf8').replace(/^\uFEFF/, '')) as RealWardsGeoJson;
  const population = parseCsv(fs.readFileSync(populationPath, 'utf8'));
  return { wards, population };
}
