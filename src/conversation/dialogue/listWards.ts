/** "list the wards by rate", "which wards are flagged higher?": the study wards of the latest run. */
import type { Command } from '../commands';
import { plural, rate } from './format';
import { noResultsYet, sheetNote, stalenessNote } from './latestResult';
import { measureOf } from './runTurn';
import type { DialogueState, Outcome } from './state';

type ListWards = Extract<Command, { kind: 'listWards' }>;

/** The longest list a reply gives; the Wards sheet holds the rest. */
const MOST_LISTED = 30;

/**
 * Wards with a published count, highest rate first; wards whose count is withheld are counted but not
 * placed in the order (placing them would hint at their rates).
 */
export function listWards(command: ListWards, state: DialogueState): Outcome {
  const latest = state.latest;
  if (!latest) return noResultsYet(command);
  const { result } = latest;
  const measure =
    result.parameters.rankingMetric === 'offences'
      ? 'violent offences (where they happened)'
      : 'young offenders (where they live)';
  const shown = result.wards.filter((ward) => measureOf(result, ward).published.shown);
  const withheld = result.wards.length - shown.length;
  const ordered = [...shown].sort(
    (a, b) => measureOf(result, b).rate - measureOf(result, a).rate || a.wardCode.localeCompare(b.wardCode),
  );
  const chosen =
    command.order === 'higher' ? ordered.filter((ward) => measureOf(result, ward).flag === 'higher') : ordered;
  const areaRate =
    result.parameters.rankingMetric === 'offences' ? result.area.offenceRate : result.area.youngOffenderRate;
  const lines: string[] = [];
  if (command.order === 'higher') {
    lines.push(
      chosen.length === 0
        ? `No ward with a published count is flagged higher than the area rate of ${rate(areaRate)} ${measure} per 1,000 young residents.`
        : `${plural(chosen.length, 'ward is', 'wards are')} flagged higher than the area rate of ${rate(areaRate)} ${measure} per 1,000 young residents, highest first:`,
    );
  } else {
    lines.push(
      `The ${plural(shown.length, 'ward')} with a published count, by rate of ${measure} per 1,000 young residents, highest first (area ${rate(areaRate)}):`,
    );
  }
  for (const ward of chosen.slice(0, MOST_LISTED)) {
    const estimate = measureOf(result, ward);
    const flag =
      estimate.flag === 'higher'
        ? 'higher than average'
        : estimate.flag === 'lower'
          ? 'lower than average'
          : 'similar to average';
    lines.push(
      `• ${ward.wardName} (${ward.wardCode}): ${rate(estimate.rate)} (interval ${rate(estimate.lower)}–${rate(estimate.upper)}), ${flag}`,
    );
  }
  if (chosen.length > MOST_LISTED) lines.push('… the rest are on the Wards sheet.');
  if (withheld > 0)
    lines.push(
      `${plural(withheld, 'ward has its count', 'wards have their counts')} withheld ([c]), so ${withheld === 1 ? 'it is' : 'they are'} not placed in this order.`,
    );
  const top = chosen[0];
  return {
    text: `${lines.join('\n')}${sheetNote(latest, 'Wards')}${stalenessNote(state, latest)}`,
    command,
    choices: [
      ...(top
        ? [{ label: `Tell me about ${top.wardName} ward`, utterance: `tell me about ward ${top.wardCode}` }]
        : []),
      {
        label: command.order === 'higher' ? 'List every ward by rate' : 'Which wards are flagged higher?',
        utterance: command.order === 'higher' ? 'list the wards by rate' : 'which wards are flagged higher?',
      },
      { label: 'Show the top 10 schools', utterance: 'show the top 10' },
    ],
  };
}
