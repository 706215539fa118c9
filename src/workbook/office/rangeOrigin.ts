/**
 * The top-left cell of a range address as Office.js reports it (`Range.address`), e.g.
 * `Sheet1!B3:F20` or `'Crimes 2020'!A1:L9000`. The sheet part is dropped at the last `!` (a
 * sheet name may hold `!`, a cell address never does).
 * @example rangeOrigin("'Crimes 2020'!B3:F20") // => { row: 3, col: 1 } (worksheet row 3, column B = index 1)
 * @example rangeOrigin('Sheet1!C7') // => { row: 7, col: 2 }
 */
export function rangeOrigin(address: string): { readonly row: number; readonly col: number } {
  const cells = address.slice(address.lastIndexOf('!') + 1);
  const match = /^\$?([A-Za-z]{1,3})\$?(\d+)(?::|$)/.exec(cells);
  if (!match) throw new Error(`Range address '${address}' does not start with a cell reference such as 'A1'.`);
  let col = 0;
  for (const letter of match[1].toUpperCase()) col = col * 26 + (letter.charCodeAt(0) - 64);
  return { row: Number(match[2]), col: col - 1 };
}
