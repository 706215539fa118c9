import * as fs from 'fs';
import * as path from 'path';
import { performance } from 'perf_hooks';
import { boundariesFromGeoJson, buildWardIndex, locateWardNaive, locateWards } from '../src/core/geo';
import { seededRandom } from '../src/core/random/seededRandom';
import type { GridPoint, WardBoundary } from '../src/core/types';

const POINT_COUNTS = [10_000, 100_000, 1_000_000];
/** The naive loop is timed on at most this many points and its rate extrapolated beyond. */
const NAIVE_SAMPLE_LIMIT = 100_000;
const SEED = 20240601;
/** The indexed engine is timed this many times per size; the median is reported. */
const INDEXED_REPEATS = 3;

/**
 * Ward assignment benchmark on the real 192 West Midlands wards (December 2022): seeded uniform
 * random points over the wards' bounding box, the indexed engine (buildWardIndex + locateWards)
 * against the naive loop (locateWardNaive: every ward, exact test, no boxes). Prints points per
 * second for each and the ratio; checks that both give the same ward for every naive-timed point.
 * The naive loop tests every ward for every point (the lowest-code boundary rule needs them all).
 */
export async function benchAssignWards(dataDir: string, log: (line: string) => void): Promise<void> {
  const file = path.join(dataDir, 'wm_wards_dec2022.geojson');
  if (!fs.existsSync(file)) {
    log(
      `assignWards: SKIPPED — ${file} not found (the real West Midlands wards are read from the shared data folder beside the repository).`,
    );
    return;
  }
  const imported = boundariesFromGeoJson(JSON.parse(fs.readFileSync(file, 'utf8')));
  const boundaries = imported.boundaries;
  const buildStart = performance.now();
  const index = buildWardIndex(boundaries);
  const buildMs = performance.now() - buildStart;
  const grid = index.grid;
  log(
    `assignWards: ${boundaries.length} wards, ${countVertices(boundaries)} vertices (${imported.crs} converted to BNG); ` +
      `index built in ${buildMs.toFixed(1)} ms` +
      (grid
        ? ` (grid ${grid.columns}×${grid.rows} cells of ${grid.cellSize.toFixed(0)} m, ${percent(countBoundaryCells(grid.cells), grid.cells.length)} touch an edge)`
        : ''),
  );
  if (index.extent === null) {
    log('assignWards: SKIPPED — the ward file has no usable polygons.');
    return;
  }

  // Warm both paths up so the JIT has compiled them before anything is timed.
  const warmUp = randomPoints(index.extent, 20_000, SEED + 1);
  locateWards(index, warmUp);
  for (const point of warmUp.slice(0, 2_000)) locateWardNaive(boundaries, point);

  for (const count of POINT_COUNTS) {
    const points = randomPoints(index.extent, count, SEED);
    // The indexed run is short, so one garbage collection or a busy neighbour can double it:
    // time it INDEXED_REPEATS times and keep the median.
    let indexed: (string | null)[] = [];
    const indexedTimes: number[] = [];
    for (let repeat = 0; repeat < INDEXED_REPEATS; repeat++) {
      const indexedStart = performance.now();
      indexed = locateWards(index, points);
      indexedTimes.push((performance.now() - indexedStart) / 1000);
    }
    indexedTimes.sort((a, b) => a - b);
    const indexedSeconds = indexedTimes[Math.floor(INDEXED_REPEATS / 2)];

    const sampleSize = Math.min(count, NAIVE_SAMPLE_LIMIT);
    const naive = new Array<string | null>(sampleSize);
    const naiveStart = performance.now();
    for (let i = 0; i < sampleSize; i++) naive[i] = locateWardNaive(boundaries, points[i]);
    const naiveSeconds = (performance.now() - naiveStart) / 1000;

    let disagreements = 0;
    let inWard = 0;
    for (let i = 0; i < sampleSize; i++) {
      if (naive[i] !== indexed[i]) disagreements++;
      if (indexed[i] !== null) inWard++;
    }
    const indexedRate = count / indexedSeconds;
    const naiveRate = sampleSize / naiveSeconds;
    const naiveNote =
      sampleSize < count
        ? ` (naive timed on the first ${formatCount(sampleSize)} points, rate extrapolated to ${formatCount(count)})`
        : '';
    log(
      `assignWards: ${formatCount(count)} points — indexed ${formatRate(indexedRate)} pts/s (median of ${INDEXED_REPEATS} runs, ${(indexedSeconds * 1000).toFixed(1)} ms), ` +
        `naive ${formatRate(naiveRate)} pts/s${naiveNote}; indexed/naive = ${(indexedRate / naiveRate).toFixed(0)}×; ` +
        `${percent(inWard, sampleSize)} of points in a ward; ${disagreements} disagreements between the two methods`,
    );
  }
}

function randomPoints(
  extent: { minEasting: number; minNorthing: number; maxEasting: number; maxNorthing: number },
  count: number,
  seed: number,
): GridPoint[] {
  const random = seededRandom(seed);
  const width = extent.maxEasting - extent.minEasting;
  const height = extent.maxNorthing - extent.minNorthing;
  const points = new Array<GridPoint>(count);
  for (let i = 0; i < count; i++)
    points[i] = { easting: extent.minEasting + random() * width, northing: extent.minNorthing + random() * height };
  return points;
}

function countVertices(boundaries: readonly WardBoundary[]): number {
  let vertices = 0;
  for (const boundary of boundaries)
    for (const polygon of boundary.polygons) for (const ring of polygon) vertices += ring.length;
  return vertices;
}

function countBoundaryCells(cells: Int32Array): number {
  let marked = 0;
  for (const cell of cells) if (cell === -2) marked++;
  return marked;
}

function percent(part: number, whole: number): string {
  return `${((100 * part) / Math.max(1, whole)).toFixed(1)}%`;
}

function formatCount(count: number): string {
  return count.toLocaleString('en-GB');
}

function formatRate(rate: number): string {
  return Math.round(rate).toLocaleString('en-GB');
}

if (require.main === module) {
  const dataDir = process.argv[2] ?? path.resolve(__dirname, '../../../shared/data');
  benchAssignWards(dataDir, (line) => console.log(line)).catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
