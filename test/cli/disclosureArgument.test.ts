import { parseAnalyseArguments, parseChatArguments, UsageError } from '../../src/cli/parseArguments';
import { main } from '../../src/cli/main';
import { DEFAULT_PARAMETERS } from '../../src/core/types';

const analyse = (...flags: string[]) => parseAnalyseArguments(['in.xlsx', '--out', 'out.xlsx', ...flags]);

/** What `catchment ARGS` writes to stderr, and its exit code. */
async function run(args: readonly string[]): Promise<{ code: number; stderr: string; stdout: string }> {
  const stderr: string[] = [];
  const stdout: string[] = [];
  const errors = jest
    .spyOn(process.stderr, 'write')
    .mockImplementation((chunk: string | Uint8Array) => (stderr.push(String(chunk)), true));
  const out = jest
    .spyOn(process.stdout, 'write')
    .mockImplementation((chunk: string | Uint8Array) => (stdout.push(String(chunk)), true));
  try {
    return { code: await main(args), stderr: stderr.join(''), stdout: stdout.join('') };
  } finally {
    errors.mockRestore();
    out.mockRestore();
  }
}

describe('--disclosure and --perturb', () => {
  test('default to suppression, said by leaving the method out of the parameters', () => {
    expect(analyse().parameters.disclosureMethod).toBeUndefined();
    // Suppression asked for by name is the default exactly: the parameters are the same.
    expect(analyse('--disclosure', 'suppression').parameters).toEqual(DEFAULT_PARAMETERS);
  });

  test('take perturbation as --disclosure perturbation, --disclosure=perturbation or --perturb', () => {
    expect(analyse('--disclosure', 'perturbation').parameters.disclosureMethod).toBe('perturbation');
    expect(analyse('--disclosure=perturbation').parameters.disclosureMethod).toBe('perturbation');
    expect(analyse('--perturb').parameters.disclosureMethod).toBe('perturbation');
    expect(analyse('--perturb').parameters).toEqual({ ...DEFAULT_PARAMETERS, disclosureMethod: 'perturbation' });
    // The last said wins, as with every flag.
    expect(analyse('--perturb', '--disclosure', 'suppression').parameters.disclosureMethod).toBeUndefined();
    expect(parseChatArguments(['in.xlsx', '--perturb']).parameters.disclosureMethod).toBe('perturbation');
  });

  test('keeps the other disclosure choices as given', () => {
    const { parameters } = analyse('--perturb', '--threshold', '10', '--protection', '12');
    expect(parameters).toMatchObject({ disclosureMethod: 'perturbation', threshold: 10, protectionInterval: 12 });
  });

  test('refuses a method it does not know, naming the flag and both methods', () => {
    expect(() => analyse('--disclosure', 'noise')).toThrow(UsageError);
    expect(() => analyse('--disclosure', 'noise')).toThrow(
      "--disclosure expects suppression (withhold small counts as [c]) or perturbation (the ONS cell key method), got 'noise'.",
    );
    expect(() => analyse('--disclosure')).toThrow('--disclosure needs a value.');
  });

  test('refuses perturbation with rounding, in either order, saying they are alternatives', () => {
    for (const flags of [
      ['--perturb', '--rounding', '5'],
      ['--rounding', '5', '--perturb'],
    ]) {
      expect(() => analyse(...flags)).toThrow(UsageError);
      expect(() => analyse(...flags)).toThrow(/^--perturb and --rounding 5 are alternatives: .*Choose one/);
    }
    expect(() => analyse('--disclosure', 'perturbation', '--rounding', '10')).toThrow(
      /^--disclosure perturbation and --rounding 10 are alternatives/,
    );
    // Rounding with suppression is as before.
    expect(analyse('--disclosure', 'suppression', '--rounding', '5').parameters.roundingBase).toBe(5);
  });

  test('exits 2 with the message on the command line, for a wrong value and for the conflict', async () => {
    const wrong = await run(['analyse', 'in.xlsx', '--out', 'out.xlsx', '--disclosure', 'noise']);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toMatch(
      /^catchment: --disclosure expects suppression .* or perturbation .*, got 'noise'\.\n$/,
    );
    const both = await run(['analyse', 'in.xlsx', '--out', 'out.xlsx', '--perturb', '--rounding', '5']);
    expect(both.code).toBe(2);
    expect(both.stderr).toMatch(/^catchment: --perturb and --rounding 5 are alternatives/);
    expect(both.stderr).toContain('Choose one: drop --rounding, or drop --perturb.');
  });

  test('is in the help, beside --rounding', async () => {
    const { code, stdout } = await run(['help']);
    expect(code).toBe(0);
    const lines = stdout.split('\n');
    const rounding = lines.findIndex((line) => line.startsWith('  --rounding 5 '));
    expect(lines[rounding + 1]).toMatch(
      /^ {2}--disclosure METHOD {4}how published counts are protected: suppression \(default\)/,
    );
    expect(stdout).toMatch(/perturbation \(or\s+--perturb\) is the ONS cell key method/);
    expect(stdout).toMatch(/An alternative to --rounding: choose one\./);
  });
});
