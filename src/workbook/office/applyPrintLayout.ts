import type { PrintModel } from '../../report/sheetModel';
import { columnLetter } from '../formulaRefs';
import { actionBytes, type PayloadBudget } from './payloadBudget';

/**
 * The sheet's `pageLayout` (ExcelApi 1.9) as the .xlsx adapter's page setup: orientation; fit to
 * one page wide with the height left free (`verticalFitToPages: 0`, the file format's
 * `fitToHeight="0"`: as many pages tall as the rows need); the repeated row as print titles.
 *
 * Best effort, in a request of its own after everything else on the sheet: Office.js documents no
 * value for "height free", and some builds refuse or ignore fit-to-pages (OfficeDev/office-js#1860),
 * so a host that rejects the layout still gets every sheet, with the default page setup.
 * Resolves true when the layout was applied, false when the host refused it.
 */
export async function applyPrintLayout(worksheet: Excel.Worksheet, print: PrintModel, budget: PayloadBudget): Promise<boolean> {
  // What is queued already (cells, formats) must not be lost if the layout is refused.
  await budget.flush();
  try {
    const orientation = print.orientation === 'landscape' ? 'Landscape' : 'Portrait';
    const zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
    const titleRows = print.repeatRow !== undefined ? `$${print.repeatRow + 1}:$${print.repeatRow + 1}` : undefined;
    const area = print.area ? `A1:${columnLetter(print.area.lastCol)}${print.area.lastRow + 1}` : undefined;
    await budget.reserve(actionBytes([orientation, ...(print.fitToWidth ? [zoom] : []), ...(titleRows ? [titleRows] : []), ...(area ? [area] : [])]), 'Page layout');
    const layout = worksheet.pageLayout;
    layout.orientation = orientation;
    if (print.fitToWidth) layout.zoom = zoom;
    if (titleRows) layout.setPrintTitleRows(titleRows);
    if (area) layout.setPrintArea(area);
    await budget.flush();
    return true;
  } catch {
    return false;
  }
}
