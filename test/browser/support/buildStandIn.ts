import path from 'path';
import { runWebpack } from './buildAddin';
import { isFresh } from './freshness';

const root = path.resolve(__dirname, '../../..');
export const STAND_IN_FILE = 'office-stand-in.js';

/** What the stand-in is built from. */
const STAND_IN_INPUTS = ['src', 'test/support', 'test/browser/support', 'package.json', 'tsconfig.json'].map((name) =>
  path.join(root, name),
);

/**
 * Bundles officeStandIn.ts (the in-memory Excel and the demo workbook) into one browser script,
 * `outputFolder/office-stand-in.js`, unless a build newer than its sources is there. Development
 * mode and no type checking, for speed: the typecheck script checks these files, and the bundle
 * is test equipment, not the product.
 */
export async function buildStandIn(outputFolder: string): Promise<string> {
  const bundle = path.join(outputFolder, STAND_IN_FILE);
  if (isFresh([bundle], STAND_IN_INPUTS)) return bundle;
  await runWebpack({
    mode: 'development',
    devtool: false,
    context: root,
    target: 'web',
    entry: path.join(__dirname, 'officeStandIn.ts'),
    output: { path: outputFolder, filename: STAND_IN_FILE },
    resolve: { extensions: ['.ts', '.js'], fallback: { fs: false, path: false, crypto: false } },
    module: {
      rules: [
        {
          test: /\.ts$/,
          exclude: /node_modules/,
          use: {
            loader: 'ts-loader',
            options: {
              transpileOnly: true,
              configFile: path.join(root, 'tsconfig.json'),
              compilerOptions: { module: 'esnext' },
            },
          },
        },
      ],
    },
    performance: { hints: false },
  });
  return bundle;
}
