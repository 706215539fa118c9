import type { DemoRandom } from './demoRandom';
import type { Point } from './planarGeometry';

export interface BlueNoiseOptions {
  /** Candidates tried per accepted point (Mitchell's k). Default 12. */
  readonly candidates?: number;
  /** Points already placed, which new points keep away from. */
  readonly existing?: readonly Point[];
  /**
   * Stop early once the best candidate scores below this (used to fill a margin only as densely as
   * the interior). Default 0: place exactly `count` points.
   */
  readonly minimumScore?: number;
}

/**
 * Mitchell's best-candidate sampling with a density: each new point is the best of k candidates
 * drawn by `drawCandidate`, scoring distance-to-nearest-point × √density, so local spacing falls as
 * 1/√density (dense urban cores get small wards, the fringe large ones) without the clumps of plain
 * random points. Mitchell, "Spectrally optimal sampling for distribution ray tracing", SIGGRAPH 1991.
 * O(count × k × n) with n points so far — fine for a few hundred.
 */
export function blueNoiseSeeds(
  count: number,
  drawCandidate: (random: DemoRandom) => Point,
  density: (point: Point) => number,
  random: DemoRandom,
  options: BlueNoiseOptions = {},
): { readonly points: Point[]; readonly scores: number[] } {
  const candidates = options.candidates ?? 12;
  const minimumScore = options.minimumScore ?? 0;
  const placed: Point[] = [...(options.existing ?? [])];
  const points: Point[] = [];
  const scores: number[] = [];
  for (let made = 0; made < count; made += 1) {
    let best: Point | null = null;
    let bestScore = -1;
    for (let attempt = 0; attempt < candidates; attempt += 1) {
      const candidate = drawCandidate(random);
      let nearestSquared = Infinity;
      for (const point of placed) {
        const dx = point[0] - candidate[0];
        const dy = point[1] - candidate[1];
        const squared = dx * dx + dy * dy;
        if (squared < nearestSquared) nearestSquared = squared;
      }
      const score = placed.length === 0 ? Infinity : Math.sqrt(nearestSquared * density(candidate));
      if (score > bestScore) {
        bestScore = score;
        best = candidate;
      }
    }
    if (best === null || bestScore < minimumScore) break;
    placed.push(best);
    points.push(best);
    scores.push(bestScore);
  }
  return { points, scores };
}
