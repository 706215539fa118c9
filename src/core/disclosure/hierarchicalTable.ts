import { must } from '../must';
import type { AdditiveRelation, LinkedTables, TableCell } from './linkedTables';

export interface HierarchyLeaf {
  readonly id: string;
  readonly label: string;
  readonly value: number;
  /** Key of the group (e.g. district) the leaf adds up into; ignored when the table has no groups. */
  readonly group?: string;
}

export interface HierarchySpec {
  readonly leaves: readonly HierarchyLeaf[];
  /** Group key -> subtotal cell's id and label. With fewer than two groups the level is left out. */
  readonly groups?: ReadonlyMap<string, { readonly id: string; readonly label: string }>;
  readonly total: { readonly id: string; readonly label: string };
}

/**
 * A one-dimensional hierarchical table: leaves -> group subtotals -> total (e.g. wards -> districts
 * -> area), with subtotals and total computed from the unrounded leaves. A grouping with fewer
 * than two groups adds nothing an outsider could use (its one subtotal is the total), so the
 * leaves then add up straight into the total.
 * @example hierarchicalTable({ leaves: [{ id: 'a', label: 'A', value: 3, group: 'g' }, { id: 'b', label: 'B', value: 4, group: 'h' }],
 *   groups: new Map([['g', { id: 'G', label: 'G' }], ['h', { id: 'H', label: 'H' }]]), total: { id: 'T', label: 'Total' } })
 * // => cells a 3, b 4, G 3, H 4, T 7; relations G = a, H = b, T = G + H
 */
export function hierarchicalTable(spec: HierarchySpec): LinkedTables {
  const usedGroups = new Map<string, HierarchyLeaf[]>();
  for (const leaf of spec.leaves) {
    const key = leaf.group ?? '';
    if (spec.groups && !spec.groups.has(key))
      throw new Error(`Hierarchical table: leaf '${leaf.id}' names unknown group '${key}'.`);
    usedGroups.set(key, [...(usedGroups.get(key) ?? []), leaf]);
  }
  const leafCells: TableCell[] = spec.leaves.map(({ id, label, value }) => ({ id, label, value }));
  const grandTotal = spec.leaves.reduce((sum, leaf) => sum + leaf.value, 0);
  const totalCell: TableCell = { id: spec.total.id, label: spec.total.label, value: grandTotal };
  if (!spec.groups || usedGroups.size < 2) {
    return {
      cells: [...leafCells, totalCell],
      relations: spec.leaves.length > 0 ? [{ total: totalCell.id, parts: spec.leaves.map((l) => l.id) }] : [],
    };
  }
  const groupCells: TableCell[] = [];
  const relations: AdditiveRelation[] = [];
  for (const [key, members] of usedGroups) {
    const group = must(spec.groups, key, 'group');
    groupCells.push({ id: group.id, label: group.label, value: members.reduce((sum, leaf) => sum + leaf.value, 0) });
    relations.push({ total: group.id, parts: members.map((leaf) => leaf.id) });
  }
  relations.push({ total: totalCell.id, parts: groupCells.map((cell) => cell.id) });
  return { cells: [...leafCells, ...groupCells, totalCell], relations };
}
