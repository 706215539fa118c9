import proj4 from 'proj4';
import type { GridPoint } from '../types';

/**
 * British National Grid (EPSG:27700): Transverse Mercator on the Airy 1830 ellipsoid, with the
 * Ordnance Survey's published 7-parameter Helmert shift to WGS84 (OS, "A guide to coordinate
 * systems in Great Britain", section 6.6). Accurate to a few metres; OSTN15 would give centimetres,
 * far finer than offence locations are recorded.
 */
const BRITISH_NATIONAL_GRID =
  '+proj=tmerc +lat_0=49 +lon_0=-2 +k=0.9996012717 +x_0=400000 +y_0=-100000 +ellps=airy ' +
  '+towgs84=446.448,-125.157,542.06,0.15,0.247,0.842,-20.489 +units=m +no_defs';

const toGrid = proj4('EPSG:4326', BRITISH_NATIONAL_GRID);

/**
 * The National Grid projection alone: OSGB36 latitude/longitude on the Airy 1830 ellipsoid to
 * easting/northing, no datum shift (OS guide, Annex C: true origin 49°N 2°W, scale 0.9996012717,
 * false origin 400 km W and 100 km N of the true origin).
 */
const OSGB36_GEOGRAPHIC = '+proj=longlat +ellps=airy +no_defs';
const NATIONAL_GRID_PROJECTION =
  '+proj=tmerc +lat_0=49 +lon_0=-2 +k=0.9996012717 +x_0=400000 +y_0=-100000 +ellps=airy +units=m +no_defs';
const osgb36ToNationalGrid = proj4(OSGB36_GEOGRAPHIC, NATIONAL_GRID_PROJECTION);

/**
 * WGS84 longitude/latitude (degrees) to BNG easting/northing (metres).
 * @example wgs84ToGrid(-1.8904, 52.4862) // => { easting: 407539.6, northing: 287592.5 } (central Birmingham, SP 075 875)
 * Checked against Ordnance Survey's OSTN15 test points to within 5 m (test/geo/bng.test.ts).
 */
export function wgs84ToGrid(longitude: number, latitude: number): GridPoint {
  const [easting, northing] = toGrid.forward([longitude, latitude]);
  return { easting, northing };
}

/**
 * OSGB36 longitude/latitude (degrees, already on the Airy 1830 datum) to BNG easting/northing: the
 * projection step only. Use it for coordinates that are OSGB36 already (old survey data); GPS and
 * web-map coordinates are WGS84 and go through {@link wgs84ToGrid}.
 * @example osgb36ToGrid(1.7179216, 52.6575703) // => { easting: 651409.903, northing: 313177.270 }
 *   (OS guide Annex C worked example, Caister Water Tower, 52°39′27.2531″N 1°43′4.5177″E)
 */
export function osgb36ToGrid(longitude: number, latitude: number): GridPoint {
  const [easting, northing] = osgb36ToNationalGrid.forward([longitude, latitude]);
  return { easting, northing };
}

/** BNG easting/northing (metres) to WGS84 longitude/latitude (degrees). */
export function gridToWgs84(point: GridPoint): { longitude: number; latitude: number } {
  const [longitude, latitude] = toGrid.inverse([point.easting, point.northing]);
  return { longitude, latitude };
}

/** True when the pair lies inside Great Britain's grid extent (0..700 km E, 0..1300 km N). */
export function isPlausibleGridPoint(easting: number, northing: number): boolean {
  return (
    Number.isFinite(easting) &&
    Number.isFinite(northing) &&
    easting >= 0 &&
    easting <= 700000 &&
    northing >= 0 &&
    northing <= 1300000
  );
}

/** True when the pair lies in a box around the British Isles in WGS84 degrees. */
export function isPlausibleLonLat(longitude: number, latitude: number): boolean {
  return (
    Number.isFinite(longitude) &&
    Number.isFinite(latitude) &&
    longitude >= -9 &&
    longitude <= 3 &&
    latitude >= 49 &&
    latitude <= 61
  );
}
