/**
 * A scanner for the two big parts of an .xlsx package (worksheets and the shared strings table),
 * written for speed on the XML that Excel, LibreOffice, openpyxl and exceljs write: it finds tags
 * with `indexOf` and `charCodeAt`, hands a subclass each attribute as offsets into the text (so the
 * r, s and t of a cell are read without making strings), and passes text as offsets too. A general
 * SAX parser (saxes) builds an object per tag and per attribute; on a million-row sheet it spent
 * more time collecting that garbage than parsing.
 *
 * It checks what it reads (end tags match their start tags, attribute syntax, entity references,
 * one root element, nothing left open at the end) and throws {@link UnsupportedXml} for anything it
 * does not handle (a DOCTYPE, a malformed tag); the caller then reads the part again with saxes,
 * which handles any well-formed XML and reports what is wrong with the rest by line and column.
 */
export class UnsupportedXml extends Error {}

export const unsupported = (why: string): never => {
  throw new UnsupportedXml(why);
};

/** `FastXmlScanner.markup` could not finish: the rest arrives with the next chunk. */
const INCOMPLETE = -1;

export const isSpace = (code: number): boolean =>
  code <= 32 && (code === 32 || code === 10 || code === 9 || code === 13);

/**
 * The whole number written in s[start..end), or -1 when it is not only digits (or has more than
 * 15, past which a double is not exact).
 */
export function digits(s: string, start: number, end: number): number {
  if (end <= start || end - start > 15) return -1;
  let value = 0;
  for (let k = start; k < end; k += 1) {
    const code = s.charCodeAt(k);
    if (code < 48 || code > 57) return -1;
    value = value * 10 + (code - 48);
  }
  return value;
}

/**
 * Text with XML's predefined entities and character references decoded; anything else (an entity
 * a DTD would define, a bare '&') is left to saxes.
 * @example decodeEntities('Tom &amp; Jerry&#x2019;s') // => 'Tom & Jerry’s'
 */
export function decodeEntities(text: string): string {
  let amp = text.indexOf('&');
  if (amp < 0) return text;
  let out = '';
  let last = 0;
  while (amp >= 0) {
    const semi = text.indexOf(';', amp);
    if (semi < 0 || semi - amp > 12) unsupported('an unterminated entity reference');
    const name = text.slice(amp + 1, semi);
    let decoded: string;
    switch (name) {
      case 'amp':
        decoded = '&';
        break;
      case 'lt':
        decoded = '<';
        break;
      case 'gt':
        decoded = '>';
        break;
      case 'quot':
        decoded = '"';
        break;
      case 'apos':
        decoded = "'";
        break;
      default: {
        const match = /^#(?:x([0-9a-fA-F]+)|([0-9]+))$/.exec(name);
        const code = match ? parseInt(match[1] ?? match[2], match[1] !== undefined ? 16 : 10) : NaN;
        if (!(code >= 1 && code <= 0x10ffff) || (code >= 0xd800 && code <= 0xdfff))
          return unsupported(`the entity '&${name};'`);
        decoded = String.fromCodePoint(code);
      }
    }
    out += text.slice(last, amp) + decoded;
    last = semi + 1;
    amp = text.indexOf('&', last);
  }
  return out + text.slice(last);
}

/** Character data as XML delivers it: entities decoded, line ends (\r\n, \r) as \n. */
export function xmlText(raw: string): string {
  const text = raw.indexOf('\r') >= 0 ? raw.replace(/\r\n?/g, '\n') : raw;
  return decodeEntities(text);
}

/**
 * The tokenizer. A subclass says which elements it cares about (`kindOf`, by local name, 0 for
 * any other) and receives their attributes, starts and ends, and the character data inside the
 * root element.
 */
export abstract class FastXmlScanner {
  private pending = '';
  /** Names of the open elements (as written, prefix and all) and their kinds. */
  private readonly names: string[] = [];
  private readonly kinds: number[] = [];
  private rootSeen = false;

  /** `names[kind]`: the unprefixed name of each kind, used for the open-element stack. */
  constructor(private readonly kindNames: readonly string[]) {}

  /** The kind of the element whose local name is s[start..end); 0 for one that does not matter. */
  protected abstract kindOf(s: string, start: number, end: number): number;
  /** The start of a tag of kind > 0, before its attributes (again if the tag was cut by a chunk's end). */
  protected abstract begin(kind: number): void;
  /** An attribute of an element of kind > 0: name s[nameStart..nameEnd), value s[valueStart..valueEnd) undecoded. */
  protected abstract attribute(
    kind: number,
    s: string,
    nameStart: number,
    nameEnd: number,
    valueStart: number,
    valueEnd: number,
  ): void;
  /** The start of an element, after its attributes. */
  protected abstract open(kind: number): void;
  /** The end of an element (straight after `open` for an empty one). */
  protected abstract close(kind: number): void;
  /** Character data inside the root element: s[start..end), entities not yet decoded. */
  protected abstract text(s: string, start: number, end: number): void;
  /** A CDATA section's text inside the root element. */
  protected abstract cdata(text: string): void;

  /** Reads the next chunk of the part's text. */
  write(chunk: string): void {
    const s = this.pending.length > 0 ? this.pending + chunk : chunk;
    this.pending = '';
    const n = s.length;
    let i = 0;
    while (i < n) {
      const lt = s.indexOf('<', i);
      if (lt < 0) break; // text to the end of the chunk: kept until the markup after it arrives
      if (lt > i) {
        if (this.names.length > 0) this.text(s, i, lt);
        else
          for (let k = i; k < lt; k += 1) if (!isSpace(s.charCodeAt(k))) unsupported('text outside the root element');
      }
      const end = this.markup(s, lt, n);
      if (end === INCOMPLETE) {
        this.pending = s.slice(lt);
        return;
      }
      i = end;
    }
    if (i < n) this.pending = s.slice(i);
  }

  /**
   * True when the scanner stands directly inside the root element with no markup cut short
   * pending (only whitespace, if anything): a caller may then read the next stretch of the part
   * itself (see `WorksheetPartScanner`).
   */
  atRootLevel(): boolean {
    return this.names.length === 1 && this.pending.trim() === '';
  }

  /** Ends the part: it must be complete. */
  end(): void {
    if (this.pending.trim() !== '') unsupported('text or markup cut short at the end of the part');
    if (!this.rootSeen) unsupported('no root element');
    if (this.names.length > 0) unsupported(`<${this.names[this.names.length - 1]}> is not closed`);
  }

  /** Reads the markup at s[lt] ('<'); returns the index after it, or INCOMPLETE. */
  private markup(s: string, lt: number, n: number): number {
    if (lt + 1 >= n) return INCOMPLETE;
    const next = s.charCodeAt(lt + 1);
    if (next === 47) return this.endTag(s, lt, n); // '/'
    if (next === 63) {
      // '?': a processing instruction or the XML declaration
      const end = s.indexOf('?>', lt + 2);
      return end < 0 ? INCOMPLETE : end + 2;
    }
    if (next === 33) {
      // '!'
      if (n - lt < 4) return INCOMPLETE;
      if (s.startsWith('!--', lt + 1)) {
        const end = s.indexOf('-->', lt + 4);
        return end < 0 ? INCOMPLETE : end + 3;
      }
      if (n - lt < 9) return INCOMPLETE;
      if (s.startsWith('![CDATA[', lt + 1)) {
        const end = s.indexOf(']]>', lt + 9);
        if (end < 0) return INCOMPLETE;
        if (this.names.length === 0) unsupported('CDATA outside the root element');
        this.cdata(s.slice(lt + 9, end));
        return end + 3;
      }
      return unsupported('a DOCTYPE or other declaration');
    }
    return this.startTag(s, lt, n);
  }

  private endTag(s: string, lt: number, n: number): number {
    const depth = this.names.length;
    if (depth === 0) unsupported('an end tag with no start tag');
    const name = this.names[depth - 1];
    if (n - (lt + 2) < name.length + 1) return INCOMPLETE;
    if (!s.startsWith(name, lt + 2)) unsupported(`an end tag that does not match <${name}>`);
    let j = lt + 2 + name.length;
    while (j < n && isSpace(s.charCodeAt(j))) j += 1;
    if (j >= n) return INCOMPLETE;
    if (s.charCodeAt(j) !== 62) unsupported(`an end tag that does not match <${name}>`);
    this.names.pop();
    const kind = this.kinds.pop()!;
    if (kind !== 0) this.close(kind);
    return j + 1;
  }

  private startTag(s: string, lt: number, n: number): number {
    let j = lt + 1;
    let colon = -1;
    for (; j < n; j += 1) {
      const code = s.charCodeAt(j);
      if (code >= 65) continue; // letters (most of every name)
      if (isSpace(code) || code === 47 || code === 62) break;
      if (code === 58) colon = j;
      else if (code === 60 || code === 61 || code === 34 || code === 39 || code === 38)
        unsupported('a malformed tag name');
    }
    if (j >= n) return INCOMPLETE;
    const nameStart = lt + 1;
    const nameEnd = j;
    if (nameEnd === nameStart) unsupported('a tag with no name');
    const kind = this.kindOf(s, colon >= 0 ? colon + 1 : nameStart, nameEnd);

    // A tag cut by the chunk's end is read again, whole, with the next chunk: `begin` starts afresh.
    if (kind !== 0) this.begin(kind);
    let selfClosing = false;
    for (;;) {
      while (j < n && isSpace(s.charCodeAt(j))) j += 1;
      if (j >= n) return INCOMPLETE;
      let code = s.charCodeAt(j);
      if (code === 62) {
        j += 1;
        break;
      }
      if (code === 47) {
        if (j + 1 >= n) return INCOMPLETE;
        if (s.charCodeAt(j + 1) !== 62) unsupported("a '/' inside a tag");
        j += 2;
        selfClosing = true;
        break;
      }
      const attributeStart = j;
      for (; j < n; j += 1) {
        code = s.charCodeAt(j);
        if (code >= 65) continue;
        if (code === 61 || isSpace(code) || code === 62 || code === 47 || code === 60) break;
      }
      if (j >= n) return INCOMPLETE;
      const attributeEnd = j;
      if (attributeEnd === attributeStart) unsupported('a malformed attribute');
      while (j < n && isSpace(s.charCodeAt(j))) j += 1;
      if (j >= n) return INCOMPLETE;
      if (s.charCodeAt(j) !== 61) unsupported('an attribute with no value');
      j += 1;
      while (j < n && isSpace(s.charCodeAt(j))) j += 1;
      if (j >= n) return INCOMPLETE;
      const quote = s.charCodeAt(j);
      if (quote !== 34 && quote !== 39) unsupported('an unquoted attribute value');
      const valueStart = j + 1;
      const valueEnd = s.indexOf(quote === 34 ? '"' : "'", valueStart);
      if (valueEnd < 0) return INCOMPLETE;
      j = valueEnd + 1;
      if (j >= n) return INCOMPLETE;
      code = s.charCodeAt(j);
      if (!(isSpace(code) || code === 62 || code === 47)) unsupported('no space after an attribute');
      if (kind !== 0) this.attribute(kind, s, attributeStart, attributeEnd, valueStart, valueEnd);
    }

    if (this.names.length === 0) {
      if (this.rootSeen) unsupported('a second root element');
      this.rootSeen = true;
    }
    if (kind !== 0) this.open(kind);
    if (selfClosing) {
      if (kind !== 0) this.close(kind);
    } else {
      this.names.push(kind !== 0 && colon < 0 ? this.kindNames[kind] : s.slice(nameStart, nameEnd));
      this.kinds.push(kind);
    }
    return j;
  }
}
