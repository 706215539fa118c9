import { loadHighsSolver } from '../../src/core/disclosure';
import { runAnalysis, type AnalysisResult } from '../../src/core/pipeline';
import { sensitivityLabel } from '../../src/core/pipeline/stages/sensitivity';
import { buildSensitivitySheet } from '../../src/report/sensitivitySheet';
import type { ModelCell } from '../../src/report/sheetModel';
import { SMALL_PARAMETERS, smallWorkbook } from '../pipeline/smallWorkbookFixture';
import type { AnalysisParameters } from '../../src/core/types';
import { SENSITIVITY_PARAMETERS, sensitivityWorkbook } from './sensitivityFixture';

function run(parameters: AnalysisParameters): AnalysisResult {
  const outcome = runAnalysis({ workbook: sensitivityWorkbook(), today: new Date('2024-06-01T00:00:00Z') }, parameters);
  if (!outcome.ok) throw new Error(outcome.problems.map((p) => p.message).join('\n'));
  return outcome.result;
}

const topOf = (result: AnalysisResult): string[] =>
  result.schools
    .filter((school) => school.rank <= result.parameters.topN)
    .map((school) => school.urn)
    .sort();

describe('the sensitivity of the top group', () => {
  const given = run(SENSITIVITY_PARAMETERS);
  // Each scenario's parameters, written here from the list, not read from the engine.
  const independent: Record<string, AnalysisParameters> = {
    given: SENSITIVITY_PARAMETERS,
    otherMetric: { ...SENSITIVITY_PARAMETERS, rankingMetric: 'youngOffenders' },
    otherCatchment: { ...SENSITIVITY_PARAMETERS, catchmentModel: 'distanceDecay' },
    oneYearOlderFrom: { ...SENSITIVITY_PARAMETERS, ageBand: [11, 17] },
    oneYearYoungerTo: { ...SENSITIVITY_PARAMETERS, ageBand: [10, 16] },
    otherSmoothing: { ...SENSITIVITY_PARAMETERS, smoothing: 'empiricalBayes' },
    // The last offence counted is on 2023-12-31 at the latest (the fixture's offences run over 2022–2023).
    last12Months: { ...SENSITIVITY_PARAMETERS, dateFrom: new Date(Date.UTC(2023, 0, 1)) },
  };
  const runs = new Map(Object.entries(independent).map(([key, parameters]) => [key, run(parameters)]));

  it('runs every scenario on a workbook that allows them all', () => {
    expect(given.sensitivity.scenarios.map((s) => [s.key, s.outcome.kind])).toEqual(
      Object.keys(independent).map((key) => [key, 'ranked']),
    );
    expect(given.period?.to.toISOString().slice(0, 10)).toBe('2023-12-31');
  });

  it("agrees with a separate run of the analysis under each scenario's settings", () => {
    for (const scenario of given.sensitivity.scenarios) {
      const expected = topOf(runs.get(scenario.key)!);
      expect(expected).toHaveLength(3);
      const found = scenario.outcome.kind === 'ranked' ? [...scenario.outcome.topUrns].sort() : [];
      expect({ scenario: scenario.key, top: found }).toEqual({ scenario: scenario.key, top: expected });
    }
  });

  it('labels each school in a top group under any scenario by how many of the runs keep it there', () => {
    const keys = Object.keys(independent);
    const tops = keys.map((key) => new Set(topOf(runs.get(key)!)));
    const everyTop = [...new Set(tops.flatMap((top) => [...top]))].sort();
    const label = (urn: string): string => {
      const inTop = tops.map((top) => top.has(urn));
      const count = inTop.filter(Boolean).length;
      return count === keys.length
        ? 'robust'
        : count === 1 && inTop[0]
          ? 'only under this setting'
          : 'depends on choices';
    };
    const labelled = given.sensitivity.schools.map((school) => [
      school.urn,
      school.label,
      school.scenariosInTop,
      school.scenariosRun,
    ]);
    expect([...labelled].sort()).toEqual(
      everyTop.map((urn) => [urn, label(urn), tops.filter((top) => top.has(urn)).length, keys.length]),
    );
    // The fixture is built so that the choices matter: not every school is robust.
    expect(new Set(labelled.map(([, l]) => l)).size).toBeGreaterThan(1);
  });

  it("shows on the Sensitivity sheet each school's Yes/No per scenario, the counts and the label, with the advisory line", () => {
    const sheet = buildSensitivitySheet(given);
    const table = sheet.tables.find((t) => t.name === 'tblSensitivity')!;
    const shown = (cell: ModelCell): unknown =>
      cell.kind === 'formula' ? cell.result : cell.kind === 'empty' ? null : cell.value;
    expect(table.headers).toEqual([
      'Rank in this run',
      'URN',
      'School',
      'This run',
      'Young offenders measure',
      'All modelled',
      'Ages 11–17',
      'Ages 10–16',
      'Smoothed rates',
      'Last 12 months',
      'In top 3 (scenarios)',
      'Scenarios run',
      'Label',
    ]);
    expect(table.rows).toHaveLength(given.sensitivity.schools.length);
    for (const row of table.rows) {
      const marks = row.slice(3, 10).map(shown);
      const yes = marks.filter((mark) => mark === 'Yes').length;
      const label =
        yes === 7 ? 'robust' : yes === 1 && marks[0] === 'Yes' ? 'only under this setting' : 'depends on choices';
      expect(row.slice(10).map(shown)).toEqual([yes, 7, label]);
      expect(row[12].kind).toBe('formula');
    }
    expect(sheet.cells.map((c) => shown(c.cell))).toContain(
      'Advisory: where prevention support may help most, not a judgement of any school.',
    );
  });
});

describe('scenarios that cannot be run say why', () => {
  it('on the small workbook: one population column for ages 10–17, offences over half a year, and without its pupil residence sheet', async () => {
    const workbook = smallWorkbook();
    const withoutResidence = { sheets: workbook.sheets.filter((sheet) => sheet.name !== 'Pupil residence') };
    const outcome = runAnalysis(
      { workbook: withoutResidence, solver: await loadHighsSolver(), today: new Date('2024-06-01T00:00:00Z') },
      SMALL_PARAMETERS,
    );
    if (!outcome.ok) throw new Error(outcome.problems.map((p) => p.message).join('\n'));
    const reasons = Object.fromEntries(
      outcome.result.sensitivity.scenarios.map((s) => [
        s.key,
        s.outcome.kind === 'notRun' ? s.outcome.reason : 'ranked',
      ]),
    );
    expect(reasons).toEqual({
      given: 'ranked',
      otherMetric: 'ranked',
      otherCatchment: 'no school has observed pupil home wards, so there is no observed catchment to compare with',
      oneYearOlderFrom: 'the wards sheet gives no population for ages 11–17 (no single-year columns for them)',
      oneYearYoungerTo: 'the wards sheet gives no population for ages 10–16 (no single-year columns for them)',
      otherSmoothing: 'ranked',
      // Offences counted from 10 January to 4 July 2023 (rows 2–18 of the fixture, in scope).
      last12Months: 'the period (2023-01-10 to 2023-07-04) is no longer than 12 months',
    });
    // Labels count only the scenarios run: 3 here; the sheet marks the others 'not run' and says why.
    expect(new Set(outcome.result.sensitivity.schools.map((school) => school.scenariosRun))).toEqual(new Set([3]));
    const sheet = buildSensitivitySheet(outcome.result);
    const texts = sheet.cells.map((c) => (c.cell.kind === 'text' ? c.cell.value : ''));
    expect(texts).toContain(
      'Ages 11–17 (one year narrower at the youngest end): not run, because the wards sheet gives no population for ages 11–17 (no single-year columns for them).',
    );
    const row = sheet.tables[0].rows[0].map((cell) =>
      cell.kind === 'text' ? cell.value : cell.kind === 'formula' ? cell.result : null,
    );
    expect(row.slice(3, 10)).toEqual([
      expect.stringMatching(/Yes|No/),
      expect.stringMatching(/Yes|No/),
      'not run',
      'not run',
      'not run',
      expect.stringMatching(/Yes|No/),
      'not run',
    ]);
    expect(JSON.stringify(sheet)).not.toMatch(/NaN|undefined/);
  });
});

describe('sensitivityLabel', () => {
  it.each([
    [[true, true, null, true], 'robust'],
    [[true, false, null, false], 'only under this setting'],
    [[true, true, false], 'depends on choices'],
    [[false, true, null], 'depends on choices'],
    [[false, true, true], 'depends on choices'],
  ] as const)('%j is %s', (inTop, expected) => {
    expect(sensitivityLabel(inTop)).toBe(expected);
  });
});
