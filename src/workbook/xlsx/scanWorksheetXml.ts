import { digits, FastXmlScanner, xmlText } from './fastXmlScanner';
import { CellType, MAX_COLUMNS, type SheetBuilder } from './sheetBuilder';
import { decodeEscapes, ownString } from './xmlPart';

// Elements that matter, by local name.
const CELL = 1;
const VALUE = 2;
const ROW = 3;
const INLINE = 4;
const TEXT = 5;
const PHONETIC = 6;
const SHEET_DATA = 7;
const MERGE_CELL = 8;
const SHARED_ITEM = 9;
const WORKSHEET_NAMES = ['', 'c', 'v', 'row', 'is', 't', 'rPh', 'sheetData', 'mergeCell'];
const SHARED_STRING_NAMES = ['', '', '', '', '', 't', 'rPh', '', '', 'si'];

function hasAmpersand(s: string, start: number, end: number): boolean {
  for (let k = start; k < end; k += 1) if (s.charCodeAt(k) === 38) return true;
  return false;
}

/** The CellType of a t attribute s[start..end), or -1 for one this scanner does not know. */
function typeOf(s: string, start: number, end: number): number {
  switch (end - start) {
    case 1:
      switch (s.charCodeAt(start)) {
        case 115:
          return CellType.SharedString; // s
        case 110:
          return CellType.Number; // n
        case 98:
          return CellType.Boolean; // b
        case 101:
          return CellType.Error; // e
        case 100:
          return CellType.IsoDate; // d
        default:
          return -1;
      }
    case 3:
      return s.startsWith('str', start) ? CellType.FormulaString : -1;
    case 9:
      return s.startsWith('inlineStr', start) ? CellType.InlineString : -1;
    default:
      return -1;
  }
}

/**
 * Reads a worksheet part into a {@link SheetBuilder}: <sheetData>'s rows and cells (r, s and t read
 * straight from the text; a <v> of plain digits parsed without making a string) and the
 * <mergeCell>s. See `FastXmlScanner` for what it accepts.
 */
export class WorksheetScanner extends FastXmlScanner {
  private inSheetData = false;
  private inCell = false;
  private cellType = 0;
  private capture = 0; // 1: <v> text, 2: inline string <t> text
  private inInline = false;
  private phonetic = 0;
  /** The value of <v> when it is one run of digits (no string made), else -1. */
  private integer = -1;
  private segments = 0;

  // Attributes of the tag being read.
  private column = -1;
  private cellRow = -1;
  private type: number = CellType.Number;
  private style = 0;
  private rowNumber = -2; // -2: no r; -1: an r that is not a number
  private rowText = '';
  private mergeRef = '';

  constructor(private readonly builder: SheetBuilder) {
    super(WORKSHEET_NAMES);
  }

  protected kindOf(s: string, start: number, end: number): number {
    switch (end - start) {
      case 1: {
        const code = s.charCodeAt(start);
        return code === 99 ? CELL : code === 118 ? VALUE : code === 116 ? TEXT : 0;
      }
      case 2:
        return s.startsWith('is', start) ? INLINE : 0;
      case 3:
        return s.startsWith('row', start) ? ROW : s.startsWith('rPh', start) ? PHONETIC : 0;
      case 9:
        return s.startsWith('sheetData', start) ? SHEET_DATA : s.startsWith('mergeCell', start) ? MERGE_CELL : 0;
      default:
        return 0;
    }
  }

  protected begin(kind: number): void {
    if (kind === CELL) {
      this.column = -1;
      this.cellRow = -1;
      this.type = CellType.Number;
      this.style = 0;
    } else if (kind === ROW) {
      this.rowNumber = -2;
      this.rowText = '';
    } else if (kind === MERGE_CELL) this.mergeRef = '';
  }

  protected attribute(
    kind: number,
    s: string,
    nameStart: number,
    nameEnd: number,
    valueStart: number,
    valueEnd: number,
  ): void {
    const length = nameEnd - nameStart;
    if (kind === CELL && length === 1) {
      const name = s.charCodeAt(nameStart);
      if (name === 114) {
        // r
        let k = valueStart;
        let column = 0;
        for (; k < valueEnd && column <= MAX_COLUMNS; k += 1) {
          const letter = s.charCodeAt(k);
          if (letter >= 65 && letter <= 90) column = column * 26 + (letter - 64);
          else if (letter >= 97 && letter <= 122) column = column * 26 + (letter - 96);
          else break;
        }
        const row = digits(s, k, valueEnd);
        if (column === 0 || column > MAX_COLUMNS || (row < 0 && k < valueEnd)) {
          this.builder.fail(
            `cell reference '${s.slice(valueStart, valueEnd)}' is not a worksheet cell (columns A to XFD)`,
          );
        }
        this.column = column;
        this.cellRow = row;
      } else if (name === 115) {
        // s
        this.style = Math.max(digits(s, valueStart, valueEnd), 0);
      } else if (name === 116) {
        // t
        const type = typeOf(s, valueStart, valueEnd);
        this.type = type >= 0 ? type : this.builder.cellType(s.slice(valueStart, valueEnd));
      }
    } else if (kind === ROW && length === 1 && s.charCodeAt(nameStart) === 114) {
      this.rowNumber = digits(s, valueStart, valueEnd);
      if (this.rowNumber < 0) this.rowText = s.slice(valueStart, valueEnd);
    } else if (kind === MERGE_CELL && length === 3 && s.startsWith('ref', nameStart)) {
      this.mergeRef = s.slice(valueStart, valueEnd);
    }
  }

  protected open(kind: number): void {
    const builder = this.builder;
    switch (kind) {
      case CELL:
        if (this.inSheetData) {
          this.inCell = true;
          this.cellType = this.type;
          builder.startCell(
            this.column < 0 ? undefined : this.column,
            this.cellRow < 0 ? undefined : this.cellRow,
            this.type as CellType,
            this.style,
          );
        }
        break;
      case VALUE:
        if (this.inCell) {
          this.capture = 1;
          builder.valueText = '';
          this.integer = -1;
          this.segments = 0;
        }
        break;
      case ROW:
        if (this.inSheetData)
          builder.startRow(
            this.rowNumber === -2 ? undefined : this.rowNumber < 0 ? NaN : this.rowNumber,
            this.rowText || undefined,
          );
        break;
      case INLINE:
        if (this.inCell) {
          this.inInline = true;
          builder.inlineText = '';
        }
        break;
      case TEXT:
        if (this.inInline && this.phonetic === 0) this.capture = 2;
        break;
      case PHONETIC:
        this.phonetic += 1;
        break;
      case SHEET_DATA:
        this.inSheetData = true;
        builder.startSheetData();
        break;
      case MERGE_CELL:
        builder.addMerge(this.mergeRef);
        break;
      default:
    }
  }

  protected close(kind: number): void {
    switch (kind) {
      case VALUE:
      case TEXT:
        this.capture = 0;
        break;
      case CELL:
        if (!this.inCell) break;
        this.inCell = false;
        if (this.integer >= 0) {
          const integer = this.integer;
          this.integer = -1;
          this.builder.endCellWithInteger(integer);
        } else this.builder.endCell();
        break;
      case ROW:
        if (this.inSheetData) this.builder.endRow();
        break;
      case INLINE:
        this.inInline = false;
        break;
      case PHONETIC:
        this.phonetic -= 1;
        break;
      case SHEET_DATA:
        this.builder.endRow();
        this.inSheetData = false;
        break;
      default:
    }
  }

  protected text(s: string, start: number, end: number): void {
    const capture = this.capture;
    if (capture === 1) {
      this.segments += 1;
      // Whole numbers and shared-string indexes: no string made.
      if (this.segments === 1 && this.cellType <= CellType.SharedString) {
        const value = digits(s, start, end);
        if (value >= 0) {
          this.integer = value;
          return;
        }
      }
      this.valueText(xmlText(s.slice(start, end)));
    } else if (capture === 2) {
      this.builder.inlineText += xmlText(s.slice(start, end));
    } else if (hasAmpersand(s, start, end)) {
      xmlText(s.slice(start, end)); // checked, not kept
    }
  }

  protected cdata(text: string): void {
    if (this.capture === 1) {
      this.segments += 1;
      this.valueText(text);
    } else if (this.capture === 2) this.builder.inlineText += text;
  }

  private valueText(text: string): void {
    if (this.integer >= 0) {
      this.builder.valueText = String(this.integer);
      this.integer = -1;
    }
    this.builder.valueText += text;
  }
}

/**
 * Reads the shared strings part: each <si>'s text (its <t>, or its rich text runs' <t>s joined),
 * phonetic guides (<rPh>) left out, `_xHHHH_` escapes decoded.
 */
export class SharedStringsScanner extends FastXmlScanner {
  readonly strings: string[] = [];
  private inItem = false;
  private inText = false;
  private phonetic = 0;
  private item = '';

  constructor() {
    super(SHARED_STRING_NAMES);
  }

  protected kindOf(s: string, start: number, end: number): number {
    switch (end - start) {
      case 1:
        return s.charCodeAt(start) === 116 ? TEXT : 0;
      case 2:
        return s.startsWith('si', start) ? SHARED_ITEM : 0;
      case 3:
        return s.startsWith('rPh', start) ? PHONETIC : 0;
      default:
        return 0;
    }
  }

  protected begin(): void {}

  protected attribute(): void {}

  protected open(kind: number): void {
    if (kind === SHARED_ITEM) {
      this.inItem = true;
      this.item = '';
    } else if (kind === TEXT) this.inText = this.inItem && this.phonetic === 0;
    else if (kind === PHONETIC) this.phonetic += 1;
  }

  protected close(kind: number): void {
    if (kind === SHARED_ITEM) {
      this.strings.push(ownString(decodeEscapes(this.item)));
      this.inItem = false;
    } else if (kind === TEXT) this.inText = false;
    else if (kind === PHONETIC) this.phonetic -= 1;
  }

  protected text(s: string, start: number, end: number): void {
    if (this.inText) this.item += xmlText(s.slice(start, end));
    else if (hasAmpersand(s, start, end)) xmlText(s.slice(start, end)); // checked, not kept
  }

  protected cdata(text: string): void {
    if (this.inText) this.item += text;
  }
}
