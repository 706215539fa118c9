import type { GridPoint, PolygonRings, Ring, WardBoundary } from '../../src/core/types';
export { deepFreeze } from '../support/deepFreeze';

/** An axis-aligned rectangle ring, anticlockwise and closed: (x0, y0) to (x1, y1). */
export function rectangle(x0: number, y0: number, x1: number, y1: number): Ring {
  return [
    [x0, y0],
    [x1, y0],
    [x1, y1],
    [x0, y1],
    [x0, y0],
  ];
}

export function ward(wardCode: string, polygons: readonly PolygonRings[], wardName = wardCode): WardBoundary {
  return { wardCode, wardName, polygons };
}

export function point(easting: number, northing: number): GridPoint {
  return { easting, northing };
}

/**
 * Four 10 m squares tiling 0..20 by 0..20, coded so that the lowest code is not the first in the
 * list:       D E05000004 | C E05000001
 *             A E05000003 | B E05000002
 * A and B share the edge x = 10, 0 ≤ y ≤ 10; all four share the vertex (10, 10).
 */
export const TILES = {
  A: ward('E05000003', [[rectangle(0, 0, 10, 10)]], 'A'),
  B: ward('E05000002', [[rectangle(10, 0, 20, 10)]], 'B'),
  C: ward('E05000001', [[rectangle(10, 10, 20, 20)]], 'C'),
  D: ward('E05000004', [[rectangle(0, 10, 10, 20)]], 'D'),
};
export const TILE_LIST: readonly WardBoundary[] = [TILES.A, TILES.B, TILES.C, TILES.D];

/**
 * A ward with a hole (the 30 m square 0..30 less 10..20 by 10..20) and the enclave that fills the
 * hole, coded so that the enclave sorts after the surrounding ward.
 */
export const DOUGHNUT = ward(
  'E05000010',
  [[rectangle(0, 0, 30, 30), [...rectangle(10, 10, 20, 20)].reverse()]],
  'Doughnut',
);
export const ENCLAVE = ward('E05000011', [[rectangle(10, 10, 20, 20)]], 'Enclave');

/** One ward made of two separate squares, 0..10 and 100..104. */
export const ISLANDS = ward('E05000020', [[rectangle(0, 0, 10, 10)], [rectangle(100, 0, 104, 4)]], 'Islands');
