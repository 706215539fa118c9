import type { CellValue, SheetData } from '../core/types';
import type { DemoWard } from './demoGeography';

export const WARD_VERTEX_HEADERS = ['Ward code', 'Part', 'Ring', 'Order', 'Easting', 'Northing'] as const;

/**
 * Ward boundaries as a vertex table, so the workbook carries its own geography: one row per vertex,
 * Part numbered from 1, Ring 0 for the outer boundary and 1, 2, … for holes, Order from 1 along the
 * ring; each ring's closing vertex (equal to its first) is included, as in the GeoJSON.
 * @example a one-part square ward without holes gives 5 rows: Part 1, Ring 0, Order 1..5
 */
export function wardVertexSheet(name: string, wards: readonly DemoWard[]): SheetData {
  const rows: CellValue[][] = [[...WARD_VERTEX_HEADERS]];
  const ordered = wards.slice().sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  for (const ward of ordered) {
    ward.parts.forEach((polygon, partIndex) => {
      polygon.forEach((ring, ringIndex) => {
        ring.forEach(([easting, northing], vertexIndex) => {
          rows.push([ward.code, partIndex + 1, ringIndex, vertexIndex + 1, easting, northing]);
        });
      });
    });
  }
  return { name, rows };
}
