import { SUPPRESSED_SYMBOL } from '../../core/disclosure';
/** "compare Park Hall and Hill Top": two (or more) ranked schools side by side. */
import type { SchoolResult } from '../../core/pipeline/analysisResult';
import type { Command } from '../commands';
import { PHASE_LABELS } from '../parse/phrases';
import type { Choice } from '../types';
import { count, percent, plural, rankText } from './format';
import { findSchool, schoolChoice } from './explainSchool';
import { noResultsYet, sheetNote, stalenessNote } from './latestResult';
import type { DialogueState, Outcome } from './state';

type CompareSchools = Extract<Command, { kind: 'compareSchools' }>;

/** One school's line of the comparison. */
function line(school: SchoolResult, topN: number): string {
  const list = school.onCurrentList
    ? 'on the current list'
    : school.rank <= topN
      ? `not on the current list (a new candidate in the top ${topN})`
      : 'not on the current list';
  return (
    `• ${school.name} (URN ${school.urn}, ${PHASE_LABELS[school.phase]}, ${plural(school.pupils, 'pupil')}): ranked ${rankText(school.rank)} (interval ${school.rankLower}–${school.rankUpper}), exposure index ${Math.round(school.exposureIndex)}, ` +
    `${percent(school.shareFromHigherWards)} of pupils from higher-rate wards; catchment ${school.catchmentModel === 'observed' ? 'observed' : 'modelled by distance'}; ${list}.`
  );
}

/** Whether two rank intervals overlap: then the order of the two is not sure. */
const overlap = (a: SchoolResult, b: SchoolResult): boolean => a.rankLower <= b.rankUpper && b.rankLower <= a.rankUpper;

export function compareSchools(command: CompareSchools, state: DialogueState): Outcome {
  const latest = state.latest;
  if (!latest) return noResultsYet(command);
  const { result } = latest;
  const found: SchoolResult[] = [];
  for (const [i, name] of command.schools.entries()) {
    const match = findSchool(name, command.urns?.[i], result);
    if (match.kind === 'one') {
      found.push(match.item);
      continue;
    }
    const options = match.kind === 'several' ? match.items : match.nearest;
    const others = command.schools.filter((_, j) => j !== i);
    const ask = (school: SchoolResult): Choice => ({
      label: `${school.name} (URN ${school.urn})`,
      utterance: `compare ${[...others, `school ${school.urn}`].map((n) => (/^school \d+$/.test(n) ? n : `"${n}"`)).join(' and ')}`,
    });
    return {
      text:
        match.kind === 'several'
          ? `Several ranked schools fit '${name}': ${options
              .slice(0, 6)
              .map((school) => `${school.name} (URN ${school.urn})`)
              .join('; ')}. Which one?`
          : `No ranked school matches '${name}'.${options.length > 0 ? ' Did you mean one of these?' : ''}`,
      choices:
        options.length > 0
          ? options.slice(0, 6).map(ask)
          : [{ label: 'Show the top 10', utterance: 'show the top 10' }],
      question: options.length > 0,
      // No school to compare and nothing to choose from: nothing was done, so nothing is recorded as done.
      command: options.length > 0 ? command : null,
    };
  }
  const unique = found.filter((school, i) => found.findIndex((other) => other.urn === school.urn) === i);
  if (unique.length < 2) {
    return {
      text: `'${command.schools.join("' and '")}' name the same school, ${unique[0].name}. Which other school should I compare it with?`,
      choices: [schoolChoice(unique[0])],
      question: false,
      command,
    };
  }
  const sorted = [...unique].sort((a, b) => a.rank - b.rank);
  const lines = [
    `Side by side, in rank order (of ${plural(result.schools.length, 'ranked school')}):`,
    ...sorted.map((school) => line(school, result.parameters.topN)),
  ];
  const [first, second] = sorted;
  lines.push(
    overlap(first, second)
      ? `Their rank intervals overlap (${first.rankLower}–${first.rankUpper} and ${second.rankLower}–${second.rankUpper}), so which is more exposed is not certain.`
      : `Their rank intervals do not overlap: ${first.name} is more exposed.`,
  );
  if (unique.some((school) => school.offendersAttending?.shown)) {
    lines.push(
      `Young offenders attending (where recorded): ${sorted.map((school) => `${school.name} ${school.offendersAttending?.shown ? count(school.offendersAttending.value) : SUPPRESSED_SYMBOL}`).join('; ')}.`,
    );
  }
  const privately = sorted.filter((school) => !school.offendersAttending?.shown);
  return {
    ...(privately.length > 0
      ? {
          forAnalystOnly: `For you only (not in the shared workbook or its Audit sheet), young offenders attending where the school is recorded: ${privately.map((school) => `${school.name} ${count(school.offendersAttendingCount)}`).join('; ')}.`,
        }
      : {}),
    text: `${lines.join('\n')}${sheetNote(latest, 'Schools')}${stalenessNote(state, latest)}`,
    command: {
      kind: 'compareSchools',
      schools: found.map((school) => school.name),
      urns: found.map((school) => school.urn),
    },
    choices: sorted.slice(0, 2).map((school) => ({
      label: `Why is ${school.name} ranked ${rankText(school.rank)}?`,
      utterance: `why is school ${school.urn} ranked ${rankText(school.rank)}?`,
    })),
  };
}
