import { auditSuppression, type AuditCache, type SuppressionAudit } from './auditSuppression';
import { pinnedCells } from './cellBounds';
import { hiddenComponents } from './hiddenComponents';
import type { DisclosureRules } from './disclosureRules';
import type { LinearSolver } from './linearProgram';
import { grandTotals, type AdditiveRelation, type LinkedTables, type TableCell } from './linkedTables';
import { NO_PRIOR_PUBLICATION, type PriorPublication } from './priorPublication';
import { isPrimarySensitive } from './publishedCount';
import { must } from '../must';

export interface SuppressionOptions {
  /** Prove both ends of every range in the audit (see AuditOptions). */
  readonly exact?: boolean;
  /** Earlier runs' publication: their cells are fixed, and slices between runs are protected too. */
  readonly prior?: PriorPublication;
  /**
   * A secret-keyed random order for choosing cover cells (0 ≤ key < 1). Without it the smaller
   * count is withheld first (tau-Argus's default cost); with it the choice says nothing of a
   * cover's size to an outsider who knows the rule.
   */
  readonly coverKey?: (id: string) => number;
}

export interface SecondarySuppression {
  /** Every withheld cell: the primary ones and those added here. */
  readonly hidden: ReadonlySet<string>;
  /** Cells withheld to protect others, in the order they were chosen. */
  readonly secondary: readonly string[];
  /** The audit of the final pattern; `unsafe` is empty unless no further cell could help. */
  readonly audit: SuppressionAudit;
  /** Linear programmes solved in the search and the final audit together. */
  readonly programmesSolved: number;
  /** Rounds of repair guided by the audit. */
  readonly repairRounds: number;
  /**
   * Counts left narrower than the protection interval only because earlier runs published what
   * they did: every count of this run that could widen them is withheld already, so they are as
   * protected as the earlier publication allows (empty without earlier runs).
   */
  readonly asEarlierAllow: readonly string[];
}

/**
 * The cost of withholding a cell, lowest first: any cell before a grand total (withheld only when
 * nothing else will do), then the smaller count (tau-Argus's default cost is the cell value: less
 * information lost) or, with a cover key, the key's random order, then a cell that is no
 * relation's total, then the model's order.
 */
function costOrder(
  tables: LinkedTables,
  coverKey: ((id: string) => number) | undefined,
): (a: string, b: string) => number {
  const grand = grandTotals(tables);
  const totals = new Set(tables.relations.map((r) => r.total));
  const position = new Map(tables.cells.map((cell, i) => [cell.id, i]));
  const cost = new Map(tables.cells.map((cell) => [cell.id, coverKey ? coverKey(cell.id) : cell.value]));
  return (a, b) =>
    Number(grand.has(a)) - Number(grand.has(b)) ||
    must(cost, a, 'cost') - must(cost, b, 'cost') ||
    Number(totals.has(a)) - Number(totals.has(b)) ||
    must(position, a, 'cell position') - must(position, b, 'cell position');
}

/**
 * Of cells still too narrow once nothing more can be withheld, those whose group of unknowns
 * touches an earlier run's publication (or that are slices between runs): their range is what the
 * earlier runs left, which no choice of this run can widen.
 */
function inheritedNarrowness(
  tables: LinkedTables,
  hidden: ReadonlySet<string>,
  prior: PriorPublication,
  unsafe: readonly string[],
): Set<string> {
  const inherited = new Set<string>();
  if (prior.fixed.size === 0 && prior.slices.size === 0) return inherited;
  for (const component of hiddenComponents(tables, (id) => hidden.has(id))) {
    const touchesEarlier = component.relations.some((relation) =>
      [relation.total, ...relation.parts].some((id) => prior.fixed.has(id) || prior.slices.has(id)),
    );
    if (!touchesEarlier) continue;
    for (const id of component.unknowns) if (unsafe.includes(id)) inherited.add(id);
  }
  return inherited;
}

/**
 * Secondary suppression for linked tables: a heuristic followed by repair under the attacker's
 * audit, so the pattern is proven safe however it was found.
 *
 * 1. Singletons (the long-standing rule for hierarchical tables: never leave one withheld cell
 *    alone in a row): a relation with exactly one withheld cell gives it away by subtraction, so its
 *    cheapest other part is withheld too (its total when no part can be), repeated across the linked
 *    relations to a fixed point.
 * 2. Repair: while the audit finds withheld cells whose range is narrower than the protection
 *    interval, withhold, for each linked group of them, the cheapest further cell in one of their
 *    relations (or, failing that, in the nearest relation reached through withheld cells), then
 *    apply 1 again.
 *
 * A zero is never picked when zeros are shown (the audit's attacker assumes [c] ≥ 1), nor a cell
 * that figures beside the tables fix exactly (withholding it would hide nothing; see cellBounds),
 * and a grand total only when no other cell remains. Each round withholds at least one more cell,
 * so the search ends. Without bounds from beside the tables it ends safe whenever the solver
 * answers: with every non-zero cell reachable from an unsafe one withheld, the relations left among
 * them have no published non-zero number, so every such count is unbounded above. A bound from
 * beside the tables (a total fixed or capped by other figures) can keep a cell narrow whatever is
 * withheld; the final audit then says so and nothing is published.
 * Costs: O(relation size) per singleton step; the audit's programmes per round, cached between
 * rounds for components that did not change.
 */
export function secondarySuppression(
  tables: LinkedTables,
  primary: ReadonlySet<string>,
  rules: DisclosureRules,
  solver: LinearSolver,
  options: SuppressionOptions = {},
): SecondarySuppression {
  const prior = options.prior ?? NO_PRIOR_PUBLICATION;
  const cellById = new Map<string, TableCell>(tables.cells.map((cell) => [cell.id, cell]));
  const cellOf = (id: string): TableCell => must(cellById, id, 'table cell');
  const relationsOf = new Map<string, AdditiveRelation[]>();
  for (const relation of tables.relations) {
    for (const id of [relation.total, ...relation.parts])
      relationsOf.set(id, [...(relationsOf.get(id) ?? []), relation]);
  }
  const cheaper = costOrder(tables, options.coverKey);
  const grand = grandTotals(tables);
  const hidden = new Set(primary);
  const secondary: string[] = [];
  const pinned = pinnedCells(tables);
  const eligible = (id: string): boolean =>
    !hidden.has(id) &&
    !pinned.has(id) &&
    !prior.fixed.has(id) &&
    !prior.slices.has(id) &&
    (rules.zerosSensitive || cellOf(id).value !== 0);
  const withhold = (id: string): void => {
    hidden.add(id);
    secondary.push(id);
  };
  const cheapest = (ids: Iterable<string>): string | undefined => {
    let best: string | undefined;
    for (const id of ids) if (eligible(id) && (best === undefined || cheaper(id, best) < 0)) best = id;
    return best;
  };

  const closeSingletons = (): void => {
    const queue = [...tables.relations];
    const queued = new Set(queue);
    for (let relation = queue.shift(); relation !== undefined; relation = queue.shift()) {
      queued.delete(relation);
      const members = [relation.total, ...relation.parts];
      const unknown = members.filter((id) => hidden.has(id));
      // A slice alone in a relation is given away, but only a small one matters.
      if (
        unknown.length !== 1 ||
        (prior.slices.has(unknown[0]) && !isPrimarySensitive(cellOf(unknown[0]).value, rules))
      )
        continue;
      const choice = cheapest(relation.parts) ?? (eligible(relation.total) ? relation.total : undefined);
      if (choice === undefined) continue;
      withhold(choice);
      for (const next of relationsOf.get(choice) ?? []) {
        if (!queued.has(next)) {
          queue.push(next);
          queued.add(next);
        }
      }
    }
  };

  /**
   * The cheapest eligible cell in the relations nearest to `id`, widening through withheld cells;
   * a grand total only when no other cell is reachable at all.
   */
  const repairFor = (id: string): string | undefined => {
    const seenRelations = new Set<AdditiveRelation>();
    const seenCells = new Set<string>([id]);
    let frontier = [id];
    let grandFallback: string | undefined;
    while (frontier.length > 0) {
      const relations = frontier.flatMap((cell) => relationsOf.get(cell) ?? []).filter((r) => !seenRelations.has(r));
      relations.forEach((r) => seenRelations.add(r));
      const members = relations.flatMap((r) => [r.total, ...r.parts]);
      const choice = cheapest(members.filter((cell) => !grand.has(cell)));
      if (choice !== undefined) return choice;
      grandFallback ??= cheapest(members);
      frontier = members.filter((cell) => hidden.has(cell) && !seenCells.has(cell));
      frontier.forEach((cell) => seenCells.add(cell));
    }
    return grandFallback;
  };

  closeSingletons();
  // Across runs: a count whose range a repair did not widen is left alone (its range is what the
  // earlier runs allow; more cover would withhold counts for nothing).
  const widthBefore = new Map<string, number>();
  const stuck = new Set<string>();
  const cache: AuditCache = new Map();
  let programmesSolved = 0;
  let repairRounds = 0;
  for (;;) {
    const audit = auditSuppression(tables, hidden, rules, solver, { cache, exact: options.exact, prior });
    programmesSolved += audit.programmesSolved;
    if (audit.unsafe.length === 0)
      return { hidden, secondary, audit, programmesSolved, repairRounds, asEarlierAllow: [] };
    // One repair per group of linked withheld cells (all of them as one group when rounding links
    // everything): the cheapest cell that any of the group's unsafe cells would take.
    // Across runs the groups grow large through the slices, so each unsafe count gets its own
    // repair in the round (fewer rounds, each a full audit).
    const joint = prior.fixed.size > 0 || prior.slices.size > 0;
    const groups = new Map<string, string[]>();
    const groupOf = new Map<string, string>();
    if (joint) {
      for (const cell of audit.unsafe) {
        const width = cell.upper - cell.lower;
        const before = widthBefore.get(cell.id);
        if (before !== undefined && !(width > before)) stuck.add(cell.id);
        widthBefore.set(cell.id, width);
        groupOf.set(cell.id, cell.id);
      }
    } else if (rules.roundingBase === null) {
      for (const component of hiddenComponents(tables, (id) => hidden.has(id)))
        for (const id of component.unknowns) groupOf.set(id, component.unknowns[0]);
    }
    for (const cell of audit.unsafe) {
      if (stuck.has(cell.id)) continue;
      const group = groupOf.get(cell.id) ?? 'all';
      groups.set(group, [...(groups.get(group) ?? []), cell.id]);
    }
    let added = 0;
    for (const unsafe of groups.values()) {
      const choices = unsafe
        .map(repairFor)
        .filter((choice): choice is string => choice !== undefined && !hidden.has(choice));
      if (choices.length === 0) continue;
      const choice = choices.reduce((best, next) => (cheaper(next, best) < 0 ? next : best));
      if (hidden.has(choice)) continue;
      withhold(choice);
      added += 1;
    }
    if (added === 0) {
      const inherited = inheritedNarrowness(
        tables,
        hidden,
        prior,
        audit.unsafe.map((cell) => cell.id),
      );
      return {
        hidden,
        secondary,
        audit: { ...audit, unsafe: audit.unsafe.filter((cell) => !inherited.has(cell.id)) },
        programmesSolved,
        repairRounds,
        asEarlierAllow: [...inherited],
      };
    }
    repairRounds += 1;
    closeSingletons();
  }
}
