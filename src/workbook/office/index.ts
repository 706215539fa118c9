/**
 * The Office.js adapter: the Workbook port inside Excel. Only this folder touches Office.js, and
 * only through the `run` function it is given (types only at load, so it also runs against the
 * in-memory Excel of the tests).
 */

// The port
export {
  createOfficeWorkbookPort,
  type OfficeWorkbookPort,
  type OfficeWorkbookPortOptions,
} from './createOfficeWorkbookPort';
export type { ExcelRun } from './excelRun';
export { checkRequirements, REQUIRED_EXCEL_API, type RequirementCheck } from './checkRequirements';

// Watching the analyst's changes
export { watchChanges, type SheetChange, type ChangeWatch } from './watchChanges';

// Reading
export { readSheet, DEFAULT_READ_CHUNK_CELLS } from './readSheet';
export { rangeOrigin } from './rangeOrigin';

// Writing: cells, formats, tables, charts, pictures
export { writeSheetCells, type SheetWriteContext } from './writeSheetCells';
export { applyPrintLayout } from './applyPrintLayout';
export { officeCellInput, type OfficeCellInput } from './officeCellInput';
export { placedCells, tableHeaders, tableBody, type PlacedCell } from './placedCells';
export { styleRectangles, formatStyle, type StyleRectangle, type FormatStyle } from './styleRectangles';
export { queueChart } from './queueChart';
export { placeImage } from './placeImage';
export { planTableNames } from './planTableNames';
export { columnWidthPoints } from './columnWidthPoints';
export { bytesToBase64 } from './base64';

// Request size
export {
  PayloadBudget,
  actionBytes,
  utf8JsonLength,
  DEFAULT_PAYLOAD_BUDGET_BYTES,
  ACTION_OVERHEAD_BYTES,
} from './payloadBudget';
