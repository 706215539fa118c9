import type { CellValue, SheetData } from '../../core/types';
import { ColumnInterner } from './columnInterner';
import { csvCellValue } from './csvCellValue';
import { CsvRecordParser } from './csvRecordParser';
import { detectDelimiter, type CsvDelimiter } from './detectDelimiter';
import { detectEncoding, type CsvEncoding } from './detectEncoding';
import { RecordLines } from './recordLines';
import { NotUtf8Error, textChunkDecoder } from './textChunkDecoder';

/** A CSV read as a sheet: record n is row n, `lines` says which line of the file it starts on. */
export interface CsvSheet {
  readonly sheet: SheetData;
  readonly lines: RecordLines;
  readonly encoding: CsvEncoding;
  readonly delimiter: CsvDelimiter;
}

export interface ReadCsvOptions {
  /** Read in this encoding instead of detecting it (a byte-order mark is still skipped). */
  readonly encoding?: CsvEncoding;
  readonly delimiter?: CsvDelimiter;
}

/** Bytes looked at to detect the encoding; characters looked at to detect the delimiter. */
const ENCODING_SAMPLE_BYTES = 4096;
const DELIMITER_SAMPLE_CHARS = 65536;

/**
 * Reads a CSV from its bytes, chunk by chunk, into a sheet named `name`: the encoding and the
 * delimiter detected from the start (see detectEncoding, detectDelimiter), each record parsed as
 * soon as its text arrives (see CsvRecordParser) and its fields turned into cell values (see
 * csvCellValue), texts repeated down a column shared (see ColumnInterner). Only the rows are
 * kept, never the file's text. Throws NotUtf8Error when bytes read as UTF-8 (not marked as such)
 * are not valid UTF-8: {@link readCsvSource} then reads again in Windows-1252; CsvFormatError when
 * a quoted field never closes.
 */
export function readCsvChunks(chunks: Iterable<Uint8Array>, name: string, options: ReadCsvOptions = {}): CsvSheet {
  const rows: CellValue[][] = [];
  const lines = new RecordLines();
  const interner = new ColumnInterner();
  // The row is an array of exactly the record's length (the parser's, grown by push, has spare room).
  const onRecord = (fields: string[], line: number): void => {
    const cells = fields.slice() as CellValue[];
    for (let i = 0; i < fields.length; i += 1) {
      const value = csvCellValue(fields[i]);
      cells[i] = typeof value === 'string' ? interner.intern(i, value) : value;
    }
    rows.push(cells);
    lines.record(rows.length, line);
  };

  let head: Uint8Array | undefined = new Uint8Array(0);
  let decode: ((bytes: Uint8Array, final: boolean) => string) | undefined;
  let encoding: CsvEncoding = options.encoding ?? 'utf-8';
  let sample: string | undefined = '';
  let parser: CsvRecordParser | undefined;
  let delimiter: CsvDelimiter = options.delimiter ?? ',';

  const pushText = (text: string, final: boolean): void => {
    if (sample !== undefined) {
      sample += text;
      if (sample.length < DELIMITER_SAMPLE_CHARS && !final) return;
      delimiter = options.delimiter ?? detectDelimiter(sample.slice(0, DELIMITER_SAMPLE_CHARS));
      parser = new CsvRecordParser(delimiter, onRecord);
      text = sample;
      sample = undefined;
    }
    parser?.push(text);
  };
  const pushBytes = (bytes: Uint8Array, final: boolean): void => {
    if (decode === undefined) {
      head = concat(head ?? new Uint8Array(0), bytes);
      if (head.length < ENCODING_SAMPLE_BYTES && !final) return;
      const detected = detectEncoding(head);
      encoding = options.encoding ?? detected.encoding;
      const bom = options.encoding === undefined || options.encoding === detected.encoding ? detected.bomBytes : 0;
      decode = textChunkDecoder(encoding, detected.marked && encoding === detected.encoding).decode;
      bytes = head.subarray(bom);
      head = undefined;
    }
    pushText(decode(bytes, final), final);
  };

  for (const chunk of chunks) pushBytes(chunk, false);
  pushBytes(new Uint8Array(0), true);
  parser?.end();
  return { sheet: { name, rows }, lines, encoding, delimiter };
}

/**
 * Reads a CSV as {@link readCsvChunks} does, reading it a second time in Windows-1252 when it is
 * not valid UTF-8 (Excel's "CSV" on a Western Windows saves £, é and curly quotes that way).
 * `open` gives the file's chunks afresh each time it is called.
 */
export function readCsvSource(open: () => Iterable<Uint8Array>, name: string, options: ReadCsvOptions = {}): CsvSheet {
  try {
    return readCsvChunks(open(), name, options);
  } catch (error) {
    if (!(error instanceof NotUtf8Error) || options.encoding !== undefined) throw error;
    return readCsvChunks(open(), name, { ...options, encoding: 'windows-1252' });
  }
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  if (a.length === 0) return b.slice();
  const joined = new Uint8Array(a.length + b.length);
  joined.set(a, 0);
  joined.set(b, a.length);
  return joined;
}
