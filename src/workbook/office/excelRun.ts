/**
 * How the adapter reaches a workbook: `Excel.run` inside Excel, or an in-memory stand-in in tests
 * and the browser harness. Only the type of Office.js is referenced here, never the global `Excel`,
 * so this module loads where Office.js does not.
 */
export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;
