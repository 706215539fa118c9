import { must } from '../must';
import type { AdditiveRelation, LinkedTables } from './linkedTables';

/** A connected group of unknown counts and the relations that tie them together. */
export interface UnknownComponent {
  /** Cell ids of the unknowns, in the order of the model's cells. */
  readonly unknowns: readonly string[];
  /** Relations with at least one unknown in this component. */
  readonly relations: readonly AdditiveRelation[];
}

/**
 * Splits the unknown counts into connected components: two unknowns are connected when some
 * relation holds both. An outsider's bounds on an unknown depend only on its own component, so each
 * component is audited alone and the linear programmes stay small. Union–find with path halving;
 * O(total relation size).
 */
export function hiddenComponents(tables: LinkedTables, isUnknown: (id: string) => boolean): UnknownComponent[] {
  const parent = new Map<string, string>();
  const parentOf = (id: string): string => must(parent, id, 'union-find parent');
  const find = (id: string): string => {
    let node = id;
    while (parent.get(node) !== node) {
      const grand = parentOf(parentOf(node));
      parent.set(node, grand);
      node = grand;
    }
    return node;
  };
  for (const cell of tables.cells) if (isUnknown(cell.id)) parent.set(cell.id, cell.id);
  const unknownsOf = (relation: AdditiveRelation): string[] =>
    [relation.total, ...relation.parts].filter((id) => parent.has(id));
  for (const relation of tables.relations) {
    const unknowns = unknownsOf(relation);
    for (let i = 1; i < unknowns.length; i++) {
      const a = find(unknowns[0]);
      const b = find(unknowns[i]);
      if (a !== b) parent.set(b, a);
    }
  }
  const byRoot = new Map<string, { unknowns: string[]; relations: AdditiveRelation[] }>();
  for (const cell of tables.cells) {
    if (!parent.has(cell.id)) continue;
    const root = find(cell.id);
    const component = byRoot.get(root) ?? { unknowns: [], relations: [] };
    component.unknowns.push(cell.id);
    byRoot.set(root, component);
  }
  for (const relation of tables.relations) {
    const unknowns = unknownsOf(relation);
    if (unknowns.length > 0) must(byRoot, find(unknowns[0]), 'component').relations.push(relation);
  }
  return [...byRoot.values()];
}
