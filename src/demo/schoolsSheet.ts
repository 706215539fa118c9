import type { CellValue, SheetData } from '../core/types';
import type { DemoGeography } from './demoGeography';
import type { DemoSchool } from './syntheticSchools';

/** Column names as in the GIAS "all establishment data" download (a subset). */
export const SCHOOL_HEADERS = [
  'URN',
  'LA (code)',
  'LA (name)',
  'EstablishmentName',
  'TypeOfEstablishment (name)',
  'EstablishmentStatus (name)',
  'PhaseOfEducation (name)',
  'StatutoryLowAge',
  'StatutoryHighAge',
  'NumberOfPupils',
  'Postcode',
  'Easting',
  'Northing',
] as const;

/** Worksheet row of the schools header: two title lines sit above it, to exercise header detection. */
export const SCHOOLS_HEADER_ROW = 3;

/**
 * The GIAS-shaped schools sheet, sorted by URN, with a two-line title above the header (as an
 * analyst's saved extract often has). Local authority codes are synthetic (901, 902, …).
 */
export function schoolsSheet(
  name: string,
  schools: readonly DemoSchool[],
  geography: DemoGeography,
  seed: number,
): SheetData {
  const width = SCHOOL_HEADERS.length;
  const titleLine = (text: string): CellValue[] => [text, ...Array.from({ length: width - 1 }, () => null)];
  const rows: CellValue[][] = [
    titleLine('Get Information about Schools: establishment extract (SYNTHETIC DEMO DATA, not real schools)'),
    titleLine(`Made by the demo generator with seed ${seed}; URNs 9xxxxx and postcodes ZZ are invented.`),
    [...SCHOOL_HEADERS],
  ];
  for (const school of schools) {
    const district = geography.districts[school.districtIndex];
    rows.push([
      school.urn,
      900 + school.districtIndex + 1,
      district ? district.name : null,
      school.name,
      school.type,
      school.status,
      school.phaseText,
      school.lowAge,
      school.highAge,
      school.pupils,
      school.postcode,
      school.location[0],
      school.location[1],
    ]);
  }
  return { name, rows };
}
