/** "why is Park Hall ranked 3rd?": one school's rank, exposure, catchment and the wards behind it. */
import type { AnalysisResult, SchoolResult } from '../../core/pipeline/analysisResult';
import { normaliseSchoolName } from '../../core/ranking/normaliseSchoolName';
import type { Command } from '../commands';
import { matchNames, type NameMatch } from '../match';
import { PHASE_LABELS } from '../parse/phrases';
import type { Choice } from '../types';
import { agreeing, count, percent, plural, rate, rankText } from './format';
import { noResultsYet, sheetNote, stalenessNote } from './latestResult';
import { measureOf } from './runTurn';
import type { DialogueState, Outcome } from './state';

type ExplainSchool = Extract<Command, { kind: 'explainSchool' }>;

/** How many contributing wards an explanation lists. */
const WARDS_LISTED = 3;

/** A school named by its place: 'number 2', 'the 3rd', 'the top school' (rank 1); undefined otherwise. */
function rankNamed(query: string): number | undefined {
  const text = query.trim().toLowerCase();
  const numbered =
    /^(?:the )?(?:number|no\.?|rank(?:ed)?|position) (\d+)$/.exec(text) ??
    /^(?:the )?(\d+)(?:st|nd|rd|th)(?: school| one| ranked)?$/.exec(text);
  if (numbered) return Number(numbered[1]);
  return /^(?:the )?(?:top|first|highest|most exposed)(?: school| one| ranked)?$/.test(text) ? 1 : undefined;
}

/**
 * A school's count of young offenders attending, for the analyst's eyes only, when the shared
 * workbook does not show it (left out by default, or withheld as small). The analyst holds the
 * records it comes from; the line is shown in the pane or terminal and never recorded (Outcome.forAnalystOnly).
 */
export function attendingForAnalyst(school: SchoolResult): string | undefined {
  if (school.offendersAttending?.shown) return undefined;
  return `For you only (not in the shared workbook or its Audit sheet): ${plural(school.offendersAttendingCount, 'young offender')} in this run's scope ${agreeing(school.offendersAttendingCount, 'attends', 'attend')} ${school.name}, where the school is recorded.`;
}

/** A school named loosely (by URN, alone or within the words, or by its rank) among the ranked schools. */
export function findSchool(query: string, urn: string | undefined, result: AnalysisResult): NameMatch<SchoolResult> {
  const wantedUrn = urn ?? /\b(\d{5,8})\b/.exec(query)?.[1];
  const byUrn = wantedUrn ? result.schools.find((school) => school.urn === wantedUrn) : undefined;
  if (byUrn) return { kind: 'one', item: byUrn };
  const byRank = rankNamed(query);
  const ranked = byRank !== undefined ? result.schools.find((school) => school.rank === byRank) : undefined;
  if (ranked) return { kind: 'one', item: ranked };
  const match = matchNames(
    query,
    result.schools.map((school) => ({ name: school.name, id: school.urn, school })),
    { normalise: normaliseSchoolName },
  );
  if (match.kind === 'one') return { kind: 'one', item: match.item.school };
  if (match.kind === 'several') return { kind: 'several', items: match.items.map((item) => item.school) };
  return { kind: 'none', nearest: match.nearest.map((item) => item.school) };
}

/** A quick reply that names one school unmistakably (by its URN). */
export function schoolChoice(school: SchoolResult): Choice {
  return {
    label: `${school.name} (URN ${school.urn})`,
    utterance: `why is school ${school.urn} ranked ${rankText(school.rank)}?`,
  };
}

/** The explanation of one school's figures, withheld counts and rates left withheld. */
export function schoolExplanation(
  school: SchoolResult,
  result: AnalysisResult,
  claimedRank?: number,
): { readonly text: string; readonly choices: Choice[] } {
  const { parameters, area } = result;
  const areaRate = parameters.rankingMetric === 'offences' ? area.offenceRate : area.youngOffenderRate;
  const measure = parameters.rankingMetric === 'offences' ? 'violent offences' : 'young offenders';
  const lines: string[] = [];
  lines.push(
    `${school.name} (URN ${school.urn}, ${PHASE_LABELS[school.phase]}, ${plural(school.pupils, 'pupil')}) is ranked ${rankText(school.rank)} of ${result.schools.length} (95% rank interval ${school.rankLower}–${school.rankUpper}).`,
  );
  if (claimedRank !== undefined && claimedRank !== school.rank)
    lines.push(`(You said ${rankText(claimedRank)}; in the latest run it is ${rankText(school.rank)}.)`);
  lines.push(
    `Exposure index ${Math.round(school.exposureIndex)} (area average = 100): its pupils live in wards averaging ${rate(school.exposureRate)} ${measure} per 1,000 young residents, against ${rate(areaRate)} for the whole area.`,
  );
  lines.push(
    school.catchmentModel === 'observed'
      ? `Catchment: observed, from the pupil residence sheet (the rows cover ${percent(school.catchmentCoverage ?? Number.NaN)} of the roll).`
      : 'Catchment: modelled by distance (an estimate, not a record of where its pupils live).',
  );

  const wardByCode = new Map(result.wards.map((ward) => [ward.wardCode, ward]));
  const contributions = (school.catchmentWards ?? [])
    .filter((share) => share.share > 0 && wardByCode.has(share.wardCode))
    .map((share) => ({ share: share.share, ward: wardByCode.get(share.wardCode)! }));
  // Only wards whose count is published are ranked by contribution: ordering withheld ones would hint at their rates.
  const published = contributions
    .filter((entry) => measureOf(result, entry.ward).published.shown)
    .map((entry) => ({ ...entry, contribution: entry.share * measureOf(result, entry.ward).rate }))
    .sort((a, b) => b.contribution - a.contribution || a.ward.wardCode.localeCompare(b.ward.wardCode));
  const withheld = contributions.filter((entry) => !measureOf(result, entry.ward).published.shown);
  if (published.length > 0) {
    lines.push('Wards contributing most (share of pupils × rate per 1,000):');
    for (const entry of published.slice(0, WARDS_LISTED)) {
      const estimate = measureOf(result, entry.ward);
      const flag =
        estimate.flag === 'higher'
          ? 'higher than average'
          : estimate.flag === 'lower'
            ? 'lower than average'
            : 'similar to average';
      lines.push(
        `• ${entry.ward.wardName} (${entry.ward.wardCode}): ${percent(entry.share)} × ${rate(estimate.rate)} = ${rate(entry.contribution)}; ${flag}`,
      );
    }
  }
  if (withheld.length > 0) {
    const share = withheld.reduce((sum, entry) => sum + entry.share, 0);
    lines.push(
      `${plural(withheld.length, 'ward')} with withheld counts ([c]) ${agreeing(withheld.length, 'holds', 'hold')} ${percent(share)} of its pupils; their rates are withheld too.`,
    );
  }
  lines.push(
    `About ${plural(school.pupilsFromHigherWards, 'pupil')} (${percent(school.shareFromHigherWards)}) ${agreeing(school.pupilsFromHigherWards, 'lives', 'live')} in wards with higher than average ${measure}.`,
  );
  const attending = school.offendersAttending;
  lines.push(
    attending
      ? `Young offenders attending (where the school is recorded): ${attending.shown ? count(attending.value) : '[c] (withheld)'}.`
      : 'Young offenders attending: left out of the shared workbook by default, as the figure most likely to stigmatise a school (see Method); the count is shown to you here only, never recorded.',
  );
  const robustness = result.sensitivity.schools.find((entry) => entry.urn === school.urn);
  lines.push(
    robustness
      ? `Under other reasonable choices (Sensitivity sheet): ${robustness.label}, in the top ${result.sensitivity.topN} under ${robustness.scenariosInTop} of ${robustness.scenariosRun} scenarios run.`
      : `Under other reasonable choices (Sensitivity sheet): in the top ${result.sensitivity.topN} under none of them.`,
  );
  lines.push(
    school.onCurrentList
      ? 'It is on the current list.'
      : school.newCandidate
        ? `It is not on the current list and is in the top ${parameters.topN}: a new candidate.`
        : `It is not on the current list and is outside the top ${parameters.topN}.`,
  );

  const choices: Choice[] = published.slice(0, 1).map((entry) => ({
    label: `Tell me about ${entry.ward.wardName} ward`,
    utterance: `tell me about ward ${entry.ward.wardCode}`,
  }));
  choices.push({
    label: `Which of the top ${parameters.topN} are not on the list?`,
    utterance: `which of the top ${parameters.topN} are not on the list?`,
  });
  choices.push({ label: 'Show the top 10', utterance: 'show the top 10' });
  return { text: lines.join('\n'), choices };
}

export function explainSchool(command: ExplainSchool, state: DialogueState): Outcome {
  const latest = state.latest;
  if (!latest) return noResultsYet(command);
  const { result } = latest;
  const match = findSchool(command.school, command.urn, result);
  if (match.kind === 'several') {
    return {
      text: `Several ranked schools fit '${command.school}': ${match.items
        .slice(0, 6)
        .map((school) => `${school.name} (URN ${school.urn})`)
        .join('; ')}. Which one?`,
      choices: match.items.slice(0, 6).map(schoolChoice),
      question: true,
      command,
    };
  }
  if (
    match.kind === 'none' &&
    /^(?:the|that|this|a)?\s*(?:school|schools|academy|college|one)?$/i.test(command.school.trim())
  ) {
    // 'the school', 'that academy': which one is not said.
    return {
      text: `Which school? ${result.schools.length > 6 ? 'The top 6 are' : 'The ranked schools are'} ${result.schools
        .slice(0, 6)
        .map((school) => `${school.name} (URN ${school.urn})`)
        .join('; ')}.`,
      choices: result.schools.slice(0, 6).map(schoolChoice),
      question: result.schools.length > 0,
      command,
    };
  }
  if (match.kind === 'none') {
    return {
      text: `No ranked school matches '${command.school}'. Only open ${result.parameters.phases.map((phase) => PHASE_LABELS[phase]).join(' and ')} schools are ranked.${match.nearest.length > 0 ? ' Did you mean one of these?' : ''}`,
      choices:
        match.nearest.length > 0
          ? match.nearest.map(schoolChoice)
          : [{ label: 'Show the top 10', utterance: 'show the top 10' }],
      question: match.nearest.length > 0,
      // Nothing explained and nothing to choose from: nothing was done, so nothing is recorded as done.
      command: match.nearest.length > 0 ? command : null,
    };
  }
  const school = match.item;
  const explanation = schoolExplanation(school, result, command.claimedRank);
  return {
    text: `${explanation.text}${sheetNote(latest, 'Schools')}${stalenessNote(state, latest)}`,
    command: {
      kind: 'explainSchool',
      school: school.name,
      urn: school.urn,
      ...(command.claimedRank !== undefined ? { claimedRank: command.claimedRank } : {}),
    },
    choices: explanation.choices,
    forAnalystOnly: attendingForAnalyst(school),
  };
}
