import * as fs from 'fs';
import * as path from 'path';
import {
  catchmentShares,
  distanceDecayShares,
  gridDistance,
  observedShares,
  type CatchmentShares,
} from '../../src/core/catchment';
import type { PupilResidenceRecord } from '../../src/core/types';
import { deepFreeze } from '../support/deepFreeze';

function shareOf(catchment: CatchmentShares | undefined, wardCode: string): number {
  return catchment?.shares.find((entry) => entry.wardCode === wardCode)?.share ?? 0;
}

function shareSum(catchment: CatchmentShares): number {
  return catchment.shares.reduce((sum, entry) => sum + entry.share, 0);
}

const residence: readonly PupilResidenceRecord[] = deepFreeze([
  { sourceRow: 2, urn: '100001', wardCode: 'E05000002', pupils: 30 },
  { sourceRow: 3, urn: '100001', wardCode: 'E05000001', pupils: 10 },
  { sourceRow: 4, urn: '100001', wardCode: 'E05000002', pupils: 10 }, // same school and ward again: added
  { sourceRow: 5, urn: '100002', wardCode: 'E05000003', pupils: 15 },
  { sourceRow: 6, urn: '100002', wardCode: 'E05000001', pupils: 5 },
  { sourceRow: 7, urn: '100002', wardCode: 'E05000002', pupils: 0 }, // no pupils: ignored
  { sourceRow: 8, urn: '999999', wardCode: 'E05000001', pupils: 7 }, // not a listed school: ignored
]);

describe('observedShares', () => {
  const schools = deepFreeze([
    { urn: '100001', pupils: 100 },
    { urn: '100002', pupils: 40 },
    { urn: '100003', pupils: 60 },
  ]);
  const shares = observedShares(residence, schools);

  it('divides each ward’s pupils by the school’s recorded pupils', () => {
    // School 100001: ward 2 has 30 + 10 = 40, ward 1 has 10; recorded 50: shares 0.8 and 0.2
    const first = shares.get('100001')!;
    expect(first.model).toBe('observed');
    expect(first.shares).toEqual([
      { wardCode: 'E05000001', share: 0.2, pupils: 10 },
      { wardCode: 'E05000002', share: 0.8, pupils: 40 },
    ]);
    // School 100002: 5 and 15 of 20: 0.25 and 0.75 (the 0-pupil row adds nothing)
    expect(shares.get('100002')!.shares).toEqual([
      { wardCode: 'E05000001', share: 0.25, pupils: 5 },
      { wardCode: 'E05000003', share: 0.75, pupils: 15 },
    ]);
  });

  it('reports coverage as recorded pupils over pupils on roll', () => {
    expect(shares.get('100001')!.coverage).toBe(0.5); // 50 / 100
    expect(shares.get('100002')!.coverage).toBe(0.5); // 20 / 40
  });

  it('gives a school without residence rows no shares and coverage 0', () => {
    expect(shares.get('100003')).toEqual({ urn: '100003', model: 'observed', shares: [], coverage: 0 });
  });

  it('ignores rows for schools that are not listed', () => {
    expect(shares.has('999999')).toBe(false);
  });
});

// Two schools and three wards on a line (λ = 1 km):
//   school 1 at 0 m with 100 pupils, school 2 at 2,000 m with 300 pupils;
//   ward A at 0 m (100 young residents), ward B at 1,000 m (200), ward C at 2,000 m (50).
const lineSchools = deepFreeze([
  { urn: 'S1', pupils: 100, location: { easting: 400000, northing: 280000 } },
  { urn: 'S2', pupils: 300, location: { easting: 402000, northing: 280000 } },
]);
const lineWards = deepFreeze([
  { wardCode: 'C', youngPopulation: 50, location: { easting: 402000, northing: 280000 } },
  { wardCode: 'A', youngPopulation: 100, location: { easting: 400000, northing: 280000 } },
  { wardCode: 'B', youngPopulation: 200, location: { easting: 401000, northing: 280000 } },
]);

describe('distanceDecayShares (Huff model)', () => {
  it('allocates each ward’s children in proportion to pupils × e^(−d/λ) and normalises per school', () => {
    // e^-1 = 0.367879, e^-2 = 0.135335
    // A: S1 weight 100, S2 weight 300 e^-2 = 40.6006 -> S1 100 × 100/140.6006 = 71.1235, S2 28.8765
    // B: both at 1 km, weights 100 e^-1 : 300 e^-1 = 1 : 3 -> S1 50, S2 150
    // C: S1 weight 100 e^-2 = 13.5335, S2 300 -> S1 50 × 13.5335/313.5335 = 2.1582, S2 47.8418
    // S1 total 123.2817: A 0.576918, B 0.405575, C 0.017507
    // S2 total 226.7183: A 0.127367, B 0.661614, C 0.211018
    const shares = distanceDecayShares(lineSchools, lineWards, { decayMetres: 1000, minShare: 0 });
    const s1 = shares.get('S1')!;
    const s2 = shares.get('S2')!;
    expect(s1.model).toBe('distanceDecay');
    expect(shareOf(s1, 'A')).toBeCloseTo(0.576918, 5);
    expect(shareOf(s1, 'B')).toBeCloseTo(0.405575, 5);
    expect(shareOf(s1, 'C')).toBeCloseTo(0.017507, 5);
    expect(shareOf(s2, 'A')).toBeCloseTo(0.127367, 5);
    expect(shareOf(s2, 'B')).toBeCloseTo(0.661614, 5);
    expect(shareOf(s2, 'C')).toBeCloseTo(0.211018, 5);
    expect(s1.coverage).toBe(1);
    // modelled pupils = share × pupils on roll
    expect(s2.shares.find((entry) => entry.wardCode === 'B')!.pupils).toBeCloseTo(0.661614 * 300, 3);
  });

  it('lists shares in ward-code order and sums them to 1', () => {
    const shares = distanceDecayShares(lineSchools, lineWards);
    for (const catchment of shares.values()) {
      expect(catchment.shares.map((entry) => entry.wardCode)).toEqual(['A', 'B', 'C']);
      expect(shareSum(catchment)).toBeCloseTo(1, 12);
    }
  });

  it('allocates nothing beyond the cut-off', () => {
    // Cut-off 1,500 m: A only reaches S1 (100), C only S2 (50), B splits 50 / 150 as before.
    // S1: A 100, B 50 -> 2/3, 1/3.  S2: B 150, C 50 -> 3/4, 1/4.
    const shares = distanceDecayShares(lineSchools, lineWards, { decayMetres: 1000, cutoffMetres: 1500 });
    expect(shares.get('S1')!.shares.map((entry) => [entry.wardCode, entry.share])).toEqual([
      ['A', expect.closeTo(2 / 3, 12)],
      ['B', expect.closeTo(1 / 3, 12)],
    ]);
    expect(shares.get('S2')!.shares.map((entry) => [entry.wardCode, entry.share])).toEqual([
      ['B', expect.closeTo(0.75, 12)],
      ['C', expect.closeTo(0.25, 12)],
    ]);
  });

  it('gives a school with no ward in reach no shares and coverage 0', () => {
    const farSchool = { urn: 'FAR', pupils: 500, location: { easting: 500000, northing: 280000 } };
    const shares = distanceDecayShares([...lineSchools, farSchool], lineWards, { cutoffMetres: 10000 });
    expect(shares.get('FAR')).toEqual({ urn: 'FAR', model: 'distanceDecay', shares: [], coverage: 0 });
  });

  it('stays finite for a ward hundreds of kilometres from every school (no underflow)', () => {
    // e^(−600 km / 1 km) underflows to 0; weights relative to the nearest school do not.
    const farWard = { wardCode: 'Z', youngPopulation: 10, location: { easting: 400000, northing: 880000 } };
    const shares = distanceDecayShares(lineSchools, [...lineWards, farWard], { decayMetres: 1000, minShare: 0 });
    for (const catchment of shares.values()) {
      expect(catchment.shares.every((entry) => Number.isFinite(entry.share))).toBe(true);
      expect(shareSum(catchment)).toBeCloseTo(1, 12);
    }
    // Z is (almost) equidistant: split 1 : 3 by pupils, so S1 gets 2.5 of its 10 children.
    expect(shareOf(shares.get('S1'), 'Z')).toBeGreaterThan(0);
  });

  it('shares every pupil of 400 schools among 2,000 wards (its time is measured by npm run bench)', () => {
    const random = mulberry(7);
    const schools = Array.from({ length: 400 }, (_, index) => ({
      urn: String(100000 + index),
      pupils: 600 + Math.floor(random() * 1200),
      location: { easting: 390000 + random() * 50000, northing: 270000 + random() * 40000 },
    }));
    const wards = Array.from({ length: 2000 }, (_, index) => ({
      wardCode: `E05${String(index).padStart(6, '0')}`,
      youngPopulation: 300 + Math.floor(random() * 2000),
      location: { easting: 390000 + random() * 50000, northing: 270000 + random() * 40000 },
    }));
    const shares = distanceDecayShares(schools, wards);
    expect(shares.size).toBe(400);
    for (const catchment of shares.values()) expect(shareSum(catchment)).toBeCloseTo(1, 9);
  });
});

describe('catchmentShares', () => {
  const partialResidence = deepFreeze([
    { sourceRow: 2, urn: 'S1', wardCode: 'A', pupils: 60 },
    { sourceRow: 3, urn: 'S1', wardCode: 'B', pupils: 20 },
  ]);

  it('uses observed shares for schools with residence rows and the model for the rest', () => {
    const shares = catchmentShares(
      { schools: lineSchools, wards: lineWards, residence: partialResidence },
      { decayMetres: 1000, minShare: 0 },
    );
    const s1 = shares.get('S1')!;
    const s2 = shares.get('S2')!;
    expect(s1.model).toBe('observed');
    expect(s1.shares.map((entry) => entry.share)).toEqual([0.75, 0.25]); // 60 / 80, 20 / 80
    expect(s1.coverage).toBe(0.8); // 80 / 100
    // S2 is modelled with S1 still competing: the same as the all-model shares worked above.
    expect(s2.model).toBe('distanceDecay');
    expect(shareOf(s2, 'B')).toBeCloseTo(0.661614, 5);
  });

  it('models every school when no residence sheet is given', () => {
    const shares = catchmentShares({ schools: lineSchools, wards: lineWards });
    expect([...shares.values()].map((catchment) => catchment.model)).toEqual(['distanceDecay', 'distanceDecay']);
  });

  it('can be forced to one model', () => {
    const observedOnly = catchmentShares(
      { schools: lineSchools, wards: lineWards, residence: partialResidence },
      { model: 'observed' },
    );
    expect(observedOnly.get('S2')!.shares).toEqual([]);
    const modelledOnly = catchmentShares(
      { schools: lineSchools, wards: lineWards, residence: partialResidence },
      { model: 'distanceDecay' },
    );
    expect(modelledOnly.get('S1')!.model).toBe('distanceDecay');
  });
});

describe('gridDistance', () => {
  it('is the planar distance in metres', () => {
    expect(gridDistance({ easting: 0, northing: 0 }, { easting: 3000, northing: 4000 })).toBe(5000);
  });
});

/** A local copy of mulberry32 so that this test's fixtures do not depend on the code under test elsewhere. */
function mulberry(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), state | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const dataDir = path.resolve(__dirname, '../../../shared/data');
const wardsFile = path.join(dataDir, 'bsol_wards_2018_bng.geojson');
const describeIfData = fs.existsSync(wardsFile) ? describe : describe.skip;
if (!fs.existsSync(wardsFile)) console.warn(`Skipping real-geography catchment test: ${wardsFile} not found.`);

describeIfData('distanceDecayShares on real Birmingham and Solihull ward geography (synthetic schools)', () => {
  it('gives each school its largest share in a nearby ward', () => {
    type Geometry = { type: string; coordinates: unknown };
    const collection = JSON.parse(fs.readFileSync(wardsFile, 'utf8')) as {
      features: { properties: Record<string, unknown>; geometry: Geometry }[];
    };
    // A ward's point: the mean of its outer-ring vertices (good enough for a test of the model's behaviour).
    const wards = collection.features.map((feature) => {
      const polygons = (
        feature.geometry.type === 'Polygon' ? [feature.geometry.coordinates] : feature.geometry.coordinates
      ) as number[][][][];
      let east = 0;
      let north = 0;
      let n = 0;
      for (const polygon of polygons)
        for (const [x, y] of polygon[0]) {
          east += x;
          north += y;
          n++;
        }
      return {
        wardCode: String(feature.properties.WardCode),
        youngPopulation: 1500,
        location: { easting: east / n, northing: north / n },
      };
    });
    expect(wards.length).toBe(86);
    // Synthetic schools: one at each of 40 ward points, 1,000 pupils each.
    const schools = wards
      .slice(0, 40)
      .map((ward, index) => ({ urn: `SYN${index}`, pupils: 1000, location: ward.location, home: ward.wardCode }));
    const shares = distanceDecayShares(schools, wards);
    const positions = new Map(wards.map((ward) => [ward.wardCode, ward.location]));
    for (const school of schools) {
      const catchment = shares.get(school.urn)!;
      expect(shareSum(catchment)).toBeCloseTo(1, 9);
      const top = catchment.shares.reduce((best, entry) => (entry.share > best.share ? entry : best));
      expect(gridDistance(positions.get(top.wardCode)!, school.location)).toBeLessThan(4000);
    }
  });
});
