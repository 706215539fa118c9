/**
 * A long fuzz campaign: `npm run fuzz -- --runs 10000 [--seed N]` runs the fuzz suite
 * (test/fuzz/fuzz.test.ts) with that many cases, a fresh seed each campaign unless one is given.
 * A failing case is written to out/fuzz/failure-SEED/ (the workbook, the command and what broke);
 * the same seed and runs replay the campaign.
 */
import { spawnSync } from 'child_process';
import path from 'path';

function option(args: readonly string[], name: string): string | undefined {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : undefined;
}

function main(args: readonly string[]): number {
  const runs = Number(option(args, '--runs') ?? 1000);
  const seed = Number(option(args, '--seed') ?? Date.now() % 2 ** 31);
  if (!Number.isInteger(runs) || runs < 1) {
    process.stderr.write(`fuzz: --runs expects a whole number of at least 1, got '${option(args, '--runs')}'.\n`);
    return 2;
  }
  if (!Number.isInteger(seed)) {
    process.stderr.write(`fuzz: --seed expects a whole number, got '${option(args, '--seed')}'.\n`);
    return 2;
  }
  process.stderr.write(
    `fuzz: ${runs} cases, seed ${seed} (replay with: npm run fuzz -- --runs ${runs} --seed ${seed})\n`,
  );
  const root = path.resolve(__dirname, '../..');
  const jest = require.resolve('jest/bin/jest', { paths: [root] });
  const result = spawnSync(process.execPath, [jest, 'test/fuzz/fuzz.test.ts', '--verbose'], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, FUZZ_RUNS: String(runs), FUZZ_SEED: String(seed) },
  });
  return result.status ?? 1;
}

process.exitCode = main(process.argv.slice(2));
