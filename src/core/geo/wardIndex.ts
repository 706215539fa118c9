import Flatbush from 'flatbush';
import type { GridPoint, PolygonRings, WardBoundary } from '../types';
import { EDGE_CROSSED, EDGE_ON, classifyCanonicalEdge } from './pointInWard';
import { polygonsBoundingBox, type BoundingBox } from './wardBoundingBox';

/**
 * A prepared lookup from a BNG point to the ward that contains it. Build it once with
 * {@link buildWardIndex}; query it with {@link locateWard} or {@link locateWards}.
 *
 * Three stages, each exact:
 * 1. a grid of square cells over the wards' extent, built once: a cell that no ward edge touches
 *    lies wholly inside one ward (or none), and stores that answer, so most points cost one array
 *    read;
 * 2. for a point in a cell that an edge touches, a Flatbush R-tree over the polygons' bounding
 *    boxes gives the candidate wards;
 * 3. each candidate gets the exact even-odd test (see pointInWard), reading only the edges in the
 *    point's horizontal band of that ward.
 * The fields are the prepared data; treat them as opaque.
 */
export interface WardIndex {
  /** Every ward's code in ascending order (code-unit order); positions in it are ward ranks. */
  readonly wardCodes: readonly string[];
  /** The boundaries, in the same order as {@link WardIndex.wardCodes}. */
  readonly boundaries: readonly WardBoundary[];
  /** The box holding every ward, or null when there are none. */
  readonly extent: BoundingBox | null;
  readonly wards: readonly PreparedWard[];
  readonly tree: Flatbush | null;
  /** Ward rank of each item in {@link WardIndex.tree} (one item per polygon). */
  readonly treeItemWard: Int32Array;
  readonly grid: CellGrid | null;
}

export interface WardIndexOptions {
  /**
   * Grid cells along the longer side of the wards' extent (default 1024). More cells send more
   * points down the one-read path at the cost of memory (4 bytes a cell) and build time.
   */
  readonly cellsAcross?: number;
}

/** One ward's edges in canonical direction, bucketed by horizontal band for the exact test. */
export interface PreparedWard {
  /** ax, ay, bx, by for each edge, canonical (ay < by, or ay === by and ax <= bx). */
  readonly edges: Float64Array;
  readonly minNorthing: number;
  readonly maxNorthing: number;
  readonly bandHeight: number;
  readonly bandCount: number;
  /** Edges of band b are bandEdges[bandStarts[b] .. bandStarts[b + 1]) (offsets into edges). */
  readonly bandStarts: Int32Array;
  readonly bandEdges: Int32Array;
}

/** Cells: a ward rank, {@link CELL_OUTSIDE} or {@link CELL_BOUNDARY}. Row-major from the south-west. */
export interface CellGrid {
  readonly originEasting: number;
  readonly originNorthing: number;
  readonly cellSize: number;
  readonly columns: number;
  readonly rows: number;
  readonly cells: Int32Array;
}

/** The cell lies outside every ward. */
export const CELL_OUTSIDE = -1;
/** A ward edge touches the cell: ask the tree and the exact test. */
export const CELL_BOUNDARY = -2;

const OUTSIDE = 0;
const INSIDE = 1;
const ON_EDGE = 2;

/** Edges per band, on average, that the per-ward band index aims for. */
const EDGES_PER_BAND = 4;

/**
 * Builds the ward lookup (see {@link WardIndex}). Wards are ordered by code so that the boundary
 * rule below is a rank comparison. Cost O(v + c) for v vertices and c grid cells (a few
 * milliseconds for the 192 West Midlands wards); each lookup is then O(1) in the common case.
 *
 * **Boundary rule.** A point belongs to the ward with the lowest ward code (code-unit order) among
 * the wards that contain it, a point on a ward's edge counting as contained. So a point on an edge
 * shared by two wards, or on a vertex shared by several, belongs to exactly one of them, the same
 * one on every call and in {@link locateWardNaive}; a point in an overlap between wards (sloppy
 * boundaries) is settled the same way; a point in no ward gets null.
 * @example // Squares A (E05000003) = 0..10 by 0..10 and B (E05000002) = 10..20 by 0..10 share the edge x = 10:
 * locateWard(buildWardIndex([A, B]), { easting: 10, northing: 5 }) // => 'E05000002' (on the edge: the lower code)
 */
export function buildWardIndex(boundaries: readonly WardBoundary[], options: WardIndexOptions = {}): WardIndex {
  const cellsAcross = Math.max(1, Math.floor(options.cellsAcross ?? 1024));
  const ordered = [...boundaries].sort((a, b) => compareCodes(a.wardCode, b.wardCode));
  const wards = ordered.map((boundary) => prepareWard(boundary.polygons));

  const itemBoxes: number[] = [];
  const itemWards: number[] = [];
  let minEasting = Infinity;
  let minNorthing = Infinity;
  let maxEasting = -Infinity;
  let maxNorthing = -Infinity;
  ordered.forEach((boundary, rank) => {
    for (const polygon of boundary.polygons) {
      const box = polygonsBoundingBox([polygon]);
      if (box === null) continue;
      itemBoxes.push(box.minEasting, box.minNorthing, box.maxEasting, box.maxNorthing);
      itemWards.push(rank);
      minEasting = Math.min(minEasting, box.minEasting);
      minNorthing = Math.min(minNorthing, box.minNorthing);
      maxEasting = Math.max(maxEasting, box.maxEasting);
      maxNorthing = Math.max(maxNorthing, box.maxNorthing);
    }
  });

  const wardCodes = ordered.map((boundary) => boundary.wardCode);
  if (itemWards.length === 0) {
    return {
      wardCodes,
      boundaries: ordered,
      extent: null,
      wards,
      tree: null,
      treeItemWard: new Int32Array(0),
      grid: null,
    };
  }
  const tree = new Flatbush(itemWards.length);
  for (let item = 0; item < itemWards.length; item++) {
    tree.add(itemBoxes[4 * item], itemBoxes[4 * item + 1], itemBoxes[4 * item + 2], itemBoxes[4 * item + 3]);
  }
  tree.finish();
  const extent = { minEasting, minNorthing, maxEasting, maxNorthing };
  const withoutGrid: WardIndex = {
    wardCodes,
    boundaries: ordered,
    extent,
    wards,
    tree,
    treeItemWard: Int32Array.from(itemWards),
    grid: null,
  };
  const grid = buildCellGrid(withoutGrid, extent, cellsAcross);
  return { ...withoutGrid, grid };
}

/**
 * The code of the ward containing a BNG point, or null when no ward contains it (outside the
 * study area, or a non-finite coordinate). Points on boundaries follow the rule in
 * {@link buildWardIndex}. Usually one array read; otherwise O(log n + e) for n polygons and e edges
 * in the point's band of each candidate ward.
 * @example locateWard(index, { easting: 5, northing: 5 }) // => 'E05000003' (inside square A of the example above)
 */
export function locateWard(index: WardIndex, point: GridPoint): string | null {
  const rank = locateWardRank(index, point.easting, point.northing);
  return rank < 0 ? null : index.wardCodes[rank];
}

/** {@link locateWard} for many points, in order. */
export function locateWards(index: WardIndex, points: readonly GridPoint[]): (string | null)[] {
  const codes = new Array<string | null>(points.length);
  for (let i = 0; i < points.length; i++) {
    const rank = locateWardRank(index, points[i].easting, points[i].northing);
    codes[i] = rank < 0 ? null : index.wardCodes[rank];
  }
  return codes;
}

/** The rank (position in wardCodes) of the containing ward, or -1. */
export function locateWardRank(index: WardIndex, easting: number, northing: number): number {
  const grid = index.grid;
  if (grid === null) return -1;
  const column = Math.floor((easting - grid.originEasting) / grid.cellSize);
  const row = Math.floor((northing - grid.originNorthing) / grid.cellSize);
  // Written as "not inside" so that NaN coordinates fall out here too.
  if (!(column >= 0 && column < grid.columns && row >= 0 && row < grid.rows)) return -1;
  const cell = grid.cells[row * grid.columns + column];
  if (cell !== CELL_BOUNDARY) return cell;
  return locateByTree(index, easting, northing);
}

/** Stages 2 and 3: candidate wards from the tree, exact test, lowest rank that contains the point. */
function locateByTree(index: WardIndex, easting: number, northing: number): number {
  const tree = index.tree;
  if (tree === null) return -1;
  const items = tree.search(easting, northing, easting, northing);
  let best = -1;
  for (let i = 0; i < items.length; i++) {
    const rank = index.treeItemWard[items[i]];
    if (best !== -1 && rank >= best) continue;
    if (placeInWard(index.wards[rank], easting, northing) !== OUTSIDE) best = rank;
  }
  return best;
}

/**
 * The exact even-odd test of pointInWard over one prepared ward, reading only the edges in the
 * point's band, with the same per-edge test (classifyCanonicalEdge), so that index and naive agree.
 * (The rounded arithmetic was once copied inline here to keep the loop flat; calling the shared
 * function measured no slower, so there is one copy.)
 */
function placeInWard(ward: PreparedWard, px: number, py: number): number {
  if (!(py >= ward.minNorthing && py <= ward.maxNorthing)) return OUTSIDE;
  let band = Math.floor((py - ward.minNorthing) / ward.bandHeight);
  if (band >= ward.bandCount) band = ward.bandCount - 1;
  const edges = ward.edges;
  const bandEdges = ward.bandEdges;
  const end = ward.bandStarts[band + 1];
  let inside = false;
  for (let k = ward.bandStarts[band]; k < end; k++) {
    const e = bandEdges[k];
    const edge = classifyCanonicalEdge(edges[e], edges[e + 1], edges[e + 2], edges[e + 3], px, py);
    if (edge === EDGE_ON) return ON_EDGE;
    if (edge === EDGE_CROSSED) inside = !inside;
  }
  return inside ? INSIDE : OUTSIDE;
}

function prepareWard(polygons: readonly PolygonRings[]): PreparedWard {
  const edgeList: number[] = [];
  let minNorthing = Infinity;
  let maxNorthing = -Infinity;
  for (const polygon of polygons) {
    for (const ring of polygon) {
      const vertexCount = ring.length;
      if (vertexCount < 2) continue;
      // The same walk as pointInWard: from the last vertex round to the first, then along the ring.
      let previous = ring[vertexCount - 1];
      for (let i = 0; i < vertexCount; i++) {
        const current = ring[i];
        const [x1, y1] = previous;
        const [x2, y2] = current;
        previous = current;
        if (y1 < y2 || (y1 === y2 && x1 <= x2)) edgeList.push(x1, y1, x2, y2);
        else edgeList.push(x2, y2, x1, y1);
        if (y1 < minNorthing) minNorthing = y1;
        if (y1 > maxNorthing) maxNorthing = y1;
      }
    }
  }
  const edges = Float64Array.from(edgeList);
  const edgeCount = edges.length / 4;
  if (edgeCount === 0) {
    return {
      edges,
      minNorthing: Infinity,
      maxNorthing: -Infinity,
      bandHeight: 1,
      bandCount: 1,
      bandStarts: new Int32Array(2),
      bandEdges: new Int32Array(0),
    };
  }
  const bandCount = Math.max(1, Math.ceil(edgeCount / EDGES_PER_BAND));
  const span = maxNorthing - minNorthing;
  const bandHeight = span > 0 ? span / bandCount : 1;
  const bandOf = (northing: number): number =>
    Math.min(bandCount - 1, Math.floor((northing - minNorthing) / bandHeight));
  // Counting sort of edges into every band their northing range overlaps.
  const counts = new Int32Array(bandCount + 1);
  for (let e = 0; e < edges.length; e += 4) {
    for (let band = bandOf(edges[e + 1]); band <= bandOf(edges[e + 3]); band++) counts[band + 1]++;
  }
  for (let band = 0; band < bandCount; band++) counts[band + 1] += counts[band];
  const bandStarts = Int32Array.from(counts);
  const fill = Int32Array.from(counts);
  const bandEdges = new Int32Array(bandStarts[bandCount]);
  for (let e = 0; e < edges.length; e += 4) {
    for (let band = bandOf(edges[e + 1]); band <= bandOf(edges[e + 3]); band++) bandEdges[fill[band]++] = e;
  }
  return { edges, minNorthing, maxNorthing, bandHeight, bandCount, bandStarts, bandEdges };
}

/**
 * Stage 1. A cell is marked when any ward edge comes within a small margin of it (the margin
 * absorbs rounding in the cell arithmetic, far below a millimetre); each row's runs of unmarked
 * cells touch no edge, so every point in such a run has the same answer, computed once at the
 * centre of the run's first cell.
 */
function buildCellGrid(index: WardIndex, extent: BoundingBox, cellsAcross: number): CellGrid {
  const width = extent.maxEasting - extent.minEasting;
  const height = extent.maxNorthing - extent.minNorthing;
  const longest = Math.max(width, height);
  const cellSize = longest > 0 ? longest / cellsAcross : 1;
  const columns = Math.floor(width / cellSize) + 1;
  const rows = Math.floor(height / cellSize) + 1;
  const originEasting = extent.minEasting;
  const originNorthing = extent.minNorthing;
  const margin = cellSize * 1e-6;
  const cells = new Int32Array(columns * rows);
  const columnOf = (easting: number): number =>
    Math.min(columns - 1, Math.max(0, Math.floor((easting - originEasting) / cellSize)));
  const rowOf = (northing: number): number =>
    Math.min(rows - 1, Math.max(0, Math.floor((northing - originNorthing) / cellSize)));

  for (const ward of index.wards) {
    const edges = ward.edges;
    for (let e = 0; e < edges.length; e += 4) {
      const ax = edges[e];
      const ay = edges[e + 1];
      const bx = edges[e + 2];
      const by = edges[e + 3];
      const lastRow = rowOf(by + margin);
      for (let row = rowOf(ay - margin); row <= lastRow; row++) {
        // The part of the edge within this row's northing band (widened by the margin).
        let low: number;
        let high: number;
        if (ay === by) {
          low = Math.min(ax, bx);
          high = Math.max(ax, bx);
        } else {
          const bandLow = originNorthing + row * cellSize - margin;
          const bandHigh = originNorthing + (row + 1) * cellSize + margin;
          const t0 = Math.max(0, (bandLow - ay) / (by - ay));
          const t1 = Math.min(1, (bandHigh - ay) / (by - ay));
          const x0 = ax + (bx - ax) * t0;
          const x1 = ax + (bx - ax) * t1;
          low = Math.min(x0, x1);
          high = Math.max(x0, x1);
        }
        const lastColumn = columnOf(high + margin);
        for (let column = columnOf(low - margin); column <= lastColumn; column++)
          cells[row * columns + column] = CELL_BOUNDARY;
      }
    }
  }

  for (let row = 0; row < rows; row++) {
    let column = 0;
    while (column < columns) {
      if (cells[row * columns + column] === CELL_BOUNDARY) {
        column++;
        continue;
      }
      const centreEasting = originEasting + (column + 0.5) * cellSize;
      const centreNorthing = originNorthing + (row + 0.5) * cellSize;
      const answer = locateByTree(index, centreEasting, centreNorthing);
      // A run ends at the next marked cell; an unmarked cell holds 0 until it is filled.
      while (column < columns && cells[row * columns + column] !== CELL_BOUNDARY) {
        cells[row * columns + column] = answer;
        column++;
      }
    }
  }
  return { originEasting, originNorthing, cellSize, columns, rows, cells };
}

/** Code-unit order, the same in every locale (localeCompare is not). */
export function compareCodes(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
