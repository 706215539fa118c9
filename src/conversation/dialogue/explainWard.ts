/** "tell me about Alpha ward": one ward's counts, rates and flags, withheld where the counts are. */
import type { AnalysisResult, RateEstimate, WardResult } from '../../core/pipeline/analysisResult';
import type { Command } from '../commands';
import { matchNames, type NameMatch } from '../match';
import type { Choice } from '../types';
import { count, listing, plural, rankText, rate } from './format';
import { noResultsYet, sheetNote, stalenessNote } from './latestResult';
import type { DialogueState, Outcome } from './state';

type ExplainWard = Extract<Command, { kind: 'explainWard' }>;

/** A ward named loosely, or by its code, among the study wards. */
export function findWard(query: string, code: string | undefined, result: AnalysisResult): NameMatch<WardResult> {
  const wantedCode = (code ?? /\b([eEwWsS]\d{8})\b/.exec(query)?.[1])?.toUpperCase();
  const byCode = wantedCode ? result.wards.find((ward) => ward.wardCode === wantedCode) : undefined;
  if (byCode) return { kind: 'one', item: byCode };
  const match = matchNames(
    query,
    result.wards.map((ward) => ({ name: ward.wardName, id: ward.wardCode, ward })),
  );
  if (match.kind === 'one') return { kind: 'one', item: match.item.ward };
  if (match.kind === 'several') return { kind: 'several', items: match.items.map((item) => item.ward) };
  return { kind: 'none', nearest: match.nearest.map((item) => item.ward) };
}

/** A quick reply naming one ward unmistakably (by its code). */
export function wardChoice(ward: WardResult): Choice {
  return { label: `${ward.wardName} (${ward.wardCode})`, utterance: `tell me about ward ${ward.wardCode}` };
}

/**
 * One measure of a ward as a sentence. A withheld count hides its rate, interval and flag too:
 * with the young population published, any of them would give the count back.
 */
function measureLine(label: string, estimate: RateEstimate, areaRate: number): string {
  if (!estimate.published.shown) {
    // Never say why (small count or cover for another): 'a count from 1 to 4' would itself narrow
    // the count below the protection interval, and every reply is recorded in the Audit sheet.
    return `${label}: [c], withheld to protect confidentiality; its rate, interval and flag are withheld with it.`;
  }
  const flag =
    estimate.flag === 'higher'
      ? 'higher than'
      : estimate.flag === 'lower'
        ? 'lower than'
        : 'not significantly different from';
  return `${label}: ${count(estimate.published.value)}, a rate of ${rate(estimate.rate)} per 1,000 young residents (95% interval ${rate(estimate.lower)} to ${rate(estimate.upper)}), ${flag} the area rate of ${rate(areaRate)}.`;
}

export function wardExplanation(
  ward: WardResult,
  result: AnalysisResult,
): { readonly text: string; readonly choices: Choice[] } {
  const { parameters, area } = result;
  const [youngest, oldest] = parameters.ageBand;
  const lines = [
    `${ward.wardName} (${ward.wardCode}${ward.districtName ? `, ${ward.districtName}` : ''}): ${plural(ward.youngPopulation, 'young resident')} aged ${youngest}–${oldest}.`,
    measureLine('Violent offences that happened here', ward.offences, area.offenceRate),
    measureLine('Young offenders living here', ward.youngOffenders, area.youngOffenderRate),
    `Schools are ranked on ${parameters.rankingMetric === 'offences' ? 'offences where they happened' : 'young offenders where they live'}.`,
  ];
  const drawing = result.schools
    .map((school) => ({
      school,
      share: school.catchmentWards?.find((share) => share.wardCode === ward.wardCode)?.share ?? 0,
    }))
    .filter((entry) => entry.share > 0)
    .sort((a, b) => b.share * b.school.pupils - a.share * a.school.pupils || a.school.rank - b.school.rank)
    .slice(0, 3);
  if (drawing.length > 0)
    lines.push(`Ranked schools with the most pupils from here: ${listing(drawing.map((entry) => entry.school.name))}.`);
  const choices: Choice[] = drawing.slice(0, 1).map((entry) => ({
    label: `Why is ${entry.school.name} ranked where it is?`,
    utterance: `why is school ${entry.school.urn} ranked ${rankText(entry.school.rank)}?`,
  }));
  choices.push({ label: 'Show the top 10', utterance: 'show the top 10' });
  return { text: lines.join('\n'), choices };
}

export function explainWard(command: ExplainWard, state: DialogueState): Outcome {
  const latest = state.latest;
  if (!latest) return noResultsYet(command);
  const match = findWard(command.ward, command.code, latest.result);
  if (match.kind === 'several') {
    return {
      text: `Several wards fit '${command.ward}'. Which one?`,
      choices: match.items.slice(0, 6).map(wardChoice),
      question: true,
      command,
    };
  }
  if (match.kind === 'none') {
    return {
      text: `No ward of the study area matches '${command.ward}'.${match.nearest.length > 0 ? ' Did you mean one of these?' : ''}`,
      choices:
        match.nearest.length > 0
          ? match.nearest.map(wardChoice)
          : [{ label: 'Show the top 10', utterance: 'show the top 10' }],
      question: match.nearest.length > 0,
      // Nothing explained and nothing to choose from: nothing was done, so nothing is recorded as done.
      command: match.nearest.length > 0 ? command : null,
    };
  }
  const ward = match.item;
  const explanation = wardExplanation(ward, latest.result);
  return {
    text: `${explanation.text}${sheetNote(latest, 'Wards')}${stalenessNote(state, latest)}`,
    command: { kind: 'explainWard', ward: ward.wardName, code: ward.wardCode },
    choices: explanation.choices,
  };
}
