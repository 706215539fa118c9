import type { CurrentListRecord } from '../types';
import { diceCoefficient } from './diceCoefficient';
import { normaliseSchoolName } from './normaliseSchoolName';

/** How a list entry was tied to a school. */
export type ListMatchMethod = 'urn' | 'name' | 'fuzzy';

export interface ListMatch {
  readonly entry: CurrentListRecord;
  readonly urn: string;
  readonly name: string;
  readonly method: ListMatchMethod;
  /** 1 for URN and normalised-name matches; the Dice coefficient for a fuzzy one. */
  readonly score: number;
}

/** A list entry whose name fits more than one school equally well: the analyst must choose. */
export interface AmbiguousListEntry {
  readonly entry: CurrentListRecord;
  readonly candidates: readonly { readonly urn: string; readonly name: string; readonly score: number }[];
}

export interface ListComparison {
  /** URNs of ranked schools matched by some list entry (fuzzy ones included unless `acceptFuzzy` is false). */
  readonly onList: Set<string>;
  /** URNs of the top-N ranked schools not on the list, most exposed first. */
  readonly newCandidates: string[];
  /** Entries tied to no school (URN not among the ranked schools, no usable name, ambiguous, or too dissimilar). */
  readonly unmatchedListEntries: CurrentListRecord[];
  /** Every match made, in list order. */
  readonly matches: ListMatch[];
  /** The fuzzy matches, each with its score, for the dialogue to confirm with the analyst. */
  readonly needsConfirmation: ListMatch[];
  readonly ambiguous: AmbiguousListEntry[];
}

export interface CompareWithListOptions {
  /** Smallest Dice coefficient on bigrams of normalised names for a fuzzy match. Default 0.85. */
  readonly fuzzyThreshold?: number;
  /** Whether fuzzy matches count as on the list before confirmation. Default true. */
  readonly acceptFuzzy?: boolean;
}

interface RankedSchool {
  readonly urn: string;
  readonly name: string;
  readonly rank: number;
}

/**
 * Compares the ranking with the VRU's current list. An entry with a URN matches the ranked school with
 * that URN, and nothing else (a URN outside the ranked phase is unmatched). An entry with only a name
 * matches the school whose `normaliseSchoolName` key is equal; failing that, the school whose key is
 * most similar by the Dice coefficient on bigrams when that is at least `fuzzyThreshold` and strictly
 * better than the runner-up (reported in `needsConfirmation` with its score). A name that fits several
 * schools equally is reported in `ambiguous` and left unmatched. New candidates are the top-N schools
 * by rank that no entry matched. O(list × schools × name length) at worst (fuzzy search only).
 *
 * @example compareWithList([{ urn: '1', name: "St Mary's C of E School", rank: 1 }, { urn: '2', name: 'Park Hall Academy', rank: 2 }],
 *   [{ sourceRow: 2, name: 'Saint Marys CofE School' }], 2)
 *   // => onList {'1'} (method 'name'), newCandidates ['2'], unmatchedListEntries []
 */
export function compareWithList(
  ranked: readonly RankedSchool[],
  list: readonly CurrentListRecord[],
  topN: number,
  options: CompareWithListOptions = {},
): ListComparison {
  const { fuzzyThreshold = 0.85, acceptFuzzy = true } = options;
  const byUrn = new Map<string, RankedSchool>();
  const byKey = new Map<string, RankedSchool[]>();
  const keys = ranked.map((school) => normaliseSchoolName(school.name));
  ranked.forEach((school, index) => {
    byUrn.set(school.urn.trim(), school);
    const sameKey = byKey.get(keys[index]);
    if (sameKey) sameKey.push(school);
    else byKey.set(keys[index], [school]);
  });

  const onList = new Set<string>();
  const unmatchedListEntries: CurrentListRecord[] = [];
  const matches: ListMatch[] = [];
  const needsConfirmation: ListMatch[] = [];
  const ambiguous: AmbiguousListEntry[] = [];
  const accept = (match: ListMatch): void => {
    matches.push(match);
    onList.add(match.urn);
  };

  for (const entry of list) {
    const urn = entry.urn?.trim();
    if (urn) {
      const school = byUrn.get(urn);
      if (school) accept({ entry, urn: school.urn, name: school.name, method: 'urn', score: 1 });
      else unmatchedListEntries.push(entry);
      continue;
    }
    const key = entry.name ? normaliseSchoolName(entry.name) : '';
    if (!key) {
      unmatchedListEntries.push(entry);
      continue;
    }
    const exact = byKey.get(key);
    if (exact && exact.length === 1) {
      accept({ entry, urn: exact[0].urn, name: exact[0].name, method: 'name', score: 1 });
      continue;
    }
    if (exact && exact.length > 1) {
      ambiguous.push({ entry, candidates: exact.map((school) => ({ urn: school.urn, name: school.name, score: 1 })) });
      unmatchedListEntries.push(entry);
      continue;
    }
    const scored = ranked
      .map((school, index) => ({ urn: school.urn, name: school.name, score: diceCoefficient(key, keys[index]) }))
      .filter((candidate) => candidate.score >= fuzzyThreshold)
      .sort((a, b) => b.score - a.score);
    if (scored.length === 0) {
      unmatchedListEntries.push(entry);
    } else if (scored.length > 1 && scored[1].score === scored[0].score) {
      ambiguous.push({ entry, candidates: scored.filter((candidate) => candidate.score === scored[0].score) });
      unmatchedListEntries.push(entry);
    } else {
      const match: ListMatch = { entry, urn: scored[0].urn, name: scored[0].name, method: 'fuzzy', score: scored[0].score };
      needsConfirmation.push(match);
      if (acceptFuzzy) accept(match);
      else unmatchedListEntries.push(entry);
    }
  }

  const newCandidates = ranked
    .filter((school) => Number.isFinite(school.rank))
    .sort((a, b) => a.rank - b.rank)
    .slice(0, Math.max(0, topN))
    .filter((school) => !onList.has(school.urn))
    .map((school) => school.urn);

  return { onList, newCandidates, unmatchedListEntries, matches, needsConfirmation, ambiguous };
}
