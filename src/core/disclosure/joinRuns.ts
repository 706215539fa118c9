import { must } from '../must';
import type { AdditiveRelation, LinkedTables, TableCell } from './linkedTables';

/** One run's published tables, with the records behind each of its leaf cells. */
export interface RunTables {
  /** Unique within the join; prefixes the run's cell ids in the joint model. */
  readonly key: string;
  /** For readers, e.g. "run 2". */
  readonly title: string;
  readonly tables: LinkedTables;
  /**
   * Record keys behind each leaf cell (a cell that is no relation's total), e.g. the offence
   * references of a ward's offences. Totals follow from their relations.
   */
  readonly records: ReadonlyMap<string, readonly string[]>;
}

export interface JoinedRuns {
  readonly tables: LinkedTables;
  /** Ids of the slices: differences between runs' scopes that no run publishes. */
  readonly slices: ReadonlySet<string>;
  /** The joint model's id for a run's cell. */
  readonly idOf: (runKey: string, cellId: string) => string;
}

/** The family of a leaf cell: slices are formed among leaves of one family (e.g. 'offences:ward:X' -> 'offences'). */
export const familyOfCell = (id: string): string => id.slice(0, Math.max(0, id.indexOf(':')));

/**
 * Every run's linked tables as one model, joined by the records their leaf cells share (the
 * "linked tables" view extended across publications, as statistical offices treat repeated
 * releases from one source: every released table is a constraint on the same microdata).
 *
 * For a leaf (say a ward's offences) the records split into atoms by which runs count them: in a
 * full run and a run of April–February, the ward's offences are those in both plus those in the
 * full run only (March). A run's cell is the sum of the atoms it counts. An atom that is a whole
 * cell of some run takes that cell's id; every other atom is a slice, a count no run publishes but
 * an outsider can reach by differencing, so it enters the model as an unknown that the audit
 * attacks (and protects when small). Atoms include every combination of runs seen anywhere in the
 * leaf's family, zero or not: an outsider does not know that a combination is empty in one ward
 * because it is empty there, so the model does not know it either.
 *
 * Totals (districts, the area) keep each run's own relations, and their slices are unknowns too:
 * the offences of a district counted by one run and not another are the sum of its wards' slices,
 * which an outsider reaches by subtracting the runs' district totals, so a small one is protected
 * like a ward's (a whole-area difference of 3 offences is as identifying as a ward's).
 */
export function joinRuns(runs: readonly RunTables[], familyOf: (id: string) => string = familyOfCell): JoinedRuns {
  const keys = new Set(runs.map((run) => run.key));
  if (keys.size !== runs.length) throw new Error('Joining runs: two runs share a key.');
  const idOf = (runKey: string, cellId: string): string => `${runKey}|${cellId}`;
  const cells: TableCell[] = [];
  const relations: AdditiveRelation[] = [];
  const bounds = [];
  for (const run of runs) {
    for (const cell of run.tables.cells)
      cells.push({ id: idOf(run.key, cell.id), value: cell.value, label: `${run.title}: ${cell.label}` });
    for (const relation of run.tables.relations)
      relations.push({
        total: idOf(run.key, relation.total),
        parts: relation.parts.map((part) => idOf(run.key, part)),
      });
    for (const bound of run.tables.bounds ?? [])
      bounds.push({ ...bound, id: idOf(run.key, bound.id), source: `${run.title}: ${bound.source}` });
  }

  // Which runs count each record of each leaf, as a signature of run positions ('0,2').
  const leaves = new Map<string, { readonly runsWith: number[]; readonly signatures: Map<string, number> }>();
  const labelOf = new Map<string, string>();
  runs.forEach((run, position) => {
    for (const cell of run.tables.cells) if (!labelOf.has(cell.id)) labelOf.set(cell.id, cell.label);
    for (const id of run.records.keys()) {
      const leaf = leaves.get(id) ?? { runsWith: [], signatures: new Map<string, number>() };
      leaf.runsWith.push(position);
      leaves.set(id, leaf);
    }
  });
  const seenIn = new Map<string, Map<string, number[]>>();
  for (const [id, leaf] of leaves) {
    const membership = new Map<string, number[]>();
    runs.forEach((run, position) => {
      for (const record of run.records.get(id) ?? []) {
        const member = membership.get(record);
        if (member) {
          if (member[member.length - 1] !== position) member.push(position);
        } else membership.set(record, [position]);
      }
    });
    for (const positions of membership.values()) {
      const signature = positions.join(',');
      leaf.signatures.set(signature, (leaf.signatures.get(signature) ?? 0) + 1);
    }
    const family = familyOf(id);
    const patterns = seenIn.get(family) ?? new Map<string, number[]>();
    for (const signature of leaf.signatures.keys()) patterns.set(signature, signature.split(',').map(Number));
    seenIn.set(family, patterns);
  }

  const slices = new Set<string>();
  // Each leaf's atom of each combination of runs: its id and count, for the slices of totals.
  const atomOf = new Map<string, Map<string, { readonly id: string; readonly value: number }>>();
  const valueOf = new Map(cells.map((cell) => [cell.id, cell.value]));
  for (const [id, leaf] of leaves) {
    const present = new Set(leaf.runsWith);
    // The combinations possible here: those seen in the family, limited to the runs with this cell.
    const atoms = new Map<string, number[]>();
    for (const positions of must(seenIn, familyOf(id), 'family').values()) {
      const here = positions.filter((p) => present.has(p));
      if (here.length > 0) atoms.set(here.join(','), here);
    }
    // Each atom's id: the cell of the one run it is whole in, or a new slice.
    const ofLeaf = new Map<string, { readonly id: string; readonly value: number }>();
    atomOf.set(id, ofLeaf);
    const atomIds = [...atoms].map(([signature, positions]) => {
      const whole = positions.find((p) => [...atoms.values()].filter((other) => other.includes(p)).length === 1);
      if (whole !== undefined) {
        const wholeId = idOf(runs[whole].key, id);
        ofLeaf.set(signature, { id: wholeId, value: valueOf.get(wholeId) ?? 0 });
        return { positions, id: wholeId };
      }
      const slice = `slice|${id}|${signature}`;
      const titles = positions.map((p) => runs[p].title).join(' and ');
      cells.push({
        id: slice,
        value: leaf.signatures.get(signature) ?? 0,
        label: `${labelOf.get(id) ?? id}, counted by ${titles} only`,
      });
      slices.add(slice);
      ofLeaf.set(signature, { id: slice, value: leaf.signatures.get(signature) ?? 0 });
      return { positions, id: slice };
    });
    for (const position of leaf.runsWith) {
      const own = idOf(runs[position].key, id);
      const parts = atomIds.filter(({ positions }) => positions.includes(position)).map((atom) => atom.id);
      if (parts.length === 1 && parts[0] === own) continue;
      relations.push({ total: own, parts });
    }
  }
  totalSlices(runs, atomOf, familyOf, { cells, relations, slices });
  return { tables: { cells, relations, ...(bounds.length > 0 ? { bounds } : {}) }, slices, idOf };
}

/**
 * The slices of every total (district, area): for each combination of runs, the sum of that
 * combination's atoms over the total's leaves, added as a cell with its relation. A combination
 * that is the whole of some run's total there (its only atom holding that run) is that total, not
 * a slice, and is left out; so is one with no atom under the total.
 */
function totalSlices(
  runs: readonly RunTables[],
  atomOf: ReadonlyMap<string, ReadonlyMap<string, { readonly id: string; readonly value: number }>>,
  familyOf: (id: string) => string,
  into: { readonly cells: TableCell[]; readonly relations: AdditiveRelation[]; readonly slices: Set<string> },
): void {
  // Every total's leaves, from any run's relations (the geography is the same in every run).
  const partsOf = new Map<string, readonly string[]>();
  for (const run of runs)
    for (const relation of run.tables.relations)
      if (!partsOf.has(relation.total)) partsOf.set(relation.total, relation.parts);
  const labelOf = new Map<string, string>();
  for (const run of runs)
    for (const cell of run.tables.cells) if (!labelOf.has(cell.id)) labelOf.set(cell.id, cell.label);
  const leavesOf = (id: string, seen: Set<string>): string[] => {
    const out: string[] = [];
    const stack = [id];
    while (stack.length > 0) {
      const next = stack.pop() as string;
      if (seen.has(next)) continue;
      seen.add(next);
      const parts = partsOf.get(next);
      if (parts) stack.push(...parts);
      else if (atomOf.has(next)) out.push(next);
    }
    return out;
  };
  for (const total of partsOf.keys()) {
    const leaves = leavesOf(total, new Set());
    if (leaves.length < 2 || new Set(leaves.map(familyOf)).size !== 1) continue;
    const bySignature = new Map<string, { ids: string[]; value: number }>();
    for (const leaf of leaves)
      for (const [signature, atom] of atomOf.get(leaf) ?? []) {
        const entry = bySignature.get(signature) ?? { ids: [], value: 0 };
        entry.ids.push(atom.id);
        entry.value += atom.value;
        bySignature.set(signature, entry);
      }
    const signatures = [...bySignature.keys()].map((signature) => signature.split(',').map(Number));
    for (const [signature, entry] of bySignature) {
      const positions = signature.split(',').map(Number);
      const whole = positions.some((p) => signatures.filter((other) => other.includes(p)).length === 1);
      if (whole) continue;
      const id = `slice|${total}|${signature}`;
      const titles = positions.map((p) => runs[p].title).join(' and ');
      into.cells.push({ id, value: entry.value, label: `${labelOf.get(total) ?? total}, counted by ${titles} only` });
      into.relations.push({ total: id, parts: entry.ids });
      into.slices.add(id);
    }
  }
}
