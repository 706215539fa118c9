import {
  createDemoRandom,
  createWeightedSampler,
  excelSerial,
  hashString,
  isSimpleRing,
  pointInPolygon,
  pointInRing,
  ringSignedArea,
  voronoiCell,
} from '../../src/demo';
import { parseCsv } from '../../src/demo/node';

describe('demo random numbers', () => {
  it('hash labels with 32-bit FNV-1a (published test vectors)', () => {
    // FNV-1a 32: offset basis 2166136261 for '', 0xe40c292c for 'a' (Fowler/Noll/Vo test suite).
    expect(hashString('')).toBe(2166136261);
    expect(hashString('a')).toBe(0xe40c292c);
  });

  it('match the published mulberry32 reference implementation (bryc, PRNGs for JavaScript)', () => {
    function reference(a: number): () => number {
      return () => {
        let t = (a += 0x6d2b79f5);
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
      };
    }
    for (const seed of [1, 2024, 123456789]) {
      const ours = createDemoRandom(seed);
      const theirs = reference(seed);
      for (let i = 0; i < 50; i += 1) expect(ours.next()).toBe(theirs());
    }
  });

  it('repeat the same sequence for the same seed and differ for another seed', () => {
    const first = createDemoRandom(42);
    const second = createDemoRandom(42);
    const other = createDemoRandom(43);
    const a = Array.from({ length: 20 }, () => first.next());
    expect(Array.from({ length: 20 }, () => second.next())).toEqual(a);
    expect(Array.from({ length: 20 }, () => other.next())).not.toEqual(a);
  });

  it('gives forks that do not depend on how much the parent has drawn', () => {
    const early = createDemoRandom(5).fork('schools').next();
    const parent = createDemoRandom(5);
    for (let i = 0; i < 100; i += 1) parent.next();
    expect(parent.fork('schools').next()).toBe(early);
    expect(createDemoRandom(5).fork('offences').next()).not.toBe(early);
  });

  it('draws uniformly: 10,000 draws have mean ≈ 1/2 and variance ≈ 1/12', () => {
    const random = createDemoRandom(1);
    const draws = Array.from({ length: 10000 }, () => random.next());
    const mean = draws.reduce((sum, value) => sum + value, 0) / draws.length;
    const variance = draws.reduce((sum, value) => sum + (value - mean) ** 2, 0) / draws.length;
    // Standard error of the mean: sqrt(1/12 / 10000) ≈ 0.0029.
    expect(Math.abs(mean - 0.5)).toBeLessThan(0.012);
    expect(Math.abs(variance - 1 / 12)).toBeLessThan(0.005);
    expect(Math.min(...draws)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...draws)).toBeLessThan(1);
  });

  it('samples indexes in proportion to weights', () => {
    const random = createDemoRandom(3);
    const sample = createWeightedSampler([1, 0, 3]);
    const counts = [0, 0, 0];
    for (let i = 0; i < 8000; i += 1) counts[sample(random)] += 1;
    // Expected 2,000 / 0 / 6,000; binomial sd ≈ 39.
    expect(counts[1]).toBe(0);
    expect(Math.abs(counts[0] - 2000)).toBeLessThan(200);
    expect(Math.abs(counts[2] - 6000)).toBeLessThan(200);
  });
});

describe('demo planar geometry', () => {
  const square = [
    [0, 0],
    [4, 0],
    [4, 4],
    [0, 4],
  ] as const;
  const hole = [
    [1, 1],
    [1, 3],
    [3, 3],
    [3, 1],
  ] as const;

  it('computes signed areas by the shoelace formula', () => {
    expect(ringSignedArea(square)).toBe(16);
    expect(ringSignedArea([...square].reverse())).toBe(-16);
    expect(ringSignedArea([...square, [0, 0]])).toBe(16);
  });

  it('tests points against rings and holes by even-odd crossings', () => {
    expect(pointInRing(2, 2, square)).toBe(true);
    expect(pointInRing(5, 2, square)).toBe(false);
    expect(pointInPolygon(2, 2, [square, hole])).toBe(false);
    expect(pointInPolygon(0.5, 2, [square, hole])).toBe(true);
  });

  it('tells a simple ring from a bow tie', () => {
    expect(isSimpleRing(square)).toBe(true);
    expect(
      isSimpleRing([
        [0, 0],
        [2, 2],
        [2, 0],
        [0, 2],
      ]),
    ).toBe(false);
  });

  it('cuts a Voronoi cell at the perpendicular bisector between seeds', () => {
    // Seeds at (0,0) and (2,0): the bisector is x = 1, so the first cell is the box's left part.
    const cell = voronoiCell(
      0,
      [
        [0, 0],
        [2, 0],
      ],
      { minX: -1, minY: -1, maxX: 3, maxY: 1 },
    );
    expect(ringSignedArea(cell)).toBeCloseTo(4, 9); // 2 wide × 2 high
    expect(Math.max(...cell.map((point) => point[0]))).toBeCloseTo(1, 9);
    // Three seeds: the middle one's cell is the strip 1 < x < 3.
    const middle = voronoiCell(
      1,
      [
        [0, 0],
        [2, 0],
        [4, 0],
      ],
      { minX: -1, minY: -1, maxX: 5, maxY: 1 },
    );
    expect(ringSignedArea(middle)).toBeCloseTo(4, 9);
  });

  it('converts dates to Excel serial numbers', () => {
    // 1 January 2023 is serial 44927; 1 April 2023 is 90 days later.
    expect(excelSerial(new Date(Date.UTC(2023, 0, 1)))).toBe(44927);
    expect(excelSerial(new Date(Date.UTC(2023, 3, 1)))).toBe(44927 + 31 + 28 + 31);
  });
});

describe('reading the real population CSV', () => {
  it('drops a byte order mark, honours quotes and keeps codes as text', () => {
    const rows = parseCsv(
      '\uFEFFWD22CD,WD22NM,total_population\r\nE05000001,"Netherton, Woodside",123\nE05000002,Plain,4\n',
    );
    expect(rows).toEqual([
      { WD22CD: 'E05000001', WD22NM: 'Netherton, Woodside', total_population: 123 },
      { WD22CD: 'E05000002', WD22NM: 'Plain', total_population: 4 },
    ]);
  });
});
