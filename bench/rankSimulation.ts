import { performance } from 'perf_hooks';
import { distanceDecayShares } from '../src/core/catchment';
import { rankWithUncertainty } from '../src/core/ranking';
import { generateDemo } from '../src/demo';
import { syntheticArea } from '../test/support/syntheticArea';

const elapsedMs = (work: () => unknown): number => {
  const started = performance.now();
  work();
  return performance.now() - started;
};
const verdict = (ms: number, targetMs: number): string =>
  `target under ${targetMs.toLocaleString('en-GB')} ms: ${ms < targetMs ? 'met' : 'MISSED'}`;

/**
 * Engine stages at a large area's size, each against a fifth or a tenth of its work measured in
 * the same run (the work should grow in step): the rank intervals' simulation (400 schools drawing
 * from all 200 wards, 80,000 shares; 1,000 simulations against 100), the modelled catchments (400
 * schools among 2,000 wards against 400 wards), and the demo generator at its default size.
 */
export function benchRankSimulation(log: (line: string) => void): void {
  const area = syntheticArea(400, 200, 200, 99);
  rankWithUncertainty({ ...area, seed: 1, simulations: 20 }); // warm the JIT
  const baseline = elapsedMs(() => rankWithUncertainty({ ...area, seed: 1, simulations: 100 }));
  const full = elapsedMs(() => rankWithUncertainty({ ...area, seed: 1, simulations: 1000 }));
  log(`  rank intervals, 100 simulations (baseline): ${baseline.toFixed(0)} ms`);
  log(
    `  rank intervals, 1,000 simulations: ${full.toFixed(0)} ms, ${(full / baseline).toFixed(1)}× the baseline for 10× the simulations; ${verdict(full, 1000)}`,
  );

  let state = 7;
  const random = () => (state = (state * 48271) % 2147483647) / 2147483647;
  const schools = Array.from({ length: 400 }, (_, index) => ({
    urn: String(100000 + index),
    pupils: 600 + Math.floor(random() * 1200),
    location: { easting: 390000 + random() * 50000, northing: 270000 + random() * 40000 },
  }));
  const wardsOf = (count: number) =>
    Array.from({ length: count }, (_, index) => ({
      wardCode: `E05${String(index).padStart(6, '0')}`,
      youngPopulation: 300 + Math.floor(random() * 2000),
      location: { easting: 390000 + random() * 50000, northing: 270000 + random() * 40000 },
    }));
  const fewWards = wardsOf(400);
  const manyWards = wardsOf(2000);
  distanceDecayShares(schools, fewWards); // warm the JIT
  const fewMs = elapsedMs(() => distanceDecayShares(schools, fewWards));
  const manyMs = elapsedMs(() => distanceDecayShares(schools, manyWards));
  log(`  modelled catchments, 400 schools among 400 wards (baseline): ${fewMs.toFixed(0)} ms`);
  log(
    `  modelled catchments, 400 schools among 2,000 wards: ${manyMs.toFixed(0)} ms, ${(manyMs / fewMs).toFixed(1)}× the baseline for 5× the wards; ${verdict(manyMs, 3000)}`,
  );

  const small = elapsedMs(() => generateDemo({ offences: 4000 }));
  const demo = elapsedMs(() => generateDemo());
  log(`  demo generator, 4,000 offences (baseline): ${small.toFixed(0)} ms`);
  log(
    `  demo generator at its default size: ${demo.toFixed(0)} ms, ${(demo / small).toFixed(1)}× the baseline; ${verdict(demo, 3000)}`,
  );
}
