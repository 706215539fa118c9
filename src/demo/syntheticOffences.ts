import type { DemoGeography } from './demoGeography';
import { createWeightedSampler, hashIntegers, type DemoRandom } from './demoRandom';
import type { Point } from './planarGeometry';
import { randomPointInWard } from './randomPointInWard';
import type { SchoolChoice } from './schoolChoice';
import type { DemoSchool } from './syntheticSchools';
import type { Hotspot } from './violenceHotspots';
import type { WardLookup } from './wardLookup';
import type { WardPopulation } from './wardPopulation';

/** Home Office offence groups with rough shares of youth violence records, and the chance a weapon is flagged. */
export const OFFENCE_GROUPS: readonly { readonly name: string; readonly share: number; readonly weapon: number }[] = [
  { name: 'Violence without injury', share: 34, weapon: 0.03 },
  { name: 'Violence with injury', share: 28, weapon: 0.15 },
  { name: 'Robbery', share: 12, weapon: 0.35 },
  { name: 'Public order', share: 12, weapon: 0.03 },
  { name: 'Possession of weapons', share: 7, weapon: 1 },
  { name: 'Sexual offences', share: 4, weapon: 0.02 },
  { name: 'Stalking and harassment', share: 3, weapon: 0.01 },
];

/** First day of the financial year 2023-24 (UTC) and its length in days (2024 is a leap year). */
export const PERIOD_START = Date.UTC(2023, 3, 1);
export const PERIOD_DAYS = 366;
const DAY_MS = 86400000;

/** Offender age on 1 April 2023, as relative weights: mostly 10–19, a tail to 35. */
const AGE_WEIGHTS: readonly (readonly [number, number])[] = [
  [10, 4],
  [11, 6],
  [12, 9],
  [13, 12],
  [14, 15],
  [15, 16],
  [16, 15],
  [17, 13],
  [18, 9],
  [19, 7],
  [20, 3],
  [21, 3],
  [22, 3],
  [23, 3],
  [24, 3],
  [25, 1],
  [26, 1],
  [27, 1],
  [28, 1],
  [29, 1],
  [30, 1],
  [32, 1],
  [35, 1],
];

/** How the offender's home is recorded in the export. */
export type HomeRecording = 'coordinates' | 'wardCode' | 'both';

export interface DemoOffender {
  readonly id: string;
  readonly homeWardIndex: number;
  readonly home: Point;
  readonly ageAtStart: number;
  /** Day of the period (0-based) on which the offender has a birthday; -1 if none falls in it. */
  readonly birthdayDay: number;
  /** Index into the schools list, or -1 when not at school. */
  readonly schoolIndex: number;
  /** Whether the force recorded the school on this offender's records. */
  readonly schoolRecorded: boolean;
  readonly homeRecording: HomeRecording;
}

/** One clean offence row (one offence and one offender) before faults. */
export interface OffenceDraft {
  readonly crimeNumber: string;
  readonly offender: DemoOffender;
  /** UTC midnight. */
  readonly date: Date;
  readonly offenceType: string;
  readonly age: number;
  readonly offencePoint: Point;
  readonly offenceWardIndex: number;
  readonly weapon: boolean;
}

export interface SyntheticOffencesInputs {
  readonly geography: DemoGeography;
  readonly population: readonly WardPopulation[];
  readonly relativeRisk: readonly number[];
  readonly hotspots: readonly Hotspot[];
  readonly schools: readonly DemoSchool[];
  readonly secondaryChoice: SchoolChoice;
  readonly primaryChoice: SchoolChoice;
  readonly alternativeChoice: SchoolChoice;
  readonly lookup: WardLookup;
}

const nearest = (point: Point, centres: readonly Point[]): Point =>
  centres.reduce((best, centre) =>
    Math.hypot(centre[0] - point[0], centre[1] - point[1]) < Math.hypot(best[0] - point[0], best[1] - point[1])
      ? centre
      : best,
  );

/**
 * Seeded offenders and their offences for the financial year 2023-24, exactly `rowCount` rows.
 * Offenders live in wards in proportion to young population × relative risk (so hotspot wards
 * stand out), offend 1 + Geometric(0.55) times (mean ≈ 1.8; capped at 12), and offend near home:
 * 45% within ~400 m, 30% within ~2 km, 15% in their nearest town centre, 10% in their nearest
 * hotspot. 8% of offences have a co-offender from the same ward (a second row with the same crime
 * number). School-aged offenders attend a school drawn from the same choice model as the pupil
 * residence sheet (8% of 11–16s a special school or pupil referral unit). Crime numbers run in date
 * order. O(rows).
 */
export function syntheticOffences(
  inputs: SyntheticOffencesInputs,
  rowCount: number,
  random: DemoRandom,
): { readonly offences: OffenceDraft[]; readonly offenders: DemoOffender[] } {
  const { geography, population, relativeRisk, hotspots, lookup } = inputs;
  const homeSampler = createWeightedSampler(
    population.map((ward, index) => Math.max(1, ward.age10to17) * relativeRisk[index]),
  );
  const ageSampler = createWeightedSampler(AGE_WEIGHTS.map(([, weight]) => weight));
  const typeSampler = createWeightedSampler(OFFENCE_GROUPS.map((group) => group.share));
  const townCentres = geography.districts.map((district) => district.centre);
  const hotspotCentres = hotspots.map((hotspot) => hotspot.centre);
  const usedIds = new Set<string>();
  const offenders: DemoOffender[] = [];
  const offendersByWard = new Map<number, DemoOffender[]>();

  const newOffender = (): DemoOffender => {
    const homeWardIndex = homeSampler(random);
    const home = randomPointInWard(geography.wards[homeWardIndex], random);
    const ageAtStart = AGE_WEIGHTS[ageSampler(random)][0];
    let schoolIndex = -1;
    if (ageAtStart <= 10) schoolIndex = inputs.primaryChoice.draw(homeWardIndex, random);
    else if (ageAtStart <= 16 && random.chance(0.95)) {
      schoolIndex = random.chance(0.08)
        ? inputs.alternativeChoice.draw(homeWardIndex, random)
        : inputs.secondaryChoice.draw(homeWardIndex, random);
    } else if (ageAtStart === 17 && random.chance(0.6))
      schoolIndex = inputs.secondaryChoice.draw(homeWardIndex, random);
    const roll = random.next();
    let id = '';
    for (let salt = offenders.length; id === '' || usedIds.has(id); salt += 7919) {
      id = `P${hashIntegers(salt, random.int(0, 0x7fffffff)).toString(16).toUpperCase().padStart(8, '0')}`;
    }
    usedIds.add(id);
    const offender: DemoOffender = {
      id,
      homeWardIndex,
      home: [Math.round(home[0]), Math.round(home[1])],
      ageAtStart,
      birthdayDay: random.int(0, PERIOD_DAYS - 1),
      schoolIndex,
      schoolRecorded: schoolIndex >= 0 && random.chance(0.95),
      homeRecording: roll < 0.08 ? 'wardCode' : roll < 0.13 ? 'both' : 'coordinates',
    };
    offenders.push(offender);
    const neighbours = offendersByWard.get(homeWardIndex);
    if (neighbours) neighbours.push(offender);
    else offendersByWard.set(homeWardIndex, [offender]);
    return offender;
  };

  const offencePoint = (offender: DemoOffender): { point: Point; wardIndex: number } => {
    const mode = random.next();
    for (let attempt = 0; attempt < 8; attempt += 1) {
      let point: Point;
      if (mode < 0.45) point = [offender.home[0] + random.normal(0, 400), offender.home[1] + random.normal(0, 400)];
      else if (mode < 0.75)
        point = [offender.home[0] + random.normal(0, 2000), offender.home[1] + random.normal(0, 2000)];
      else if (mode < 0.9) {
        const centre = nearest(offender.home, townCentres);
        point = [centre[0] + random.normal(0, 800), centre[1] + random.normal(0, 800)];
      } else {
        const centre = nearest(offender.home, hotspotCentres.length > 0 ? hotspotCentres : townCentres);
        point = [centre[0] + random.normal(0, 900), centre[1] + random.normal(0, 900)];
      }
      const rounded: Point = [Math.round(point[0]), Math.round(point[1])];
      const wardIndex = lookup(rounded[0], rounded[1]);
      if (wardIndex >= 0) return { point: rounded, wardIndex };
    }
    return { point: offender.home, wardIndex: lookup(offender.home[0], offender.home[1]) };
  };

  const ageOn = (offender: DemoOffender, day: number): number =>
    offender.ageAtStart + (day >= offender.birthdayDay ? 1 : 0);

  interface Pending {
    readonly crime: number;
    readonly day: number;
    readonly offender: DemoOffender;
    readonly offenceType: string;
    readonly point: Point;
    readonly wardIndex: number;
    readonly weapon: boolean;
  }
  const pending: Pending[] = [];
  let crime = 0;
  while (pending.length < rowCount) {
    const offender = newOffender();
    let times = 1;
    while (times < 12 && random.chance(0.45)) times += 1;
    for (let time = 0; time < times && pending.length < rowCount; time += 1) {
      const day = random.int(0, PERIOD_DAYS - 1);
      const group = OFFENCE_GROUPS[typeSampler(random)];
      const { point, wardIndex } = offencePoint(offender);
      const weapon = random.chance(group.weapon);
      crime += 1;
      pending.push({ crime, day, offender, offenceType: group.name, point, wardIndex, weapon });
      if (pending.length < rowCount && random.chance(0.08)) {
        const candidates = (offendersByWard.get(offender.homeWardIndex) ?? []).filter((other) => other !== offender);
        if (candidates.length > 0)
          pending.push({
            crime,
            day,
            offender: random.pick(candidates),
            offenceType: group.name,
            point,
            wardIndex,
            weapon,
          });
      }
    }
  }

  // Crime numbers in date order, as a force's sequence would be (gaps for the force's other crimes).
  const crimeDay = new Map<number, number>();
  for (const entry of pending) if (!crimeDay.has(entry.crime)) crimeDay.set(entry.crime, entry.day);
  const crimesInOrder = [...crimeDay.keys()].sort((a, b) => (crimeDay.get(a) ?? 0) - (crimeDay.get(b) ?? 0) || a - b);
  const crimeNumber = new Map<number, string>();
  let sequence = random.int(1000, 5000);
  for (const id of crimesInOrder) {
    sequence += random.int(3, 40);
    const year = new Date(PERIOD_START + (crimeDay.get(id) ?? 0) * DAY_MS).getUTCFullYear() % 100;
    crimeNumber.set(id, `99/${String(sequence).padStart(6, '0')}/${year}`);
  }
  const offences: OffenceDraft[] = pending
    .map((entry, order) => ({ entry, order }))
    .sort((a, b) => a.entry.day - b.entry.day || a.entry.crime - b.entry.crime || a.order - b.order)
    .map(({ entry }) => ({
      crimeNumber: crimeNumber.get(entry.crime) ?? '',
      offender: entry.offender,
      date: new Date(PERIOD_START + entry.day * DAY_MS),
      offenceType: entry.offenceType,
      age: ageOn(entry.offender, entry.day),
      offencePoint: entry.point,
      offenceWardIndex: entry.wardIndex,
      weapon: entry.weapon,
    }));
  return { offences, offenders };
}
