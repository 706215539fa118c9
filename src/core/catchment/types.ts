import type { CatchmentModel } from '../types';

/** One ward's part of a school's intake. */
export interface WardShare {
  readonly wardCode: string;
  /** Fraction of the school's pupils living in this ward; a school's shares sum to 1 (or it has none). */
  readonly share: number;
  /**
   * Pupils from this ward: the recorded count for an observed catchment; for a modelled one, the
   * estimate share × pupils on roll (not a whole number, never published as a count).
   */
  readonly pupils: number;
}

/** Where a school's pupils live, by ward, and how that was obtained (a label shown with every result). */
export interface CatchmentShares {
  readonly urn: string;
  readonly model: CatchmentModel;
  /** Sorted by ward code. Empty when nothing is known (no residence rows, or no ward within reach of the model). */
  readonly shares: readonly WardShare[];
  /**
   * Observed: pupils with a recorded home ward / pupils on roll (may exceed 1 when the residence data
   * and the roll come from different dates; NaN when the roll is not positive). Modelled: 1 when the
   * model placed the school's pupils, 0 when it could not (no ward within the cut-off).
   */
  readonly coverage: number;
}
