import type { Ring, WardBoundary } from '../types';
import { isPlausibleGridPoint, wgs84ToGrid } from './bng';
import { closedRing } from './closedRing';
import { crsFromName, declaredGeoJsonCrsName, detectGeoJsonCrsFromCoordinates, type GeoCrs } from './detectCrs';
import { detectWardProperties } from './detectWardProperties';
import { groupRingsIntoPolygons } from './groupRingsIntoPolygons';

export interface BoundaryImport {
  /** One boundary per ward code, in BNG metres, in the order each code first appears. */
  readonly boundaries: WardBoundary[];
  /** The CRS the source coordinates were read in (they are always returned in BNG). */
  readonly crs: GeoCrs;
  /** Analyst-facing notes: features skipped or repaired and why. Empty when all went well. */
  readonly problems: string[];
}

export interface BoundariesFromGeoJsonOptions {
  /** Property holding the ward code; detected when omitted (WD22CD, WDxxCD, WardCode, ward_code, code…). */
  readonly codeProperty?: string;
  /** Property holding the ward name; detected when omitted (WDxxNM, WardName, Ward, name…). */
  readonly nameProperty?: string;
}

/**
 * Ward boundaries from a GeoJSON FeatureCollection (or a single Feature) of Polygon and
 * MultiPolygon features, converted to British National Grid metres, the engine's working CRS.
 *
 * - CRS: the `crs` member when it names WGS84/CRS84 or EPSG:27700, otherwise the coordinate range
 *   (degrees versus metres); when the member and the range disagree the range wins and a problem
 *   says so. WGS84 goes to BNG by the OS Helmert transformation (see bng.ts), accurate to metres.
 * - Properties: ward code, name and district are found by name (see detectWardProperties); a
 *   missing name falls back to the code.
 * - Geometry: rings are closed, unusable rings are dropped, and each ward's rings are regrouped by
 *   nesting (groupRingsIntoPolygons), so a hole stays a hole whatever polygon it was filed under.
 *   Features that share a ward code are merged into one boundary.
 * Problems are returned as messages, never thrown: a feature without a code or usable geometry is
 * skipped and named. Cost O(v) for v vertices plus the ring nesting check.
 * @example boundariesFromGeoJson(JSON.parse(wm_wards_dec2022_geojson)).boundaries[0]
 * // => { wardCode: 'E05001218', wardName: 'Bablake', districtCode: 'E08000026', districtName: 'Coventry', polygons: [...] } (in metres)
 */
export function boundariesFromGeoJson(geojson: unknown, options: BoundariesFromGeoJsonOptions = {}): BoundaryImport {
  const problems: string[] = [];
  const features = featuresOf(geojson);
  if (features === undefined) {
    problems.push(
      `The GeoJSON is not a FeatureCollection or a Feature (its type is ${describeType(geojson)}); no ward boundaries were read.`,
    );
    return { boundaries: [], crs: 'EPSG:4326', problems };
  }

  const crs = chooseCrs(geojson, problems);
  const propertySets = features.map((feature) =>
    isRecord(feature) && isRecord(feature.properties) ? feature.properties : {},
  );
  const names = detectWardProperties(propertySets, options);
  if (!names.codeProperty) {
    const seen =
      [...new Set(propertySets.flatMap((properties) => Object.keys(properties)))].slice(0, 12).join(', ') || 'none';
    problems.push(
      `No ward code property was found (looked for WDxxCD, WardCode, ward_code, code, or values like E05000001; properties present: ${seen}). ` +
        `Name the property that holds the ward code.`,
    );
    return { boundaries: [], crs, problems };
  }
  if (options.codeProperty && !propertySets.some((properties) => options.codeProperty! in properties)) {
    problems.push(`No feature has the ward code property '${options.codeProperty}'.`);
  }

  const ringsByCode = new Map<
    string,
    { wardName: string; districtCode?: string; districtName?: string; rings: Ring[]; features: number }
  >();
  features.forEach((feature, featureIndex) => {
    const label = `Feature ${featureIndex + 1}`;
    const properties = propertySets[featureIndex];
    const wardCode = textOf(properties[names.codeProperty!]);
    if (!wardCode) {
      problems.push(`${label} has no ward code in property '${names.codeProperty}'; it was skipped.`);
      return;
    }
    const described = `${label} (ward ${wardCode})`;
    const geometry = isRecord(feature) ? feature.geometry : undefined;
    const rawRings = ringsOf(geometry);
    if (typeof rawRings === 'string') {
      problems.push(`${described} ${rawRings}; it was skipped.`);
      return;
    }
    const rings: Ring[] = [];
    rawRings.forEach((rawRing, ringIndex) => {
      const positions = positionsOf(rawRing);
      if (typeof positions === 'string') {
        problems.push(`${described}: ring ${ringIndex + 1} ${positions}; the ring was left out.`);
        return;
      }
      const projected =
        crs === 'EPSG:4326' ? positions.map(([longitude, latitude]) => toGridPair(longitude, latitude)) : positions;
      const result = closedRing(projected);
      if ('reason' in result) {
        problems.push(`${described}: ring ${ringIndex + 1} was left out because ${result.reason}.`);
        return;
      }
      rings.push(result.ring);
    });
    if (rings.length === 0) {
      problems.push(`${described} has no usable polygon ring; it was skipped.`);
      return;
    }
    // Coordinates no map has (1e308, or thousands of km off) make areas overflow: such a ward is skipped, not kept.
    const absurd = rings
      .flat()
      .filter(
        ([easting, northing]) => !(Math.abs(easting) <= ABSURD_METRES && Math.abs(northing) <= ABSURD_METRES),
      ).length;
    if (absurd > 0) {
      problems.push(
        `${described} has ${absurd} vertices thousands of kilometres from Great Britain (e.g. ${formatPair(rings.flat().find(([e, n]) => !(Math.abs(e) <= ABSURD_METRES && Math.abs(n) <= ABSURD_METRES)))}); it was skipped.`,
      );
      return;
    }
    const outside = rings.flat().filter(([easting, northing]) => !isPlausibleGridPoint(easting, northing)).length;
    if (outside > 0) {
      problems.push(
        `${described} has ${outside} vertices outside Great Britain's grid (0–700 km east, 0–1,300 km north); ` +
          `check that its coordinates are ${crs === 'EPSG:4326' ? 'longitude/latitude in that order' : 'British National Grid metres'}.`,
      );
    }
    const existing = ringsByCode.get(wardCode);
    if (existing) {
      existing.rings.push(...rings);
      existing.features++;
      return;
    }
    const wardName = (names.nameProperty && textOf(properties[names.nameProperty])) || wardCode;
    const districtCode = names.districtCodeProperty ? textOf(properties[names.districtCodeProperty]) : '';
    const districtName = names.districtNameProperty ? textOf(properties[names.districtNameProperty]) : '';
    ringsByCode.set(wardCode, {
      wardName,
      ...(districtCode ? { districtCode } : {}),
      ...(districtName ? { districtName } : {}),
      rings,
      features: 1,
    });
  });

  const boundaries: WardBoundary[] = [];
  for (const [wardCode, ward] of ringsByCode) {
    if (ward.features > 1)
      problems.push(
        `Ward ${wardCode} appears in ${ward.features} features; their polygons were merged into one boundary.`,
      );
    const grouped = groupRingsIntoPolygons(ward.rings);
    if (grouped.duplicateRings > 0) {
      problems.push(
        `Ward ${wardCode} repeats ${grouped.duplicateRings} ring${grouped.duplicateRings === 1 ? '' : 's'} exactly; the repeat was left out.`,
      );
    }
    boundaries.push({
      wardCode,
      wardName: ward.wardName,
      ...(ward.districtCode ? { districtCode: ward.districtCode } : {}),
      ...(ward.districtName ? { districtName: ward.districtName } : {}),
      polygons: grouped.polygons,
    });
  }
  return { boundaries, crs, problems };
}

function chooseCrs(geojson: unknown, problems: string[]): GeoCrs {
  const fromCoordinates = detectGeoJsonCrsFromCoordinates(geojson);
  const declaredName = declaredGeoJsonCrsName(geojson);
  if (declaredName === undefined) return fromCoordinates;
  const declared = crsFromName(declaredName);
  if (declared === null) {
    problems.push(
      `The file declares the coordinate system '${declaredName}', which is not supported (use WGS84 longitude/latitude or British National Grid, EPSG:27700); ` +
        `its coordinates look like ${describeCrs(fromCoordinates)} and were read as such.`,
    );
    return fromCoordinates;
  }
  if (declared !== fromCoordinates) {
    problems.push(
      `The file declares ${describeCrs(declared)} ('${declaredName}') but its coordinates look like ${describeCrs(fromCoordinates)}; they were read as ${describeCrs(fromCoordinates)}.`,
    );
    return fromCoordinates;
  }
  return declared;
}

function describeCrs(crs: GeoCrs): string {
  return crs === 'EPSG:4326' ? 'WGS84 longitude/latitude' : 'British National Grid easting/northing';
}

function toGridPair(longitude: number, latitude: number): readonly [number, number] {
  if (!Number.isFinite(longitude) || !Number.isFinite(latitude)) return [longitude, latitude];
  const point = wgs84ToGrid(longitude, latitude);
  return [point.easting, point.northing];
}

function featuresOf(geojson: unknown): readonly unknown[] | undefined {
  if (!isRecord(geojson)) return undefined;
  if (geojson.type === 'FeatureCollection' && Array.isArray(geojson.features)) return geojson.features as unknown[];
  if (geojson.type === 'Feature') return [geojson];
  return undefined;
}

/** Every ring of a Polygon, MultiPolygon or a GeometryCollection of them, or why there are none. */
function ringsOf(geometry: unknown): unknown[] | string {
  if (!isRecord(geometry)) return 'has no geometry';
  const { type, coordinates } = geometry;
  if (type === 'Polygon') return Array.isArray(coordinates) ? coordinates : 'has a Polygon without coordinates';
  if (type === 'MultiPolygon') {
    if (!Array.isArray(coordinates)) return 'has a MultiPolygon without coordinates';
    return coordinates.flatMap((polygon: unknown): unknown[] => (Array.isArray(polygon) ? (polygon as unknown[]) : []));
  }
  if (type === 'GeometryCollection' && Array.isArray(geometry.geometries)) {
    const rings = geometry.geometries.flatMap((part: unknown) => {
      const partRings = ringsOf(part);
      return typeof partRings === 'string' ? [] : partRings;
    });
    return rings.length > 0 ? rings : 'has a GeometryCollection without polygons';
  }
  return `has a ${typeof type === 'string' ? type : 'missing'} geometry, not a Polygon or MultiPolygon`;
}

/** Ten thousand kilometres: beyond it a coordinate is no place on a British map, in metres or degrees. */
const ABSURD_METRES = 1e7;

function formatPair(pair: readonly [number, number] | undefined): string {
  return pair ? `${pair[0]}, ${pair[1]}` : '';
}

function positionsOf(rawRing: unknown): (readonly [number, number])[] | string {
  if (!Array.isArray(rawRing)) return 'is not a list of positions';
  const positions: (readonly [number, number])[] = [];
  for (const position of rawRing) {
    if (!Array.isArray(position) || position.length < 2) return 'has a position that is not an [x, y] pair';
    // JSON has no NaN or infinity (a writer turns them into null): say what the file holds, never 'NaN'.
    if (!(Number.isFinite(position[0]) && Number.isFinite(position[1])))
      return `has a position that is not a pair of numbers (${JSON.stringify(position.slice(0, 2)).slice(0, 80)})`;
    positions.push([numberOrNaN(position[0]), numberOrNaN(position[1])]);
  }
  return positions;
}

function numberOrNaN(value: unknown): number {
  return typeof value === 'number' ? value : NaN;
}

function textOf(value: unknown): string {
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return '';
}

function describeType(value: unknown): string {
  if (isRecord(value) && typeof value.type === 'string') return `'${value.type}'`;
  if (Array.isArray(value)) return 'an array';
  return value === null ? 'null' : typeof value;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
