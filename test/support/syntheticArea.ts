import type { CatchmentShares } from '../../src/core/catchment';

/** A reproducible synthetic area: `wardCount` wards, `schoolCount` schools each drawing from `perSchool` wards. */
export function syntheticArea(schoolCount: number, wardCount: number, perSchool: number, seed: number) {
  let state = seed;
  const random = () => (state = (state * 48271) % 2147483647) / 2147483647;
  const wardCounts = Array.from({ length: wardCount }, (_, w) => {
    const youngPopulation = 800 + Math.floor(random() * 2000);
    return {
      wardCode: `W${String(w).padStart(4, '0')}`,
      youngPopulation,
      count: Math.floor((youngPopulation * (2 + random() * 20)) / 1000),
    };
  });
  const schools = Array.from({ length: schoolCount }, (_, s) => ({
    urn: String(100000 + s),
    pupils: 500 + Math.floor(random() * 1000),
  }));
  const shares = new Map<string, CatchmentShares>();
  for (const school of schools) {
    const start = Math.floor(random() * wardCount);
    const raw = Array.from({ length: perSchool }, () => random());
    const total = raw.reduce((a, b) => a + b, 0);
    shares.set(school.urn, {
      urn: school.urn,
      model: 'distanceDecay',
      coverage: 1,
      shares: raw.map((value, k) => ({
        wardCode: wardCounts[(start + k) % wardCount].wardCode,
        share: value / total,
        pupils: 0,
      })),
    });
  }
  return { wardCounts, schools, shares };
}
