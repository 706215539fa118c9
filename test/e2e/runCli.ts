import { main } from '../../src/cli/main';

/** The names of one run's output sheets, in the order they are written. */
export const OUTPUT_SHEETS = [
  'Summary',
  'Schools',
  'Sensitivity',
  'Wards',
  'Charts',
  'Validation',
  'Method',
  'Audit',
  'Catchment ledger',
];
/** The sheets a reader sees (the ledger's is very hidden). */
export const READER_SHEETS = OUTPUT_SHEETS.slice(0, -1);

/** Runs the command line in-process, capturing what it prints. */
export async function runCli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const out = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stdout += String(chunk);
    return true;
  });
  const err = jest.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stderr += String(chunk);
    return true;
  });
  try {
    const code = await main(args);
    return { code, stdout, stderr };
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
}
