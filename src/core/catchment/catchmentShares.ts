import { must } from '../must';
import type { CatchmentModel, GridPoint, PupilResidenceRecord } from '../types';
import { distanceDecayShares, type DistanceDecayOptions } from './distanceDecayShares';
import { observedShares } from './observedShares';
import type { CatchmentShares } from './types';

export interface CatchmentSharesInput {
  /** The schools of the phase being ranked (every one competes for pupils in the model). */
  readonly schools: readonly { readonly urn: string; readonly pupils: number; readonly location: GridPoint }[];
  /** Wards with young population and a representative point (used by the model only). */
  readonly wards: readonly {
    readonly wardCode: string;
    readonly youngPopulation: number;
    readonly location: GridPoint;
  }[];
  /** Pupil residence rows, when the analyst supplied the sheet (possibly for some schools only). */
  readonly residence?: readonly PupilResidenceRecord[];
}

export interface CatchmentSharesOptions extends DistanceDecayOptions {
  /**
   * 'auto' (default): observed shares for each school with at least one usable residence row, the
   * distance-decay model for the others. 'observed': observed for all (a school without rows has no
   * shares). 'distanceDecay': the model for all, ignoring any residence rows.
   */
  readonly model?: 'auto' | CatchmentModel;
}

/**
 * Catchment shares for every school, labelled per school by how they were obtained, so a residence
 * sheet covering only some schools still works: those schools are 'observed', the rest 'distanceDecay'.
 * In the model every school of the phase competes for each ward's children, including the observed
 * ones, so a modelled school near an observed one is not credited with that school's pupils.
 *
 * @example catchmentShares({ schools, wards, residence: rowsForSchool1Only })
 *   // => school 1 { model: 'observed', ... }, school 2 { model: 'distanceDecay', ... }
 */
export function catchmentShares(
  input: CatchmentSharesInput,
  options: CatchmentSharesOptions = {},
): Map<string, CatchmentShares> {
  const { model = 'auto', ...modelOptions } = options;
  const observed = observedShares(input.residence ?? [], input.schools);
  if (model === 'observed') return observed;
  if (model === 'auto' && input.schools.every((school) => (observed.get(school.urn)?.shares.length ?? 0) > 0))
    return observed;
  const modelled = distanceDecayShares(input.schools, input.wards, modelOptions);
  if (model === 'distanceDecay') return modelled;

  const result = new Map<string, CatchmentShares>();
  for (const school of input.schools) {
    const seen = must(observed, school.urn, 'observed catchment');
    result.set(school.urn, seen.shares.length > 0 ? seen : must(modelled, school.urn, 'modelled catchment'));
  }
  return result;
}
