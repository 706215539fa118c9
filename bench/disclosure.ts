import { performance } from 'perf_hooks';
import {
  disclosureRules,
  loadHighsSolver,
  mergeLinkedTables,
  protectTables,
  standaloneCount,
  type LinearSolver,
  type LinkedTables,
  type TableProtection,
} from '../src/core/disclosure';
import { placementBounds, publishedTables, runAnalysis, type WardCounts } from '../src/core/pipeline';
import { poissonSample, seededRandom } from '../src/core/random';
import { DEFAULT_PARAMETERS, type SchoolPhase } from '../src/core/types';
import { generateDemo } from '../src/demo';

const ALL_PHASES: readonly SchoolPhase[] = ['primary', 'secondary', 'allThrough', 'special', 'alternativeProvision'];

function medianOfThree(run: () => TableProtection): { seconds: number; protection: TableProtection } {
  let protection: TableProtection | undefined;
  const times: number[] = [];
  for (let i = 0; i < 3; i += 1) {
    const start = performance.now();
    protection = run();
    times.push((performance.now() - start) / 1000);
  }
  return { seconds: times.sort((a, b) => a - b)[1], protection: protection! };
}

/**
 * The linked tables of a demo run: its wards, districts and area for both measures, and every
 * school's attending count by phase, with the bounds the Method sheet's placement figures put on
 * them (as runAnalysis builds them).
 */
function demoTables(offences: number, solver: LinearSolver, rules = disclosureRules(DEFAULT_PARAMETERS)): LinkedTables {
  const demo = generateDemo({ seed: 2024, offences });
  const outcome = runAnalysis(
    { workbook: demo.workbook, boundaries: { geojson: demo.boundariesGeoJson, source: 'demo' }, solver },
    { ...DEFAULT_PARAMETERS, phases: ALL_PHASES, simulations: 20 },
  );
  if (!outcome.ok) throw new Error(outcome.problems.map((p) => p.message).join('\n'));
  const { wards, schools, placement } = outcome.result;
  const wardCounts: WardCounts[] = wards.map((w) => ({
    wardCode: w.wardCode,
    wardName: w.wardName,
    districtKey: w.districtCode || w.districtName,
    districtName: w.districtName,
    offences: w.offences.count,
    youngOffenders: w.youngOffenders.count,
  }));
  return mergeLinkedTables(
    publishedTables(
      wardCounts,
      schools.map((s) => ({ urn: s.urn, name: s.name, phase: s.phase, attending: s.offendersAttendingCount })),
    ),
    {
      cells: [],
      relations: [],
      bounds: placementBounds(
        placement,
        schools.map((s) => s.urn),
        standaloneCount(placement.distinctYoungOffenders, rules).range,
      ),
    },
  );
}

/**
 * A synthetic region of `wardCount` wards in `districts` districts of uneven size (a few with only
 * two or three wards, so some district totals are small too): each ward's two counts drawn from a
 * Poisson distribution whose mean is log-uniform from 0.3 to 100 (seeded), so about a fifth of the
 * counts are small and most of those sit among larger ones, as in a real region.
 */
function syntheticTables(wardCount: number, districts: number): LinkedTables {
  const random = seededRandom(2000);
  const smallDistricts = Math.floor(districts / 4);
  const districtOf = (i: number): number =>
    i < 3 * smallDistricts
      ? Math.floor(i / 3)
      : smallDistricts + ((i - 3 * smallDistricts) % (districts - smallDistricts));
  const wards: WardCounts[] = Array.from({ length: wardCount }, (_, i) => {
    const mean = Math.exp(Math.log(0.3) + random() * Math.log(100 / 0.3));
    const district = districtOf(i);
    return {
      wardCode: `E0599${String(i).padStart(4, '0')}`,
      wardName: `Ward ${i + 1}`,
      districtKey: `D${district}`,
      districtName: `District ${district + 1}`,
      offences: poissonSample(mean, random),
      youngOffenders: poissonSample(mean / 2, random),
    };
  });
  return publishedTables(wards, []);
}

function report(
  log: (line: string) => void,
  name: string,
  seconds: number,
  budget: number,
  protection: TableProtection,
): void {
  const audit = protection.audit;
  log(
    `${name}: ${protection.cells.toLocaleString('en-GB')} counts, ${protection.primary} primary + ${protection.secondary} secondary withheld; ` +
      `${audit ? `${audit.cellsChecked} checked in ${audit.components} groups (largest ${audit.largestComponent}), ${protection.programmesSolved} linear programmes` : 'nothing to audit'}; ` +
      `${seconds.toFixed(2)} s (median of 3)`,
  );
  log(
    `${name} against the ${budget} s budget: ${(seconds / budget).toFixed(2)} of the budget — ${seconds < budget ? 'MEETS' : 'MISSES'} the target`,
  );
}

/**
 * Secondary suppression plus the attacker's audit (protectTables, HiGHS loaded once beforehand):
 * on the demo's linked tables (190 wards, 7 districts, 400 schools of every phase) with the bounds
 * of its placement figures, at the demo's default 20,000 offences and at a sparse 1,500 where most
 * counts are small (and at 1,500 rounded to 5), against a 2 s budget;
 * and on a synthetic 2,000-ward table, without and with rounding to 5, against 20 s. Table building
 * is not timed.
 */
export async function benchDisclosure(log: (line: string) => void): Promise<void> {
  const solver = await loadHighsSolver();
  const rules = disclosureRules(DEFAULT_PARAMETERS);
  const protect = (tables: LinkedTables) => (): TableProtection => {
    const outcome = protectTables(tables, rules, solver);
    if (!outcome.ok) throw new Error(outcome.problems.join('\n'));
    return outcome.protection;
  };
  for (const offences of [20000, 1500]) {
    const tables = demoTables(offences, solver);
    const { seconds, protection } = medianOfThree(protect(tables));
    report(log, `disclosure, demo at ${offences.toLocaleString('en-GB')} offences`, seconds, 2, protection);
  }
  // With rounding, the bounds from the Method sheet's placement figures meet the rounding ranges
  // of the area totals: the demo's whole tables become linked groups the audit must solve.
  const roundedRules = disclosureRules({ ...DEFAULT_PARAMETERS, roundingBase: 5 });
  const roundedDemo = demoTables(1500, solver, roundedRules);
  const roundedDemoRun = medianOfThree(() => {
    const outcome = protectTables(roundedDemo, roundedRules, solver);
    if (!outcome.ok) throw new Error(outcome.problems.join('\n'));
    return outcome.protection;
  });
  report(log, 'disclosure, demo at 1,500 offences rounded to 5', roundedDemoRun.seconds, 2, roundedDemoRun.protection);
  const large = syntheticTables(2000, 40);
  const { seconds, protection } = medianOfThree(protect(large));
  report(log, 'disclosure, synthetic 2,000 wards', seconds, 20, protection);
  // Rounding makes every shown count an unknown within its rounding range, so each measure's whole
  // table becomes one linked group: the hardest case for the audit.
  const rounded = disclosureRules({ ...DEFAULT_PARAMETERS, roundingBase: 5 });
  const roundedRun = medianOfThree(() => {
    const outcome = protectTables(large, rounded, solver);
    if (!outcome.ok) throw new Error(outcome.problems.join('\n'));
    return outcome.protection;
  });
  report(log, 'disclosure, synthetic 2,000 wards rounded to 5', roundedRun.seconds, 20, roundedRun.protection);
}
