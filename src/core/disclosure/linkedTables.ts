import type { CellBound } from './cellBounds';

/**
 * Every published table of counts as one model: its cells (each underlying count once, however
 * many sheets show it), the additive relations among them (total = Σ parts), and what figures
 * published beside the tables tell about some of them (bounds). This is the
 * "linked tables" view of tau-Argus and sdcTable (de Wolf, "Protection of linked tables",
 * Hundepool et al., Statistical Disclosure Control, Wiley 2012, §4.6): a count withheld in one
 * table is withheld in every table, and secondary suppression and the audit see every relation at
 * once.
 */

/** One published count. */
export interface TableCell {
  /** Unique key; every sheet that shows this count looks it up by this key. */
  readonly id: string;
  /** The true, unrounded count: a non-negative whole number. */
  readonly value: number;
  /** Reader-facing name for messages, e.g. "Offences in ward Aston (E05011118)". */
  readonly label: string;
}

/** total = Σ parts, by cell id. */
export interface AdditiveRelation {
  readonly total: string;
  readonly parts: readonly string[];
}

export interface LinkedTables {
  readonly cells: readonly TableCell[];
  readonly relations: readonly AdditiveRelation[];
  /** Ranges other published figures give some cells (see cellBounds); none when the tables are all that is published. */
  readonly bounds?: readonly CellBound[];
}

/**
 * Checks the model's invariants: unique ids, whole non-negative counts, relations naming known
 * cells, each total equal to the sum of its parts, each bound naming a known cell and holding its
 * true value. Throws on a broken invariant: the model is built by the engine from its own counts,
 * so a failure here is a bug, not a data problem.
 */
export function checkLinkedTables(tables: LinkedTables): void {
  const byId = new Map<string, TableCell>();
  for (const cell of tables.cells) {
    if (byId.has(cell.id)) throw new Error(`Linked tables: cell id '${cell.id}' appears twice.`);
    if (!(Number.isInteger(cell.value) && cell.value >= 0))
      throw new Error(`Linked tables: cell '${cell.id}' holds ${cell.value}, not a whole count.`);
    byId.set(cell.id, cell);
  }
  for (const relation of tables.relations) {
    const total = byId.get(relation.total);
    if (!total) throw new Error(`Linked tables: relation total '${relation.total}' is not a cell.`);
    if (relation.parts.length === 0) throw new Error(`Linked tables: relation of '${relation.total}' has no parts.`);
    let sum = 0;
    for (const part of relation.parts) {
      const cell = byId.get(part);
      if (!cell) throw new Error(`Linked tables: part '${part}' of '${relation.total}' is not a cell.`);
      if (part === relation.total) throw new Error(`Linked tables: '${part}' is a part of its own total.`);
      sum += cell.value;
    }
    if (sum !== total.value)
      throw new Error(`Linked tables: '${relation.total}' is ${total.value} but its parts add up to ${sum}.`);
  }
  for (const bound of tables.bounds ?? []) {
    const cell = byId.get(bound.id);
    if (!cell) throw new Error(`Linked tables: a bound from ${bound.source} names '${bound.id}', which is not a cell.`);
    if (!(bound.lower <= cell.value && cell.value <= bound.upper))
      throw new Error(
        `Linked tables: '${bound.id}' is ${cell.value}, outside its bound ${bound.lower}–${bound.upper} from ${bound.source}.`,
      );
  }
}

/** Several tables as one model (ids must not clash), with their bounds; a model of bounds alone adds them to the others' cells. */
export function mergeLinkedTables(...tables: readonly LinkedTables[]): LinkedTables {
  const bounds = tables.flatMap((t) => t.bounds ?? []);
  return {
    cells: tables.flatMap((t) => t.cells),
    relations: tables.flatMap((t) => t.relations),
    ...(bounds.length > 0 ? { bounds } : {}),
  };
}

/** Grand totals: cells that are the total of some relation and a part of none. */
export function grandTotals(tables: LinkedTables): ReadonlySet<string> {
  const parts = new Set(tables.relations.flatMap((r) => r.parts));
  return new Set(tables.relations.map((r) => r.total).filter((id) => !parts.has(id)));
}
