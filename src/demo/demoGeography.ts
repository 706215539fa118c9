import type { BoundingBox, PlanarParts, Point } from './planarGeometry';

/** A ward as the generator holds it: BNG polygons plus what the later steps need. */
export interface DemoWard {
  readonly code: string;
  readonly name: string;
  readonly districtCode: string;
  readonly districtName: string;
  /** Multipolygon in BNG metres: parts → rings (outer counter-clockwise, holes clockwise) → closed vertex lists. */
  readonly parts: PlanarParts;
  /** Area-weighted centroid of the largest part's outer ring. */
  readonly centroid: Point;
  /** Square metres, holes excluded. */
  readonly area: number;
  readonly bbox: BoundingBox;
}

export interface DemoDistrict {
  readonly code: string;
  readonly name: string;
  /** Its main town centre: where offences and schools concentrate. */
  readonly centre: Point;
}

/** The area the demo covers, whichever way it was made. */
export interface DemoGeography {
  readonly mode: 'synthetic' | 'real';
  readonly wards: readonly DemoWard[];
  readonly districts: readonly DemoDistrict[];
  /** Synthetic mode: an enclave ward and the ward it is a hole of. */
  readonly enclave: { readonly wardCode: string; readonly containerWardCode: string } | null;
  readonly bbox: BoundingBox;
}
