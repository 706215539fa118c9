import {
  disclosureRules,
  joinRuns,
  methodOf,
  mergeLinkedTables,
  protectTables,
  standaloneCount,
  type DisclosureRules,
  type LinearSolver,
  type LinkedTables,
  type PriorPublication,
  type ProtectionOutcome,
  type PublishedCount,
  type RunTables,
  type StandaloneCount,
  type TableProtection,
} from '../../disclosure';
import { errorText } from '../../errorText';
import { must } from '../../must';
import { coverKey } from '../../ledger';
import type { AnalysisParameters, Issue, SchoolRecord } from '../../types';
import { placementBounds } from '../placementBounds';
import { publishedTables, type WardCounts } from '../publishedTables';
import type { EarlierRun } from './earlierRuns';
import type { PlacementCounts } from './placeOffences';
import { fingerprintCells } from './cellFingerprints';
import { perturbCounts } from './perturbCounts';
import { blocking, publicationRefused } from './problems';
import { earlierRunKey, THIS_RUN } from './runKeys';

/** How this run was protected together with earlier runs on the same records. */
export interface AcrossRuns {
  /** Numbers of the earlier runs joined in the model. */
  readonly joined: readonly number[];
  /** This run's counts with exactly the records of a count an earlier run published: shown or withheld as then. */
  readonly keptShown: number;
  readonly keptWithheld: number;
  /** Differences between runs' scopes in the model; how many of them the rules protect (small, not zero). */
  readonly slices: number;
  readonly smallSlices: number;
  /** Counts (withheld or slices) as protected as the earlier runs' publication allows, narrower than the interval. */
  readonly asEarlierAllow: number;
}

export interface ProtectedCounts {
  readonly rules: DisclosureRules;
  readonly tables: LinkedTables;
  readonly protection: TableProtection;
  /** The distinct young offenders as the Method sheet publishes them, under the tables' rules. */
  readonly distinctYoungOffenders: StandaloneCount;
  /** Fingerprint and published form of every cell, for the ledger. */
  readonly ledgerCells: Readonly<Record<string, { readonly fingerprint: string; readonly shown: boolean }>>;
  readonly acrossRuns: AcrossRuns | null;
}

export type ProtectOutcome =
  ({ readonly ok: true } & ProtectedCounts) | { readonly ok: false; readonly problems: readonly Issue[] };

/** What one run publishes as counts, before protection: its linked tables and the records behind them. */
export interface CountedTables {
  readonly tables: LinkedTables;
  readonly distinctYoungOffenders: StandaloneCount;
  /** Record keys behind each leaf cell (offence references, young offenders). */
  readonly records: ReadonlyMap<string, readonly string[]>;
  /** The distinct young offenders behind the Method sheet's count of them (for its cell key under perturbation). */
  readonly distinctRecords: readonly string[];
}

/**
 * Every published table of counts as linked tables, with what the Method sheet's placement
 * figures reveal beside them (bounds) and the records behind each leaf.
 */
export function countTables(
  wardCounts: readonly WardCounts[],
  schools: readonly SchoolRecord[],
  attendingBySchool: ReadonlyMap<string, ReadonlySet<string>>,
  records: ReadonlyMap<string, readonly string[]>,
  placement: PlacementCounts,
  rules: DisclosureRules,
  distinctRecords: readonly string[],
): CountedTables {
  const distinctYoungOffenders = standaloneCount(placement.distinctYoungOffenders, rules);
  const tables = mergeLinkedTables(
    publishedTables(
      wardCounts,
      schools.map((school) => ({
        urn: school.urn,
        name: school.name,
        phase: school.phase,
        attending: attendingBySchool.get(school.urn)?.size ?? 0,
      })),
    ),
    {
      cells: [],
      relations: [],
      bounds: placementBounds(
        placement,
        schools.map((school) => school.urn),
        distinctYoungOffenders.range,
      ),
    },
  );
  return { tables, distinctYoungOffenders, records, distinctRecords };
}

/**
 * The most differences between runs' scopes one audit takes in. Each is an unknown of the
 * attacker's linear programmes; beyond this many (about four overlapping runs of a 200-ward area)
 * the audit takes minutes on an analyst's machine, so the run stops and says so rather than
 * publish unaudited or hang.
 */
export const MAX_SLICES = 1500;

/**
 * Protects this run's counts together with the earlier runs on the same records: one model of
 * every run's tables joined by the records they share (joinRuns), the earlier runs' cells fixed as
 * they were published, this run's cell with exactly an earlier cell's records treated as it was,
 * and every slice between scopes audited with the withheld counts.
 */
/** A joint protection: done, or refused as larger than one audit can prove in reasonable time. */
type JointProtection =
  | { readonly kind: 'tooLarge'; readonly slices: number }
  | {
      readonly kind: 'protected';
      readonly outcome: ProtectionOutcome;
      readonly idOf: (runKey: string, cellId: string) => string;
      readonly acrossRuns: AcrossRuns;
    };

function protectAcrossRuns(
  counted: CountedTables,
  fingerprints: ReadonlyMap<string, string>,
  earlier: readonly EarlierRun[],
  rules: DisclosureRules,
  solver: LinearSolver | undefined,
  secret: string,
): JointProtection {
  const runs: RunTables[] = [
    ...earlier.map((run) => ({
      key: earlierRunKey(run.run.number),
      title: earlierRunKey(run.run.number),
      tables: run.counted.tables,
      records: run.counted.records,
    })),
    { key: THIS_RUN, title: 'this run', tables: counted.tables, records: counted.records },
  ];
  const joined = joinRuns(runs);
  if (joined.slices.size > MAX_SLICES) return { kind: 'tooLarge', slices: joined.slices.size };
  const fixed = new Map<string, boolean>();
  const rulesOf = new Map<string, DisclosureRules>();
  const slices = new Set(joined.slices);
  const sameRecordsBefore = new Map<string, { shown: boolean; rules: DisclosureRules }>();
  for (const run of earlier) {
    const key = earlierRunKey(run.run.number);
    for (const cell of run.counted.tables.cells) {
      const id = joined.idOf(key, cell.id);
      const entry = run.run.cells[cell.id];
      // A cell the earlier run did not publish (its ledger does not list it) is unknown to an outsider.
      if (!entry) {
        slices.add(id);
        continue;
      }
      fixed.set(id, entry.shown);
      rulesOf.set(id, run.run.rules);
      if (entry.fingerprint === fingerprints.get(cell.id) && !sameRecordsBefore.has(cell.id))
        sameRecordsBefore.set(cell.id, { shown: entry.shown, rules: run.run.rules });
    }
  }
  let keptShown = 0;
  let keptWithheld = 0;
  for (const cell of counted.tables.cells) {
    const before = sameRecordsBefore.get(cell.id);
    if (!before) continue;
    const id = joined.idOf(THIS_RUN, cell.id);
    fixed.set(id, before.shown);
    rulesOf.set(id, before.rules);
    if (before.shown) keptShown += 1;
    else keptWithheld += 1;
  }
  // A part of a count shown before (a slice, or this run's count within it) can be no wider than
  // that count less the least value of its other parts (1 each when withheld): as wide as the earlier
  // publication allows, when that is less than the protection interval.
  const values = new Map(joined.tables.cells.map((cell) => [cell.id, cell.value]));
  const sliceWidth = new Map<string, number>();
  for (const relation of joined.tables.relations) {
    if (fixed.get(relation.total) !== true || relation.parts.length < 2) continue;
    for (const part of relation.parts) {
      if (fixed.get(part) === true) continue;
      sliceWidth.set(part, Math.min(sliceWidth.get(part) ?? Infinity, must(values, relation.total, 'count') - 1));
    }
  }
  const prior: PriorPublication = { fixed, slices, rulesOf, sliceWidth };
  const baseId = (id: string): string => id.slice(id.indexOf('|') + 1);
  const outcome = protectTables(joined.tables, rules, solver, {
    prior,
    coverKey: (id) => coverKey(secret, baseId(id)),
  });
  const smallSlices = [...joined.slices].filter((id) => {
    const value = values.get(id);
    return value !== undefined && value > 0 && value < rules.threshold;
  }).length;
  const asEarlierAllow = outcome.protection?.asEarlierAllow ?? 0;
  return {
    kind: 'protected',
    outcome,
    idOf: joined.idOf,
    acrossRuns: {
      joined: earlier.map((run) => run.run.number),
      keptShown,
      keptWithheld,
      slices: joined.slices.size,
      smallSlices,
      asEarlierAllow,
    },
  };
}

/** This run's part of a joint protection, under its own cell ids. */
function thisRunsProtection(
  protection: TableProtection,
  counted: CountedTables,
  idOf: (run: string, id: string) => string,
  rules: DisclosureRules,
): TableProtection {
  const published = new Map<string, PublishedCount>();
  let primary = 0;
  let secondary = 0;
  for (const cell of counted.tables.cells) {
    const form = protection.published.get(idOf(THIS_RUN, cell.id));
    if (!form) throw new Error(`The joint disclosure control returned no published form for ${cell.id}.`);
    published.set(cell.id, form);
    if (!form.shown) {
      if (cell.value > 0 && cell.value < rules.threshold) primary += 1;
      else secondary += 1;
    }
  }
  const prefix = `${THIS_RUN}|`;
  return {
    ...protection,
    published,
    cells: counted.tables.cells.length,
    relations: counted.tables.relations.length,
    shownExactly: protection.shownExactly.filter((id) => id.startsWith(prefix)).map((id) => id.slice(prefix.length)),
    primary,
    secondary,
  };
}

/**
 * Disclosure control over every published table of counts: primary and secondary suppression,
 * rounding, and the attacker's audit, which takes in what the Method sheet's placement figures
 * reveal beside the tables and everything earlier runs on the same records published (see
 * earlierRuns). Nothing is published unless the audit passes. Cover cells are chosen in an order
 * keyed by the ledger's secret, so which cells cover says nothing of their size.
 */
export function protectCounts(
  counted: CountedTables,
  parameters: AnalysisParameters,
  solver: LinearSolver | undefined,
  acrossRuns: { readonly secret: string; readonly earlier: readonly EarlierRun[] },
): ProtectOutcome {
  let rules: DisclosureRules;
  try {
    rules = disclosureRules(parameters);
  } catch (error) {
    return {
      ok: false,
      problems: [blocking('(parameters)', 0, 'disclosure', 'disclosureUnsafe', errorText(error))],
    };
  }
  const { secret, earlier } = acrossRuns;
  if (methodOf(rules) === 'perturbation') return perturbCounts(counted, rules, solver, secret, earlier);
  const fingerprints = fingerprintCells(counted.tables, counted.records, secret);
  const joint = earlier.length > 0 ? protectAcrossRuns(counted, fingerprints, earlier, rules, solver, secret) : null;
  if (joint?.kind === 'tooLarge') {
    const runs = earlier.map((run) => run.run.number).join(', ');
    return {
      ok: false,
      problems: [
        publicationRefused(
          `This run overlaps earlier runs ${runs} of the disclosure ledger in ${joint.slices.toLocaleString('en-GB')} differences between their scopes (ages, dates, types, phases), more than the ${MAX_SLICES.toLocaleString('en-GB')} one audit can prove safe together in reasonable time on this machine. Nothing is published. ` +
            'Rerun with the scope of an earlier run (its counts are then shown as before), or start a new ledger for a different audience (a new workbook, or a new ledger file on the command line). ' +
            "For many reruns with different scopes, start that new ledger with cell key perturbation ('use perturbation', or --perturb on the command line): every count is shown with a little noise tied to its records, which blurs every difference between runs however many there are.",
        ),
      ],
    };
  }
  const outcome = joint
    ? joint.outcome
    : protectTables(counted.tables, rules, solver, { coverKey: (id) => coverKey(secret, id) });
  if (!outcome.ok) {
    return {
      ok: false,
      problems: outcome.problems.map((message) =>
        publicationRefused(
          message,
          message.startsWith('Disclosure audit failed') ? { setting: 'protection' } : { setting: 'scope' },
        ),
      ),
    };
  }
  const protection = joint ? thisRunsProtection(outcome.protection, counted, joint.idOf, rules) : outcome.protection;
  const ledgerCells = Object.fromEntries(
    counted.tables.cells.map((cell) => [
      cell.id,
      {
        fingerprint: must(fingerprints, cell.id, 'record fingerprint'),
        shown: protection.published.get(cell.id)?.shown ?? true,
      },
    ]),
  );
  return {
    ok: true,
    rules,
    tables: counted.tables,
    protection,
    distinctYoungOffenders: counted.distinctYoungOffenders,
    ledgerCells,
    acrossRuns: joint?.acrossRuns ?? null,
  };
}
