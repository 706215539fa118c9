import type { DemoWard } from './demoGeography';
import { createWeightedSampler, type DemoRandom } from './demoRandom';
import type { DemoSchool } from './syntheticSchools';

/** Distance-decay scale of school choice (metres): a school 2 km further away is e-times less likely. */
export const CHOICE_DECAY_METRES = 2000;

/** Which school (of one group) children from each ward attend, as probabilities. */
export interface SchoolChoice {
  /** Indexes into the schools list of the group's open schools. */
  readonly schoolIndexes: readonly number[];
  /** probabilities[w][j]: chance a child from ward w attends schoolIndexes[j]; each row sums to 1. */
  readonly probabilities: readonly (readonly number[])[];
  /** Draws a school index (into the schools list) for a child of ward w. */
  readonly draw: (wardIndex: number, random: DemoRandom) => number;
}

/**
 * Huff's gravity model of school choice: P(s | w) = size_s · exp(−d_ws / λ) / Σ_s' size_s' · exp(−d_ws' / λ),
 * with d from the ward centroid to the school and λ = 2 km; open schools of the given kinds only.
 * Huff, "Defining and estimating a trading area", Journal of Marketing 28(3), 1964.
 * @example two schools of 1,000 pupils at 1 km and 3 km: P = e^-0.5 / (e^-0.5 + e^-1.5) ≈ 0.731 for the nearer
 */
export function schoolChoice(
  wards: readonly DemoWard[],
  schools: readonly DemoSchool[],
  kinds: readonly DemoSchool['kind'][],
): SchoolChoice {
  const schoolIndexes = schools
    .map((school, index) => ({ school, index }))
    .filter(({ school }) => kinds.includes(school.kind) && school.status !== 'Closed' && (school.pupils ?? 0) > 0)
    .map(({ index }) => index);
  const probabilities = wards.map((ward) => {
    const weights = schoolIndexes.map((index) => {
      const school = schools[index];
      const distance = Math.hypot(ward.centroid[0] - school.location[0], ward.centroid[1] - school.location[1]);
      return (school.pupils ?? 0) * Math.exp(-distance / CHOICE_DECAY_METRES);
    });
    const total = weights.reduce((sum, weight) => sum + weight, 0);
    return total > 0 ? weights.map((weight) => weight / total) : weights.map(() => 1 / Math.max(1, weights.length));
  });
  const samplers = probabilities.map((row) =>
    row.length > 0 ? createWeightedSampler(row.map((value) => value + 1e-12)) : null,
  );
  return {
    schoolIndexes,
    probabilities,
    draw: (wardIndex, random) => {
      const sampler = samplers[wardIndex];
      if (!sampler) return -1;
      return schoolIndexes[sampler(random)];
    },
  };
}
