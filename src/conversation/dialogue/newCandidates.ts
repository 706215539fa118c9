/** "which of the top 20 are not on the VRU list?": answered from the latest run, for any n. */
import type { Command } from '../commands';
import { agreeing, count, listing, plural, rankText } from './format';
import { noResultsYet, sheetNote, stalenessNote } from './latestResult';
import type { DialogueState, Outcome } from './state';

type NewCandidates = Extract<Command, { kind: 'newCandidates' }>;

export function newCandidates(command: NewCandidates, state: DialogueState): Outcome {
  const latest = state.latest;
  if (!latest) return noResultsYet(command);
  const { result } = latest;
  const n = Math.max(1, command.n ?? result.parameters.topN);
  const top = result.schools.filter((school) => school.rank <= n);
  const candidates = top.filter((school) => !school.onCurrentList);
  const lines: string[] = [];
  if (!result.list.listSheet) {
    lines.push(
      `No current list sheet was found, so ${everySchool(top.length)} of the top ${n} ${agreeing(top.length, 'is a candidate', 'are candidates')}.`,
    );
  } else if (candidates.length === 0) {
    lines.push(
      `${capitalised(everySchool(top.length))} of the top ${n} ${agreeing(top.length, 'is', 'are')} on the current list ('${result.list.listSheet}').`,
    );
  } else {
    lines.push(
      `${candidates.length} of the top ${n} ${agreeing(candidates.length, 'is', 'are')} not on the current list ('${result.list.listSheet}'):`,
    );
  }
  for (const school of candidates.slice(0, 50)) {
    lines.push(
      `${school.rank}. ${school.name} (URN ${school.urn}): exposure index ${Math.round(school.exposureIndex)}, rank interval ${school.rankLower}–${school.rankUpper}`,
    );
  }
  if (candidates.length > 50) lines.push('… the rest are on the Schools sheet.');
  const wide = candidates.filter((school) => school.rankUpper > n);
  if (wide.length > 0)
    lines.push(
      `The rank intervals of ${listing(wide.slice(0, 3).map((school) => school.name))}${wide.length > 3 ? ' and others' : ''} reach beyond ${n}: their place in the top group is uncertain.`,
    );
  const rows = (entries: readonly { readonly row: number }[]): string =>
    `${entries.length === 1 ? 'row' : 'rows'} ${entries
      .slice(0, 8)
      .map((entry) => entry.row)
      .join(', ')}${entries.length > 8 ? ', …' : ''}`;
  const { notRanked, ambiguous, unmatched } = result.list;
  if (notRanked.length > 0) {
    lines.push(
      `${plural(notRanked.length, 'list entry names a school', 'list entries name schools')} not ranked (${rows(notRanked)}): ${notRanked
        .slice(0, 3)
        .map((entry) => `${entry.name}, as ${entry.why}`)
        .join('; ')}${notRanked.length > 3 ? '; …' : ''}.`,
    );
  }
  for (const entry of ambiguous.slice(0, 5))
    lines.push(
      `List row ${entry.row} '${entry.text}' could be ${listing(entry.candidates, 'or')}: which is it? Give its URN in the list.`,
    );
  if (unmatched.length > 0) {
    lines.push(
      `${plural(unmatched.length, 'list entry', 'list entries')} matched no school in the schools sheet (${rows(unmatched)})${unmatched[0].nearest.length > 0 ? `; the nearest names to '${unmatched[0].text}' are ${listing(unmatched[0].nearest)}` : ''}.`,
    );
  }
  for (const fuzzy of result.list.fuzzyMatches.slice(0, 5)) {
    lines.push(
      `List row ${fuzzy.row} '${fuzzy.text}' was taken to be ${fuzzy.name} (URN ${fuzzy.urn}) by a similar name: please check.`,
    );
  }
  const choices = candidates.slice(0, 2).map((school) => ({
    label: `Why is ${school.name} ranked ${rankText(school.rank)}?`,
    utterance: `why is "${school.name}" ranked ${rankText(school.rank)}?`,
  }));
  choices.push({ label: `Show the top ${n}`, utterance: `show the top ${n}` });
  return {
    text: `${lines.join('\n')}${sheetNote(latest, 'Summary')}${stalenessNote(state, latest)}`,
    command: { kind: 'newCandidates', n },
    choices,
  };
}

/** 'the one school' or 'all 12 schools': the whole top group, however many were ranked. */
function everySchool(schools: number): string {
  return schools === 1 ? 'the one school' : `all ${count(schools)} schools`;
}

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
