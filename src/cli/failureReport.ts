import fs from 'fs';
import os from 'os';
import path from 'path';

/** An error's message on one line, for the console. */
export function oneLine(error: unknown): string {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * Writes the full report of an internal error (the stack, the arguments, the versions) to a file
 * in the temporary folder and says where, so the console gets one line and a bug report gets all.
 */
export function writeErrorReport(error: unknown, argv: readonly string[], folder: string = os.tmpdir()): string {
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const file = path.join(folder, `catchment-error-${stamp}-${process.pid}.txt`);
  const report = [
    `catchment internal error, ${new Date().toISOString()}`,
    `arguments: ${JSON.stringify(argv)}`,
    `node ${process.version} on ${process.platform} ${process.arch}`,
    '',
    error instanceof Error ? (error.stack ?? oneLine(error)) : String(error),
    '',
  ].join('\n');
  try {
    fs.writeFileSync(file, report, { flag: 'wx' });
    return `The full report is in ${file}; please send it with the command you ran.`;
  } catch {
    return 'The full report could not be written.';
  }
}

/**
 * Ends quietly when whoever reads the output goes away (`catchment … | head`): a closed pipe is
 * not an error of the run.
 */
export function quietOnClosedPipe(): void {
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
      throw error;
    });
  }
}
