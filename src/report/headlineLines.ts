import type { AnalysisResult, SchoolResult } from '../core/pipeline/analysisResult';
import { headlineGroup } from '../core/ranking';

/** Names listed in a group headline before "and N more". */
const NAMES_LISTED = 8;

/** How much more (or less) violence one school's pupils live among, in words. */
function exposedLine(school: SchoolResult, measure: string): string {
  if (!Number.isFinite(school.exposureIndex))
    return `Most exposed: ${school.name} (no exposure index: none of its pupils' home wards has a rate).`;
  const index = Math.round(school.exposureIndex);
  const difference = index - 100;
  const comparison =
    difference === 0
      ? `${measure} is at the area average`
      : `${measure} is ${Math.abs(difference)}% ${difference > 0 ? 'above' : 'below'} the area average`;
  return `Most exposed: ${school.name}, whose pupils live where ${comparison} (exposure index ${index}; rank interval ${school.rankLower}–${school.rankUpper}, overlapping no other school's).`;
}

/**
 * The first headline: the group of schools that could hold the top place (headlineGroup), naming
 * one school alone only when its rank interval separates it from every other; a league table's
 * first place is otherwise a matter of chance, and naming one school would single it out.
 */
export function mostExposedLines(schools: readonly SchoolResult[], measure: string): string[] {
  const headline = headlineGroup(schools);
  if (headline.kind === 'none') return [];
  if (headline.kind === 'separated') return [exposedLine(headline.school, measure)];
  const group = headline.schools;
  const indexes = group.map((school) => Math.round(school.exposureIndex)).filter(Number.isFinite);
  const named = group
    .slice(0, NAMES_LISTED)
    .map((school) => `${school.name} (${school.rankLower}–${school.rankUpper})`)
    .join('; ');
  const more = group.length > NAMES_LISTED ? `; and ${group.length - NAMES_LISTED} more (see Schools)` : '';
  return [
    `Most exposed: no one school stands out. The rank intervals of ${group.length} schools overlap the top school's, so any of them could hold the top place:`,
    `${named}${more}. Their pupils live where ${measure} is highest${indexes.length > 0 ? ` (exposure index ${Math.min(...indexes)} to ${Math.max(...indexes)})` : ''}.`,
  ];
}

/** The Sensitivity sheet's label of a school, in words for a sentence ('' when it has none: never in a top group). */
export function sensitivityWords(result: AnalysisResult, urn: string): string {
  const school = result.sensitivity.schools.find((entry) => entry.urn === urn);
  if (!school) return '';
  return `${school.label} (in the top ${result.sensitivity.topN} under ${school.scenariosInTop} of ${school.scenariosRun} scenarios)`;
}

/**
 * How the top group fares under other reasonable choices (the Sensitivity sheet's labels): how
 * many of it are robust, depend on choices or hold only under this run's settings, and how many
 * schools outside it enter the top group under another choice.
 */
export function robustnessLines(result: AnalysisResult): string[] {
  const { schools, scenarios, topN } = result.sensitivity;
  const top = schools.filter((school) => school.inTop[0] === true);
  if (top.length === 0) return [];
  const run = scenarios.filter((scenario) => scenario.outcome.kind === 'ranked').length;
  const count = (label: string): number => top.filter((school) => school.label === label).length;
  const parts = [
    `${count('robust')} robust (in the top ${topN} under all ${run} scenarios run)`,
    `${count('depends on choices')} depending on choices`,
    `${count('only under this setting')} only under this run's settings`,
  ];
  const entering = schools.length - top.length;
  return [
    `Sensitivity: of the top ${top.length}, ${parts.join(', ')}; ${entering === 1 ? 'one school' : `${entering} schools`} outside it ${entering === 1 ? 'enters' : 'enter'} the top ${topN} under another choice (see Sensitivity).`,
  ];
}
