/** A CSV that cannot be read as records: the line and field where it goes wrong. */
export class CsvFormatError extends Error {
  constructor(
    readonly line: number,
    readonly field: number,
    readonly problem: string,
  ) {
    super(`line ${line}, field ${field}: ${problem}`);
  }
}

/** Receives each record: its fields as written (quotes removed) and the line it starts on (1-based). */
export type CsvRecordSink = (fields: string[], line: number) => void;

const QUOTE = 0x22;
const CR = 0x0d;
const LF = 0x0a;

const enum State {
  /** At the start of a field: a quote here opens a quoted field. */
  FieldStart,
  Unquoted,
  Quoted,
  /** Just read a quote inside a quoted field: a second quote is a literal quote, anything else closes the field. */
  QuoteInQuoted,
  /** After a quoted field's closing quote, before its delimiter. */
  AfterQuoted,
}

/**
 * A streaming CSV parser (RFC 4180, leniently): text is pushed in chunks of any size and each
 * record is handed to the sink as soon as it is complete. A field that starts with a double quote
 * runs to the matching quote, holding delimiters and line breaks, with `""` for a quote; a quote
 * elsewhere is an ordinary character (`5" blade`). Line breaks are LF, CRLF or a lone CR. Text
 * after a closing quote, before the delimiter, is kept with the field (`"a"b` reads `ab`), as
 * Excel reads it. Lines are counted as an editor shows them, so a record whose quoted field holds
 * line breaks reports the line it starts on. O(n) in the text; one pass, no backtracking.
 * @example const records: string[][] = []; const parser = new CsvRecordParser(',', (f) => records.push(f));
 *   parser.push('a,"b\n""c"""\r\n1,'); parser.end(); // records => [['a', 'b\n"c"'], ['1', '']]
 */
export class CsvRecordParser {
  private readonly delimiterCode: number;
  private state = State.FieldStart;
  private fields: string[] = [];
  private field = '';
  /** Line the parser is on (1-based). */
  private line = 1;
  private recordLine = 1;
  /** Where the open quoted field started, for the message if it never closes. */
  private quoteLine = 1;
  /** The previous chunk ended on a CR: an LF starting this one belongs to the same line break. */
  private pendingCR = false;
  private recordCount = 0;

  constructor(
    delimiter: string,
    private readonly sink: CsvRecordSink,
  ) {
    if (delimiter.length !== 1 || delimiter === '"' || delimiter === '\r' || delimiter === '\n')
      throw new RangeError(`CsvRecordParser: unusable delimiter ${JSON.stringify(delimiter)}`);
    this.delimiterCode = delimiter.charCodeAt(0);
  }

  /** Records handed to the sink so far. */
  get records(): number {
    return this.recordCount;
  }

  push(text: string): void {
    const n = text.length;
    let i = 0;
    if (this.pendingCR && n > 0) {
      this.pendingCR = false;
      if (text.charCodeAt(0) === LF) i = 1;
    }
    while (i < n) {
      switch (this.state) {
        case State.FieldStart:
          if (text.charCodeAt(i) === QUOTE) {
            this.state = State.Quoted;
            this.quoteLine = this.line;
            i += 1;
          } else {
            this.state = State.Unquoted;
          }
          break;
        case State.Unquoted:
        case State.AfterQuoted:
          i = this.readPlain(text, i);
          break;
        case State.Quoted:
          i = this.readQuoted(text, i);
          break;
        case State.QuoteInQuoted:
          if (text.charCodeAt(i) === QUOTE) {
            this.field += '"';
            this.state = State.Quoted;
            i += 1;
          } else {
            this.state = State.AfterQuoted;
          }
          break;
      }
    }
  }

  /** Finishes the text: the last record, when the file does not end with a line break. */
  end(): void {
    if (this.state === State.Quoted) {
      throw new CsvFormatError(
        this.quoteLine,
        this.fields.length + 1,
        'a quoted field opens here and its closing quote (") is never found, so the rest of the file would be read as one value. Close the quote, or double a quote that is part of the text ("").',
      );
    }
    if (this.state !== State.FieldStart || this.fields.length > 0) this.finishRecord();
  }

  /** Reads an unquoted run up to a delimiter or line break; returns where it stopped. */
  private readPlain(text: string, start: number): number {
    const n = text.length;
    const delimiter = this.delimiterCode;
    let j = start;
    while (j < n) {
      const code = text.charCodeAt(j);
      if (code === delimiter || code === LF || code === CR) break;
      j += 1;
    }
    if (j > start) this.field += text.slice(start, j);
    if (j === n) return n;
    return this.afterField(text, j);
  }

  /** Reads inside quotes up to the next quote, counting the line breaks it holds. */
  private readQuoted(text: string, start: number): number {
    const quote = text.indexOf('"', start);
    const end = quote === -1 ? text.length : quote;
    this.countLineBreaks(text, start, end);
    if (end > start) this.field += text.slice(start, end);
    // A CR at the very end of a chunk may be the first half of a CRLF split across chunks.
    this.quotedCRAtChunkEnd = quote === -1 && end > start && text.charCodeAt(end - 1) === CR;
    if (quote === -1) return text.length;
    this.state = State.QuoteInQuoted;
    return quote + 1;
  }

  /** Line breaks inside a quoted field: LF, CRLF and a lone CR each count one line. */
  private countLineBreaks(text: string, start: number, end: number): void {
    for (let k = start; k < end; k += 1) {
      const code = text.charCodeAt(k);
      if (code === CR) this.line += 1;
      else if (code === LF && !(k > start ? text.charCodeAt(k - 1) === CR : this.quotedCRAtChunkEnd)) this.line += 1;
    }
  }

  private quotedCRAtChunkEnd = false;

  /** At a delimiter or line break that ends a field; returns the index after it. */
  private afterField(text: string, at: number): number {
    const code = text.charCodeAt(at);
    this.fields.push(this.field);
    this.field = '';
    this.state = State.FieldStart;
    if (code === this.delimiterCode) return at + 1;
    this.emit();
    this.line += 1;
    this.recordLine = this.line;
    if (code === CR) {
      if (at + 1 === text.length) {
        this.pendingCR = true;
        return at + 1;
      }
      if (text.charCodeAt(at + 1) === LF) return at + 2;
    }
    return at + 1;
  }

  private finishRecord(): void {
    this.fields.push(this.field);
    this.field = '';
    this.state = State.FieldStart;
    this.emit();
  }

  private emit(): void {
    const fields = this.fields;
    this.fields = [];
    this.quotedCRAtChunkEnd = false;
    this.recordCount += 1;
    this.sink(fields, this.recordLine);
  }
}
