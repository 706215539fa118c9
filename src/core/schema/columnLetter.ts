/**
 * Excel's column letters for a 0-based column index (bijective base 26).
 * @example columnLetter(0) // => 'A'; columnLetter(25) // => 'Z'; columnLetter(26) // => 'AA' (26 = 1×26 + 0)
 */
export function columnLetter(index: number): string {
  if (!Number.isInteger(index) || index < 0)
    throw new RangeError(`A column index is a whole number from 0; got ${index}.`);
  let letters = '';
  let rest = index + 1;
  while (rest > 0) {
    const digit = (rest - 1) % 26;
    letters = String.fromCharCode(65 + digit) + letters;
    rest = Math.floor((rest - 1) / 26);
  }
  return letters;
}

/** The 0-based index of Excel column letters ('A' -> 0, 'AA' -> 26), or undefined when the text is not letters. */
export function columnIndex(letters: string): number | undefined {
  const text = letters.trim().toUpperCase();
  if (!/^[A-Z]{1,3}$/.test(text)) return undefined;
  let index = 0;
  for (const letter of text) index = index * 26 + (letter.charCodeAt(0) - 64);
  return index - 1;
}
