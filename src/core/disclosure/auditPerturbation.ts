import type { CountRange } from './attackerRanges';
import type { DisclosureRules } from './disclosureRules';
import { joinRuns, type JoinedRuns, type RunTables } from './joinRuns';
import type { LinearConstraint, LinearSolver } from './linearProgram';
import { walkRange, type SumConstraint } from './feasibleWalk';
import { countsPublishedAs, type PerturbationTable } from './perturbationTable';
import type { PublishedCount } from './publishedCount';

/** One run published under the cell key method, for the audit across runs. */
export interface PerturbedRun extends RunTables {
  readonly rules: DisclosureRules;
  readonly table: PerturbationTable;
  readonly published: ReadonlyMap<string, PublishedCount>;
}

/** A small count or slice and what an outsider with every run and the perturbation table can tell of it. */
export interface AuditedCount {
  readonly label: string;
  readonly range: CountRange;
  /** The leaf (ward count) whose runs' publications give it away. */
  readonly leaf: string;
}

export interface PerturbationAudit {
  readonly solver: string;
  /** Small counts (1 to threshold − 1) of every run, and small differences between runs' scopes, checked. */
  readonly countsChecked: number;
  /** Of those, how many an outsider cannot tell from zero (no one can be shown to be in them). */
  readonly couldBeZero: number;
  readonly programmesSolved: number;
  /** Differences between runs' scopes in the model (see joinRuns), and how many of them are small. */
  readonly slices: number;
  readonly smallSlices: number;
  /**
   * The narrowest range found among the checked counts that cannot be zero (an outsider's range
   * for it is at least this wide); null when every one could be zero.
   */
  readonly narrowest: AuditedCount | null;
  /**
   * At most this many checked counts can be shown to be non-zero and narrowed below the protection
   * interval, their exact value still unknown (an upper bound: ranges are widened by stepping
   * through consistent tables, and a programme is solved only where no step is possible).
   */
  readonly narrowed: number;
  /** Checked counts an outsider can pin to one non-zero value: the run must not be published. */
  readonly unsafe: readonly AuditedCount[];
}

const EPSILON = 1e-7;

const sameTable = (a: PerturbationTable, b: PerturbationTable): boolean =>
  a.threshold === b.threshold && a.maxNoise === b.maxNoise;

/**
 * The intruder's audit of perturbed publications: everything every run published, with the
 * perturbation table (which is published) but not the cell keys (which need the ledger's secret).
 * A published count then says its true count lies among those the table could have published it
 * from (countsPublishedAs); the runs' counts of one ward share records, split into atoms by which
 * runs count them (joinRuns), so together they bound each atom, and so each difference between
 * scopes, by linear programmes. An outsider who knows the method also knows that two runs under
 * one table that published a ward differently counted different records there (at least one atom
 * between them is not empty). Totals are sums of published parts, so they add nothing and the
 * wards are audited one at a time.
 *
 * For every small count of any run and every small difference between runs' scopes, the audit
 * finds whether an outsider can rule out that it is zero, and if so how far they can narrow it. The
 * run fails if any can be pinned to one non-zero value: that is a recovered count. Counts shown to be
 * non-zero and narrowed below the protection interval, yet not pinned, are counted and reported:
 * the cell key method protects by uncertainty about the exact value (ONS, "Protecting personal data
 * in Census 2021 results", 2023), not by a guaranteed range, and the noise follows the records, so
 * no number of reruns averages it away.
 */
export function auditPerturbation(
  runs: readonly PerturbedRun[],
  solver: LinearSolver | undefined,
  options: { readonly joined?: JoinedRuns } = {},
): PerturbationAudit {
  const joined = options.joined ?? joinRuns(runs);
  return summariseAudit(auditPerturbationByLeaf(runs, solver, { joined }), solver, joined);
}

/** What the audit found in one ward count's publications (see auditPerturbation). */
export interface LeafAudit {
  readonly countsChecked: number;
  readonly couldBeZero: number;
  readonly programmesSolved: number;
  readonly smallSlices: number;
  readonly narrowed: number;
  readonly narrowest: AuditedCount | null;
  readonly unsafe: readonly AuditedCount[];
}

/** The whole audit from its wards' parts. */
export function summariseAudit(
  byLeaf: ReadonlyMap<string, LeafAudit>,
  solver: LinearSolver | undefined,
  joined: JoinedRuns,
): PerturbationAudit {
  let countsChecked = 0;
  let couldBeZero = 0;
  let programmesSolved = 0;
  let smallSlices = 0;
  let narrowed = 0;
  let narrowest: AuditedCount | null = null;
  const unsafe: AuditedCount[] = [];
  for (const leaf of byLeaf.values()) {
    countsChecked += leaf.countsChecked;
    couldBeZero += leaf.couldBeZero;
    programmesSolved += leaf.programmesSolved;
    smallSlices += leaf.smallSlices;
    narrowed += leaf.narrowed;
    const width = (count: AuditedCount): number => count.range.upper - count.range.lower;
    if (leaf.narrowest && (!narrowest || width(leaf.narrowest) < width(narrowest))) narrowest = leaf.narrowest;
    for (const count of leaf.unsafe) unsafe.push(count);
  }
  return {
    solver: solver?.name ?? 'no solver needed (one publication per count)',
    countsChecked,
    couldBeZero,
    programmesSolved,
    slices: joined.slices.size,
    smallSlices,
    narrowest,
    narrowed,
    unsafe,
  };
}

/** The audit ward count by ward count (`only`: just these), for a run that reworks a few of them. */
export function auditPerturbationByLeaf(
  runs: readonly PerturbedRun[],
  solver: LinearSolver | undefined,
  options: { readonly only?: ReadonlySet<string>; readonly joined?: JoinedRuns } = {},
): Map<string, LeafAudit> {
  const joined = options.joined ?? joinRuns(runs);
  const atomsOf = new Map(joined.tables.relations.map((relation) => [relation.total, relation.parts]));
  const valueOf = new Map(joined.tables.cells.map((cell) => [cell.id, cell.value]));
  const labelOf = new Map(joined.tables.cells.map((cell) => [cell.id, cell.label]));
  const leafIds = new Set(runs.flatMap((run) => [...run.records.keys()]));
  const sliceThreshold = Math.max(...runs.map((run) => run.rules.threshold));
  const interval = Math.max(...runs.map((run) => run.rules.protectionInterval));
  const byLeaf = new Map<string, LeafAudit>();
  for (const leaf of options.only ?? leafIds) {
    let smallSlices = 0;
    let countsChecked = 0;
    let couldBeZero = 0;
    let programmesSolved = 0;
    let narrowest: AuditedCount | null = null;
    let narrowed = 0;
    const unsafe: AuditedCount[] = [];
    // The ward's unknowns (atoms) and what each run's published count says of its sum of atoms.
    const unknowns = new Set<string>();
    const constraints: { readonly atoms: readonly string[]; readonly range: CountRange }[] = [];
    // Each run's atoms here, its table and its published value: two runs under one table that
    // published this ward differently cannot have counted the same records (the same records
    // always get the same key, so the same value), which an outsider who knows the method uses.
    const published: {
      readonly atoms: readonly string[];
      readonly table: PerturbationTable;
      readonly value: number;
      readonly title: string;
    }[] = [];
    const targets: {
      readonly id: string;
      readonly atoms: readonly string[];
      readonly interval: number;
      readonly label?: string;
    }[] = [];
    let leafLabel: string | undefined;
    for (const run of runs) {
      if (!run.records.has(leaf)) continue;
      const id = joined.idOf(run.key, leaf);
      const shown = run.published.get(leaf);
      if (!shown?.shown) throw new Error(`Perturbation audit: ${run.title} has no published count for '${leaf}'.`);
      const range = countsPublishedAs(run.table, shown.value);
      const atoms = atomsOf.get(id) ?? [id];
      for (const atom of atoms) unknowns.add(atom);
      constraints.push({ atoms, range });
      published.push({ atoms, table: run.table, value: shown.value, title: run.title });
      leafLabel ??= run.tables.cells.find((cell) => cell.id === leaf)?.label;
      const value = valueOf.get(id) ?? 0;
      if (value >= 1 && value < run.rules.threshold)
        targets.push({ id, atoms, interval: run.rules.protectionInterval });
    }
    for (const atom of unknowns) {
      const value = valueOf.get(atom) ?? 0;
      if (joined.slices.has(atom) && value >= 1 && value < sliceThreshold) {
        smallSlices += 1;
        targets.push({ id: atom, atoms: [atom], interval });
      }
    }
    // The difference between two runs one of which counts all the other's records here (March of a
    // full year against April–February, or the 17-year-olds of 10–17 against 10–16) is one an
    // outsider reaches by subtraction, whether or not it is a single atom.
    const seen = new Set(targets.map((target) => [...target.atoms].sort().join('+')));
    for (const outer of published)
      for (const inner of published) {
        const within = new Set(inner.atoms);
        if (outer === inner || !inner.atoms.every((atom) => outer.atoms.includes(atom))) continue;
        const rest = outer.atoms.filter((atom) => !within.has(atom));
        const key = [...rest].sort().join('+');
        const value = rest.reduce((sum, atom) => sum + (valueOf.get(atom) ?? 0), 0);
        if (rest.length === 0 || seen.has(key) || value < 1 || value >= sliceThreshold) continue;
        seen.add(key);
        smallSlices += rest.length > 1 ? 1 : 0;
        targets.push({
          id: `${leaf}: ${key}`,
          atoms: rest,
          interval,
          label: `${leafLabel ?? leaf}, counted by ${outer.title} but not ${inner.title}`,
        });
      }
    for (let i = 0; i < published.length; i++)
      for (let j = i + 1; j < published.length; j++) {
        const [a, b] = [published[i], published[j]];
        if (a.value === b.value || !sameTable(a.table, b.table)) continue;
        const inA = new Set(a.atoms);
        const inB = new Set(b.atoms);
        const differing = [...a.atoms.filter((atom) => !inB.has(atom)), ...b.atoms.filter((atom) => !inA.has(atom))];
        constraints.push({ atoms: differing, range: { lower: 1, upper: Number.POSITIVE_INFINITY } });
      }
    if (targets.length === 0) {
      byLeaf.set(leaf, { countsChecked, couldBeZero, programmesSolved, smallSlices, narrowed, narrowest, unsafe });
      continue;
    }
    const variables = [...unknowns];
    const index = new Map(variables.map((id, i) => [id, i]));
    const linear: LinearConstraint[] = constraints.map(({ atoms, range }) => ({
      terms: new Map(atoms.map((atom) => [index.get(atom) ?? -1, 1])),
      lower: range.lower,
      upper: range.upper,
    }));
    const extreme = (atoms: readonly string[], sense: 'minimize' | 'maximize'): number => {
      // One constraint on exactly these atoms and nothing else: its range is the answer.
      if (constraints.length === 1)
        return sense === 'minimize' ? constraints[0].range.lower : constraints[0].range.upper;
      if (!solver)
        throw new Error(
          'The perturbation audit across runs needs a linear programme solver, which was not loaded; nothing is published unaudited.',
        );
      programmesSolved += 1;
      const solution = solver.solve({
        sense,
        variableCount: variables.length,
        objective: new Map(atoms.map((atom) => [index.get(atom) ?? -1, 1])),
        constraints: linear,
        lowerBounds: variables.map(() => 0),
        upperBounds: variables.map(() => Number.POSITIVE_INFINITY),
      });
      if (solution.status !== 'optimal')
        throw new Error(`The perturbation audit's linear programme for '${leaf}' ended ${solution.detail}.`);
      return sense === 'minimize'
        ? Math.max(0, Math.ceil(solution.objective - EPSILON))
        : Math.floor(solution.objective + EPSILON);
    };
    // The true counts are one table consistent with everything published; if emptying the target's
    // atoms in it keeps every published count possible, zero is possible without a programme.
    const zeroPossible = (atoms: readonly string[]): boolean => {
      const emptied = new Set(atoms);
      return constraints.every(({ atoms: its, range }) => {
        let sum = 0;
        for (const atom of its) if (!emptied.has(atom)) sum += valueOf.get(atom) ?? 0;
        return sum >= range.lower;
      });
    };
    const sums: SumConstraint[] = constraints.map(({ atoms, range }) => ({
      members: atoms.map((atom) => index.get(atom) ?? -1),
      lower: range.lower,
      upper: range.upper,
    }));
    const truth = variables.map((atom) => valueOf.get(atom) ?? 0);
    for (const target of targets) {
      countsChecked += 1;
      if (zeroPossible(target.atoms)) {
        couldBeZero += 1;
        continue;
      }
      // Other tables consistent with what is published, reached step by step from the true one: if
      // they already reach zero or span the protection interval, no programme is needed.
      const reached = walkRange(
        variables.length,
        sums,
        truth,
        target.atoms.map((atom) => index.get(atom) ?? -1),
        target.interval,
      );
      if (reached.lower === 0) {
        couldBeZero += 1;
        continue;
      }
      if (reached.upper - reached.lower >= target.interval) continue;
      const label = target.label ?? labelOf.get(target.id) ?? target.id;
      if (reached.upper > reached.lower) {
        // Not pinned (two values reached); its range may be wider than the walk found, so it counts
        // as narrowed only as far as is known (the figure is an upper bound).
        const found = { label, range: reached, leaf };
        if (!narrowest || reached.upper - reached.lower < narrowest.range.upper - narrowest.range.lower)
          narrowest = found;
        narrowed += 1;
        continue;
      }
      const lower = extreme(target.atoms, 'minimize');
      if (lower === 0) {
        couldBeZero += 1;
        continue;
      }
      const upper = extreme(target.atoms, 'maximize');
      const audited = { label, range: { lower, upper }, leaf };
      if (!narrowest || upper - lower < narrowest.range.upper - narrowest.range.lower) narrowest = audited;
      if (upper - lower < target.interval) narrowed += 1;
      if (upper <= lower) unsafe.push(audited);
    }
    byLeaf.set(leaf, { countsChecked, couldBeZero, programmesSolved, smallSlices, narrowed, narrowest, unsafe });
  }
  return byLeaf;
}
