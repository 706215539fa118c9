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
    expect(childOrder(xml, 'c:ser')).toEqual(['c:idx', 'c:order', 'c:tx', 'c:spPr', 'c:invertIfNegative', 'c:cat', 'c:val']);
    expect(childOrder(xml, 'c:plotArea')).toEqual(['c:layout', 'c:barChart', 'c:catAx', 'c:valAx']);
  });

  test('a column chart has vertical bars side by side, categories along the bottom and the y title on the value axis', () => {
    const plotArea = chart['c:plotArea'];
    expect(plotArea['c:barChart']['c:barDir']['@_val']).toBe('col');
    expect(plotArea['c:barChart']['c:grouping']['@_val']).toBe('clustered');
    expect(plotArea['c:barChart']['c:overlap']).toBeUndefined();
    expect(plotArea['c:catAx']['c:axPos']['@_val']).toBe('b');
    expect(plotArea['c:valAx']['c:title']['c:tx']['c:rich']['a:p']['a:r']['a:t']).toBe('Per 1,000');
    expect(plotArea['c:catAx']['c:title']).toBeUndefined();
    expect(plotArea['c:catAx']['c:scaling']['c:orientation']['@_val']).toBe('minMax');
  });

  test('a series without an outline has none drawn (Excel draws bars without a border by default)', () => {
    const [first] = asArray(chart['c:plotArea']['c:barChart']['c:ser']) as any[];
    expect(first['c:spPr']['a:ln']).toBeUndefined();
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

  test('a bad series colour or outline is refused', () => {
    expect(() => buildChartXml({ ...input, series: [{ ...input.series[0], color: 'red' }] })).toThrow(/RRGGBB/);
    expect(() => buildChartXml({ ...input, series: [{ ...input.series[0], outline: 'dark' }] })).toThrow(/RRGGBB/);
  });
});

describe('buildChartXml for a floating-bar chart', () => {
  const labels = { formula: 'Charts!$H$5:$H$6', cache: ['1. Park Hall (1–3)', '2. Hill Top (1–4)'] };
  const floating: ChartXmlInput = {
    title: 'Ranks',
    type: 'barStacked',
    series: [
      { name: 'Bar start', categories: labels, values: { formula: 'Charts!$E$5:$E$6', cache: [0.5, 0.5] }, color: 'none' },
      { name: 'Up to the rank', categories: labels, values: { formula: 'Charts!$F$5:$F$6', cache: [0.5, 1.5] }, color: '2f5597', outline: '1F3864' },
      { name: 'Beyond the rank', categories: labels, values: { formula: 'Charts!$G$5:$G$6', cache: [2.5, 2.5] }, color: '9DC3E6', outline: '1F3864' },
    ],
    xAxisTitle: 'Rank',
    reverseCategories: true,
    legend: false,
  };
  const xml = buildChartXml(floating);
  const barChart = parseXml(xml)['c:chartSpace']['c:chart']['c:plotArea']['c:barChart'];
  const [start, below, above] = asArray(barChart['c:ser']) as any[];

  test('stacks horizontal bars with full overlap, after the gap width as the schema orders them', () => {
    expect([barChart['c:barDir']['@_val'], barChart['c:grouping']['@_val'], barChart['c:gapWidth']['@_val'], barChart['c:overlap']['@_val']]).toEqual(['bar', 'stacked', '60', '100']);
    expect(childOrder(xml, 'c:barChart')).toEqual(['c:barDir', 'c:grouping', 'c:varyColors', 'c:ser', 'c:ser', 'c:ser', 'c:gapWidth', 'c:overlap', 'c:axId', 'c:axId']);
  });

  test('draws no fill and no line for the base series, so the bars float', () => {
    expect(start['c:spPr']).toEqual({ 'a:noFill': '', 'a:ln': { 'a:noFill': '' } });
    expect(childOrder(xml, 'c:spPr')).toEqual(['a:noFill', 'a:ln']);
  });

  test('fills the two visible series in their shades, upper-cased, each with a 0.75 pt outline', () => {
    expect([below, above].map((series) => series['c:spPr']['a:solidFill']['a:srgbClr']['@_val'])).toEqual(['2F5597', '9DC3E6']);
    // 0.75 pt × 12,700 EMU per point = 9,525 EMU.
    expect([below, above].map((series) => [series['c:spPr']['a:ln']['@_w'], series['c:spPr']['a:ln']['a:solidFill']['a:srgbClr']['@_val']])).toEqual([['9525', '1F3864'], ['9525', '1F3864']]);
  });

  test('has no legend when the model asks for none, although it has several series', () => {
    expect(parseXml(xml)['c:chartSpace']['c:chart']['c:legend']).toBeUndefined();
  });

  test('a stacked column chart stands its bars upright', () => {
    const columns = parseXml(buildChartXml({ ...floating, type: 'columnStacked' }))['c:chartSpace']['c:chart']['c:plotArea']['c:barChart'];
    expect([columns['c:barDir']['@_val'], columns['c:grouping']['@_val'], columns['c:overlap']['@_val']]).toEqual(['col', 'stacked', '100']);
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
    expect(resolved.series.map((series) => [series.values, series.color, series.outline])).toEqual([
      [{ formula: "'Schools (3)'!$E$4:$E$6", cache: [10.5, 8, 7.5] }, 'none', undefined],
      [{ formula: "'Schools (3)'!$F$4:$F$6", cache: [12.25, 9, 6] }, '2F5597', '1F3864'],
    ]);
    expect([resolved.type, resolved.legend, resolved.reverseCategories]).toEqual(['barStacked', false, true]);
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
