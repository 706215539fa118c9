import type { WardBoundary } from '../../src/core/types';
import { DEMO_SHEET_NAMES, WARD_VERTEX_HEADERS, generateDemo, type DemoData } from '../../src/demo';
import { boxesOf, insideWard, lcg, sheetNamed, shoelace, wardsHolding } from './demoTestHelpers';

/** True when two closed segments cross or touch (orientation test). */
function segmentsMeet(a: readonly number[], b: readonly number[], c: readonly number[], d: readonly number[]): boolean {
  const cross = (p: readonly number[], q: readonly number[], r: readonly number[]) =>
    (q[0] - p[0]) * (r[1] - p[1]) - (q[1] - p[1]) * (r[0] - p[0]);
  const d1 = cross(c, d, a);
  const d2 = cross(c, d, b);
  const d3 = cross(a, b, c);
  const d4 = cross(a, b, d);
  return ((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0));
}

function ringSelfCrosses(ring: readonly (readonly [number, number])[]): boolean {
  const edges = ring.length - 1;
  for (let i = 0; i < edges; i += 1) {
    for (let j = i + 2; j < edges; j += 1) {
      if (i === 0 && j === edges - 1) continue;
      if (segmentsMeet(ring[i], ring[i + 1], ring[j], ring[j + 1])) return true;
    }
  }
  return false;
}

describe.each([2024, 99])('synthetic ward geometry (seed %i)', (seed) => {
  let demo: DemoData;
  let wards: readonly WardBoundary[];
  beforeAll(() => {
    demo = generateDemo({ seed, offences: 2000 });
    wards = demo.truth.wards.boundaries;
  });

  it('has closed, simple rings: outers anticlockwise with positive area, holes clockwise', () => {
    for (const ward of wards) {
      for (const polygon of ward.polygons) {
        polygon.forEach((ring, index) => {
          expect(ring.length).toBeGreaterThanOrEqual(4);
          expect(ring[0]).toEqual(ring[ring.length - 1]);
          const area = shoelace(ring);
          if (index === 0) expect(area).toBeGreaterThan(10000);
          else expect(area).toBeLessThan(0);
          expect(ringSelfCrosses(ring)).toBe(false);
        });
      }
    }
  });

  it('covers a West-Midlands-sized box in British National Grid', () => {
    const boxes = boxesOf(wards);
    const minX = Math.min(...boxes.map((box) => box[0]));
    const minY = Math.min(...boxes.map((box) => box[1]));
    const maxX = Math.max(...boxes.map((box) => box[2]));
    const maxY = Math.max(...boxes.map((box) => box[3]));
    expect(minX).toBeGreaterThan(370000);
    expect(maxX).toBeLessThan(455000);
    expect(minY).toBeGreaterThan(250000);
    expect(maxY).toBeLessThan(320000);
    expect(maxX - minX).toBeGreaterThan(40000);
    expect(maxY - minY).toBeGreaterThan(25000);
  });

  it('tiles without overlap: no sampled point lies in two wards, and no gap splits the area', () => {
    const boxes = boxesOf(wards);
    const minX = Math.min(...boxes.map((box) => box[0]));
    const minY = Math.min(...boxes.map((box) => box[1]));
    const maxX = Math.max(...boxes.map((box) => box[2]));
    const maxY = Math.max(...boxes.map((box) => box[3]));
    const random = lcg(seed);
    let inside = 0;
    const samples = 4000;
    for (let sample = 0; sample < samples; sample += 1) {
      const x = minX + random() * (maxX - minX);
      const y = minY + random() * (maxY - minY);
      const holding = wardsHolding(x, y, wards, boxes);
      expect(holding.length).toBeLessThanOrEqual(1);
      if (holding.length === 1) inside += 1;
    }
    // The sum of ward areas over the box area should match the share of sampled points inside some ward.
    const totalArea = wards.reduce(
      (sum, ward) =>
        sum + ward.polygons.reduce((part, polygon) => part + polygon.reduce((acc, ring) => acc + shoelace(ring), 0), 0),
      0,
    );
    const share = totalArea / ((maxX - minX) * (maxY - minY));
    expect(Math.abs(inside / samples - share)).toBeLessThan(0.03);
    // Points along a line through the middle hit wards all the way across: no gaps between neighbours.
    const middleY = (minY + maxY) / 2;
    let holes = 0;
    let lastInside = -1;
    let firstInside = -1;
    for (let x = minX; x <= maxX; x += 50) {
      if (wardsHolding(x, middleY, wards, boxes).length === 1) {
        if (firstInside < 0) firstInside = x;
        lastInside = x;
      }
    }
    for (let x = firstInside; x <= lastInside; x += 50)
      if (wardsHolding(x, middleY, wards, boxes).length === 0) holes += 1;
    expect(holes).toBeLessThan(5);
  });

  it('has an enclave ward inside a hole of its container, and a ward in two separate parts', () => {
    const enclave = demo.truth.wards.enclave!;
    const inner = wards.find((ward) => ward.wardCode === enclave.wardCode)!;
    const container = wards.find((ward) => ward.wardCode === enclave.containerWardCode)!;
    expect(container.polygons[0].length).toBe(2);
    const ring = inner.polygons[0][0];
    const centre = [
      ring.reduce((sum, p) => sum + p[0], 0) / ring.length,
      ring.reduce((sum, p) => sum + p[1], 0) / ring.length,
    ];
    expect(insideWard(centre[0], centre[1], inner)).toBe(true);
    expect(insideWard(centre[0], centre[1], container)).toBe(false);
    // The hole is the enclave's boundary: the same vertices, opposite orientation.
    const keys = (points: readonly (readonly [number, number])[]) =>
      [...new Set(points.map((p) => `${p[0]},${p[1]}`))].sort();
    expect(keys(container.polygons[0][1])).toEqual(keys(ring));
    expect(shoelace(container.polygons[0][1])).toBeCloseTo(-shoelace(ring), 6);
    expect(demo.truth.wards.holeWardCodes).toEqual([enclave.containerWardCode]);

    const twoPart = wards.find((ward) => ward.wardCode === demo.truth.wards.multiPolygonWardCodes[0])!;
    expect(twoPart.polygons).toHaveLength(2);
    const [first, second] = twoPart.polygons.map((polygon) => new Set(polygon[0].map((p) => `${p[0]},${p[1]}`)));
    expect([...first].some((key) => second.has(key))).toBe(false);
  });

  it('writes the same polygons to the GeoJSON (with a BNG crs member) and the vertex sheet', () => {
    const geojson = demo.boundariesGeoJson as {
      crs: { properties: { name: string } };
      features: { properties: Record<string, string>; geometry: { type: string; coordinates: unknown } }[];
    };
    expect(geojson.crs.properties.name).toMatch(/27700/);
    expect(geojson.features).toHaveLength(wards.length);
    const fromGeoJson = new Map(
      geojson.features.map((feature) => [
        feature.properties.WD22CD,
        feature.geometry.type === 'Polygon' ? [feature.geometry.coordinates] : feature.geometry.coordinates,
      ]),
    );
    for (const feature of geojson.features)
      expect(Object.keys(feature.properties).sort()).toEqual(['LAD22CD', 'LAD22NM', 'WD22CD', 'WD22NM']);
    const sheet = sheetNamed(demo.workbook.sheets, DEMO_SHEET_NAMES.wardVertices);
    expect(sheet.rows[0]).toEqual([...WARD_VERTEX_HEADERS]);
    const rebuilt = new Map<string, number[][][][]>();
    for (const [code, part, ring, order, easting, northing] of sheet.rows.slice(1) as [
      string,
      number,
      number,
      number,
      number,
      number,
    ][]) {
      const parts = rebuilt.get(code) ?? [];
      parts[part - 1] = parts[part - 1] ?? [];
      parts[part - 1][ring] = parts[part - 1][ring] ?? [];
      parts[part - 1][ring][order - 1] = [easting, northing];
      rebuilt.set(code, parts);
    }
    for (const ward of wards) {
      const expected = ward.polygons.map((polygon) => polygon.map((ring) => ring.map((point) => [point[0], point[1]])));
      expect(rebuilt.get(ward.wardCode)).toEqual(expected);
      expect(fromGeoJson.get(ward.wardCode)).toEqual(expected);
    }
  });
});
