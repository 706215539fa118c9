import type { DisclosureRules } from '../disclosure';
import type { AnalysisParameters } from '../types';

/** Identifies the text of a ledger, in a file or in the workbook's ledger sheet. */
export const LEDGER_FORMAT = 'catchment-disclosure-ledger';
export const LEDGER_VERSION = 1;

/** One published cell of a run: the fingerprint of its records and whether it was shown. */
export interface LedgerCell {
  readonly fingerprint: string;
  readonly shown: boolean;
  /**
   * Under cell key perturbation, how far this cell's key was moved (1–255) because the noise its
   * own key picked would have let an outsider work out a small difference exactly; absent when
   * not moved. A later run publishing the same records moves it the same way. Never a count.
   */
  readonly keyShift?: number;
}

/** The scope of a run, as JSON: what selects the records behind its cells. */
export interface LedgerScope {
  readonly ageBand: readonly [number, number];
  readonly offenceTypes: readonly string[];
  /** The period the run covered (yyyy-mm-dd), window or data: a later run reproduces the same records from it. */
  readonly from: string;
  readonly to: string;
  readonly phases: AnalysisParameters['phases'];
  readonly catchmentModel: AnalysisParameters['catchmentModel'];
  /** Whether the run published young offenders attending each school (a table of its own). */
  readonly showAttending: boolean;
}

export interface LedgerRun {
  /** 1, 2, … in the order the runs were published. */
  readonly number: number;
  /** The day of the run (yyyy-mm-dd). */
  readonly on: string;
  readonly scope: LedgerScope;
  readonly rules: DisclosureRules;
  /** By cell id. Never a count: only which cells were shown, and salted fingerprints of their records. */
  readonly cells: Readonly<Record<string, LedgerCell>>;
}

/**
 * What every earlier run on the same records published, so a new run is protected together with
 * them (one disclosure model across runs). It records parameters, scopes, the suppression
 * pattern and salted fingerprints of the records behind each cell; never a count or any offence
 * data. `secret` salts the fingerprints and orders the cover choice; it stays with the analyst.
 */
export interface DisclosureLedger {
  readonly format: typeof LEDGER_FORMAT;
  readonly version: typeof LEDGER_VERSION;
  readonly secret: string;
  readonly runs: readonly LedgerRun[];
}
