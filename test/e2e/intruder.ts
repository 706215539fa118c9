/**
 * An intruder's own model of two nested runs' published ward tables (shared by the tests that
 * attack outputs): per ward, the inner run's count and the slice between the runs, both at least
 * 0, every published number of both runs a constraint, solved with HiGHS directly.
 */
import type highsLoader from 'highs';
import type { WorkbookData } from '../../src/core/types';
import { asPublished, labelled, sheetNamed, tableRows, type Published } from './outputSheets';

export type Highs = Awaited<ReturnType<typeof highsLoader>>;
export const PROTECTION = 5;

export interface WardTable {
  readonly wards: Map<string, { readonly district: string; readonly offences: Published }>;
  readonly districts: Map<string, Published>;
  readonly area: Published;
}

/** The published offences by ward, district and area, as a reader finds them on the Wards sheet. */
export function offencesTable(output: WorkbookData, sheetName = 'Wards'): WardTable {
  const sheet = sheetNamed(output, sheetName);
  const wards = new Map(
    tableRows(sheet, 'Ward code').map((row) => [
      String(row['Ward code']),
      { district: String(row.District), offences: asPublished(row.Offences) },
    ]),
  );
  const districts = new Map(
    tableRows(sheet, 'District', 'Wards').map((row) => [String(row.District), asPublished(row.Offences)]),
  );
  return { wards, districts, area: asPublished(labelled(sheet, 'Offences')) };
}

/**
 * The intruder: for nested runs (every record of `inner` is in `outer`), each ward's offences are
 * inner + slice, both at least 0; every published number of both runs is a constraint (a withheld
 * one is at least 1, as zeros are shown). Returns the least and greatest value of a ward's slice.
 */
export function sliceRange(
  highs: Highs,
  outer: WardTable,
  inner: WardTable,
  ward: string,
): { lower: number; upper: number } {
  const codes = [...outer.wards.keys()];
  const name = (code: string): string => code.replace(/[^A-Za-z0-9]/g, '_');
  const constraints: string[] = [];
  const equation = (terms: string[], value: Published): void => {
    constraints.push(`${terms.join(' + ')} ${value === '[c]' ? '>= 1' : `= ${value}`}`);
  };
  for (const code of codes) {
    equation([`a_${name(code)}`, `s_${name(code)}`], outer.wards.get(code)!.offences);
    equation([`a_${name(code)}`], inner.wards.get(code)!.offences);
  }
  for (const [district, value] of outer.districts) {
    const members = codes.filter((code) => outer.wards.get(code)!.district === district);
    equation(
      members.flatMap((code) => [`a_${name(code)}`, `s_${name(code)}`]),
      value,
    );
    equation(
      members.map((code) => `a_${name(code)}`),
      inner.districts.get(district)!,
    );
  }
  equation(
    codes.flatMap((code) => [`a_${name(code)}`, `s_${name(code)}`]),
    outer.area,
  );
  equation(
    codes.map((code) => `a_${name(code)}`),
    inner.area,
  );
  const solve = (sense: 'Minimize' | 'Maximize'): number => {
    const lp = `${sense}\n obj: s_${name(ward)}\nSubject To\n${constraints.map((c, i) => ` c${i}: ${c}`).join('\n')}\nEnd\n`;
    const solution = highs.solve(lp);
    if (solution.Status === 'Unbounded') return Infinity;
    if (solution.Status !== 'Optimal') throw new Error(`intruder LP: ${solution.Status}`);
    return sense === 'Minimize'
      ? Math.ceil(solution.ObjectiveValue - 1e-6)
      : Math.floor(solution.ObjectiveValue + 1e-6);
  };
  return { lower: solve('Minimize'), upper: solve('Maximize') };
}

/**
 * The range a slice must keep: the protection interval, or, inside a count the outer run showed as
 * v, as wide as that count allows (0 to v − 1, the inner count being withheld and so at least 1).
 */
export function neededWidth(outer: WardTable, ward: string): number {
  const shown = outer.wards.get(ward)!.offences;
  return shown === '[c]' ? PROTECTION : Math.min(PROTECTION, shown - 1);
}

/** True slices (outer − inner) by ward from the independent calculator, for those from 1 to 4. */
export function smallSlices(
  outer: ReadonlyMap<string, number>,
  inner: ReadonlyMap<string, number>,
): Map<string, number> {
  const small = new Map<string, number>();
  for (const [ward, count] of outer) {
    const slice = count - (inner.get(ward) ?? 0);
    if (slice >= 1 && slice < PROTECTION) small.set(ward, slice);
  }
  return small;
}
