import { attackerRanges, type CountRange } from './attackerRanges';
import type { DisclosureRules } from './disclosureRules';
import { hiddenComponents, type UnknownComponent } from './hiddenComponents';
import type { LinearConstraint, LinearProgramSolution, LinearSolver } from './linearProgram';
import type { LinkedTables, TableCell } from './linkedTables';
import { NO_PRIOR_PUBLICATION, type PriorPublication } from './priorPublication';
import { isPrimarySensitive } from './publishedCount';
import { must } from '../must';
import { singleEquationRanges } from './singleEquationRanges';

/** A withheld count's feasible range: every value from `lower` to `upper` fits everything published. */
export interface CellInterval {
  readonly id: string;
  readonly label: string;
  readonly lower: number;
  /** +Infinity when nothing published bounds the count from above; NaN when the solver failed. */
  readonly upper: number;
  /**
   * True when both ends are proven optimal. False when an end is a value seen in a feasible
   * solution: the true range then contains [lower, upper], so it is at least this wide.
   */
  readonly exact: boolean;
}

/** Width of a range (NaN when unknown). */
export function intervalWidth(interval: { readonly lower: number; readonly upper: number }): number {
  return interval.upper - interval.lower;
}

export interface SuppressionAudit {
  readonly solver: string;
  readonly protectionInterval: number;
  /** Withheld cells whose range was established. */
  readonly cellsChecked: number;
  /** Connected groups of unknowns, each audited alone. */
  readonly components: number;
  readonly largestComponent: number;
  /** Linear programmes solved in this audit (cached components are not solved again). */
  readonly programmesSolved: number;
  /** Components of a single equation, whose ranges have a closed form (see singleEquationRanges), cached or not. */
  readonly componentsInClosedForm: number;
  readonly intervals: readonly CellInterval[];
  /** The withheld cell with the narrowest range, proven exactly; null when nothing is withheld. */
  readonly narrowest: CellInterval | null;
  /** Withheld cells whose range is narrower than the protection interval (or could not be established). */
  readonly unsafe: readonly CellInterval[];
}

/** Component results kept between audits of a growing suppression pattern (keyed by the component's unknowns). */
export type AuditCache = Map<string, { readonly intervals: readonly CellInterval[]; readonly closedForm: boolean }>;

export interface AuditOptions {
  /**
   * Prove both ends of every range (up to two programmes per cell). Default false: a cell is
   * settled as soon as feasible solutions already seen show a range at least the protection
   * interval wide; the narrowest range is still proven exactly.
   */
  readonly exact?: boolean;
  readonly cache?: AuditCache;
  /** Earlier runs' publication joined with this one (their slices are audited too). */
  readonly prior?: PriorPublication;
}

/** Tolerance for reading a solver's floating-point optimum as a whole number. */
const TOLERANCE = 1e-6;

interface ComponentProgram {
  readonly unknowns: readonly string[];
  readonly position: ReadonlyMap<string, number>;
  readonly constraints: readonly LinearConstraint[];
  readonly lowerBounds: readonly number[];
  readonly upperBounds: readonly number[];
}

function componentProgram(component: UnknownComponent, ranges: ReadonlyMap<string, CountRange>): ComponentProgram {
  const position = new Map(component.unknowns.map((id, i) => [id, i]));
  const constraints = component.relations.map((relation): LinearConstraint => {
    const terms = new Map<number, number>();
    let constant = 0;
    const add = (id: string, sign: number): void => {
      const index = position.get(id);
      if (index === undefined) constant += sign * must(ranges, id, 'attacker range').lower;
      else terms.set(index, (terms.get(index) ?? 0) + sign);
    };
    add(relation.total, -1);
    for (const part of relation.parts) add(part, 1);
    return { terms, lower: -constant, upper: -constant };
  });
  return {
    unknowns: component.unknowns,
    position,
    constraints,
    lowerBounds: component.unknowns.map((id) => must(ranges, id, 'attacker range').lower),
    upperBounds: component.unknowns.map((id) => must(ranges, id, 'attacker range').upper),
  };
}

/** A cell's variable in its component's programme. */
const positionIn = (program: ComponentProgram, id: string): number => must(program.position, id, 'programme variable');

/** Groups cells so that no two in a group share a relation (greedy, in order). */
function independentBatches(cells: readonly string[], component: UnknownComponent): string[][] {
  const relationsOf = new Map<string, number[]>();
  component.relations.forEach((relation, r) => {
    for (const id of [relation.total, ...relation.parts]) relationsOf.set(id, [...(relationsOf.get(id) ?? []), r]);
  });
  const batches: { cells: string[]; relations: Set<number> }[] = [];
  for (const id of cells) {
    const mine = relationsOf.get(id) ?? [];
    let batch = batches.find((b) => mine.every((r) => !b.relations.has(r)));
    if (!batch) {
      batch = { cells: [], relations: new Set() };
      batches.push(batch);
    }
    batch.cells.push(id);
    mine.forEach((r) => batch.relations.add(r));
  }
  return batches.map((b) => b.cells);
}

/**
 * The attacker's audit (Cox, "Suppression methodology and statistical disclosure control", JASA
 * 75, 1980; the interval audit of tau-Argus and sdcTable): for every withheld count, the least and
 * greatest value consistent with every published number, every additive relation, non-negativity
 * (at least 1 when zeros are shown) and, when rounding is on, the ranges behind rounded values.
 * Each is a linear programme over the connected component of unknowns holding the cell, solved
 * through the LinearSolver port; ends are read as whole numbers (⌈min⌉, ⌊max⌋), which is exact for
 * hierarchical and two-way tables (their constraint matrices are totally unimodular) and never
 * wider than an outsider could get. A cell is unsafe when its range is narrower than the protection
 * interval.
 *
 * Cost: components of one equation in closed form; otherwise a few programmes whose optimal
 * solutions serve as witnesses (a feasible table in which a cell takes a value proves that value
 * possible), then up to two programmes for each cell the witnesses do not already show safe, and
 * for any that might be the narrowest.
 */
export function auditSuppression(
  tables: LinkedTables,
  hidden: ReadonlySet<string>,
  rules: DisclosureRules,
  solver: LinearSolver,
  options: AuditOptions = {},
): SuppressionAudit {
  const { exact = false, cache, prior = NO_PRIOR_PUBLICATION } = options;
  const protection = rules.protectionInterval;
  const ranges = attackerRanges(tables, hidden, rules, prior);
  const cellById = new Map<string, TableCell>(tables.cells.map((cell) => [cell.id, cell]));
  const rangeOf = (id: string): CountRange => must(ranges, id, 'attacker range');
  const cellOf = (id: string): TableCell => must(cellById, id, 'table cell');
  const isUnknown = (id: string): boolean => hidden.has(id) || rangeOf(id).lower < rangeOf(id).upper;
  // A slice between runs is protected only when small: a large one or a zero may be known, so
  // it stays an unknown of the programmes but is not bounded itself.
  const protects = (id: string): boolean => !prior.slices.has(id) || isPrimarySensitive(cellOf(id).value, rules);
  const audited = (id: string): boolean => hidden.has(id) && protects(id);
  const components = hiddenComponents(tables, isUnknown).filter((c) => c.unknowns.some(audited));
  let programmesSolved = 0;
  let componentsInClosedForm = 0;
  const intervals: CellInterval[] = [];
  const programs = new Map<string, ComponentProgram>();
  const componentOfCell = new Map<string, UnknownComponent>();
  const programFor = (component: UnknownComponent): ComponentProgram => {
    const key = component.unknowns[0];
    const built = programs.get(key) ?? componentProgram(component, ranges);
    programs.set(key, built);
    return built;
  };

  const solveFor = (
    program: ComponentProgram,
    indices: readonly number[],
    sense: 'minimize' | 'maximize',
  ): LinearProgramSolution => {
    programmesSolved += 1;
    return solver.solve({
      sense,
      variableCount: program.unknowns.length,
      objective: new Map(indices.map((index) => [index, 1])),
      constraints: program.constraints,
      lowerBounds: program.lowerBounds,
      upperBounds: program.upperBounds,
    });
  };
  const solve = (program: ComponentProgram, index: number, sense: 'minimize' | 'maximize'): LinearProgramSolution =>
    solveFor(program, [index], sense);
  const endOf = (solution: LinearProgramSolution, sense: 'minimize' | 'maximize', id: string): number => {
    // `+ 0` turns a −0 from ⌈−tiny⌉ into 0.
    if (solution.status === 'optimal')
      return (
        (sense === 'minimize'
          ? Math.ceil(solution.objective - TOLERANCE)
          : Math.floor(solution.objective + TOLERANCE)) + 0
      );
    if (solution.status === 'unbounded' && sense === 'maximize') return Number.POSITIVE_INFINITY;
    if (solution.status === 'infeasible')
      throw new Error(
        `Disclosure audit: the published tables are inconsistent around '${id}' (the solver found no solution, yet the true counts are one).`,
      );
    return Number.NaN;
  };

  for (const component of components) {
    const key = component.unknowns.map((id) => `${hidden.has(id) ? 'h' : 'r'}:${id}`).join('|');
    const cached = cache?.get(key);
    if (cached) {
      for (const id of component.unknowns) componentOfCell.set(id, component);
      intervals.push(...cached.intervals);
      if (cached.closedForm) componentsInClosedForm += 1;
      continue;
    }
    for (const id of component.unknowns) componentOfCell.set(id, component);
    const withheld = component.unknowns.filter(audited);
    const found: CellInterval[] = [];
    if (component.relations.length === 1) {
      componentsInClosedForm += 1;
      const relation = component.relations[0];
      const members = [relation.total, ...relation.parts];
      const signs = members.map((id) => (id === relation.total ? -1 : 1));
      const unknownIndex = members.map((id, i) => (isUnknown(id) ? i : -1)).filter((i) => i >= 0);
      const constant = -members.reduce((sum, id, i) => sum + (isUnknown(id) ? 0 : signs[i] * rangeOf(id).lower), 0);
      const solved = singleEquationRanges(
        unknownIndex.map((i) => signs[i]),
        constant,
        unknownIndex.map((i) => rangeOf(members[i])),
      );
      unknownIndex.forEach((memberIndex, k) => {
        const id = members[memberIndex];
        if (audited(id))
          found.push({
            id,
            label: cellOf(id).label,
            lower: solved[k].lower,
            upper: solved[k].upper,
            exact: true,
          });
      });
    } else {
      const program = programFor(component);
      const seenLeast = new Map<string, number>();
      const seenGreatest = new Map<string, number>();
      const witness = (solution: LinearProgramSolution): void => {
        if (solution.status !== 'optimal') return;
        for (const id of withheld) {
          const value = solution.values[positionIn(program, id)];
          seenLeast.set(id, Math.min(seenLeast.get(id) ?? Infinity, Math.ceil(value - TOLERANCE) + 0));
          seenGreatest.set(id, Math.max(seenGreatest.get(id) ?? -Infinity, Math.floor(value + TOLERANCE) + 0));
        }
      };
      if (!exact) {
        // Cheap witnesses first: one programme pushing every withheld cell down, then one per batch
        // of cells that share no relation, pushing the batch up (cells in different relations
        // hardly compete, so each batch member gets near its own maximum). Most cells are then
        // shown safe without programmes of their own.
        witness(
          solveFor(
            program,
            withheld.map((id) => positionIn(program, id)),
            'minimize',
          ),
        );
        for (const batch of independentBatches(withheld, component))
          witness(
            solveFor(
              program,
              batch.map((id) => positionIn(program, id)),
              'maximize',
            ),
          );
      }
      for (const id of withheld) {
        const index = positionIn(program, id);
        const floor = program.lowerBounds[index];
        const least = seenLeast.get(id);
        const greatest = seenGreatest.get(id);
        if (!exact && least !== undefined && greatest !== undefined && greatest - least >= protection) {
          found.push({ id, label: cellOf(id).label, lower: least, upper: greatest, exact: false });
          continue;
        }
        const maximum = solve(program, index, 'maximize');
        witness(maximum);
        const upper = endOf(maximum, 'maximize', id);
        let lower: number;
        if (seenLeast.get(id) === floor) lower = floor;
        else {
          const minimum = solve(program, index, 'minimize');
          witness(minimum);
          lower = endOf(minimum, 'minimize', id);
        }
        found.push({ id, label: cellOf(id).label, lower, upper, exact: true });
      }
    }
    cache?.set(key, { intervals: found, closedForm: component.relations.length === 1 });
    intervals.push(...found);
  }

  // The narrowest range, proven: any cell settled by witnesses that might be narrower than the
  // narrowest proven one gets its upper end proven too.
  let narrowest: CellInterval | null = null;
  for (const cell of intervals)
    if (cell.exact && protects(cell.id) && (narrowest === null || intervalWidth(cell) < intervalWidth(narrowest)))
      narrowest = cell;
  const doubtful = intervals
    .map((cell, i) => ({ cell, i }))
    .filter(({ cell }) => !cell.exact && protects(cell.id))
    .sort((a, b) => intervalWidth(a.cell) - intervalWidth(b.cell));
  for (const { cell, i } of doubtful) {
    if (narrowest !== null && intervalWidth(cell) >= intervalWidth(narrowest)) break;
    const program = programFor(must(componentOfCell, cell.id, 'component'));
    const index = positionIn(program, cell.id);
    const upper = endOf(solve(program, index, 'maximize'), 'maximize', cell.id);
    const lower =
      cell.lower === program.lowerBounds[index]
        ? cell.lower
        : endOf(solve(program, index, 'minimize'), 'minimize', cell.id);
    const settled: CellInterval = { ...cell, lower, upper, exact: true };
    intervals[i] = settled;
    if (narrowest === null || !(intervalWidth(settled) >= intervalWidth(narrowest))) narrowest = settled;
  }

  // An earlier run's withheld count keeps the protection it was published with.
  const needed = (id: string): number =>
    Math.min(prior.rulesOf.get(id)?.protectionInterval ?? protection, prior.sliceWidth?.get(id) ?? protection);
  const unsafe = intervals.filter((cell) => protects(cell.id) && !(intervalWidth(cell) >= needed(cell.id)));
  return {
    solver: solver.name,
    protectionInterval: protection,
    cellsChecked: intervals.length,
    components: components.length,
    largestComponent: components.reduce((most, c) => Math.max(most, c.unknowns.length), 0),
    programmesSolved,
    componentsInClosedForm,
    intervals,
    narrowest,
    unsafe,
  };
}
