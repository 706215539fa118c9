import { loadHighsSolver, type LinearSolver } from '../../src/core/disclosure';
import { runAnalysis, type AnalysisOutcome, type AnalysisResult } from '../../src/core/pipeline';
import type { AnalysisParameters, SheetData, WorkbookData } from '../../src/core/types';
import { offenceRows, SCHOOL_NAMES, SMALL_PARAMETERS, smallWorkbook, WARDS } from './smallWorkbookFixture';
import { deepFreeze } from '../support/deepFreeze';

/**
 * Every expected figure below is worked by hand from the table in smallWorkbookFixture.ts.
 *
 * Offences by offence ward (rows in scope only: rows 16, 17 and 19 are out):
 *   W1: rows 2–10 (9) + row 12 (O9's earlier offence) = 10; W2: rows 11, 13, 14 = 3; W3: row 15 = 1;
 *   W4: 0; row 18 lies outside every ward. Placed: 14. Area rate = 14 / 4,000 × 1,000 = 3.5.
 * Distinct young offenders by latest home ward:
 *   W1: O1, O2, O5, O6, O8 = 5; W2: O3, O4, O10, O11 = 4; W3: O12 = 1;
 *   W4: O9 (latest offence 2023-06-20 has home W4, although its sheet row comes first) and O15 = 2.
 *   O7 lives outside. Distinct = 13, living in the area = 12. Area rate = 12 / 4,000 × 1,000 = 3.
 * Threshold 3: counts 1 and 2 withheld (primary), 0 and ≥ 3 shown unless withheld to protect them.
 * The four wards are in one district, so each measure is one relation: area = W1 + W2 + W3 + W4.
 *   Offences 10, 3, 1, 0 = 14: W3 (1) is alone, so the cheapest other non-zero ward, W2 (3), goes
 *   too; then W2 + W3 = 4 pins each to 1–3 (width 2 < 3), so the audit's repair withholds W1 (10);
 *   W1 + W2 + W3 = 14 leaves each 1–12. W4's 0 stays shown (a zero is never withheld as cover).
 *   Young offenders 5, 4, 1, 2 = 12: W3 and W4 give W3 + W4 = 3, each 1–2 (width 1), so W2 (4)
 *   goes too: 7 over three wards, each 1–5. W1 (5) stays shown.
 *   Attending 3, 1, 0 = 4 (one phase): 100002's 1 takes 100001's 3 (100003 has 0); 3 + 1 = 4 pins
 *   each to 1–3, and the only cell left is the total, so it is withheld too.
 * W1 offences: 10 ≥ 10 so Byar: lower = 10 (1 − 1/90 − 1.959964/(3√10))³ = 10 × 0.782291³ = 4.787
 *   per 1,000 > 3.5, so 'higher'. Every other ward's interval contains its area rate ('similar').
 * The default flags also ask the ward to lie outside the funnel widened for over-dispersion. With
 *   threshold 3 only W4's offences (0) are shown: one ward, too few to estimate it, so the funnel is
 *   the plain square-root Poisson one (τ² = 0). W1 (withheld; for the engine only) lies above it:
 *   E = 3.5, h = 1.959964 √(1/14) = 0.523820, upper = 3.5 × 1.523820² = 8.127 < 10: 'higher' both ways.
 *   W4's 0 lies below its lower limit 3.5 × 0.476180² = 0.794, but its exact interval (0 to 3.689)
 *   contains 3.5, so it stays 'similar': the funnel flag needs the Poisson flag to agree.
 */

let solver: LinearSolver;
beforeAll(async () => {
  solver = await loadHighsSolver();
});

function run(
  workbook: WorkbookData = smallWorkbook(),
  parameters: AnalysisParameters = SMALL_PARAMETERS,
): AnalysisOutcome {
  return runAnalysis({ workbook, solver }, parameters);
}

function resultOf(outcome: AnalysisOutcome): AnalysisResult {
  if (!outcome.ok)
    throw new Error(`Expected a result, got problems: ${outcome.problems.map((p) => p.message).join(' | ')}`);
  return outcome.result;
}

function withSheet(
  workbook: WorkbookData,
  name: string,
  replace: (sheet: SheetData) => SheetData | undefined,
): WorkbookData {
  return {
    sheets: workbook.sheets.flatMap((sheet) =>
      sheet.name === name ? (replace(sheet) ? [replace(sheet)!] : []) : [sheet],
    ),
  };
}

describe('runAnalysis on a small hand-made workbook', () => {
  let result: AnalysisResult;
  beforeAll(() => {
    result = resultOf(run());
  });
  const ward = (key: keyof typeof WARDS) => result.wards.find((w) => w.wardCode === WARDS[key].code)!;
  const school = (urn: string) => result.schools.find((s) => s.urn === urn);

  it('detects every sheet in its role', () => {
    expect(result.roles).toEqual({
      offences: 'Offences',
      schools: 'Schools',
      wards: 'Wards',
      wardVertices: 'Ward boundaries',
      pupilResidence: 'Pupil residence',
      currentList: 'VRU list',
    });
    expect(result.boundaries.map((b) => b.wardCode).sort()).toEqual([
      WARDS.W1.code,
      WARDS.W2.code,
      WARDS.W3.code,
      WARDS.W4.code,
    ]);
  });

  it('counts offences by the ward where they happened', () => {
    expect([ward('W1'), ward('W2'), ward('W3'), ward('W4')].map((w) => w.offences.count)).toEqual([10, 3, 1, 0]);
    expect(result.area.offences).toBe(14);
    expect(result.area.youngPopulation).toBe(4000);
    expect(result.area.offenceRate).toBeCloseTo(3.5, 12);
  });

  it('counts distinct young offenders by their latest home ward', () => {
    expect([ward('W1'), ward('W2'), ward('W3'), ward('W4')].map((w) => w.youngOffenders.count)).toEqual([5, 4, 1, 2]);
    expect(result.area.youngOffenders).toBe(12);
    expect(result.area.youngOffenderRate).toBeCloseTo(3, 12);
  });

  it('gives each ward its rate per 1,000 young residents', () => {
    // count / 1,000 × 1,000 = the count itself for every ward of 1,000 young residents
    expect([ward('W1'), ward('W2'), ward('W3'), ward('W4')].map((w) => w.offences.rate)).toEqual([10, 3, 1, 0]);
    expect([ward('W1'), ward('W2'), ward('W3'), ward('W4')].map((w) => w.youngOffenders.rate)).toEqual([5, 4, 1, 2]);
    expect(ward('W1').offences.lower).toBeCloseTo(4.787, 3);
    expect(ward('W1').offences.flag).toBe('higher');
    for (const key of ['W2', 'W3', 'W4'] as const) expect(ward(key).offences.flag).toBe('similar');
  });

  it('withholds counts of 1 and 2, and further counts so that none can be worked out from the area total', () => {
    expect([ward('W1'), ward('W2'), ward('W3'), ward('W4')].map((w) => w.offences.published)).toEqual([
      { shown: false, reason: 'secondary' },
      { shown: false, reason: 'secondary' },
      { shown: false, reason: 'primary' },
      { shown: true, value: 0 },
    ]);
    expect([ward('W1'), ward('W2'), ward('W3'), ward('W4')].map((w) => w.youngOffenders.published)).toEqual([
      { shown: true, value: 5 },
      { shown: false, reason: 'secondary' },
      { shown: false, reason: 'primary' },
      { shown: false, reason: 'primary' },
    ]);
    expect(result.area.offencesPublished).toEqual({ shown: true, value: 14 });
    expect(result.area.youngOffendersPublished).toEqual({ shown: true, value: 12 });
    expect(result.districts).toEqual([]);
  });

  it('records what the disclosure control withheld and what its audit proved', () => {
    // Cells: 4 wards + area for each measure (10) and 3 schools + total (4) = 14, in 3 relations.
    // Primary: offences W3; young offenders W3, W4; attending 100002 = 4. Secondary: offences W2,
    // W1; young offenders W2; attending 100001 and the total = 5; 9 withheld. Narrowest: the young
    // offenders' W2 + W3 + W4 = 7, each 1–5 (width 4); offences' three wards are 1–12 and the
    // schools 1–13 (no school has more than the 13 distinct young offenders of the Method sheet).
    expect(result.disclosure).toMatchObject({
      cells: 14,
      relations: 3,
      withheld: 9,
      shownExactly: [],
      rules: { threshold: 3, zerosSensitive: false, roundingBase: null, protectionInterval: 3 },
    });
    expect(result.disclosure.audit).toMatchObject({
      cellsChecked: 9,
      components: 3,
      narrowest: { lower: 1, upper: 5 },
    });
    expect(result.disclosure.audit!.solver).toMatch(/HiGHS/);
    expect(result.audit.map((step) => step.step)).toEqual(
      expect.arrayContaining(['Disclosure control', 'Disclosure audit']),
    );
  });

  it('scores the observed-catchment school as Σ share × rate against the area rate (nothing withheld)', () => {
    // Threshold 1 withholds nothing, so the published counts are the true ones.
    // Residence of 100001: W1 300, W2 100, W3 100 (E05009999 is not a study ward) -> 500 recorded of 1,000 on roll.
    // Shares 0.6, 0.2, 0.2; exposure = 0.6×10 + 0.2×3 + 0.2×1 = 6.8; index = 6.8 / 3.5 × 100 = 194.2857.
    // With the plain Poisson flags (--flags poisson) W1 is 'higher': share from higher wards = W1's 0.6, so 600 pupils.
    const park = resultOf(
      run(smallWorkbook(), { ...SMALL_PARAMETERS, threshold: 1, flagMethod: 'poisson' }),
    ).schools.find((s) => s.urn === '100001')!;
    expect(park.catchmentModel).toBe('observed');
    expect(park.catchmentCoverage).toBeCloseTo(0.5, 12);
    expect(park.wardsInCatchment).toBe(3);
    expect(park.exposureRate).toBeCloseTo(6.8, 10);
    expect(park.exposureIndex).toBeCloseTo(194.2857, 3);
    expect(park.shareFromHigherWards).toBeCloseTo(0.6, 12);
    expect(park.pupilsFromHigherWards).toBeCloseTo(600, 9);
  });

  it('allowing for over-dispersion (the default), four wards of 10, 3, 1 and 0 spread too widely for W1 to stand out', () => {
    // All shown, area rate 3.5, E = 3.5 each (√E = 1.870829): z = 2(√O − √E) = 2.582898, −0.277556, −1.741657, −3.741657.
    // Sorted, the 10th percentile sits at position 0.3: −3.741657 + 0.3 × 2 = −3.141657; the 90th at 2.7:
    // −0.277556 + 0.7 × 2.860454 = 1.724762. Winsorised: 1.724762, −0.277556, −1.741657, −3.141657;
    // φ = (2.974803 + 0.077037 + 3.033370 + 9.870011) / 4 = 15.955221 / 4 = 3.988805.
    // w = 14 each: Σw − Σw²/Σw = 56 − 14 = 42; τ² = (15.955221 − 3) / 42 = 0.308458.
    // W1: h = 1.959964 √(1/14 + 0.308458) = 1.959964 × 0.616349 = 1.208022: upper = 3.5 × 2.208022² = 17.064 > 10.
    // So W1 is 'similar', and no pupil comes from a higher ward; exposure is unchanged.
    const result = resultOf(run(smallWorkbook(), { ...SMALL_PARAMETERS, threshold: 1 }));
    expect(result.area.funnel.offences.dispersion).toMatchObject({
      kind: 'estimated',
      units: 4,
      phi: expect.closeTo(3.988805, 5),
      tauSquared: expect.closeTo(0.308458, 5),
    });
    expect(result.wards.find((w) => w.wardCode === WARDS.W1.code)!.offences.funnel!.inner.upper).toBeCloseTo(17.064, 3);
    expect(result.area.funnel.offences.flagged).toEqual({
      overdispersed: { higher: 0, lower: 0 },
      poisson: { higher: 1, lower: 0 },
    });
    const park = result.schools.find((s) => s.urn === '100001')!;
    expect(park.exposureRate).toBeCloseTo(6.8, 10);
    expect(park.shareFromHigherWards).toBe(0);
    expect(park.pupilsFromHigherWards).toBe(0);
  });

  it('scores schools on the published counts: withheld wards at the pooled rate of what the area total leaves', () => {
    // Offences published: W1–W3 withheld, W4 0, area 14. The withheld wards share 14 − 0 = 14 by
    // young population (1,000 each): 14/3 each, a rate of 4.667 per 1,000. Park Hall's shares
    // (0.6, 0.2, 0.2) all fall in withheld wards: exposure 4.667, index 4.667 / 3.5 × 100 = 133.33.
    // No withheld ward counts as 'higher' (its flag is withheld), so no pupils from higher wards.
    const park = school('100001')!;
    expect(park.exposureRate).toBeCloseTo(14 / 3, 10);
    expect(park.exposureIndex).toBeCloseTo(133.333, 3);
    expect(park.shareFromHigherWards).toBe(0);
  });

  it('models the catchments of the schools without residence rows', () => {
    expect(school('100002')!.catchmentModel).toBe('distanceDecay');
    expect(school('100003')!.catchmentModel).toBe('distanceDecay');
    expect(school('100002')!.catchmentCoverage).toBeNull();
  });

  it('counts distinct offenders attending each school and withholds small counts', () => {
    // 100001: O1 (rows 2 and 3), O2, O3 = 3; 100002: O4 = 1 (withheld); 100003: none = 0 (shown).
    expect(school('100001')!.offendersAttendingCount).toBe(3);
    expect(school('100001')!.offendersAttending).toEqual({ shown: false, reason: 'secondary' });
    expect(result.schoolsAttendingTotal).toEqual({ count: 4, published: { shown: false, reason: 'secondary' } });
    expect(result.phaseTotals).toEqual([]);
    expect(school('100002')!.offendersAttendingCount).toBe(1);
    expect(school('100002')!.offendersAttending).toEqual({ shown: false, reason: 'primary' });
    expect(school('100003')!.offendersAttending).toEqual({ shown: true, value: 0 });
  });

  it('ranks only the open secondary schools', () => {
    expect(result.schools.map((s) => s.urn).sort()).toEqual(['100001', '100002', '100003']);
    expect(result.schoolsConsidered).toBe(5);
    expect(school('100004')).toBeUndefined();
    expect(school('100005')).toBeUndefined();
    expect(result.schools.map((s) => s.rank)).toEqual([1, 2, 3]);
    for (const s of result.schools) expect(s.rankLower <= s.rank && s.rank <= s.rankUpper).toBe(true);
  });

  it('reconciles rows read with rows used and rows excluded, sheet by sheet', () => {
    for (const entry of result.reconciliation) {
      expect(entry.rowsRead).toBe(entry.rowsUsed + entry.excluded.reduce((sum, e) => sum + e.rows, 0));
    }
    const bySheet = Object.fromEntries(result.reconciliation.map((r) => [r.sheet, r]));
    // Offences: 18 rows, 15 in scope; out: row 16 (age 19), row 17 ('unknown'), row 19 (duplicate).
    expect(bySheet.Offences.rowsRead).toBe(18);
    expect(bySheet.Offences.rowsUsed).toBe(15);
    expect([...bySheet.Offences.excluded].sort((a, b) => a.reason.localeCompare(b.reason))).toEqual([
      { reason: 'ageOutsideBand', rows: 1 },
      { reason: 'duplicateRow', rows: 1 },
      { reason: 'notANumber', rows: 1 },
    ]);
    // Schools: 5 rows, 3 ranked; the closed one and the primary one are out.
    expect(bySheet.Schools.rowsRead).toBe(5);
    expect(bySheet.Schools.rowsUsed).toBe(3);
    expect([...bySheet.Schools.excluded].sort((a, b) => a.reason.localeCompare(b.reason))).toEqual([
      { reason: 'closedSchool', rows: 1 },
      { reason: 'phaseOutOfScope', rows: 1 },
    ]);
    expect(bySheet.Wards).toMatchObject({ rowsRead: 4, rowsUsed: 4, excluded: [] });
    expect(bySheet['Pupil residence']).toMatchObject({
      rowsRead: 4,
      rowsUsed: 3,
      excluded: [{ reason: 'unknownWard', rows: 1 }],
    });
    expect(bySheet['VRU list']).toMatchObject({ rowsRead: 2, rowsUsed: 2, excluded: [] });
  });

  it('counts where the offences in scope were placed', () => {
    expect(result.placement).toEqual({
      inScope: 15,
      // 15 rows with 15 different crime references: no co-offending here, so offences = rows.
      offencesInScope: 15,
      rowsWithoutOffenceRef: 0,
      offenceInWard: 14,
      offenceOutsideArea: 1, // row 18
      offenceUnknownWard: 0,
      homeInWard: 14,
      homeOutsideArea: 1, // row 9, O7
      homeUnknownWard: 0,
      distinctYoungOffenders: 13,
      distinctYoungOffendersHomeInArea: 12,
    });
  });

  it('reports each problem with its sheet, worksheet row and column header', () => {
    const find = (sheet: string, row: number, code: string) =>
      result.issues.filter((i) => i.sheet === sheet && i.row === row && i.code === code);
    expect(find('Offences', 17, 'notANumber')).toEqual([
      expect.objectContaining({ column: 'Age at Offence', value: 'unknown', severity: 'error' }),
    ]);
    expect(find('Offences', 16, 'ageOutsideBand')).toEqual([
      expect.objectContaining({ column: 'Age at Offence', value: '19', severity: 'info' }),
    ]);
    expect(find('Offences', 19, 'duplicateRow')).toEqual([
      expect.objectContaining({ column: 'Crime Number', value: 'C002' }),
    ]);
    expect(find('Offences', 18, 'outsideArea')).toEqual([expect.objectContaining({ column: 'Offence Easting' })]);
    expect(find('Offences', 9, 'outsideArea')).toEqual([expect.objectContaining({ column: 'Home Easting' })]);
    expect(find('Offences', 11, 'unknownSchool')).toEqual([
      expect.objectContaining({ column: 'School URN', value: '999999' }),
    ]);
    expect(find('Schools', 6, 'closedSchool')).toEqual([
      expect.objectContaining({ column: 'EstablishmentStatus (name)' }),
    ]);
    expect(find('Schools', 5, 'phaseOutOfScope')).toEqual([
      expect.objectContaining({ column: 'PhaseOfEducation (name)', value: 'Primary' }),
    ]);
    expect(find('Pupil residence', 5, 'unknownWard')).toEqual([expect.objectContaining({ value: 'E05009999' })]);
    expect(result.issues.find((i) => i.row === 17 && i.sheet === 'Offences')!.message).toContain(
      "row 17, column 'Age at Offence'",
    );
    // The list's row 3 names the closed school: matched, and said to be not ranked (info).
    expect(result.issues.find((i) => i.sheet === 'VRU list')).toMatchObject({
      row: 3,
      code: 'schoolNotRanked',
      severity: 'info',
    });
    // Nothing else: 10 issues in all.
    expect(result.issues).toHaveLength(10);
  });

  it('names worksheet rows correctly when the used range starts below row 1', () => {
    const shifted = withSheet(smallWorkbook(), 'Offences', (sheet) => ({ ...sheet, firstRow: 3 }));
    const issues = resultOf(run(shifted)).issues.filter((i) => i.sheet === 'Offences' && i.code === 'notANumber');
    expect(issues.map((i) => i.row)).toEqual([19]); // row 17 of the sheet, two rows lower
  });

  it('compares the ranking with the current list', () => {
    // List: 100002 (ranked, matched) and 100005 (matched to the closed school, which is not ranked).
    expect(result.list).toMatchObject({
      listSheet: 'VRU list',
      entries: 2,
      matched: 2,
      matchedRanked: 1,
      unmatched: [],
      ambiguous: [],
    });
    expect(result.list.notRanked).toEqual([
      { row: 3, text: '100005', urn: '100005', name: 'Old Road School', why: 'it is closed' },
    ]);
    expect(school('100002')!.onCurrentList).toBe(true);
    expect(school('100002')!.newCandidate).toBe(false);
    expect(
      result.schools
        .filter((s) => s.newCandidate)
        .map((s) => s.urn)
        .sort(),
    ).toEqual(['100001', '100003']);
    expect(school('100003')!.name).toBe(SCHOOL_NAMES['100003']);
  });
});

describe('runAnalysis refuses unusable input', () => {
  it('names the offences sheet, its header row and the field when the age column is missing', () => {
    const withoutAge = withSheet(smallWorkbook(), 'Offences', (sheet) => ({
      ...sheet,
      rows: offenceRows().map((row) => row.filter((_, col) => col !== 4)),
    }));
    const outcome = run(withoutAge);
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.problems).toContainEqual(
      expect.objectContaining({ sheet: 'Offences', row: 1, column: 'age', code: 'columnMissing', severity: 'error' }),
    );
  });

  it('stops when there are no ward boundaries', () => {
    const outcome = run(withSheet(smallWorkbook(), 'Ward boundaries', () => undefined));
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.problems).toEqual([
      expect.objectContaining({ code: 'sheetMissing', column: 'boundaries', severity: 'error' }),
    ]);
  });
});

describe('runAnalysis without a solver', () => {
  it('stops rather than publish tables with withheld counts unaudited', () => {
    const outcome = runAnalysis({ workbook: smallWorkbook() }, SMALL_PARAMETERS);
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.problems).toEqual([expect.objectContaining({ code: 'disclosureUnsafe', severity: 'error' })]);
    expect(outcome.problems[0].message).toMatch(/solver/);
  });

  it('stops, naming the problem, when the audit cannot bound a withheld count', () => {
    const failing = {
      name: 'always fails',
      solve: () => ({ status: 'failed' as const, objective: Number.NaN, values: [], detail: 'test double' }),
    };
    // In one district every withheld group is a single equation, solved in closed form; with W3 and
    // W4 in a second district the groups span several relations and need the solver, which fails.
    const twoDistricts = withSheet(smallWorkbook(), 'Wards', (sheet) => ({
      ...sheet,
      rows: sheet.rows.map((row, i) => (i >= 3 ? [row[0], row[1], 'E08000026', 'Coventry', row[4]] : row)),
    }));
    const outcome = runAnalysis({ workbook: twoDistricts, solver: failing }, SMALL_PARAMETERS);
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.problems).toEqual([
      expect.objectContaining({ code: 'disclosureUnsafe', sheet: '(disclosure control)' }),
    ]);
    expect(outcome.problems[0].message).toMatch(
      /^Disclosure audit failed: .*could not be bounded \(the solver failed\)/,
    );
  });

  it('runs when nothing needs withholding', () => {
    expect(runAnalysis({ workbook: smallWorkbook() }, { ...SMALL_PARAMETERS, threshold: 1 }).ok).toBe(true);
  });
});

describe('runAnalysis as a pure function', () => {
  it('does not change a deep-frozen workbook', () => {
    const workbook = deepFreeze(smallWorkbook());
    const before = JSON.stringify(workbook);
    const outcome = run(workbook);
    expect(outcome.ok).toBe(true);
    expect(JSON.stringify(workbook)).toBe(before);
    expect(workbook).toEqual(smallWorkbook());
  });

  it('gives an identical result for the same seed', () => {
    expect(resultOf(run())).toEqual(resultOf(run()));
  });

  it('keeps every count and rate when only the seed changes', () => {
    const other = resultOf(run(smallWorkbook(), { ...SMALL_PARAMETERS, seed: 7 }));
    const base = resultOf(run());
    expect(other.wards).toEqual(base.wards);
    expect(other.parameters.seed).toBe(7);
  });
});
