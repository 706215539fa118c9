import type { PrintModel } from '../../report/sheetModel';
import { columnLetter } from '../formulaRefs';
import { PAGE_MARGINS } from '../../report/printLayout';
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
export async function applyPrintLayout(
  worksheet: Excel.Worksheet,
  print: PrintModel,
  budget: PayloadBudget,
): Promise<boolean> {
  // What is queued already (cells, formats) must not be lost if the layout is refused.
  await budget.flush();
  try {
    const orientation = print.orientation === 'landscape' ? 'Landscape' : 'Portrait';
    const zoom = { horizontalFitToPages: 1, verticalFitToPages: print.fitToHeight ?? 0 };
    const titleRows = print.repeatRow !== undefined ? `$${print.repeatRow + 1}:$${print.repeatRow + 1}` : undefined;
    const area = print.area ? `A1:${columnLetter(print.area.lastCol)}${print.area.lastRow + 1}` : undefined;
    await budget.reserve(
      actionBytes([
        orientation,
        ...(print.fitToWidth ? [zoom] : []),
        ...(titleRows ? [titleRows] : []),
        ...(area ? [area] : []),
      ]),
      'Page layout',
    );
    const layout = worksheet.pageLayout;
    layout.orientation = orientation;
    if (print.fitToWidth) layout.zoom = zoom;
    if (titleRows) layout.setPrintTitleRows(titleRows);
    if (area) layout.setPrintArea(area);
    await budget.flush();
  } catch {
    return false;
  }
  await applyPrintExtras(worksheet, print, budget);
  return true;
}

/**
 * What the .xlsx adapter adds for paper beyond the core layout, each in Office.js since ExcelApi
 * 1.9: A4 with narrow margins, the name columns repeated on every page, a page break before each
 * printed block of columns and before each chart that would be cut. Best effort in a request of
 * its own, so a host that refuses any of it keeps the core layout.
 */
async function applyPrintExtras(worksheet: Excel.Worksheet, print: PrintModel, budget: PayloadBudget): Promise<void> {
  try {
    const layout = worksheet.pageLayout;
    await budget.reserve(
      actionBytes([PAGE_MARGINS, print.repeatColumns ?? null, print.blockStarts ?? [], print.pageStarts ?? []]),
      'Page layout extras',
    );
    layout.paperSize = 'A4';
    layout.leftMargin = PAGE_MARGINS.left * 72;
    layout.rightMargin = PAGE_MARGINS.right * 72;
    layout.topMargin = PAGE_MARGINS.top * 72;
    layout.bottomMargin = PAGE_MARGINS.bottom * 72;
    layout.headerMargin = PAGE_MARGINS.header * 72;
    layout.footerMargin = PAGE_MARGINS.footer * 72;
    if (print.repeatColumns)
      layout.setPrintTitleColumns(
        `$${columnLetter(print.repeatColumns.first)}:$${columnLetter(print.repeatColumns.last)}`,
      );
    for (const col of print.blockStarts ?? []) worksheet.verticalPageBreaks.add(`${columnLetter(col)}1`);
    for (const row of print.pageStarts ?? []) worksheet.horizontalPageBreaks.add(`A${row + 1}`);
    await budget.flush();
  } catch {
    // The host keeps its defaults for what it refused.
  }
}
