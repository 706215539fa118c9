/**
 * The fuzz suite: generated workbooks for every sheet role, mutated as real files are (blanks, text
 * in numbers, error cells, dates in many forms, huge and negative values, swapped cells, unicode,
 * formula-like text, duplicate and merged headers, title rows, Excel Tables, hidden and renamed
 * sheets, stray far cells, dropped columns, rows and sheets; the offences as a CSV; broken
 * boundaries; an output already there), each run through the command line with every invariant
 * checked (see runFuzzCase). A fixed seed makes CI's cases the same every time; FUZZ_RUNS and
 * FUZZ_SEED run a longer campaign (npm run fuzz -- --runs 10000), and a failing case is written to
 * out/fuzz/ with the command that reproduces it.
 */
import fs from 'fs';
import os from 'os';
import path from 'path';
import fc from 'fast-check';
import { fuzzCaseArbitrary, runFuzzCase, writeFuzzCase, type FuzzCase } from './fuzzCase';

const RUNS = Number(process.env.FUZZ_RUNS ?? 300);
const SEED = Number(process.env.FUZZ_SEED ?? 20261207);
const REPRODUCER_DIR = path.resolve(__dirname, '../../out/fuzz');

let workdir: string;
beforeAll(() => {
  workdir = fs.mkdtempSync(path.join(os.tmpdir(), 'catchment-fuzz-'));
});
afterAll(() => fs.rmSync(workdir, { recursive: true, force: true }));

/** Writes a failing case's files to out/fuzz/failure-SEED/ with the command and what it broke. */
function writeReproducer(fuzz: FuzzCase, broken: readonly string[]): string {
  const dir = path.join(REPRODUCER_DIR, `failure-${SEED}`);
  const written = writeFuzzCase(fuzz, dir);
  const command = [
    'npx catchment',
    ...written.args.slice(0, -1).map((arg) => (/[\s'"]/.test(arg) ? JSON.stringify(arg) : arg)),
  ].join(' ');
  fs.writeFileSync(
    path.join(dir, 'README.txt'),
    [
      `Fuzz seed ${SEED}: this case broke`,
      ...broken.map((b) => `  - ${b}`),
      '',
      'Reproduce:',
      `  ${command}`,
      '',
      'Case:',
      JSON.stringify(fuzz, null, 2),
      '',
    ].join('\n'),
  );
  return dir;
}

describe('fuzzing the command line with damaged workbooks', () => {
  it(
    `keeps every invariant on ${RUNS} generated cases (seed ${SEED})`,
    async () => {
      let cases = 0;
      const exits = new Map<number, number>();
      const started = Date.now();
      const outcome = await fc.check(
        fc.asyncProperty(fuzzCaseArbitrary, async (fuzz) => {
          cases += 1;
          const { broken, code } = await runFuzzCase(fuzz, path.join(workdir, 'case'));
          exits.set(code, (exits.get(code) ?? 0) + 1);
          if (broken.length > 0) throw new Error(broken.join('\n'));
        }),
        { numRuns: RUNS, seed: SEED, endOnFailure: RUNS > 1000 },
      );
      if (outcome.failed && outcome.counterexample) {
        const [fuzz] = outcome.counterexample;
        const { broken } = await runFuzzCase(fuzz, path.join(workdir, 'case'));
        const dir = writeReproducer(fuzz, broken);
        throw new Error(
          `Fuzz case broke an invariant (reproducer in ${dir}):\n${broken.join('\n')}\n${JSON.stringify(fuzz)}`,
        );
      }
      process.stderr.write(
        `fuzz: ${cases} cases in ${((Date.now() - started) / 1000).toFixed(1)} s; exit 0: ${exits.get(0) ?? 0}, exit 2: ${exits.get(2) ?? 0}\n`,
      );
      expect(cases).toBeGreaterThanOrEqual(RUNS);
      // The cases must reach both ends: runs that write an output (whose cells are checked) and clean refusals.
      expect(exits.get(0) ?? 0).toBeGreaterThanOrEqual(RUNS * 0.2);
      expect(exits.get(2) ?? 0).toBeGreaterThanOrEqual(RUNS * 0.2);
    },
    Math.max(30 * 60_000, RUNS * 5_000),
  );
});
