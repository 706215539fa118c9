import type { CellValue, SheetData } from '../core/types';
import { POPULATION_AGES, type WardPopulation } from './wardPopulation';

/** The ONS-shaped header of wm_ward22_population_mid2020.csv. */
export const POPULATION_HEADERS: readonly string[] = [
  'WD22CD',
  'WD22NM',
  'LAD_CD',
  'LAD_NM',
  'total_population',
  ...POPULATION_AGES.map((age) => `age_${age}`),
  'age_10_17',
  'age_11_16',
];

/** Ward population sheet, one row per ward in code order. */
export function populationSheet(name: string, population: readonly WardPopulation[]): SheetData {
  const rows: CellValue[][] = [[...POPULATION_HEADERS]];
  const ordered = population.slice().sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  for (const ward of ordered) {
    rows.push([
      ward.code,
      ward.name,
      ward.districtCode,
      ward.districtName,
      ward.total,
      ...ward.byAge,
      ward.age10to17,
      ward.age11to16,
    ]);
  }
  return { name, rows };
}
