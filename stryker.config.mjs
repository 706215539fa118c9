// Mutation testing of the engine (src/core) with Stryker. Not part of CI: run it by hand with `npm run mutate`.
//
// A full run over src/core takes many hours on a 2-core machine, so scope it to one module:
//   npm run mutate -- --mutate 'src/core/rates/**/*.ts,!src/core/rates/index.ts'
// Quote the pattern so the shell leaves the globs to Stryker.
//
// Incremental mode: Stryker rewrites its incremental file with the mutants of the files it mutated in that run
// only, so a scoped run must not share the file of the full run (it would wipe every other module's results).
// The full run keeps reports/stryker-incremental.json; a run scoped with --mutate keeps its own file under
// reports/stryker-incremental/, named after the pattern (e.g. reports/stryker-incremental/rates.json).
// These files are committed, so a later session resumes where this one stopped. --incrementalFile overrides.
// Reports: reports/mutation/core.html and .json for the full run, reports/mutation/<module>.html and .json for a
// scoped one (git-ignored).
//
// Jest: the runner reads the repo's jest.config.js (ts-jest, and the ES-module exceptions in
// transformIgnorePatterns) and only adds testPathIgnorePatterns, leaving out the slow suites that do not test
// src/core, so each mutant's related tests run quickly. Stryker adds each mutated file's folder to Jest's roots and
// runs only the suites that import that folder (enableFindRelatedTests), then only the tests that covered the mutant.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const jestConfig = require('./jest.config.js');

const SLOW_SUITES_NOT_ABOUT_CORE = [
  '/node_modules/',
  '<rootDir>/test/browser/',
  '<rootDir>/test/print/',
  '<rootDir>/test/fuzz/',
  '<rootDir>/test/e2e/',
  '<rootDir>/test/schemas/',
  '<rootDir>/test/workbook/libreOffice',
  '<rootDir>/test/formulas/',
  // The report writer's suites run the whole pipeline in beforeAll, outside any test: Stryker then counts every
  // engine mutant as "static" and reruns all related suites for each one (hours per module). They test src/report.
  '<rootDir>/test/report/',
  // Its sweep over every count from 0 to 20,000 takes about a minute under Stryker's instrumentation (2 s plain),
  // and it covers every special-function mutant; test/mutation/rates.test.ts checks large counts quickly instead.
  '<rootDir>/test/rates/poissonExactLargeCounts.test.ts',
];

/** The --mutate value given on the command line, if any. */
function mutateArgument(argv) {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--mutate' || arg === '-m') return argv[i + 1];
    if (arg.startsWith('--mutate=')) return arg.slice('--mutate='.length);
  }
  return undefined;
}

// `rates` for a run of a whole module (src/core/rates/**/*.ts), `rates+scope` for two, `core` for all of src/core,
// else a slug of the pattern (`rates_logGamma.ts` for src/core/rates/logGamma.ts), so that a run of part of a
// module keeps a file of its own.
function scopeName(scope) {
  const positive = scope
    .split(',')
    .map((pattern) => pattern.trim())
    .filter((pattern) => pattern && !pattern.startsWith('!'));
  const modules = positive.map((pattern) => {
    if (/^src\/core\/\*\*(\/\*(\.ts)?)?$/.test(pattern)) return 'core';
    const whole = /^src\/core\/([^/*]+)\/\*\*(\/\*(\.ts)?)?$/.exec(pattern);
    return whole ? whole[1] : pattern.replace(/^src\/core\//, '');
  });
  const slug = [...new Set(modules)]
    .join('+')
    .replace(/[^A-Za-z0-9+._-]+/g, '_')
    .replace(/^_+|_+$/g, '');
  return slug || 'scoped';
}

const scope = mutateArgument(process.argv);
const name = scope ? scopeName(scope) : 'core';

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  packageManager: 'npm',
  testRunner: 'jest',
  // No TypeScript checker: it is slow here, and ts-jest (isolatedModules) compiles each mutant anyway.
  jest: {
    projectType: 'custom',
    configFile: 'jest.config.js',
    config: {
      testPathIgnorePatterns: [...(jestConfig.testPathIgnorePatterns ?? []), ...SLOW_SUITES_NOT_ABOUT_CORE],
      // Wall-clock tests fail under Stryker's instrumentation (several times slower) whatever the mutant: leave
      // them out of the initial run, and so out of every mutant's. Stryker's own per-mutant filter replaces this.
      testNamePattern: '^(?!.*(quickly|well under a second|well under three seconds))',
    },
    enableFindRelatedTests: true,
  },
  coverageAnalysis: 'perTest',
  mutate: ['src/core/**/*.ts', '!src/core/**/index.ts'],
  incremental: true,
  incrementalFile: name === 'core' ? 'reports/stryker-incremental.json' : `reports/stryker-incremental/${name}.json`,
  concurrency: 1,
  timeoutMS: 10000,
  reporters: ['clear-text', 'progress-append-only', 'html', 'json'],
  htmlReporter: { fileName: `reports/mutation/${name}.html` },
  jsonReporter: { fileName: `reports/mutation/${name}.json` },
  clearTextReporter: { allowColor: false, logTests: false, maxTestsToLog: 0 },
  thresholds: { high: 90, low: 80, break: null },
  tempDirName: '.stryker-tmp',
  // Only what the tests need goes into the sandbox (node_modules is linked, not copied).
  ignorePatterns: ['dist', 'out', 'test-output', 'coverage', 'reports', 'bench', '.ci'],
};
