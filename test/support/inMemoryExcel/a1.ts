/**
 * A1 addresses, written independently of the product's own helpers so the in-memory Excel checks
 * the adapter rather than repeating it. Bounds are 0-based and inclusive.
 */

export const LAST_ROW = 1_048_575;
export const LAST_COLUMN = 16_383;

export interface Bounds {
  readonly firstRow: number;
  readonly firstCol: number;
  readonly lastRow: number;
  readonly lastCol: number;
}

/** Column letters of a 0-based index: 0 -> A, 25 -> Z, 26 -> AA. */
export function columnName(index: number): string {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

function columnIndex(letters: string): number {
  let index = 0;
  for (const letter of letters.toUpperCase()) index = index * 26 + (letter.charCodeAt(0) - 64);
  return index - 1;
}

/**
 * Parses `A1`, `$B$2:C9`, whole columns `A:C` and whole rows `3:5` (no sheet part); undefined
 * when the text is none of these or lies outside the grid.
 */
export function parseAddress(address: string): Bounds | undefined {
  const text = address.trim();
  const cell = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/;
  const column = /^\$?([A-Za-z]{1,3})$/;
  const row = /^\$?(\d{1,7})$/;
  const [start, end = start, ...extra] = text.split(':');
  if (extra.length > 0) return undefined;
  let bounds: Bounds | undefined;
  const a = cell.exec(start);
  const b = cell.exec(end);
  if (a && b) {
    bounds = ordered(Number(a[2]) - 1, columnIndex(a[1]), Number(b[2]) - 1, columnIndex(b[1]));
  } else if (column.test(start) && column.test(end) && text.includes(':')) {
    bounds = ordered(0, columnIndex(column.exec(start)![1]), LAST_ROW, columnIndex(column.exec(end)![1]));
  } else if (row.test(start) && row.test(end) && text.includes(':')) {
    bounds = ordered(Number(row.exec(start)![1]) - 1, 0, Number(row.exec(end)![1]) - 1, LAST_COLUMN);
  }
  if (!bounds) return undefined;
  const inside = (r: number, c: number) => r >= 0 && r <= LAST_ROW && c >= 0 && c <= LAST_COLUMN;
  return inside(bounds.firstRow, bounds.firstCol) && inside(bounds.lastRow, bounds.lastCol) ? bounds : undefined;
}

function ordered(r1: number, c1: number, r2: number, c2: number): Bounds {
  return {
    firstRow: Math.min(r1, r2),
    firstCol: Math.min(c1, c2),
    lastRow: Math.max(r1, r2),
    lastCol: Math.max(c1, c2),
  };
}

/** `A1` or `A1:C3` (relative), as Excel reports a range's address after the sheet name. */
export function formatBounds(bounds: Bounds, absolute = false): string {
  const dollar = absolute ? '$' : '';
  const at = (r: number, c: number) => `${dollar}${columnName(c)}${dollar}${r + 1}`;
  const first = at(bounds.firstRow, bounds.firstCol);
  return bounds.firstRow === bounds.lastRow && bounds.firstCol === bounds.lastCol
    ? first
    : `${first}:${at(bounds.lastRow, bounds.lastCol)}`;
}

/** A sheet name as Excel writes it before `!`: in apostrophes (inner ones doubled) unless a plain word. */
export function sheetPrefix(name: string): string {
  const plain =
    /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) && !/^[A-Za-z]{1,3}\d+$/.test(name) && !/^[Rr]\d*[Cc]?\d*$/.test(name);
  return plain ? name : `'${name.replace(/'/g, "''")}'`;
}

export function cellCount(bounds: Bounds): number {
  return (bounds.lastRow - bounds.firstRow + 1) * (bounds.lastCol - bounds.firstCol + 1);
}

export function overlaps(a: Bounds, b: Bounds): boolean {
  return a.firstRow <= b.lastRow && b.firstRow <= a.lastRow && a.firstCol <= b.lastCol && b.firstCol <= a.lastCol;
}
