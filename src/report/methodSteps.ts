import type { AnalysisResult, WardFunnel } from '../core/pipeline/analysisResult';
import { OUTER_FUNNEL_CONFIDENCE, twoSidedNormalCritical, WINSORISED_FRACTION } from '../core/rates';

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
        [
          'Placing in wards',
          'each point is placed by point-in-polygon on the ward boundaries (British National Grid, with a spatial index); a point on a shared boundary goes to one ward only, the lowest code. A ward code is used where there are no coordinates; where both are given and disagree, the coordinates win.',
        ],
        [
          'Rate',
          `count ÷ residents aged ${youngest}–${oldest} × 1,000. Offences are counted in the ward where they happened; young offenders once each, in the ward of their latest recorded home.`,
        ],
        [
          `${percent(p.confidenceLevel)} interval`,
          "exact Poisson limits (Garwood, from the chi-square distribution) for counts below 10; Byar's approximation from 10 — the convention of PHEindicatormethods (phe_rate).",
        ],
        [
          'Compared with the area',
          `${p.flagMethod === 'overdispersed' ? 'outside the funnel limits round the area rate, widened for the spread between wards, and the interval agreeing' : 'the interval wholly above or below the area rate (the plain Poisson comparison)'}: see "Higher or lower than the area" below. Rates, intervals, limits and flags are computed from the published counts, so a reader recomputing them from the Wards sheet gets the same figures.`,
        ],
      ],
    },
    funnelSection(result),
    {
      heading: "Catchments: where each school's pupils live",
      statements: [
        [
          'Observed',
          "share of ward w = the school's pupils living in w ÷ its pupils with a recorded home ward (pupil residence sheet). Coverage = pupils with a recorded home ÷ pupils on roll, shown on the Schools sheet.",
        ],
        [
          'Modelled (distance decay)',
          `each ward's young residents are shared among the schools of the phase in proportion to pupils on roll × exp(−d ÷ λ), where d is the straight-line distance from the ward's representative point to the school and λ = ${thousands(result.decayMetres)} m (a gravity model, after Huff's model of which shops people choose: nearer and bigger schools draw more pupils). Share of ward w = the pupils allocated from w ÷ all the pupils allocated to the school.`,
        ],
        ['This run', result.catchmentNote],
      ],
    },
    {
      heading: 'School exposure',
      statements: [
        [
          'Exposure rate',
          `Σ over wards w of share_w × rate_w: the average ${measure} rate per 1,000 young residents of the wards the school's pupils live in, weighted by how many of them live there.`,
        ],
        [
          'Exposure index',
          '100 × exposure rate ÷ area rate. 100 is the area average; 150 means the pupils live where the rate is half as high again.',
        ],
        ['Pupils from higher wards', 'pupils on roll × the share of the catchment in wards shown as "Higher".'],
      ],
    },
    {
      heading: 'Withheld wards in the school scores',
      statements: [
        [
          'Rule',
          'schools are scored on published counts only. A ward shown as [c] counts as its share, by young population, of what its nearest published total (its district, or else the area) leaves once the shown wards are taken off. It is never counted as "Higher".',
        ],
        [
          'Why',
          'every exposure, rank and interval is then a function of published numbers alone, so someone who knows or rebuilds a catchment cannot solve the exposures back to a withheld ward count.',
        ],
        [
          'Example',
          'a district total of 20 whose shown wards hold 12 leaves 8; two withheld wards of 100 and 300 young residents count as 2 and 6.',
        ],
      ],
    },
    {
      heading: 'Rank intervals',
      statements: [
        [
          'Simulation',
          `${thousands(p.simulations)} simulations, each redrawing the catchments (below) and every ward count from a Poisson distribution whose mean is the count the scores use, then recomputing every exposure and ranking the schools. Seeded (seed ${p.seed}), so a re-run gives the same intervals.`,
        ],
        ...catchmentDraws(result),
        [
          'Interval',
          `the ${percent(tail)} and ${percent(1 - tail)} points of each school's simulated ranks. Where two schools' intervals overlap, their order could differ by chance alone.`,
        ],
      ],
    },
    sensitivitySection(result),
  ];
}

/** The scenarios of the Sensitivity sheet and the rule of its labels, with why any scenario was not run. */
function sensitivitySection(result: AnalysisResult): MethodSection {
  const { scenarios, topN } = result.sensitivity;
  return {
    heading: 'Sensitivity of the top group',
    statements: [
      [
        'Scenarios',
        `this run's settings and ${scenarios.length - 1} reasonable changes of one choice each: the other measure; observed against modelled catchments; the age band one year narrower at each end; with or without empirical-Bayes smoothing; the period's last 12 months. Each reruns the scoring and ranks the schools by point rank; scenarios counting fewer rows are scored on their own counts, which are neither protected nor published: only whether each school is in the top ${topN} is shown.`,
      ],
      ...scenarios.map((scenario): [string, string] => [
        scenario.description,
        scenario.outcome.kind === 'ranked' ? 'run.' : `not run: ${scenario.outcome.reason}.`,
      ]),
      [
        'Labels',
        `robust: in the top ${topN} under every scenario run; only under this setting: under this run's settings and no other; depends on choices: any other pattern (including schools in the top ${topN} only under another choice).`,
      ],
      [
        'Headline',
        "the Summary names the most exposed school alone only when its rank interval overlaps no other school's; otherwise it names the group whose intervals overlap the first school's (Goldstein and Spiegelhalter 1996: rank intervals, not ranks, support comparisons).",
      ],
    ],
  };
}

/** What each simulation draws for the catchments, with this run's range: the intervals carry the catchments' uncertainty, not only the counts'. */
function catchmentDraws(result: AnalysisResult): [string, string][] {
  const { decayMetresDrawn, modelledSchools, observedSchoolsResampled } = result.rankUncertainty;
  const statements: [string, string][] = [];
  if (modelledSchools > 0 && decayMetresDrawn.length > 0) {
    const step = decayMetresDrawn.length > 1 ? decayMetresDrawn[1] - decayMetresDrawn[0] : 0;
    statements.push([
      'Decay length drawn',
      `for the ${modelledSchools === 1 ? 'one modelled catchment' : `${thousands(modelledSchools)} modelled catchments`}, each simulation draws λ uniformly from ${thousands(decayMetresDrawn[0])} m to ${thousands(decayMetresDrawn[decayMetresDrawn.length - 1])} m in ${thousands(step)} m steps (half to one and a half times the ${thousands(result.decayMetres)} m the scores use: a mean home–school distance of about ${thousands((decayMetresDrawn[0] * 2) / 1000)} to ${thousands((decayMetresDrawn[decayMetresDrawn.length - 1] * 2) / 1000)} km) and shares each ward's young residents again. One model form is offered (exponential decay), so the form is not drawn.`,
    ]);
  }
  if (observedSchoolsResampled > 0) {
    statements.push([
      'Observed catchments resampled',
      `for the ${observedSchoolsResampled === 1 ? 'one observed catchment' : `${thousands(observedSchoolsResampled)} observed catchments`}, each simulation redraws where the recorded pupils live (multinomial on the pupils given, over the wards they were recorded in): a school with few recorded pupils has a less certain catchment.`,
    ]);
  }
  return statements;
}

/** A number to fixed places, negative with a minus sign (−) as in the rest of the prose. */
const decimals = (value: number, places: number): string => value.toFixed(places).replace(/^-/, '−');

/** One measure's over-dispersion in words, with this run's figures (or why there are none). */
function dispersionText(funnel: WardFunnel): string {
  const { dispersion } = funnel;
  if (dispersion.kind === 'noAreaRate')
    return 'not estimated, and no ward flagged: there is no published area rate above 0 to compare with (the area total is withheld, or 0).';
  if (dispersion.kind === 'tooFewUnits') {
    return `not estimated: ${dispersion.units === 1 ? 'one ward is' : `${dispersion.units} wards are`} shown with young residents, too few; the limits are the plain Poisson ones (τ² = 0).`;
  }
  const { phi, tauSquared, units, winsorisedAt } = dispersion;
  const spread =
    tauSquared > 0
      ? `τ² = ${tauSquared.toPrecision(3)} (a spread of ± ${decimals(twoSidedNormalCritical(funnel.confidence.inner) * Math.sqrt(tauSquared), 2)} on the square-root scale even for the largest wards)`
      : 'τ² = 0: the wards spread no more than chance allows, so the limits are the plain Poisson ones';
  return `estimated from the ${thousands(units)} wards shown with young residents: φ = ${decimals(phi, 2)} (z-scores winsorised to ${decimals(winsorisedAt.lower, 2)} … ${decimals(winsorisedAt.upper, 2)}); ${spread}.`;
}

/** How many shown wards each method flags, the run's own first. */
function flaggedText(funnel: WardFunnel, shownMethod: AnalysisResult['parameters']['flagMethod']): string {
  const { overdispersed, poisson } = funnel.flagged;
  const phrase = (counts: { higher: number; lower: number }) => `${counts.higher} higher and ${counts.lower} lower`;
  const funnelText = `allowing for over-dispersion, ${phrase(overdispersed)}`;
  const poissonText = `by the plain Poisson comparison, ${phrase(poisson)}`;
  return shownMethod === 'overdispersed'
    ? `${funnelText} (shown on the sheets); ${poissonText} (not shown).`
    : `${poissonText} (shown on the sheets); ${funnelText} (not shown).`;
}

/**
 * The flags: which rule this run shows, why the default allows for over-dispersion, the estimate
 * step by step with this run's φ and τ² for each measure, the limits, why the interval must agree,
 * why the estimate uses published counts only, and how many wards each method flags.
 */
function funnelSection(result: AnalysisResult): MethodSection {
  const p = result.parameters;
  const confidence = percent(p.confidenceLevel);
  const zInner = decimals(twoSidedNormalCritical(p.confidenceLevel), 2);
  const zOuter = decimals(twoSidedNormalCritical(OUTER_FUNNEL_CONFIDENCE), 2);
  const winsorised = percent(WINSORISED_FRACTION);
  const rule =
    p.flagMethod === 'overdispersed'
      ? `"Higher" when a ward's rate lies above the upper ${confidence} funnel limit round the area rate, widened for the spread between wards beyond chance, and its ${confidence} interval lies wholly above the area rate; "Lower" the same way below; otherwise "Similar". This is the default.`
      : `"Higher" when a ward's ${confidence} interval lies wholly above the area rate, "Lower" when wholly below, otherwise "Similar": the plain Poisson comparison, chosen for this run (flag method "poisson"). The funnel limits are still shown, and the counts below say how many wards each rule flags.`;
  return {
    heading: 'Higher or lower than the area',
    statements: [
      ['Rule in this run', rule],
      [
        'Why not the interval alone',
        'a Poisson interval allows only for chance in counting. Wards also differ for reasons the data do not measure (deprivation, town centres, policing), so among many wards the plain comparison flags more than chance would, and flags large wards for small differences. Spiegelhalter\'s funnel plot ("Funnel plots for comparing institutional performance", Statistics in Medicine 2005;24:1185–1202) estimates that extra spread from the wards themselves and widens the limits by it, so a ward is flagged only when it stands out from the spread of wards.',
      ],
      [
        'z-scores',
        "for each shown ward with young residents, z = 2(√O − √E): O its published count, E = area rate × young population ÷ 1,000 the count expected at the area rate. The square root steadies a Poisson count's variance at ¼, so z is close to standard normal under chance alone, small counts and zeros included.",
      ],
      [
        'Over-dispersion φ',
        `the mean of z² once the ${winsorised} most extreme z-scores at each end are pulled in to the ${percent(WINSORISED_FRACTION)} and ${percent(1 - WINSORISED_FRACTION)} points (winsorised, percentiles as Excel's PERCENTILE.INC), so the wards that stand out do not widen the limits they are judged by. Near 1 (0.7 once winsorised) when wards differ by chance alone.`,
      ],
      [
        'Between-ward variance τ²',
        "estimated as τ² = (nφ − (n − 1)) ÷ (Σw − Σw² ÷ Σw) over the n wards, with w = 4E (DerSimonian and Laird's estimate; 0 when nφ ≤ n − 1): how much √(O ÷ E) varies between wards beyond chance. It is added to each ward's own variance 1 ÷ (4E) — the additive random-effects model of Spiegelhalter (2005, §6.2) and of the NHS-R FunnelPlotR package's \"CQC\" method — so the limits of the largest wards keep a width of about ± z τ instead of closing in on the area rate. (A multiplicative φ would narrow them until modest real differences in large wards were flagged.)",
      ],
      [
        'Funnel limits',
        `area rate × (1 ± z √(1 ÷ (4E) + τ²))², the lower one 0 where the bracket falls below 0; z = ${zInner} for the ${confidence} limits and ${zOuter} for the 99.8% ones. The Wards sheet gives both as formulas of the area rate, the young population, τ² and the confidence level; the Charts sheet draws them as a funnel plot.`,
      ],
      [
        'Interval agreeing',
        'a ward is flagged only when its Poisson interval is also clear of the area rate on the same side. Allowing for over-dispersion only adds variance, so this takes away no flag the funnel should give; it stops the square-root approximation calling a small count "Lower" on its own (a ward expecting 3.5 offences with none lies below the funnel, but none happens by chance 3% of the time).',
      ],
      [
        'Published counts only',
        "the z-scores, φ and τ² use the shown wards' published counts alone (rounded, where rounding is on) against the published area rate. A withheld ward takes no part, so these figures tell an outsider nothing about a withheld count; the estimate describes the wards shown, which leave out the smallest counts. A withheld ward's limits and flag are withheld with its rate.",
      ],
      ['Offences in this run', dispersionText(result.area.funnel.offences)],
      ['Young offenders in this run', dispersionText(result.area.funnel.youngOffenders)],
      ['Offences: wards flagged', flaggedText(result.area.funnel.offences, p.flagMethod)],
      ['Young offenders: wards flagged', flaggedText(result.area.funnel.youngOffenders, p.flagMethod)],
      [
        'The other rule',
        p.flagMethod === 'overdispersed'
          ? 'the plain Poisson comparison is kept as an option (flag method "poisson"; on the command line, --flags poisson), to compare with earlier runs.'
          : 'the default (flag method "overdispersed"; on the command line, --flags overdispersed) allows for over-dispersion as above.',
      ],
    ],
  };
}
