import type { AnalysisResult } from '../core/pipeline/analysisResult';
import { periodText } from './periodText';
import { phaseList } from './phaseLabels';

/** A heading and the plain sentences under it: the opening of the Method sheet, for a reader who is not a statistician. */
export interface PlainSection {
  readonly heading: string;
  readonly sentences: readonly string[];
}

const count = (n: number, one: string, many: string): string =>
  n === 1 ? `one ${one}` : `${n.toLocaleString('en-GB')} ${many}`;

/** Ranked schools whose whole rank interval lies inside the top group: clearly in it, whatever chance did. */
function clearlyInTop(result: AnalysisResult): { clear: number; group: number } {
  const group = Math.min(result.parameters.topN, result.schools.length);
  const clear = result.schools.slice(0, group).filter((school) => school.rankUpper <= group).length;
  return { clear, group };
}

/**
 * "What this workbook shows" in five plain sentences, then "How sure we are" and "What it cannot
 * tell you": the answer, its uncertainty and its limits in everyday words, with this run's figures,
 * before the technical detail. GSS guidance puts the main points and their quality first.
 */
export function plainSummary(result: AnalysisResult): PlainSection[] {
  const p = result.parameters;
  const [youngest, oldest] = p.ageBand;
  const measure =
    p.rankingMetric === 'offences'
      ? 'violent offences recorded by the police'
      : 'young people known to the police for violence';
  const candidates = result.schools.slice(0, p.topN).filter((school) => school.newCandidate).length;
  const { clear, group } = clearlyInTop(result);
  const observed = result.schools.filter((school) => school.catchmentModel === 'observed').length;
  const modelled = result.schools.length - observed;
  return [
    {
      heading: 'What this workbook shows',
      sentences: [
        `It ranks ${count(result.schools.length, `${phaseList(p.phases)} school`, `${phaseList(p.phases)} schools`)} by how much violence involving young people aged ${youngest}–${oldest} there is where their pupils live, using ${measure} (${periodText(result).replace(/ \(.*\)$/, '')}).`,
        "A school's score, its exposure index, is the rate of violence in the wards its pupils live in, weighted by how many of its pupils live in each; 100 is the average for the whole area.",
        'A ward is called higher or lower than the area only when the difference is larger than chance and the usual differences between wards would explain.',
        result.list.listSheet
          ? `Schools near the top that are not on the current prevention list are suggested as new candidates: ${count(candidates, 'school', 'schools')} of the top ${group}.`
          : `No current prevention list was given, so every school in the top ${group} is shown as a possible candidate.`,
        'Small counts are withheld and shown as [c], so that no person can be identified from any figure.',
      ],
    },
    {
      heading: 'How sure we are',
      sentences: [
        `Each school's rank comes with a range, its rank interval: the ranks it took in ${p.simulations.toLocaleString('en-GB')} re-runs with the counts, and where pupils live, varied as chance and the catchment estimates would vary them. Where two schools' ranges overlap, their order could be down to chance.`,
        `${clear === group ? `All ${group}` : `${clear} of the ${group}`} schools in the top ${group} are clearly in it: their whole range lies within the top ${group}.`,
        modelled === 0
          ? "Where each school's pupils live is known from school records (observed catchments) for every school."
          : observed === 0
            ? "Where each school's pupils live is estimated from distance and school size for every school (modelled catchments): these are estimates, less certain than records."
            : `Where pupils live is known from school records for ${count(observed, 'school', 'schools')} and estimated from distance and school size for ${count(modelled, 'school', 'schools')} (modelled catchments, less certain).`,
      ],
    },
    {
      heading: 'What it cannot tell you',
      sentences: [
        "Police records show violence that was reported and recorded, which depends on policing and on people's willingness to report as well as on how much violence there is.",
        'It describes where pupils live, not what happens at school: a high score is not a judgement on a school.',
        'It cannot say whether prevention work would help at a particular school; it points to where help may reach most children, and people decide.',
        result.disclosure.perturbation
          ? 'Rates for wards with few young residents or few offences are uncertain, and every count carries a little deliberate noise that protects the people in it.'
          : 'Rates for wards with few young residents or few offences are uncertain, and withheld counts [c] are not shown at all.',
      ],
    },
  ];
}

/** Each term the workbook uses, defined once in plain words (the technical detail below uses them as defined here). */
export const TERMS: readonly (readonly [string, string])[] = [
  ['Rate per 1,000', 'offences (or young offenders) in a ward for every 1,000 young people living there.'],
  [
    'Exposure index',
    "a school's score: the rate in the wards its pupils live in, weighted by how many of its pupils live in each, with 100 = the area average (150 means half as much again).",
  ],
  [
    'Rank interval',
    'the range of ranks a school took when the counts were varied by chance many times; at the confidence level of the run (95% unless changed), its rank lies within it.',
  ],
  [
    'Decile',
    'which tenth of the ranking a school is in: decile 1 holds the 10% most exposed schools, decile 10 the 10% least exposed.',
  ],
  ['Observed catchment', "where a school's pupils live, from the pupil home wards the schools sheet gives."],
  [
    'Modelled catchment',
    "an estimate of where a school's pupils live, from how far each ward is from the school and how big the school is, used where no pupil home wards are given.",
  ],
  [
    'Higher / lower than the area',
    "a ward whose rate differs from the area's by more than chance and the usual spread between wards would explain (outside the funnel limits).",
  ],
  [
    'Withheld [c]',
    'a count not shown, because it is small (or would let a small count be worked out), so no person can be identified; figures worked out from it are withheld with it.',
  ],
  ['New candidate', 'a school in the top group of the ranking that is not on the current prevention list.'],
];
