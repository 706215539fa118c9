import { loadHighsSolver } from '../../src/core/disclosure';
import { runAnalysis, type AnalysisResult, type SchoolResult } from '../../src/core/pipeline';
import type { ModelCell, SheetModel } from '../../src/report/sheetModel';
import { buildSummarySheet } from '../../src/report/summarySheet';
import { SMALL_PARAMETERS, smallWorkbook } from '../pipeline/smallWorkbookFixture';

/**
 * The Summary's headline answers, on the small workbook's result with its schools replaced by five
 * hand-made ones and a top group of 3, so every expected sentence is worked from the table below:
 *
 *   rank  school   interval  index   catchment  on list   new candidate
 *    1    Ash      1–2       141.4   observed   yes
 *    2    Birch    1–4       120.2   modelled   no        yes
 *    3    Cedar    2–5        99.6   modelled   no        yes
 *    4    Damson   3–5        98     modelled   no
 *    5    Elder    4–5        90     modelled   yes
 *
 * Clearly in the top 3 (interval within 1–3): Ash only. New candidates: Birch and Cedar, neither clearly in.
 */
let base: AnalysisResult;

beforeAll(async () => {
  const outcome = runAnalysis({ workbook: smallWorkbook(), solver: await loadHighsSolver() }, SMALL_PARAMETERS);
  if (!outcome.ok) throw new Error(outcome.problems.map((p) => p.message).join('\n'));
  base = outcome.result;
});

function school(
  rank: number,
  name: string,
  rankLower: number,
  rankUpper: number,
  exposureIndex: number,
  observed: boolean,
  onCurrentList: boolean,
  newCandidate: boolean,
): SchoolResult {
  return {
    ...base.schools[0],
    urn: String(200000 + rank),
    name,
    rank,
    rankLower,
    rankUpper,
    exposureIndex,
    catchmentModel: observed ? 'observed' : 'distanceDecay',
    onCurrentList,
    newCandidate,
  };
}

const SCHOOLS = (): SchoolResult[] => [
  school(1, 'Ash', 1, 2, 141.4, true, true, false),
  school(2, 'Birch', 1, 4, 120.2, false, false, true),
  school(3, 'Cedar', 2, 5, 99.6, false, false, true),
  school(4, 'Damson', 3, 5, 98, false, false, false),
  school(5, 'Elder', 4, 5, 90, false, true, false),
];

function summary(changes: Partial<AnalysisResult> = {}): SheetModel {
  return buildSummarySheet({ ...base, schools: SCHOOLS(), parameters: { ...base.parameters, topN: 3 }, ...changes });
}

const shown = (cell: ModelCell): unknown =>
  cell.kind === 'formula' ? cell.result : cell.kind === 'empty' ? null : cell.value;
const lines = (sheet: SheetModel): string[] => sheet.cells.filter((c) => c.col === 0).map((c) => String(shown(c.cell)));
const lineStarting = (sheet: SheetModel, start: string): string | undefined =>
  lines(sheet).find((line) => line.startsWith(start));

describe("the Summary answers a VRU manager's questions", () => {
  it("headlines the group whose rank intervals overlap the top school's, not the first school alone", () => {
    // Ash 1–2 overlaps Birch 1–4 and Cedar 2–5; Damson 3–5 and Elder 4–5 start after Ash's interval ends. Indexes 141, 120, 100.
    expect(lines(summary()).join(' ')).toContain(
      "Most exposed: no one school stands out. The rank intervals of 3 schools overlap the top school's, so any of them could hold the top place: " +
        'Ash (1–2); Birch (1–4); Cedar (2–5). Their pupils live where recorded violence is highest (exposure index 100 to 141).',
    );
  });

  it('names the most exposed school alone when its interval separates it, and says how much more violence its pupils live among', () => {
    // Index 141.4 rounds to 141: 41% more than the area; Ash's 1–1 overlaps none of the others' (2–4 and on).
    const separated = summary({
      schools: [school(1, 'Ash', 1, 1, 141.4, true, true, false), school(2, 'Birch', 2, 4, 120.2, false, false, true)],
    });
    expect(lines(separated).join(' ')).toContain(
      "Most exposed: Ash, whose pupils live where recorded violence is 41% above the area average (exposure index 141; rank interval 1–1, overlapping no other school's).",
    );
  });

  it('says "below" when even the most exposed school is below the area average', () => {
    const below = summary({ schools: [school(1, 'Ash', 1, 1, 95.2, true, true, false)] });
    expect(lines(below).join(' ')).toContain(
      "Most exposed: Ash, whose pupils live where recorded violence is 5% below the area average (exposure index 95; rank interval 1–1, overlapping no other school's).",
    );
  });

  it('says so, rather than print NaN, when the most exposed school has no exposure index', () => {
    const unknown = summary({ schools: [school(1, 'Ash', 1, 1, Number.NaN, true, true, false)] });
    expect(lineStarting(unknown, 'Most exposed')).toBe(
      "Most exposed: Ash (no exposure index: none of its pupils' home wards has a rate).",
    );
  });

  it('counts the new candidates in the top group, naming the list compared with', () => {
    expect(lines(summary())).toContain(
      "2 of the top 3 are not on the current list ('VRU list'): new candidates, listed below.",
    );
  });

  it('says how sure the ranking is: which of the top group, and of its candidates, are clearly in it', () => {
    const sheet = summary();
    expect(lineStarting(sheet, 'How sure')).toBe(
      'How sure: 1 of the top 3 is clearly in the top 3 (95% rank interval within 1–3); the other 2 could fall outside it by chance.',
    );
    expect(lineStarting(sheet, 'Of the')).toBe('Of the 2 new candidates, 0 are clearly in the top 3.');
  });

  it("says how well the pupils' homes are known", () => {
    expect(lineStarting(summary(), 'Catchments')).toBe(
      "Catchments: observed (pupils' home wards) for one school; modelled (distance and school size, less certain) for 4 schools.",
    );
  });

  it('lists each new candidate with its rank interval and whether it is clearly in the top group', () => {
    expect(lines(summary()).filter((line) => /^\d+\. /.test(line))).toEqual([
      '2. Birch (URN 200002): exposure index 120, rank interval 1–4, could fall outside the top 3.',
      '3. Cedar (URN 200003): exposure index 100, rank interval 2–5, could fall outside the top 3.',
    ]);
  });

  it('marks in the top table which schools are clearly in the top group', () => {
    const sheet = summary();
    const header = sheet.cells.find((c) => shown(c.cell) === 'Clearly in top 3')!;
    const column = sheet.cells
      .filter((c) => c.col === header.col && c.row > header.row)
      .sort((a, b) => a.row - b.row)
      .map((c) => shown(c.cell));
    expect(column).toEqual(['Yes', 'No', 'No']);
  });

  it('does not call every school a new candidate as if compared, when no list was given', () => {
    const noList = summary({ list: { ...base.list, listSheet: null } });
    expect(lines(noList)).toContain(
      'No current prevention list was found, so every school in the top 3 is shown as a candidate.',
    );
  });

  it('says the data are synthetic when they are, and only then', () => {
    const banner =
      'SYNTHETIC DATA: every figure here comes from generated test data, not real people, places or schools.';
    expect(lines(summary({ provenance: { synthetic: true, description: '', attribution: [] } }))[1]).toBe(banner);
    expect(lines(summary())).not.toContain(banner);
  });
});

describe('the Summary on the wards flagged higher', () => {
  test('allowing for over-dispersion (the default), it says so and how many the interval alone would flag', async () => {
    // Threshold 1, nothing withheld (test/pipeline/smallWorkbook.test.ts): W1's 10 against 3.5 is higher by its
    // interval alone, but inside the funnel widened for four wards of 10, 3, 1 and 0.
    const outcome = runAnalysis(
      { workbook: smallWorkbook(), solver: await loadHighsSolver() },
      { ...SMALL_PARAMETERS, threshold: 1 },
    );
    if (!outcome.ok) throw new Error('no result');
    const sheetLines = lines(buildSummarySheet(outcome.result));
    const at = sheetLines.findIndex((line) => line.startsWith('0 of 4 wards'));
    expect(`${sheetLines[at]} ${sheetLines[at + 1]}`).toBe(
      '0 of 4 wards have a rate higher than the area average: above the 95% funnel limit, which allows for the usual spread between wards, with the interval entirely above it too; withheld wards are not counted. By the interval alone one ward would be (see Method).',
    );
    const poisson = buildSummarySheet({
      ...outcome.result,
      parameters: { ...outcome.result.parameters, flagMethod: 'poisson' },
      wards: outcome.result.wards.map((ward) => ({
        ...ward,
        offences: { ...ward.offences, flag: ward.offences.funnel!.flags.poisson },
      })),
    });
    expect(lineStarting(poisson, '1 of 4 wards')).toBe(
      '1 of 4 wards have a rate higher than the area average (95% interval entirely above it); withheld wards are not counted.',
    );
  });
});
