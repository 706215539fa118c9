import fs from 'fs';
import path from 'path';
import { ledgerText, readLedgerText, type DisclosureLedger } from '../core/ledger';
import { UsageError } from './parseArguments';
import { samePath } from './readInputs';
import { writeOutputFile } from './runPaths';
import { errnoCode, errorText } from '../core/errorText';

/**
 * Where the ledger goes when --ledger is not given: beside the output, named after it
 * ('out/run.xlsx' -> 'out/run.ledger.json'), so reruns into the same output share it.
 */
export function defaultLedgerPath(output: string): string {
  const parsed = path.parse(output);
  return path.join(parsed.dir, `${parsed.name}.ledger.json`);
}

/** The ledger file chosen for a run, checked against the run's other paths. */
export function ledgerPathFor(options: {
  readonly ledger?: string;
  readonly output: string;
  readonly input?: string;
  readonly boundaries?: string;
}): string {
  const chosen = options.ledger ?? defaultLedgerPath(options.output);
  for (const [what, other] of [
    ['output', options.output],
    ['input workbook', options.input],
    ['boundaries file', options.boundaries],
  ] as const) {
    if (other !== undefined && samePath(chosen, other))
      throw new UsageError(
        `The ledger file ${chosen} is also the ${what}; give the ledger a file of its own with --ledger FILE.json.`,
      );
  }
  return chosen;
}

/**
 * The ledger in FILE, or undefined when there is none yet (a first run). A file that is not a
 * readable ledger stops the run: forgetting earlier runs would publish counts they protect.
 */
export function readLedgerFile(file: string): DisclosureLedger | undefined {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new UsageError(`Cannot read the ledger file ${file} (${errnoCode(error) ?? errorText(error)}).`);
  }
  const reading = readLedgerText(text, `The ledger file ${file}`);
  if (!reading.ok)
    throw new UsageError(
      `${reading.problem} Give another with --ledger FILE.json, or move it away if no output it describes was ever shared.`,
    );
  return reading.ledger;
}

/** Writes the ledger whole or not at all. */
export function writeLedgerFile(file: string, ledger: DisclosureLedger): void {
  writeOutputFile(file, new TextEncoder().encode(ledgerText(ledger)));
}
