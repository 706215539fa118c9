import type { CellValue, SheetData } from '../core/types';
import type { DemoRandom } from './demoRandom';
import type { SchoolChoice } from './schoolChoice';
import { APOSTROPHE_NAME, type DemoSchool } from './syntheticSchools';

export const CURRENT_LIST_HEADERS = ['URN', 'School name'] as const;

/** How the VRU's list spells St Mary's: no apostrophe, and no URN. */
export const NAME_ONLY_ENTRY = APOSTROPHE_NAME.replace("'", '');

export interface CurrentList {
  readonly sheet: SheetData;
  readonly urns: readonly number[];
  readonly nameOnly: { readonly name: string; readonly urn: number; readonly giasName: string };
}

/**
 * A VRU's current prevention list of about 25 schools: 17 drawn from the 30 open secondaries with the
 * highest true exposure (Σ_w pupil share_w × relative risk_w), 6 others (secondaries with lower
 * exposure, special schools, pupil referral units), and St Mary's given by name only, spelled
 * "St Marys". Sorted by name.
 */
export function currentList(
  name: string,
  schools: readonly DemoSchool[],
  secondaryChoice: SchoolChoice,
  children: readonly number[],
  relativeRisk: readonly number[],
  apostropheUrn: number,
  random: DemoRandom,
): CurrentList {
  const exposure = secondaryChoice.schoolIndexes.map((schoolIndex, column) => {
    let flow = 0;
    let weighted = 0;
    children.forEach((count, wardIndex) => {
      const wardFlow = count * secondaryChoice.probabilities[wardIndex][column];
      flow += wardFlow;
      weighted += wardFlow * relativeRisk[wardIndex];
    });
    return { schoolIndex, exposure: flow > 0 ? weighted / flow : 0 };
  });
  const eligible = exposure.filter(({ schoolIndex }) => schools[schoolIndex].urn !== apostropheUrn);
  eligible.sort((a, b) => b.exposure - a.exposure || a.schoolIndex - b.schoolIndex);
  const top = eligible.slice(0, 30).map(({ schoolIndex }) => schoolIndex);
  const fromTop = random.shuffle(top).slice(0, Math.min(17, top.length));
  const others = schools
    .map((school, index) => ({ school, index }))
    .filter(({ school, index }) => school.status !== 'Closed' && school.urn !== apostropheUrn && !top.includes(index))
    .filter(
      ({ school }) => school.kind === 'secondary' || school.kind === 'special' || school.kind === 'pupilReferralUnit',
    )
    .map(({ index }) => index);
  const fromOthers = random.shuffle(others).slice(0, 6);
  const listed = [...fromTop, ...fromOthers].map((index) => schools[index]);
  const apostropheSchool = schools.find((school) => school.urn === apostropheUrn);
  const entries: { urn: number | null; name: string }[] = listed.map((school) => ({
    urn: school.urn,
    name: school.name,
  }));
  entries.push({ urn: null, name: NAME_ONLY_ENTRY });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const rows: CellValue[][] = [
    [...CURRENT_LIST_HEADERS],
    ...entries.map((entry) => [entry.urn, entry.name] as CellValue[]),
  ];
  return {
    sheet: { name, rows },
    urns: listed.map((school) => school.urn).sort((a, b) => a - b),
    nameOnly: {
      name: NAME_ONLY_ENTRY,
      urn: apostropheUrn,
      giasName: apostropheSchool ? apostropheSchool.name : APOSTROPHE_NAME,
    },
  };
}
