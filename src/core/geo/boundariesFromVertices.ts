import type { Ring, WardBoundary } from '../types';
import { isPlausibleGridPoint, isPlausibleLonLat, wgs84ToGrid } from './bng';
import type { BoundaryImport } from './boundariesFromGeoJson';
import { closedRing } from './closedRing';
import { detectPairCrs } from './detectCrs';
import { groupRingsIntoPolygons } from './groupRingsIntoPolygons';

/**
 * One row of a vertex sheet: a corner of a ward boundary. `part` numbers the polygons of a
 * multipolygon ward, `ring` the rings of a part (0 the outer boundary, 1… its holes), `order` the
 * vertex's place along its ring. x/y are longitude/latitude or easting/northing (detected).
 */
export interface BoundaryVertex {
  readonly wardCode: string;
  readonly wardName?: string;
  readonly part: number;
  readonly ring: number;
  readonly order: number;
  readonly x: number;
  readonly y: number;
}

/**
 * Ward boundaries from a vertex sheet, converted to British National Grid metres.
 *
 * Rows are grouped by ward, part and ring and sorted by `order` within each ring (rows with equal
 * order keep their sheet order, and a problem says so). x/y are read as longitude/latitude when
 * most rows lie in the degree range (detectPairCrs), else as BNG metres; when x looks like
 * latitude and y like longitude for most rows, they are swapped and a problem says so. Each ring is
 * closed, unusable rings are dropped, and a ward's rings are regrouped by nesting
 * (groupRingsIntoPolygons), so ring numbers only group vertices: a ring numbered 0 that lies
 * inside another ring is still a hole. Rows without a code or with a non-numeric coordinate are
 * skipped and reported (row numbers count from 1 in the order given). Cost O(v log v).
 * @example boundariesFromVertices([
 *   { wardCode: 'E05000001', part: 1, ring: 0, order: 1, x: 400000, y: 280000 },
 *   { wardCode: 'E05000001', part: 1, ring: 0, order: 2, x: 400100, y: 280000 },
 *   { wardCode: 'E05000001', part: 1, ring: 0, order: 3, x: 400100, y: 280100 },
 * ]) // => { crs: 'EPSG:27700', problems: [], boundaries: [{ wardCode: 'E05000001', wardName: 'E05000001',
 *    //      polygons: [[[[400000, 280000], [400100, 280000], [400100, 280100], [400000, 280000]]]] }] }
 */
export function boundariesFromVertices(vertices: readonly BoundaryVertex[]): BoundaryImport {
  const problems: string[] = [];
  const usable: { vertex: BoundaryVertex; row: number }[] = [];
  vertices.forEach((vertex, index) => {
    const row = index + 1;
    const wardCode = typeof vertex.wardCode === 'string' ? vertex.wardCode.trim() : '';
    if (!wardCode) {
      problems.push(`Vertex row ${row} has no ward code; it was skipped.`);
      return;
    }
    for (const field of ['part', 'ring', 'order', 'x', 'y'] as const) {
      if (typeof vertex[field] !== 'number' || !Number.isFinite(vertex[field])) {
        problems.push(
          `Vertex row ${row} (ward ${wardCode}): ${field} '${String(vertex[field])}' is not a number; the vertex was skipped.`,
        );
        return;
      }
    }
    usable.push({ vertex: { ...vertex, wardCode }, row });
  });

  let crs = detectPairCrs(
    usable.map(({ vertex }) => vertex.x),
    usable.map(({ vertex }) => vertex.y),
  );
  let swap = false;
  if (crs === 'EPSG:4326' && usable.length > 0) {
    const asGiven = usable.filter(({ vertex }) => isPlausibleLonLat(vertex.x, vertex.y)).length;
    const swapped = usable.filter(({ vertex }) => isPlausibleLonLat(vertex.y, vertex.x)).length;
    if (swapped > asGiven && swapped * 2 > usable.length) {
      swap = true;
      problems.push(
        'The x column looks like latitude and y like longitude (x should be longitude or easting); they were swapped.',
      );
    }
  }
  if (usable.length === 0) crs = 'EPSG:4326';

  // ward -> "part/ring" -> vertices, each level in order of first appearance.
  const wards = new Map<
    string,
    {
      wardName: string;
      rings: Map<string, { part: number; ring: number; rows: { vertex: BoundaryVertex; row: number }[] }>;
    }
  >();
  for (const entry of usable) {
    const { vertex } = entry;
    let ward = wards.get(vertex.wardCode);
    if (!ward) {
      ward = { wardName: '', rings: new Map() };
      wards.set(vertex.wardCode, ward);
    }
    if (!ward.wardName && typeof vertex.wardName === 'string' && vertex.wardName.trim())
      ward.wardName = vertex.wardName.trim();
    const key = `${vertex.part}/${vertex.ring}`;
    let ring = ward.rings.get(key);
    if (!ring) {
      ring = { part: vertex.part, ring: vertex.ring, rows: [] };
      ward.rings.set(key, ring);
    }
    ring.rows.push(entry);
  }

  const boundaries: WardBoundary[] = [];
  for (const [wardCode, ward] of wards) {
    const rings: Ring[] = [];
    const orderedRings = [...ward.rings.values()].sort((a, b) => a.part - b.part || a.ring - b.ring);
    for (const group of orderedRings) {
      const label = `Ward ${wardCode}, part ${group.part}, ring ${group.ring}`;
      const rows = [...group.rows].sort((a, b) => a.vertex.order - b.vertex.order || a.row - b.row);
      const repeatedOrders = rows.filter(
        (entry, index) => index > 0 && entry.vertex.order === rows[index - 1].vertex.order,
      ).length;
      if (repeatedOrders > 0) {
        problems.push(
          `${label}: ${repeatedOrders} vertex order number${repeatedOrders === 1 ? ' is' : 's are'} repeated; those vertices were kept in sheet order.`,
        );
      }
      const positions = rows.map(({ vertex }) => {
        const x = swap ? vertex.y : vertex.x;
        const y = swap ? vertex.x : vertex.y;
        if (crs === 'EPSG:27700') return [x, y] as const;
        const point = wgs84ToGrid(x, y);
        return [point.easting, point.northing] as const;
      });
      const result = closedRing(positions);
      if ('reason' in result) {
        problems.push(`${label} was left out because ${result.reason}.`);
        continue;
      }
      rings.push(result.ring);
    }
    if (rings.length === 0) {
      problems.push(`Ward ${wardCode} has no usable ring; it was skipped.`);
      continue;
    }
    const outside = rings.flat().filter(([easting, northing]) => !isPlausibleGridPoint(easting, northing)).length;
    if (outside > 0) {
      problems.push(
        `Ward ${wardCode} has ${outside} vertices outside Great Britain's grid (0–700 km east, 0–1,300 km north); ` +
          `check that x/y are ${crs === 'EPSG:4326' ? 'longitude/latitude' : 'British National Grid easting/northing'}.`,
      );
    }
    const grouped = groupRingsIntoPolygons(rings);
    if (grouped.duplicateRings > 0) {
      problems.push(
        `Ward ${wardCode} repeats ${grouped.duplicateRings} ring${grouped.duplicateRings === 1 ? '' : 's'} exactly; the repeat was left out.`,
      );
    }
    boundaries.push({ wardCode, wardName: ward.wardName || wardCode, polygons: grouped.polygons });
  }
  return { boundaries, crs, problems };
}
