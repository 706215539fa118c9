/** Number format given to a date cell whose style sets none, by both workbook adapters. */
export const DEFAULT_DATE_FORMAT = 'yyyy-mm-dd';
