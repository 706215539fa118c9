import { invalidArgument } from './excelError';

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Decodes strict base64 (RFC 4648, padded); undefined when the text is not base64. Browser-safe: no Buffer. */
export function decodeBase64(text: string): Uint8Array | undefined {
  if (text.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(text)) return undefined;
  const padding = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
  const bytes = new Uint8Array((text.length / 4) * 3 - padding);
  let out = 0;
  for (let index = 0; index < text.length; index += 4) {
    const quad = [0, 1, 2, 3].map((offset) =>
      text[index + offset] === '=' ? 0 : BASE64.indexOf(text[index + offset]),
    );
    const triple = (quad[0] << 18) | (quad[1] << 12) | (quad[2] << 6) | quad[3];
    for (const shift of [16, 8, 0]) if (out < bytes.length) bytes[out++] = (triple >> shift) & 255;
  }
  return bytes;
}

/**
 * The kind and pixel size of a picture given to `shapes.addImage`: PNG (size from the IHDR chunk,
 * PNG specification 11.2.2) or JPEG (size from the first start-of-frame marker); anything else is
 * refused with InvalidArgument, as Excel refuses what it cannot read as an image.
 */
export function imageInfo(
  base64: unknown,
  location: string,
): { format: 'png' | 'jpeg'; width: number; height: number; byteLength: number } {
  const bytes = typeof base64 === 'string' ? decodeBase64(base64) : undefined;
  if (!bytes) throw invalidArgument(location, 'the image is not a base64 string');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const pngSignature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (
    bytes.length >= 24 &&
    pngSignature.every((byte, index) => bytes[index] === byte) &&
    String.fromCharCode(...bytes.slice(12, 16)) === 'IHDR'
  ) {
    return { format: 'png', width: view.getUint32(16), height: view.getUint32(20), byteLength: bytes.length };
  }
  if (bytes.length > 4 && bytes[0] === 0xff && bytes[1] === 0xd8) {
    for (let at = 2; at + 9 < bytes.length;) {
      if (bytes[at] !== 0xff) break;
      const marker = bytes[at + 1];
      const length = view.getUint16(at + 2);
      if (marker >= 0xc0 && marker <= 0xc3)
        return {
          format: 'jpeg',
          height: view.getUint16(at + 5),
          width: view.getUint16(at + 7),
          byteLength: bytes.length,
        };
      at += 2 + length;
    }
  }
  throw invalidArgument(location, 'the image is neither a PNG nor a JPEG');
}
