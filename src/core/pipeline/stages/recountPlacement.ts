import type { OffenceRecord } from '../../types';
import { resolveLocation } from '../resolveLocation';
import { numbering } from './numbering';
import { chronologicalOrder } from './placeOffences';
import type { StudyArea } from './studyArea';

/**
 * Every in-scope row's offence and home location resolved once (by `placeOffences`, which resolves
 * them anyway, or by `resolveRows`), for the Sensitivity stage's recounts: each narrower scope (fewer ages, a shorter period) is a subset of these rows over the
 * same wards, so its ward counts come from typed arrays instead of placing its rows again (which
 * built maps of every offence and offender per scenario and, on a national extract, most of the
 * stage's heap). References are numbered once, so a recount makes no strings and no maps.
 */
export interface ResolvedRows {
  readonly rows: readonly OffenceRecord[];
  /** Positions of `rows` in date order, as `placeOffences` visits them. */
  readonly order: Uint32Array;
  /** Per row: the index in `wardCodes` of the ward its offence (home) is placed in, or -1 when none. */
  readonly offenceWard: Int32Array;
  readonly homeWard: Int32Array;
  /** Per row: its offence reference and offender reference, numbered from 0 (in the order first met). */
  readonly offenceId: Int32Array;
  readonly offenderId: Int32Array;
  readonly offenceCount: number;
  readonly offenderCount: number;
  readonly wardCodes: readonly string[];
}

/** Resolves each row's two locations in `area` (as `placeOffences` does) and numbers its references. */
export function resolveRows(rows: readonly OffenceRecord[], area: StudyArea): ResolvedRows {
  const count = rows.length;
  const offenceWard = new Int32Array(count);
  const homeWard = new Int32Array(count);
  const offenceId = new Int32Array(count);
  const offenderId = new Int32Array(count);
  const wards = numbering();
  const offences = numbering(count);
  const offenders = numbering(count);
  const wardIndex = (record: OffenceRecord, which: 'offenceLocation' | 'homeLocation'): number => {
    const outcome = resolveLocation(record[which], area.locate, area.wardCodes);
    return outcome.status === 'resolved' ? wards.id(outcome.wardCode) : -1;
  };
  for (let i = 0; i < count; i += 1) {
    const record = rows[i];
    offenceWard[i] = wardIndex(record, 'offenceLocation');
    homeWard[i] = wardIndex(record, 'homeLocation');
    offenceId[i] = offences.id(record.offenceRef);
    offenderId[i] = offenders.id(record.offenderRef);
  }
  return {
    rows,
    order: chronologicalOrder(rows),
    offenceWard,
    homeWard,
    offenceId,
    offenderId,
    offenceCount: offences.size(),
    offenderCount: offenders.size(),
    wardCodes: wards.keys(),
  };
}

/**
 * Distinct counts by ward of the rows `keep` accepts, exactly as `countByWard(placeOffences(kept))`
 * gives them: an offence in the ward of its first row in date order placed in a ward, a young
 * offender in the ward of their latest row's home (none when that home is in no ward). Also how
 * many rows were kept.
 */
export function countKeptByWard(
  resolved: ResolvedRows,
  keep: (record: OffenceRecord) => boolean,
): { readonly kept: number; readonly byWard: Map<string, { offences: number; youngOffenders: number }> } {
  const { rows, order, offenceWard, homeWard, offenceId, offenderId } = resolved;
  // -2: not met in the kept rows; -1: met, in no ward.
  const offencePlace = new Int32Array(resolved.offenceCount).fill(-2);
  const homePlace = new Int32Array(resolved.offenderCount).fill(-2);
  let kept = 0;
  for (let position = 0; position < order.length; position += 1) {
    const i = order[position];
    if (!keep(rows[i])) continue;
    kept += 1;
    const offence = offenceId[i];
    if (offencePlace[offence] < 0) offencePlace[offence] = offenceWard[i];
    homePlace[offenderId[i]] = homeWard[i];
  }
  const offences = new Int32Array(resolved.wardCodes.length);
  const youngOffenders = new Int32Array(resolved.wardCodes.length);
  for (const ward of offencePlace) if (ward >= 0) offences[ward] += 1;
  for (const ward of homePlace) if (ward >= 0) youngOffenders[ward] += 1;
  const byWard = new Map<string, { offences: number; youngOffenders: number }>();
  resolved.wardCodes.forEach((code, ward) => {
    if (offences[ward] > 0 || youngOffenders[ward] > 0)
      byWard.set(code, { offences: offences[ward], youngOffenders: youngOffenders[ward] });
  });
  return { kept, byWard };
}
