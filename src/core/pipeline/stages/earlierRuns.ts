import { methodOf, type DisclosureRules } from '../../disclosure';
import { cellFingerprint, type DisclosureLedger, type LedgerRun, type LedgerScope } from '../../ledger';
import type { Issue } from '../../types';
import { describeRules } from '../describeDisclosure';
import { blocking } from './problems';
import { fingerprintCells } from './cellFingerprints';
import type { CountedTables } from './protectCounts';

/** An earlier run of the ledger, recounted from today's records under its own scope. */
export interface EarlierRun {
  readonly run: LedgerRun;
  readonly counted: CountedTables;
  /** Its counts whose records have changed since it was published (edited rows), of those with records. */
  readonly changed: number;
  readonly withRecords: number;
}

export interface RunNotJoined {
  readonly number: number;
  readonly reason: string;
}

export type EarlierRunsOutcome =
  | { readonly ok: true; readonly joined: readonly EarlierRun[]; readonly notJoined: readonly RunNotJoined[] }
  | { readonly ok: false; readonly problems: readonly Issue[] };

/** At least this share of an earlier run's counts must still have the same records for the run to be on the same data. */
const SAME_RECORDS_SHARE = 0.5;

/** How `now` is weaker than `before`, in words; empty when it is not. */
export function weakenings(before: DisclosureRules, now: DisclosureRules): string[] {
  const found: string[] = [];
  // Exact (or withheld) counts beside perturbed ones of the same records would show the noise, and so the counts.
  if (methodOf(now) !== methodOf(before))
    found.push(
      methodOf(now) === 'perturbation'
        ? 'it would perturb counts that were published exact or withheld'
        : 'it would publish exact counts where they were perturbed',
    );
  // One perturbation table per ledger: a count published under two tables with one cell key gives
  // its noise away (ONS keeps one table for every output for the same reason).
  if (
    methodOf(now) === 'perturbation' &&
    methodOf(before) === 'perturbation' &&
    (now.threshold !== before.threshold || now.protectionInterval !== before.protectionInterval)
  )
    found.push(
      `its threshold ${now.threshold} and protection interval ${now.protectionInterval} would need another perturbation table than the ledger's (threshold ${before.threshold}, protection interval ${before.protectionInterval}), and the same counts perturbed under two tables give their noise away`,
    );
  if (now.threshold < before.threshold)
    found.push(`threshold ${now.threshold} is below the earlier ${before.threshold}`);
  if (now.protectionInterval < before.protectionInterval)
    found.push(`protection interval ${now.protectionInterval} is below the earlier ${before.protectionInterval}`);
  if (before.zerosSensitive && !now.zerosSensitive) found.push('zeros would be shown, where they were withheld');
  if (before.roundingBase !== null && (now.roundingBase === null || now.roundingBase < before.roundingBase)) {
    found.push(
      now.roundingBase === null
        ? `counts would be exact, where they were rounded to ${before.roundingBase}`
        : `rounding to ${now.roundingBase} is finer than the earlier ${before.roundingBase}`,
    );
  }
  return found;
}

/**
 * The earlier runs of the ledger that were on these records: each recounted under its own scope
 * (its age band, offence types, phases and the period it covered) and recognised by its records,
 * not by a file: it joins when at least half of its counts that have records still have exactly
 * the same ones, so an edited row or a refreshed extract keeps the protection, while runs on other
 * data are left out (and said to be). A run that would weaken the rules an earlier run published
 * under is refused: the two together could give counts away.
 */
export function earlierRuns(
  ledger: DisclosureLedger | undefined,
  recount: (scope: LedgerScope) => CountedTables | null,
  rules: DisclosureRules,
): EarlierRunsOutcome {
  const joined: EarlierRun[] = [];
  const notJoined: RunNotJoined[] = [];
  // No ledger, no runs: the secret is then never read.
  const { runs, secret } = ledger ?? { runs: [], secret: '' };
  for (const run of runs) {
    const counted = recount(run.scope);
    if (!counted) {
      notJoined.push({ number: run.number, reason: 'its scope selects no offence in these records' });
      continue;
    }
    const fingerprints = fingerprintCells(counted.tables, counted.records, secret);
    let withRecords = 0;
    let same = 0;
    for (const cell of counted.tables.cells) {
      const entry = run.cells[cell.id];
      const empty = cellFingerprint(secret, cell.id, []);
      if (!entry || (entry.fingerprint === empty && cell.value === 0)) continue;
      withRecords += 1;
      if (entry.fingerprint === fingerprints.get(cell.id)) same += 1;
    }
    if (withRecords > 0 && same / withRecords < SAME_RECORDS_SHARE) {
      notJoined.push({
        number: run.number,
        reason: `only ${same} of its ${withRecords} counts have the same records here, so it was on other data`,
      });
      continue;
    }
    joined.push({ run, counted, changed: withRecords - same, withRecords });
  }
  const refusals = joined
    .map((earlier) => ({ earlier, found: weakenings(earlier.run.rules, rules) }))
    .filter(({ found }) => found.length > 0);
  if (refusals.length > 0) {
    const { earlier, found } = refusals[0];
    return {
      ok: false,
      problems: [
        blocking(
          '(disclosure control)',
          0,
          'rules',
          'disclosureUnsafe',
          `Run ${earlier.run.number} in the disclosure ledger published these records under ${describeRules(earlier.run.rules)}. This run cannot be protected together with it: ${found.join('; ')}. ` +
            `Its figures and the earlier ones together could give small counts away, so nothing is published. ${
              methodOf(earlier.run.rules) === 'perturbation' && methodOf(rules) === 'perturbation'
                ? `Keep threshold ${earlier.run.rules.threshold} and protection interval ${earlier.run.rules.protectionInterval} with this ledger`
                : methodOf(earlier.run.rules) !== methodOf(rules)
                  ? `Keep ${methodOf(earlier.run.rules) === 'perturbation' ? 'perturbation' : 'suppression'} with this ledger`
                  : 'Use rules at least as strict'
            }, or start a new ledger for a different audience (a new workbook, or a new ledger file on the command line).`,
        ),
      ],
    };
  }
  return { ok: true, joined, notJoined };
}
