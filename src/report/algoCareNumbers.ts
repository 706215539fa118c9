import type { AnalysisResult } from '../core/pipeline/analysisResult';
import { median } from 'simple-statistics';
import { headlineGroup, spearmanCorrelation } from '../core/ranking';

const rho = (value: number): string =>
  Number.isFinite(value) ? value.toFixed(2).replace(/^-/, '−') : 'not defined (no variation)';
const plural = (n: number, noun: string): string => `${n.toLocaleString('en-GB')} ${noun}${n === 1 ? '' : 's'}`;

/** Deprivation: how far the ranking follows it, and which top schools rest on violence beyond it. */
function biasAnswer(result: AnalysisResult): string {
  const check = result.deprivation;
  const measure = result.parameters.rankingMetric === 'offences' ? 'offence' : 'young offender';
  if (check.kind === 'noColumn')
    return 'not checked against deprivation: the wards sheet has no deprivation column (an IMD score, rank or decile under its usual name). Add one to see whether the ranking just follows deprivation.';
  if (check.kind === 'tooFew') return `not checked against deprivation ('${check.header}'): ${check.reason}.`;
  const { topN } = result.parameters;
  const beyond =
    check.beyond.length === 0
      ? `none of the top ${topN} lies more than one residual standard deviation (${check.residualSd.toFixed(1)} index points) above what deprivation alone predicts`
      : `${plural(check.beyond.length, 'school')} of the top ${topN} ${check.beyond.length === 1 ? 'lies' : 'lie'} more than one residual standard deviation (${check.residualSd.toFixed(1)} index points) above what deprivation alone predicts, so ${check.beyond.length === 1 ? 'its' : 'their'} place rests on police-recorded violence beyond deprivation: ` +
        check.beyond
          .map(
            (school) =>
              `${school.name} (rank ${school.rank}, index ${Math.round(school.exposureIndex)} against ${Math.round(school.predictedIndex)} predicted)`,
          )
          .join('; ');
  return (
    `against '${check.header}' (${check.measure}; read so that higher = more deprived): Spearman's ρ of the ward ${measure} rates with deprivation is ${rho(check.wardCorrelation)} over ${plural(check.wards, 'ward')} shown, ` +
    `and of the schools' exposure with their pupils' home-ward deprivation ${rho(check.schoolCorrelation)} over ${plural(check.schools, 'school')}. A ρ near 1 means the ranking largely restates deprivation. By a straight-line fit, ${beyond}.`
  );
}

/** Recorded offences against offenders' homes: where policing activity (which records where it looks) would show first. */
function policingAnswer(result: AnalysisResult): string {
  const shown = result.wards.filter(
    (ward) =>
      ward.offences.published.shown &&
      ward.youngOffenders.published.shown &&
      Number.isFinite(ward.offences.rate) &&
      Number.isFinite(ward.youngOffenders.rate),
  );
  const correlation = spearmanCorrelation(
    shown.map((ward) => ward.offences.rate),
    shown.map((ward) => ward.youngOffenders.rate),
  );
  const other = result.sensitivity.scenarios.find((scenario) => scenario.key === 'otherMetric');
  const given = result.sensitivity.scenarios[0];
  const givenTop = given.outcome.kind === 'ranked' ? given.outcome.topUrns : [];
  const shared =
    other?.outcome.kind === 'ranked'
      ? `${other.outcome.topUrns.filter((urn) => givenTop.includes(urn)).length} of the top ${givenTop.length} are the same on both measures`
      : 'the top group on the other measure could not be computed';
  const agreement =
    shown.length >= 2
      ? `Their ward rates correlate at ρ = ${rho(correlation)} over ${plural(shown.length, 'ward')} with both shown`
      : 'Fewer than 2 wards have both counts shown, so their agreement cannot be measured';
  return `offences are recorded where they happen and police look; young offenders are counted where they live. ${agreement}, and ${shared} (see Sensitivity).`;
}

/**
 * The ALGO-CARE questions answered from this run's numbers rather than in general words: how sure
 * the top group is, how much of it survives other choices, how many catchments are records rather
 * than models, how many rows could not be placed, and how far the ranking follows deprivation or
 * the way offences are recorded.
 */
export function algoCareNumbers(result: AnalysisResult): [string, string][] {
  const { topN } = result.parameters;
  const top = result.schools.slice(0, topN);
  const widths = top.map((school) => school.rankUpper - school.rankLower + 1).filter(Number.isFinite);
  const clear = top.filter((school) => school.rankUpper <= top.length).length;
  const headline = headlineGroup(result.schools);
  const robust = result.sensitivity.schools.filter(
    (school) => school.inTop[0] === true && school.label === 'robust',
  ).length;
  const scenariosRun = result.sensitivity.scenarios.filter((scenario) => scenario.outcome.kind === 'ranked').length;
  const observed = result.schools.filter((school) => school.catchmentModel === 'observed').length;
  const placement = result.placement;
  const unplaced = placement.offencesInScope - placement.offenceInWard;
  const percent = (part: number, whole: number): string =>
    whole > 0 ? `${((100 * part) / whole).toFixed(1)}%` : 'none';
  return [
    [
      'Advisory (this run)',
      `the headline names ${headline.kind === 'separated' ? 'one school, whose rank interval overlaps no other' : headline.kind === 'group' ? `a group of ${headline.schools.length} schools whose rank intervals overlap the first school's, not one school` : 'no school'}; ${robust} of the top ${top.length} stay in it under all ${scenariosRun} scenarios run (Sensitivity).`,
    ],
    [
      'Accuracy (this run)',
      `${clear} of the top ${top.length} are clearly in it (whole ${Math.round(result.parameters.confidenceLevel * 100)}% rank interval inside); the median interval there spans ${widths.length > 0 ? median([...widths]) : 0} places. ` +
        `${observed} of ${result.schools.length} catchments are observed records, ${result.schools.length - observed} modelled. ${
          result.disclosure.perturbation
            ? `About ${percent(unplaced, placement.offencesInScope)} of the offences in scope could not be placed in a study ward.`
            : `${plural(unplaced, 'offence')} in scope (${percent(unplaced, placement.offencesInScope)}) could not be placed in a study ward.`
        }`,
    ],
    ['Bias: deprivation (this run)', biasAnswer(result)],
    ['Bias: policing (this run)', policingAnswer(result)],
  ];
}
