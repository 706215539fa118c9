import { methodOf, noiseFor, type DisclosureRules, type SuppressionAudit, type TableProtection } from '../disclosure';
import type { AcrossRunsSummary, DisclosureSummary } from './analysisResult';
import type { EarlierRunsOutcome } from './stages/earlierRuns';
import type { AcrossRuns } from './stages/protectCounts';

/** The rules in words, e.g. "threshold 5 (counts 1–4 withheld); zeros shown; no rounding; protection interval 5". */
export function describeRules(rules: DisclosureRules): string {
  if (methodOf(rules) === 'perturbation') {
    return [
      `cell key perturbation (ONS method), threshold ${rules.threshold} (no count from 1 to ${rules.threshold - 1} shown)`,
      `noise at most ±${noiseFor(rules.threshold, rules.protectionInterval)}`,
      `protection interval ${rules.protectionInterval}`,
    ].join('; ');
  }
  const withheld =
    rules.threshold > 1 ? `counts 1–${rules.threshold - 1} withheld` : 'no count withheld for being small';
  return [
    `threshold ${rules.threshold} (${withheld})`,
    rules.zerosSensitive ? 'zeros withheld' : 'zeros shown',
    rules.roundingBase === null
      ? 'no rounding'
      : `shown counts rounded to the nearest ${rules.roundingBase} (totals from unrounded values)`,
    `protection interval ${rules.protectionInterval}`,
  ].join('; ');
}

/**
 * One line for the Audit sheet: what was withheld. How many were withheld as small and how many as
 * cover is left out: an outsider who knew that every withheld count was small (no cover needed)
 * would know each lies from 1 to threshold − 1, narrower than the protection interval.
 */
export function describeProtection(protection: TableProtection): string {
  const perturbation = protection.perturbation;
  if (perturbation) {
    const audit = perturbation.audit;
    // How many counts are small, moved or narrowed is not published: with the counts shown it would narrow them.
    return `${describeRules(protection.rules)}. ${protection.cells.toLocaleString('en-GB')} published counts, every one shown; totals are the sums of the shown counts. Audit (${audit.solver}, ${audit.programmesSolved.toLocaleString('en-GB')} linear programmes): no small count or difference between runs can be worked out exactly: passed.`;
  }
  const exact =
    protection.shownExactly.length > 0
      ? ` ${protection.shownExactly.length} shown exactly, not rounded, because with the Method sheet's placement figures an outsider can tell them exactly anyway.`
      : '';
  return `${describeRules(protection.rules)}. ${protection.cells.toLocaleString('en-GB')} published counts in linked tables with ${protection.relations} additive relations; ${protection.primary + protection.secondary} withheld, small counts and those that would give one away from the totals (which is which is not published).${exact}`;
}

/** One line for the Audit sheet: what the attacker's audit checked and found (`programmesSolved`: in all, the search for cover included). */
export function describeAudit(audit: SuppressionAudit, programmesSolved: number): string {
  const narrowest = audit.narrowest
    ? `narrowest range an outsider can reach for a withheld count: ${audit.narrowest.lower} to ${audit.narrowest.upper === Infinity ? 'unbounded' : audit.narrowest.upper} (${audit.narrowest.label})`
    : 'no withheld count';
  return `${audit.solver}: ${audit.cellsChecked} withheld counts checked in ${audit.components} independent groups (largest ${audit.largestComponent}; ${audit.componentsInClosedForm} of one equation solved in closed form); ${programmesSolved} linear programmes solved in all; ${narrowest}; every range at least ${audit.protectionInterval} wide: passed.`;
}

/** How this run joined the earlier runs of the ledger; null when the ledger held none. */
export function acrossRunsSummary(
  joint: AcrossRuns | null,
  earlier: Extract<EarlierRunsOutcome, { ok: true }>,
): AcrossRunsSummary | null {
  if (earlier.joined.length === 0 && earlier.notJoined.length === 0) return null;
  return {
    joined: earlier.joined.map((run) => run.run.number),
    notJoined: earlier.notJoined,
    keptShown: joint?.keptShown ?? 0,
    keptWithheld: joint?.keptWithheld ?? 0,
    slices: joint?.slices ?? 0,
    smallSlices: joint?.smallSlices ?? 0,
    asEarlierAllow: joint?.asEarlierAllow ?? 0,
    changedSincePublished: earlier.joined.reduce((sum, run) => sum + run.changed, 0),
  };
}

/** The result's record of the disclosure control; `labels` names the model's cells (by id) for readers. */
export function disclosureSummary(
  protection: TableProtection,
  labels: ReadonlyMap<string, string>,
): Omit<DisclosureSummary, 'acrossRuns'> {
  const audit = protection.audit;
  const perturbation = protection.perturbation;
  return {
    ...(perturbation
      ? {
          perturbation: {
            table: perturbation.table,
            moved: perturbation.moved,
            solver: perturbation.audit.solver,
            countsChecked: perturbation.audit.countsChecked,
            couldBeZero: perturbation.audit.couldBeZero,
            narrowed: perturbation.audit.narrowed,
            programmesSolved: perturbation.audit.programmesSolved,
            narrowest: perturbation.audit.narrowest && {
              label: perturbation.audit.narrowest.label,
              ...perturbation.audit.narrowest.range,
            },
          },
        }
      : {}),
    rules: protection.rules,
    cells: protection.cells,
    relations: protection.relations,
    withheld: protection.primary + protection.secondary,
    shownExactly: protection.shownExactly.map((id) => labels.get(id) ?? id),
    audit: audit && {
      solver: audit.solver,
      cellsChecked: audit.cellsChecked,
      components: audit.components,
      largestComponent: audit.largestComponent,
      componentsInClosedForm: audit.componentsInClosedForm,
      programmesSolved: protection.programmesSolved,
      narrowest: audit.narrowest && {
        label: audit.narrowest.label,
        lower: audit.narrowest.lower,
        upper: audit.narrowest.upper,
      },
    },
  };
}
