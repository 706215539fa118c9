import type { CellBound, CountRange } from '../disclosure';
import type { PlacementCounts } from './analysisResult';
import { CELL_ID } from './publishedTables';

/** Where an outsider reads each bound: the Method sheet's "Offences in scope, placed in wards" block and its rows in and out. */
export const PLACEMENT_SOURCES = {
  offences: "the Method sheet's placement of the offences in scope (in scope − outside the area − unknown)",
  youngOffenders: "the Method sheet's distinct young offenders and home placements",
  attending: "the Method sheet's distinct young offenders and offences in scope",
} as const;

/**
 * The range the Method sheet gives the young offenders living in the area: every one of them has a
 * latest row with a home in a study ward, and every other distinct young offender a latest row
 * whose home was not placed, so they lie from (distinct, at least) − (rows with home outside or
 * unknown) to the lesser of (distinct, at most) and the rows with a home in a ward.
 * @example youngOffendersInAreaRange({ homeInWard: 14, homeOutsideArea: 1, homeUnknownWard: 0, ... }, { lower: 13, upper: 13 }) // => { lower: 12, upper: 13 }
 */
export function youngOffendersInAreaRange(placement: PlacementCounts, distinct: CountRange): CountRange {
  const notPlaced = placement.homeOutsideArea + placement.homeUnknownWard;
  return { lower: Math.max(0, distinct.lower - notPlaced), upper: Math.min(distinct.upper, placement.homeInWard) };
}

/**
 * What the Method sheet's placement figures tell an outsider about the linked tables' counts. The
 * rows in and out stay exact so a reviewer can check them; the disclosure control takes what they
 * reveal into its attacker's model instead (see cellBounds):
 * - offences in a study ward = in scope − outside the area − unknown: the area's offences exactly;
 * - the young offenders living in the area: youngOffendersInAreaRange, from the distinct young
 *   offenders as published (`distinct`: their range under the rules, see standaloneCount);
 * - young offenders attending one school: at most the distinct young offenders, and at most the
 *   offences in scope (each has an offence in scope). A phase or all schools can hold more: an
 *   offender recorded at two schools counts at each.
 * @example placementBounds({ inScope: 15, offenceInWard: 14, offenceOutsideArea: 1, offenceUnknownWard: 0, homeInWard: 14,
 *   homeOutsideArea: 1, homeUnknownWard: 0, distinctYoungOffenders: 13, distinctYoungOffendersHomeInArea: 12 }, ['100001'], { lower: 13, upper: 13 })
 * // => offences:area 14–14; youngOffenders:area 12–13 (13 − 1 to min(13, 14)); attending:school:100001 0–13
 */
export function placementBounds(
  placement: PlacementCounts,
  schoolUrns: readonly string[],
  distinct: CountRange,
): CellBound[] {
  const attendingAtMost = Math.min(distinct.upper, placement.inScope);
  return [
    {
      id: CELL_ID.area('offences'),
      lower: placement.offenceInWard,
      upper: placement.offenceInWard,
      source: PLACEMENT_SOURCES.offences,
    },
    {
      id: CELL_ID.area('youngOffenders'),
      ...youngOffendersInAreaRange(placement, distinct),
      source: PLACEMENT_SOURCES.youngOffenders,
    },
    ...schoolUrns.map((urn): CellBound => ({
      id: CELL_ID.school(urn),
      lower: 0,
      upper: attendingAtMost,
      source: PLACEMENT_SOURCES.attending,
    })),
  ];
}
