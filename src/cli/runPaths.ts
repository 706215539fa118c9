import fs from 'fs';
import path from 'path';
import { UsageError } from './parseArguments';
import { errnoCode, errorText } from '../core/errorText';

/** A file the run reads, and what it is, for messages. */
export interface InputPath {
  readonly path: string;
  /** 'the input workbook', 'the boundaries file', 'the script'. */
  readonly what: string;
}

function statOf(file: string): fs.Stats | undefined {
  try {
    return fs.statSync(file);
  } catch {
    return undefined;
  }
}

/** True when two paths are one file: the same path after links, or the same inode (a hard link). */
function sameFile(a: string, b: string): boolean {
  const sa = statOf(a);
  const sb = statOf(b);
  if (sa && sb && sa.dev === sb.dev && sa.ino === sb.ino) return true;
  const resolve = (p: string): string => (fs.existsSync(p) ? fs.realpathSync(p) : path.resolve(p));
  return resolve(a) === resolve(b);
}

/** Checks an input path: it exists and is a regular file. */
export function checkInputPath(input: InputPath): void {
  const stat = statOf(input.path);
  if (!stat) throw new UsageError(`${capitalised(input.what)} was not found: ${input.path}`);
  if (stat.isDirectory())
    throw new UsageError(`${capitalised(input.what)} ${input.path} is a folder, not a file: name the file itself.`);
  if (!stat.isFile())
    throw new UsageError(
      `${capitalised(input.what)} ${input.path} is not a regular file (a device or pipe?): name a file.`,
    );
}

/** The nearest folder that exists on the way to a path (the path's own folder, or an ancestor). */
function nearestExisting(folder: string): string {
  let current = path.resolve(folder);
  while (!fs.existsSync(current)) {
    const parent = path.dirname(current);
    if (parent === current) break;
    current = parent;
  }
  return current;
}

/**
 * Makes a folder and its missing parents one at a time. (Node's recursive mkdir loops forever
 * where a parent refuses new entries without saying so, as /proc does.)
 */
function makeFolders(folder: string): void {
  const missing: string[] = [];
  let current = path.resolve(folder);
  while (!fs.existsSync(current)) {
    missing.unshift(current);
    const parent = path.dirname(current);
    if (parent === current) break;
    current = parent;
  }
  for (const step of missing) fs.mkdirSync(step);
}

/**
 * Checks, before any work, that OUTPUT can be written: it is none of the inputs (not even through
 * a link), it is a new path or (with --force) a regular file, and its folder exists or can be made
 * and takes a new file there. Nothing is left behind by the check.
 */
export function checkOutputPath(output: string, inputs: readonly InputPath[], force: boolean): void {
  for (const input of inputs) {
    if (sameFile(input.path, output))
      throw new UsageError(`The output must be a new file: ${output} is ${input.what}, which is never overwritten.`);
  }
  const stat = statOf(output);
  if (stat) {
    if (stat.isDirectory())
      throw new UsageError(`${output} is a folder: name the output file, e.g. ${path.join(output, 'result.xlsx')}.`);
    if (!stat.isFile())
      throw new UsageError(`${output} is not a regular file (a device or pipe?); the output must be a workbook file.`);
    if (!force) throw new UsageError(`${output} already exists; choose another name or add --force to replace it.`);
  }
  const folder = path.dirname(path.resolve(output));
  const existing = nearestExisting(folder);
  if (!fs.statSync(existing).isDirectory())
    throw new UsageError(`Cannot write ${output}: ${existing} is a file, not a folder.`);
  const probe = path.join(folder, `.${path.basename(output)}.probe-${process.pid}`);
  try {
    makeFolders(folder);
    fs.writeFileSync(probe, '', { flag: 'wx' });
  } catch (error) {
    throw new UsageError(
      `Cannot write ${output}: the folder ${folder} cannot take a new file (${errnoCode(error) ?? errorText(error)}).`,
    );
  } finally {
    fs.rmSync(probe, { force: true });
  }
}

/**
 * Writes OUTPUT whole or not at all: into a temporary file beside it, renamed over it when
 * complete; the temporary file is removed if anything fails.
 */
export function writeOutputFile(output: string, bytes: Uint8Array): void {
  const temporary = path.join(path.dirname(path.resolve(output)), `.${path.basename(output)}.partial-${process.pid}`);
  try {
    makeFolders(path.dirname(temporary));
    fs.writeFileSync(temporary, bytes, { flag: 'wx' });
    fs.renameSync(temporary, output);
  } catch (error) {
    fs.rmSync(temporary, { force: true });
    throw new UsageError(`Cannot write ${output} (${errnoCode(error) ?? errorText(error)}); nothing was written.`);
  }
}

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
