import * as fs from 'fs';
import * as path from 'path';
import { empiricalBayesRates, wardRates, type WardCount } from '../../src/core/rates';
import { poissonSample, seededRandom } from '../../src/core/random';
import { deepFreeze } from '../support/deepFreeze';

// Area: 42 offences in 4,000 young residents = 10.5 per 1,000.
const constructed: readonly WardCount[] = deepFreeze([
  // 30 per 1,000; Byar lower = 30 × (1 − 1/270 − 1.959964/(3√30))³ = 30 × (1 − 0.003704 − 0.119279)³ = 30 × 0.877017³ = 20.24 > 10.5
  { wardCode: 'A', count: 30, youngPopulation: 1000 },
  // 10 per 1,000; Byar interval 4.79 to 18.39 contains 10.5
  { wardCode: 'B', count: 10, youngPopulation: 1000 },
  // 1 per 1,000; exact upper for 2 is 7.2247 (e^-7.2247 × (1 + 7.2247 + 26.098) = 7.2837e-4 × 34.323 = 0.0250), / 2 = 3.61 < 10.5
  { wardCode: 'C', count: 2, youngPopulation: 2000 },
  // no young residents: no rate
  { wardCode: 'D', count: 0, youngPopulation: 0 },
]);

describe('wardRates', () => {
  const { wards, area } = wardRates(constructed);
  const byCode = new Map(wards.map((ward) => [ward.wardCode, ward]));

  it('computes the area rate from all counts over all young residents', () => {
    expect(area.count).toBe(42);
    expect(area.youngPopulation).toBe(4000);
    expect(area.rate).toBeCloseTo(10.5, 12);
  });

  it("flags a ward 'higher' when its lower limit is above the area rate", () => {
    const a = byCode.get('A')!;
    expect(a.rate).toBe(30);
    expect(a.lower).toBeCloseTo(20.24, 2);
    expect(a.flag).toBe('higher');
    expect(a.ratioToArea).toBeCloseTo(30 / 10.5, 12);
  });

  it("flags a ward 'similar' when its interval contains the area rate", () => {
    expect(byCode.get('B')!.flag).toBe('similar');
  });

  it("flags a ward 'lower' when its upper limit is below the area rate", () => {
    const c = byCode.get('C')!;
    expect(c.upper).toBeCloseTo(3.612, 2);
    expect(c.flag).toBe('lower');
  });

  it("gives a ward without young residents no rate and the 'similar' flag", () => {
    const d = byCode.get('D')!;
    expect(d.rate).toBeNaN();
    expect(d.ratioToArea).toBeNaN();
    expect(d.flag).toBe('similar');
  });

  it('keeps the input order and does not change its input (frozen)', () => {
    expect(wards.map((ward) => ward.wardCode)).toEqual(['A', 'B', 'C', 'D']);
  });

  it('reports a ward exactly at the benchmark as similar at any count', () => {
    const result = wardRates([
      { wardCode: 'X', count: 500, youngPopulation: 50000 },
      { wardCode: 'Y', count: 500, youngPopulation: 50000 },
    ]);
    expect(result.wards.map((ward) => ward.flag)).toEqual(['similar', 'similar']);
  });
});

describe('empiricalBayesRates (Marshall 1991)', () => {
  it('shrinks each ward towards the area rate by A / (A + B / n)', () => {
    // B = 30 / 3,000 = 0.01; rates 0.02, 0, 0.01
    // S² = (1000 × 0.01² + 1000 × 0.01² + 0) / 3000 = 6.6667e-5; n̄ = 1,000; B / n̄ = 1e-5; A = 5.6667e-5
    // C = 5.6667e-5 / (5.6667e-5 + 1e-5) = 0.85; smoothed = 0.01 ± 0.85 × 0.01 = 18.5, 1.5 and 10 per 1,000
    const smoothed = empiricalBayesRates(
      deepFreeze([
        { wardCode: 'A', count: 20, youngPopulation: 1000 },
        { wardCode: 'B', count: 0, youngPopulation: 1000 },
        { wardCode: 'C', count: 10, youngPopulation: 1000 },
      ]),
    );
    expect(smoothed.map((ward) => ward.shrinkage)).toEqual([
      expect.closeTo(0.85, 10),
      expect.closeTo(0.85, 10),
      expect.closeTo(0.85, 10),
    ]);
    expect(smoothed.map((ward) => ward.smoothedRate)).toEqual([
      expect.closeTo(18.5, 9),
      expect.closeTo(1.5, 9),
      expect.closeTo(10, 9),
    ]);
  });

  it('shrinks fully when the spread is no more than Poisson noise', () => {
    // B = 0.01, S² = 1e-4, n̄ = 100, B / n̄ = 1e-4, so A = 0
    const smoothed = empiricalBayesRates([
      { wardCode: 'A', count: 2, youngPopulation: 100 },
      { wardCode: 'B', count: 0, youngPopulation: 100 },
    ]);
    expect(smoothed.map((ward) => ward.smoothedRate)).toEqual([expect.closeTo(10, 12), expect.closeTo(10, 12)]);
  });
});

/** Splits one CSV line, honouring double-quoted fields (ward names such as "Netherton, Woodside and St Andrews"). */
function splitCsvLine(line: string): string[] {
  const cells: string[] = [];
  for (const match of line.matchAll(/(?:^|,)(?:"((?:[^"]|"")*)"|([^,]*))/g))
    cells.push(match[1] !== undefined ? match[1].replace(/""/g, '"') : match[2]);
  return cells;
}

const dataDir = path.resolve(__dirname, '../../../shared/data');
const populationFile = path.join(dataDir, 'wm_ward22_population_mid2020.csv');
const describeIfData = fs.existsSync(populationFile) ? describe : describe.skip;
if (!fs.existsSync(populationFile)) console.warn(`Skipping real-data ward rate tests: ${populationFile} not found.`);

describeIfData('wardRates on the real West Midlands wards (synthetic counts)', () => {
  it('flags more wards higher than expected by chance when some wards truly are higher', () => {
    const lines = fs.readFileSync(populationFile, 'utf8').trim().split(/\r?\n/);
    const header = lines[0].split(',');
    const codeColumn = header.indexOf('WD22CD');
    const youngColumn = header.indexOf('age_10_17');
    const random = seededRandom(42);
    // Synthetic: every ward at 8 per 1,000 except every tenth ward at 24 per 1,000.
    const wards = lines.slice(1).map((line, index) => {
      const cells = splitCsvLine(line);
      const youngPopulation = Number(cells[youngColumn]);
      const trueRate = index % 10 === 0 ? 24 : 8;
      return {
        wardCode: cells[codeColumn],
        youngPopulation,
        count: poissonSample((trueRate * youngPopulation) / 1000, random),
      };
    });
    expect(wards).toHaveLength(192);
    const { wards: rates, area } = wardRates(wards);
    expect(area.youngPopulation).toBe(303063); // README: 303,063 aged 10–17
    const trulyHigh = rates.filter((_, index) => index % 10 === 0);
    // Area rate ≈ 0.9 × 8 + 0.1 × 24 = 9.6. A truly-high ward of median size (~1,500 young residents, ~36
    // offences) has a lower limit near 25 per 1,000, so nearly all 20 are flagged; the smallest (533, ~13
    // offences) may not be. A ward at 8 per 1,000 is flagged only by a chance excess (well under 5%).
    const flaggedHigh = trulyHigh.filter((ward) => ward.flag === 'higher').length;
    const falseHigh = rates.filter((ward, index) => index % 10 !== 0 && ward.flag === 'higher').length;
    expect(area.rate).toBeGreaterThan(8.5);
    expect(area.rate).toBeLessThan(10.5);
    expect(flaggedHigh).toBeGreaterThanOrEqual(18);
    expect(falseHigh).toBeLessThan(9);
  });
});
