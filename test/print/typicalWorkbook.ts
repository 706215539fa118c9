import { execFileSync } from 'child_process';
import { loadHighsSolver } from '../../src/core/disclosure';
import { runAnalysis } from '../../src/core/pipeline';
import { DEFAULT_PARAMETERS } from '../../src/core/types';
import { generateDemo, type DemoOptions } from '../../src/demo';
import { buildReport } from '../../src/report';
import type { SheetModel } from '../../src/report/sheetModel';
import { writeReportBuffer } from '../../src/workbook/xlsx';

/** Offence rows in a typical extract, as issue 13 sizes it: about 10,000. */
export const TYPICAL_OFFENCE_ROWS = 10_000;

export interface GeneratedReport {
  readonly models: SheetModel[];
  readonly buffer: Buffer;
}

/**
 * The report on a seeded demo workbook (synthetic West-Midlands-like geography: 190 wards, 7
 * districts, 400 schools) written as an .xlsx, as `catchment analyse` writes it. Simulations are cut
 * to 200 for speed: they change rank intervals, not the layout.
 */
export async function generatedReport(
  options: DemoOptions = {},
  existingSheetNames: readonly string[] = [],
): Promise<GeneratedReport> {
  const demo = generateDemo({ offences: TYPICAL_OFFENCE_ROWS, ...options });
  const outcome = runAnalysis(
    {
      workbook: demo.workbook,
      boundaries: { geojson: demo.boundariesGeoJson, source: 'demo-wards.geojson' },
      provenance: { synthetic: true, description: demo.description },
      solver: await loadHighsSolver(),
    },
    { ...DEFAULT_PARAMETERS, simulations: 200 },
  );
  if (!outcome.ok)
    throw new Error(`The demo did not analyse: ${outcome.problems.map((problem) => problem.message).join(' | ')}`);
  const models = buildReport(outcome.result, {
    tool: 'catchment',
    version: 'test',
    command: 'catchment analyse demo-input.xlsx',
    startedAt: '2024-06-01T12:00:00.000Z',
    finishedAt: '2024-06-01T12:00:05.000Z',
  });
  const written = await writeReportBuffer(models, { existingSheetNames, created: new Date('2024-06-01T12:00:05Z') });
  return { models, buffer: written.buffer };
}

/** The path of a command on this machine, or undefined when it is not installed. */
export function commandPath(command: string): string | undefined {
  try {
    return execFileSync('which', [command], { encoding: 'utf8' }).trim() || undefined;
  } catch {
    return undefined;
  }
}
