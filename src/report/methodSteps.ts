import type { AnalysisResult } from '../core/pipeline/analysisResult';

/** One short section of the Method sheet: a heading and labelled statements. */
export interface MethodSection {
  readonly heading: string;
  readonly statements: readonly (readonly [string, string])[];
}

const thousands = (value: number): string => value.toLocaleString('en-GB');
const percent = (value: number): string => `${Number((value * 100).toFixed(1))}%`;

/**
 * How every figure is made, step by step, in the words a reviewer needs to check it without the
 * add-in: ward rates and their intervals, catchments, the exposure index, how withheld wards enter
 * the school scores (and why), and the rank intervals. Figures of this run (decay length, seed,
 * confidence) come from the result, so the text cannot drift from what was computed.
 */
export function methodSteps(result: AnalysisResult): MethodSection[] {
  const p = result.parameters;
  const [youngest, oldest] = p.ageBand;
  const measure = p.rankingMetric === 'offences' ? 'offence' : 'young offender';
  const tail = (1 - p.confidenceLevel) / 2;
  return [
    {
      heading: 'Ward rates and intervals',
      statements: [
        ['Placing in wards', 'each point is placed by point-in-polygon on the ward boundaries (British National Grid, with a spatial index); a point on a shared boundary goes to one ward only, the lowest code. A ward code is used where there are no coordinates; where both are given and disagree, the coordinates win.'],
        ['Rate', `count ÷ residents aged ${youngest}–${oldest} × 1,000. Offences are counted in the ward where they happened; young offenders once each, in the ward of their latest recorded home.`],
        [`${percent(p.confidenceLevel)} interval`, 'exact Poisson limits (Garwood, from the chi-square distribution) for counts below 10; Byar\'s approximation from 10 — the convention of PHEindicatormethods (phe_rate).'],
        ['Compared with the area', '"Higher" when the interval lies wholly above the area rate, "Lower" when wholly below, otherwise "Similar". Rates, intervals and flags are computed from the published counts, so a reader recomputing them from the Wards sheet gets the same figures.'],
      ],
    },
    {
      heading: 'Catchments: where each school\'s pupils live',
      statements: [
        ['Observed', 'share of ward w = the school\'s pupils living in w ÷ its pupils with a recorded home ward (pupil residence sheet). Coverage = pupils with a recorded home ÷ pupils on roll, shown on the Schools sheet.'],
        ['Modelled (distance decay)', `each ward's young residents are shared among the schools of the phase in proportion to pupils on roll × exp(−d ÷ λ), where d is the straight-line distance from the ward's representative point to the school and λ = ${thousands(result.decayMetres)} m (a Huff gravity model). Share of ward w = the pupils allocated from w ÷ all the pupils allocated to the school.`],
        ['This run', result.catchmentNote],
      ],
    },
    {
      heading: 'School exposure',
      statements: [
        ['Exposure rate', `Σ over wards w of share_w × rate_w: the average ${measure} rate per 1,000 young residents of the wards the school's pupils live in, weighted by how many of them live there.`],
        ['Exposure index', '100 × exposure rate ÷ area rate. 100 is the area average; 150 means the pupils live where the rate is half as high again.'],
        ['Pupils from higher wards', 'pupils on roll × the share of the catchment in wards shown as "Higher".'],
      ],
    },
    {
      heading: 'Withheld wards in the school scores',
      statements: [
        ['Rule', 'schools are scored on published counts only. A ward shown as [c] counts as its share, by young population, of what its nearest published total (its district, or else the area) leaves once the shown wards are taken off. It is never counted as "Higher".'],
        ['Why', 'every exposure, rank and interval is then a function of published numbers alone, so someone who knows or rebuilds a catchment cannot solve the exposures back to a withheld ward count.'],
        ['Example', 'a district total of 20 whose shown wards hold 12 leaves 8; two withheld wards of 100 and 300 young residents count as 2 and 6.'],
      ],
    },
    {
      heading: 'Rank intervals',
      statements: [
        ['Simulation', `${thousands(p.simulations)} simulations, each redrawing every ward count from a Poisson distribution whose mean is the count the scores use, then recomputing every exposure and ranking the schools. Seeded (seed ${p.seed}), so a re-run gives the same intervals.`],
        ['Interval', `the ${percent(tail)} and ${percent(1 - tail)} points of each school's simulated ranks. Where two schools' intervals overlap, their order could differ by chance alone.`],
      ],
    },
  ];
}
