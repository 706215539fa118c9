import { titleWithPeriod } from './periodText';
import { SUPPRESSED_SYMBOL } from '../core/disclosure';
import type { AnalysisResult, RateEstimate, SchoolResult, WardResult } from '../core/pipeline/analysisResult';
import { address, STYLE, text } from './cells';
import { floatingBarChart } from './floatingBarChart';
import { funnelBlock } from './funnelBlock';
import { funnelChart } from './funnelChart';
import { intervalBlock, type IntervalRow } from './intervalBlock';
import { SCHOOL_HEADERS, SCHOOLS_LAYOUT } from './schoolsSheet';
import type { ChartModel, ImageModel, ModelCell, SheetModel } from './sheetModel';
import { renderWardMap, type WardMapImage } from './wardMap';
import { WARD_HEADERS, WARDS_LAYOUT } from './wardsSheet';
import { columnWidthPoints, fitScale, rowsPerPage } from './printLayout';
import { wrappedNotes } from './wrappedNotes';
import { ADVISORY_LINE } from './advisoryLine';

export const MAP_COLOURS = {
  higher: { label: 'Higher than the area', color: 'D73027' },
  similar: { label: 'Similar to the area', color: 'D9D9D9' },
  lower: { label: 'Lower than the area', color: '4575B4' },
  withheld: { label: 'Withheld [c]', color: 'FFFFFF' },
} as const;

const WARDS_CHARTED = 30;

/** The charts and the map print from column A, 12 default columns wide (768 px); the data they draw sits to their right, off the paper. */
const CHART_COLUMN = 0;
const CHART_WIDTH_COLUMNS = 12;
const DATA_COLUMN = CHART_WIDTH_COLUMNS + 2;
const FIRST_BLOCK_ROW = 3;
/** Excel's default column (8.43 characters, 64 pixels): the width the charts are laid out on. */
const DEFAULT_COLUMN_WIDTH = 9.140625;
const ROW_PIXELS = 20;
/**
 * Number formats of the bar lengths: '_)' pads each number on the right by a bracket's width, so
 * the last length never runs into the label beside it ("3.51. St Jude's" was 3.5 then "1. St Jude's").
 */
const BAR_LENGTH_STYLE = { rank: { numberFormat: '0.0_)' }, rate: { numberFormat: '0.00_)' } } as const;

/** Widths of the data blocks' columns: name, estimate, lower, upper, three bar lengths, label. */
const DATA_WIDTHS = [30, 9, 10, 10, 9, 9, 9, 44, 10];

/**
 * The ward map as the Charts sheet shows it: each ward in its flag's colour (a withheld ward in the
 * one withheld colour, whatever its rate), district outlines labelled, a scale bar, a north arrow,
 * a legend of only the classes present and the attribution under it.
 */
export function wardMapImage(result: AnalysisResult, widthPx: number): WardMapImage {
  const measureOf = (ward: WardResult) =>
    result.parameters.rankingMetric === 'offences' ? ward.offences : ward.youngOffenders;
  const measure = result.parameters.rankingMetric === 'offences' ? 'Offence' : 'Young offender';
  const fills = new Map<string, string>();
  const classes = new Set<keyof typeof MAP_COLOURS>();
  for (const ward of result.wards) {
    const estimate = measureOf(ward);
    const shownClass = estimate.published.shown ? estimate.flag : 'withheld';
    classes.add(shownClass);
    fills.set(ward.wardCode, MAP_COLOURS[shownClass].color);
  }
  // The legend lists only the classes the map shows: no "Withheld [c]" when nothing is withheld.
  const legend = (Object.keys(MAP_COLOURS) as (keyof typeof MAP_COLOURS)[])
    .filter((key) => classes.has(key))
    .map((key) => ({ ...MAP_COLOURS[key] }));
  // A boundary file may not name districts: the wards sheet's districts then outline the map.
  const districtOfWard = new Map(result.wards.map((ward) => [ward.wardCode, ward.districtName || ward.districtCode]));
  const boundaries = result.boundaries.map((boundary) =>
    boundary.districtName || boundary.districtCode
      ? boundary
      : { ...boundary, districtName: districtOfWard.get(boundary.wardCode) || undefined },
  );
  return renderWardMap(boundaries, fills, {
    widthPx,
    title: `${measure} rate by ward, compared with the area`,
    legend,
    districts: true,
    scaleBar: true,
    northArrow: true,
    attribution: mapAttribution(result),
  });
}

/** The area's rate of the ranking measure, and the Wards sheet cell that publishes it. */
function areaRate(result: AnalysisResult): { readonly value: number; readonly ref: string } {
  return result.parameters.rankingMetric === 'offences'
    ? { value: result.area.offenceRate, ref: `{{Wards}}!${WARDS_LAYOUT.areaOffenceRate}` }
    : { value: result.area.youngOffenderRate, ref: `{{Wards}}!${WARDS_LAYOUT.areaOffenderRate}` };
}

/** The area's rate of the ranking measure to one decimal, or [c] when withheld. */
function areaAverageText(result: AnalysisResult): string {
  const { value } = areaRate(result);
  return Number.isFinite(value) ? value.toFixed(1) : SUPPRESSED_SYMBOL;
}

/** The credit under the map: the boundaries' licence, or that they are invented, or where they came from. */
function mapAttribution(result: AnalysisResult): string[] {
  if (result.provenance.attribution.length > 0) return [...result.provenance.attribution];
  if (result.provenance.synthetic) return ['Boundaries: synthetic, generated for the demonstration; not real places.'];
  return [`Boundaries: ${result.boundarySource}.`];
}

/**
 * Page breaks so that no chart or map is cut across two printed pages: each item, in order, starts a
 * new page when it would not fit on what is left of the current one.
 */
function pageStartsFor(items: readonly { row: number; heightRows: number }[], rowsPerPage: number): number[] {
  const starts: number[] = [];
  let pageStart = 0;
  for (const item of items) {
    if (item.row + item.heightRows - pageStart > rowsPerPage && item.row > pageStart) {
      starts.push(item.row);
      pageStart = item.row;
    }
  }
  return starts;
}

/**
 * Rows a chart of `bars` horizontal bars takes: about 13.5 points (0.9 of a 15-point row) a bar,
 * enough for a 9-point label each, and 8 rows for the title, the axis and its title.
 */
function chartHeightRows(bars: number): number {
  return Math.max(12, Math.ceil(bars * 0.9) + 8);
}

/** The 0-based column of a header in a sheet's table; a missing header is a broken report invariant. */
function columnOf(headers: readonly string[], header: string): number {
  const index = headers.indexOf(header);
  if (index < 0) throw new Error(`No column '${header}' among ${headers.join(', ')}.`);
  return index;
}

/**
 * The Charts sheet: native Excel charts over small data blocks on the sheet itself (so they render
 * without the add-in), and a map of ward flags as a picture. Each block reads its figures from the
 * Schools or Wards sheet with live formulas and works out the floating bars from them
 * ({@link intervalBlock}); each chart draws a bar across the interval whose shade changes at the
 * estimate ({@link floatingBarChart}), which Excel's file format and its add-in API both draw, so
 * the intervals show in every Excel. Only wards whose count is shown enter the ward block (their
 * rate cells are numbers, never `[c]`); a withheld ward is drawn on the map in the one 'withheld'
 * colour whatever its rate, so neither the chart nor the map re-publishes a withheld count or its flag.
 * Below them, the funnel plot's blocks ({@link funnelBlock}) feed a scatter chart ({@link funnelChart})
 * of every shown ward's rate against its young population, within the funnel limits.
 */
export function buildChartsSheet(result: AnalysisResult): SheetModel {
  const { parameters } = result;
  const confidence = `${Math.round(parameters.confidenceLevel * 100)}%`;
  const ranked = (school: SchoolResult) => [school.rank, school.rankLower, school.rankUpper].every(Number.isFinite);
  const top = result.schools
    .map((school, index) => ({ school, schoolsRow: SCHOOLS_LAYOUT.tableRow + 1 + index }))
    .slice(0, parameters.topN)
    .filter(({ school }) => ranked(school));
  const measureOf = (ward: WardResult) =>
    parameters.rankingMetric === 'offences' ? ward.offences : ward.youngOffenders;
  const charted = (estimate: RateEstimate) =>
    estimate.published.shown && [estimate.rate, estimate.lower, estimate.upper].every(Number.isFinite);
  const chartedWards = result.wards
    .map((ward, index) => ({ ward, wardsRow: WARDS_LAYOUT.tableRow + 1 + index }))
    .filter(({ ward }) => charted(measureOf(ward)))
    .sort((a, b) => measureOf(b.ward).rate - measureOf(a.ward).rate || a.ward.wardCode.localeCompare(b.ward.wardCode))
    .slice(0, WARDS_CHARTED);
  const measure = parameters.rankingMetric === 'offences' ? 'Offence' : 'Young offender';

  const schoolFigure = (row: number, header: string, value: number) => ({
    ref: `{{Schools}}!${address(row, columnOf(SCHOOL_HEADERS, header))}`,
    value,
  });
  const schoolRows: IntervalRow[] = top.map(({ school, schoolsRow }) => ({
    name: school.name,
    estimate: schoolFigure(schoolsRow, 'Rank', school.rank),
    lower: schoolFigure(schoolsRow, 'Rank 95% lower', school.rankLower),
    upper: schoolFigure(schoolsRow, 'Rank 95% upper', school.rankUpper),
  }));
  const rateHeaders =
    parameters.rankingMetric === 'offences'
      ? ['Offence rate per 1,000', 'Offence rate lower CI', 'Offence rate upper CI']
      : ['Young offender rate per 1,000', 'Young offender rate lower CI', 'Young offender rate upper CI'];
  const wardFigure = (row: number, header: string, value: number) => ({
    ref: `{{Wards}}!${address(row, columnOf(WARD_HEADERS, header))}`,
    value,
  });
  const wardRows: IntervalRow[] = chartedWards.map(({ ward, wardsRow }) => {
    const estimate = measureOf(ward);
    return {
      name: ward.wardName,
      estimate: wardFigure(wardsRow, rateHeaders[0], estimate.rate),
      lower: wardFigure(wardsRow, rateHeaders[1], estimate.lower),
      upper: wardFigure(wardsRow, rateHeaders[2], estimate.upper),
    };
  });

  // The area average as a line across the ward chart, when the area's rate is published.
  const area = areaRate(result);
  const areaLine = Number.isFinite(area.value) ? area : undefined;
  const schoolHeader = FIRST_BLOCK_ROW;
  const wardHeader = schoolHeader + schoolRows.length + 3;
  const funnel = funnelBlock(result, wardHeader + wardRows.length + 3, DATA_COLUMN);
  const chartWidths = Array.from({ length: CHART_WIDTH_COLUMNS }, () => DEFAULT_COLUMN_WIDTH);
  const notes = wrappedNotes(
    [
      {
        row: 1,
        cell: text(
          `The charts draw on the figures below, live formulas on the Schools and Wards sheets: each bar spans the ${confidence} interval and changes shade at the estimate.${funnel ? ` The funnel plot sets each shown ward's rate against its young population, within the ${confidence} and 99.8% limits round the area rate, widened for the spread between wards beyond chance.` : ''} The map shows each ward's flag. The figures the charts draw are in the grouped columns to the right, folded away and not printed: the + above the column letters opens them.`,
          STYLE.note,
        ),
      },
      // The top-schools chart is a ranking too: it carries the same line as every ranking table.
      ...(schoolRows.length > 0 ? [{ row: FIRST_BLOCK_ROW - 1, cell: text(ADVISORY_LINE, STYLE.note) }] : []),
    ],
    chartWidths,
  );
  const cells: { row: number; col: number; cell: ModelCell }[] = [
    { row: 0, col: 0, cell: text(titleWithPeriod('Charts', result), STYLE.title) },
    ...notes.cells,
    {
      row: FIRST_BLOCK_ROW - 1,
      col: DATA_COLUMN,
      cell: text('Chart data: what each chart draws, as live formulas on the Schools and Wards sheets', STYLE.heading),
    },
    ...intervalBlock(schoolHeader, DATA_COLUMN, schoolRows, {
      headers: ['School', 'Rank', `Rank ${confidence} lower`, `Rank ${confidence} upper`],
      estimateWord: 'rank',
      pad: 0.5,
      label: 'rank',
      headerStyle: STYLE.label,
      estimateStyle: STYLE.index,
      barStyle: BAR_LENGTH_STYLE.rank,
    }),
    ...intervalBlock(wardHeader, DATA_COLUMN, wardRows, {
      headers: ['Ward', 'Rate per 1,000', `Lower ${confidence} limit`, `Upper ${confidence} limit`],
      estimateWord: 'rate',
      pad: 0,
      // Ward names alone under the columns: the columns show the figures, and names read upright.
      label: 'name',
      ...(areaLine ? { reference: { header: 'Area average', figure: areaLine } } : {}),
      headerStyle: STYLE.label,
      estimateStyle: STYLE.rate,
      barStyle: BAR_LENGTH_STYLE.rate,
    }),
  ];

  const charts: ChartModel[] = [];
  let nextChartRow = FIRST_BLOCK_ROW;
  if (schoolRows.length > 0) {
    const heightRows = chartHeightRows(schoolRows.length);
    charts.push(
      floatingBarChart({
        title: `Top ${schoolRows.length} schools by rank (1 = most exposed): bars span the ${confidence} interval, the shade changes at the rank`,
        axisTitle: 'Rank (1 = most exposed)',
        block: {
          sheet: 'Charts',
          col: DATA_COLUMN,
          firstRow: schoolHeader + 1,
          lastRow: schoolHeader + schoolRows.length,
        },
        names: { toEstimate: 'Interval up to the rank', beyondEstimate: 'Interval beyond the rank' },
        colors: { toEstimate: '2F5597', beyondEstimate: '9DC3E6', outline: '1F3864' },
        anchor: { row: nextChartRow, col: CHART_COLUMN, widthCols: CHART_WIDTH_COLUMNS, heightRows },
      }),
    );
    nextChartRow += heightRows + 2;
  }
  if (wardRows.length > 0) {
    const heightRows = chartHeightRows(wardRows.length);
    charts.push(
      floatingBarChart({
        title: `${measure} rate per 1,000 young residents, ${wardRows.length} highest wards: columns span the ${confidence} interval, the shade changes at the rate${areaLine ? `; the dashed line is the area average (${areaAverageText(result)})` : ` (area average ${areaAverageText(result)})`}`,
        axisTitle: 'Rate per 1,000 young residents',
        block: { sheet: 'Charts', col: DATA_COLUMN, firstRow: wardHeader + 1, lastRow: wardHeader + wardRows.length },
        names: { toEstimate: 'Interval up to the rate', beyondEstimate: 'Interval beyond the rate' },
        colors: { toEstimate: 'C55A11', beyondEstimate: 'F8CBAD', outline: '843C0C' },
        anchor: { row: nextChartRow, col: CHART_COLUMN, widthCols: CHART_WIDTH_COLUMNS, heightRows },
        columns: true,
        ...(areaLine ? { reference: { name: 'Area average', color: '404040' } } : {}),
      }),
    );
    nextChartRow += heightRows + 2;
  }
  if (funnel) {
    const [youngest, oldest] = parameters.ageBand;
    const heightRows = 26;
    cells.push(...funnel.cells);
    charts.push(
      funnelChart({
        title: `Funnel plot: ${measure.toLowerCase()} rate per 1,000 by young population, with the area rate and its ${confidence} and 99.8% limits, ${result.area.funnel[parameters.rankingMetric].tauSquared > 0 ? 'widened for over-dispersion' : 'Poisson (no over-dispersion to allow for)'}`,
        xAxisTitle: `Young residents aged ${youngest}–${oldest}`,
        yAxisTitle: 'Rate per 1,000 young residents',
        wards: { sheet: 'Charts', col: DATA_COLUMN, ...funnel.wards },
        limits: { sheet: 'Charts', col: DATA_COLUMN, ...funnel.limits },
        innerLabel: confidence,
        anchor: { row: nextChartRow, col: CHART_COLUMN, widthCols: CHART_WIDTH_COLUMNS, heightRows },
      }),
    );
    nextChartRow += heightRows + 2;
  }
  const mapWidthPx = Math.round((CHART_WIDTH_COLUMNS * columnWidthPoints(DEFAULT_COLUMN_WIDTH)) / 0.75);
  const map = wardMapImage(result, mapWidthPx);
  const mapRow = nextChartRow + 2;
  const mapHeightRows = Math.ceil(map.heightPx / ROW_PIXELS);
  const flagRule =
    parameters.flagMethod === 'overdispersed'
      ? `outside the ${confidence} funnel limits, the interval agreeing`
      : `${confidence} interval`;
  cells.push({
    row: mapRow - 2,
    col: CHART_COLUMN,
    cell: text(`Map: ${measure.toLowerCase()} rate by ward compared with the area (${flagRule}).`, STYLE.heading),
  });
  // The alternative text says what the picture shows, for a screen reader.
  const description = `Map of ${result.wards.length} wards coloured by how their ${measure.toLowerCase()} rate compares with the area (${map.features.legend.join('; ')})${map.features.districts.length > 0 ? `, with ${map.features.districts.length} districts outlined and labelled` : ''}.`;
  const images: ImageModel[] = [
    {
      description,
      png: map.png,
      widthPx: map.widthPx,
      heightPx: map.heightPx,
      anchor: { row: mapRow, col: CHART_COLUMN },
    },
  ];
  const scale = fitScale(chartWidths, 'portrait');
  const pageStarts = pageStartsFor(
    [...charts.map((chart) => chart.anchor), { row: mapRow - 2, heightRows: mapHeightRows + 2 }],
    rowsPerPage('portrait', scale),
  );
  // The chart data, folded away: grouped and collapsed columns right of the charts (the charts plot hidden cells).
  const lastDataColumn = cells.reduce((last, placed) => Math.max(last, placed.col), DATA_COLUMN);
  return {
    name: 'Charts',
    cells,
    collapsedColumns: [{ first: DATA_COLUMN, last: lastDataColumn }],
    tables: [],
    charts,
    images,
    columnWidths: [...chartWidths, 3, 3, ...DATA_WIDTHS],
    merges: notes.merges,
    rowHeights: notes.rowHeights,
    print: {
      orientation: 'portrait',
      fitToWidth: true,
      area: { lastRow: mapRow + mapHeightRows, lastCol: CHART_WIDTH_COLUMNS - 1 },
      pageStarts,
    },
  };
}
