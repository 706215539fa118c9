/**
 * Which coordinate reference system a set of coordinates is in. The engine knows two: WGS84
 * longitude/latitude in degrees (EPSG:4326, GeoJSON's default under RFC 7946) and British National
 * Grid easting/northing in metres (EPSG:27700).
 */
export type GeoCrs = 'EPSG:4326' | 'EPSG:27700';

/**
 * Reads a CRS name as written in a GeoJSON `crs` member (the 2008 GeoJSON spec's named CRS), a
 * `.prj`-like label or a sheet header. Returns null for names it does not recognise.
 *
 * Recognised: OGC CRS84 (`urn:ogc:def:crs:OGC:1.3:CRS84`, `urn:ogc:def:crs:OGC::CRS84`), any EPSG
 * spelling of 4326 or of 4258 (ETRS89, within a metre of WGS84 in Britain) and any EPSG spelling
 * of 27700 (`EPSG:27700`, `urn:ogc:def:crs:EPSG::27700`, `http://www.opengis.net/def/crs/EPSG/0/27700`).
 * @example crsFromName('urn:ogc:def:crs:EPSG::27700') // => 'EPSG:27700'
 * @example crsFromName('urn:ogc:def:crs:OGC:1.3:CRS84') // => 'EPSG:4326'
 * @example crsFromName('EPSG:3857') // => null
 */
export function crsFromName(name: string): GeoCrs | null {
  const text = name.trim().toLowerCase();
  if (/crs:?84$/.test(text) || text === 'wgs84' || text === 'wgs 84') return 'EPSG:4326';
  if (text.includes('british national grid') || text === 'osgb36' || text === 'bng') return 'EPSG:27700';
  if (!text.includes('epsg')) return null;
  const code = /(\d+)\s*$/.exec(text)?.[1];
  if (code === '4326' || code === '4258') return 'EPSG:4326';
  if (code === '27700') return 'EPSG:27700';
  return null;
}

/**
 * The CRS name a GeoJSON object declares in its `crs` member (`{ type: 'name', properties: { name } }`),
 * or undefined when it declares none. RFC 7946 dropped the member, but GDAL and QGIS still write it
 * for anything that is not WGS84.
 */
export function declaredGeoJsonCrsName(geojson: unknown): string | undefined {
  if (!isRecord(geojson)) return undefined;
  const crs = geojson.crs;
  if (!isRecord(crs)) return undefined;
  const properties = crs.properties;
  if (!isRecord(properties)) return undefined;
  const name = properties.name ?? properties.code;
  if (typeof name === 'string') return name;
  if (typeof name === 'number') return `EPSG:${name}`;
  return undefined;
}

/**
 * The CRS of a GeoJSON object: the one its `crs` member names when that is recognised, otherwise the
 * one its coordinate range implies ({@link detectPairCrs} over every position in the object).
 * @example detectGeoJsonCrs({ type: 'Point', coordinates: [-1.89, 52.48] }) // => 'EPSG:4326'
 * @example detectGeoJsonCrs({ type: 'Point', coordinates: [407400, 286900] }) // => 'EPSG:27700'
 */
export function detectGeoJsonCrs(geojson: unknown): GeoCrs {
  const declaredName = declaredGeoJsonCrsName(geojson);
  const declared = declaredName === undefined ? null : crsFromName(declaredName);
  if (declared) return declared;
  return detectGeoJsonCrsFromCoordinates(geojson);
}

/** The CRS implied by the range of every position in a GeoJSON object, ignoring any `crs` member. */
export function detectGeoJsonCrsFromCoordinates(geojson: unknown): GeoCrs {
  const xs: number[] = [];
  const ys: number[] = [];
  collectPositions(geojson, xs, ys, 0);
  return detectPairCrs(xs, ys);
}

/**
 * The CRS implied by a list of coordinate pairs (xs[i], ys[i]): longitude/latitude when most finite
 * pairs lie within -180..180 by -90..90, easting/northing in metres otherwise. A majority vote, so
 * one stray vertex does not flip a whole sheet. Every real British grid coordinate is a metre
 * distance from a false origin 100s of km away, so it falls outside the degree range except within
 * 180 m east and 90 m north of that origin, in the sea off the Scilly Isles.
 * With no finite pair it returns 'EPSG:4326', GeoJSON's default.
 * @example detectPairCrs([-1.9, -1.8], [52.4, 52.5]) // => 'EPSG:4326'
 * @example detectPairCrs([407400, 408100], [286900, 287300]) // => 'EPSG:27700'
 */
export function detectPairCrs(xs: readonly number[], ys: readonly number[]): GeoCrs {
  let finitePairs = 0;
  let degreePairs = 0;
  const pairCount = Math.min(xs.length, ys.length);
  for (let i = 0; i < pairCount; i++) {
    const x = xs[i];
    const y = ys[i];
    if (!Number.isFinite(x) || !Number.isFinite(y)) continue;
    finitePairs++;
    if (Math.abs(x) <= 180 && Math.abs(y) <= 90) degreePairs++;
  }
  if (finitePairs === 0) return 'EPSG:4326';
  return degreePairs * 2 > finitePairs ? 'EPSG:4326' : 'EPSG:27700';
}

/** Depth guard: GeoJSON nests at most four arrays deep (MultiPolygon); collections add a few levels. */
const MAX_DEPTH = 12;

function collectPositions(node: unknown, xs: number[], ys: number[], depth: number): void {
  if (depth > MAX_DEPTH) return;
  if (Array.isArray(node)) {
    if (node.length >= 2 && typeof node[0] === 'number' && typeof node[1] === 'number') {
      xs.push(node[0]);
      ys.push(node[1]);
      return;
    }
    for (const child of node) collectPositions(child, xs, ys, depth + 1);
    return;
  }
  if (!isRecord(node)) return;
  if ('coordinates' in node) collectPositions(node.coordinates, xs, ys, depth + 1);
  if ('geometry' in node) collectPositions(node.geometry, xs, ys, depth + 1);
  if ('geometries' in node) collectPositions(node.geometries, xs, ys, depth + 1);
  if ('features' in node) collectPositions(node.features, xs, ys, depth + 1);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
