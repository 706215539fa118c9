import type { DisclosureRules } from '../disclosure';
import { isoDay } from '../isoDay';
import { LEDGER_FORMAT, LEDGER_VERSION, type DisclosureLedger, type LedgerCell } from '../ledger';
import type { AnalysisParameters } from '../types';
import type { AnalysisPeriod } from './stages/analysisPeriod';

/**
 * The ledger with this run added: its scope (with the period it covered, so a later run can count
 * the same records again), its rules, and each cell's fingerprint and published form.
 */
export function nextLedger(
  before: DisclosureLedger | undefined,
  secret: string,
  run: {
    readonly parameters: AnalysisParameters;
    readonly period: AnalysisPeriod | null;
    readonly rules: DisclosureRules;
    readonly cells: Readonly<Record<string, LedgerCell>>;
    readonly today: Date;
  },
): DisclosureLedger {
  const runs = before?.runs ?? [];
  const { parameters, period, today } = run;
  return {
    format: LEDGER_FORMAT,
    version: LEDGER_VERSION,
    secret,
    runs: [
      ...runs,
      {
        number: runs.reduce((most, earlier) => Math.max(most, earlier.number), 0) + 1,
        on: isoDay(today),
        scope: {
          ageBand: parameters.ageBand,
          offenceTypes: parameters.offenceTypes,
          from: isoDay(period?.from ?? today),
          to: isoDay(period?.to ?? today),
          phases: parameters.phases,
          catchmentModel: parameters.catchmentModel,
          showAttending: parameters.showAttending === true,
        },
        rules: run.rules,
        cells: run.cells,
      },
    ],
  };
}
