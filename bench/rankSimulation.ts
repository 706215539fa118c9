import { performance } from 'perf_hooks';
import { rankWithUncertainty } from '../src/core/ranking';
import { syntheticArea } from '../test/support/syntheticArea';

/**
 * The rank intervals' simulation at a large area's size (400 schools, each drawing pupils from all
 * 200 wards: 80,000 shares) with the default 1,000 simulations, against 100 simulations measured in
 * the same run (the work should grow in step with the simulations). Target: under a second.
 */
export function benchRankSimulation(log: (line: string) => void): void {
  const area = syntheticArea(400, 200, 200, 99);
  rankWithUncertainty({ ...area, seed: 1, simulations: 20 }); // warm the JIT
  const time = (simulations: number): number => {
    const started = performance.now();
    rankWithUncertainty({ ...area, seed: 1, simulations });
    return performance.now() - started;
  };
  const baseline = time(100);
  const full = time(1000);
  log(`  100 simulations (baseline): ${baseline.toFixed(0)} ms`);
  log(
    `  1,000 simulations: ${full.toFixed(0)} ms, ${(full / baseline).toFixed(1)}× the baseline for 10× the simulations; target under 1,000 ms: ${full < 1000 ? 'met' : 'MISSED'}`,
  );
}
