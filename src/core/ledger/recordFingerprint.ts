import { hmac } from '@noble/hashes/hmac';
import { sha256 } from '@noble/hashes/sha256';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils';

/**
 * HMAC-SHA-256 of `text` under the ledger's secret, as 32 hex digits (128 bits: collisions are
 * out of reach, and nothing about the text can be read back without the secret).
 * @example keyedHash('secret', 'abc').length // => 32
 */
export function keyedHash(secret: string, text: string): string {
  return bytesToHex(hmac(sha256, utf8ToBytes(secret), utf8ToBytes(text))).slice(0, 32);
}

/**
 * A salted fingerprint of the records behind one published cell: equal exactly when the same
 * records are behind it, whatever their order, and telling nothing else (not even how many).
 */
export function cellFingerprint(secret: string, cellId: string, records: readonly string[]): string {
  return fingerprintOfSorted(secret, cellId, [...records].sort());
}

/** cellFingerprint of records already in sorted order (JavaScript's default string order), without sorting again. */
export function fingerprintOfSorted(secret: string, cellId: string, sorted: readonly string[]): string {
  return keyedHash(secret, `${cellId}\n${sorted.join('\n')}`);
}

/**
 * A cell's place in the secret random order cover cells are chosen in, from 0 up to 1: the same
 * cell gets the same key in every run that shares the secret.
 */
export function coverKey(secret: string, cellId: string): number {
  return parseInt(keyedHash(secret, `cover\n${cellId}`).slice(0, 12), 16) / 2 ** 48;
}

/**
 * The secret of a new ledger: from the seed and every record's key, so a run is repeatable, yet
 * no one without all the records can work it out (and so predict the cover cells) from what is
 * published.
 */
export function newLedgerSecret(seed: number, recordKeys: Iterable<string>): string {
  const keys = [...recordKeys].sort().join('\n');
  return bytesToHex(hmac(sha256, utf8ToBytes(`catchment ledger ${seed}`), utf8ToBytes(keys)));
}

/**
 * A record's key for the cell key method, 0 to 255: the first byte of a keyed hash of the record,
 * so the same record always has the same key under the ledger's secret, and no one without the
 * secret can work keys out (ONS draws them at random once and stores them with the records; the
 * ledger's secret plays that part without storing anything per record).
 */
export function recordKey(secret: string, record: string): number {
  return parseInt(keyedHash(secret, `record\n${record}`).slice(0, 2), 16);
}

/**
 * A cell's key: the sum of its records' keys, modulo 256 (ONS cell key method). The same records
 * give the same key, whatever their order, in every run that shares the secret.
 */
export function cellKey(secret: string, records: readonly string[]): number {
  let sum = 0;
  for (const record of records) sum = (sum + recordKey(secret, record)) % 256;
  return sum;
}
