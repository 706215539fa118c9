import { digits, isSpace, unsupported, xmlText } from './fastXmlScanner';
import { CellType, MAX_COLUMNS, type SheetBuilder } from './sheetBuilder';

/**
 * A reader for the inside of a worksheet's <sheetData> only: the rows and cells that are nearly all
 * of a big worksheet's XML. The general tokenizer (`FastXmlScanner`) looks at every tag name and
 * attribute one character at a time through calls made for any element; here each construct of
 * the layout every spreadsheet writer uses is matched directly, so a million-row sheet is read in
 * about half the time.
 *
 * What it reads: <row> (r optional), <c r= s= t=> (r optional, self-closing or not), <v> text
 * (entities and character references decoded, a run of digits kept as a number without making a
 * string), <f> (skipped: the cached <v> is the value), an inline string written as
 * <is><t>text</t></is> (xml:space="preserve" allowed), whitespace between tags. Anything else (a
 * comment, a CDATA section, rich text, a prefixed element name, an unknown child, text out of
 * place, an unknown entity) throws `UnsupportedXml`, and the caller reads the whole part again
 * with the general scanner, so what this one accepts it reads exactly as that one does.
 *
 * Constructs are read whole: one cut by the end of a chunk is left unread (`scan` returns where it
 * starts) and read again with the next chunk; nothing reaches the builder before a tag is complete.
 */

const LT = 60;
const GT = 62;
const SLASH = 47;
const EQUALS = 61;
const DOUBLE_QUOTE = 34;
const SINGLE_QUOTE = 39;
const LETTER_C = 99;
const LETTER_F = 102;
const LETTER_I = 105;
const LETTER_R = 114;
const LETTER_S = 115;
const LETTER_T = 116;
const LETTER_V = 118;

// Where the scanner is: directly in <sheetData>, in a <row>, in a <c>.
const IN_SHEET_DATA = 0;
const IN_ROW = 1;
const IN_CELL = 2;

// What `attribute` found after the tag name or the previous attribute.
const CUT = -1; // the tag goes on past the end of the text
const TAG_END = -2; // '>'
const EMPTY_TAG_END = -3; // '/>'

const PRESERVED_TEXT = '<t xml:space="preserve">';

/** The CellType of a t attribute s[start..end), or -1 for one the builder must judge. */
function typeOf(s: string, start: number, end: number): number {
  if (end - start === 1) {
    switch (s.charCodeAt(start)) {
      case LETTER_S:
        return CellType.SharedString;
      case 110: // n
        return CellType.Number;
      case 98: // b
        return CellType.Boolean;
      case 101: // e
        return CellType.Error;
      case 100: // d
        return CellType.IsoDate;
      default:
        return -1;
    }
  }
  if (end - start === 3 && s.startsWith('str', start)) return CellType.FormulaString;
  if (end - start === 9 && s.startsWith('inlineStr', start)) return CellType.InlineString;
  return -1;
}

/** True when s[i] ends a tag name: whitespace, '>' or '/'. */
function endsName(s: string, i: number): boolean {
  const code = s.charCodeAt(i);
  return code === GT || code === SLASH || isSpace(code);
}

export class SheetDataScanner {
  private level = IN_SHEET_DATA;
  /** Set by `scan` on reaching </sheetData>. */
  finished = false;
  /** The cell's <v> as a whole number when it is one run of digits (no string made), else -1. */
  private integer = -1;
  private cellType: number = CellType.Number;

  // The attribute `attribute` read last, as offsets into the text.
  private nameStart = 0;
  private nameEnd = 0;
  private valueStart = 0;
  private valueEnd = 0;

  constructor(private readonly builder: SheetBuilder) {}

  /**
   * Reads s from i. Returns the index of the first character not read: the start of a construct
   * cut by the end of s (to be read again with more text), s.length, or the '<' of </sheetData>
   * (then `finished` is set and the rest is the caller's).
   */
  scan(s: string, i: number): number {
    const n = s.length;
    while (i < n) {
      const code = s.charCodeAt(i);
      if (code !== LT) {
        if (!isSpace(code)) unsupported('text between the cells');
        i += 1;
        continue;
      }
      const next =
        this.level === IN_CELL
          ? this.cellContent(s, i, n)
          : this.level === IN_ROW
            ? this.inRow(s, i, n)
            : this.inSheetData(s, i, n);
      if (next === CUT || this.finished) return i;
      i = next;
    }
    return i;
  }

  /** At '<' directly inside <sheetData>: a <row>, or </sheetData>. */
  private inSheetData(s: string, i: number, n: number): number {
    if (i + 12 > n) return CUT;
    if (s.startsWith('</sheetData>', i)) {
      this.finished = true;
      return i;
    }
    if (!(s.startsWith('<row', i) && endsName(s, i + 4)))
      return unsupported('an element other than <row> in <sheetData>');
    let rowNumber = -2; // -2: no r; -1: an r that is not a number
    let rowText = '';
    let j = i + 4;
    for (;;) {
      j = this.attribute(s, j, n);
      if (j === CUT) return CUT;
      if (j === TAG_END || j === EMPTY_TAG_END) break;
      if (this.nameEnd - this.nameStart === 1 && s.charCodeAt(this.nameStart) === LETTER_R) {
        rowNumber = digits(s, this.valueStart, this.valueEnd);
        if (rowNumber < 0) rowText = s.slice(this.valueStart, this.valueEnd);
      }
    }
    this.builder.startRow(rowNumber === -2 ? undefined : rowNumber < 0 ? NaN : rowNumber, rowText || undefined);
    if (j === EMPTY_TAG_END) this.builder.endRow();
    else this.level = IN_ROW;
    return this.valueEnd;
  }

  /** At '<' inside a <row>: a <c>, or </row>. */
  private inRow(s: string, i: number, n: number): number {
    if (i + 6 > n) return CUT;
    if (s.charCodeAt(i + 1) === SLASH) {
      if (!s.startsWith('</row>', i)) return unsupported('an end tag that does not match <row>');
      this.builder.endRow();
      this.level = IN_SHEET_DATA;
      return i + 6;
    }
    if (!(s.charCodeAt(i + 1) === LETTER_C && endsName(s, i + 2)))
      return unsupported('an element other than <c> in <row>');
    let column = -1;
    let row = -1;
    let type: number = CellType.Number;
    let style = 0;
    let j = i + 2;
    for (;;) {
      j = this.attribute(s, j, n);
      if (j === CUT) return CUT;
      if (j === TAG_END || j === EMPTY_TAG_END) break;
      if (this.nameEnd - this.nameStart !== 1) continue;
      const { valueStart, valueEnd } = this;
      switch (s.charCodeAt(this.nameStart)) {
        case LETTER_R: {
          // As the general scanner reads r: letters, then digits (or nothing).
          let k = valueStart;
          column = 0;
          for (; k < valueEnd && column <= MAX_COLUMNS; k += 1) {
            const letter = s.charCodeAt(k);
            if (letter >= 65 && letter <= 90) column = column * 26 + (letter - 64);
            else if (letter >= 97 && letter <= 122) column = column * 26 + (letter - 96);
            else break;
          }
          row = digits(s, k, valueEnd);
          if (column === 0 || column > MAX_COLUMNS || (row < 0 && k < valueEnd)) {
            this.builder.fail(
              `cell reference '${s.slice(valueStart, valueEnd)}' is not a worksheet cell (columns A to XFD)`,
            );
          }
          break;
        }
        case LETTER_S:
          style = Math.max(digits(s, valueStart, valueEnd), 0);
          break;
        case LETTER_T: {
          const known = typeOf(s, valueStart, valueEnd);
          type = known >= 0 ? known : this.builder.cellType(s.slice(valueStart, valueEnd));
          break;
        }
        default:
      }
    }
    this.builder.startCell(column < 0 ? undefined : column, row < 0 ? undefined : row, type as CellType, style);
    this.cellType = type;
    this.integer = -1;
    if (j === EMPTY_TAG_END) this.builder.endCell();
    else this.level = IN_CELL;
    return this.valueEnd;
  }

  /** At '<' inside a <c>: its <v>, <f>, <is>, or </c>. */
  private cellContent(s: string, i: number, n: number): number {
    if (i + 4 > n) return CUT;
    const second = s.charCodeAt(i + 1);
    const third = s.charCodeAt(i + 2);
    if (second === SLASH) {
      if (!(third === LETTER_C && s.charCodeAt(i + 3) === GT)) return unsupported('an end tag that does not match <c>');
      this.level = IN_ROW;
      if (this.integer >= 0) this.builder.endCellWithInteger(this.integer);
      else this.builder.endCell();
      return i + 4;
    }
    if (second === LETTER_V && third === GT) return this.value(s, i, n);
    if (second === LETTER_V && third === SLASH) {
      if (s.charCodeAt(i + 3) !== GT) return unsupported("a '/' inside a tag");
      this.integer = -1;
      this.builder.valueText = '';
      return i + 4;
    }
    if (second === LETTER_F && endsName(s, i + 2)) return this.formula(s, i, n);
    if (second === LETTER_I && third === LETTER_S && s.charCodeAt(i + 3) === GT) return this.inlineString(s, i, n);
    return unsupported('an element other than <v>, <f> or <is> in <c>');
  }

  /** <v>text</v> at i. */
  private value(s: string, i: number, n: number): number {
    const start = i + 3;
    const end = s.indexOf('<', start);
    if (end < 0 || end + 4 > n) return CUT;
    // </v>, compared a character at a time (cheaper than a call per cell).
    if (!(s.charCodeAt(end + 1) === SLASH && s.charCodeAt(end + 2) === LETTER_V && s.charCodeAt(end + 3) === GT))
      return unsupported('markup inside <v>');
    this.integer = -1;
    const builder = this.builder;
    if (end > start && this.cellType <= CellType.SharedString) {
      // Whole numbers and shared-string indexes: no string made.
      const integer = digits(s, start, end);
      if (integer >= 0) {
        this.integer = integer;
        return end + 4;
      }
    }
    builder.valueText = end > start ? xmlText(s.slice(start, end)) : '';
    return end + 4;
  }

  /** <f …>formula</f> or <f …/> at i: skipped (the cached <v> is the value), its text checked. */
  private formula(s: string, i: number, n: number): number {
    let j = i + 2;
    for (;;) {
      j = this.attribute(s, j, n);
      if (j === CUT) return CUT;
      if (j === TAG_END || j === EMPTY_TAG_END) break;
    }
    const after = this.valueEnd;
    if (j === EMPTY_TAG_END) return after;
    const end = s.indexOf('<', after);
    if (end < 0 || end + 4 > n) return CUT;
    if (!s.startsWith('</f>', end)) return unsupported('markup inside <f>');
    if (s.indexOf('&', after) >= 0 && s.indexOf('&', after) < end) xmlText(s.slice(after, end)); // checked, not kept
    return end + 4;
  }

  /** <is><t>text</t></is> at i (the <t> may keep its spaces: xml:space="preserve"). */
  private inlineString(s: string, i: number, n: number): number {
    let start = i + 4;
    if (start + PRESERVED_TEXT.length > n) return CUT;
    if (s.startsWith('<t>', start)) start += 3;
    else if (s.startsWith(PRESERVED_TEXT, start)) start += PRESERVED_TEXT.length;
    else return unsupported('an inline string other than one <t>');
    const end = s.indexOf('<', start);
    if (end < 0 || end + 9 > n) return CUT;
    if (!s.startsWith('</t></is>', end)) return unsupported('an inline string other than one <t>');
    this.builder.inlineText = xmlText(s.slice(start, end));
    return end + 9;
  }

  /**
   * Reads the attribute at s[j] (after whitespace) of a tag being read; returns CUT, TAG_END or
   * EMPTY_TAG_END (`valueEnd` then the index after the tag), or the index after the attribute
   * (its name and value left in `nameStart`…`valueEnd`). Checks what the general scanner checks.
   */
  private attribute(s: string, j: number, n: number): number {
    while (j < n && isSpace(s.charCodeAt(j))) j += 1;
    if (j >= n) return CUT;
    let code = s.charCodeAt(j);
    if (code === GT) {
      this.valueEnd = j + 1;
      return TAG_END;
    }
    if (code === SLASH) {
      if (j + 1 >= n) return CUT;
      if (s.charCodeAt(j + 1) !== GT) unsupported("a '/' inside a tag");
      this.valueEnd = j + 2;
      return EMPTY_TAG_END;
    }
    const nameStart = j;
    for (; j < n; j += 1) {
      code = s.charCodeAt(j);
      if (code >= 65) continue;
      if (code === EQUALS || isSpace(code) || code === GT || code === SLASH || code === LT) break;
    }
    if (j >= n) return CUT;
    const nameEnd = j;
    if (nameEnd === nameStart) unsupported('a malformed attribute');
    while (j < n && isSpace(s.charCodeAt(j))) j += 1;
    if (j >= n) return CUT;
    if (s.charCodeAt(j) !== EQUALS) unsupported('an attribute with no value');
    j += 1;
    while (j < n && isSpace(s.charCodeAt(j))) j += 1;
    if (j >= n) return CUT;
    const quote = s.charCodeAt(j);
    if (quote !== DOUBLE_QUOTE && quote !== SINGLE_QUOTE) unsupported('an unquoted attribute value');
    const valueStart = j + 1;
    const valueEnd = s.indexOf(quote === DOUBLE_QUOTE ? '"' : "'", valueStart);
    if (valueEnd < 0 || valueEnd + 1 >= n) return CUT;
    code = s.charCodeAt(valueEnd + 1);
    if (!(isSpace(code) || code === GT || code === SLASH)) unsupported('no space after an attribute');
    this.nameStart = nameStart;
    this.nameEnd = nameEnd;
    this.valueStart = valueStart;
    this.valueEnd = valueEnd;
    return valueEnd + 1;
  }
}

const BEFORE = 0;
const INSIDE = 1;
const AFTER = 2;
const SHEET_DATA_TAG = '<sheetData';

/**
 * Reads a whole worksheet part: everything outside <sheetData> (the XML declaration, the root,
 * the merged cells after the rows) with the general `WorksheetScanner`, the inside of the first
 * <sheetData> directly in the root with {@link SheetDataScanner}. Throws what either throws.
 */
export class WorksheetPartScanner {
  private state = BEFORE;
  private carry = '';
  private readonly inside: SheetDataScanner;

  constructor(
    private readonly outside: { write(chunk: string): void; end(): void; atRootLevel(): boolean },
    builder: SheetBuilder,
  ) {
    this.inside = new SheetDataScanner(builder);
  }

  write(chunk: string): void {
    let s = this.carry.length > 0 ? this.carry + chunk : chunk;
    this.carry = '';
    if (this.state === BEFORE) {
      const at = s.indexOf(SHEET_DATA_TAG);
      if (at < 0 || at + SHEET_DATA_TAG.length >= s.length) {
        // The tag may be cut by the chunk's end: its start is kept for the next chunk.
        const keep = at >= 0 ? at : Math.max(s.length - SHEET_DATA_TAG.length, 0);
        this.outside.write(s.slice(0, keep));
        this.carry = s.slice(keep);
        return;
      }
      this.outside.write(s.slice(0, at));
      const tagEnd = at + SHEET_DATA_TAG.length;
      if (s.charCodeAt(tagEnd) !== GT || !this.outside.atRootLevel()) {
        // <sheetData/>, one with attributes, or the text inside a comment: the general scanner's.
        this.state = AFTER;
        this.outside.write(s.slice(at));
        return;
      }
      this.outside.write('<sheetData>');
      this.state = INSIDE;
      s = s.slice(tagEnd + 1);
    }
    if (this.state === INSIDE) {
      const stop = this.inside.scan(s, 0);
      if (!this.inside.finished) {
        this.carry = s.slice(stop);
        return;
      }
      this.state = AFTER;
      s = s.slice(stop);
    }
    this.outside.write(s);
  }

  end(): void {
    if (this.state === INSIDE) unsupported('<sheetData> is not closed');
    if (this.carry.length > 0) this.outside.write(this.carry);
    this.outside.end();
  }
}
