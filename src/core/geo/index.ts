// Coordinates: WGS84 <-> British National Grid, and which CRS a file uses.
export { wgs84ToGrid, gridToWgs84, osgb36ToGrid, isPlausibleGridPoint, isPlausibleLonLat } from './bng';
export {
  detectGeoJsonCrs,
  detectGeoJsonCrsFromCoordinates,
  detectPairCrs,
  crsFromName,
  declaredGeoJsonCrsName,
  type GeoCrs,
} from './detectCrs';
export { gridDistanceMetres } from './distance';

// Boundaries in: GeoJSON files and vertex sheets, to BNG ward multipolygons.
export { boundariesFromGeoJson, type BoundaryImport, type BoundariesFromGeoJsonOptions } from './boundariesFromGeoJson';
export { boundariesFromVertices, type BoundaryVertex } from './boundariesFromVertices';
export { detectWardProperties, normaliseKey, type WardPropertyNames } from './detectWardProperties';
export { closedRing, signedRingArea, type ClosedRingResult } from './closedRing';
export { groupRingsIntoPolygons, type GroupedRings } from './groupRingsIntoPolygons';

// Points to wards: the exact test, the spatial index, and the naive baseline.
export { pointInWard, type PointPlacement } from './pointInWard';
export { buildWardIndex, locateWard, locateWards, type WardIndex, type WardIndexOptions } from './wardIndex';
export { locateWardNaive } from './locateWardNaive';

// One point and one box per ward: for distances, labels and map frames.
export { representativePoint, areaCentroid } from './representativePoint';
export { wardBoundingBox, type BoundingBox } from './wardBoundingBox';
