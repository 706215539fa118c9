import {
  compareWithList,
  exactNameKey,
  type ListComparison as Comparison,
  type ListEntryOutcome,
  type SchoolRank,
} from '../../ranking';
import type { AnalysisParameters, CurrentListRecord, Issue, SchoolRecord } from '../../types';
import type { ListComparison } from '../analysisResult';
import { PHASE_LABELS } from '../phaseLabels';
import { headerOf } from './problems';
import type { ValidatedSheet } from './validateInputs';

export interface CurrentListOutcome {
  readonly comparison: Comparison;
  readonly summary: ListComparison;
  readonly issues: readonly Issue[];
}

const entryText = (entry: CurrentListRecord): string => entry.urn ?? entry.name ?? '';

/**
 * One comparison from two: each entry's outcome from the comparison that fits how it was given
 * (by URN: among every school; by name: among the schools a name should find), with the sets
 * rebuilt from those outcomes. `topUrns` are the top-N ranked schools, most exposed first.
 */
function mergeByEntry(
  entries: readonly CurrentListRecord[],
  byUrn: Comparison,
  byName: Comparison,
  topUrns: readonly string[],
): Comparison {
  const outcomes = entries.map((entry, i) => (entry.urn !== undefined ? byUrn.outcomes[i] : byName.outcomes[i]));
  const matches = outcomes.filter((o): o is Extract<ListEntryOutcome, { state: 'matched' }> => o.state === 'matched');
  const onList = new Set(matches.filter((m) => m.ranked).map((m) => m.urn));
  return {
    outcomes,
    onList,
    newCandidates: topUrns.filter((urn) => !onList.has(urn)),
    unmatchedListEntries: outcomes.filter((o) => o.state !== 'matched').map((o) => o.entry),
    matches,
    needsConfirmation: matches.filter((m) => m.method === 'fuzzy'),
    ambiguous: outcomes.filter((o): o is Extract<ListEntryOutcome, { state: 'ambiguous' }> => o.state === 'ambiguous'),
  };
}

/**
 * Ties each current-list entry to a school of the schools sheet (by URN, exact name, name with
 * abbreviations read in full, then a clearly best fuzzy match) and says what became of it: on the
 * list and ranked; matched but not ranked, and why; ambiguous, with the candidates; or unmatched,
 * with the nearest names. Only ranked schools count as "on the list" for new candidates.
 */
export function compareWithCurrentList(
  allSchools: readonly SchoolRecord[],
  ranked: readonly SchoolRecord[],
  ranks: ReadonlyMap<string, SchoolRank>,
  list: ValidatedSheet<CurrentListRecord> | undefined,
  parameters: AnalysisParameters,
): CurrentListOutcome {
  const rankedUrns = new Set(ranked.map((s) => s.urn));
  const phases = new Set(parameters.phases);
  const listed = (schools: readonly SchoolRecord[]) =>
    schools.map((school) => ({
      urn: school.urn,
      name: school.name,
      ranked: rankedUrns.has(school.urn),
      ...(rankedUrns.has(school.urn) ? { rank: ranks.get(school.urn)?.rank ?? Number.MAX_SAFE_INTEGER } : {}),
    }));
  // A school that became an academy usually leaves a closed predecessor of the same name: for
  // entries given by name that one stays out, so the name matches the open school instead of
  // coming out ambiguous. An entry giving the predecessor's URN still finds it.
  const openNames = new Set(allSchools.filter((s) => s.open).map((s) => exactNameKey(s.name)));
  const byName = listed(allSchools.filter((s) => s.open || !openNames.has(exactNameKey(s.name))));
  const entries = list?.rows.records ?? [];
  const comparison = mergeByEntry(
    entries,
    compareWithList(listed(allSchools), entries, parameters.topN),
    compareWithList(byName, entries, parameters.topN),
    [...ranked]
      .sort((a, b) => (ranks.get(a.urn)?.rank ?? Infinity) - (ranks.get(b.urn)?.rank ?? Infinity))
      .slice(0, Math.max(0, parameters.topN))
      .map((s) => s.urn),
  );
  const issues: Issue[] = [];
  const schoolByUrn = new Map(allSchools.map((s) => [s.urn, s]));
  const whyNotRanked = (urn: string): string => {
    const school = schoolByUrn.get(urn);
    if (!school) return 'it is not in the schools sheet';
    if (!school.open) return 'it is closed';
    if (!phases.has(school.phase))
      return `its phase (${school.phaseText || PHASE_LABELS[school.phase]}) is not among those ranked`;
    return 'it could not be ranked (see its row in the Validation sheet)';
  };
  const sheet = list?.mapping.sheet ?? '';
  const say = (outcome: ListEntryOutcome, severity: Issue['severity'], code: Issue['code'], problem: string): void => {
    const row = outcome.entry.sourceRow;
    const column = list
      ? headerOf(list.mapping, outcome.entry.urn !== undefined || !list.mapping.fields.name ? 'urn' : 'name')
      : '';
    issues.push({
      sheet,
      row,
      column,
      value: entryText(outcome.entry),
      severity,
      code,
      message: `Sheet '${sheet}', row ${row}, column '${column}': ${problem}`,
    });
  };
  const notRanked: { row: number; text: string; urn: string; name: string; why: string }[] = [];
  const ambiguous: { row: number; text: string; candidates: string[] }[] = [];
  const unmatched: { row: number; text: string; nearest: string[] }[] = [];
  for (const outcome of comparison.outcomes) {
    const text = entryText(outcome.entry);
    if (outcome.state === 'matched') {
      if (!outcome.ranked) {
        const why = whyNotRanked(outcome.urn);
        notRanked.push({ row: outcome.entry.sourceRow, text, urn: outcome.urn, name: outcome.name, why });
        say(
          outcome,
          'info',
          'schoolNotRanked',
          `'${text}' is ${outcome.name} (URN ${outcome.urn}), which is not among the schools ranked because ${why}.`,
        );
      }
    } else if (outcome.state === 'ambiguous') {
      const candidates = outcome.candidates.map((c) => `${c.name} (URN ${c.urn})`);
      ambiguous.push({ row: outcome.entry.sourceRow, text, candidates });
      say(
        outcome,
        'warning',
        'listEntryAmbiguous',
        `'${text}' could be ${candidates.join(' or ')}; it is matched to none until the URN is given.`,
      );
    } else {
      const nearest = outcome.nearest.map((c) => c.name);
      unmatched.push({ row: outcome.entry.sourceRow, text, nearest });
      say(
        outcome,
        'warning',
        'unknownSchool',
        `'${text}' matches no school in the schools sheet${nearest.length > 0 ? ` (nearest names: ${nearest.join('; ')})` : ''}; the entry is not used.`,
      );
    }
  }
  const summary: ListComparison = {
    listSheet: list?.mapping.sheet ?? null,
    entries: entries.length,
    matched: comparison.matches.length,
    matchedRanked: comparison.matches.filter((m) => m.ranked).length,
    unmatched,
    ambiguous,
    notRanked,
    fuzzyMatches: comparison.needsConfirmation.map((m) => ({
      row: m.entry.sourceRow,
      text: entryText(m.entry),
      urn: m.urn,
      name: m.name,
      score: m.score,
    })),
  };
  return { comparison, summary, issues };
}
