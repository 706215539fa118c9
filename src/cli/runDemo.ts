import fs from 'fs';
import path from 'path';
import { DEFAULT_PARAMETERS } from '../core/types';
import { loadRealInputs, writeDemoFiles } from '../demo/node';
import { generateDemo } from '../demo';
import { analyseWorkbook, summariseRun } from './analyseWorkbook';
import { UsageError } from './parseArguments';

export const OPEN_DATA_ATTRIBUTION = [
  'Ward boundaries and populations: Source: Office for National Statistics licensed under the Open Government Licence v3.0. Contains OS data © Crown copyright and database right.',
];

/**
 * `catchment demo [DATA_DIR]`: generates a seeded synthetic workbook (synthetic geography, or the
 * real West Midlands wards and populations from DATA_DIR with synthetic schools and offences),
 * then analyses it into a new workbook beside it.
 */
export async function runDemo(
  args: readonly string[],
  progress: (line: string) => void,
  print: (line: string) => void,
): Promise<void> {
  let dataDir: string | undefined;
  let outDir = path.resolve('out', 'demo');
  let seed = 2024;
  let offences: number | undefined;
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i];
    if (arg === '--out') outDir = path.resolve(args[++i] ?? '');
    else if (arg === '--seed') seed = Number(args[++i]);
    else if (arg === '--offences') offences = Number(args[++i]);
    else if (arg === '--quiet') continue;
    else if (arg.startsWith('-')) throw new UsageError(`Unknown demo option ${arg}.`);
    else dataDir = path.resolve(arg);
  }
  if (!Number.isInteger(seed)) throw new UsageError('--seed expects a whole number.');
  if (offences !== undefined && (!Number.isInteger(offences) || offences < 100))
    throw new UsageError('--offences expects a whole number of at least 100.');
  if (dataDir && !fs.existsSync(dataDir)) throw new UsageError(`Data folder not found: ${dataDir}`);

  progress(
    dataDir
      ? `Generating synthetic schools and offences on the real wards in ${dataDir}`
      : 'Generating a synthetic West-Midlands-like workbook',
  );
  const real = dataDir ? loadRealInputs(dataDir) : undefined;
  const demo = generateDemo({ seed, offences, real });
  fs.mkdirSync(outDir, { recursive: true });
  // The real-geography demo has files of its own: the synthetic demo's input (and the fingerprint its output records) stays as it was.
  const files = await writeDemoFiles(demo, outDir, real ? 'demo-real' : 'demo');
  print(`Demo input: ${files.workbookPath} (${demo.description})`);
  const output = path.join(outDir, real ? 'demo-real-output.xlsx' : 'demo-output.xlsx');
  const run = await analyseWorkbook(
    {
      input: files.workbookPath,
      output,
      boundaries: real ? path.join(dataDir!, 'wm_wards_dec2022.geojson') : files.boundariesPath,
      force: true,
      quiet: false,
      parameters: DEFAULT_PARAMETERS,
      columnOverrides: {},
      roleOverrides: {},
    },
    progress,
    { synthetic: true, description: demo.description, attribution: real ? OPEN_DATA_ATTRIBUTION : [] },
    `catchment demo${dataDir ? ` ${dataDir}` : ''} --seed ${seed}`,
  );
  for (const line of summariseRun(run)) print(line);
}
