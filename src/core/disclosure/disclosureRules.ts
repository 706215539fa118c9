import type { SuppressionRules } from './publishedCount';

/** Thresholds offered to analysts: counts below these are withheld (GSS and ONS practice uses 3, 5, 7 or 10). */
export const THRESHOLD_PRESETS = [3, 5, 7, 10] as const;

/**
 * How counts are protected: 'suppression' withholds small counts and the counts that would give
 * them away, audited against every earlier run (exact counts where shown); 'perturbation' is the
 * ONS cell key method: every count is shown, moved by a little noise that the same records always
 * get (so rerunning or differencing runs cannot average it away), and no small count appears.
 */
export type DisclosureMethod = 'suppression' | 'perturbation';

/**
 * Every rule of the disclosure control, as recorded on the Method sheet.
 *
 * - `threshold`: counts from 1 to threshold − 1 are withheld (primary suppression).
 * - `zerosSensitive`: zeros withheld too (default false: a zero is shown, GSS guidance treats a
 *   structural or true zero as non-disclosive unless it reveals an attribute of a whole group).
 * - `roundingBase`: published counts (totals included) rounded to the nearest multiple of the base,
 *   totals computed from the unrounded values first (GSS, "Symbols, suppression and rounding");
 *   null for no rounding.
 * - `protectionInterval`: the narrowest range an outsider may be able to narrow a withheld count
 *   to. A "sliding protection range" in tau-Argus terms (Hundepool et al., tau-Argus manual 4.2,
 *   §4.2.2): max − min of the count over every table consistent with what is published must be at
 *   least this. Defaults to the threshold.
 */
export interface DisclosureRules extends SuppressionRules {
  readonly zerosSensitive: boolean;
  readonly roundingBase: number | null;
  readonly protectionInterval: number;
  /** Absent means 'suppression' (ledgers written before perturbation existed say nothing). */
  readonly method?: DisclosureMethod;
}

/** The method of a set of rules, absent read as suppression. */
export function methodOf(rules: { readonly method?: DisclosureMethod }): DisclosureMethod {
  return rules.method ?? 'suppression';
}

/**
 * The rules from the analysis parameters; a null protection interval means "the threshold".
 * @example disclosureRules({ threshold: 5, showZeros: true, roundingBase: null, protectionInterval: null })
 * // => { threshold: 5, zerosSensitive: false, roundingBase: null, protectionInterval: 5 }
 */
export function disclosureRules(parameters: {
  readonly threshold: number;
  readonly showZeros: boolean;
  readonly roundingBase: number | null;
  readonly protectionInterval?: number | null;
  readonly disclosureMethod?: DisclosureMethod;
}): DisclosureRules {
  const { threshold, roundingBase } = parameters;
  if (!(Number.isInteger(threshold) && threshold >= 1))
    throw new RangeError(`The suppression threshold must be a whole number of at least 1, got ${threshold}.`);
  if (roundingBase !== null && !(Number.isInteger(roundingBase) && roundingBase >= 2))
    throw new RangeError(`The rounding base must be a whole number of at least 2, or none, got ${roundingBase}.`);
  const protectionInterval = parameters.protectionInterval ?? threshold;
  if (!(Number.isFinite(protectionInterval) && protectionInterval >= 0))
    throw new RangeError(`The protection interval must be a number of at least 0, got ${protectionInterval}.`);
  if (parameters.disclosureMethod === 'perturbation' && roundingBase !== null)
    throw new RangeError(
      `Perturbation and rounding to ${roundingBase} are two ways of blurring counts; choose one (perturbation already keeps every published count at 0 or at least the threshold).`,
    );
  const rules = { threshold, zerosSensitive: !parameters.showZeros, roundingBase, protectionInterval };
  return parameters.disclosureMethod === 'perturbation' ? { ...rules, method: 'perturbation' } : rules;
}
