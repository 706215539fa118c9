import { compareWithCurrentList } from '../../../src/core/pipeline/stages/compareWithCurrentList';
import type { SchoolRank } from '../../../src/core/ranking';
import {
  DEFAULT_PARAMETERS,
  type AnalysisParameters,
  type CurrentListRecord,
  type SchoolPhase,
  type SchoolRecord,
} from '../../../src/core/types';
import { inA, mappingOf, validated } from './stagesFixture';

const LIST_MAPPING = mappingOf('currentList', 'VRU list', ['URN', 'School name']);

const school = (
  sourceRow: number,
  urn: string,
  name: string,
  phase: SchoolPhase = 'secondary',
  open = true,
): SchoolRecord => ({
  sourceRow,
  urn,
  name,
  phase,
  phaseText: phase === 'primary' ? 'Primary' : 'Secondary',
  location: inA(),
  pupils: 500,
  pupilsKnown: true,
  open,
});
const rank = (value: number): SchoolRank => ({ rank: value, rankLower: value, rankUpper: value, exposureIndex: 100 });

function compare(
  schools: SchoolRecord[],
  rankedUrns: string[],
  entries: CurrentListRecord[] | undefined,
  parameters: Partial<AnalysisParameters> = {},
) {
  const ranked = rankedUrns.map((urn) => schools.find((s) => s.urn === urn)!);
  const ranks = new Map(rankedUrns.map((urn, i) => [urn, rank(i + 1)]));
  return compareWithCurrentList(schools, ranked, ranks, entries ? validated(LIST_MAPPING, entries) : undefined, {
    ...DEFAULT_PARAMETERS,
    ...parameters,
  });
}

/*
 * Schools sheet:
 *   2 100001 Park Hall Academy     secondary open    ranked 1
 *   3 100002 Hill Top School       secondary open    ranked 2
 *   4 100003 Meadow Primary School primary   open    (phase not ranked)
 *   5 100004 Old Road School       secondary closed
 *   6 100005 Ward End Academy      secondary open    ranked 3
 *   7 100006 Ward End Academy      secondary closed  (its predecessor, same name)
 *   8 100007 Holy Trinity School   secondary open    ranked 4
 *   9 100008 Holy Trinity School   primary   open
 *  10 100009 Far Away School       secondary open    not ranked (e.g. far outside the area)
 * VRU list:
 *   2 URN 100002               -> matched, ranked
 *   3 'park hall academy'      -> matched by name (case ignored), ranked
 *   4 URN 100003               -> matched, not ranked: its phase (Primary)
 *   5 'Old Road School'        -> matched, not ranked: closed
 *   6 'Ward End Academy'       -> matched to the open 100005 (the closed predecessor is set aside), ranked
 *   7 'Holy Trinity School'    -> ambiguous: two open schools of that name
 *   8 URN 100009               -> matched, not ranked: could not be ranked
 * Entries 7; matched 6 (rows 2–6 and 8); matched and ranked 3 (rows 2, 3, 6).
 * On the list: 100002, 100001, 100005. Top 20 ranked not on the list: 100007 (the ambiguous entry matches nothing).
 */
const SCHOOLS = [
  school(2, '100001', 'Park Hall Academy'),
  school(3, '100002', 'Hill Top School'),
  school(4, '100003', 'Meadow Primary School', 'primary'),
  school(5, '100004', 'Old Road School', 'secondary', false),
  school(6, '100005', 'Ward End Academy'),
  school(7, '100006', 'Ward End Academy', 'secondary', false),
  school(8, '100007', 'Holy Trinity School'),
  school(9, '100008', 'Holy Trinity School', 'primary'),
  school(10, '100009', 'Far Away School'),
];
const RANKED = ['100001', '100002', '100005', '100007'];
const LIST: CurrentListRecord[] = [
  { sourceRow: 2, urn: '100002' },
  { sourceRow: 3, name: 'park hall academy' },
  { sourceRow: 4, urn: '100003' },
  { sourceRow: 5, name: 'Old Road School' },
  { sourceRow: 6, name: 'Ward End Academy' },
  { sourceRow: 7, name: 'Holy Trinity School' },
  { sourceRow: 8, urn: '100009' },
];

describe('compareWithCurrentList', () => {
  it('summarises what became of each entry', () => {
    const { summary } = compare(SCHOOLS, RANKED, LIST);
    expect(summary).toEqual({
      listSheet: 'VRU list',
      entries: 7,
      matched: 6,
      matchedRanked: 3,
      notRanked: [
        {
          row: 4,
          text: '100003',
          urn: '100003',
          name: 'Meadow Primary School',
          why: 'its phase (Primary) is not among those ranked',
        },
        { row: 5, text: 'Old Road School', urn: '100004', name: 'Old Road School', why: 'it is closed' },
        {
          row: 8,
          text: '100009',
          urn: '100009',
          name: 'Far Away School',
          why: 'it could not be ranked (see its row in the Validation sheet)',
        },
      ],
      ambiguous: [
        {
          row: 7,
          text: 'Holy Trinity School',
          candidates: ['Holy Trinity School (URN 100007)', 'Holy Trinity School (URN 100008)'],
        },
      ],
      unmatched: [],
      fuzzyMatches: [],
    });
  });

  it('a closed predecessor with the same name as an open school is set aside, so the name matches the open school', () => {
    const { comparison } = compare(SCHOOLS, RANKED, LIST);
    const wardEnd = comparison.outcomes.find((o) => o.entry.sourceRow === 6);
    expect(wardEnd).toMatchObject({ state: 'matched', urn: '100005', ranked: true, method: 'name' });
  });

  it('only ranked schools count as on the list; new candidates are the top N ranked not on it', () => {
    const { comparison } = compare(SCHOOLS, RANKED, LIST);
    expect([...comparison.onList].sort()).toEqual(['100001', '100002', '100005']);
    expect(comparison.newCandidates).toEqual(['100007']);
    // With the top 2 only, both are on the list: no new candidate.
    expect(compare(SCHOOLS, RANKED, LIST, { topN: 2 }).comparison.newCandidates).toEqual([]);
  });

  it('reports not-ranked matches as info and ambiguous entries as warnings, on the list sheet', () => {
    const { issues } = compare(SCHOOLS, RANKED, LIST);
    expect(issues.map((i) => [i.sheet, i.row, i.severity, i.code, i.value])).toEqual([
      ['VRU list', 4, 'info', 'schoolNotRanked', '100003'],
      ['VRU list', 5, 'info', 'schoolNotRanked', 'Old Road School'],
      ['VRU list', 7, 'warning', 'listEntryAmbiguous', 'Holy Trinity School'],
      ['VRU list', 8, 'info', 'schoolNotRanked', '100009'],
    ]);
    expect(issues[0].message).toBe(
      "Sheet 'VRU list', row 4, column 'URN': '100003' is Meadow Primary School (URN 100003), which is not among the schools ranked because its phase (Primary) is not among those ranked.",
    );
    expect(issues[2].message).toBe(
      "Sheet 'VRU list', row 7, column 'School name': 'Holy Trinity School' could be Holy Trinity School (URN 100007) or Holy Trinity School (URN 100008); it is matched to none until the URN is given.",
    );
  });

  it('an entry matching no school is a warning naming the nearest names', () => {
    /*
     * 'Hilly Tops Grammar' against three schools (Dice on letter pairs, the better of whole names and names without 'School'/'Academy'):
     *   Hill Top School:  'hillytopsgrammar' (15 pairs) vs 'hilltop' (6): hi il ll to op shared = 5 -> 10/21 = 0.476 (< 0.85: no match)
     *   Oak Park Academy: vs 'oakpark' (6): only 'ar' shared -> 2/21 = 0.095
     *   Fox Den School:   'foxden' / 'foxdenschool' share no pair -> 0, not listed
     */
    const schools = [
      school(2, '200001', 'Hill Top School'),
      school(3, '200002', 'Oak Park Academy'),
      school(4, '200003', 'Fox Den School'),
    ];
    const { summary, issues } = compare(
      schools,
      ['200001', '200002', '200003'],
      [
        { sourceRow: 2, name: 'Hilly Tops Grammar' },
        { sourceRow: 3, urn: '999999' },
      ],
    );
    expect(summary.unmatched).toEqual([
      { row: 2, text: 'Hilly Tops Grammar', nearest: ['Hill Top School', 'Oak Park Academy'] },
      { row: 3, text: '999999', nearest: [] },
    ]);
    expect(summary.matched).toBe(0);
    expect(issues.map((i) => [i.row, i.severity, i.code])).toEqual([
      [2, 'warning', 'unknownSchool'],
      [3, 'warning', 'unknownSchool'],
    ]);
    expect(issues[0].message).toBe(
      "Sheet 'VRU list', row 2, column 'School name': 'Hilly Tops Grammar' matches no school in the schools sheet (nearest names: Hill Top School; Oak Park Academy); the entry is not used.",
    );
    expect(issues[1].message).toBe(
      "Sheet 'VRU list', row 3, column 'URN': '999999' matches no school in the schools sheet; the entry is not used.",
    );
  });

  it('with no list, every top-N ranked school is a new candidate and nothing is reported', () => {
    const { summary, comparison, issues } = compare(SCHOOLS, RANKED, undefined, { topN: 3 });
    expect(summary).toMatchObject({ listSheet: null, entries: 0, matched: 0, matchedRanked: 0 });
    expect(comparison.newCandidates).toEqual(['100001', '100002', '100005']);
    expect(issues).toEqual([]);
  });

  // Regression (was wrong before): The closed predecessor is set aside for names, but it is also dropped from the schools offered
  // for URN matching: a list still carrying the old URN 100006 (common after an academy conversion)
  // is told the URN "matches no school in the schools sheet", though the sheet has it on row 7.
  it('a list entry giving the URN of the closed predecessor is matched to it (closed, not ranked)', () => {
    const { summary, issues } = compare(SCHOOLS, RANKED, [{ sourceRow: 2, urn: '100006' }]);
    expect(summary.notRanked).toEqual([
      { row: 2, text: '100006', urn: '100006', name: 'Ward End Academy', why: 'it is closed' },
    ]);
    expect(issues.map((i) => [i.severity, i.code])).toEqual([['info', 'schoolNotRanked']]);
  });

  // Regression (was wrong before): Issue.column is the header of the column the value is in. A name-only entry of a list that has
  // both a URN and a name column is reported against 'URN' (blank on that row) with the name as value.
  it("a name-only entry is reported against the name column ('School name')", () => {
    const { issues } = compare(SCHOOLS, RANKED, [{ sourceRow: 5, name: 'Old Road School' }]);
    expect(issues.map((i) => [i.column, i.value])).toEqual([['School name', 'Old Road School']]);
  });
});
