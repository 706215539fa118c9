import { Inflate, inflateSync } from 'fflate';
import { createInflateRaw, type ZlibOptions } from 'zlib';
import { errorText } from '../../core/errorText';

/**
 * Random access to the parts of a zip package (an .xlsx file) held in memory: the central
 * directory is read once, then any part can be inflated whole (small parts) or streamed as text in
 * chunks (worksheets and shared strings, which can be hundreds of megabytes once inflated and
 * longer than the longest string V8 can hold).
 *
 * Handles stored and deflated entries, Zip64 sizes and offsets, data descriptors (sizes are taken
 * from the central directory), backslashes in entry names, and names that differ only in case
 * (Open Packaging Conventions part names are case-insensitive). Problems are thrown as
 * {@link XlsxReadError}s naming the part.
 */

/** A problem reading an .xlsx package; the message names the part or sheet and says what is wrong. */
export class XlsxReadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'XlsxReadError';
  }
}

export interface ZipEntry {
  /** Entry name as a part path: forward slashes, no leading slash. */
  readonly name: string;
  readonly method: number;
  readonly flags: number;
  readonly compressedSize: number;
  readonly size: number;
  readonly localHeaderOffset: number;
}

const EOCD = 0x06054b50;
const ZIP64_EOCD_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL_HEADER = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;
const STORED = 0;
const DEFLATED = 8;

/**
 * Compressed bytes handed to the inflater at a time when streaming a part: about 1.5 MB of text
 * each. (fflate's speed hardly depends on it: 1.7-1.9 s of CPU for a 431 MB worksheet at any size
 * from 16 KB to 4 MB; inflating that part whole would hold 431 MB of bytes and a string of 431
 * million characters, near V8's limit of 536 million.)
 */
const STREAM_CHUNK = 1 << 18;

type Decoder = InstanceType<typeof TextDecoder>;

const utf8 = new TextDecoder('utf-8');
const utf8KeepingBOM = new TextDecoder('utf-8', { ignoreBOM: true });

export class ZipArchive {
  private readonly view: DataView;
  private readonly entries = new Map<string, ZipEntry>();
  private readonly entriesByLowerName = new Map<string, ZipEntry>();

  constructor(private readonly bytes: Uint8Array) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    this.readCentralDirectory();
  }

  /** Every entry name, in central-directory order. */
  names(): string[] {
    return [...this.entries.keys()];
  }

  /** The entry for a part path (exact match first, then ignoring case), or undefined. */
  entry(partName: string): ZipEntry | undefined {
    const name = normaliseName(partName);
    return this.entries.get(name) ?? this.entriesByLowerName.get(name.toLowerCase());
  }

  has(partName: string): boolean {
    return this.entry(partName) !== undefined;
  }

  /** A part's bytes, inflated whole. For small parts (relationships, workbook, styles). */
  bytesOf(partName: string): Uint8Array {
    const entry = this.require(partName);
    const data = this.compressedData(entry);
    if (entry.method === STORED) return data;
    try {
      return inflateSync(data);
    } catch (error) {
      throw new XlsxReadError(`part ${entry.name} is damaged (${errorText(error)})`);
    }
  }

  /** A part's text, inflated whole (UTF-8, or UTF-16 with a byte-order mark). */
  textOf(partName: string): string {
    const bytes = this.bytesOf(partName);
    return textDecoderFor(bytes).decode(bytes);
  }

  /**
   * Streams a part's text to `onText` in chunks (see STREAM_CHUNK), never holding the whole
   * inflated part. Synchronous.
   */
  streamText(partName: string, onText: (text: string) => void): void {
    const entry = this.require(partName);
    const data = this.compressedData(entry);
    const emit = utf8Chunks(onText);
    if (entry.method === STORED) {
      if (data.length === 0) emit(data, true);
      for (let offset = 0; offset < data.length; offset += STREAM_CHUNK) {
        emit(data.subarray(offset, offset + STREAM_CHUNK), offset + STREAM_CHUNK >= data.length);
      }
      return;
    }
    const inflater = new Inflate((chunk, final) => emit(chunk, final));
    try {
      if (data.length === 0) inflater.push(data, true);
      for (let offset = 0; offset < data.length; offset += STREAM_CHUNK) {
        inflater.push(data.subarray(offset, offset + STREAM_CHUNK), offset + STREAM_CHUNK >= data.length);
      }
    } catch (error) {
      // Errors thrown by `onText` (the XML parser) pass through; inflate errors name the part.
      if (error instanceof XlsxReadError || !isInflateError(error)) throw error;
      throw new XlsxReadError(`part ${entry.name} is damaged (${errorText(error)})`);
    }
  }

  /**
   * As {@link streamText}, inflating with Node's zlib on its thread pool: `onText` (the XML
   * scanner) runs on this thread while the next chunks are inflated on another core, which takes
   * the inflating (a third of the reading) off the critical path. Resolves when the part has been
   * read; rejects with what `onText` throws (the inflating stops) or an {@link XlsxReadError} for
   * damaged data.
   */
  async streamTextAsync(partName: string, onText: (text: string) => void): Promise<void> {
    const entry = this.require(partName);
    const data = this.compressedData(entry);
    if (entry.method === STORED) return this.streamText(partName, onText);
    const emit = utf8Chunks(onText);
    // Read-ahead of a few chunks: enough to keep the inflating busy while a chunk is scanned,
    // bounded so a part is never held whole.
    // (Node's zlib streams take the stream options; @types/node's ZlibOptions leaves them out.)
    const inflater = createInflateRaw({ chunkSize: STREAM_CHUNK * 4, highWaterMark: STREAM_CHUNK * 16 } as ZlibOptions);
    inflater.end(data);
    try {
      for await (const chunk of inflater) emit(chunk as Buffer, false);
    } catch (error) {
      // Errors thrown by `onText` (the XML scanner) pass through; inflate errors name the part.
      if (error instanceof XlsxReadError || !isZlibError(error)) throw error;
      throw new XlsxReadError(`part ${entry.name} is damaged (${errorText(error)})`);
    } finally {
      inflater.destroy();
    }
    emit(new Uint8Array(0), true);
  }

  private require(partName: string): ZipEntry {
    const entry = this.entry(partName);
    if (!entry) throw new XlsxReadError(`the package has no part ${normaliseName(partName)}`);
    if (entry.flags & 1) throw new XlsxReadError(`part ${entry.name} is encrypted`);
    if (entry.method !== STORED && entry.method !== DEFLATED) {
      throw new XlsxReadError(
        `part ${entry.name} uses zip compression method ${entry.method}, which is not supported (only stored and deflated)`,
      );
    }
    return entry;
  }

  private compressedData(entry: ZipEntry): Uint8Array {
    const offset = entry.localHeaderOffset;
    if (offset + 30 > this.bytes.length || this.view.getUint32(offset, true) !== LOCAL_HEADER) {
      throw new XlsxReadError(`part ${entry.name}: its zip entry header is missing or damaged`);
    }
    const start = offset + 30 + this.view.getUint16(offset + 26, true) + this.view.getUint16(offset + 28, true);
    const end = start + entry.compressedSize;
    if (end > this.bytes.length) throw new XlsxReadError(`part ${entry.name} is cut short (the file is truncated)`);
    return this.bytes.subarray(start, end);
  }

  private readCentralDirectory(): void {
    const { bytes, view } = this;
    let eocd = -1;
    for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i -= 1) {
      if (view.getUint32(i, true) === EOCD) {
        eocd = i;
        break;
      }
    }
    if (eocd < 0)
      throw new XlsxReadError(
        'the zip directory at the end of the file is missing (the file is truncated or not a zip package)',
      );
    let count = view.getUint16(eocd + 10, true);
    let directoryOffset = view.getUint32(eocd + 16, true);
    if (count === 0xffff || directoryOffset === 0xffffffff) {
      const locator = eocd - 20;
      if (locator >= 0 && view.getUint32(locator, true) === ZIP64_EOCD_LOCATOR) {
        const zip64 = readUint64(view, locator + 8);
        if (zip64 + 56 <= bytes.length && view.getUint32(zip64, true) === ZIP64_EOCD) {
          count = readUint64(view, zip64 + 32);
          directoryOffset = readUint64(view, zip64 + 48);
        }
      }
    }
    let offset = directoryOffset;
    for (let i = 0; i < count; i += 1) {
      if (offset + 46 > bytes.length || view.getUint32(offset, true) !== CENTRAL_HEADER) {
        throw new XlsxReadError(`the zip directory is damaged (entry ${i + 1} of ${count})`);
      }
      const flags = view.getUint16(offset + 8, true);
      const method = view.getUint16(offset + 10, true);
      let compressedSize = view.getUint32(offset + 20, true);
      let size = view.getUint32(offset + 24, true);
      const nameLength = view.getUint16(offset + 28, true);
      const extraLength = view.getUint16(offset + 30, true);
      const commentLength = view.getUint16(offset + 32, true);
      let localHeaderOffset = view.getUint32(offset + 42, true);
      const name = normaliseName(utf8.decode(bytes.subarray(offset + 46, offset + 46 + nameLength)));
      // Zip64: the 32-bit fields set to 0xFFFFFFFF are given in the extra field 0x0001, in this order.
      let extra = offset + 46 + nameLength;
      const extraEnd = extra + extraLength;
      while (extra + 4 <= extraEnd) {
        const id = view.getUint16(extra, true);
        const length = view.getUint16(extra + 2, true);
        if (id === 0x0001) {
          let field = extra + 4;
          if (size === 0xffffffff) {
            size = readUint64(view, field);
            field += 8;
          }
          if (compressedSize === 0xffffffff) {
            compressedSize = readUint64(view, field);
            field += 8;
          }
          if (localHeaderOffset === 0xffffffff) localHeaderOffset = readUint64(view, field);
        }
        extra += 4 + length;
      }
      const entry: ZipEntry = { name, method, flags, compressedSize, size, localHeaderOffset };
      if (!name.endsWith('/')) {
        this.entries.set(name, entry);
        const lower = name.toLowerCase();
        if (!this.entriesByLowerName.has(lower)) this.entriesByLowerName.set(lower, entry);
      }
      offset = extraEnd + commentLength;
    }
  }
}

/** 'xl\\worksheets\\sheet1.xml' or '/xl/worksheets/sheet1.xml' -> 'xl/worksheets/sheet1.xml'. */
function normaliseName(name: string): string {
  return name.replace(/\\/g, '/').replace(/^\/+/, '');
}

function readUint64(view: DataView, offset: number): number {
  return view.getUint32(offset, true) + view.getUint32(offset + 4, true) * 0x100000000;
}

/** UTF-8 unless the text starts with a UTF-16 byte-order mark (the BOM itself is dropped). */
function textDecoderFor(start: Uint8Array): Decoder {
  if (start[0] === 0xff && start[1] === 0xfe) return new TextDecoder('utf-16le');
  if (start[0] === 0xfe && start[1] === 0xff) return new TextDecoder('utf-16be');
  return new TextDecoder('utf-8');
}

/** Node's zlib reports corrupt deflate data as errors with a string code such as 'Z_DATA_ERROR'. */
function isZlibError(error: unknown): boolean {
  // Not `instanceof Error`: zlib's errors are made in Node's own realm (not a test's vm context).
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('Z_');
}

/** fflate reports corrupt deflate data as errors with a numeric `code`. */
function isInflateError(error: unknown): boolean {
  return error instanceof Error && typeof (error as Error & { code?: unknown }).code === 'number';
}

/**
 * A sink for a part's bytes, chunk by chunk, that hands `onText` the text of each chunk. UTF-8 is
 * decoded without the decoder's streaming mode (several times slower in Node): the bytes of a
 * character cut by the chunk's end are carried over to the next chunk.
 */
export function utf8Chunks(onText: (text: string) => void): (chunk: Uint8Array, final: boolean) => void {
  let decoder: Decoder | undefined;
  let utf16 = false;
  let carry: Uint8Array | undefined;
  return (chunk, final) => {
    if (decoder === undefined) {
      decoder = textDecoderFor(chunk);
      utf16 = decoder.encoding !== 'utf-8';
    }
    if (utf16) {
      const text = decoder.decode(chunk, { stream: !final });
      if (text.length > 0) onText(text);
      return;
    }
    let bytes = chunk;
    if (carry) {
      bytes = new Uint8Array(carry.length + chunk.length);
      bytes.set(carry);
      bytes.set(chunk, carry.length);
      carry = undefined;
    }
    let end = bytes.length;
    if (!final) {
      // Back over continuation bytes (10xxxxxx) to the last lead byte; keep its character whole.
      let lead = end - 1;
      while (lead >= 0 && lead > end - 4 && (bytes[lead] & 0xc0) === 0x80) lead -= 1;
      if (lead >= 0) {
        const byte = bytes[lead];
        const size = byte < 0x80 ? 1 : byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
        if (lead + size > end) end = lead;
      }
      if (end < bytes.length) carry = bytes.slice(end);
    }
    if (end === 0) return;
    const text = decoder.decode(end === bytes.length ? bytes : bytes.subarray(0, end));
    // Only the part's first character may be a byte-order mark to drop; later ones are kept.
    decoder = utf8KeepingBOM;
    if (text.length > 0) onText(text);
  };
}
