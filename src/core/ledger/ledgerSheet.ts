import type { WorkbookData } from '../types';
import { LEDGER_FORMAT, type DisclosureLedger } from './ledger';
import { ledgerText, readLedgerText, type LedgerReading } from './ledgerText';

/** Base name of the very hidden sheet that carries the ledger inside a workbook. */
export const LEDGER_SHEET = 'Catchment ledger';

/** Excel holds at most 32,767 characters in a cell; the ledger's text is cut into pieces below that. */
const PIECE = 32000;

/** A copy for a workbook that is shared: the secret stays in the analyst's ledger file. */
const KEPT = 'kept in the ledger file';

/**
 * A copy to share: runs, scopes, rules and which counts were shown, without the secret (which
 * would let a reader predict cover cells) and without fingerprints (two equal ones would tell a
 * reader that two withheld counts have the same records, so their difference is zero).
 */
function publicCopy(ledger: DisclosureLedger): DisclosureLedger {
  return {
    ...ledger,
    secret: KEPT,
    runs: ledger.runs.map((run) => ({
      ...run,
      cells: Object.fromEntries(
        Object.entries(run.cells).map(([id, cell]) => [id, { fingerprint: '', shown: cell.shown }]),
      ),
    })),
  };
}

/**
 * The ledger sheet's column A: the format marker, then the ledger's JSON in pieces. `withSecret`
 * false writes the public copy, for a workbook that is shared.
 */
export function ledgerSheetColumn(ledger: DisclosureLedger, withSecret: boolean): string[] {
  const text = ledgerText(withSecret ? ledger : publicCopy(ledger));
  const pieces: string[] = [LEDGER_FORMAT];
  for (let at = 0; at < text.length; at += PIECE) pieces.push(text.slice(at, at + PIECE));
  return pieces;
}

/** True for a ledger sheet's name as the adapters may write it ('Catchment ledger', 'Catchment ledger (2)'). */
export function isLedgerSheetName(name: string): boolean {
  return name === LEDGER_SHEET || name.startsWith(`${LEDGER_SHEET} (`);
}

/**
 * The ledger a workbook carries: the one with the most runs among its ledger sheets (each run
 * writes the whole ledger so far). Null when it has none. A public copy (secret kept elsewhere)
 * is reported, as it cannot protect a new run.
 */
export function readWorkbookLedger(workbook: WorkbookData): LedgerReading | null {
  let best: LedgerReading | null = null;
  for (const sheet of workbook.sheets) {
    if (!isLedgerSheetName(sheet.name)) continue;
    const column = sheet.rows.map((row) => row[0]);
    if (column[0] !== LEDGER_FORMAT) continue;
    const reading = readLedgerText(
      column
        .slice(1)
        .map((piece) => (typeof piece === 'string' ? piece : ''))
        .join(''),
      `The workbook's sheet '${sheet.name}'`,
    );
    if (reading.ok && reading.ledger.secret === KEPT) {
      best ??= {
        ok: false,
        problem: `The workbook's sheet '${sheet.name}' is the public copy of a disclosure ledger; the ledger itself, with its secret, is the ledger file written beside the workbook.`,
      };
      continue;
    }
    if (!reading.ok) {
      best ??= reading;
      continue;
    }
    if (!best || !best.ok || reading.ledger.runs.length > best.ledger.runs.length) best = reading;
  }
  return best;
}
