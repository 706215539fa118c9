import type { AnalysisResult, WardResult } from '../core/pipeline/analysisResult';
import { num, STYLE, text } from './cells';
import type { ChartModel, ImageModel, ModelCell, SheetModel } from './sheetModel';
import { renderWardMap } from './wardMap';

export const MAP_COLOURS = {
  higher: { label: 'Higher than the area', color: 'D73027' },
  similar: { label: 'Similar to the area', color: 'D9D9D9' },
  lower: { label: 'Lower than the area', color: '4575B4' },
  withheld: { label: 'Withheld [c]', color: 'FFFFFF' },
} as const;

const WARDS_CHARTED = 30;

/**
 * The Charts sheet: native Excel charts over a small data block on the sheet itself (so they
 * render without the add-in), and a map of ward flags as a picture. Only wards whose count is shown
 * enter the data block; a withheld ward is drawn in the one 'withheld' colour whatever its rate,
 * so neither the chart nor the map re-publishes a withheld count or its flag.
 */
export function buildChartsSheet(result: AnalysisResult): SheetModel {
  const { parameters } = result;
  const top = result.schools.slice(0, parameters.topN);
  const measureOf = (ward: WardResult) => (parameters.rankingMetric === 'offences' ? ward.offences : ward.youngOffenders);
  const chartedWards = result.wards
    .filter((ward) => measureOf(ward).published.shown)
    .sort((a, b) => measureOf(b).rate - measureOf(a).rate || a.wardCode.localeCompare(b.wardCode))
    .slice(0, WARDS_CHARTED);
  const cells: { row: number; col: number; cell: ModelCell }[] = [
    { row: 0, col: 0, cell: text('Charts', STYLE.title) },
    { row: 1, col: 0, cell: text('The charts draw on the figures below; the map shows each ward against the area rate.', STYLE.note) },
  ];
  const schoolHeader = 3;
  ['School', 'Rank', 'Interval below', 'Interval above', 'Exposure index'].forEach((h, col) => cells.push({ row: schoolHeader, col, cell: text(h, STYLE.label) }));
  top.forEach((school, i) => {
    const row = schoolHeader + 1 + i;
    [text(school.name), num(school.rank), num(school.rank - school.rankLower), num(school.rankUpper - school.rank), num(school.exposureIndex, STYLE.index)]
      .forEach((cell, col) => cells.push({ row, col, cell }));
  });
  const wardHeader = schoolHeader + top.length + 3;
  ['Ward', 'Rate per 1,000', 'Interval below', 'Interval above'].forEach((h, col) => cells.push({ row: wardHeader, col, cell: text(h, STYLE.label) }));
  chartedWards.forEach((ward, i) => {
    const estimate = measureOf(ward);
    const row = wardHeader + 1 + i;
    [text(ward.wardName), num(estimate.rate, STYLE.rate), num(estimate.rate - estimate.lower, STYLE.rate), num(estimate.upper - estimate.rate, STYLE.rate)]
      .forEach((cell, col) => cells.push({ row, col, cell }));
  });

  const schoolRange = (col: number) => ({ sheet: 'Charts', firstRow: schoolHeader + 1, lastRow: schoolHeader + top.length, col });
  const wardRange = (col: number) => ({ sheet: 'Charts', firstRow: wardHeader + 1, lastRow: wardHeader + chartedWards.length, col });
  const measure = parameters.rankingMetric === 'offences' ? 'Offence' : 'Young offender';
  const charts: ChartModel[] = [];
  if (top.length > 0) {
    charts.push({
      title: `Top ${top.length} schools: rank (1 = most exposed) with 95% interval`,
      type: 'barHorizontal',
      series: [{ name: 'Rank', categories: schoolRange(0), values: schoolRange(1), errorMinus: schoolRange(2), errorPlus: schoolRange(3), color: '2F5597' }],
      xAxisTitle: 'Rank',
      anchor: { row: 3, col: 6, widthCols: 10, heightRows: 24 },
      reverseCategories: true,
    });
  }
  if (chartedWards.length > 0) {
    charts.push({
      title: `${measure} rate per 1,000 young residents: ${chartedWards.length} highest wards with 95% intervals`,
      type: 'column',
      series: [{ name: 'Rate per 1,000', categories: wardRange(0), values: wardRange(1), errorMinus: wardRange(2), errorPlus: wardRange(3), color: 'C55A11' }],
      yAxisTitle: 'Rate per 1,000',
      anchor: { row: 28, col: 6, widthCols: 14, heightRows: 22 },
    });
  }
  const fills = new Map<string, string>();
  for (const ward of result.wards) {
    const estimate = measureOf(ward);
    fills.set(ward.wardCode, estimate.published.shown ? MAP_COLOURS[estimate.flag].color : MAP_COLOURS.withheld.color);
  }
  const legend = Object.values(MAP_COLOURS).map(({ label, color }) => ({ label, color }));
  const map = renderWardMap(result.boundaries, fills, { widthPx: 900, title: `${measure} rate by ward`, legend });
  const mapRow = 52;
  cells.push({ row: mapRow - 2, col: 6, cell: text(`Map: ${measure.toLowerCase()} rate by ward compared with the area (95% interval).`, STYLE.heading) });
  const images: ImageModel[] = [{ description: `Map of ${result.wards.length} wards`, png: map.png, widthPx: map.widthPx, heightPx: map.heightPx, anchor: { row: mapRow, col: 6 } }];
  return { name: 'Charts', cells, tables: [], charts, images, columnWidths: [32, 8, 10, 10, 10, 2] };
}
