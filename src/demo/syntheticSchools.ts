import type { DemoGeography } from './demoGeography';
import { createWeightedSampler, type DemoRandom } from './demoRandom';
import { createNameInventor } from './inventNames';
import type { Point } from './planarGeometry';
import { randomPointInWard } from './randomPointInWard';
import type { WardPopulation } from './wardPopulation';

export type DemoSchoolKind = 'primary' | 'secondary' | 'allThrough' | 'special' | 'pupilReferralUnit';

/** A school as GIAS would list it, plus where the generator put it. */
export interface DemoSchool {
  readonly urn: number;
  readonly name: string;
  readonly kind: DemoSchoolKind;
  /** GIAS `TypeOfEstablishment (name)`. */
  readonly type: string;
  /** GIAS `PhaseOfEducation (name)`. */
  readonly phaseText: string;
  /** GIAS `EstablishmentStatus (name)`. */
  readonly status: 'Open' | 'Closed' | 'Open, but proposed to close';
  /** Pupils on roll; null for closed schools, as GIAS leaves it blank. */
  readonly pupils: number | null;
  readonly lowAge: number;
  readonly highAge: number;
  readonly location: Point;
  readonly wardIndex: number;
  readonly districtIndex: number;
  readonly postcode: string;
}

export interface DemoSchools {
  readonly schools: readonly DemoSchool[];
  readonly formulaInjectionUrn: number;
  readonly apostropheUrn: number;
}

/** First URN of the synthetic range (real URNs are 100000–15xxxx; 9xxxxx is unused). */
export const FIRST_SYNTHETIC_URN = 900001;
export const FORMULA_INJECTION_NAME = '=HYPERLINK("http://x","click") Academy';
export const APOSTROPHE_NAME = "St Mary's Catholic High School";

interface KindSpec {
  readonly kind: DemoSchoolKind;
  readonly phaseText: string;
  readonly types: readonly (readonly [string, number])[];
  readonly pupils: readonly [number, number];
  readonly ages: readonly [number, number];
  readonly patterns: readonly string[];
}

const SAINTS = [
  'Joseph',
  'Peter',
  'Paul',
  'Anne',
  'Thomas',
  'John',
  'Patrick',
  'Chad',
  'Bernadette',
  'Augustine',
  'Edmund',
  'Francis',
  'Michael',
  'Margaret',
  'Clare',
  'Teresa',
  'Jude',
  'Catherine',
];

/** GIAS-like vocabularies. Type shares are rough England figures for each phase. */
const KIND_SPECS: Readonly<Record<DemoSchoolKind, KindSpec>> = {
  primary: {
    kind: 'primary',
    phaseText: 'Primary',
    types: [
      ['Community school', 35],
      ['Academy converter', 25],
      ['Voluntary aided school', 15],
      ['Academy sponsor led', 10],
      ['Voluntary controlled school', 6],
      ['Foundation school', 5],
      ['Free schools', 4],
    ],
    pupils: [180, 650],
    ages: [4, 11],
    patterns: [
      '{} Primary School',
      '{} Junior and Infant School',
      '{} Community Primary School',
      '{} Church of England Primary School',
      "St {saint}'s Catholic Primary School",
      '{} Primary Academy',
      '{} Infant and Nursery School',
    ],
  },
  secondary: {
    kind: 'secondary',
    phaseText: 'Secondary',
    types: [
      ['Academy converter', 40],
      ['Academy sponsor led', 25],
      ['Community school', 10],
      ['Voluntary aided school', 10],
      ['Free schools', 8],
      ['Foundation school', 7],
    ],
    pupils: [650, 1700],
    ages: [11, 18],
    patterns: [
      '{} Academy',
      '{} High School',
      '{} School',
      '{} Community School',
      '{} College',
      "St {saint}'s Catholic High School",
      '{} Park Academy',
    ],
  },
  allThrough: {
    kind: 'allThrough',
    phaseText: 'All-through',
    types: [
      ['Academy converter', 1],
      ['Free schools', 1],
    ],
    pupils: [1200, 2200],
    ages: [4, 18],
    patterns: ['{} All-Through Academy', '{} All-Through School'],
  },
  special: {
    kind: 'special',
    phaseText: 'Not applicable',
    types: [
      ['Community special school', 3],
      ['Academy special converter', 2],
      ['Foundation special school', 1],
    ],
    pupils: [70, 260],
    ages: [4, 19],
    patterns: ['{} Special School', '{} School (Special)', '{} Hill School'],
  },
  pupilReferralUnit: {
    kind: 'pupilReferralUnit',
    phaseText: 'Not applicable',
    types: [
      ['Pupil referral unit', 2],
      ['Academy alternative provision converter', 1],
    ],
    pupils: [25, 110],
    ages: [11, 16],
    patterns: ['{} Pupil Referral Unit', '{} Short Stay School', '{} Learning Centre'],
  },
};

const POSTCODE_LETTERS = 'ABDEFGHJLNPQRSTUWXYZ';

/**
 * How many of each kind: about 75% primary, 19% secondary, and a few all-through, special and
 * pupil referral units (400 → 300 / 75 / 5 / 12 / 8), at least one of each.
 */
export function schoolKindCounts(total: number): Readonly<Record<DemoSchoolKind, number>> {
  const secondary = Math.max(2, Math.round(0.1875 * total));
  const allThrough = Math.max(1, Math.round(0.0125 * total));
  const special = Math.max(1, Math.round(0.03 * total));
  const pupilReferralUnit = Math.max(1, Math.round(0.02 * total));
  const primary = Math.max(1, total - secondary - allThrough - special - pupilReferralUnit);
  return { primary, secondary, allThrough, special, pupilReferralUnit };
}

/**
 * A seeded GIAS-like establishment list: schools placed in wards in proportion to their young
 * population, named after their ward ("Alderbrook Academy"), with synthetic URNs (900001…) and
 * postcodes in the non-existent ZZ area. About 4% are closed (no pupil count). One secondary is
 * named with a leading "=" (a formula-injection probe) and one is "St Mary's" (an apostrophe, and
 * the school the current list names without a URN).
 */
export function syntheticSchools(
  geography: DemoGeography,
  population: readonly WardPopulation[],
  random: DemoRandom,
  total: number,
): DemoSchools {
  const counts = schoolKindCounts(total);
  const wardSampler = createWeightedSampler(population.map((ward) => Math.max(1, ward.age10to17)));
  const districtIndexByCode = new Map(geography.districts.map((district, index) => [district.code, index]));
  const fallbackName = createNameInventor(random.fork('fallback-names'));
  const usedNames = new Set<string>();
  const usedPostcodes = new Set<string>();
  const kinds: DemoSchoolKind[] = (Object.keys(counts) as DemoSchoolKind[]).flatMap((kind) =>
    Array.from({ length: counts[kind] }, () => kind),
  );
  const secondaryPositions = kinds
    .map((kind, index) => (kind === 'secondary' ? index : -1))
    .filter((index) => index >= 0);
  const shuffledSecondaries = random.shuffle(secondaryPositions);
  const formulaPosition = shuffledSecondaries[0];
  const apostrophePosition = shuffledSecondaries[1];
  const urnOrder = random.shuffle(kinds.map((_, index) => index));
  const urnOfPosition = new Map<number, number>();
  urnOrder.forEach((position, order) => urnOfPosition.set(position, FIRST_SYNTHETIC_URN + order));

  const drafts = kinds.map((kind, position) => {
    const spec = KIND_SPECS[kind];
    const wardIndex = wardSampler(random);
    const ward = geography.wards[wardIndex];
    const location = randomPointInWard(ward, random);
    const stem = ward.name.split(/[ ,&]/)[0];
    let name = '';
    if (position === formulaPosition) name = FORMULA_INJECTION_NAME;
    else if (position === apostrophePosition) name = APOSTROPHE_NAME;
    else {
      for (let attempt = 0; attempt < 12 && (name === '' || usedNames.has(name)); attempt += 1) {
        const pattern = random.pick(spec.patterns);
        name = pattern
          .replace('{}', attempt < 6 ? stem : fallbackName().split(' ')[0])
          .replace('{saint}', random.pick(SAINTS));
      }
      while (usedNames.has(name)) name = `${fallbackName()} ${spec.patterns[0].replace('{} ', '')}`;
    }
    usedNames.add(name);
    const type =
      position === apostrophePosition
        ? 'Voluntary aided school'
        : spec.types[random.weightedIndex(spec.types.map(([, weight]) => weight))][0];
    const districtIndex = districtIndexByCode.get(ward.districtCode) ?? 0;
    let postcode = '';
    while (postcode === '' || usedPostcodes.has(postcode)) {
      postcode = `ZZ${districtIndex + 1}${random.int(0, 9)} ${random.int(1, 9)}${random.pick(POSTCODE_LETTERS.split(''))}${random.pick(POSTCODE_LETTERS.split(''))}`;
    }
    usedPostcodes.add(postcode);
    const highAge = kind === 'secondary' && random.chance(0.3) ? 16 : spec.ages[1];
    return {
      urn: urnOfPosition.get(position) ?? 0,
      name,
      kind,
      type,
      phaseText: spec.phaseText,
      // Widened on purpose: later faults set some to closed or to no pupil count (the linter cannot see it).
      // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-assertion
      status: 'Open' as DemoSchool['status'],
      // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-assertion
      pupils: random.int(spec.pupils[0], spec.pupils[1]) as number | null,
      lowAge: spec.ages[0],
      highAge,
      location: [Math.round(location[0]), Math.round(location[1])] as Point,
      wardIndex,
      districtIndex,
      postcode,
    };
  });

  // About 4% closed (never the two probe schools), and one open-but-proposed-to-close.
  const closable = random.shuffle(
    drafts.map((_, index) => index).filter((index) => index !== formulaPosition && index !== apostrophePosition),
  );
  const closedCount = Math.max(1, Math.round(0.04 * drafts.length));
  closable.slice(0, closedCount).forEach((index) => {
    drafts[index].status = 'Closed';
    drafts[index].pupils = null;
  });
  if (closable.length > closedCount) drafts[closable[closedCount]].status = 'Open, but proposed to close';

  const schools = drafts.slice().sort((a, b) => a.urn - b.urn);
  return {
    schools,
    formulaInjectionUrn: urnOfPosition.get(formulaPosition) ?? 0,
    apostropheUrn: urnOfPosition.get(apostrophePosition) ?? 0,
  };
}
