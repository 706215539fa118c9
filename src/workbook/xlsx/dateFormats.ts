/**
 * Which number formats show a date or time. Excel stores a date as a serial day number; only the
 * cell's number format (styles.xml: cellXfs -> numFmtId -> numFmts or a built-in format) says
 * that 45017 is 1 April 2023.
 */

/**
 * Built-in number format ids that are dates or times: 14–22 in every locale, 45–47 (mm:ss,
 * [h]:mm:ss, mmss.0), and the East Asian built-ins 27–36 and 50–58, which are dates in the
 * locales that define them.
 */
const BUILT_IN_DATE_FORMAT_IDS: ReadonlySet<number> = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56,
  57, 58,
]);

/** True for a built-in number format id that shows a date or time. */
export function isBuiltInDateFormat(numFmtId: number): boolean {
  return BUILT_IN_DATE_FORMAT_IDS.has(numFmtId);
}

/**
 * True when a number format code shows a date or time: after dropping quoted text ("days"),
 * backslash-escaped and padding characters (\d, _), *-), and bracketed colours, conditions and
 * locales ([Red], [>=100], [$-409]), it still holds a d, m, y, h or s token, or an elapsed-time
 * bracket ([h], [mm], [ss]).
 * @example isDateFormatCode('dd/mm/yyyy') // => true
 * @example isDateFormatCode('[h]:mm:ss') // => true
 * @example isDateFormatCode('#,##0.00" days"') // => false
 * @example isDateFormatCode('General') // => false
 */
export function isDateFormatCode(code: string): boolean {
  if (/\[(h+|m+|s+)\]/i.test(code)) return true;
  const stripped = code
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/[_*]./g, '')
    .replace(/\[[^\]]*\]/g, '');
  // 'General' holds none of these letters; 'E+' (scientific) and 'AM/PM' need no special case
  // (AM/PM only ever comes with an h).
  return /[dmyhs]/i.test(stripped);
}
