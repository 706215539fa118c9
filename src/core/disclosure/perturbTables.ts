import type { LinkedTables } from './linkedTables';
import { perturbedCount, type PerturbationTable } from './perturbationTable';
import type { PublishedCount } from './publishedCount';

/**
 * Every cell of the linked tables as published under the cell key method. A leaf (a cell that is
 * no relation's total) is perturbed by its own cell key; a total is the sum of its parts as
 * published, so every table adds up on the page and a total tells an outsider nothing its parts
 * do not (ONS perturbs totals separately and lets tables not add up; summing the perturbed parts
 * keeps the workbook coherent for readers who check it, at the cost of a little more noise in
 * large totals). Every count is shown: no [c].
 */
export function perturbTables(
  tables: LinkedTables,
  table: PerturbationTable,
  cellKeyOf: (id: string) => number,
): Map<string, PublishedCount> {
  const partsOf = new Map<string, readonly string[]>();
  for (const relation of tables.relations)
    if (!partsOf.has(relation.total)) partsOf.set(relation.total, relation.parts);
  const valueOf = new Map(tables.cells.map((cell) => [cell.id, cell.value]));
  const published = new Map<string, PublishedCount>();
  const publish = (id: string): number => {
    const done = published.get(id);
    if (done?.shown) return done.value;
    const parts = partsOf.get(id);
    const count = valueOf.get(id);
    if (count === undefined) throw new Error(`Perturbation: '${id}' is not a cell of the tables.`);
    const value = parts
      ? parts.reduce((sum, part) => sum + publish(part), 0)
      : perturbedCount(table, count, cellKeyOf(id));
    published.set(id, { shown: true, value });
    return value;
  };
  for (const cell of tables.cells) publish(cell.id);
  return published;
}
