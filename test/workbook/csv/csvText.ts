/**
 * Writing a sheet as CSV text the way a spreadsheet exports one, for tests: a test's CSV is built
 * from the same rows as its sheet, so the two inputs can be run side by side.
 */
import type { CellValue, SheetData } from '../../../src/core/types';

export interface CsvTextOptions {
  readonly delimiter?: string;
  readonly lineBreak?: '\r\n' | '\n';
}

/** A cell as exported: dates as ISO date-times (UTC), numbers as JavaScript writes them, booleans as TRUE/FALSE. */
export function csvField(value: CellValue, delimiter: string): string {
  if (value === null) return '';
  const text =
    value instanceof Date
      ? value.toISOString()
      : typeof value === 'boolean'
        ? value
          ? 'TRUE'
          : 'FALSE'
        : String(value);
  return text.includes(delimiter) || /["\r\n]/.test(text) || /^\s|\s$/.test(text)
    ? `"${text.replace(/"/g, '""')}"`
    : text;
}

/** A sheet as CSV text, its rows placed at their worksheet row numbers (blank lines above a late first row). */
export function sheetAsCsv(sheet: SheetData, options: CsvTextOptions = {}): string {
  const delimiter = options.delimiter ?? ',';
  const lineBreak = options.lineBreak ?? '\r\n';
  const lines: string[] = Array.from({ length: (sheet.firstRow ?? 1) - 1 }, () => '');
  for (const row of sheet.rows) lines.push(row.map((value) => csvField(value, delimiter)).join(delimiter));
  return lines.join(lineBreak) + lineBreak;
}

/** Windows-1252's bytes for the characters it has beyond Latin-1 (Unicode's CP1252.TXT). */
const CP1252_EXTRA: Readonly<Record<string, number>> = {
  '€': 0x80,
  '‚': 0x82,
  ƒ: 0x83,
  '„': 0x84,
  '…': 0x85,
  '†': 0x86,
  '‡': 0x87,
  ˆ: 0x88,
  '‰': 0x89,
  Š: 0x8a,
  '‹': 0x8b,
  Œ: 0x8c,
  Ž: 0x8e,
  '‘': 0x91,
  '’': 0x92,
  '“': 0x93,
  '”': 0x94,
  '•': 0x95,
  '–': 0x96,
  '—': 0x97,
  '˜': 0x98,
  '™': 0x99,
  š: 0x9a,
  '›': 0x9b,
  œ: 0x9c,
  ž: 0x9e,
  Ÿ: 0x9f,
};

/** Text as Windows-1252 bytes; undefined when it holds a character the encoding lacks. */
export function encodeWindows1252(text: string): Uint8Array | undefined {
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i];
    const code = ch.charCodeAt(0);
    const byte = CP1252_EXTRA[ch] ?? (code < 0x80 || (code >= 0xa0 && code <= 0xff) ? code : undefined);
    if (byte === undefined) return undefined;
    bytes[i] = byte;
  }
  return bytes;
}
