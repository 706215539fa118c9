import { runAnalysis } from '../../src/core/pipeline';
import { deprivationMeasureOf } from '../../src/core/pipeline/stages/sensitivityToDeprivation';
import { averageRanks, spearmanCorrelation } from '../../src/core/ranking';
import { buildMethodSheet } from '../../src/report/methodSheet';
import type { RunContext } from '../../src/report/runContext';
import {
  fixtureWardCode,
  IMD_HEADER,
  IMD_SCORES,
  SENSITIVITY_PARAMETERS,
  sensitivityWorkbook,
} from './sensitivityFixture';

describe('spearmanCorrelation', () => {
  it('is 1 − 6Σd²/(n(n² − 1)) without ties: [1, 2, 3, 4] against [10, 30, 20, 40] is 1 − 12/60 = 0.8', () => {
    expect(spearmanCorrelation([1, 2, 3, 4], [10, 30, 20, 40])).toBeCloseTo(0.8, 12);
  });

  it('gives ties their mean rank: [1, 2, 2, 3] against [1, 2, 3, 4] is 4.5 / √(4.5 × 5)', () => {
    expect(averageRanks([1, 2, 2, 3])).toEqual([1, 2.5, 2.5, 4]);
    expect(spearmanCorrelation([1, 2, 2, 3], [1, 2, 3, 4])).toBeCloseTo(4.5 / Math.sqrt(22.5), 12);
  });

  it('agrees with the d² formula on data without ties', () => {
    let state = 99;
    const random = () => (state = (state * 48271) % 2147483647) / 2147483647;
    for (let trial = 0; trial < 20; trial++) {
      const n = 5 + trial;
      const x = Array.from({ length: n }, random);
      const y = x.map((v) => v + random());
      const rx = averageRanks(x);
      const ry = averageRanks(y);
      const d2 = rx.reduce((sum, r, i) => sum + (r - ry[i]) ** 2, 0);
      expect(spearmanCorrelation(x, y)).toBeCloseTo(1 - (6 * d2) / (n * (n * n - 1)), 10);
    }
  });

  it('is not defined when a variable does not vary', () => {
    expect(spearmanCorrelation([1, 1, 1], [1, 2, 3])).toBeNaN();
  });
});

describe('the deprivation column', () => {
  it.each([
    ['Index of Multiple Deprivation (IMD) Score', 'score'],
    ['Index of Multiple Deprivation (IMD) Rank (where 1 is most deprived)', 'rank'],
    ['Index of Multiple Deprivation (IMD) Decile (where 1 is most deprived 10% of LSOAs)', 'decile'],
    ['imd_2019_score', 'score'],
    ['IMD rank', 'rank'],
    ['Income Score (rate)', null],
    ['Young population', null],
  ])('%s is read as %s', (header, expected) => {
    expect(deprivationMeasureOf(header)).toBe(expected);
  });
});

describe('the ranking against deprivation', () => {
  const run = (deprivation: boolean) => {
    const outcome = runAnalysis(
      { workbook: sensitivityWorkbook({ deprivation }), today: new Date('2024-06-01T00:00:00Z') },
      SENSITIVITY_PARAMETERS,
    );
    if (!outcome.ok) throw new Error(outcome.problems.map((p) => p.message).join('\n'));
    return outcome.result;
  };

  it('reports the rank correlations and the top schools beyond what deprivation predicts, as recomputed here', () => {
    const result = run(true);
    const check = result.deprivation;
    if (check.kind !== 'checked') throw new Error(`not checked: ${check.kind}`);
    expect(check).toMatchObject({ header: IMD_HEADER, measure: 'score', wards: 9 });
    const imd = new Map(IMD_SCORES.map((score, w) => [fixtureWardCode(w), score]));
    // Wards: every count is shown (threshold 1); ρ by the d² formula, the IMD scores having no ties.
    const rates = result.wards.map((ward) => ward.offences.rate);
    const scores = result.wards.map((ward) => imd.get(ward.wardCode)!);
    const rankOf = (values: number[]) => values.map((v) => values.filter((o) => o < v).length + 1);
    const d2 = rankOf(rates).reduce((sum, r, i) => sum + (r - rankOf(scores)[i]) ** 2, 0);
    expect(check.wardCorrelation).toBeCloseTo(1 - (6 * d2) / (9 * 80), 10);
    // Schools: deprivation of the pupils' home wards, weighted by catchment share; the fit of exposure on it.
    const points = result.schools.map((school) => {
      const shares = school.catchmentWards!.filter((entry) => imd.has(entry.wardCode));
      const total = shares.reduce((sum, entry) => sum + entry.share, 0);
      return {
        urn: school.urn,
        rank: school.rank,
        y: school.exposureIndex,
        x: shares.reduce((sum, entry) => sum + entry.share * imd.get(entry.wardCode)!, 0) / total,
      };
    });
    expect(check.schools).toBe(8);
    const mx = points.reduce((s, p) => s + p.x, 0) / 8;
    const my = points.reduce((s, p) => s + p.y, 0) / 8;
    const slope =
      points.reduce((s, p) => s + (p.x - mx) * (p.y - my), 0) / points.reduce((s, p) => s + (p.x - mx) ** 2, 0);
    const residuals = points.map((p) => p.y - (my + slope * (p.x - mx)));
    const sd = Math.sqrt(residuals.reduce((s, e) => s + e * e, 0) / 6);
    expect(check.residualSd).toBeCloseTo(sd, 8);
    expect(check.beyond.map((school) => school.urn)).toEqual(
      points
        .filter((p, i) => p.rank <= 3 && residuals[i] > sd)
        .sort((a, b) => a.rank - b.rank)
        .map((p) => p.urn),
    );
    const method = buildMethodSheet(result, {
      tool: 'catchment',
      version: 'test',
      command: 'test',
      startedAt: '2024-06-01',
    } as RunContext);
    const texts = method.cells.map((c) => (c.cell.kind === 'text' ? c.cell.value : ''));
    // Long statements break over several lines of the sheet: read them joined.
    expect(texts.join(' ').replace(/\s+/g, ' ')).toContain(
      `Against '${IMD_HEADER}' (score; read so that higher = more deprived): Spearman's ρ of the ward offence rates with deprivation is ${check.wardCorrelation.toFixed(2).replace('-', '−')} over 9 wards shown`,
    );
  });

  it('says the check was not made when the wards sheet has no deprivation column', () => {
    const result = run(false);
    expect(result.deprivation).toEqual({ kind: 'noColumn' });
    const method = buildMethodSheet(result, {
      tool: 'catchment',
      version: 'test',
      command: 'test',
      startedAt: '2024-06-01',
    } as RunContext);
    expect(
      method.cells
        .map((c) => (c.cell.kind === 'text' ? c.cell.value : ''))
        .join(' ')
        .replace(/\s+/g, ' '),
    ).toContain(
      'Not checked against deprivation: the wards sheet has no deprivation column (an IMD score, rank or decile under its usual name). Add one to see whether the ranking just follows deprivation.',
    );
  });
});
