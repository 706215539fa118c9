import { createHash } from 'crypto';
import fs from 'fs';
import path from 'path';
import type { InputFingerprint } from '../core/pipeline/analysisResult';
import type { WorkbookData } from '../core/types';
import { formatAdvice, identifyFormat, readWorkbookBuffer } from '../workbook/xlsx';
import { checkInputPath, checkOutputPath, type InputPath } from './runPaths';

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
  options: { readonly input: string; readonly output: string; readonly force?: boolean; readonly boundaries?: string; readonly script?: string },
  log: (line: string) => void,
): Promise<InputFiles> {
  const inputs: InputPath[] = [{ path: options.input, what: 'the input workbook' }];
  if (options.boundaries) inputs.push({ path: options.boundaries, what: 'the boundaries file' });
  if (options.script) inputs.push({ path: options.script, what: 'the dialogue script' });
  for (const input of inputs) checkInputPath(input);
  checkOutputPath(options.output, inputs, options.force ?? false);

  log(`Reading ${options.input}`);
  const inputBytes = fs.readFileSync(options.input);
  const advice = formatAdvice(identifyFormat(inputBytes), options.input);
  if (advice) throw new UnusableInputError([advice]);
  let workbook: WorkbookData;
  try {
    workbook = await readWorkbookBuffer(inputBytes);
  } catch (error) {
    throw new UnusableInputError([`${options.input} could not be read as an .xlsx workbook (${(error as Error).message}). If it opens in Excel, Save As Excel Workbook (.xlsx) and try again.`]);
  }
  const fingerprints = [fingerprint(path.basename(options.input), inputBytes)];
  if (!options.boundaries) return { workbook, fingerprints };

  const boundaryBytes = fs.readFileSync(options.boundaries);
  fingerprints.push(fingerprint(path.basename(options.boundaries), boundaryBytes));
  try {
    const geojson: unknown = JSON.parse(boundaryBytes.toString('utf8').replace(/^\uFEFF/, ''));
    return { workbook, boundaries: { geojson, source: path.basename(options.boundaries) }, fingerprints };
  } catch (error) {
    throw new UnusableInputError([`Boundaries file ${options.boundaries}: not valid JSON (${(error as Error).message}).`]);
  }
}
