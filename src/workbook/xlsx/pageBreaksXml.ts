/**
 * Manual page breaks in a worksheet part (ECMA-376 Part 1, 18.3.1.73 `rowBreaks`, 18.3.1.14
 * `colBreaks`), which exceljs cannot write for columns. A break's `id` is the 0-based index of the
 * first row or column of the new page (the 1-based number of the last one before it).
 */

/** CT_Worksheet children that follow the breaks: the breaks go before the first of these present. */
const AFTER_BREAKS = [
  '<customProperties',
  '<cellWatches',
  '<ignoredErrors',
  '<smartTags',
  '<drawing',
  '<legacyDrawing',
  '<legacyDrawingHF',
  '<picture',
  '<oleObjects',
  '<controls',
  '<webPublishItems',
  '<tableParts',
  '<extLst',
  '</worksheet>',
];

function breaksXml(element: 'rowBreaks' | 'colBreaks', starts: readonly number[], max: number): string {
  const ids = [...new Set(starts)].filter((start) => start > 0).sort((a, b) => a - b);
  if (ids.length === 0) return '';
  const breaks = ids.map((id) => `<brk id="${id}" max="${max}" man="1"/>`).join('');
  return `<${element} count="${ids.length}" manualBreakCount="${ids.length}">${breaks}</${element}>`;
}

/**
 * The sheet with a page break before each of `rowStarts` and `columnStarts` (0-based), replacing
 * any breaks it had. Unchanged when there are none.
 * @example withPageBreaks('<worksheet><tableParts/></worksheet>', { rowStarts: [], columnStarts: [14] })
 * // => '<worksheet><colBreaks count="1" manualBreakCount="1"><brk id="14" max="1048575" man="1"/></colBreaks><tableParts/></worksheet>'
 */
export function withPageBreaks(
  sheetXml: string,
  breaks: { readonly rowStarts: readonly number[]; readonly columnStarts: readonly number[] },
): string {
  const added = breaksXml('rowBreaks', breaks.rowStarts, 16383) + breaksXml('colBreaks', breaks.columnStarts, 1048575);
  if (added === '') return sheetXml;
  const cleared = sheetXml.replace(/<rowBreaks\b[\s\S]*?<\/rowBreaks>|<colBreaks\b[\s\S]*?<\/colBreaks>/g, '');
  const at = Math.min(...AFTER_BREAKS.map((tag) => cleared.indexOf(tag)).filter((index) => index >= 0));
  if (!Number.isFinite(at)) throw new Error('Worksheet part has no </worksheet>: not a SpreadsheetML worksheet.');
  return cleared.slice(0, at) + added + cleared.slice(at);
}

/**
 * A drawing without `editAs` on its one-cell anchors: the schema allows the attribute only on
 * `xdr:twoCellAnchor` (CT_OneCellAnchor has none), exceljs writes it on both, and Excel "repairs"
 * such a file by dropping the drawing (exceljs issue #1083; excelize fixed it the same way).
 */
export function withoutOneCellEditAs(drawingXml: string): string {
  return drawingXml.replace(/<xdr:oneCellAnchor\s+editAs="[^"]*"\s*>/g, '<xdr:oneCellAnchor>');
}
