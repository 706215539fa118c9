import type { DemoGeography } from './demoGeography';
import type { DemoRandom } from './demoRandom';
import type { PopulationCsvRow } from './types';

/** Single years of age in the ONS-shaped population sheet: 4 to 18. */
export const POPULATION_AGES: readonly number[] = Array.from({ length: 15 }, (_, index) => index + 4);

/** One ward's population, in the shape of wm_ward22_population_mid2020.csv. */
export interface WardPopulation {
  readonly code: string;
  readonly name: string;
  readonly districtCode: string;
  readonly districtName: string;
  readonly total: number;
  /** Residents by single year of age; index 0 is age 4, index 14 is age 18. */
  readonly byAge: readonly number[];
  readonly age10to17: number;
  readonly age11to16: number;
}

const sumAges = (byAge: readonly number[], from: number, to: number): number =>
  POPULATION_AGES.reduce((sum, age, index) => (age >= from && age <= to ? sum + byAge[index] : sum), 0);

/**
 * Seeded ward populations with realistic magnitudes: about 14,500 residents per ward (normal,
 * σ 3,000, more near town centres), each single year of age 4–18 about 1.28% of residents (the
 * England mid-2020 share is 1.2–1.3% per year), scaled by a ward "youth" factor (lognormal σ 0.12,
 * higher in urban cores) and a little cohort noise. So age 10–17 is usually 1,000–3,000 per ward.
 * The age_10_17 and age_11_16 totals are sums of the single years.
 * @example total 15,000, youth factor 1: each year ≈ 15,000 × 0.0128 = 192, so age 10–17 ≈ 8 × 192 = 1,536
 */
export function syntheticWardPopulation(geography: DemoGeography, random: DemoRandom): WardPopulation[] {
  return geography.wards.map((ward) => {
    let nearestCentre = Infinity;
    for (const district of geography.districts) {
      nearestCentre = Math.min(
        nearestCentre,
        Math.hypot(ward.centroid[0] - district.centre[0], ward.centroid[1] - district.centre[1]),
      );
    }
    const urban = Math.exp(-(nearestCentre * nearestCentre) / (2 * 5000 * 5000));
    const total = Math.round(Math.max(5000, Math.min(32000, random.normal(14500, 3000) * (1 + 0.2 * urban))));
    const youth = Math.exp(random.normal(0, 0.12)) * (1 + 0.15 * urban);
    const byAge = POPULATION_AGES.map((age) => {
      const shape = age <= 11 ? 1.04 : age <= 15 ? 1 : age <= 17 ? 0.97 : 0.93;
      return Math.max(0, Math.round(total * 0.0128 * youth * shape * Math.exp(random.normal(0, 0.05))));
    });
    return {
      code: ward.code,
      name: ward.name,
      districtCode: ward.districtCode,
      districtName: ward.districtName,
      total,
      byAge,
      age10to17: sumAges(byAge, 10, 17),
      age11to16: sumAges(byAge, 11, 16),
    };
  });
}

const numberFrom = (value: string | number | undefined): number => {
  const parsed = typeof value === 'number' ? value : Number(String(value ?? '').trim());
  return Number.isFinite(parsed) ? parsed : 0;
};

/**
 * Real ONS populations, one per ward of `geography` (ward order), from rows of the ward population
 * CSV. A ward without a row gets zeros. The age_10_17 and age_11_16 columns are taken as given when
 * present, else summed.
 */
export function realWardPopulation(geography: DemoGeography, rows: readonly PopulationCsvRow[]): WardPopulation[] {
  const byCode = new Map<string, PopulationCsvRow>();
  for (const row of rows) byCode.set(String(row.WD22CD ?? '').trim(), row);
  return geography.wards.map((ward) => {
    const row = byCode.get(ward.code);
    const byAge = POPULATION_AGES.map((age) => numberFrom(row?.[`age_${age}`]));
    return {
      code: ward.code,
      name: ward.name,
      districtCode: ward.districtCode,
      districtName: ward.districtName,
      total: numberFrom(row?.total_population),
      byAge,
      age10to17: row && row.age_10_17 !== undefined ? numberFrom(row.age_10_17) : sumAges(byAge, 10, 17),
      age11to16: row && row.age_11_16 !== undefined ? numberFrom(row.age_11_16) : sumAges(byAge, 11, 16),
    };
  });
}
