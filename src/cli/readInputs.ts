import { createHash } from 'crypto';
import fs from 'fs';
import path from 'path';
import type { InputFingerprint } from '../core/pipeline/analysisResult';
import type { WorkbookData } from '../core/types';
import { readWorkbookBuffer } from '../workbook/xlsx';
import { UsageError } from './parseArguments';

/** Input the engine could not use: exit code 2, with messages naming sheet, row and column. */
export class UnusableInputError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(problems.join('\n'));
  }
}

/** An input's SHA-256 fingerprint, as the Audit sheet records it. */
export function fingerprint(name: string, bytes: Buffer): InputFingerprint {
  return { name, bytes: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') };
}

/** True when two paths name the same file (following links where the file exists). */
export function samePath(a: string, b: string): boolean {
  const resolve = (p: string) => (fs.existsSync(p) ? fs.realpathSync(p) : path.resolve(p));
  return resolve(a) === resolve(b);
}

export interface InputFiles {
  readonly workbook: WorkbookData;
  readonly boundaries?: { readonly geojson: unknown; readonly source: string };
  readonly fingerprints: readonly InputFingerprint[];
}

/**
 * Checks the paths of a run (the input exists; the output is a new file, or `force` allows
 * replacing it; the input is never the output), then reads the workbook and the optional GeoJSON
 * boundaries once into memory with their fingerprints. Shared by `analyse` and `--script`.
 */
export async function readInputs(
  options: { readonly input: string; readonly output: string; readonly force?: boolean; readonly boundaries?: string },
  log: (line: string) => void,
): Promise<InputFiles> {
  if (!fs.existsSync(options.input)) throw new UsageError(`Input workbook not found: ${options.input}`);
  if (samePath(options.input, options.output)) throw new UsageError(`The output must be a new file: ${options.output} is the input workbook, which is never overwritten.`);
  if (fs.existsSync(options.output) && !options.force) throw new UsageError(`${options.output} already exists; choose another name or add --force to replace it.`);

  log(`Reading ${options.input}`);
  const inputBytes = fs.readFileSync(options.input);
  let workbook: WorkbookData;
  try {
    workbook = await readWorkbookBuffer(inputBytes);
  } catch (error) {
    throw new UnusableInputError([`${options.input} could not be read as an .xlsx workbook (${(error as Error).message}).`]);
  }
  const fingerprints = [fingerprint(path.basename(options.input), inputBytes)];
  if (!options.boundaries) return { workbook, fingerprints };

  if (!fs.existsSync(options.boundaries)) throw new UsageError(`Boundaries file not found: ${options.boundaries}`);
  const boundaryBytes = fs.readFileSync(options.boundaries);
  fingerprints.push(fingerprint(path.basename(options.boundaries), boundaryBytes));
  try {
    const geojson: unknown = JSON.parse(boundaryBytes.toString('utf8').replace(/^\uFEFF/, ''));
    return { workbook, boundaries: { geojson, source: path.basename(options.boundaries) }, fingerprints };
  } catch (error) {
    throw new UnusableInputError([`Boundaries file ${options.boundaries}: not valid JSON (${(error as Error).message}).`]);
  }
}
