/**
 * An .xlsx column width (the `width` of `<col>`, which exceljs writes as given: characters of the
 * default font's widest digit, padding included) in points, as `RangeFormat.columnWidth` takes it.
 *
 * ECMA-376 Part 1, 18.3.1.13 `col`: pixels = Truncate(((256 × width + Truncate(128 / mdw)) / 256)
 * × mdw), with mdw = 7 px, the maximum digit width of Calibri 11 (the workbook default font); a
 * point is 3/4 of a pixel at 96 dpi.
 * @example columnWidthPoints(9.140625) // => 48 (Excel's default column: 8.43 characters, 64 pixels)
 * @example columnWidthPoints(28) // => 147 (196 pixels)
 */
export function columnWidthPoints(width: number): number {
  const maximumDigitWidth = 7;
  const pixels = Math.trunc(((256 * width + Math.trunc(128 / maximumDigitWidth)) / 256) * maximumDigitWidth);
  return pixels * 0.75;
}
