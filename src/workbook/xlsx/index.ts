/** The .xlsx file adapter: read an analyst's workbook, write input workbooks and report workbooks. */

// Reading
export { readWorkbookFile, readWorkbookBuffer, readWorkbookBufferWithExcelJS, plainCellValue } from './readWorkbook';
export { readXlsx } from './streamWorkbook';
export { XlsxReadError } from './zipArchive';
export { identifyFormat, formatAdvice, type SpreadsheetFormat } from './identifyFormat';

// Writing plain data (demo inputs)
export { writeWorkbookDataFile, writeWorkbookDataBuffer, type WriteWorkbookDataOptions } from './writeWorkbookData';

// Writing reports
export { writeReportFile, writeReportBuffer, type WriteReportOptions, type WriteReportResult } from './writeReport';
export { excelValue, applyCellStyle } from './excelCell';
export { buildSheetCellIndex, displayedValue, type SheetCellLookup } from './sheetCellIndex';

// Charts (exceljs cannot write them: built as DrawingML and added to the package)
export { buildChartXml, type ChartXmlInput, type ChartXmlSeries, type ChartDataRange } from './chartXml';
export { resolveChart, type ChartSheets } from './resolveChart';
export { injectCharts, type SheetDrawingAdditions } from './injectCharts';
export { chartAnchorXml, emptyDrawingXml, withAnchors, largestShapeId, withPictureDescriptions } from './drawingXml';
export {
  parseRelationships,
  relationshipsXml,
  nextRelationshipId,
  relationshipsPathFor,
  resolveTarget,
  relativeTarget,
  withContentTypeOverride,
  parseWorkbookSheets,
  worksheetDrawingId,
  withWorksheetDrawing,
  parseAttributes,
  RELATIONSHIP_TYPES,
  CONTENT_TYPES,
  type Relationship,
} from './opcParts';
export { escapeXml, unescapeXml } from './xmlText';
export { DEMO_MARKER_NAME, readDemoMarker, withDemoMarker } from './demoMarker';

// Naming and addressing (pure, shared with the Office.js adapter)
export {
  planSheetNames,
  sanitizeSheetName,
  sheetNameForRun,
  sheetNameKey,
  quoteSheetName,
  tableNameForRun,
  MAX_SHEET_NAME_LENGTH,
  type SheetNamePlan,
} from '../sheetNames';
export {
  columnLetter,
  cellAddress,
  rangeAddress,
  resolveFormulaSheetRefs,
  MAX_COLUMN_INDEX,
  MAX_ROW_INDEX,
} from '../formulaRefs';
export {
  DEFAULT_SERIES_COLORS,
  CHART_GAP_WIDTH,
  STACKED_OVERLAP,
  OUTLINE_WIDTH_POINTS,
  chartShape,
  legendShown,
  seriesFill,
  type SeriesFill,
} from '../chartStyle';
