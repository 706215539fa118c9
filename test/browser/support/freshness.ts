import fs from 'fs';
import path from 'path';

function newestModification(entry: string): number {
  const stat = fs.statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return fs
    .readdirSync(entry)
    .reduce((newest, name) => Math.max(newest, newestModification(path.join(entry, name))), stat.mtimeMs);
}

/**
 * True when every output exists and is newer than every input (files, or folders searched
 * throughout): a build that can be reused. Inputs that do not exist are ignored.
 */
export function isFresh(outputs: readonly string[], inputs: readonly string[]): boolean {
  if (!outputs.every((file) => fs.existsSync(file))) return false;
  const oldestOutput = Math.min(...outputs.map((file) => fs.statSync(file).mtimeMs));
  const newestInput = Math.max(0, ...inputs.filter((entry) => fs.existsSync(entry)).map(newestModification));
  return newestInput < oldestOutput;
}
