import type { Issue, IssueCode, OffenceRecord } from '../../types';
import type { ColumnMapping } from '../../schema';
import { resolveLocation, type LocationOutcome } from '../resolveLocation';
import { headerOf } from './problems';
import { numbering } from './numbering';
import { orderByTime } from './orderByTime';
import type { ResolvedRows } from './recountPlacement';
import type { StudyArea } from './studyArea';
import { FAR_OUTSIDE_METRES } from './studyArea';

/**
 * Where the in-scope offences and young offenders are. Rows are offender involvements (one per
 * offence and offender); the counts an analyst reads are distinct offences and distinct people.
 */
export interface Placement {
  /** Study ward of each distinct offence placed in one, by offence reference. */
  readonly offenceWard: ReadonlyMap<string, string>;
  /** Latest home ward of each distinct young offender (null when that home is not in a study ward). */
  readonly homeWard: ReadonlyMap<string, string | null>;
  /** Distinct young offenders recorded as attending each school (URNs of the schools sheet only). */
  readonly attendingBySchool: ReadonlyMap<string, ReadonlySet<string>>;
  /** Each row's offence and home ward and its references by number, as the Sensitivity stage recounts from. */
  readonly resolved: ResolvedRows;
  readonly counts: PlacementCounts;
  readonly issues: readonly Issue[];
}

/**
 * How the in-scope rows were placed. `inScope` counts rows (involvements); the offence outcomes
 * count distinct offences (each placed once, by its first row with a usable location), so
 * offencesInScope = offenceInWard + offenceOutsideArea + offenceUnknownWard. Home outcomes count
 * rows, each row's home placed once.
 */
export interface PlacementCounts {
  readonly inScope: number;
  readonly offencesInScope: number;
  /** In-scope rows with no offence reference, each counted as an offence of its own. */
  readonly rowsWithoutOffenceRef: number;
  readonly offenceInWard: number;
  readonly offenceOutsideArea: number;
  readonly offenceUnknownWard: number;
  readonly homeInWard: number;
  readonly homeOutsideArea: number;
  readonly homeUnknownWard: number;
  readonly distinctYoungOffenders: number;
  readonly distinctYoungOffendersHomeInArea: number;
}

const RESOLVED = 0;
const OUTSIDE_AREA = 1;
/** A location outcome's status as a number from 0 to 3 (RESOLVED, OUTSIDE_AREA, then the two unplaced). */
function outcomeCode(status: LocationOutcome['status']): number {
  return status === 'resolved' ? RESOLVED : status === 'outsideArea' ? OUTSIDE_AREA : status === 'unknownWard' ? 2 : 3;
}

/**
 * Places each in-scope row's offence and home location in a study ward. An offence reference
 * that appears on several rows (co-offending) is one offence, placed by its first row in date
 * order that has a location in a study ward; a later row placing it in another ward is reported. Each young offender's home is the
 * latest row's. Locations far outside the study area are reported as likely recording errors.
 */
export function placeOffences(
  inScope: readonly OffenceRecord[],
  area: StudyArea,
  mapping: ColumnMapping,
  knownSchoolUrns: ReadonlySet<string>,
  schoolsSheet: string,
): Placement {
  const issues: Issue[] = [];
  const sheet = mapping.sheet;
  const note = (
    offence: OffenceRecord,
    column: string,
    value: string,
    severity: Issue['severity'],
    code: IssueCode,
    message: string,
  ): void => {
    issues.push({
      sheet,
      row: offence.sourceRow,
      column,
      value,
      severity,
      code,
      message: `Sheet '${sheet}', row ${offence.sourceRow}, column '${column}': ${message}`,
    });
  };
  // The headers every row's notes name, looked up once.
  const headers = {
    offence: { easting: headerOf(mapping, 'offenceEasting'), ward: headerOf(mapping, 'offenceWard') },
    home: { easting: headerOf(mapping, 'homeEasting'), ward: headerOf(mapping, 'homeWard') },
  };
  const describe = (offence: OffenceRecord, outcome: LocationOutcome, which: 'offence' | 'home'): void => {
    // Most outcomes need no note: settle them before any lookup.
    if (outcome.status === 'missing' || (outcome.status === 'resolved' && !outcome.disagreesWith)) return;
    const location = which === 'offence' ? offence.offenceLocation : offence.homeLocation;
    const pointColumn = location.pointColumn ?? headers[which].easting;
    const wardColumn = headers[which].ward;
    const what = which === 'offence' ? 'offence location' : 'home location';
    if (outcome.status === 'outsideArea') {
      const metres = area.distanceOutside(outcome.point);
      const where = `${Math.round(outcome.point.easting)}, ${Math.round(outcome.point.northing)}`;
      if (metres > FAR_OUTSIDE_METRES) {
        note(
          offence,
          pointColumn,
          where,
          'warning',
          'outsideArea',
          `the ${what} lies ${Math.round(metres / 1000)} km outside the study area, which no real record should (check for swapped or mistyped coordinates); counted as outside the area.`,
        );
      } else {
        note(
          offence,
          pointColumn,
          where,
          'warning',
          'outsideArea',
          `the ${what} lies outside every ward of the study area; counted as outside the area.`,
        );
      }
    } else if (outcome.status === 'unknownWard') {
      note(
        offence,
        wardColumn,
        outcome.wardCode,
        'warning',
        'unknownWard',
        `ward code ${outcome.wardCode} is not a ward of the study area; the ${what} is not counted in any ward.`,
      );
    } else if (outcome.status === 'resolved' && outcome.disagreesWith) {
      note(
        offence,
        wardColumn,
        outcome.disagreesWith,
        'warning',
        'wardMismatch',
        `ward code ${outcome.disagreesWith} disagrees with the coordinates, which lie in ${outcome.wardCode}; the coordinates are used.`,
      );
    }
  };

  // Where each offence's unplaced-location issues are, so an offence another row places can say so.
  const unplacedIssueAt = new Map<string, number[]>();
  // Offence and offender references are numbered once (first met in date order), and what is known
  // of each is kept by number in plain arrays: one map per kind of reference instead of one per
  // fact, and the per-row ward numbers the Sensitivity stage recounts from (see ResolvedRows).
  const wards = numbering();
  const offences = numbering(inScope.length);
  const offenders = numbering(inScope.length);
  // Per offence: its outcome as one number, source row × 4 + status code (see outcomeCode), and
  // the ward it is placed in (-1: none yet); the offences in the order they were first placed.
  const outcomeById: number[] = [];
  const wardById: number[] = [];
  const placedOrder: number[] = [];
  // Per offender: the ward of the latest home seen (-1: in no ward).
  const homeById: number[] = [];
  const count = inScope.length;
  const offenceWardOfRow = new Int32Array(count);
  const homeWardOfRow = new Int32Array(count);
  const offenceIdOfRow = new Int32Array(count);
  const offenderIdOfRow = new Int32Array(count);
  const attendingBySchool = new Map<string, Set<string>>();
  let homeInWard = 0;
  let homeOutsideArea = 0;
  let homeUnknownWard = 0;
  let rowsWithoutOffenceRef = 0;
  // Date order (stable on source row): the latest row decides a home, the first places an offence.
  const order = chronologicalOrder(inScope);
  for (let position = 0; position < order.length; position += 1) {
    const row = order[position];
    const offence = inScope[row];
    if (offence.offenceRefMissing) rowsWithoutOffenceRef += 1;
    const where = resolveLocation(offence.offenceLocation, area.locate, area.wardCodes);
    const before = issues.length;
    describe(offence, where, 'offence');
    if (where.status !== 'resolved' && issues.length > before) {
      const positions = unplacedIssueAt.get(offence.offenceRef);
      if (positions) positions.push(before);
      else unplacedIssueAt.set(offence.offenceRef, [before]);
    }
    const ward = where.status === 'resolved' ? wards.id(where.wardCode) : -1;
    offenceWardOfRow[row] = ward;
    const id = offences.id(offence.offenceRef);
    offenceIdOfRow[row] = id;
    if (id === outcomeById.length) {
      outcomeById.push(-1);
      wardById.push(-1);
    }
    const first = outcomeById[id];
    const firstResolved = first >= 0 && first % 4 === RESOLVED;
    if (first < 0 || (!firstResolved && ward >= 0)) {
      outcomeById[id] = offence.sourceRow * 4 + outcomeCode(where.status);
      if (ward >= 0) {
        wardById[id] = ward;
        placedOrder.push(id);
      }
    } else if (ward >= 0 && firstResolved && wardById[id] !== ward) {
      const placedIn = wards.key(wardById[id]);
      note(
        offence,
        headerOf(mapping, 'offenceRef'),
        offence.offenceRef,
        'warning',
        'wardMismatch',
        `offence ${offence.offenceRef} was placed in ward ${placedIn} by row ${Math.floor(first / 4)}, but this row's offence location lies in ${wards.key(ward)}; the offence counts once, in ${placedIn}.`,
      );
    }

    const home = resolveLocation(offence.homeLocation, area.locate, area.wardCodes);
    describe(offence, home, 'home');
    if (home.status === 'resolved') homeInWard += 1;
    else if (home.status === 'outsideArea') homeOutsideArea += 1;
    else homeUnknownWard += 1;
    const homeWardNumber = home.status === 'resolved' ? wards.id(home.wardCode) : -1;
    homeWardOfRow[row] = homeWardNumber;
    const person = offenders.id(offence.offenderRef);
    offenderIdOfRow[row] = person;
    if (person === homeById.length) homeById.push(homeWardNumber);
    else homeById[person] = homeWardNumber;

    if (offence.schoolUrn) {
      if (knownSchoolUrns.has(offence.schoolUrn)) {
        const attending = attendingBySchool.get(offence.schoolUrn) ?? new Set<string>();
        attending.add(offence.offenderRef);
        attendingBySchool.set(offence.schoolUrn, attending);
      } else {
        note(
          offence,
          headerOf(mapping, 'schoolUrn'),
          offence.schoolUrn,
          'warning',
          'unknownSchool',
          `school URN ${offence.schoolUrn} is not in sheet '${schoolsSheet}'; the offence counts for its wards but not for any school.`,
        );
      }
    }
  }
  // The maps in the order the row-by-row placement made them: an offence when first placed in a
  // ward, an offender when first met (with the latest home).
  const offenceWard = new Map<string, string>();
  for (const id of placedOrder) offenceWard.set(offences.key(id), wards.key(wardById[id]));
  const homeWard = new Map<string, string | null>();
  for (let person = 0; person < homeById.length; person += 1)
    homeWard.set(offenders.key(person), homeById[person] >= 0 ? wards.key(homeById[person]) : null);
  for (const [ref, positions] of unplacedIssueAt) {
    const ward = offenceWard.get(ref);
    if (ward === undefined) continue;
    for (const at of positions) {
      const issue = issues[at];
      const message = issue.message.replace(
        /; (counted as outside the area|the offence location is not counted in any ward)\.$/,
        `; the offence is counted in ${ward}, where another of its rows places it.`,
      );
      issues[at] = { ...issue, message };
    }
  }
  let offenceInWard = 0;
  let offenceOutsideArea = 0;
  let offenceUnknownWard = 0;
  for (const outcome of outcomeById) {
    const status = outcome % 4;
    if (status === RESOLVED) offenceInWard += 1;
    else if (status === OUTSIDE_AREA) offenceOutsideArea += 1;
    else offenceUnknownWard += 1;
  }
  let homesInArea = 0;
  for (const ward of homeWard.values()) if (ward !== null) homesInArea += 1;
  return {
    offenceWard,
    homeWard,
    attendingBySchool,
    resolved: {
      rows: inScope,
      order,
      offenceWard: offenceWardOfRow,
      homeWard: homeWardOfRow,
      offenceId: offenceIdOfRow,
      offenderId: offenderIdOfRow,
      offenceCount: offences.size(),
      offenderCount: offenders.size(),
      wardCodes: wards.keys(),
    },
    counts: {
      inScope: inScope.length,
      offencesInScope: outcomeById.length,
      rowsWithoutOffenceRef,
      offenceInWard,
      offenceOutsideArea,
      offenceUnknownWard,
      homeInWard,
      homeOutsideArea,
      homeUnknownWard,
      distinctYoungOffenders: homeById.length,
      distinctYoungOffendersHomeInArea: homesInArea,
    },
    issues,
  };
}

/**
 * The positions of `offences` in date order, ties in source-row order and then in the given order
 * (what a stable sort on date and source row gives), without copying or reordering the records:
 * the dates are read once into a typed array, and an input already in that order is not sorted.
 */
export function chronologicalOrder(offences: readonly OffenceRecord[]): Uint32Array {
  const count = offences.length;
  const times = new Float64Array(count);
  const rows = new Float64Array(count);
  const order = new Uint32Array(count);
  let sorted = true;
  let rowsAscending = true;
  for (let i = 0; i < count; i += 1) {
    times[i] = offences[i].offenceDate.getTime();
    rows[i] = offences[i].sourceRow;
    order[i] = i;
    if (i > 0 && (times[i] < times[i - 1] || (times[i] === times[i - 1] && rows[i] < rows[i - 1]))) sorted = false;
    if (i > 0 && rows[i] < rows[i - 1]) rowsAscending = false;
  }
  if (sorted) return order;
  // Rows in sheet order (as validation gives them) break ties of date in position order, which a
  // stable sort on the date alone keeps.
  const counted = rowsAscending ? orderByTime(times) : null;
  if (counted) return counted;
  order.sort((a, b) => times[a] - times[b] || rows[a] - rows[b] || a - b);
  return order;
}

/**
 * Distinct counts by ward: offences by where they happened, young offenders by where they live.
 * @example countByWard(placement) // 'E05000001' -> { offences: 3, youngOffenders: 2 }
 */
export function countByWard(
  placement: Pick<Placement, 'offenceWard' | 'homeWard'>,
): Map<string, { offences: number; youngOffenders: number }> {
  const counts = new Map<string, { offences: number; youngOffenders: number }>();
  const at = (ward: string): { offences: number; youngOffenders: number } => {
    let entry = counts.get(ward);
    if (!entry) {
      entry = { offences: 0, youngOffenders: 0 };
      counts.set(ward, entry);
    }
    return entry;
  };
  for (const ward of placement.offenceWard.values()) at(ward).offences += 1;
  for (const ward of placement.homeWard.values()) if (ward !== null) at(ward).youngOffenders += 1;
  return counts;
}
