import type { WardBoundary } from '../core/types';
import type { DemoWard } from './demoGeography';

/** GeoJSON 2008 named-CRS member for British National Grid. */
export const BNG_CRS = { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::27700' } } as const;

/**
 * Ward boundaries as a GeoJSON FeatureCollection in British National Grid, with the (pre-RFC 7946)
 * `crs` member saying so. Single-part wards are Polygons, multi-part ones MultiPolygons. Properties
 * WD22CD, WD22NM, LAD22CD, LAD22NM.
 */
export function boundariesGeoJson(wards: readonly DemoWard[], description: string): object {
  return {
    type: 'FeatureCollection',
    name: 'demo_wards_bng',
    description,
    crs: BNG_CRS,
    features: wards.map((ward) => ({
      type: 'Feature',
      properties: { WD22CD: ward.code, WD22NM: ward.name, LAD22CD: ward.districtCode, LAD22NM: ward.districtName },
      geometry:
        ward.parts.length === 1
          ? { type: 'Polygon', coordinates: ward.parts[0].map((ring) => ring.map(([x, y]) => [x, y])) }
          : {
              type: 'MultiPolygon',
              coordinates: ward.parts.map((polygon) => polygon.map((ring) => ring.map(([x, y]) => [x, y]))),
            },
    })),
  };
}

/** The same wards in the engine's vocabulary. */
export function wardBoundaries(wards: readonly DemoWard[]): WardBoundary[] {
  return wards.map((ward) => ({
    wardCode: ward.code,
    wardName: ward.name,
    districtCode: ward.districtCode,
    districtName: ward.districtName,
    polygons: ward.parts.map((polygon) => polygon.map((ring) => ring.map(([x, y]) => [x, y] as const))),
  }));
}
