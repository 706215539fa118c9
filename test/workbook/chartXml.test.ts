import type { ChartModel } from '../../src/report/sheetModel';
import { buildChartXml, buildSheetCellIndex, chartAnchorXml, resolveChart, type ChartXmlInput } from '../../src/workbook/xlsx';
import { reportFixture } from './reportFixture';
import { asArray, parseXml } from './xlsxPackage';

const input: ChartXmlInput = {
  title: 'Rates & ranks <2024>',
  type: 'column',
  series: [
    {
      name: 'Rate',
      categories: { formula: "'Wards (2)'!$B$2:$B$4", cache: ['Aston', null, "King's Norton"] },
      values: { formula: "'Wards (2)'!$E$2:$E$4", cache: [15, null, 4] },
      errorPlus: { formula: "'Wards (2)'!$F$2:$F$4", cache: [2, null, 1] },
    },
    {
      name: 'Area average',
      categories: { formula: "'Wards (2)'!$B$2:$B$4", cache: ['Aston', null, "King's Norton"] },
      values: { formula: "'Wards (2)'!$G$2:$G$4", cache: [9, 9, 9] },
    },
  ],
  yAxisTitle: 'Per 1,000',
};

/** Child element names of an element, in document order (from the raw XML, which the object parse loses). */
function childOrder(xml: string, parent: string): string[] {
  const start = xml.indexOf(`<${parent}>`);
  const end = xml.indexOf(`</${parent}>`, start);
  const inner = xml.slice(start + parent.length + 2, end);
  const names: string[] = [];
  let depth = 0;
  for (const tag of inner.matchAll(/<(\/?)([\w:]+)[^>]*?(\/?)>/g)) {
    if (tag[1]) depth--;
    else {
      if (depth === 0) names.push(tag[2]);
      if (!tag[3]) depth++;
    }
  }
  return names;
}

describe('buildChartXml', () => {
  const xml = buildChartXml(input);
  const chart = parseXml(xml)['c:chartSpace']['c:chart'];

  test('is well-formed XML with the title escaped', () => {
    expect(chart['c:title']['c:tx']['c:rich']['a:p']['a:r']['a:t']).toBe('Rates & ranks <2024>');
  });

  test('elements follow the schema sequences Excel enforces', () => {
    expect(childOrder(xml, 'c:barChart')).toEqual(['c:barDir', 'c:grouping', 'c:varyColors', 'c:ser', 'c:ser', 'c:gapWidth', 'c:axId', 'c:axId']);
    expect(childOrder(xml, 'c:ser')).toEqual(['c:idx', 'c:order', 'c:tx', 'c:spPr', 'c:invertIfNegative', 'c:errBars', 'c:cat', 'c:val']);
    expect(childOrder(xml, 'c:errBars')).toEqual(['c:errBarType', 'c:errValType', 'c:noEndCap', 'c:plus', 'c:spPr']);
    expect(childOrder(xml, 'c:plotArea')).toEqual(['c:layout', 'c:barChart', 'c:catAx', 'c:valAx']);
  });

  test('a column chart has vertical bars, categories along the bottom and the y title on the value axis', () => {
    const plotArea = chart['c:plotArea'];
    expect(plotArea['c:barChart']['c:barDir']['@_val']).toBe('col');
    expect(plotArea['c:catAx']['c:axPos']['@_val']).toBe('b');
    expect(plotArea['c:valAx']['c:title']['c:tx']['c:rich']['a:p']['a:r']['a:t']).toBe('Per 1,000');
    expect(plotArea['c:catAx']['c:title']).toBeUndefined();
    expect(plotArea['c:catAx']['c:scaling']['c:orientation']['@_val']).toBe('minMax');
  });

  test('only plus error bars are drawn when only plus distances are given', () => {
    const [first, second] = asArray(chart['c:plotArea']['c:barChart']['c:ser']) as any[];
    expect(first['c:errBars']['c:errBarType']['@_val']).toBe('plus');
    expect(first['c:errBars']['c:minus']).toBeUndefined();
    expect(second['c:errBars']).toBeUndefined();
  });

  test('blank cells are left out of the caches but counted', () => {
    const [first] = asArray(chart['c:plotArea']['c:barChart']['c:ser']) as any[];
    const categories = first['c:cat']['c:strRef']['c:strCache'];
    expect(categories['c:ptCount']['@_val']).toBe('3');
    expect(asArray(categories['c:pt']).map((point: any) => [point['@_idx'], point['c:v']])).toEqual([
      ['0', 'Aston'],
      ['2', "King's Norton"],
    ]);
  });

  test('two series get a legend and distinct default colours', () => {
    expect(chart['c:legend']).toBeDefined();
    const colours = (asArray(chart['c:plotArea']['c:barChart']['c:ser']) as any[]).map((series) => series['c:spPr']['a:solidFill']['a:srgbClr']['@_val']);
    expect(new Set(colours).size).toBe(2);
  });

  test('a bad series colour is refused', () => {
    expect(() => buildChartXml({ ...input, series: [{ ...input.series[0], color: 'red' }] })).toThrow(/RRGGBB/);
  });
});

describe('resolveChart', () => {
  test("ranges resolve to the run's sheet names, with the values the model writes there", () => {
    const models = reportFixture();
    const schools = models[1];
    const chart: ChartModel = schools.charts[0];
    const resolved = resolveChart(chart, {
      names: new Map([['Schools', 'Schools (3)']]),
      cells: new Map([['Schools', buildSheetCellIndex(schools)]]),
    });
    expect(resolved.series[0].categories).toEqual({ formula: "'Schools (3)'!$B$4:$B$6", cache: ['Park Hall Academy', 'Hill Top School', "St Mary's"] });
    expect(resolved.series[0].errorPlus).toEqual({ formula: "'Schools (3)'!$F$4:$F$6", cache: [12.25, 9, 6] });
  });

  test('a formula cell charts as its cached result; a header row reads as its text', () => {
    const schools = reportFixture()[1];
    const lookup = buildSheetCellIndex(schools);
    const shares = resolveChart(
      { ...schools.charts[0], series: [{ name: 'Share', categories: { sheet: 'Schools', firstRow: 2, lastRow: 5, col: 1 }, values: { sheet: 'Schools', firstRow: 2, lastRow: 5, col: 6 } }] },
      { names: new Map([['Schools', 'Schools']]), cells: new Map([['Schools', lookup]]) },
    );
    expect(shares.series[0].values.cache).toEqual([null, 0.4, 0.3, 0.3]); // header text 'Share of pupils' is not a number
    expect(shares.series[0].categories.cache[0]).toBe('School');
  });
});

describe('chartAnchorXml', () => {
  test('spans the given columns and rows from the anchor cell and points at the chart relationship', () => {
    const anchor = parseXml(chartAnchorXml({ anchor: { row: 2, col: 3, widthCols: 8, heightRows: 15 }, relationshipId: 'rId7', shapeId: 5, name: 'Chart 5' }))['xdr:twoCellAnchor'];
    expect([anchor['xdr:from']['xdr:col'], anchor['xdr:from']['xdr:row'], anchor['xdr:to']['xdr:col'], anchor['xdr:to']['xdr:row']]).toEqual(['3', '2', '11', '17']);
    expect(anchor['xdr:graphicFrame']['a:graphic']['a:graphicData']['c:chart']['@_r:id']).toBe('rId7');
  });
});
