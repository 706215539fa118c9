import {
  disclosureRules, mergeLinkedTables, protectTables, standaloneCount,
  type DisclosureRules, type LinearSolver, type LinkedTables, type StandaloneCount,
} from '../../disclosure';
import type { AnalysisParameters, Issue, SchoolRecord } from '../../types';
import { placementBounds } from '../placementBounds';
import { publishedTables, type WardCounts } from '../publishedTables';
import type { PlacementCounts } from './placeOffences';
import { blocking } from './problems';

type Protection = Extract<ReturnType<typeof protectTables>, { ok: true }>['protection'];

export interface ProtectedCounts {
  readonly rules: DisclosureRules;
  readonly tables: LinkedTables;
  readonly protection: Protection;
  /** The distinct young offenders as the Method sheet publishes them, under the tables' rules. */
  readonly distinctYoungOffenders: StandaloneCount;
}

export type ProtectOutcome = ({ readonly ok: true } & ProtectedCounts) | { readonly ok: false; readonly problems: readonly Issue[] };

/**
 * Disclosure control over every published table of counts: primary and secondary suppression,
 * rounding, and the attacker's audit, which takes in what the Method sheet's placement figures
 * reveal beside the tables. Nothing is published unless the audit passes.
 */
export function protectCounts(
  wardCounts: readonly WardCounts[],
  schools: readonly SchoolRecord[],
  attending: (urn: string) => number,
  placement: PlacementCounts,
  parameters: AnalysisParameters,
  solver: LinearSolver | undefined,
): ProtectOutcome {
  let rules: DisclosureRules;
  try {
    rules = disclosureRules(parameters);
  } catch (error) {
    return { ok: false, problems: [blocking('(parameters)', 0, 'disclosure', 'disclosureUnsafe', error instanceof Error ? error.message : String(error))] };
  }
  const distinctYoungOffenders = standaloneCount(placement.distinctYoungOffenders, rules);
  const tables = mergeLinkedTables(
    publishedTables(wardCounts, schools.map((school) => ({ urn: school.urn, name: school.name, phase: school.phase, attending: attending(school.urn) }))),
    { cells: [], relations: [], bounds: placementBounds(placement, schools.map((school) => school.urn), distinctYoungOffenders.range) },
  );
  const outcome = protectTables(tables, rules, solver);
  if (!outcome.ok) {
    return {
      ok: false,
      problems: outcome.problems.map((message) => blocking('(disclosure control)', 0, 'published counts', 'disclosureUnsafe', message,
        message.startsWith('Disclosure audit failed') ? { setting: 'protection' } : { setting: 'scope' })),
    };
  }
  return { ok: true, rules, tables, protection: outcome.protection, distinctYoungOffenders };
}
