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
 * WGS84 longitude/latitude (degrees) to BNG easting/northing (metres).
 * @example wgs84ToGrid(-1.8904, 52.4862) // => { easting: ~407,400, northing: ~286,900 } (Birmingham)
 */
export function wgs84ToGrid(longitude: number, latitude: number): GridPoint {
  const [easting, northing] = toGrid.forward([longitude, latitude]);
  return { easting, northing };
}

/** BNG easting/northing (metres) to WGS84 longitude/latitude (degrees). */
export function gridToWgs84(point: GridPoint): { longitude: number; latitude: number } {
  const [longitude, latitude] = toGrid.inverse([point.easting, point.northing]);
  return { longitude, latitude };
}

/** True when the pair lies inside Great Britain's grid extent (0..700 km E, 0..1300 km N). */
export function isPlausibleGridPoint(easting: number, northing: number): boolean {
  return Number.isFinite(easting) && Number.isFinite(northing) && easting >= 0 && easting <= 700000 && northing >= 0 && northing <= 1300000;
}

/** True when the pair lies in a box around the British Isles in WGS84 degrees. */
export function isPlausibleLonLat(longitude: number, latitude: number): boolean {
  return Number.isFinite(longitude) && Number.isFinite(latitude) && longitude >= -9 && longitude <= 3 && latitude >= 49 && latitude <= 61;
}
