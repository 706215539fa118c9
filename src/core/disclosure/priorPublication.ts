import type { DisclosureRules } from './disclosureRules';

/**
 * What earlier runs on the same records already published, when a new run is protected together
 * with them (one disclosure model across runs: the linked tables of every run, joined by the
 * records they share; see joinRuns).
 *
 * - `fixed`: cells whose published form is settled: true shown, false withheld. An earlier run's
 *   cells are public as they stand, and a cell of the new run with exactly the records of an
 *   earlier cell gets the same treatment (withholding it now would hide nothing; showing it now
 *   would undo the earlier withholding).
 * - `slices`: the differences between runs' scopes cell by cell (offences in a ward in one run's
 *   date window but not the other's). No run publishes them, so an outsider never knows one
 *   directly; one from 1 to threshold − 1 is protected like a withheld count.
 * - `rulesOf`: the rules a fixed cell was published under, where they are not the new run's.
 * - `sliceWidth`: the range a slice needs, where less than the protection interval: a slice of a
 *   count an earlier run showed as 5 lies from 0 to 4 whatever this run withholds (its other part,
 *   withheld, is at least 1), so it is as protected as the earlier publication allows.
 */
export interface PriorPublication {
  readonly fixed: ReadonlyMap<string, boolean>;
  readonly slices: ReadonlySet<string>;
  readonly rulesOf: ReadonlyMap<string, DisclosureRules>;
  readonly sliceWidth?: ReadonlyMap<string, number>;
}

/** Nothing published before: a single run. */
export const NO_PRIOR_PUBLICATION: PriorPublication = { fixed: new Map(), slices: new Set(), rulesOf: new Map() };
