import {
  auditPerturbationByLeaf,
  CELL_KEYS,
  countsPublishedAs,
  joinRuns,
  noiseFor,
  perturbationTable,
  perturbedCount,
  perturbTables,
  summariseAudit,
  type DisclosureRules,
  type LinearSolver,
  type PerturbedRun,
  type PublishedCount,
} from '../../disclosure';
import { errorText } from '../../errorText';
import { cellKey } from '../../ledger';
import { must } from '../../must';
import { fingerprintCells } from './cellFingerprints';
import type { EarlierRun } from './earlierRuns';
import { publicationRefused } from './problems';
import type { CountedTables, ProtectOutcome } from './protectCounts';
import { earlierRunKey, THIS_RUN } from './runKeys';

/** The perturbation table of a run's rules: its threshold, and noise enough for its protection interval. */
export function perturbationTableOf(rules: DisclosureRules): ReturnType<typeof perturbationTable> {
  return perturbationTable(rules.threshold, noiseFor(rules.threshold, rules.protectionInterval));
}

/**
 * Disclosure control by the cell key method: every leaf count moved by the noise its records' cell
 * key picks from the published perturbation table, totals the sums of what is shown, and the
 * intruder's audit over this run and every earlier run of the ledger (each earlier run published
 * again from today's records, which is what it published when they have not changed: the noise
 * follows the records). Where this run's noise would let an outsider work a small count or a small
 * difference between scopes out exactly, the cell's key is moved to another outcome of its row;
 * nothing is published if one still could be (a count whose records an earlier run published keeps
 * its value, so it cannot be moved).
 */
export function perturbCounts(
  counted: CountedTables,
  rules: DisclosureRules,
  solver: LinearSolver | undefined,
  secret: string,
  earlier: readonly EarlierRun[],
): ProtectOutcome {
  const keyOf =
    (records: ReadonlyMap<string, readonly string[]>, shifts: ReadonlyMap<string, number>) =>
    (id: string): number =>
      (cellKey(secret, records.get(id) ?? []) + (shifts.get(id) ?? 0)) % CELL_KEYS;
  const table = perturbationTableOf(rules);
  const fingerprints = fingerprintCells(counted.tables, counted.records, secret);
  // A count with exactly the records of one an earlier run published keeps that run's key shift,
  // and so its published value; only counts of records never published before may be moved.
  const inherited = new Map<string, number>();
  const settled = new Set<string>();
  for (const run of earlier)
    for (const [id, cell] of Object.entries(run.run.cells)) {
      if (cell.fingerprint !== fingerprints.get(id)) continue;
      settled.add(id);
      if (cell.keyShift !== undefined) inherited.set(id, cell.keyShift);
    }
  const earlierRuns = earlier.map((run): PerturbedRun => {
    const own = perturbationTableOf(run.run.rules);
    const shifts = new Map<string, number>();
    for (const [id, cell] of Object.entries(run.run.cells))
      if (cell.keyShift !== undefined) shifts.set(id, cell.keyShift);
    return {
      key: earlierRunKey(run.run.number),
      title: earlierRunKey(run.run.number),
      tables: run.counted.tables,
      records: run.counted.records,
      rules: run.run.rules,
      table: own,
      published: perturbTables(run.counted.tables, own, keyOf(run.counted.records, shifts)),
    };
  });
  const withThisRun = (published: ReadonlyMap<string, PublishedCount>): PerturbedRun[] => [
    ...earlierRuns,
    { key: THIS_RUN, title: 'this run', tables: counted.tables, records: counted.records, rules, table, published },
  ];
  let shifts = new Map(inherited);
  let published = perturbTables(counted.tables, table, keyOf(counted.records, shifts));
  let audit;
  try {
    const joined = joinRuns(withThisRun(published));
    const byLeaf = auditPerturbationByLeaf(withThisRun(published), solver, { joined });
    // Where this run's noise would let an outsider work a small count out exactly, move the cell's
    // key to the next outcome of its row that does not (recorded in the ledger, so the same
    // records are moved the same way later); what an outsider can infer from a published value is
    // unchanged, since every outcome of the row was possible for it anyway.
    for (const leaf of [...byLeaf].filter(([, found]) => found.unsafe.length > 0).map(([id]) => id)) {
      const count = counted.tables.cells.find((cell) => cell.id === leaf)?.value;
      // A count published before must stay as it was; one with no records here is 0 everywhere.
      if (count === undefined || settled.has(leaf) || !counted.records.has(leaf)) continue;
      const base = cellKey(secret, counted.records.get(leaf) ?? []);
      const current = published.get(leaf);
      const tried = new Set(current?.shown ? [current.value] : []);
      for (let shift = 1; shift < CELL_KEYS; shift++) {
        const value = perturbedCount(table, count, (base + shift) % CELL_KEYS);
        if (tried.has(value)) continue;
        tried.add(value);
        const trialShifts = new Map(shifts).set(leaf, shift);
        const trial = perturbTables(counted.tables, table, keyOf(counted.records, trialShifts));
        const local = auditPerturbationByLeaf(withThisRun(trial), solver, { joined, only: new Set([leaf]) });
        const found = must(local, leaf, 'leaf audit');
        if (found.unsafe.length > 0) continue;
        shifts = trialShifts;
        published = trial;
        byLeaf.set(leaf, found);
        break;
      }
    }
    audit = summariseAudit(byLeaf, solver, joined);
  } catch (error) {
    return {
      ok: false,
      problems: [publicationRefused(errorText(error))],
    };
  }
  if (audit.unsafe.length > 0) {
    return {
      ok: false,
      problems: [
        publicationRefused(
          `Disclosure audit failed: with ${earlier.length > 0 ? 'the earlier runs of the ledger and ' : ''}the published perturbation table, an outsider could work out ${audit.unsafe.length} small ${audit.unsafe.length === 1 ? 'count' : 'counts'} exactly. Nothing is published. ` +
            'Rerun with the scope of an earlier run, widen the scope (ages, dates, offence types), or start a new ledger for a different audience.',
          { setting: 'scope' },
        ),
      ],
    };
  }
  const distinct = perturbedCount(table, counted.distinctRecords.length, cellKey(secret, counted.distinctRecords));
  const moved = counted.tables.cells.filter((cell) => {
    const shown = published.get(cell.id);
    return shown?.shown === true && shown.value !== cell.value;
  }).length;
  const ledgerCells = Object.fromEntries(
    counted.tables.cells.map((cell) => {
      const shift = shifts.get(cell.id);
      const fingerprint = must(fingerprints, cell.id, 'record fingerprint');
      return [cell.id, shift ? { fingerprint, shown: true, keyShift: shift } : { fingerprint, shown: true }];
    }),
  );
  return {
    ok: true,
    rules,
    tables: counted.tables,
    protection: {
      rules,
      published,
      cells: counted.tables.cells.length,
      relations: counted.tables.relations.length,
      shownExactly: [],
      primary: 0,
      secondary: 0,
      audit: null,
      programmesSolved: audit.programmesSolved,
      perturbation: { table, audit, moved },
    },
    distinctYoungOffenders: {
      published: { shown: true, value: distinct },
      range: countsPublishedAs(table, distinct),
    },
    ledgerCells,
    acrossRuns:
      earlier.length > 0
        ? {
            joined: earlier.map((run) => run.run.number),
            keptShown: 0,
            keptWithheld: 0,
            slices: audit.slices,
            smallSlices: audit.smallSlices,
            asEarlierAllow: 0,
          }
        : null,
  };
}
