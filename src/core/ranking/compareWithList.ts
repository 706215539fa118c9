import type { CurrentListRecord } from '../types';
import { diceCoefficient } from './diceCoefficient';
import { abbreviationNameKey, exactNameKey, fuzzyNameKey } from './schoolNameKeys';

/**
 * How a list entry was tied to a school: by its URN; by a name equal once case, spacing and punctuation
 * are ignored; equal once abbreviations are read in full as well; or by the most similar name.
 */
export type ListMatchMethod = 'urn' | 'name' | 'abbreviation' | 'fuzzy';

/** A school of the schools sheet, ranked or not: every school is offered, so a match to an unranked school is reported as such. */
export interface ListSchool {
  readonly urn: string;
  readonly name: string;
  /** Whether the school is among those ranked (open, and of a phase ranked). */
  readonly ranked: boolean;
  /** Its rank (1 = most exposed) when ranked. */
  readonly rank?: number;
}

/** The older input, ranked schools only: a school with a non-finite rank is taken as unranked. */
export interface RankedSchool {
  readonly urn: string;
  readonly name: string;
  readonly rank: number;
}

/** A school that an entry might mean, with how well the names agree (1 when equal). */
export interface ListCandidate {
  readonly urn: string;
  readonly name: string;
  /**
   * 1 for an equal name; otherwise the Dice coefficient on letter pairs, the better of whole names
   * (`abbreviationNameKey`) and names without their type word (`fuzzyNameKey`).
   */
  readonly score: number;
  readonly ranked: boolean;
  /** Present when ranked. */
  readonly rank?: number;
}

export interface ListMatch {
  readonly entry: CurrentListRecord;
  readonly urn: string;
  readonly name: string;
  readonly method: ListMatchMethod;
  /** 1 for URN, name and abbreviation matches; the Dice coefficient for a fuzzy one. */
  readonly score: number;
  /** False when the school is in the schools sheet but not ranked (closed, or of a phase not ranked). */
  readonly ranked: boolean;
  /** Present when ranked. */
  readonly rank?: number;
}

/** An entry tied to one school. */
export interface MatchedListEntry extends ListMatch {
  readonly state: 'matched';
}

/**
 * Why an entry is ambiguous: several schools have the same name ('sameName'), the best similarity is
 * not clearly ahead of the next ('closeScores'), or a fuzzy match was found but `acceptFuzzy` is false
 * ('fuzzyNotAccepted').
 */
export type AmbiguityReason = 'sameName' | 'closeScores' | 'fuzzyNotAccepted';

/** An entry that may mean any of the candidates (best first): the analyst must choose. */
export interface AmbiguousListEntry {
  readonly state: 'ambiguous';
  readonly entry: CurrentListRecord;
  readonly reason: AmbiguityReason;
  readonly candidates: readonly ListCandidate[];
}

/**
 * Why an entry is unmatched: it has neither URN nor name ('noUrnOrName'), its URN is not in the schools
 * sheet ('urnNotFound'; the name is not tried, since a URN is meant to be definitive), or no name is
 * similar enough ('noCloseName').
 */
export type UnmatchedReason = 'noUrnOrName' | 'urnNotFound' | 'noCloseName';

/** An entry tied to no school, with the nearest names (best first) for a Validation row. */
export interface UnmatchedListEntry {
  readonly state: 'unmatched';
  readonly entry: CurrentListRecord;
  readonly reason: UnmatchedReason;
  readonly nearest: readonly ListCandidate[];
}

/** What became of one list entry: exactly one of matched, ambiguous or unmatched. */
export type ListEntryOutcome = MatchedListEntry | AmbiguousListEntry | UnmatchedListEntry;

export interface ListComparison {
  /** One outcome per list entry, in list order. */
  readonly outcomes: ListEntryOutcome[];
  /** URNs of ranked schools matched by some entry (each once, however many entries name it). */
  readonly onList: Set<string>;
  /** URNs of the top-N ranked schools not on the list, most exposed first. */
  readonly newCandidates: string[];
  /** Entries tied to no school: the ambiguous and the unmatched, in list order. */
  readonly unmatchedListEntries: CurrentListRecord[];
  /** Every match made, ranked school or not, in list order. */
  readonly matches: MatchedListEntry[];
  /** The fuzzy matches, each with its score, for the dialogue to confirm with the analyst. */
  readonly needsConfirmation: MatchedListEntry[];
  readonly ambiguous: AmbiguousListEntry[];
}

export interface CompareWithListOptions {
  /** Smallest similarity (see `ListCandidate.score`) for a fuzzy match. Default 0.85. */
  readonly fuzzyThreshold?: number;
  /** How far the best fuzzy score must be ahead of the next school's to be taken. Default 0.05. */
  readonly fuzzyMargin?: number;
  /** Whether a fuzzy match is taken before confirmation; if not, it is reported as ambiguous. Default true. */
  readonly acceptFuzzy?: boolean;
  /** How many nearest names an unmatched entry reports. Default 3. */
  readonly nearestCount?: number;
}

type Settings = Required<CompareWithListOptions>;

/** A school with its keys for each matching stage. */
interface IndexedSchool {
  readonly urn: string;
  readonly name: string;
  readonly ranked: boolean;
  readonly rank?: number;
  readonly exact: string;
  readonly abbreviation: string;
  readonly fuzzy: string;
}

interface SchoolIndex {
  readonly schools: readonly IndexedSchool[];
  readonly byUrn: ReadonlyMap<string, IndexedSchool>;
  readonly byExact: ReadonlyMap<string, readonly IndexedSchool[]>;
  readonly byAbbreviation: ReadonlyMap<string, readonly IndexedSchool[]>;
}

/** Scores this close count as equal, so that a margin of exactly `fuzzyMargin` is clear despite rounding. */
const EPSILON = 1e-9;

/** Whether a school is ranked: said outright, or (older input) a finite rank. */
function rankedOf(school: ListSchool | RankedSchool): { readonly ranked: boolean; readonly rank?: number } {
  if ('ranked' in school)
    return school.rank === undefined || !school.ranked
      ? { ranked: school.ranked }
      : { ranked: true, rank: school.rank };
  return Number.isFinite(school.rank) ? { ranked: true, rank: school.rank } : { ranked: false };
}

/** Groups schools by a key, leaving out schools whose key is empty (no usable name). */
function groupBy(
  schools: readonly IndexedSchool[],
  keyOf: (school: IndexedSchool) => string,
): Map<string, IndexedSchool[]> {
  const groups = new Map<string, IndexedSchool[]>();
  for (const school of schools) {
    const key = keyOf(school);
    if (!key) continue;
    const group = groups.get(key);
    if (group) group.push(school);
    else groups.set(key, [school]);
  }
  return groups;
}

/** Keys every school once; a URN repeated in the sheet keeps its first row, so one school is never two candidates. */
function indexSchools(schools: readonly (ListSchool | RankedSchool)[]): SchoolIndex {
  const byUrn = new Map<string, IndexedSchool>();
  for (const school of schools) {
    const urn = school.urn.trim();
    if (byUrn.has(urn)) continue;
    byUrn.set(urn, {
      urn: school.urn,
      name: school.name,
      ...rankedOf(school),
      exact: exactNameKey(school.name),
      abbreviation: abbreviationNameKey(school.name),
      fuzzy: fuzzyNameKey(school.name),
    });
  }
  const indexed = [...byUrn.values()];
  return {
    schools: indexed,
    byUrn,
    byExact: groupBy(indexed, (school) => school.exact),
    byAbbreviation: groupBy(indexed, (school) => school.abbreviation),
  };
}

/** What an outcome says about a school: an indexed school or a scored candidate. */
type SchoolRef = Pick<ListCandidate, 'urn' | 'name' | 'ranked' | 'rank'>;

function candidate(school: SchoolRef, score: number): ListCandidate {
  const { urn, name, ranked, rank } = school;
  return rank === undefined ? { urn, name, score, ranked } : { urn, name, score, ranked, rank };
}

function matched(
  entry: CurrentListRecord,
  school: SchoolRef,
  method: ListMatchMethod,
  score: number,
): MatchedListEntry {
  return { state: 'matched', entry, ...candidate(school, score), method };
}

/**
 * Every school with a letter pair in common with the name, most similar first. The score is the better
 * of two Dice coefficients: on the whole names (abbreviations read in full), so a typo in 'Acadmy' still
 * tells 'Ward End Academy' from 'Ward End School'; and on the names without their type word, so
 * 'Washwood Heath School' still finds 'Washwood Heath Academy'. Equal scores are ordered by the
 * whole-name coefficient, then by sheet order.
 */
function scoreAll(name: string, schools: readonly IndexedSchool[]): ListCandidate[] {
  const whole = abbreviationNameKey(name);
  const short = fuzzyNameKey(name);
  return schools
    .map((school) => {
      const wholeScore = diceCoefficient(whole, school.abbreviation);
      return { scored: candidate(school, Math.max(wholeScore, diceCoefficient(short, school.fuzzy))), wholeScore };
    })
    .filter(({ scored }) => scored.score > 0)
    .sort((a, b) => b.scored.score - a.scored.score || b.wholeScore - a.wholeScore)
    .map(({ scored }) => scored);
}

/** The outcome when names are equal at one stage: one school matched, several ambiguous, none undefined (try the next stage). */
function byEqualName(
  entry: CurrentListRecord,
  method: ListMatchMethod,
  same: readonly IndexedSchool[] | undefined,
): ListEntryOutcome | undefined {
  if (!same || same.length === 0) return undefined;
  if (same.length === 1) return matched(entry, same[0], method, 1);
  return { state: 'ambiguous', entry, reason: 'sameName', candidates: same.map((school) => candidate(school, 1)) };
}

/**
 * The most similar name, taken only when at least `fuzzyThreshold` and at least `fuzzyMargin` ahead of
 * the next school (whether or not that one reaches the threshold): a typo between two similar names is
 * for the analyst to settle, not for the matcher to guess.
 */
function byFuzzyName(
  entry: CurrentListRecord,
  name: string,
  schools: readonly IndexedSchool[],
  settings: Settings,
): ListEntryOutcome {
  const scored = scoreAll(name, schools);
  const best: ListCandidate | undefined = scored[0];
  if (!best || best.score < settings.fuzzyThreshold) {
    return { state: 'unmatched', entry, reason: 'noCloseName', nearest: scored.slice(0, settings.nearestCount) };
  }
  // A tie is never clear, even when no margin is asked for.
  const close = scored.filter(
    (other) => best.score - other.score <= EPSILON || best.score - other.score < settings.fuzzyMargin - EPSILON,
  );
  if (close.length > 1) return { state: 'ambiguous', entry, reason: 'closeScores', candidates: close };
  if (!settings.acceptFuzzy) return { state: 'ambiguous', entry, reason: 'fuzzyNotAccepted', candidates: [best] };
  return matched(entry, best, 'fuzzy', best.score);
}

/** One entry's outcome: by URN when it has one, else by name in three stages, strictest first. */
function outcomeOf(entry: CurrentListRecord, index: SchoolIndex, settings: Settings): ListEntryOutcome {
  const urn = entry.urn?.trim();
  const name = entry.name ?? '';
  if (urn) {
    const school = index.byUrn.get(urn);
    if (school) return matched(entry, school, 'urn', 1);
    const nearest = exactNameKey(name) ? scoreAll(name, index.schools).slice(0, settings.nearestCount) : [];
    return { state: 'unmatched', entry, reason: 'urnNotFound', nearest };
  }
  if (!exactNameKey(name)) return { state: 'unmatched', entry, reason: 'noUrnOrName', nearest: [] };
  return (
    byEqualName(entry, 'name', index.byExact.get(exactNameKey(name))) ??
    byEqualName(entry, 'abbreviation', index.byAbbreviation.get(abbreviationNameKey(name))) ??
    byFuzzyName(entry, name, index.schools, settings)
  );
}

/** URNs of the top-N ranked schools no entry matched, most exposed first (ties in sheet order). */
function newCandidatesOf(schools: readonly IndexedSchool[], onList: ReadonlySet<string>, topN: number): string[] {
  return schools
    .flatMap((school) =>
      school.ranked && school.rank !== undefined && Number.isFinite(school.rank)
        ? [{ urn: school.urn, rank: school.rank }]
        : [],
    )
    .sort((a, b) => a.rank - b.rank)
    .slice(0, Math.max(0, topN))
    .filter((school) => !onList.has(school.urn))
    .map((school) => school.urn);
}

const isMatched = (outcome: ListEntryOutcome): outcome is MatchedListEntry => outcome.state === 'matched';
const isAmbiguous = (outcome: ListEntryOutcome): outcome is AmbiguousListEntry => outcome.state === 'ambiguous';

/**
 * Compares the ranking with the VRU's current list, looking among ALL schools of the schools sheet
 * (pass every school with `ranked` and, when ranked, `rank`), so that an entry naming a school that is
 * not ranked is reported as matched-but-unranked rather than "not found".
 *
 * An entry with a URN matches the school with that URN, or nothing. An entry with only a name matches,
 * stopping at the first stage that finds any school: (1) a name equal once case, spacing and punctuation
 * are ignored (method 'name'); (2) equal once abbreviations are read in full too ('Sch', 'Acad', 'C of E',
 * 'RC', 'St.', '&', a leading 'The'…; method 'abbreviation'); (3) the most similar name by the Dice
 * coefficient on letter pairs (see `ListCandidate.score`), when at least `fuzzyThreshold` and at least
 * `fuzzyMargin` ahead of the next (method 'fuzzy', listed in `needsConfirmation`). Several schools
 * equally good at a stage, or too close at the last, make the entry ambiguous; an unmatched entry
 * carries its nearest names. New candidates are the top-N ranked schools that no entry matched.
 * O(list × schools × name length) at worst (the fuzzy stage).
 *
 * The older call, `compareWithList(rankedSchools, list, topN)` with `{ urn, name, rank }` items, still
 * works; it can only find schools it is given.
 *
 * @example compareWithList([{ urn: '1', name: 'Ward End Academy', ranked: true, rank: 1 }, { urn: '2', name: 'Ward End School', ranked: true, rank: 2 },
 *   { urn: '3', name: 'Aston High School', ranked: false }], [{ sourceRow: 2, name: 'WARD END ACADEMY' }, { sourceRow: 3, name: 'Aston High Sch' }], 2)
 *   // => outcomes [matched '1' by 'name' (ranked, rank 1), matched '3' by 'abbreviation' (not ranked)];
 *   //    onList {'1'}, newCandidates ['2'], unmatchedListEntries []
 */
export function compareWithList(
  schools: readonly (ListSchool | RankedSchool)[],
  list: readonly CurrentListRecord[],
  topN: number,
  options: CompareWithListOptions = {},
): ListComparison {
  const settings: Settings = {
    fuzzyThreshold: options.fuzzyThreshold ?? 0.85,
    fuzzyMargin: options.fuzzyMargin ?? 0.05,
    acceptFuzzy: options.acceptFuzzy ?? true,
    nearestCount: options.nearestCount ?? 3,
  };
  const index = indexSchools(schools);
  const outcomes = list.map((entry) => outcomeOf(entry, index, settings));
  const matches = outcomes.filter(isMatched);
  const onList = new Set(matches.filter((match) => match.ranked).map((match) => match.urn));
  return {
    outcomes,
    onList,
    newCandidates: newCandidatesOf(index.schools, onList, topN),
    unmatchedListEntries: outcomes.filter((outcome) => !isMatched(outcome)).map((outcome) => outcome.entry),
    matches,
    needsConfirmation: matches.filter((match) => match.method === 'fuzzy'),
    ambiguous: outcomes.filter(isAmbiguous),
  };
}
