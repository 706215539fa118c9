import type { CsvEncoding } from './detectEncoding';

/** Bytes that are not valid UTF-8: the reader starts again in Windows-1252. */
export class NotUtf8Error extends Error {}

/** Decodes a file chunk by chunk; a character split between chunks is carried to the next. */
export interface TextChunkDecoder {
  decode(bytes: Uint8Array, final: boolean): string;
}

/**
 * Windows-1252's characters for bytes 0x80–0x9F (the rest match Latin-1). Node's TextDecoder maps
 * 'windows-1252' to Latin-1, giving C1 controls for these, so they are looked up here. Undefined
 * bytes (0x81, 0x8D, 0x8F, 0x90, 0x9D) are kept as their C1 code points, as the WHATWG decoder does.
 * Source: Unicode's cp1252 mapping table (unicode.org/Public/MAPPINGS/VENDORS/MICSFT/WINDOWS/CP1252.TXT).
 */
const CP1252_HIGH: readonly number[] = [
  0x20ac, 0x81, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8d, 0x017d,
  0x8f, 0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0x9d,
  0x017e, 0x0178,
];

/**
 * Windows-1252 bytes as text.
 * @example decodeWindows1252(Uint8Array.of(0x80, 0x35, 0xe9)) // => '€5é'
 */
export function decodeWindows1252(bytes: Uint8Array): string {
  let text = '';
  const step = 8192;
  for (let start = 0; start < bytes.length; start += step) {
    const codes = new Array<number>(Math.min(step, bytes.length - start));
    for (let i = 0; i < codes.length; i += 1) {
      const byte = bytes[start + i];
      codes[i] = byte >= 0x80 && byte <= 0x9f ? CP1252_HIGH[byte - 0x80] : byte;
    }
    text += String.fromCharCode(...codes);
  }
  return text;
}

/**
 * A chunk decoder for an encoding. Unless its byte-order mark said so, UTF-8 is decoded strictly:
 * the first invalid sequence throws {@link NotUtf8Error}, so that a file saved in Windows-1252 is
 * never read with replacement characters in place of its accented letters.
 */
export function textChunkDecoder(encoding: CsvEncoding, marked = false): TextChunkDecoder {
  if (encoding === 'windows-1252') return { decode: (bytes) => decodeWindows1252(bytes) };
  const decoder = new TextDecoder(encoding, { fatal: encoding === 'utf-8' && !marked, ignoreBOM: true });
  return {
    decode(bytes, final) {
      try {
        return decoder.decode(bytes, { stream: !final });
      } catch (error) {
        if (encoding === 'utf-8') throw new NotUtf8Error('not valid UTF-8');
        throw error;
      }
    },
  };
}
