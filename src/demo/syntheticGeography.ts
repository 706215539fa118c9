import { blueNoiseSeeds } from './blueNoiseSeeds';
import type { DemoDistrict, DemoGeography, DemoWard } from './demoGeography';
import { hashIntegers, createDemoRandom, type DemoRandom } from './demoRandom';
import { createNameInventor } from './inventNames';
import {
  boundingBoxOfParts,
  closeRing,
  distanceToRing,
  isSimpleRing,
  partsArea,
  pointInRing,
  ringCentroid,
  ringSignedArea,
  type BoundingBox,
  type PlanarParts,
  type PlanarRing,
  type Point,
} from './planarGeometry';
import { voronoiCell } from './voronoiCell';

export interface SyntheticGeographyOptions {
  /** Number of wards. Default 190. */
  readonly wards?: number;
  /** Number of districts. Default 7. */
  readonly districts?: number;
}

/** Centre of the synthetic area: about where a West Midlands map is centred (BNG metres). */
const AREA_CENTRE: Point = [413000, 285000];
/** Semi-axes of the area's underlying ellipse (metres): about 50 km by 27 km, like the county. */
const SEMI_MAJOR = 24000;
const SEMI_MINOR = 13000;
/** Vertices closer than this are one vertex (metres). */
const SNAP_TOLERANCE = 0.05;

const roundCentimetre = (value: number): number => Math.round(value * 100) / 100;

/** A star-shaped outline: an ellipse with a few seeded harmonic wobbles. */
function createOutline(random: DemoRandom): {
  readonly radiusAt: (angle: number) => number;
  readonly contains: (point: Point) => boolean;
  readonly box: BoundingBox;
} {
  const rotation = random.uniform(-0.35, -0.1);
  const harmonics = [2, 3, 4, 5, 6].map((order) => ({
    order,
    amplitude: random.uniform(0.01, 0.07),
    phase: random.uniform(0, 2 * Math.PI),
  }));
  const radiusAt = (angle: number): number => {
    const local = angle - rotation;
    const ellipse = (SEMI_MAJOR * SEMI_MINOR) / Math.hypot(SEMI_MINOR * Math.cos(local), SEMI_MAJOR * Math.sin(local));
    let wobble = 1;
    for (const harmonic of harmonics) wobble += harmonic.amplitude * Math.cos(harmonic.order * angle + harmonic.phase);
    return ellipse * wobble;
  };
  const contains = (point: Point): boolean => {
    const dx = point[0] - AREA_CENTRE[0];
    const dy = point[1] - AREA_CENTRE[1];
    return Math.hypot(dx, dy) < radiusAt(Math.atan2(dy, dx));
  };
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (let step = 0; step < 720; step += 1) {
    const angle = (step / 720) * 2 * Math.PI;
    const radius = radiusAt(angle);
    const x = AREA_CENTRE[0] + radius * Math.cos(angle);
    const y = AREA_CENTRE[1] + radius * Math.sin(angle);
    minX = Math.min(minX, x);
    minY = Math.min(minY, y);
    maxX = Math.max(maxX, x);
    maxY = Math.max(maxY, y);
  }
  return { radiusAt, contains, box: { minX, minY, maxX, maxY } };
}

interface Core {
  readonly point: Point;
  /** Relative size: the first core is the big city. */
  readonly weight: number;
  /** Spread of its dense area (metres). */
  readonly spread: number;
}

/** Vertices shared by neighbouring cells become one vertex (id), so shared edges match exactly. */
function createVertexSnapper(): { readonly idOf: (point: Point) => number; readonly vertices: Point[] } {
  const vertices: Point[] = [];
  const grid = new Map<string, number[]>();
  const idOf = (point: Point): number => {
    const column = Math.floor(point[0]);
    const row = Math.floor(point[1]);
    for (let dx = -1; dx <= 1; dx += 1) {
      for (let dy = -1; dy <= 1; dy += 1) {
        for (const id of grid.get(`${column + dx},${row + dy}`) ?? []) {
          if (Math.hypot(vertices[id][0] - point[0], vertices[id][1] - point[1]) < SNAP_TOLERANCE) return id;
        }
      }
    }
    const id = vertices.length;
    vertices.push(point);
    const key = `${column},${row}`;
    const bucket = grid.get(key);
    if (bucket) bucket.push(id);
    else grid.set(key, [id]);
    return id;
  };
  return { idOf, vertices };
}

/**
 * Points inserted along the edge between vertices `low` and `high` (ids, low < high), from low to
 * high, displaced sideways by a seeded amount tapering to zero at both ends, so boundaries look
 * drawn rather than straight. Both cells sharing the edge get the same points.
 */
function edgeWiggle(low: Point, high: Point, seed: number, lowId: number, highId: number): Point[] {
  const length = Math.hypot(high[0] - low[0], high[1] - low[1]);
  const inserted = length > 1500 ? 3 : length > 500 ? 2 : length > 250 ? 1 : 0;
  if (inserted === 0) return [];
  const random = createDemoRandom(hashIntegers(seed, lowId, highId));
  const normalX = -(high[1] - low[1]) / length;
  const normalY = (high[0] - low[0]) / length;
  const points: Point[] = [];
  for (let index = 1; index <= inserted; index += 1) {
    const t = (index + random.uniform(-0.25, 0.25)) / (inserted + 1);
    const offset = random.uniform(-1, 1) * 0.08 * length * Math.sin(Math.PI * t);
    points.push([
      roundCentimetre(low[0] + t * (high[0] - low[0]) + offset * normalX),
      roundCentimetre(low[1] + t * (high[1] - low[1]) + offset * normalY),
    ]);
  }
  return points;
}

/**
 * A synthetic, West-Midlands-sized area of wards in British National Grid: a seeded Voronoi
 * tessellation of blue-noise seeds whose density peaks at one big city and smaller town centres,
 * keeping the cells whose seed lies inside an irregular outline, with wiggled shared edges. One
 * ward has two separate parts (a multipolygon) and one ward sits inside another as an enclave (a
 * hole in its container), so the engine meets both. Codes are in the unused E059/E089 ranges.
 * Deterministic for a given random stream.
 */
export function syntheticGeography(random: DemoRandom, options: SyntheticGeographyOptions = {}): DemoGeography {
  const wardCount = Math.max(3, Math.round(options.wards ?? 190));
  const districtCount = Math.max(1, Math.min(Math.round(options.districts ?? 7), Math.floor(wardCount / 2)));
  const withSpecialWards = wardCount >= 12;
  const outline = createOutline(random.fork('outline'));
  const drawInside = (source: DemoRandom): Point => {
    for (;;) {
      const point: Point = [
        source.uniform(outline.box.minX, outline.box.maxX),
        source.uniform(outline.box.minY, outline.box.maxY),
      ];
      if (outline.contains(point)) return point;
    }
  };

  // Town centres: the big city near the middle, the others spread out by best-candidate sampling.
  const coreRandom = random.fork('cores');
  const cityCentre: Point = [
    AREA_CENTRE[0] + coreRandom.uniform(-4000, 2000),
    AREA_CENTRE[1] + coreRandom.uniform(-2000, 2000),
  ];
  const innerPoint = (source: DemoRandom): Point => {
    for (;;) {
      const point = drawInside(source);
      const dx = point[0] - AREA_CENTRE[0];
      const dy = point[1] - AREA_CENTRE[1];
      if (Math.hypot(dx, dy) < 0.75 * outline.radiusAt(Math.atan2(dy, dx))) return point;
    }
  };
  const otherCentres = blueNoiseSeeds(districtCount - 1, innerPoint, () => 1, coreRandom, {
    candidates: 40,
    existing: [cityCentre],
  }).points;
  const cores: Core[] = [cityCentre, ...otherCentres].map((point, index) => {
    const weight = index === 0 ? 3 : coreRandom.uniform(0.9, 1.6);
    return { point, weight, spread: 3500 * Math.sqrt(weight) };
  });
  const density = (point: Point): number => {
    let value = 0.25;
    for (const core of cores) {
      const distanceSquared = (point[0] - core.point[0]) ** 2 + (point[1] - core.point[1]) ** 2;
      value += 2 * core.weight * Math.exp(-distanceSquared / (2 * core.spread * core.spread));
    }
    return value;
  };

  // Ward seeds inside the outline, then guard seeds around it so edge cells stay ward-sized.
  const seedRandom = random.fork('seeds');
  const insideSeeds = blueNoiseSeeds(wardCount, drawInside, density, seedRandom).points;
  const spacingScores = insideSeeds.map((seed, index) => {
    let nearest = Infinity;
    insideSeeds.forEach((other, otherIndex) => {
      if (otherIndex !== index) nearest = Math.min(nearest, Math.hypot(other[0] - seed[0], other[1] - seed[1]));
    });
    return nearest * Math.sqrt(density(seed));
  });
  const typicalScore = spacingScores.slice().sort((a, b) => a - b)[Math.floor(spacingScores.length / 2)];
  const margin = 8000;
  const outerBox: BoundingBox = {
    minX: outline.box.minX - margin,
    minY: outline.box.minY - margin,
    maxX: outline.box.maxX + margin,
    maxY: outline.box.maxY + margin,
  };
  const drawOutside = (source: DemoRandom): Point => {
    for (;;) {
      const point: Point = [source.uniform(outerBox.minX, outerBox.maxX), source.uniform(outerBox.minY, outerBox.maxY)];
      if (!outline.contains(point)) return point;
    }
  };
  const guardSeeds = blueNoiseSeeds(wardCount * 4, drawOutside, density, seedRandom, {
    existing: insideSeeds,
    minimumScore: 0.75 * typicalScore,
  }).points;
  const allSeeds = [...insideSeeds, ...guardSeeds];
  const cellBox: BoundingBox = {
    minX: outerBox.minX - 5000,
    minY: outerBox.minY - 5000,
    maxX: outerBox.maxX + 5000,
    maxY: outerBox.maxY + 5000,
  };

  // Voronoi cells as lists of shared vertex ids.
  const snapper = createVertexSnapper();
  const cellIds: number[][] = allSeeds.map((_, index) => {
    const ids = voronoiCell(index, allSeeds, cellBox).map((point) => snapper.idOf(point));
    const cleaned = ids.filter((id, position) => id !== ids[(position + ids.length - 1) % ids.length]);
    return cleaned;
  });
  const vertices: Point[] = snapper.vertices.map(([x, y]) => [roundCentimetre(x), roundCentimetre(y)]);
  for (let index = 0; index < insideSeeds.length; index += 1) {
    if (cellIds[index].length < 3)
      throw new Error(`syntheticGeography: ward cell ${index} collapsed; try another seed`);
  }

  // Wiggle shared edges; straighten any edge whose wiggle makes a cell self-intersect.
  const edgeKey = (a: number, b: number): string => (a < b ? `${a}-${b}` : `${b}-${a}`);
  const straightEdges = new Set<string>();
  const wiggleSeed = hashIntegers(seedRandom.int(0, 0x7fffffff), 17);
  const ringOf = (ids: readonly number[]): Point[] => {
    const ring: Point[] = [];
    ids.forEach((id, position) => {
      const nextId = ids[(position + 1) % ids.length];
      ring.push(vertices[id]);
      if (straightEdges.has(edgeKey(id, nextId))) return;
      const low = Math.min(id, nextId);
      const high = Math.max(id, nextId);
      const inserted = edgeWiggle(vertices[low], vertices[high], wiggleSeed, low, high);
      ring.push(...(id === low ? inserted : inserted.reverse()));
    });
    return ring;
  };
  let rings: Point[][] = [];
  for (let pass = 0; pass < 6; pass += 1) {
    rings = cellIds.map(ringOf);
    let changed = false;
    rings.forEach((ring, index) => {
      if (cellIds[index].length >= 3 && !isSimpleRing(ring)) {
        cellIds[index].forEach((id, position) =>
          straightEdges.add(edgeKey(id, cellIds[index][(position + 1) % cellIds[index].length])),
        );
        changed = true;
      }
    });
    if (!changed) break;
  }

  // Districts: the town centre with the smallest distance less its spread (hyperbolic borders).
  const districtOfPoint = (point: Point): number => {
    let best = 0;
    let bestScore = Infinity;
    cores.forEach((core, index) => {
      const score = Math.hypot(point[0] - core.point[0], point[1] - core.point[1]) - 1.5 * core.spread;
      if (score < bestScore) {
        bestScore = score;
        best = index;
      }
    });
    return best;
  };
  const cellDistrict = insideSeeds.map(districtOfPoint);
  for (let district = 0; district < districtCount; district += 1) {
    if (cellDistrict.includes(district)) continue;
    const sizes = new Map<number, number>();
    cellDistrict.forEach((value) => sizes.set(value, (sizes.get(value) ?? 0) + 1));
    let nearest = -1;
    let nearestDistance = Infinity;
    insideSeeds.forEach((seed, index) => {
      const distance = Math.hypot(seed[0] - cores[district].point[0], seed[1] - cores[district].point[1]);
      if ((sizes.get(cellDistrict[index]) ?? 0) > 1 && distance < nearestDistance) {
        nearestDistance = distance;
        nearest = index;
      }
    });
    if (nearest >= 0) cellDistrict[nearest] = district;
  }

  // Adjacency between ward cells (sharing an edge).
  const edgeOwners = new Map<string, number[]>();
  cellIds.forEach((ids, cell) => {
    ids.forEach((id, position) => {
      const key = edgeKey(id, ids[(position + 1) % ids.length]);
      const owners = edgeOwners.get(key);
      if (owners) owners.push(cell);
      else edgeOwners.set(key, [cell]);
    });
  });
  const isWardCell = (cell: number): boolean => cell < insideSeeds.length;
  const neighbours = (cell: number): Set<number> => {
    const result = new Set<number>();
    const ids = cellIds[cell];
    ids.forEach((id, position) => {
      for (const owner of edgeOwners.get(edgeKey(id, ids[(position + 1) % ids.length])) ?? [])
        if (owner !== cell) result.add(owner);
    });
    return result;
  };

  // A two-part ward: cells P and R, both next to Q, not touching each other, in one district.
  const specialRandom = random.fork('special-wards');
  let mergedPair: { readonly keep: number; readonly absorbed: number } | null = null;
  if (withSpecialWards) {
    search: for (const middle of specialRandom.shuffle(insideSeeds.map((_, index) => index))) {
      const around = [...neighbours(middle)].filter(isWardCell).sort((a, b) => a - b);
      for (const first of around) {
        for (const second of around) {
          if (first >= second || cellDistrict[first] !== cellDistrict[second]) continue;
          const firstVertices = new Set(cellIds[first]);
          if (cellIds[second].some((id) => firstVertices.has(id))) continue;
          mergedPair = { keep: first, absorbed: second };
          break search;
        }
      }
    }
  }

  // An enclave: a small ward inside an interior ward, which gets it as a hole.
  let enclave: { readonly container: number; readonly ring: Point[] } | null = null;
  if (withSpecialWards) {
    const interior = insideSeeds
      .map((_, index) => index)
      .filter((cell) => cell !== mergedPair?.keep && cell !== mergedPair?.absorbed)
      .filter((cell) => [...neighbours(cell)].every(isWardCell))
      .map((cell) => ({ cell, area: Math.abs(ringSignedArea(rings[cell])) }))
      .sort((a, b) => b.area - a.area || a.cell - b.cell);
    const candidates = interior.slice(0, Math.max(1, Math.ceil(interior.length / 2)));
    for (const { cell } of specialRandom.shuffle(candidates)) {
      const centre = ringCentroid(rings[cell]);
      if (!pointInRing(centre[0], centre[1], rings[cell])) continue;
      const radius = 0.45 * distanceToRing(centre[0], centre[1], rings[cell]);
      if (radius < 100) continue;
      const corners = 10;
      const ring: Point[] = [];
      for (let corner = 0; corner < corners; corner += 1) {
        const angle = ((corner + specialRandom.uniform(-0.2, 0.2)) / corners) * 2 * Math.PI;
        const reach = radius * specialRandom.uniform(0.7, 1);
        ring.push([
          roundCentimetre(centre[0] + reach * Math.cos(angle)),
          roundCentimetre(centre[1] + reach * Math.sin(angle)),
        ]);
      }
      enclave = { container: cell, ring };
      break;
    }
  }

  // Names and codes.
  const nameRandom = random.fork('names');
  const inventDistrictName = createNameInventor(nameRandom.fork('districts'));
  const inventWardName = createNameInventor(nameRandom.fork('wards'));
  const districtNames = cores.map(() => inventDistrictName());
  const districts: DemoDistrict[] = cores.map((core, index) => ({
    code: `E089${String(index + 1).padStart(5, '0')}`,
    name: districtNames[index],
    centre: [Math.round(core.point[0]), Math.round(core.point[1])],
  }));

  interface DraftWard {
    readonly name: string;
    readonly district: number;
    readonly parts: PlanarParts;
    readonly sourceCell: number | 'enclave';
  }
  const asClosed = (ring: PlanarRing): Point[] => closeRing(ring);
  const drafts: DraftWard[] = [];
  for (let cell = 0; cell < insideSeeds.length; cell += 1) {
    if (mergedPair && cell === mergedPair.absorbed) continue;
    const outer = asClosed(rings[cell]);
    let parts: PlanarParts = [[outer]];
    if (mergedPair && cell === mergedPair.keep) parts = [[outer], [asClosed(rings[mergedPair.absorbed])]];
    if (enclave && cell === enclave.container) parts = [[outer, asClosed(enclave.ring.slice().reverse())]];
    drafts.push({ name: inventWardName(), district: cellDistrict[cell], parts, sourceCell: cell });
  }
  if (enclave)
    drafts.push({
      name: inventWardName(),
      district: cellDistrict[enclave.container],
      parts: [[asClosed(enclave.ring)]],
      sourceCell: 'enclave',
    });
  drafts.sort((a, b) => a.district - b.district || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));

  let enclaveCodes: { wardCode: string; containerWardCode: string } | null = null;
  const wards: DemoWard[] = drafts.map((draft, index) => {
    const code = `E059${String(index + 1).padStart(5, '0')}`;
    const largest = draft.parts.reduce((best, polygon) =>
      Math.abs(ringSignedArea(polygon[0])) > Math.abs(ringSignedArea(best[0])) ? polygon : best,
    );
    let centroid = ringCentroid(largest[0]);
    if (largest.length > 1) {
      // A ring with a hole: move the label point off the enclave, halfway to the outer edge.
      const hole = ringCentroid(largest[1]);
      const [x, y] = largest[0].reduce((far, point) =>
        Math.hypot(point[0] - hole[0], point[1] - hole[1]) > Math.hypot(far[0] - hole[0], far[1] - hole[1])
          ? point
          : far,
      );
      centroid = [(hole[0] + x) / 2, (hole[1] + y) / 2];
    }
    return {
      code,
      name: draft.name,
      districtCode: districts[draft.district].code,
      districtName: districts[draft.district].name,
      parts: draft.parts,
      centroid,
      area: partsArea(draft.parts),
      bbox: boundingBoxOfParts(draft.parts),
    };
  });
  if (enclave) {
    const enclaveIndex = drafts.findIndex((draft) => draft.sourceCell === 'enclave');
    const containerIndex = drafts.findIndex((draft) => draft.sourceCell === enclave?.container);
    enclaveCodes = { wardCode: wards[enclaveIndex].code, containerWardCode: wards[containerIndex].code };
  }
  const bbox: BoundingBox = {
    minX: Math.min(...wards.map((ward) => ward.bbox.minX)),
    minY: Math.min(...wards.map((ward) => ward.bbox.minY)),
    maxX: Math.max(...wards.map((ward) => ward.bbox.maxX)),
    maxY: Math.max(...wards.map((ward) => ward.bbox.maxY)),
  };
  return { mode: 'synthetic', wards, districts, enclave: enclaveCodes, bbox };
}
