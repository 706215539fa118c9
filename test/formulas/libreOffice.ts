import { execFile, execFileSync } from 'child_process';
import { promises as fs } from 'fs';
import path from 'path';
import { promisify } from 'util';
import type { SheetModel } from '../../src/report/sheetModel';

/**
 * Headless LibreOffice Calc as a second, independent spreadsheet engine (the approach of
 * test/workbook/libreOffice.test.ts): a user profile that recalculates every formula when it loads
 * an .xlsx, and a conversion xlsx → xlsx that writes the recalculated values back as the cached
 * results. `soffice` is optional: tests skip, saying so, when it is not installed.
 */
const run = promisify(execFile);

export const INSTALL_HINT = 'apt-get install -y --no-install-recommends libreoffice-calc-nogui';

export function findSoffice(): string | undefined {
  try {
    return execFileSync('which', ['soffice'], { encoding: 'utf8' }).trim() || undefined;
  } catch {
    return undefined;
  }
}

/** OOXMLRecalcMode 0 = always recalculate on load, whatever results the file caches. */
const RECALCULATE_ALWAYS = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

/** A sheet whose formula caches a wrong result (3): it reads 2 only if LibreOffice really recalculated. */
export const CANARY: SheetModel = {
  name: 'Canary',
  cells: [{ row: 0, col: 0, cell: { kind: 'formula', formula: '1+1', result: 3 } }],
  tables: [],
  charts: [],
  images: [],
};

/**
 * Recalculates each of `files` (absolute .xlsx paths) in one LibreOffice start, with a fresh
 * profile under `directory`, and returns the recalculated copies' paths (in `directory`/recalculated).
 */
export async function recalculate(soffice: string, directory: string, files: readonly string[]): Promise<string[]> {
  const profile = path.join(directory, 'profile');
  await fs.mkdir(path.join(profile, 'user'), { recursive: true });
  await fs.writeFile(path.join(profile, 'user', 'registrymodifications.xcu'), RECALCULATE_ALWAYS);
  const outputDirectory = path.join(directory, 'recalculated');
  await run(
    soffice,
    [
      `-env:UserInstallation=file://${profile}`,
      '--headless',
      '--convert-to',
      'xlsx:Calc MS Excel 2007 XML',
      '--outdir',
      outputDirectory,
      ...files,
    ],
    { timeout: 90_000 },
  );
  return files.map((file) => path.join(outputDirectory, path.basename(file)));
}
