import type { LinkedTables } from './linkedTables';

/**
 * What a figure published beside the tables tells an outsider about one of their counts: the count
 * lies from `lower` to `upper` (equal ends: it is known exactly). For example, a reconciliation
 * printing offences in scope, outside the area and unplaceable fixes the area's offences exactly,
 * whatever the tables show. The attacker's model must hold such outside knowledge, or a count the
 * audit proves safe may be narrowed by combining the tables with the other figures: the "a priori
 * information" of tau-Argus, whose apriori file states bounds an intruder already knows for a cell
 * (tau-Argus user's manual; Hundepool et al., Statistical Disclosure Control, Wiley 2012, ch. 4).
 */
export interface CellBound {
  /** The count's cell id in the linked tables. */
  readonly id: string;
  readonly lower: number;
  readonly upper: number;
  /** Where an outsider reads it, for reviewers and for messages, e.g. "the Method sheet's rows in and out". */
  readonly source: string;
}

/** Every bound on one cell, intersected. */
export interface CombinedBound {
  readonly lower: number;
  readonly upper: number;
  readonly sources: readonly string[];
}

/**
 * The bounds of the model by cell, several on one cell intersected.
 * @example boundsById({ cells: [], relations: [], bounds: [{ id: 'a', lower: 2, upper: 9, source: 'x' }, { id: 'a', lower: 0, upper: 5, source: 'y' }] })
 * // => Map { 'a' => { lower: 2, upper: 5, sources: ['x', 'y'] } }
 */
export function boundsById(tables: LinkedTables): Map<string, CombinedBound> {
  const combined = new Map<string, CombinedBound>();
  for (const bound of tables.bounds ?? []) {
    const before = combined.get(bound.id);
    combined.set(
      bound.id,
      before
        ? {
            lower: Math.max(before.lower, bound.lower),
            upper: Math.min(before.upper, bound.upper),
            sources: [...before.sources, bound.source],
          }
        : { lower: bound.lower, upper: bound.upper, sources: [bound.source] },
    );
  }
  return combined;
}

/**
 * Cells whose value the figures beside the tables fix exactly, with where they do. Withholding
 * such a cell hides nothing, and rounding it only makes the workbook contradict itself, so the
 * disclosure control shows them exactly and never withholds one as cover.
 */
export function pinnedCells(tables: LinkedTables): Map<string, string> {
  const pinned = new Map<string, string>();
  for (const [id, bound] of boundsById(tables))
    if (bound.lower === bound.upper) pinned.set(id, bound.sources.join('; '));
  return pinned;
}
