/**
 * The figures a correct run must publish for a planted extract, worked out a second way: plain
 * loops over the generator's record of the cells it wrote, with the rules of the data contract
 * (../shared/DESIGN.md) read directly. Nothing here imports the product's pipeline, scope or
 * validation code; the offence types are read from the generator's own catalogue, and a point's ward
 * is arithmetic on the square wards.
 *
 * Rules, in the order a row meets them (the first that applies is the row's reason):
 *   validity: offender reference blank ('missingValue') or an Excel error ('excelError'); date blank,
 *     an error, words ('notADate'), before 1990 / a time of day alone / after the run day
 *     ('dateImplausible'); type blank or an error; age blank, an error, words ('notANumber') or
 *     outside 0–120 ('ageImpossible'); an offence or home coordinate of 0 or off the British grid
 *     ('badCoordinate'). A later row with the offence and offender references of a kept row is a
 *     'duplicateRow'. A row with no offence reference (blank or an error) is kept, an offence of its own.
 *   scope: age outside the band ('ageOutsideBand'), then a type not counted ('offenceTypeOutOfScope',
 *     or 'offenceTypeUnclassified' for a type nobody recognises), then a date outside the window
 *     ('dateOutsideWindow'; a window end is a whole day).
 *   offences by ward: distinct offence references with an in-scope row located in the ward.
 *   young offenders by ward: distinct offender references in scope, by the home on their latest
 *     in-scope row (by date; every planted offender has at most one offence a day).
 *
 * Hand check of a tiny case (seed irrelevant; rows as planted, band 10–17, default types):
 *   row 2  CR1  P1  2023-05-01  Robbery of personal property  age 14  offence in E05009001, home E05009002
 *   row 3  CR1  P2  2023-05-01  Robbery of personal property  age 18  same offence location, home E05009003
 *   row 4  CR1  P3  2023-05-01  Robbery of personal property  age 12  same location, home E05009002
 *   row 5  CR2  P1  2023-06-01  Shoplifting                   age 14  offence in E05009004
 *   row 6  (blank ref) P4 2023-07-01 Violence with injury      age 16  offence in E05009001, home E05009003
 *   row 7  CR1  P1  (exact copy of row 2)
 *   rows read 6; row 7 is a duplicate; row 3 is out of the band; row 5's type is not counted;
 *   in scope rows 2, 4, 6 (rows used 3); distinct offences CR1 and row 6's own = 2, both in
 *   E05009001 → Offences E05009001 = 2; young offenders P1, P3 (home E05009002) and P4 (E05009003)
 *   → E05009002 = 2, E05009003 = 1; types: counted Robbery of personal property 3 rows (rows 2–4,
 *   ages outside the band included, the duplicate not), Violence with injury 1; not counted
 *   Shoplifting 1. `expectedFigures` gives exactly these (see realisticExtract.test.ts, 'hand check').
 */
import {
  plantedTypeKind,
  wardOfPoint,
  type PlantedCell,
  type PlantedOffenceRow,
  type PlantedWard,
  type RealisticExtract,
} from './generate';

export type Reason =
  | 'missingValue'
  | 'excelError'
  | 'notADate'
  | 'dateImplausible'
  | 'notANumber'
  | 'ageImpossible'
  | 'badCoordinate'
  | 'duplicateRow'
  | 'ageOutsideBand'
  | 'offenceTypeOutOfScope'
  | 'offenceTypeUnclassified'
  | 'dateOutsideWindow';

export interface ExpectationOptions {
  readonly ageBand?: readonly [number, number];
  /** Whether a type text is counted; default: the catalogue's violence types. */
  readonly counted?: (typeText: string) => boolean;
  /** Window ends as days (inclusive). */
  readonly from?: Date;
  readonly to?: Date;
  /** URNs of the valid rows of the schools sheet (default: every planted school). */
  readonly schoolUrns?: readonly string[];
}

export interface ExpectedFigures {
  /** Non-blank data rows of the offences sheet. */
  readonly rowsRead: number;
  readonly blankRows: number;
  /** Rows that pass validation (duplicates excluded). */
  readonly validRows: number;
  /** Rows in scope: the rows the analysis uses. */
  readonly rowsUsed: number;
  /** Each excluded row by its first reason. */
  readonly excluded: ReadonlyMap<Reason, number>;
  readonly reasonOfRow: ReadonlyMap<number, Reason>;
  readonly distinctOffencesInScope: number;
  readonly offencesInWard: number;
  readonly offencesOutsideArea: number;
  readonly offencesByWard: ReadonlyMap<string, number>;
  readonly youngOffendersByWard: ReadonlyMap<string, number>;
  readonly rowsWithoutOffenceRef: number;
  /** Distinct young offenders in scope recorded as attending each school of the schools sheet (by URN). */
  readonly attendingBySchool: ReadonlyMap<string, number>;
  /** Distinct offender references in scope, and those whose latest home lies in a study ward. */
  readonly distinctYoungOffenders: number;
  readonly youngOffendersInArea: number;
  /** Valid rows by type text, split as the console and the Method sheet list them. */
  readonly types: {
    readonly counted: ReadonlyMap<string, number>;
    readonly notCounted: ReadonlyMap<string, number>;
    readonly unrecognised: ReadonlyMap<string, number>;
  };
  readonly firstDate: Date | null;
  readonly lastDate: Date | null;
}

const ERRORS = new Set(['#N/A', '#REF!', '#VALUE!', '#DIV/0!', '#NAME?', '#NUM!', '#NULL!']);
const DAY_MS = 86_400_000;

function isError(cell: PlantedCell): boolean {
  if (cell !== null && typeof cell === 'object' && !(cell instanceof Date)) return true;
  return typeof cell === 'string' && ERRORS.has(cell.trim().toUpperCase());
}

function isBlank(cell: PlantedCell): boolean {
  return cell === null || (typeof cell === 'string' && cell.trim() === '');
}

function text(cell: PlantedCell): string {
  return typeof cell === 'string' ? cell.trim() : typeof cell === 'number' ? String(cell) : '';
}

const day = (date: Date): number => Math.floor(date.getTime() / DAY_MS);

/** A date cell as a date: a Date, or text written dd/mm/yyyy (the only text form the generator writes besides words). */
function dateOf(cell: PlantedCell): Date | null {
  if (cell instanceof Date) return cell;
  const match = typeof cell === 'string' ? /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(cell.trim()) : null;
  return match ? new Date(Date.UTC(Number(match[3]), Number(match[2]) - 1, Number(match[1]))) : null;
}

/** An age cell as a number: a number, or digits stored as text. */
function ageOf(cell: PlantedCell): number | null {
  if (typeof cell === 'number') return cell;
  return typeof cell === 'string' && /^\d+$/.test(cell.trim()) ? Number(cell.trim()) : null;
}

function dateReason(cell: PlantedCell, today: Date): Reason | null {
  if (isBlank(cell)) return 'missingValue';
  if (isError(cell)) return 'excelError';
  const date = dateOf(cell);
  if (!date) return 'notADate';
  cell = date;
  const timeOnly = day(cell) === day(new Date(Date.UTC(1899, 11, 30))) && cell.getTime() % DAY_MS !== 0;
  if (timeOnly || cell.getTime() < Date.UTC(1990, 0, 1) || day(cell) > day(today)) return 'dateImplausible';
  return null;
}

function coordinateReason(easting: PlantedCell, northing: PlantedCell): Reason | null {
  if (isBlank(easting) && isBlank(northing)) return 'missingValue';
  if (typeof easting !== 'number' || typeof northing !== 'number') return 'notANumber';
  if (easting === 0 || northing === 0 || easting < 0 || easting > 700000 || northing < 0 || northing > 1300000)
    return 'badCoordinate';
  return null;
}

/** Why a row is not valid, or null when it is (duplicates aside). */
export function invalidReason(row: PlantedOffenceRow, today: Date): Reason | null {
  if (isBlank(row.offenderRef)) return 'missingValue';
  if (isError(row.offenderRef)) return 'excelError';
  const date = dateReason(row.date, today);
  if (date) return date;
  if (isBlank(row.type)) return 'missingValue';
  if (isError(row.type)) return 'excelError';
  if (isBlank(row.age)) return 'missingValue';
  if (isError(row.age)) return 'excelError';
  const age = ageOf(row.age);
  if (age === null) return 'notANumber';
  if (age < 0 || age > 120) return 'ageImpossible';
  return (
    coordinateReason(row.offenceEasting, row.offenceNorthing) ?? coordinateReason(row.homeEasting, row.homeNorthing)
  );
}

/** The offence a row belongs to: its reference, or the row itself when it has none. */
export function offenceKey(row: PlantedOffenceRow): string {
  return isBlank(row.crimeRef) || isError(row.crimeRef) ? `own row ${row.row}` : text(row.crimeRef);
}

function wardAt(wards: readonly PlantedWard[], easting: PlantedCell, northing: PlantedCell): string | null {
  return typeof easting === 'number' && typeof northing === 'number'
    ? (wardOfPoint(wards, easting, northing)?.code ?? null)
    : null;
}

function add(map: Map<string, number>, key: string, by = 1): void {
  map.set(key, (map.get(key) ?? 0) + by);
}

/** The parts of an extract the calculator reads. */
export type PlantedOffences = Pick<RealisticExtract, 'offences' | 'blankOffenceRows' | 'wards' | 'today'> &
  Partial<Pick<RealisticExtract, 'schools'>>;

export function expectedFigures(extract: PlantedOffences, options: ExpectationOptions = {}): ExpectedFigures {
  const [youngest, oldest] = options.ageBand ?? [10, 17];
  const counted = options.counted ?? ((type: string) => plantedTypeKind(type) === 'violence');
  const reasonOfRow = new Map<number, Reason>();
  const excluded = new Map<Reason, number>();
  const exclude = (row: PlantedOffenceRow, reason: Reason): void => {
    reasonOfRow.set(row.row, reason);
    excluded.set(reason, (excluded.get(reason) ?? 0) + 1);
  };

  // Validity and duplicates, in sheet order.
  const rows = [...extract.offences].sort((a, b) => a.row - b.row);
  const seen = new Set<string>();
  const valid: PlantedOffenceRow[] = [];
  for (const row of rows) {
    const reason = invalidReason(row, extract.today);
    if (reason) {
      exclude(row, reason);
      continue;
    }
    if (!isBlank(row.crimeRef) && !isError(row.crimeRef)) {
      const key = `${text(row.crimeRef)}|${text(row.offenderRef)}`;
      if (seen.has(key)) {
        exclude(row, 'duplicateRow');
        continue;
      }
      seen.add(key);
    }
    valid.push(row);
  }

  // Offence types of the valid rows.
  const typeRows = {
    counted: new Map<string, number>(),
    notCounted: new Map<string, number>(),
    unrecognised: new Map<string, number>(),
  };
  for (const row of valid) {
    const type = text(row.type);
    if (counted(type)) add(typeRows.counted, type);
    else if (plantedTypeKind(type) === 'unrecognised' || plantedTypeKind(type) === undefined)
      add(typeRows.unrecognised, type);
    else add(typeRows.notCounted, type);
  }

  // Scope: the band, then the type, then the window.
  const inScope: PlantedOffenceRow[] = [];
  for (const row of valid) {
    const age = ageOf(row.age)!;
    const date = dateOf(row.date)!;
    const type = text(row.type);
    if (age < youngest || age > oldest) exclude(row, 'ageOutsideBand');
    else if (!counted(type))
      exclude(row, plantedTypeKind(type) === 'notViolence' ? 'offenceTypeOutOfScope' : 'offenceTypeUnclassified');
    else if ((options.from && day(date) < day(options.from)) || (options.to && day(date) > day(options.to)))
      exclude(row, 'dateOutsideWindow');
    else inScope.push(row);
  }

  // Offences: each distinct reference once, in the ward of any of its in-scope rows located in one.
  const offences = new Map<string, string | null>();
  for (const row of inScope) {
    const key = offenceKey(row);
    const ward = wardAt(extract.wards, row.offenceEasting, row.offenceNorthing);
    if (!offences.has(key) || (offences.get(key) === null && ward !== null)) offences.set(key, ward);
  }
  const offencesByWard = new Map<string, number>();
  let offencesInWard = 0;
  for (const ward of offences.values()) {
    if (ward === null) continue;
    offencesInWard += 1;
    add(offencesByWard, ward);
  }

  // Young offenders: the home on each one's latest in-scope row.
  const latest = new Map<string, PlantedOffenceRow>();
  const timeOf = (row: PlantedOffenceRow): number => dateOf(row.date)!.getTime();
  for (const row of inScope) {
    const ref = text(row.offenderRef);
    const before = latest.get(ref);
    if (!before || timeOf(row) > timeOf(before) || (timeOf(row) === timeOf(before) && row.row > before.row))
      latest.set(ref, row);
  }
  const youngOffendersByWard = new Map<string, number>();
  for (const row of latest.values()) {
    const ward = wardAt(extract.wards, row.homeEasting, row.homeNorthing);
    if (ward) add(youngOffendersByWard, ward);
  }

  // Young offenders attending: distinct offenders with an in-scope row naming a school of the schools sheet.
  const schoolUrns = new Set(options.schoolUrns ?? extract.schools?.map((school) => school.urn) ?? []);
  const attending = new Map<string, Set<string>>();
  for (const row of inScope) {
    const urn = text(row.schoolUrn);
    if (!schoolUrns.has(urn)) continue;
    const offenders = attending.get(urn) ?? new Set<string>();
    offenders.add(text(row.offenderRef));
    attending.set(urn, offenders);
  }

  const times = inScope.map(timeOf);
  return {
    rowsRead: extract.offences.length,
    blankRows: extract.blankOffenceRows.length,
    validRows: valid.length,
    rowsUsed: inScope.length,
    excluded,
    reasonOfRow,
    distinctOffencesInScope: offences.size,
    offencesInWard,
    offencesOutsideArea: offences.size - offencesInWard,
    offencesByWard,
    youngOffendersByWard,
    attendingBySchool: new Map([...attending].map(([urn, offenders]) => [urn, offenders.size])),
    distinctYoungOffenders: latest.size,
    youngOffendersInArea: [...youngOffendersByWard.values()].reduce((sum, n) => sum + n, 0),
    rowsWithoutOffenceRef: inScope.filter((row) => isBlank(row.crimeRef) || isError(row.crimeRef)).length,
    types: typeRows,
    firstDate: times.length > 0 ? new Date(Math.min(...times)) : null,
    lastDate: times.length > 0 ? new Date(Math.max(...times)) : null,
  };
}
