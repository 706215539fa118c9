import type { PrintModel } from './sheetModel';

/**
 * Paper arithmetic for the printed workbook: every sheet prints on A4 with the same narrow margins,
 * so a sheet builder can work out how many columns fit a page, at what scale, and how tall a
 * wrapped header must be. Widths are Excel column widths (characters of Calibri 11's widest digit,
 * padding included); heights are points.
 */

/** A4 in points (210 × 297 mm). */
export const A4_POINTS = { width: 595.3, height: 841.9 } as const;

/** Margins in inches: narrow at the sides (ONS tables print edge to edge), room for the footer's page number. */
export const PAGE_MARGINS = { left: 0.4, right: 0.4, top: 0.5, bottom: 0.6, header: 0.25, footer: 0.3 } as const;

/** The footer on every printed page: the sheet's name on the left, "Page 2 of 5" on the right. */
export const PAGE_FOOTER = '&L&A&RPage &P of &N';

/** Below this scale a printed table is too small to read; a wider table prints in blocks of columns instead. */
export const MINIMUM_PRINT_SCALE = 0.7;

/** A default row: 15 points (Calibri 11). */
export const ROW_POINTS = 15;

/**
 * An .xlsx column width in points. ECMA-376 Part 1, 18.3.1.13 `col`: pixels = Truncate(((256 ×
 * width + Truncate(128 / mdw)) / 256) × mdw), with mdw = 7 px, the maximum digit width of Calibri
 * 11; a point is 3/4 of a pixel at 96 dpi.
 * @example columnWidthPoints(9.140625) // => 48 (Excel's default column: 8.43 characters, 64 pixels)
 * @example columnWidthPoints(28) // => 147 (196 pixels)
 */
export function columnWidthPoints(width: number): number {
  const maximumDigitWidth = 7;
  const pixels = Math.trunc(((256 * width + Math.trunc(128 / maximumDigitWidth)) / 256) * maximumDigitWidth);
  return pixels * 0.75;
}

/** The paper's width and height inside the margins, in points. */
export function printablePoints(orientation: PrintModel['orientation']): { width: number; height: number } {
  const [width, height] =
    orientation === 'portrait' ? [A4_POINTS.width, A4_POINTS.height] : [A4_POINTS.height, A4_POINTS.width];
  return {
    width: width - (PAGE_MARGINS.left + PAGE_MARGINS.right) * 72,
    height: height - (PAGE_MARGINS.top + PAGE_MARGINS.bottom) * 72,
  };
}

/** The scale at which columns of these widths just fit one page wide (at most 1: never enlarged). */
export function fitScale(widths: readonly number[], orientation: PrintModel['orientation']): number {
  const total = widths.reduce((sum, width) => sum + columnWidthPoints(width), 0);
  return Math.min(1, printablePoints(orientation).width / total);
}

/** Default-height rows one printed page holds at `scale`, after `reservedPoints` (a header row). */
export function rowsPerPage(orientation: PrintModel['orientation'], scale: number, reservedPoints = 0): number {
  return Math.floor((printablePoints(orientation).height / scale - reservedPoints) / ROW_POINTS);
}

/**
 * Characters of text a column of this width holds on one line. Calibri's letters average about
 * 5.5 px against its 7-px digits; 6 px is allowed, a margin for wide words. Bold text is counted
 * at a digit's width a character, the worst case, so a bold header never runs out of its column.
 */
export function charactersPerLine(width: number, bold = true): number {
  return Math.max(1, Math.floor((columnWidthPoints(width) / 0.75 - 5) / (bold ? 7 : 6)));
}

/**
 * Lines a text takes when wrapped at spaces in a column of `width`; a word longer than a line is
 * broken across lines, as Excel does.
 * @example wrappedLineCount('Rank 95% lower', 9) // => 2 ('Rank 95%' / 'lower': 8 bold characters a line)
 */
export function wrappedLineCount(text: string, width: number, bold = true): number {
  const capacity = charactersPerLine(width, bold);
  let lines = 1;
  let used = 0;
  for (const word of text.split(/\s+/).filter((w) => w !== '')) {
    const needed = used === 0 ? word.length : used + 1 + word.length;
    if (needed <= capacity) used = needed;
    else if (used === 0) {
      lines += Math.ceil(word.length / capacity) - 1;
      used = word.length % capacity || capacity;
    } else {
      lines += 1 + Math.ceil(word.length / capacity) - 1;
      used = word.length % capacity || capacity;
    }
  }
  return lines;
}

/** Longest word of a header, in characters: a column narrower than it would break the word. */
const longestWord = (header: string): number => Math.max(...header.split(/\s+/).map((word) => word.length));

/**
 * A width for each table column at least its minimum, widened until its header wraps into at most
 * `maxLines` lines without breaking a word: short numbers get narrow columns under a wrapped header.
 */
export function headerFitWidths(headers: readonly string[], minimumWidths: readonly number[], maxLines = 3): number[] {
  return headers.map((header, index) => {
    let width = Math.max(minimumWidths[index] ?? 8, 4);
    while (width < 60 && (charactersPerLine(width) < longestWord(header) || wrappedLineCount(header, width) > maxLines))
      width += 0.5;
    return width;
  });
}

/** The height in points of a header row whose headers wrap in these widths. */
export function headerRowPoints(headers: readonly string[], widths: readonly number[]): number {
  const lines = Math.max(1, ...headers.map((header, index) => wrappedLineCount(header, widths[index] ?? 8)));
  return lines * ROW_POINTS;
}

/**
 * How a table prints across: on one page wide when it stays readable (scale ≥ 70%); otherwise in
 * blocks of columns, each as wide as a page at full scale (100%) allows after the repeated name
 * columns. Hidden columns (width 0) take no room. Returns the print settings to merge into a
 * sheet's PrintModel.
 */
export function acrossPages(
  widths: readonly number[],
  orientation: PrintModel['orientation'],
  repeatColumns: { first: number; last: number },
): Pick<PrintModel, 'fitToWidth' | 'blockStarts' | 'repeatColumns'> {
  if (fitScale(widths, orientation) >= MINIMUM_PRINT_SCALE) return { fitToWidth: true, repeatColumns };
  const available = printablePoints(orientation).width;
  const repeated = widths
    .slice(repeatColumns.first, repeatColumns.last + 1)
    .reduce((sum, width) => sum + columnWidthPoints(width), 0);
  const blockStarts: number[] = [];
  let used = available;
  for (let col = repeatColumns.last + 1; col < widths.length; col++) {
    const width = columnWidthPoints(widths[col]);
    if (used + width > available) {
      if (col > repeatColumns.last + 1) blockStarts.push(col);
      used = repeated;
    }
    used += width;
  }
  return { fitToWidth: false, blockStarts, repeatColumns };
}
