/**
 * A colour of the sheet model as 'RRGGBB' upper-case hex (a leading '#' is dropped). Throws on
 * anything else: colours come from the report builder, so a bad one is a broken invariant.
 * @example normaliseColor('#c00000') // => 'C00000'
 */
export function normaliseColor(color: string): string {
  const hex = color.replace(/^#/, '');
  if (!/^[0-9A-Fa-f]{6}$/.test(hex)) throw new Error(`Colour '${color}' is not 'RRGGBB' hex (e.g. 'C00000').`);
  return hex.toUpperCase();
}

/**
 * The ARGB form exceljs and SpreadsheetML use: opaque alpha 'FF' then 'RRGGBB'.
 * @example argbColor('C00000') // => 'FFC00000'
 */
export function argbColor(color: string): string {
  return `FF${normaliseColor(color)}`;
}
