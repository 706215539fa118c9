/**
 * Rounds a count to the nearest multiple of `base`, halves upwards (GSS, "Symbols, suppression and
 * rounding": "rounded to the nearest 5"). Totals are rounded from their unrounded values, so a
 * rounded table need not add up; that uncertainty is part of the protection.
 * @example roundToBase(7, 5) // => 5
 * @example roundToBase(8, 5) // => 10
 * @example roundToBase(15, 10) // => 20
 */
export function roundToBase(count: number, base: number): number {
  return base * Math.floor(count / base + 0.5);
}

/**
 * Every whole number an outsider must allow for behind a published rounded value r: those that
 * round to r, r − ⌊b/2⌋ … r + ⌈b/2⌉ − 1 (halves round up), and never below zero.
 * @example roundingRange(5, 5) // => { lower: 3, upper: 7 }
 * @example roundingRange(0, 5) // => { lower: 0, upper: 2 }
 * @example roundingRange(20, 10) // => { lower: 15, upper: 24 }
 */
export function roundingRange(rounded: number, base: number): { readonly lower: number; readonly upper: number } {
  return { lower: Math.max(0, rounded - Math.floor(base / 2)), upper: rounded + Math.ceil(base / 2) - 1 };
}
