import ExcelJS from 'exceljs';
import { columnWidthPoints } from '../../src/workbook/office';
import type { SheetSnapshot } from '../support/inMemoryExcel';
import { asArray, openPackage, parseXml, partText, relationshipsOf, sheetParts } from '../workbook/xlsxPackage';

/**
 * One form for a result sheet, whichever adapter wrote it, so the two can be compared cell by
 * cell: read from an .xlsx file with exceljs and an XML parser (tables, charts, pictures), or
 * taken from the in-memory Excel's snapshot. Text, numbers, logical values, errors and formulas
 * compare as stored (dates as serial numbers, as Excel stores them); a formula's cached result is
 * not compared (Excel computes it); a blank cell with default formatting is no cell.
 */
export interface ComparableCell {
  readonly kind: string;
  readonly value?: string | number | boolean;
  readonly formula?: string;
  readonly numberFormat: string;
  readonly bold: boolean;
  readonly italic: boolean;
  readonly fontColor: string;
  readonly fontSize: number;
  readonly fill: string | null;
  readonly horizontalAlignment: string;
  readonly verticalAlignment: string;
  readonly wrapText: boolean;
}

export interface ComparableSheet {
  readonly name: string;
  readonly cells: Record<string, ComparableCell>;
  readonly tables: { name: string; address: string; headers: string[]; style: string }[];
  readonly charts: {
    type: string;
    title: string;
    /**
     * fill: '#RRGGBB', 'none' or '' (automatic); outline (a bar's border, a scatter series' line): '#RRGGBB 0.75pt',
     * 'none' or '' (automatic); dashed: the line is dashed; marker: 'circle 6 #RRGGBB', 'none' or '' (automatic).
     */
    series: {
      /** The series' own type: the chart's, or 'Line' for a line drawn over columns. */
      chartType: string;
      name: string;
      values: string;
      categories: string;
      fill: string;
      outline: string;
      dashed: boolean;
      marker: string;
      gapWidth: number;
      overlap: number;
    }[];
    reverseCategories: boolean;
    valueAxisAtMaximum: boolean;
    categoryAxisTitle: string;
    valueAxisTitle: string;
    legend: boolean;
    /** Whether cells in hidden columns are left out of the chart. */
    plotVisibleOnly: boolean;
    topLeftCell: string;
    bottomRightCell: string;
  }[];
  readonly images: { topLeftCell: string; width: number; height: number; description: string }[];
  readonly frozenRows: number;
  readonly frozenColumns: number;
  /** Row heights set, in points, by 1-based row number. */
  readonly rowHeights: Record<string, number>;
  /** Grouped columns collapsed (hidden), as letters in order. */
  readonly collapsedColumns: readonly string[];
  readonly columnWidths: Record<string, number>;
  readonly tabColor: string;
  /** 'Visible' or 'VeryHidden' (the disclosure ledger's sheet). */
  readonly visibility: string;
  /** Merged areas as A1 ranges, sorted. */
  readonly merges: readonly string[];
  readonly conditionalFormats: { address: string; equals: string; fill: string }[];
  /** Page setup: pages wide and tall when fit to pages (0 = as many as needed), else null; title rows as '$5:$5' or ''. */
  readonly print: {
    orientation: string;
    fitToPagesWide: number | null;
    fitToPagesTall: number | null;
    titleRows: string;
    area: string;
  };
}

const DEFAULT_CELL = {
  numberFormat: 'General',
  bold: false,
  italic: false,
  fontColor: '#000000',
  fontSize: 11,
  fill: null,
  horizontalAlignment: 'General',
  verticalAlignment: 'Bottom',
  wrapText: false,
};
const isPlainBlank = (cell: ComparableCell) =>
  cell.kind === 'blank' &&
  JSON.stringify({ ...cell, kind: undefined }) === JSON.stringify({ ...DEFAULT_CELL, kind: undefined });
const excelSerial = (date: Date) => (date.getTime() - Date.UTC(1899, 11, 30)) / 86_400_000;
const hex = (argb: string | undefined) => (argb ? `#${argb.slice(-6).toUpperCase()}` : undefined);
const letters = (index0: number): string =>
  index0 < 26
    ? String.fromCharCode(65 + index0)
    : letters(Math.floor(index0 / 26) - 1) + String.fromCharCode(65 + (index0 % 26));
const address = (row0: number, col0: number) => `${letters(col0)}${row0 + 1}`;
/** A range reference with apostrophes dropped, so quoting conventions do not matter. */
const plainRef = (ref: string | null | undefined) => (ref ?? '').replace(/'/g, '');

export async function sheetsFromXlsx(buffer: Buffer): Promise<ComparableSheet[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as Parameters<typeof workbook.xlsx.load>[0]);
  const zip = await openPackage(buffer);
  const parts = await sheetParts(zip);
  const sheets: ComparableSheet[] = [];
  for (const worksheet of workbook.worksheets) {
    const cells: Record<string, ComparableCell> = {};
    worksheet.eachRow({ includeEmpty: true }, (row) =>
      row.eachCell({ includeEmpty: true }, (cell) => {
        // exceljs reads a merged area's other cells as its first: only the first holds anything.
        if (cell.isMerged && cell.master.address !== cell.address) return;
        const comparable = xlsxCell(cell);
        if (!isPlainBlank(comparable)) cells[cell.address] = comparable;
      }),
    );
    const sheetPath = parts.get(worksheet.name)!;
    const relationships = [...(await relationshipsOf(zip, sheetPath)).values()];
    const tables = [];
    for (const rel of relationships.filter((one) => one.type.endsWith('/table'))) {
      const table = parseXml(await partText(zip, rel.path)).table;
      tables.push({
        name: table['@_name'],
        address: table['@_ref'],
        headers: asArray(table.tableColumns.tableColumn).map((column: any) => column['@_name']),
        style: table.tableStyleInfo['@_name'],
      });
    }
    const charts: ComparableSheet['charts'] = [];
    const images: ComparableSheet['images'] = [];
    for (const drawingRel of relationships.filter((one) => one.type.endsWith('/drawing'))) {
      const drawing = parseXml(await partText(zip, drawingRel.path))['xdr:wsDr'];
      const drawingRels = await relationshipsOf(zip, drawingRel.path);
      for (const anchor of [...asArray(drawing['xdr:oneCellAnchor']), ...asArray(drawing['xdr:twoCellAnchor'])]) {
        const from = anchor['xdr:from'];
        const topLeftCell = address(Number(from['xdr:row']), Number(from['xdr:col']));
        if (anchor['xdr:pic']) {
          const ext = anchor['xdr:ext'];
          images.push({
            topLeftCell,
            // EMUs: 12,700 to the point.
            width: Number(ext['@_cx']) / 12_700,
            height: Number(ext['@_cy']) / 12_700,
            description: anchor['xdr:pic']['xdr:nvPicPr']['xdr:cNvPr']['@_descr'],
          });
        } else if (anchor['xdr:graphicFrame']) {
          const id = anchor['xdr:graphicFrame']['a:graphic']['a:graphicData']['c:chart']['@_r:id'];
          const chart = parseXml(await partText(zip, drawingRels.get(id)!.path))['c:chartSpace']['c:chart'];
          const plot = chart['c:plotArea'];
          const to = anchor['xdr:to'];
          const titleOf = (owner: any) => owner?.['c:title']?.['c:tx']['c:rich']['a:p']['a:r']['a:t'] ?? '';
          const scatter = plot['c:scatterChart'];
          const group = scatter ?? plot['c:barChart'];
          const type = scatter
            ? 'XYScatter'
            : `${group['c:barDir']['@_val'] === 'bar' ? 'Bar' : 'Column'}${group['c:grouping']['@_val'] === 'stacked' ? 'Stacked' : 'Clustered'}`;
          // A scatter chart's two value axes: x (along the bottom) stands where a category axis would.
          const [xAxis, yAxis] = scatter
            ? [
                asArray(plot['c:valAx']).find((axis: any) => axis['c:axPos']['@_val'] === 'b'),
                asArray(plot['c:valAx']).find((axis: any) => axis['c:axPos']['@_val'] === 'l'),
              ]
            : [plot['c:catAx'], plot['c:valAx']];
          // Lines over the columns (c:lineChart on the same axes) are series of the chart too, in their order.
          const lineSeries = asArray(plot['c:lineChart']?.['c:ser']).map((series: any) => ({ series, line: true }));
          const allSeries = [
            ...asArray(group['c:ser']).map((series: any) => ({ series, line: false })),
            ...lineSeries,
          ].sort((a, b) => Number(a.series['c:order']['@_val']) - Number(b.series['c:order']['@_val']));
          charts.push({
            type,
            title: titleOf(chart),
            series: allSeries.map(({ series, line }) => ({
              chartType: line ? 'Line' : type,
              name: series['c:tx']['c:v'],
              values: plainRef((scatter ? series['c:yVal'] : series['c:val'])['c:numRef']['c:f']),
              categories: plainRef(scatter ? series['c:xVal']['c:numRef']['c:f'] : series['c:cat']['c:strRef']['c:f']),
              fill: scatter ? '' : drawingFill(series['c:spPr']),
              outline: drawingOutline(series['c:spPr']?.['a:ln']),
              dashed: series['c:spPr']?.['a:ln']?.['a:prstDash']?.['@_val'] === 'dash',
              marker: drawingMarker(series['c:marker']),
              // A line has no gap or overlap.
              gapWidth: line ? 0 : Number(group['c:gapWidth']?.['@_val'] ?? 150),
              overlap: line ? 0 : Number(group['c:overlap']?.['@_val'] ?? 0),
            })),
            reverseCategories: xAxis['c:scaling']['c:orientation']['@_val'] === 'maxMin',
            valueAxisAtMaximum: yAxis['c:crosses']['@_val'] === 'max',
            categoryAxisTitle: titleOf(xAxis),
            valueAxisTitle: titleOf(yAxis),
            legend: chart['c:legend'] !== undefined,
            plotVisibleOnly: chart['c:plotVisOnly']?.['@_val'] !== '0',
            topLeftCell,
            // The anchor's `to` marker is the top-left corner of the first cell past the chart.
            bottomRightCell: address(Number(to['xdr:row']) - 1, Number(to['xdr:col']) - 1),
          });
        }
      }
    }
    const columnWidths: Record<string, number> = {};
    for (let col = 1; col <= worksheet.columnCount; col++) {
      const width = worksheet.getColumn(col).width;
      if (width !== undefined && width > 0) columnWidths[letters(col - 1)] = columnWidthPoints(width);
    }
    const view = (worksheet.views ?? [])[0] as { state?: string; ySplit?: number; xSplit?: number } | undefined;
    const rowHeights: Record<string, number> = {};
    worksheet.eachRow({ includeEmpty: true }, (row, number) => {
      if (row.height !== undefined && row.height > 0) rowHeights[String(number)] = row.height;
    });
    const collapsedColumns: string[] = [];
    for (let col = 1; col <= worksheet.columnCount; col++) {
      const column = worksheet.getColumn(col);
      if ((column.outlineLevel ?? 0) > 0 && column.hidden) collapsedColumns.push(letters(col - 1));
    }
    const formattings =
      (worksheet as unknown as { conditionalFormattings?: { ref: string; rules: any[] }[] }).conditionalFormattings ??
      [];
    sheets.push({
      name: worksheet.name,
      cells,
      tables,
      charts,
      images,
      frozenRows: view?.state === 'frozen' ? (view.ySplit ?? 0) : 0,
      frozenColumns: view?.state === 'frozen' ? (view.xSplit ?? 0) : 0,
      rowHeights,
      collapsedColumns,
      columnWidths,
      tabColor: hex(worksheet.properties.tabColor?.argb) ?? '',
      visibility: worksheet.state === 'veryHidden' ? 'VeryHidden' : worksheet.state === 'hidden' ? 'Hidden' : 'Visible',
      merges: [...((worksheet.model as unknown as { merges?: string[] }).merges ?? [])].sort(),
      conditionalFormats: formattings.flatMap((formatting) =>
        formatting.rules.map((rule) => ({
          address: formatting.ref,
          equals: String(rule.formulae[0]),
          fill: hex(rule.style.fill.bgColor.argb)!,
        })),
      ),
      print: xlsxPrint(worksheet.pageSetup),
    });
  }
  return sheets;
}

/** exceljs's page setup (read from `<pageSetup>`, `<pageSetUpPr fitToPage>` and `_xlnm.Print_Titles`) in comparable form. */
function xlsxPrint(setup: Partial<ExcelJS.PageSetup>): ComparableSheet['print'] {
  const rows = setup.printTitlesRow?.split(':');
  return {
    orientation: setup.orientation === 'landscape' ? 'Landscape' : 'Portrait',
    fitToPagesWide: setup.fitToPage ? (setup.fitToWidth ?? 1) : null,
    fitToPagesTall: setup.fitToPage ? (setup.fitToHeight ?? 1) : null,
    titleRows: rows ? `$${rows[0]}:$${rows[1] ?? rows[0]}` : '',
    area: (setup.printArea ?? '').replace(/\$/g, ''),
  };
}

/** A DrawingML fill (`a:noFill` or `a:solidFill`) as '#RRGGBB', 'none' or '' (none given: automatic). */
function drawingFill(shapeProperties: any): string {
  if (shapeProperties?.['a:noFill'] !== undefined) return 'none';
  const color = shapeProperties?.['a:solidFill']?.['a:srgbClr']?.['@_val'];
  return color ? `#${color}` : '';
}

/** A DrawingML line (`a:ln`, width in EMU) as '#RRGGBB 0.75pt', 'none' or '' (none given: automatic). */
function drawingOutline(line: any): string {
  if (line === undefined) return '';
  const fill = drawingFill(line);
  return fill === 'none' || fill === '' ? fill : `${fill} ${Number(line['@_w']) / 12_700}pt`;
}

/** A scatter series' marker (`c:marker`) as 'circle 6 #RRGGBB', 'none' (`c:symbol val="none"`) or '' (none given: automatic). */
function drawingMarker(marker: any): string {
  if (marker === undefined) return '';
  const symbol = marker['c:symbol']?.['@_val'];
  if (symbol === 'none') return 'none';
  return `${symbol} ${marker['c:size']?.['@_val']} ${drawingFill(marker['c:spPr'])}`;
}

/** An Excel series' marker in the form of {@link drawingMarker}. */
function excelMarker(marker: { style: string; size: number; background: string | null }): string {
  if (marker.style === 'Automatic') return '';
  if (marker.style === 'None') return 'none';
  return `${marker.style.toLowerCase()} ${marker.size} ${marker.background ?? ''}`;
}

/** An Excel series outline (ChartLineFormat) in the form of {@link drawingOutline}. */
function excelOutline(line: { lineStyle: string; color: string | null; weight: number }): string {
  if (line.lineStyle === 'None') return 'none';
  if (line.lineStyle === 'Automatic' || line.color === null) return '';
  return `${line.color} ${line.weight}pt`;
}

function xlsxCell(cell: ExcelJS.Cell): ComparableCell {
  const value = cell.value as unknown;
  let content: { kind: string; value?: string | number | boolean; formula?: string };
  if (value === null || value === undefined) content = { kind: 'blank' };
  else if (typeof value === 'string') content = value === '' ? { kind: 'blank' } : { kind: 'text', value };
  else if (typeof value === 'number' || typeof value === 'boolean') content = { kind: typeof value, value };
  else if (value instanceof Date) content = { kind: 'number', value: excelSerial(value) };
  else if (typeof value === 'object' && 'formula' in value)
    content = { kind: 'formula', formula: `=${(value as { formula: string }).formula}` };
  else if (typeof value === 'object' && 'error' in value)
    content = { kind: 'error', value: (value as { error: string }).error };
  else if (typeof value === 'object' && 'richText' in value)
    content = {
      kind: 'text',
      value: (value as { richText: { text: string }[] }).richText.map((run) => run.text).join(''),
    };
  else throw new Error(`Unexpected exceljs value at ${cell.address}: ${JSON.stringify(value)}`);
  const font = cell.font as Partial<ExcelJS.Font> | undefined;
  const fill = cell.fill as ExcelJS.FillPattern | undefined;
  const alignment = cell.alignment as Partial<ExcelJS.Alignment> | undefined;
  const horizontal = { left: 'Left', center: 'Center', right: 'Right' }[alignment?.horizontal as string];
  return {
    ...content,
    numberFormat: cell.numFmt ?? 'General',
    bold: font?.bold === true,
    italic: font?.italic === true,
    fontColor: hex(font?.color?.argb) ?? '#000000',
    fontSize: font?.size ?? 11,
    fill: fill?.type === 'pattern' && fill.fgColor?.argb ? hex(fill.fgColor.argb)! : null,
    horizontalAlignment: horizontal ?? 'General',
    verticalAlignment: alignment?.vertical === 'top' ? 'Top' : 'Bottom',
    wrapText: alignment?.wrapText === true,
  };
}

export function sheetFromSnapshot(sheet: SheetSnapshot): ComparableSheet {
  const cells: Record<string, ComparableCell> = {};
  for (const [at, cell] of Object.entries(sheet.cells)) {
    const format = cell.format ?? {};
    const comparable: ComparableCell = {
      kind: cell.kind,
      ...(cell.formula !== undefined ? { formula: cell.formula } : {}),
      ...(cell.value !== undefined ? { value: cell.value } : {}),
      numberFormat: cell.numberFormat,
      bold: format.bold ?? false,
      italic: format.italic ?? false,
      fontColor: format.fontColor ?? '#000000',
      fontSize: format.fontSize ?? 11,
      fill: format.fill ?? null,
      horizontalAlignment: format.horizontalAlignment ?? 'General',
      verticalAlignment: format.verticalAlignment ?? 'Bottom',
      wrapText: format.wrapText ?? false,
    };
    if (!isPlainBlank(comparable)) cells[at] = comparable;
  }
  return {
    name: sheet.name,
    cells,
    tables: sheet.tables.map((table) => ({
      name: table.name,
      address: table.address,
      headers: [...table.headers],
      style: table.style,
    })),
    charts: sheet.charts.map((chart) => ({
      type: chart.type,
      title: chart.title,
      series: chart.series.map((series) => ({
        chartType: series.chartType.startsWith('XYScatter') ? chart.type : series.chartType,
        name: series.name,
        values: plainRef(series.values),
        categories: plainRef(series.categories),
        fill: series.fill ?? '',
        outline: excelOutline(series.line),
        dashed: series.line.lineStyle === 'Dash',
        marker: excelMarker(series.marker),
        gapWidth: series.chartType === 'Line' ? 0 : series.gapWidth,
        overlap: series.chartType === 'Line' ? 0 : series.overlap,
      })),
      reverseCategories: chart.categoryAxis.reversePlotOrder,
      valueAxisAtMaximum: chart.categoryAxis.position === 'Maximum',
      categoryAxisTitle: chart.categoryAxis.titleVisible ? chart.categoryAxis.title : '',
      valueAxisTitle: chart.valueAxis.titleVisible ? chart.valueAxis.title : '',
      legend: chart.legend.visible,
      plotVisibleOnly: chart.plotVisibleOnly,
      topLeftCell: chart.topLeftCell ?? '',
      bottomRightCell: chart.bottomRightCell ?? '',
    })),
    images: sheet.images.map((image) => ({
      topLeftCell: image.topLeftCell,
      width: image.width,
      height: image.height,
      description: image.altTextDescription,
    })),
    frozenRows: sheet.frozenRows,
    frozenColumns: sheet.frozenColumns,
    rowHeights: { ...sheet.rowHeights },
    collapsedColumns: sheet.collapsedColumns,
    columnWidths: { ...sheet.columnWidths },
    tabColor: sheet.tabColor,
    visibility: sheet.visibility,
    merges: sheet.merges,
    conditionalFormats: sheet.conditionalFormats.map((format) => ({
      address: format.address,
      equals: (format.formula1 ?? '').replace(/^=/, ''),
      fill: format.fill ?? '',
    })),
    print: {
      orientation: sheet.pageLayout.orientation,
      fitToPagesWide:
        sheet.pageLayout.zoom.scale === undefined ? (sheet.pageLayout.zoom.horizontalFitToPages ?? 1) : null,
      fitToPagesTall:
        sheet.pageLayout.zoom.scale === undefined ? (sheet.pageLayout.zoom.verticalFitToPages ?? 1) : null,
      titleRows: sheet.pageLayout.printTitleRows ?? '',
      area: sheet.pageLayout.printArea ?? '',
    },
  };
}
