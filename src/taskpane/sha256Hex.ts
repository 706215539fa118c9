/**
 * The SHA-256 of some bytes as lower-case hex, with Web Crypto (in pages and workers served over
 * https or from localhost). Null where Web Crypto is missing, so a fingerprint is left out
 * rather than a turn failing.
 */
export async function sha256Hex(bytes: ArrayBuffer | Uint8Array): Promise<string | null> {
  const subtle = globalThis.crypto?.subtle;
  if (!subtle) return null;
  const digest = await subtle.digest('SHA-256', bytes as BufferSource);
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('');
}
