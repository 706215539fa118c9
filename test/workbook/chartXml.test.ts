import type { ChartModel } from '../../src/report/sheetModel';
import {
  buildChartXml,
  buildSheetCellIndex,
  chartAnchorXml,
  resolveChart,
  type ChartXmlInput,
} from '../../src/workbook/xlsx';
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
    expect(childOrder(xml, 'c:barChart')).toEqual([
      'c:barDir',
      'c:grouping',
      'c:varyColors',
      'c:ser',
      'c:ser',
      'c:gapWidth',
      'c:axId',
      'c:axId',
    ]);
    expect(childOrder(xml, 'c:ser')).toEqual([
      'c:idx',
      'c:order',
      'c:tx',
      'c:spPr',
      'c:invertIfNegative',
      'c:cat',
      'c:val',
    ]);
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
    const colours = (asArray(chart['c:plotArea']['c:barChart']['c:ser']) as any[]).map(
      (series) => series['c:spPr']['a:solidFill']['a:srgbClr']['@_val'],
    );
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
      {
        name: 'Bar start',
        categories: labels,
        values: { formula: 'Charts!$E$5:$E$6', cache: [0.5, 0.5] },
        color: 'none',
      },
      {
        name: 'Up to the rank',
        categories: labels,
        values: { formula: 'Charts!$F$5:$F$6', cache: [0.5, 1.5] },
        color: '2f5597',
        outline: '1F3864',
      },
      {
        name: 'Beyond the rank',
        categories: labels,
        values: { formula: 'Charts!$G$5:$G$6', cache: [2.5, 2.5] },
        color: '9DC3E6',
        outline: '1F3864',
      },
    ],
    xAxisTitle: 'Rank',
    reverseCategories: true,
    legend: false,
  };
  const xml = buildChartXml(floating);
  const barChart = parseXml(xml)['c:chartSpace']['c:chart']['c:plotArea']['c:barChart'];
  const [start, below, above] = asArray(barChart['c:ser']) as any[];

  test('stacks horizontal bars with full overlap, after the gap width as the schema orders them', () => {
    expect([
      barChart['c:barDir']['@_val'],
      barChart['c:grouping']['@_val'],
      barChart['c:gapWidth']['@_val'],
      barChart['c:overlap']['@_val'],
    ]).toEqual(['bar', 'stacked', '60', '100']);
    expect(childOrder(xml, 'c:barChart')).toEqual([
      'c:barDir',
      'c:grouping',
      'c:varyColors',
      'c:ser',
      'c:ser',
      'c:ser',
      'c:gapWidth',
      'c:overlap',
      'c:axId',
      'c:axId',
    ]);
  });

  test('draws no fill and no line for the base series, so the bars float', () => {
    expect(start['c:spPr']).toEqual({ 'a:noFill': '', 'a:ln': { 'a:noFill': '' } });
    expect(childOrder(xml, 'c:spPr')).toEqual(['a:noFill', 'a:ln']);
  });

  test('fills the two visible series in their shades, upper-cased, each with a 0.75 pt outline', () => {
    expect([below, above].map((series) => series['c:spPr']['a:solidFill']['a:srgbClr']['@_val'])).toEqual([
      '2F5597',
      '9DC3E6',
    ]);
    // 0.75 pt × 12,700 EMU per point = 9,525 EMU.
    expect(
      [below, above].map((series) => [
        series['c:spPr']['a:ln']['@_w'],
        series['c:spPr']['a:ln']['a:solidFill']['a:srgbClr']['@_val'],
      ]),
    ).toEqual([
      ['9525', '1F3864'],
      ['9525', '1F3864'],
    ]);
  });

  test('has no legend when the model asks for none, although it has several series', () => {
    expect(parseXml(xml)['c:chartSpace']['c:chart']['c:legend']).toBeUndefined();
  });

  test('a stacked column chart stands its bars upright', () => {
    const columns = parseXml(buildChartXml({ ...floating, type: 'columnStacked' }))['c:chartSpace']['c:chart'][
      'c:plotArea'
    ]['c:barChart'];
    expect([columns['c:barDir']['@_val'], columns['c:grouping']['@_val'], columns['c:overlap']['@_val']]).toEqual([
      'col',
      'stacked',
      '100',
    ]);
  });
});

describe('buildChartXml for a scatter chart (a funnel plot)', () => {
  const x = { formula: 'Charts!$A$30:$A$32', cache: [100, 400, 900] };
  const scatter: ChartXmlInput = {
    title: 'Funnel plot',
    type: 'scatter',
    series: [
      {
        name: 'Wards',
        categories: { formula: 'Charts!$B$20:$B$22', cache: ['150', '500', '800'] },
        xValues: { formula: 'Charts!$B$20:$B$22', cache: [150, 500, 800] },
        values: { formula: 'Charts!$C$20:$C$22', cache: [12, null, 3] },
        color: '2f5597',
        draw: 'markers',
      },
      {
        name: 'Area rate',
        categories: { formula: x.formula, cache: ['100', '400', '900'] },
        xValues: x,
        values: { formula: 'Charts!$B$30:$B$32', cache: [5, 5, 5] },
        color: '595959',
        draw: 'line',
      },
      {
        name: 'Upper 99.8% limit',
        categories: { formula: x.formula, cache: ['100', '400', '900'] },
        xValues: x,
        values: { formula: 'Charts!$F$30:$F$32', cache: [20, 12, 9] },
        color: 'C00000',
        draw: 'dashedLine',
      },
    ],
    xAxisTitle: 'Young residents',
    yAxisTitle: 'Rate per 1,000',
    legend: true,
  };
  const xml = buildChartXml(scatter);
  const plotArea = parseXml(xml)['c:chartSpace']['c:chart']['c:plotArea'];
  const [wards, area, outer] = asArray(plotArea['c:scatterChart']['c:ser']) as any[];

  test('is a scatter chart with a style per series and two value axes, in the schema order', () => {
    expect(childOrder(xml, 'c:plotArea')).toEqual(['c:layout', 'c:scatterChart', 'c:valAx', 'c:valAx']);
    expect(childOrder(xml, 'c:scatterChart')).toEqual([
      'c:scatterStyle',
      'c:varyColors',
      'c:ser',
      'c:ser',
      'c:ser',
      'c:axId',
      'c:axId',
    ]);
    expect(childOrder(xml, 'c:ser')).toEqual([
      'c:idx',
      'c:order',
      'c:tx',
      'c:spPr',
      'c:marker',
      'c:xVal',
      'c:yVal',
      'c:smooth',
    ]);
    expect(plotArea['c:scatterChart']['c:scatterStyle']['@_val']).toBe('lineMarker');
    expect(plotArea['c:barChart']).toBeUndefined();
  });

  test('reads x and y as numbers from their ranges, blanks left out of the cache but counted', () => {
    expect(wards['c:xVal']['c:numRef']['c:f']).toBe('Charts!$B$20:$B$22');
    expect(wards['c:yVal']['c:numRef']['c:f']).toBe('Charts!$C$20:$C$22');
    expect(wards['c:yVal']['c:numRef']['c:numCache']['c:ptCount']['@_val']).toBe('3');
    expect(asArray(wards['c:yVal']['c:numRef']['c:numCache']['c:pt']).map((point: any) => point['@_idx'])).toEqual([
      '0',
      '2',
    ]);
    expect(asArray(area['c:xVal']['c:numRef']['c:numCache']['c:pt']).map((point: any) => point['c:v'])).toEqual([
      '100',
      '400',
      '900',
    ]);
  });

  test('draws the wards as filled circles with no line, and the others as lines with no markers, the 99.8% one dashed', () => {
    expect(wards['c:spPr']['a:ln']['a:noFill']).toBe('');
    expect([
      wards['c:marker']['c:symbol']['@_val'],
      wards['c:marker']['c:size']['@_val'],
      wards['c:marker']['c:spPr']['a:solidFill']['a:srgbClr']['@_val'],
    ]).toEqual(['circle', '6', '2F5597']);
    // 1.5 pt × 12,700 EMU = 19,050 EMU.
    expect([
      area['c:spPr']['a:ln']['@_w'],
      area['c:spPr']['a:ln']['a:solidFill']['a:srgbClr']['@_val'],
      area['c:spPr']['a:ln']['a:prstDash'],
      area['c:marker']['c:symbol']['@_val'],
    ]).toEqual(['19050', '595959', undefined, 'none']);
    expect([outer['c:spPr']['a:ln']['a:prstDash']['@_val'], outer['c:marker']['c:symbol']['@_val']]).toEqual([
      'dash',
      'none',
    ]);
    // CT_LineProperties: the fill, then the dash, then the join.
    expect(xml).toContain(
      '<a:ln w="19050" cap="rnd"><a:solidFill><a:srgbClr val="C00000"/></a:solidFill><a:prstDash val="dash"/><a:round/></a:ln>',
    );
  });

  test('titles x along the bottom and y up the left, and shows a legend', () => {
    const [bottom, left] = asArray(plotArea['c:valAx']) as any[];
    expect([
      bottom['c:axPos']['@_val'],
      bottom['c:title']['c:tx']['c:rich']['a:p']['a:r']['a:t'],
      bottom['c:crossBetween']['@_val'],
    ]).toEqual(['b', 'Young residents', 'midCat']);
    expect([left['c:axPos']['@_val'], left['c:title']['c:tx']['c:rich']['a:p']['a:r']['a:t']]).toEqual([
      'l',
      'Rate per 1,000',
    ]);
    expect([bottom['c:crossAx']['@_val'], left['c:crossAx']['@_val']]).toEqual([
      left['c:axId']['@_val'],
      bottom['c:axId']['@_val'],
    ]);
    expect(parseXml(xml)['c:chartSpace']['c:chart']['c:legend']).toBeDefined();
  });

  test('a scatter series without x values is a broken invariant', () => {
    expect(() => buildChartXml({ ...scatter, series: [{ ...scatter.series[0], xValues: undefined }] })).toThrow(
      /no x values/,
    );
  });

  test("resolveChart reads a scatter chart's categories as numbers, its x values", () => {
    const sheet = {
      name: 'Data',
      cells: [
        [100, 5],
        [400, 9],
      ].flatMap((row, r) => row.map((value, col) => ({ row: r, col, cell: { kind: 'number' as const, value } }))),
      tables: [],
      charts: [],
      images: [],
    };
    const range = (col: number) => ({ sheet: 'Data', firstRow: 0, lastRow: 1, col });
    const resolved = resolveChart(
      {
        title: 'F',
        type: 'scatter',
        series: [{ name: 'Wards', categories: range(0), values: range(1), draw: 'markers' }],
        anchor: { row: 0, col: 3, widthCols: 5, heightRows: 10 },
      },
      { names: new Map([['Data', 'Data (2)']]), cells: new Map([['Data', buildSheetCellIndex(sheet)]]) },
    );
    expect(resolved.series[0].xValues).toEqual({ formula: "'Data (2)'!$A$1:$A$2", cache: [100, 400] });
    expect(resolved.series[0].draw).toBe('markers');
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
    expect(resolved.series[0].categories).toEqual({
      formula: "'Schools (3)'!$B$4:$B$6",
      cache: ['Park Hall Academy', 'Hill Top School', "St Mary's"],
    });
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
      {
        ...schools.charts[0],
        series: [
          {
            name: 'Share',
            categories: { sheet: 'Schools', firstRow: 2, lastRow: 5, col: 1 },
            values: { sheet: 'Schools', firstRow: 2, lastRow: 5, col: 6 },
          },
        ],
      },
      { names: new Map([['Schools', 'Schools']]), cells: new Map([['Schools', lookup]]) },
    );
    expect(shares.series[0].values.cache).toEqual([null, 0.4, 0.3, 0.3]); // header text 'Share of pupils' is not a number
    expect(shares.series[0].categories.cache[0]).toBe('School');
  });
});

describe('chartAnchorXml', () => {
  test('spans the given columns and rows from the anchor cell and points at the chart relationship', () => {
    const anchor = parseXml(
      chartAnchorXml({
        anchor: { row: 2, col: 3, widthCols: 8, heightRows: 15 },
        relationshipId: 'rId7',
        shapeId: 5,
        name: 'Chart 5',
      }),
    )['xdr:twoCellAnchor'];
    expect([
      anchor['xdr:from']['xdr:col'],
      anchor['xdr:from']['xdr:row'],
      anchor['xdr:to']['xdr:col'],
      anchor['xdr:to']['xdr:row'],
    ]).toEqual(['3', '2', '11', '17']);
    expect(anchor['xdr:graphicFrame']['a:graphic']['a:graphicData']['c:chart']['@_r:id']).toBe('rId7');
  });
});
