import type { DisclosureRules } from '../disclosure';
import { SCHOOL_PHASES, type SchoolPhase } from '../types';
import {
  LEDGER_FORMAT,
  LEDGER_VERSION,
  type DisclosureLedger,
  type LedgerCell,
  type LedgerRun,
  type LedgerScope,
} from './ledger';

export type LedgerReading =
  { readonly ok: true; readonly ledger: DisclosureLedger } | { readonly ok: false; readonly problem: string };

/** The ledger as JSON text. */
export function ledgerText(ledger: DisclosureLedger): string {
  return JSON.stringify(ledger);
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isDay = (value: unknown): value is string => typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value);
const isWhole = (value: unknown, least: number): value is number =>
  typeof value === 'number' && Number.isInteger(value) && value >= least;

function readRules(value: unknown): DisclosureRules | null {
  if (!isObject(value)) return null;
  const { threshold, zerosSensitive, roundingBase, protectionInterval, method } = value;
  if (
    !isWhole(threshold, 1) ||
    typeof zerosSensitive !== 'boolean' ||
    !(roundingBase === null || isWhole(roundingBase, 2))
  )
    return null;
  if (!(typeof protectionInterval === 'number' && protectionInterval >= 0)) return null;
  const rules = { threshold, zerosSensitive, roundingBase, protectionInterval };
  if (method === undefined || method === 'suppression') return rules;
  return method === 'perturbation' ? { ...rules, method } : null;
}

const CATCHMENT_MODELS: readonly LedgerScope['catchmentModel'][] = ['auto', 'observed', 'distanceDecay'];
const isPhase = (value: unknown): value is SchoolPhase => SCHOOL_PHASES.some((phase) => phase === value);
const isCatchmentModel = (value: unknown): value is LedgerScope['catchmentModel'] =>
  CATCHMENT_MODELS.some((model) => model === value);

function readScope(value: unknown): LedgerScope | null {
  if (!isObject(value)) return null;
  const { ageBand, offenceTypes, from, to, phases, catchmentModel, showAttending = false } = value;
  if (!(Array.isArray(ageBand) && ageBand.length === 2 && ageBand.every((age) => isWhole(age, 0)))) return null;
  if (!(Array.isArray(offenceTypes) && offenceTypes.every((type) => typeof type === 'string'))) return null;
  if (!isDay(from) || !isDay(to)) return null;
  // Phases and the catchment model are checked against the engine's own, not just as text.
  if (!(Array.isArray(phases) && phases.every(isPhase))) return null;
  if (!isCatchmentModel(catchmentModel) || typeof showAttending !== 'boolean') return null;
  return { ageBand: [ageBand[0], ageBand[1]], offenceTypes, from, to, phases, catchmentModel, showAttending };
}

function readCells(value: unknown): Record<string, LedgerCell> | null {
  if (!isObject(value)) return null;
  const cells: Record<string, LedgerCell> = {};
  for (const [id, cell] of Object.entries(value)) {
    if (!isObject(cell) || typeof cell.fingerprint !== 'string' || typeof cell.shown !== 'boolean') return null;
    const { keyShift } = cell;
    if (keyShift === undefined) cells[id] = { fingerprint: cell.fingerprint, shown: cell.shown };
    else if (isWhole(keyShift, 1) && keyShift < 256)
      cells[id] = { fingerprint: cell.fingerprint, shown: cell.shown, keyShift };
    else return null;
  }
  return cells;
}

/**
 * Reads a ledger's text, checking every field: a ledger that cannot be read is never half used
 * (the problem says what is wrong, and the run stops rather than forget earlier publications).
 */
export function readLedgerText(text: string, source: string): LedgerReading {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, problem: `${source} is not a disclosure ledger: it is not JSON.` };
  }
  if (!isObject(value) || value.format !== LEDGER_FORMAT)
    return { ok: false, problem: `${source} is not a disclosure ledger written by this product.` };
  if (value.version !== LEDGER_VERSION)
    return {
      ok: false,
      problem: `${source} is a disclosure ledger of version ${String(value.version)}; this product reads version ${LEDGER_VERSION}.`,
    };
  if (typeof value.secret !== 'string' || value.secret.length < 16 || !Array.isArray(value.runs))
    return { ok: false, problem: `${source} is damaged: its secret or its list of runs is missing.` };
  const runs: LedgerRun[] = [];
  for (const [i, run] of value.runs.entries()) {
    const scope = isObject(run) ? readScope(run.scope) : null;
    const rules = isObject(run) ? readRules(run.rules) : null;
    const cells = isObject(run) ? readCells(run.cells) : null;
    if (!isObject(run) || !isWhole(run.number, 1) || !isDay(run.on) || !scope || !rules || !cells)
      return { ok: false, problem: `${source} is damaged: run ${i + 1} of its list cannot be read.` };
    runs.push({ number: run.number, on: run.on, scope, rules, cells });
  }
  return { ok: true, ledger: { format: LEDGER_FORMAT, version: LEDGER_VERSION, secret: value.secret, runs } };
}
