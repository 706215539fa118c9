import path from 'path';
import webpack from 'webpack';
import { isFresh } from './freshness';

const root = path.resolve(__dirname, '../../..');

/** Files a production build must hold for the pane to load. */
const BUILT_FILES = [
  'taskpane.html',
  'taskpane.js',
  'taskpane.css',
  'dialogue-worker.js',
  'highs.wasm',
  'manifest.xml',
];
/** What the add-in is built from: a change to any of these makes a build stale. */
const BUILD_INPUTS = ['src', 'assets', 'manifest.xml', 'webpack.config.js', 'package.json', 'tsconfig.json'].map(
  (name) => path.join(root, name),
);

/** Runs webpack with a config object and rejects with its errors, if any. */
export function runWebpack(config: webpack.Configuration): Promise<void> {
  return new Promise((resolve, reject) => {
    webpack(config, (error, stats) => {
      if (error) reject(error);
      else if (!stats || stats.hasErrors())
        reject(new Error(stats?.toString('errors-only') ?? 'webpack produced no stats'));
      else resolve();
    });
  });
}

/**
 * The production build of the add-in to load: dist/addin when it is fresh (CI runs `npm run build`
 * just before the tests), else `fallbackFolder` when that is, else a new build into `fallbackFolder`
 * with the project's own webpack.config.js, so `npm test` alone on a fresh clone tests the sources.
 */
export async function builtAddin(fallbackFolder: string): Promise<{ folder: string; built: boolean }> {
  for (const folder of [path.join(root, 'dist/addin'), fallbackFolder]) {
    if (
      isFresh(
        BUILT_FILES.map((name) => path.join(folder, name)),
        BUILD_INPUTS,
      )
    )
      return { folder, built: false };
  }
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const configure = require(path.join(root, 'webpack.config.js')) as (
    env: object,
    argv: object,
  ) => Promise<webpack.Configuration>;
  await runWebpack(await configure({ outputPath: fallbackFolder }, { mode: 'production' }));
  return { folder: fallbackFolder, built: true };
}
