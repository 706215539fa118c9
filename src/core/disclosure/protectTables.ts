import { intervalWidth, type CellInterval, type SuppressionAudit } from './auditSuppression';
import { pinnedCells } from './cellBounds';
import type { DisclosureRules } from './disclosureRules';
import type { PerturbationAudit } from './auditPerturbation';
import type { LinearSolver } from './linearProgram';
import type { PerturbationTable } from './perturbationTable';
import { checkLinkedTables, type LinkedTables } from './linkedTables';
import { primarySuppression } from './primarySuppression';
import type { PublishedCount } from './publishedCount';
import { publishPattern } from './publishPattern';
import { NO_PRIOR_PUBLICATION } from './priorPublication';
import { secondarySuppression, type SuppressionOptions } from './secondarySuppression';

/** The outcome of protecting a set of linked tables: what to publish, and the audit that proves it safe. */
export interface TableProtection {
  readonly rules: DisclosureRules;
  /** Every cell's published form, by cell id: shown (rounded when rounding is on) or withheld. */
  readonly published: ReadonlyMap<string, PublishedCount>;
  readonly cells: number;
  readonly relations: number;
  /**
   * Cells shown exactly although rounding is on, because with the figures beside the tables an
   * outsider can tell their exact value anyway (see publishPattern). Empty without rounding.
   */
  readonly shownExactly: readonly string[];
  readonly primary: number;
  readonly secondary: number;
  /** Null when nothing is withheld (nothing to audit). */
  readonly audit: SuppressionAudit | null;
  /** Linear programmes solved in the search for secondary cells and in the final audit. */
  readonly programmesSolved: number;
  /** Counts as protected as earlier runs' publication allows, though narrower than the interval (see secondarySuppression). */
  readonly asEarlierAllow?: number;
  /** Under the cell key method: the published table, the intruder's audit, and how many counts the noise moved. */
  readonly perturbation?: {
    readonly table: PerturbationTable;
    readonly audit: PerturbationAudit;
    readonly moved: number;
  };
}

export type ProtectionOutcome =
  | { readonly ok: true; readonly protection: TableProtection }
  /** Unsafe or unauditable: `problems` says which cell and what to change; nothing may be published. */
  | { readonly ok: false; readonly problems: readonly string[]; readonly protection: TableProtection | null };

/**
 * What the audit found for an unsafe cell, without its value or its ends: the message reaches the
 * analyst's dialogue, which a later run's Audit sheet records word for word.
 */
function describeRange(cell: CellInterval): string {
  if (Number.isNaN(cell.upper) || Number.isNaN(cell.lower)) return 'could not be bounded (the solver failed)';
  return cell.lower === cell.upper ? 'is exactly recoverable' : `can be narrowed to a range of ${intervalWidth(cell)}`;
}

/**
 * Disclosure control of linked tables: primary suppression, secondary suppression, rounding of
 * what is shown, and the attacker's audit of the result (see secondarySuppression and
 * auditSuppression). Every count the report publishes comes from `published`, so one underlying
 * count is withheld everywhere or nowhere. A count that figures beside the tables fix exactly (the
 * model's bounds) is never withheld as cover, and a shown count an outsider can tell exactly is
 * printed exactly, rounding or not (publishPattern).
 *
 * Fails, rather than publish unaudited or unsafe figures, when cells are withheld but no solver was
 * given, when a count the rules withhold is fixed by figures beside the tables (withholding it
 * would hide nothing), or when some withheld cell's range stays narrower than the protection interval.
 */
export function protectTables(
  tables: LinkedTables,
  rules: DisclosureRules,
  solver: LinearSolver | undefined,
  options: SuppressionOptions = {},
): ProtectionOutcome {
  checkLinkedTables(tables);
  const prior = options.prior ?? NO_PRIOR_PUBLICATION;
  // Earlier runs' cells keep the form they were published in; only this run's are chosen here.
  const small = primarySuppression(tables, rules);
  const primary = new Set([...small].filter((id) => !prior.fixed.has(id) && !prior.slices.has(id)));
  const withheldBefore = [...prior.fixed].filter(([, shown]) => !shown).map(([id]) => id);
  const pinned = pinnedCells(tables);
  const base = {
    rules,
    cells: tables.cells.length - prior.slices.size,
    relations: tables.relations.length,
    primary: primary.size,
  };
  const exposed = tables.cells.filter((cell) => primary.has(cell.id) && pinned.has(cell.id));
  if (exposed.length > 0) {
    return {
      ok: false,
      protection: null,
      problems: exposed.map(
        (cell) =>
          `Disclosure control: ${cell.label} would be withheld under the rules, but ${pinned.get(cell.id)} gives it exactly, so withholding it would hide nothing. Nothing is published; widen the analysis (ages, offence types, dates) or lower the threshold.`,
      ),
    };
  }
  const unknown = new Set([...primary, ...withheldBefore, ...prior.slices]);
  if (unknown.size === 0) {
    return {
      ok: true,
      protection: {
        ...base,
        ...publishPattern(tables, unknown, primary, rules, prior),
        secondary: 0,
        audit: null,
        programmesSolved: 0,
      },
    };
  }
  if (!solver) {
    return {
      ok: false,
      protection: null,
      problems: [
        `Disclosure control: ${unknown.size} counts must be withheld, and the audit that proves the rest cannot give them away needs a linear programme solver, which was not loaded. The host loads it once (loadHighsSolver) and passes it with the inputs; nothing is published unaudited.`,
      ],
    };
  }
  const search = secondarySuppression(tables, unknown, rules, solver, options);
  const protection: TableProtection = {
    ...base,
    ...publishPattern(tables, search.hidden, primary, rules, prior),
    secondary: search.secondary.length,
    audit: search.audit,
    programmesSolved: search.programmesSolved,
    asEarlierAllow: search.asEarlierAllow.length,
  };
  if (search.audit.unsafe.length === 0) return { ok: true, protection };
  const shown = search.audit.unsafe.slice(0, 5).map((cell) => `${cell.label} ${describeRange(cell)}`);
  const more =
    search.audit.unsafe.length > shown.length ? `; and ${search.audit.unsafe.length - shown.length} more` : '';
  return {
    ok: false,
    protection,
    problems: [
      `Disclosure audit failed: from the published totals an outsider could narrow ${search.audit.unsafe.length} withheld counts to a range narrower than the protection interval of ${rules.protectionInterval}, and no further count can be withheld to prevent it: ${shown.join('; ')}${more}. Lower the protection interval, or publish fewer totals.`,
    ],
  };
}
