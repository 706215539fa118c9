/**
 * The Excel API requirement set the Office.js adapter needs, and a check of the host against it.
 *
 * ExcelApi 1.10 is the newest set the adapter calls (Office.js reference, "[Api set: ExcelApi …]"
 * on each member): Range.left/top (1.10) to place the ward map on its anchor cell, Range.group and
 * hideGroupDetails (1.10) to fold the Wards sheet's detail columns away;
 * ShapeCollection.addImage and Shape.altTextDescription (1.9); Worksheet.pageLayout (orientation,
 * zoom, setPrintTitleRows: 1.9) to print each sheet fit to the page width; WorksheetCollection.onChanged (1.9),
 * onAdded and onDeleted (1.7) to know when the analyst edits the workbook (the events'
 * triggerSource, 1.14, is used where the host has it); ChartAxis.position (1.8) to keep the value
 * axis at the bottom of a top-down bar chart; Worksheet.tabColor, freezePanes (freezeAt and freezeColumns, for the name columns), getRangeByIndexes,
 * ChartSeries.setValues/setXAxisValues and ChartAxis.reversePlotOrder (1.7); conditional formats
 * (1.6); getUsedRangeOrNullObject and getItemOrNullObject (1.4).
 */
export const REQUIRED_EXCEL_API = { name: 'ExcelApi', version: '1.10' } as const;

const KNOWN_MINOR_VERSIONS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10] as const;

export type RequirementCheck = { readonly ok: true } | { readonly ok: false; readonly message: string };

/**
 * Whether the host supports {@link REQUIRED_EXCEL_API}; when it does not, a message for the analyst
 * naming what the host supports and what to do. `isSetSupported` is
 * `Office.context.requirements.isSetSupported` in the task pane.
 * @example checkRequirements((name, version) => name === 'ExcelApi' && Number(version.split('.')[1]) <= 8)
 * // => { ok: false, message: 'This add-in needs Excel with the ExcelApi 1.10 requirement set … supports ExcelApi 1.8 …' }
 */
export function checkRequirements(isSetSupported: (name: string, version: string) => boolean): RequirementCheck {
  if (isSetSupported(REQUIRED_EXCEL_API.name, REQUIRED_EXCEL_API.version)) return { ok: true };
  const supported = KNOWN_MINOR_VERSIONS.filter((minor) => isSetSupported(REQUIRED_EXCEL_API.name, `1.${minor}`));
  const newest = supported.length > 0 ? `ExcelApi 1.${supported[supported.length - 1]}` : 'no ExcelApi requirement set';
  return {
    ok: false,
    message:
      `This add-in needs Excel with the ${REQUIRED_EXCEL_API.name} ${REQUIRED_EXCEL_API.version} requirement set ` +
      `(Microsoft 365, Excel 2021 or later, or Excel on the web) to write its charts, map and tables; this Excel supports ${newest}. ` +
      'Update Office or open the workbook in Excel on the web; the command line (catchment analyse) gives the same result sheets in a new workbook.',
  };
}
