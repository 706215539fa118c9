import type { CellValue } from '../types';

const pad = (part: number): string => String(part).padStart(2, '0');

/**
 * A cell as text, the way the analyst would read it back: text trimmed (and otherwise kept as
 * given, so '=HYPERLINK(…)' stays plain text), numbers in JavaScript's shortest form, booleans as
 * TRUE/FALSE, dates as yyyy-mm-dd (with hh:mm:ss when not midnight UTC), blank as ''.
 * @example cellText(new Date(Date.UTC(2021, 0, 31))) // => '2021-01-31'
 */
export function cellText(value: CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (Number.isNaN(value.getTime())) return 'Invalid Date';
  const date = `${value.getUTCFullYear()}-${pad(value.getUTCMonth() + 1)}-${pad(value.getUTCDate())}`;
  const hasTime = value.getUTCHours() + value.getUTCMinutes() + value.getUTCSeconds() > 0;
  return hasTime
    ? `${date} ${pad(value.getUTCHours())}:${pad(value.getUTCMinutes())}:${pad(value.getUTCSeconds())}`
    : date;
}

/** True when a cell holds nothing: null, or text of spaces only. */
export function isBlankCell(value: CellValue | undefined): boolean {
  return value === null || value === undefined || (typeof value === 'string' && value.trim() === '');
}
