import { must } from '../must';
import type { PupilResidenceRecord } from '../types';
import type { CatchmentShares, WardShare } from './types';

/**
 * Observed catchment shares from a pupil residence table (school URN, home ward, number of pupils).
 * For each school, share_w = pupils recorded in ward w / all pupils recorded for the school, so the
 * shares of a school with any rows sum to 1 (the exposure is about the pupils whose home is known).
 * Coverage = recorded pupils / pupils on roll, reported beside the shares so that a thin residence
 * table is visible rather than silently scaled.
 *
 * Rows for the same school and ward are added together. Rows whose pupils are not a positive number,
 * and rows for schools not in `schools`, are ignored (validation reports them). Every school given gets
 * an entry; one without rows has no shares and coverage 0. O(rows + schools).
 *
 * @example observedShares([{ urn: '1', wardCode: 'A', pupils: 30, sourceRow: 2 }, { urn: '1', wardCode: 'B', pupils: 10, sourceRow: 3 }], [{ urn: '1', pupils: 50 }])
 *   // => '1': shares A 30/40 = 0.75, B 10/40 = 0.25; coverage 40/50 = 0.8
 */
export function observedShares(
  residence: readonly PupilResidenceRecord[],
  schools: readonly { readonly urn: string; readonly pupils: number }[],
): Map<string, CatchmentShares> {
  const pupilsBySchool = new Map<string, Map<string, number>>();
  for (const school of schools) pupilsBySchool.set(school.urn, new Map());
  for (const row of residence) {
    const byWard = pupilsBySchool.get(row.urn);
    if (!byWard || !(row.pupils > 0) || !Number.isFinite(row.pupils)) continue;
    byWard.set(row.wardCode, (byWard.get(row.wardCode) ?? 0) + row.pupils);
  }

  const result = new Map<string, CatchmentShares>();
  for (const school of schools) {
    const byWard = must(pupilsBySchool, school.urn, 'school');
    let recorded = 0;
    for (const pupils of byWard.values()) recorded += pupils;
    const shares: WardShare[] = [...byWard.entries()]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([wardCode, pupils]) => ({ wardCode, share: pupils / recorded, pupils }));
    const coverage = recorded === 0 ? 0 : school.pupils > 0 ? recorded / school.pupils : NaN;
    result.set(school.urn, { urn: school.urn, model: 'observed', shares, coverage });
  }
  return result;
}
