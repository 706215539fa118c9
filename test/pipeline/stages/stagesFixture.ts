import { mapColumns, type ColumnMapping } from '../../../src/core/schema';
import { detectSheetRoles } from '../../../src/core/schema';
import { studyArea, type StudyArea } from '../../../src/core/pipeline/stages/studyArea';
import type { ValidatedSheet } from '../../../src/core/pipeline/stages/validateInputs';
import { validateWards } from '../../../src/core/validate';
import type {
  CellValue,
  GridPoint,
  LocationInput,
  OffenceRecord,
  SheetData,
  SheetRole,
  WorkbookData,
} from '../../../src/core/types';

/**
 * Shared inputs for the stage tests, small enough to work every figure by hand.
 *
 * Geography: two 1 km squares in British National Grid, side by side:
 *
 *      A E05000001 | B E05000002       northings 280,000–281,000
 *      eastings 400,000–401,000 | 401,000–402,000
 *
 * The study area's bounding box is therefore 400,000–402,000 × 280,000–281,000.
 */
export const A = 'E05000001';
export const B = 'E05000002';
export const BOX = { minEasting: 400000, minNorthing: 280000, maxEasting: 402000, maxNorthing: 281000 } as const;

/** A point well inside ward A or B (500 m from its south-west corner, shifted by `offset` metres east). */
export const inA = (offset = 0): GridPoint => ({ easting: 400500 + offset, northing: 280500 });
export const inB = (offset = 0): GridPoint => ({ easting: 401500 + offset, northing: 280500 });

function vertexRows(): CellValue[][] {
  const rows: CellValue[][] = [['Ward code', 'Part', 'Ring', 'Order', 'Easting', 'Northing']];
  for (const [code, x] of [
    [A, 400000],
    [B, 401000],
  ] as const) {
    const corners: [number, number][] = [
      [x, 280000],
      [x + 1000, 280000],
      [x + 1000, 281000],
      [x, 281000],
    ];
    corners.forEach(([e, n], i) => rows.push([code, 1, 0, i + 1, e, n]));
  }
  return rows;
}

export function wardSheet(populations: readonly [number, number] = [1000, 1000], header = 'age_10_17'): SheetData {
  return {
    name: 'Wards',
    rows: [
      ['WD22CD', 'WD22NM', 'LAD_CD', 'LAD_NM', header],
      [A, 'Alpha', 'E08000025', 'Birmingham', populations[0]],
      [B, 'Beta', 'E08000025', 'Birmingham', populations[1]],
    ],
  };
}

/** The two-ward study area, built by the real stage from a ward sheet and a vertex sheet. */
export function twoWardArea(populations: readonly [number, number] = [1000, 1000]): StudyArea {
  const workbook: WorkbookData = { sheets: [{ name: 'Ward boundaries', rows: vertexRows() }, wardSheet(populations)] };
  const detection = detectSheetRoles(workbook);
  const wardsMapping = detection.mappings.wards;
  if (!wardsMapping) throw new Error('The fixture wards sheet was not detected.');
  const wards: ValidatedSheet<import('../../../src/core/types').WardRecord> = {
    mapping: wardsMapping,
    rows: validateWards(workbook.sheets[1], wardsMapping, [10, 17]),
  };
  const area = studyArea(workbook, detection, wards, undefined);
  if (!area.ok) throw new Error(`The fixture study area failed: ${area.problems.map((p) => p.message).join(' | ')}`);
  return area;
}

/** A column mapping read by the real header matcher from a header row. */
export function mappingOf(
  role: SheetRole,
  sheet: string,
  headers: readonly CellValue[],
  rowsAbove: readonly (readonly CellValue[])[] = [],
): ColumnMapping {
  return mapColumns({ name: sheet, rows: [...rowsAbove, headers] }, role);
}

export const OFFENCE_HEADERS = [
  'Crime Number',
  'Offender ID',
  'Committed Date',
  'HO Offence Group',
  'Age at Offence',
  'Offence Easting',
  'Offence Northing',
  'Home Easting',
  'Home Northing',
  'School URN',
] as const;

export const offenceMapping = (): ColumnMapping => mappingOf('offences', 'Offences', [...OFFENCE_HEADERS]);

export const day = (iso: string): Date => new Date(`${iso}T00:00:00Z`);

const at = (point: GridPoint | undefined, column: string): LocationInput =>
  point ? { point, pointColumn: column } : {};

/** An offence row as validation would produce it; everything not given is a plausible default. */
export function offence(
  fields: Partial<Omit<OffenceRecord, 'offenceLocation' | 'homeLocation'>> & {
    readonly sourceRow: number;
    readonly where?: GridPoint;
    readonly home?: GridPoint;
    readonly offenceLocation?: LocationInput;
    readonly homeLocation?: LocationInput;
  },
): OffenceRecord {
  const { where, home, ...rest } = fields;
  return {
    offenceRef: `C${fields.sourceRow}`,
    offenderRef: `O${fields.sourceRow}`,
    offenceDate: day('2023-03-01'),
    offenceType: 'Violence with injury',
    age: 15,
    offenceLocation: fields.offenceLocation ?? at(where ?? inA(), 'Offence Easting'),
    homeLocation: fields.homeLocation ?? at(home ?? inA(), 'Home Easting'),
    ...rest,
  };
}

/** A validated sheet of records with nothing excluded. */
export function validated<T>(mapping: ColumnMapping, records: readonly T[]): ValidatedSheet<T> {
  return { mapping, rows: { records, issues: [], rowsRead: records.length, rowsExcluded: 0, rowsBlank: 0 } };
}
