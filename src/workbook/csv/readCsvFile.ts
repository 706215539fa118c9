import { createHash } from 'crypto';
import fs from 'fs';
import { readCsvSource, type CsvSheet, type ReadCsvOptions } from './readCsvChunks';

/** Bytes read from the file at a time. */
const CHUNK_BYTES = 1 << 20;

export interface CsvFile extends CsvSheet {
  /** The file's size and SHA-256, as the Audit sheet records every input. */
  readonly bytes: number;
  readonly sha256: string;
}

/**
 * Reads a CSV file into a sheet named `name` a megabyte at a time (see readCsvSource), hashing
 * the bytes as they pass, so a file far larger than memory's liking is never held whole. Node only.
 */
export function readCsvFile(file: string, name: string, options: ReadCsvOptions = {}): CsvFile {
  let hash = createHash('sha256');
  let bytes = 0;
  const open = function* (): Generator<Uint8Array> {
    hash = createHash('sha256');
    bytes = 0;
    const descriptor = fs.openSync(file, 'r');
    try {
      const buffer = Buffer.alloc(CHUNK_BYTES);
      for (;;) {
        const read = fs.readSync(descriptor, buffer, 0, CHUNK_BYTES, null);
        if (read === 0) break;
        const chunk = buffer.subarray(0, read);
        hash.update(chunk);
        bytes += read;
        yield chunk;
      }
    } finally {
      fs.closeSync(descriptor);
    }
  };
  const csv = readCsvSource(open, name, options);
  return { ...csv, bytes, sha256: hash.digest('hex') };
}
