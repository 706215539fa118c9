/**
 * The cell model both workbook adapters share (the .xlsx writer and the Office.js adapter): how a
 * cell's text is cut to Excel's limit, colours, table headers Excel accepts, default number formats.
 */
export { MAX_CELL_TEXT_LENGTH, TRUNCATION_MARK, truncateCellText } from './cellText';
export * from './color';
export { uniqueTableHeaders } from './tableHeaders';
export { DEFAULT_DATE_FORMAT } from './numberFormats';
