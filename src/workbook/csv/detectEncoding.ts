/** The text encodings a CSV is read in. */
export type CsvEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export interface DetectedEncoding {
  readonly encoding: CsvEncoding;
  /** Length of the byte-order mark to skip (0 when there is none). */
  readonly bomBytes: number;
  /** True when a byte-order mark said so; false when guessed (UTF-8 may still fall back to Windows-1252). */
  readonly marked: boolean;
}

/**
 * The encoding of a text file from its first bytes: a byte-order mark when there is one (UTF-8
 * EF BB BF, UTF-16 LE FF FE, UTF-16 BE FE FF); otherwise UTF-16 when nearly every other byte of the
 * start is zero (ASCII text saved as UTF-16 without a mark); otherwise UTF-8, which the reader replaces by
 * Windows-1252 (Excel's "CSV" on a Western Windows) when the bytes turn out not to be valid UTF-8.
 * @example detectEncoding(Uint8Array.of(0xff, 0xfe, 0x55, 0x00)) // => { encoding: 'utf-16le', bomBytes: 2, marked: true }
 */
export function detectEncoding(head: Uint8Array): DetectedEncoding {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return { encoding: 'utf-8', bomBytes: 3, marked: true };
  if (head[0] === 0xff && head[1] === 0xfe) return { encoding: 'utf-16le', bomBytes: 2, marked: true };
  if (head[0] === 0xfe && head[1] === 0xff) return { encoding: 'utf-16be', bomBytes: 2, marked: true };
  const unmarkedUtf16 = unmarkedUtf16Order(head);
  if (unmarkedUtf16) return { encoding: unmarkedUtf16, bomBytes: 0, marked: false };
  return { encoding: 'utf-8', bomBytes: 0, marked: false };
}

/**
 * 'utf-16le' when nearly all odd bytes of the start are zero and nearly no even ones ('utf-16be'
 * the other way round): mostly-ASCII text saved as UTF-16 without a mark. A few non-ASCII
 * characters (é, “) are allowed for; text in a single-byte encoding has no zero bytes at all.
 */
function unmarkedUtf16Order(head: Uint8Array): CsvEncoding | undefined {
  const pairs = Math.min(256, Math.floor(head.length / 2));
  if (pairs < 2) return undefined;
  let zeroEven = 0;
  let zeroOdd = 0;
  for (let i = 0; i < pairs; i += 1) {
    if (head[2 * i] === 0) zeroEven += 1;
    if (head[2 * i + 1] === 0) zeroOdd += 1;
  }
  const most = (count: number): boolean => count >= 0.8 * pairs;
  const few = (count: number): boolean => count <= 0.05 * pairs;
  if (most(zeroOdd) && few(zeroEven)) return 'utf-16le';
  if (most(zeroEven) && few(zeroOdd)) return 'utf-16be';
  return undefined;
}
