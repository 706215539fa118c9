/**
 * The text Excel's `FIXED(number, decimals, TRUE)` gives, so a label formula can be written with
 * the result Excel will show: the number rounded to `decimals` places, half away from zero, with
 * no thousands separators. Excel rounds the decimal number it displays (15 significant digits),
 * not the binary one, so 1.005 rounds up to 1.01 although its double is 1.00499999999999989…;
 * rounding twice at 15 significant digits (the value, then the value scaled) does the same here.
 * The decimal separator is a full stop, as in the English locales the report is written for.
 * @example excelFixed(6.25, 1) // => '6.3'
 * @example excelFixed(1.005, 2) // => '1.01'
 * @example excelFixed(1234.56, 1) // => '1234.6'
 * @example excelFixed(-2.5, 0) // => '-3'
 */
export function excelFixed(value: number, decimals: number): string {
  if (!Number.isFinite(value)) throw new RangeError(`excelFixed needs a finite number, not ${value}.`);
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > 15)
    throw new RangeError(`excelFixed takes 0 to 15 decimals, not ${decimals}.`);
  const magnitude = Math.abs(Number(value.toPrecision(15)));
  const scaled = Math.round(Number((magnitude * 10 ** decimals).toPrecision(15)));
  const text = (scaled / 10 ** decimals).toFixed(decimals);
  return value < 0 && scaled !== 0 ? `-${text}` : text;
}
