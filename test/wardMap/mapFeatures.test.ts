import { loadHighsSolver } from '../../src/core/disclosure';
import { runAnalysis, type AnalysisResult } from '../../src/core/pipeline';
import type { WardBoundary } from '../../src/core/types';
import { DEFAULT_PARAMETERS } from '../../src/core/types';
import { generateDemo } from '../../src/demo';
import { MAP_COLOURS, wardMapImage } from '../../src/report/chartsSheet';
import { renderWardMap } from '../../src/report/wardMap';

/**
 * The ward map's features as rendered, compared with what the data say they must be: the
 * districts present, the legend equal to the classes present, a scale bar of the right length,
 * the north arrow and the attribution. Not a pixel snapshot: the drawing may change, the
 * features may not.
 */

const square = (minE: number, minN: number, size: number): [number, number][] => [
  [minE, minN],
  [minE + size, minN],
  [minE + size, minN + size],
  [minE, minN + size],
  [minE, minN],
];

/*
 * Three 1 km wards side by side from (400000, 300000): two in district 'Northfield', one in
 * 'Southam'. Drawn 320 px wide: 300 px inside the padding for 3,000 m, so 0.1 px per metre.
 */
const wards: WardBoundary[] = [
  { wardCode: 'E05000001', wardName: 'West', districtName: 'Northfield', polygons: [[square(400000, 300000, 1000)]] },
  { wardCode: 'E05000002', wardName: 'Middle', districtName: 'Northfield', polygons: [[square(401000, 300000, 1000)]] },
  { wardCode: 'E05000003', wardName: 'East', districtName: 'Southam', polygons: [[square(402000, 300000, 1000)]] },
];

describe('the rendered map on hand-made wards', () => {
  const map = renderWardMap(wards, new Map([['E05000001', 'D73027']]), {
    widthPx: 320,
    districts: true,
    scaleBar: true,
    northArrow: true,
    legend: [{ label: 'Higher than the area', color: 'D73027' }],
    attribution: ['Contains OS data © Crown copyright and database right.'],
  });

  test('each district is outlined and labelled once, at the middle of its wards', () => {
    expect(map.features.districts.map((district) => district.name)).toEqual(['Northfield', 'Southam']);
    // Northfield spans x 10-210 and Southam 210-310 px, both y 10-110: their centres (109.5, 59.5) and (259.5, 59.5), to a pixel.
    const [northfield, southam] = map.features.districts.map((district) => district.labelAt);
    expect(Math.abs(northfield[0] - 109.5)).toBeLessThanOrEqual(1);
    expect(Math.abs(southam[0] - 259.5)).toBeLessThanOrEqual(1);
    expect(Math.abs(northfield[1] - 59.5)).toBeLessThanOrEqual(1);
  });

  test('the scale bar is the longest 1-2-5 length within a quarter of the width: 500 m is 50 px at 0.1 px a metre', () => {
    // A quarter of the 300 px map is 75 px = 750 m: 500 m is the longest step that fits.
    expect(map.features.scaleBar).toEqual({ metres: 500, px: 50 });
  });

  test('the north arrow, the legend as given and the attribution are drawn', () => {
    expect(map.features.northArrow).toBe(true);
    expect(map.features.legend).toEqual(['Higher than the area']);
    expect(map.features.attribution.join(' ')).toBe('Contains OS data © Crown copyright and database right.');
  });

  test('wards without a district draw no district outline or label', () => {
    const plain = renderWardMap(
      wards.map(({ districtName: _district, ...ward }) => ward),
      new Map(),
      { widthPx: 320, districts: true },
    );
    expect(plain.features.districts).toEqual([]);
  });
});

describe('the Charts sheet map on the demo', () => {
  let result: AnalysisResult;
  beforeAll(async () => {
    const demo = generateDemo({ seed: 7, wards: 40, districts: 3, schools: 60, offences: 1500 });
    const outcome = runAnalysis(
      {
        workbook: demo.workbook,
        boundaries: { geojson: demo.boundariesGeoJson, source: 'demo-wards.geojson' },
        provenance: { synthetic: true, description: demo.description },
        solver: await loadHighsSolver(),
      },
      { ...DEFAULT_PARAMETERS, simulations: 100 },
    );
    if (!outcome.ok) throw new Error(outcome.problems.map((problem) => problem.message).join('\n'));
    result = outcome.result;
  }, 60_000);

  /** The classes the map must show, worked out from the wards: a withheld ward is 'withheld' whatever its flag. */
  function classesPresent(of: AnalysisResult): string[] {
    const present = new Set(of.wards.map((ward) => (ward.offences.published.shown ? ward.offences.flag : 'withheld')));
    return (['higher', 'similar', 'lower', 'withheld'] as const)
      .filter((key) => present.has(key))
      .map((key) => MAP_COLOURS[key].label);
  }

  test('every district of the wards is outlined and labelled, and the legend lists exactly the classes present', () => {
    const map = wardMapImage(result, 768);
    expect(map.features.districts.map((district) => district.name).sort()).toEqual(
      [...new Set(result.wards.map((ward) => ward.districtName))].sort(),
    );
    expect(map.features.legend).toEqual(classesPresent(result));
    expect(map.features.scaleBar?.px).toBeGreaterThan(0);
    expect(map.features.northArrow).toBe(true);
    expect(map.features.attribution.join(' ')).toMatch(/synthetic/);
  });

  test('with nothing withheld the legend has no "Withheld [c]"; with a ward withheld it has', () => {
    const shownAll: AnalysisResult = {
      ...result,
      wards: result.wards.map((ward) => ({
        ...ward,
        offences: { ...ward.offences, published: { shown: true, value: 10 } },
      })),
    };
    expect(wardMapImage(shownAll, 768).features.legend).not.toContain('Withheld [c]');
    const oneWithheld: AnalysisResult = {
      ...shownAll,
      wards: shownAll.wards.map((ward, index) =>
        index === 0
          ? { ...ward, offences: { ...ward.offences, published: { shown: false, reason: 'primary' } } }
          : ward,
      ),
    };
    expect(wardMapImage(oneWithheld, 768).features.legend).toContain('Withheld [c]');
    expect(wardMapImage(oneWithheld, 768).features.legend).toEqual(classesPresent(oneWithheld));
  });

  test('real boundaries carry their licence under the map', () => {
    const attributed: AnalysisResult = {
      ...result,
      provenance: {
        ...result.provenance,
        synthetic: false,
        attribution: ['Source: Office for National Statistics licensed under the Open Government Licence v3.0.'],
      },
    };
    expect(wardMapImage(attributed, 768).features.attribution.join(' ')).toBe(
      'Source: Office for National Statistics licensed under the Open Government Licence v3.0.',
    );
  });
});
