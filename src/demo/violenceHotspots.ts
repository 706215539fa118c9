import type { DemoGeography } from './demoGeography';
import type { DemoRandom } from './demoRandom';
import type { Point } from './planarGeometry';

export interface Hotspot {
  readonly centre: Point;
  /** Peak relative risk added at the centre. */
  readonly strength: number;
  /** Gaussian spread, metres. */
  readonly spread: number;
}

export interface ViolenceSurface {
  readonly hotspots: readonly Hotspot[];
  /** Relative risk of youth violence per ward, in ward order (1 = background). */
  readonly relativeRisk: readonly number[];
}

/**
 * Planted clusters of youth violence: a few Gaussian bumps near the busiest town centres, so that
 * some wards are clearly above the area average. Relative risk at a ward centroid
 * rr = 1 + Σ strength · exp(−d² / 2·spread²), times a little seeded ward-level noise (lognormal,
 * σ = 0.1). Hotspot count: 60% of the districts, between 2 and 6.
 * @example one hotspot of strength 2, spread 2 km, at a ward centroid's distance 2 km:
 *   rr = 1 + 2·exp(−0.5) ≈ 2.21 (before noise)
 */
export function violenceHotspots(geography: DemoGeography, random: DemoRandom): ViolenceSurface {
  const wardsPerDistrict = new Map<string, number>();
  for (const ward of geography.wards)
    wardsPerDistrict.set(ward.districtCode, (wardsPerDistrict.get(ward.districtCode) ?? 0) + 1);
  const busiest = geography.districts
    .slice()
    .sort(
      (a, b) => (wardsPerDistrict.get(b.code) ?? 0) - (wardsPerDistrict.get(a.code) ?? 0) || (a.code < b.code ? -1 : 1),
    );
  const count = Math.max(2, Math.min(6, Math.round(0.6 * geography.districts.length)));
  const hotspots: Hotspot[] = [];
  for (let index = 0; index < count; index += 1) {
    const district = busiest[index % busiest.length];
    hotspots.push({
      centre: [district.centre[0] + random.normal(0, 2500), district.centre[1] + random.normal(0, 2500)],
      strength: random.uniform(1.6, 3),
      spread: random.uniform(1500, 2800),
    });
  }
  const relativeRisk = geography.wards.map((ward) => {
    let risk = 1;
    for (const hotspot of hotspots) {
      const distanceSquared = (ward.centroid[0] - hotspot.centre[0]) ** 2 + (ward.centroid[1] - hotspot.centre[1]) ** 2;
      risk += hotspot.strength * Math.exp(-distanceSquared / (2 * hotspot.spread * hotspot.spread));
    }
    return Math.round(risk * Math.exp(random.normal(0, 0.1)) * 1000) / 1000;
  });
  return { hotspots, relativeRisk };
}
