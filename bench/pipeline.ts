import { performance } from 'perf_hooks';
import { loadHighsSolver } from '../src/core/disclosure';
import { runAnalysis } from '../src/core/pipeline';
import { DEFAULT_PARAMETERS } from '../src/core/types';
import { generateDemo } from '../src/demo';

function seconds(start: number): number {
  return (performance.now() - start) / 1000;
}

/**
 * The whole engine (detection, validation, placement, rates, catchments, 1,000-simulation rank
 * intervals, disclosure control with its audit) on the synthetic demo at 20k and 100k offence rows. Generation and file I/O are not
 * timed. Printed against the 20k run measured in the same process (a 5× larger input should cost
 * about 5×) and against the 3 s target for 100k.
 */
export async function benchPipeline(log: (line: string) => void): Promise<void> {
  const solver = await loadHighsSolver();
  const timings = new Map<number, number>();
  for (const offences of [20000, 100000]) {
    const demo = generateDemo({ seed: 2024, offences });
    const inputs = { workbook: demo.workbook, boundaries: { geojson: demo.boundariesGeoJson, source: 'demo' }, solver };
    runAnalysis(inputs, { ...DEFAULT_PARAMETERS, simulations: 50 }); // warm the JIT
    const runs: number[] = [];
    for (let i = 0; i < 3; i += 1) {
      const start = performance.now();
      const outcome = runAnalysis(inputs, DEFAULT_PARAMETERS);
      runs.push(seconds(start));
      if (!outcome.ok) throw new Error(outcome.problems.map((p) => p.message).join('\n'));
    }
    const median = runs.sort((a, b) => a - b)[1];
    timings.set(offences, median);
    log(
      `pipeline ${offences.toLocaleString('en-GB')} offence rows: ${median.toFixed(2)} s (median of 3), ${Math.round(offences / median).toLocaleString('en-GB')} rows/s`,
    );
  }
  const small = timings.get(20000)!;
  const large = timings.get(100000)!;
  log(`pipeline scaling 100k / 20k: ${(large / small).toFixed(2)}× for 5× the rows`);
  log(
    `pipeline 100k against the 3 s target: ${(large / 3).toFixed(2)} of the budget — ${large < 3 ? 'MEETS' : 'MISSES'} the target`,
  );
}
