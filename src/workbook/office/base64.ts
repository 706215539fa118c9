const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/**
 * Bytes as standard base64 with padding (RFC 4648, section 4), as `ShapeCollection.addImage`
 * takes an image. Written out rather than `Buffer` or `btoa` so it runs in Node, a browser and a
 * Worker alike.
 * @example bytesToBase64(new Uint8Array([77, 97, 110])) // => 'TWFu'
 * @example bytesToBase64(new Uint8Array([77])) // => 'TQ=='
 */
export function bytesToBase64(bytes: Uint8Array): string {
  const parts: string[] = [];
  let line = '';
  for (let index = 0; index < bytes.length; index += 3) {
    const a = bytes[index];
    const b = index + 1 < bytes.length ? bytes[index + 1] : 0;
    const c = index + 2 < bytes.length ? bytes[index + 2] : 0;
    const triple = (a << 16) | (b << 8) | c;
    line +=
      ALPHABET[(triple >> 18) & 63] +
      ALPHABET[(triple >> 12) & 63] +
      (index + 1 < bytes.length ? ALPHABET[(triple >> 6) & 63] : '=') +
      (index + 2 < bytes.length ? ALPHABET[triple & 63] : '=');
    if (line.length >= 8192) {
      parts.push(line);
      line = '';
    }
  }
  parts.push(line);
  return parts.join('');
}
