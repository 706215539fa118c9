import { loadHighsSolver } from '../../src/core/disclosure';
import { runAnalysis } from '../../src/core/pipeline';
import type { AnalysisResult } from '../../src/core/pipeline/analysisResult';
import { DEFAULT_PARAMETERS } from '../../src/core/types';
import { generateDemo, type DemoData } from '../../src/demo';
import { buildReport } from '../../src/report';
import type { SheetModel } from '../../src/report/sheetModel';

/**
 * A small seeded demo workbook, the engine's result on it (with the HiGHS solver for the
 * disclosure audit) and the report's sheet models, shared by the Office adapter tests. Small
 * enough to run in seconds; big enough for every sheet, table, chart and the map.
 */
export function smallDemo(): DemoData {
  return generateDemo({ seed: 7, wards: 40, districts: 3, schools: 60, offences: 1500 });
}

export interface DemoReport {
  readonly demo: DemoData;
  readonly result: AnalysisResult;
  readonly models: SheetModel[];
}

export async function demoReport(): Promise<DemoReport> {
  const demo = smallDemo();
  const solver = await loadHighsSolver();
  const outcome = runAnalysis(
    {
      workbook: demo.workbook,
      boundaries: { geojson: demo.boundariesGeoJson, source: 'demo-wards.geojson' },
      provenance: { synthetic: true, description: demo.description },
      solver,
    },
    { ...DEFAULT_PARAMETERS, simulations: 200 },
  );
  if (!outcome.ok)
    throw new Error(`The demo did not analyse: ${outcome.problems.map((problem) => problem.message).join(' | ')}`);
  const models = buildReport(outcome.result, {
    tool: 'catchment',
    version: 'test',
    command: 'catchment analyse demo.xlsx',
    startedAt: '2024-06-01T12:00:00.000Z',
    finishedAt: '2024-06-01T12:00:05.000Z',
  });
  return { demo, result: outcome.result, models };
}
