import type { SchoolChoice } from './schoolChoice';
import type { DemoSchool } from './syntheticSchools';

/** One row of the pupil residence sheet. */
export interface PupilResidenceRow {
  readonly urn: number;
  readonly wardCode: string;
  readonly pupils: number;
}

/**
 * Where one school's pupils live, by ward: flow_w = children_w · P(school | w) from the choice
 * model, scaled to the school's roll. The smallest wards of the tail are dropped (those under 0.2%
 * of the roll, and beyond the wards making up 97% of it), as a school's own extract would show the
 * few stragglers under "other"; the kept counts are rounded by largest remainder, so they add up
 * to round(roll × kept share) — about the roll.
 * @example roll 1,000, flows 60/30/10 over three wards: counts 600, 300, 100 (sum 1,000)
 */
export function schoolResidence(
  school: DemoSchool,
  schoolIndex: number,
  choice: SchoolChoice,
  wardCodes: readonly string[],
  children: readonly number[],
): PupilResidenceRow[] {
  const column = choice.schoolIndexes.indexOf(schoolIndex);
  const roll = school.pupils ?? 0;
  if (column < 0 || roll <= 0) return [];
  const flows = wardCodes.map((_, wardIndex) => children[wardIndex] * choice.probabilities[wardIndex][column]);
  const totalFlow = flows.reduce((sum, flow) => sum + flow, 0);
  if (!(totalFlow > 0)) return [];
  const ranked = flows
    .map((flow, wardIndex) => ({ wardIndex, share: flow / totalFlow }))
    .filter((entry) => entry.share >= 0.002)
    .sort((a, b) => b.share - a.share || a.wardIndex - b.wardIndex);
  const kept: typeof ranked = [];
  let cumulative = 0;
  for (const entry of ranked) {
    if (cumulative >= 0.97) break;
    kept.push(entry);
    cumulative += entry.share;
  }
  const target = Math.round(roll * cumulative);
  const exact = kept.map((entry) => roll * entry.share);
  const counts = exact.map(Math.floor);
  let remaining = target - counts.reduce((sum, count) => sum + count, 0);
  const byRemainder = exact
    .map((value, index) => ({ index, remainder: value - Math.floor(value) }))
    .sort((a, b) => b.remainder - a.remainder || a.index - b.index);
  for (let position = 0; remaining > 0 && position < byRemainder.length; position += 1, remaining -= 1)
    counts[byRemainder[position].index] += 1;
  return kept
    .map((entry, index) => ({ urn: school.urn, wardCode: wardCodes[entry.wardIndex], pupils: counts[index] }))
    .filter((row) => row.pupils > 0);
}
