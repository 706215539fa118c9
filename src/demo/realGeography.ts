import { wgs84ToGrid } from '../core/geo/bng';
import type { DemoDistrict, DemoGeography, DemoWard } from './demoGeography';
import {
  boundingBoxOfParts,
  closeRing,
  partsArea,
  ringCentroid,
  ringSignedArea,
  type BoundingBox,
  type PlanarParts,
  type PlanarPolygon,
  type Point,
} from './planarGeometry';
import type { RealInputs } from './types';

const roundCentimetre = (value: number): number => Math.round(value * 100) / 100;

const text = (value: unknown): string => {
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return value === undefined || value === null ? '' : JSON.stringify(value);
};

/** Outer rings counter-clockwise, holes clockwise (RFC 7946 §3.1.6). */
function orientPolygon(polygon: PlanarPolygon): PlanarPolygon {
  return polygon.map((ring, index) => {
    const counterClockwise = ringSignedArea(ring) > 0;
    const wanted = index === 0;
    return counterClockwise === wanted ? ring : ring.slice().reverse();
  });
}

function toGridParts(geometry: RealInputs['wards']['features'][number]['geometry']): PlanarParts {
  const lonLatParts = (geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates) as number[][][][];
  return lonLatParts.map((polygon) =>
    orientPolygon(
      polygon.map((ring) =>
        closeRing(
          ring.map(([longitude, latitude]): Point => {
            const { easting, northing } = wgs84ToGrid(longitude, latitude);
            return [roundCentimetre(easting), roundCentimetre(northing)];
          }),
        ),
      ),
    ),
  );
}

/**
 * The real wards (a WGS84 FeatureCollection with WD22CD, WD22NM, LAD_CD/LAD22CD, LAD_NM/LAD22NM)
 * converted to British National Grid. District centres are the population-weighted mean of their
 * wards' centroids (total_population from the population rows; equal weights where missing).
 */
export function realGeography(real: RealInputs): DemoGeography {
  const totals = new Map<string, number>();
  for (const row of real.population) totals.set(text(row.WD22CD), Number(row.total_population) || 0);
  const wards: DemoWard[] = real.wards.features
    .filter(
      (feature) =>
        feature.geometry && (feature.geometry.type === 'Polygon' || feature.geometry.type === 'MultiPolygon'),
    )
    .map((feature) => {
      const properties = feature.properties;
      const parts = toGridParts(feature.geometry);
      const largest = parts.reduce((best, polygon) =>
        Math.abs(ringSignedArea(polygon[0])) > Math.abs(ringSignedArea(best[0])) ? polygon : best,
      );
      return {
        code: text(properties.WD22CD),
        name: text(properties.WD22NM),
        districtCode: text(properties.LAD_CD ?? properties.LAD22CD),
        districtName: text(properties.LAD_NM ?? properties.LAD22NM),
        parts,
        centroid: ringCentroid(largest[0]),
        area: partsArea(parts),
        bbox: boundingBoxOfParts(parts),
      };
    })
    .sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  const districtCodes = [...new Set(wards.map((ward) => ward.districtCode))].sort();
  const districts: DemoDistrict[] = districtCodes.map((code) => {
    const members = wards.filter((ward) => ward.districtCode === code);
    let weightSum = 0;
    let x = 0;
    let y = 0;
    for (const ward of members) {
      const weight = totals.get(ward.code) || 1;
      weightSum += weight;
      x += weight * ward.centroid[0];
      y += weight * ward.centroid[1];
    }
    return { code, name: members[0].districtName, centre: [Math.round(x / weightSum), Math.round(y / weightSum)] };
  });
  const bbox: BoundingBox = {
    minX: Math.min(...wards.map((ward) => ward.bbox.minX)),
    minY: Math.min(...wards.map((ward) => ward.bbox.minY)),
    maxX: Math.max(...wards.map((ward) => ward.bbox.maxX)),
    maxY: Math.max(...wards.map((ward) => ward.bbox.maxY)),
  };
  return { mode: 'real', wards, districts, enclave: null, bbox };
}
