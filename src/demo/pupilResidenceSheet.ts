import type { CellValue, SheetData } from '../core/types';
import type { PupilResidenceRow } from './pupilResidence';

export const PUPIL_RESIDENCE_HEADERS = ['URN', 'Home ward code', 'Pupils'] as const;

/** Pupil residence sheet: one row per school and home ward, by URN then most pupils first. */
export function pupilResidenceSheet(name: string, residence: readonly PupilResidenceRow[]): SheetData {
  const rows: CellValue[][] = [[...PUPIL_RESIDENCE_HEADERS]];
  for (const entry of residence) rows.push([entry.urn, entry.wardCode, entry.pupils]);
  return { name, rows };
}
