/** "show the top 10": the top schools of the latest run, with their intervals and list status. */
import type { Command } from '../commands';
import { plural, rankText } from './format';
import { noResultsYet, sheetNote, stalenessNote } from './latestResult';
import type { DialogueState, Outcome } from './state';

type ShowTop = Extract<Command, { kind: 'showTop' }>;

/** The longest list a reply gives; the Schools sheet holds the rest. */
const MOST_LISTED = 50;

export function showTop(command: ShowTop, state: DialogueState): Outcome {
  const latest = state.latest;
  if (!latest) return noResultsYet(command);
  const { result } = latest;
  const n = Math.max(1, Math.min(command.n ?? result.parameters.topN, result.schools.length));
  const top = result.schools.slice(0, Math.min(n, MOST_LISTED));
  if (top.length === 0) {
    return {
      text: 'No school was ranked in the latest run.',
      command,
      choices: [
        { label: 'Rank every phase', utterance: 'all phases' },
        { label: 'Show the settings', utterance: 'show the settings' },
      ],
    };
  }
  const lines = [
    `The top ${top.length} of ${plural(result.schools.length, 'school')} by exposure (rank, 95% rank interval, exposure index with area = 100):`,
  ];
  for (const school of top) {
    const status = school.onCurrentList
      ? 'on the list'
      : school.rank <= result.parameters.topN
        ? 'NOT on the list'
        : 'not on the list';
    lines.push(
      `${school.rank}. ${school.name} (URN ${school.urn}): interval ${school.rankLower}–${school.rankUpper}, index ${Math.round(school.exposureIndex)}, ${status}`,
    );
  }
  if (n > MOST_LISTED) lines.push(`… the rest are on the Schools sheet.`);
  const first = top[0];
  return {
    text: `${lines.join('\n')}${sheetNote(latest, 'Schools')}${stalenessNote(state, latest)}`,
    // Recorded as asked: a replay on a run that ranks more schools shows as many as were asked for.
    command: { kind: 'showTop', n: command.n ?? n },
    choices: [
      {
        label: `Why is ${first.name} ranked ${rankText(first.rank)}?`,
        utterance: `why is "${first.name}" ranked ${rankText(first.rank)}?`,
      },
      { label: `Which of the top ${n} are not on the list?`, utterance: `which of the top ${n} are not on the list?` },
    ],
  };
}
