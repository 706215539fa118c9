import { must } from '../must';
import type { LinkedTables } from './linkedTables';
import type { PublishedCount } from './publishedCount';

/**
 * What an outsider can say of each withheld cell from the published tables alone: its share, by
 * weight (e.g. young population), of what its nearest published total leaves once the shown parts
 * are taken off — the pooled count of the withheld cells under that total. For hierarchical tables
 * (each cell a part of at most one relation). A withheld total is first estimated the same way
 * from its own parent; with no published total above it, a withheld cell is estimated at 0.
 * Residuals below zero (possible with rounding) count as 0; zero weights share equally.
 *
 * Figures computed from these estimates (the schools' exposure) are functions of published numbers
 * only, so they cannot be worked back to a withheld count.
 * @example Published district 20 over wards 12 (shown), [c] (weight 100), [c] (weight 300):
 *   residual 8, so the withheld wards are estimated at 2 and 6.
 */
export function pooledWithheldCounts(
  tables: LinkedTables,
  published: ReadonlyMap<string, PublishedCount>,
  weight: (id: string) => number,
): Map<string, number> {
  const parentRelation = new Map<string, LinkedTables['relations'][number]>();
  for (const relation of tables.relations) {
    for (const part of relation.parts) {
      if (parentRelation.has(part))
        throw new Error(`pooledWithheldCounts: '${part}' is a part of two relations; the tables are not hierarchical.`);
      parentRelation.set(part, relation);
    }
  }
  const estimates = new Map<string, number>();
  const estimate = (id: string): number => {
    const shown = published.get(id);
    if (shown?.shown) return shown.value;
    const known = estimates.get(id);
    if (known !== undefined) return known;
    const relation = parentRelation.get(id);
    if (!relation) {
      estimates.set(id, 0);
      return 0;
    }
    const withheld = relation.parts.filter((part) => !published.get(part)?.shown);
    const shownSum = relation.parts.reduce((sum, part) => {
      const p = published.get(part);
      return sum + (p?.shown ? p.value : 0);
    }, 0);
    const residual = Math.max(0, estimate(relation.total) - shownSum);
    const totalWeight = withheld.reduce((sum, part) => sum + Math.max(0, weight(part)), 0);
    for (const part of withheld) {
      estimates.set(
        part,
        totalWeight > 0 ? (residual * Math.max(0, weight(part))) / totalWeight : residual / withheld.length,
      );
    }
    return must(estimates, id, 'pooled estimate');
  };
  for (const cell of tables.cells) if (!published.get(cell.id)?.shown) estimate(cell.id);
  return estimates;
}
