import { runAnalysis, type AnalysisOutcome, type AnalysisResult } from '../../src/core/pipeline';
import type { SheetData, WorkbookData } from '../../src/core/types';
import { offenceRows, SCHOOL_NAMES, SMALL_PARAMETERS, smallWorkbook, WARDS } from './smallWorkbookFixture';

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
 * Threshold 3: counts 1 and 2 withheld, 0 and ≥ 3 shown.
 * W1 offences: 10 ≥ 10 so Byar: lower = 10 (1 − 1/90 − 1.959964/(3√10))³ = 10 × 0.782291³ = 4.787
 *   per 1,000 > 3.5, so 'higher'. Every other ward's interval contains its area rate ('similar').
 */

function run(workbook: WorkbookData = smallWorkbook()): AnalysisOutcome {
  return runAnalysis({ workbook }, SMALL_PARAMETERS);
}

function resultOf(outcome: AnalysisOutcome): AnalysisResult {
  if (!outcome.ok) throw new Error(`Expected a result, got problems: ${outcome.problems.map((p) => p.message).join(' | ')}`);
  return outcome.result;
}

function withSheet(workbook: WorkbookData, name: string, replace: (sheet: SheetData) => SheetData | undefined): WorkbookData {
  return { sheets: workbook.sheets.flatMap((sheet) => (sheet.name === name ? (replace(sheet) ? [replace(sheet)!] : []) : [sheet])) };
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
  }
  return value;
}

describe('runAnalysis on a small hand-made workbook', () => {
  const result = resultOf(run());
  const ward = (key: keyof typeof WARDS) => result.wards.find((w) => w.wardCode === WARDS[key].code)!;
  const school = (urn: string) => result.schools.find((s) => s.urn === urn);

  it('detects every sheet in its role', () => {
    expect(result.roles).toEqual({
      offences: 'Offences', schools: 'Schools', wards: 'Wards', wardVertices: 'Ward boundaries', pupilResidence: 'Pupil residence', currentList: 'VRU list',
    });
    expect(result.boundaries.map((b) => b.wardCode).sort()).toEqual([WARDS.W1.code, WARDS.W2.code, WARDS.W3.code, WARDS.W4.code]);
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

  it('withholds counts of 1 and 2 and shows 0 and counts of 3 or more', () => {
    expect([ward('W1'), ward('W2'), ward('W3'), ward('W4')].map((w) => w.offences.published)).toEqual([
      { shown: true, value: 10 }, { shown: true, value: 3 }, { shown: false, reason: 'primary' }, { shown: true, value: 0 },
    ]);
    expect([ward('W1'), ward('W2'), ward('W3'), ward('W4')].map((w) => w.youngOffenders.published.shown)).toEqual([true, true, false, false]);
  });

  it('scores the observed-catchment school as Σ share × rate against the area rate', () => {
    // Residence of 100001: W1 300, W2 100, W3 100 (E05009999 is not a study ward) -> 500 recorded of 1,000 on roll.
    // Shares 0.6, 0.2, 0.2; exposure = 0.6×10 + 0.2×3 + 0.2×1 = 6.8; index = 6.8 / 3.5 × 100 = 194.2857.
    // Share from 'higher' wards = W1's 0.6, so 0.6 × 1,000 = 600 pupils.
    const park = school('100001')!;
    expect(park.catchmentModel).toBe('observed');
    expect(park.catchmentCoverage).toBeCloseTo(0.5, 12);
    expect(park.wardsInCatchment).toBe(3);
    expect(park.exposureRate).toBeCloseTo(6.8, 10);
    expect(park.exposureIndex).toBeCloseTo(194.2857, 3);
    expect(park.shareFromHigherWards).toBeCloseTo(0.6, 12);
    expect(park.pupilsFromHigherWards).toBeCloseTo(600, 9);
  });

  it('models the catchments of the schools without residence rows', () => {
    expect(school('100002')!.catchmentModel).toBe('distanceDecay');
    expect(school('100003')!.catchmentModel).toBe('distanceDecay');
    expect(school('100002')!.catchmentCoverage).toBeNull();
  });

  it('counts distinct offenders attending each school and withholds small counts', () => {
    // 100001: O1 (rows 2 and 3), O2, O3 = 3; 100002: O4 = 1 (withheld); 100003: none = 0 (shown).
    expect(school('100001')!.offendersAttendingCount).toBe(3);
    expect(school('100001')!.offendersAttending).toEqual({ shown: true, value: 3 });
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
      { reason: 'ageOutsideBand', rows: 1 }, { reason: 'duplicateRow', rows: 1 }, { reason: 'notANumber', rows: 1 },
    ]);
    // Schools: 5 rows, 3 ranked; the closed one and the primary one are out.
    expect(bySheet.Schools.rowsRead).toBe(5);
    expect(bySheet.Schools.rowsUsed).toBe(3);
    expect([...bySheet.Schools.excluded].sort((a, b) => a.reason.localeCompare(b.reason))).toEqual([
      { reason: 'closedSchool', rows: 1 }, { reason: 'phaseOutOfScope', rows: 1 },
    ]);
    expect(bySheet.Wards).toMatchObject({ rowsRead: 4, rowsUsed: 4, excluded: [] });
    expect(bySheet['Pupil residence']).toMatchObject({ rowsRead: 4, rowsUsed: 3, excluded: [{ reason: 'unknownWard', rows: 1 }] });
    expect(bySheet['VRU list']).toMatchObject({ rowsRead: 2, rowsUsed: 2, excluded: [] });
  });

  it('counts where the offences in scope were placed', () => {
    expect(result.placement).toEqual({
      inScope: 15,
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
    const find = (sheet: string, row: number, code: string) => result.issues.filter((i) => i.sheet === sheet && i.row === row && i.code === code);
    expect(find('Offences', 17, 'notANumber')).toEqual([expect.objectContaining({ column: 'Age at Offence', value: 'unknown', severity: 'error' })]);
    expect(find('Offences', 16, 'ageOutsideBand')).toEqual([expect.objectContaining({ column: 'Age at Offence', value: '19', severity: 'info' })]);
    expect(find('Offences', 19, 'duplicateRow')).toEqual([expect.objectContaining({ column: 'Crime Number', value: 'C002' })]);
    expect(find('Offences', 18, 'outsideArea')).toEqual([expect.objectContaining({ column: 'Offence Easting' })]);
    expect(find('Offences', 9, 'outsideArea')).toEqual([expect.objectContaining({ column: 'Home Easting' })]);
    expect(find('Offences', 11, 'unknownSchool')).toEqual([expect.objectContaining({ column: 'School URN', value: '999999' })]);
    expect(find('Schools', 6, 'closedSchool')).toEqual([expect.objectContaining({ column: 'EstablishmentStatus (name)' })]);
    expect(find('Schools', 5, 'phaseOutOfScope')).toEqual([expect.objectContaining({ column: 'PhaseOfEducation (name)', value: 'Primary' })]);
    expect(find('Pupil residence', 5, 'unknownWard')).toEqual([expect.objectContaining({ value: 'E05009999' })]);
    expect(result.issues.find((i) => i.row === 17 && i.sheet === 'Offences')!.message).toContain("row 17, column 'Age at Offence'");
    // Nothing else: 9 issues in all.
    expect(result.issues).toHaveLength(9);
  });

  it('names worksheet rows correctly when the used range starts below row 1', () => {
    const shifted = withSheet(smallWorkbook(), 'Offences', (sheet) => ({ ...sheet, firstRow: 3 }));
    const issues = resultOf(run(shifted)).issues.filter((i) => i.sheet === 'Offences' && i.code === 'notANumber');
    expect(issues.map((i) => i.row)).toEqual([19]); // row 17 of the sheet, two rows lower
  });

  it('compares the ranking with the current list', () => {
    // List: 100002 (ranked, matched) and 100005 (closed, not ranked, so unmatched at list row 3).
    expect(result.list).toMatchObject({ listSheet: 'VRU list', entries: 2, matched: 1, unmatched: [{ row: 3, text: '100005' }] });
    expect(school('100002')!.onCurrentList).toBe(true);
    expect(school('100002')!.newCandidate).toBe(false);
    expect(result.schools.filter((s) => s.newCandidate).map((s) => s.urn).sort()).toEqual(['100001', '100003']);
    expect(school('100003')!.name).toBe(SCHOOL_NAMES['100003']);
  });
});

describe('runAnalysis refuses unusable input', () => {
  it('names the offences sheet, its header row and the field when the age column is missing', () => {
    const withoutAge = withSheet(smallWorkbook(), 'Offences', (sheet) => ({ ...sheet, rows: offenceRows().map((row) => row.filter((_, col) => col !== 4)) }));
    const outcome = run(withoutAge);
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.problems).toContainEqual(expect.objectContaining({ sheet: 'Offences', row: 1, column: 'age', code: 'columnMissing', severity: 'error' }));
  });

  it('stops when there are no ward boundaries', () => {
    const outcome = run(withSheet(smallWorkbook(), 'Ward boundaries', () => undefined));
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.problems).toEqual([expect.objectContaining({ code: 'sheetMissing', column: 'boundaries', severity: 'error' })]);
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
    const other = resultOf(runAnalysis({ workbook: smallWorkbook() }, { ...SMALL_PARAMETERS, seed: 7 }));
    const base = resultOf(run());
    expect(other.wards).toEqual(base.wards);
    expect(other.parameters.seed).toBe(7);
  });
});
