/**
 * An in-memory Excel for tests and the browser harness: the subset of the Excel JavaScript API
 * the Office.js adapter uses, behaving like Excel where it matters (load before read, queued
 * actions sent at sync, Excel's sheet and table name rules, typed-input conversion, request and
 * response size limits, worksheet events). Browser-bundleable: no Node modules.
 */
export { createInMemoryExcel, type InMemoryExcel, type InMemoryExcelOptions } from './createInMemoryExcel';
export type { InMemoryExcelStats } from './requestContext';
export type {
  WorkbookSnapshot,
  SheetSnapshot,
  CellSnapshot,
  TableSnapshot,
  ChartSnapshot,
  AxisSnapshot,
  ImageSnapshot,
  ConditionalFormatSnapshot,
  PageLayoutSnapshot,
} from './snapshot';
export { InMemoryExcelError } from './excelError';
export type {
  TriggerSource,
  WorksheetEventArgs,
  WorksheetChangedArgs,
  WorksheetAddedArgs,
  WorksheetDeletedArgs,
} from './workbookEvents';
export { typedValue, serialOfDate, type CellContent, type TypedValue } from './typedInput';
