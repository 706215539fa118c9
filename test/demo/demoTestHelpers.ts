/**
 * Independent geometry for the demo tests: a plain even-odd point-in-polygon over every ring of a
 * ward (holes flip the parity back), written here rather than imported, so the tests do not check
 * the generator against itself.
 */
import type { CellValue, SheetData, WardBoundary } from '../../src/core/types';

type Ring = readonly (readonly [number, number])[];

export function insideRingEvenOdd(x: number, y: number, ring: Ring): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i, i += 1) {
    const [xi, yi] = ring[i];
    const [xj, yj] = ring[j];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** Inside a ward: odd number of ring crossings within some part. */
export function insideWard(x: number, y: number, ward: WardBoundary): boolean {
  return ward.polygons.some((polygon) =>
    polygon.reduce((inside, ring) => (insideRingEvenOdd(x, y, ring) ? !inside : inside), false),
  );
}

/** All wards holding the point (brute force with a bounding-box check). */
export function wardsHolding(
  x: number,
  y: number,
  wards: readonly WardBoundary[],
  boxes: readonly number[][],
): string[] {
  const found: string[] = [];
  wards.forEach((ward, index) => {
    const [minX, minY, maxX, maxY] = boxes[index];
    if (x < minX || x > maxX || y < minY || y > maxY) return;
    if (insideWard(x, y, ward)) found.push(ward.wardCode);
  });
  return found;
}

export function boxesOf(wards: readonly WardBoundary[]): number[][] {
  return wards.map((ward) => {
    const points = ward.polygons.flatMap((polygon) => polygon[0]);
    return [
      Math.min(...points.map((p) => p[0])),
      Math.min(...points.map((p) => p[1])),
      Math.max(...points.map((p) => p[0])),
      Math.max(...points.map((p) => p[1])),
    ];
  });
}

/** Shoelace area, positive for counter-clockwise rings. */
export function shoelace(ring: Ring): number {
  let twice = 0;
  for (let i = 0; i < ring.length - 1; i += 1) twice += ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1];
  return twice / 2;
}

export function sheetNamed(sheets: readonly SheetData[], name: string): SheetData {
  const sheet = sheets.find((candidate) => candidate.name === name);
  if (!sheet) throw new Error(`no sheet ${name}`);
  return sheet;
}

/** The cells of a worksheet row (1-based), for a sheet whose rows start at row 1. */
export function rowAt(sheet: SheetData, row: number): readonly CellValue[] {
  return sheet.rows[row - 1];
}

/** A tiny deterministic generator for sampling test points (independent of the generator's). */
export function lcg(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 4294967296;
  };
}
