import type { CellValue, SheetData } from '../core/types';
import type { DemoGeography } from './demoGeography';
import type { DemoRandom } from './demoRandom';
import type { OffenceDraft } from './syntheticOffences';
import type { DemoSchool } from './syntheticSchools';
import { OFFENCE_FAULT_KINDS, type OffenceFaultKind, type OffenceRowTruth } from './types';
import type { WardLookup } from './wardLookup';

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
  'Home Ward Code',
  'School URN',
  'Weapon Flag',
] as const;

const COLUMN = Object.fromEntries(OFFENCE_HEADERS.map((header, index) => [header, index])) as Record<
  (typeof OFFENCE_HEADERS)[number],
  number
>;

/** A ward code in the right shape that no ward has. */
export const UNKNOWN_WARD_CODE = 'E05999999';
const UNPARSEABLE_DATES = ['31/02/2023', 'yesterday', '2023-13-45', '32/01/2024', 'TBC'];
const UNKNOWN_AGES = ['unknown', 'unknown', 'Unknown', 'UNKNOWN'];
const IMPOSSIBLE_AGES = [142, -3, 999, 250];
const BAD_COORDINATES = ['n/k', 'NULL', '#N/A'];

/**
 * Excel's serial day number of a UTC date (1900 date system: day 1 is 1 January 1900, with
 * Lotus's phantom 29 February 1900, so serial = days since 30 December 1899).
 * @example excelSerial(new Date(Date.UTC(2023, 3, 1))) // => 45017
 */
export function excelSerial(date: Date): number {
  return date.getTime() / 86400000 + 25569;
}

const pad = (value: number): string => String(value).padStart(2, '0');
const dayMonthYear = (date: Date): string =>
  `${pad(date.getUTCDate())}/${pad(date.getUTCMonth() + 1)}/${date.getUTCFullYear()}`;
const isoDate = (date: Date): string =>
  `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;

export interface OffencesSheetResult {
  readonly sheet: SheetData;
  readonly rows: readonly OffenceRowTruth[];
  readonly faults: Readonly<Record<OffenceFaultKind, readonly number[]>>;
  readonly agesOutsideBand: readonly number[];
  readonly countByOffenceWard: Readonly<Record<string, number>>;
}

/**
 * The police export sheet: one row per offence and offender, header in row 1, with faults
 * injected into `round(faultRate × rows)` rows spread evenly over every fault kind (at least one of
 * each when faultRate > 0), each row getting at most one. Duplicates are inserted straight after
 * the row they copy; blank rows are inserted before a chosen row. Every special row is recorded by
 * worksheet row number.
 */
export function offencesSheet(
  name: string,
  offences: readonly OffenceDraft[],
  geography: DemoGeography,
  schools: readonly DemoSchool[],
  lookup: WardLookup,
  faultRate: number,
  random: DemoRandom,
): OffencesSheetResult {
  const wardCodes = geography.wards.map((ward) => ward.code);
  const knownUrns = new Set(schools.map((school) => school.urn));
  const nearestOtherWard = geography.wards.map((ward, index) => {
    let best = -1;
    let bestDistance = Infinity;
    geography.wards.forEach((other, otherIndex) => {
      const distance = Math.hypot(other.centroid[0] - ward.centroid[0], other.centroid[1] - ward.centroid[1]);
      if (otherIndex !== index && distance < bestDistance) {
        bestDistance = distance;
        best = otherIndex;
      }
    });
    return best;
  });

  interface Line {
    cells: CellValue[];
    draft: OffenceDraft;
    fault: OffenceFaultKind | null;
    offenceWardIndex: number;
    schoolShown: boolean;
  }
  const lines: Line[] = offences.map((draft) => {
    const offender = draft.offender;
    const school = offender.schoolIndex >= 0 ? schools[offender.schoolIndex] : null;
    const schoolShown = school !== null && offender.schoolRecorded;
    const showCoordinates = offender.homeRecording !== 'wardCode';
    const showWard = offender.homeRecording !== 'coordinates';
    const cells: CellValue[] = [
      draft.crimeNumber,
      offender.id,
      draft.date,
      draft.offenceType,
      draft.age,
      draft.offencePoint[0],
      draft.offencePoint[1],
      showCoordinates ? offender.home[0] : null,
      showCoordinates ? offender.home[1] : null,
      showWard ? wardCodes[offender.homeWardIndex] : null,
      schoolShown && school ? school.urn : null,
      draft.weapon ? 'Y' : 'N',
    ];
    return { cells, draft, fault: null, offenceWardIndex: draft.offenceWardIndex, schoolShown };
  });

  // Choose rows for each fault kind from one shuffled pool, so no row gets two.
  const totalFaults = Math.round(Math.max(0, faultRate) * offences.length);
  const perKind =
    faultRate > 0 && offences.length > 0 ? Math.max(1, Math.round(totalFaults / OFFENCE_FAULT_KINDS.length)) : 0;
  const pool = random.shuffle(lines.map((_, index) => index));
  const taken = new Set<number>();
  const chosen = new Map<OffenceFaultKind, number[]>();
  for (const kind of OFFENCE_FAULT_KINDS) {
    const picks: number[] = [];
    for (const index of pool) {
      if (picks.length >= perKind) break;
      if (taken.has(index)) continue;
      if (kind === 'homeWardMismatch' && lines[index].cells[COLUMN['Home Easting']] === null) continue;
      picks.push(index);
      taken.add(index);
    }
    chosen.set(kind, picks);
  }
  const unknownUrn = (): number => {
    let urn = random.int(999000, 999999);
    while (knownUrns.has(urn)) urn = random.int(999000, 999999);
    return urn;
  };
  for (const [kind, indexes] of chosen) {
    for (const index of indexes) {
      const line = lines[index];
      const cells = line.cells;
      line.fault = kind;
      switch (kind) {
        case 'missingAge':
          cells[COLUMN['Age at Offence']] = null;
          break;
        case 'unknownAge':
          cells[COLUMN['Age at Offence']] = random.pick(UNKNOWN_AGES);
          break;
        case 'impossibleAge':
          cells[COLUMN['Age at Offence']] = random.pick(IMPOSSIBLE_AGES);
          break;
        case 'unparseableDate':
          cells[COLUMN['Committed Date']] = random.pick(UNPARSEABLE_DATES);
          break;
        case 'serialDate':
          cells[COLUMN['Committed Date']] = excelSerial(line.draft.date);
          break;
        case 'textDate':
          cells[COLUMN['Committed Date']] = random.chance(0.5)
            ? dayMonthYear(line.draft.date)
            : isoDate(line.draft.date);
          break;
        case 'badCoordinate':
          cells[COLUMN['Offence Easting']] = random.pick(BAD_COORDINATES);
          line.offenceWardIndex = -1;
          break;
        case 'offenceOutsideArea': {
          const easting = random.int(300000, 320000);
          if (lookup(easting, line.draft.offencePoint[1]) >= 0)
            throw new Error('offencesSheet: the out-of-area easting fell inside a ward');
          cells[COLUMN['Offence Easting']] = easting;
          line.offenceWardIndex = -1;
          break;
        }
        case 'unknownHomeWard':
          cells[COLUMN['Home Easting']] = null;
          cells[COLUMN['Home Northing']] = null;
          cells[COLUMN['Home Ward Code']] = UNKNOWN_WARD_CODE;
          break;
        case 'unknownSchoolUrn':
          cells[COLUMN['School URN']] = unknownUrn();
          break;
        case 'homeWardMismatch':
          cells[COLUMN['Home Ward Code']] = wardCodes[nearestOtherWard[line.draft.offender.homeWardIndex]];
          break;
        case 'duplicateRow':
        case 'blankRow':
          break;
      }
    }
  }

  // Lay out the sheet: header, rows, a copy after each duplicated row, a blank before each blank-row pick.
  const header: CellValue[] = [...OFFENCE_HEADERS];
  const sheetRows: CellValue[][] = [header];
  const truthRows: OffenceRowTruth[] = [];
  const faults = Object.fromEntries(OFFENCE_FAULT_KINDS.map((kind) => [kind, [] as number[]])) as Record<
    OffenceFaultKind,
    number[]
  >;
  const agesOutsideBand: number[] = [];
  const countByOffenceWard: Record<string, number> = Object.fromEntries(wardCodes.map((code) => [code, 0]));
  const record = (line: Line, faultList: OffenceFaultKind[], duplicateOf?: number): number => {
    const row = sheetRows.length + 1;
    sheetRows.push(line.cells.slice());
    const draft = line.draft;
    const school = draft.offender.schoolIndex >= 0 ? schools[draft.offender.schoolIndex] : null;
    truthRows.push({
      row,
      crimeNumber: draft.crimeNumber,
      offenderId: draft.offender.id,
      date: draft.date,
      offenceType: draft.offenceType,
      age: draft.age,
      offenceWardCode: line.offenceWardIndex >= 0 ? wardCodes[line.offenceWardIndex] : null,
      homeWardCode: wardCodes[draft.offender.homeWardIndex],
      schoolUrn: school ? String(school.urn) : null,
      schoolUrnShown: line.cells[COLUMN['School URN']] !== null,
      weapon: draft.weapon,
      faults: faultList,
      ...(duplicateOf !== undefined ? { duplicateOf } : {}),
    });
    const ageCell = line.cells[COLUMN['Age at Offence']];
    if (typeof ageCell === 'number' && line.fault !== 'impossibleAge' && (ageCell < 10 || ageCell > 17))
      agesOutsideBand.push(row);
    return row;
  };
  for (const line of lines) {
    if (line.fault === 'blankRow') {
      faults.blankRow.push(sheetRows.length + 1);
      sheetRows.push(OFFENCE_HEADERS.map(() => null));
    }
    const ownFaults: OffenceFaultKind[] =
      line.fault && line.fault !== 'blankRow' && line.fault !== 'duplicateRow' ? [line.fault] : [];
    const row = record(line, ownFaults);
    if (line.fault && line.fault !== 'blankRow' && line.fault !== 'duplicateRow') faults[line.fault].push(row);
    if (line.offenceWardIndex >= 0) countByOffenceWard[wardCodes[line.offenceWardIndex]] += 1;
    if (line.fault === 'duplicateRow') {
      const copyRow = record(line, ['duplicateRow'], row);
      faults.duplicateRow.push(copyRow);
    }
  }
  return { sheet: { name, rows: sheetRows }, rows: truthRows, faults, agesOutsideBand, countByOffenceWard };
}
