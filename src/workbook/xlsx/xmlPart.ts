import { SaxesParser } from 'saxes';
import { XlsxReadError, type ZipArchive } from './zipArchive';

/** Event handlers for one XML part; element names arrive without their namespace prefix. */
export interface XmlHandlers {
  open?(name: string, attributes: Readonly<Record<string, string>>): void;
  close?(name: string): void;
  /** Character data (text and CDATA) with entities decoded. */
  text?(text: string): void;
}

/**
 * Parses one XML part of the package with saxes, streamed in chunks when `stream` is set (large
 * parts: worksheets, shared strings) or inflated whole otherwise. A part that is not well-formed
 * XML throws an {@link XlsxReadError} naming the part, the line and column, and what is wrong.
 */
export function parseXmlPart(archive: ZipArchive, partName: string, handlers: XmlHandlers, stream = false): void {
  const parser = new SaxesParser({ fileName: partName, position: true });
  const { open, close, text } = handlers;
  if (open) parser.on('opentag', (tag) => open(localName(tag.name), tag.attributes as Record<string, string>));
  if (close) parser.on('closetag', (tag) => close(localName(tag.name)));
  if (text) {
    parser.on('text', text);
    parser.on('cdata', text);
  }
  try {
    if (stream) archive.streamText(partName, (chunk) => parser.write(chunk));
    else parser.write(archive.textOf(partName));
    parser.close();
  } catch (error) {
    if (error instanceof XlsxReadError) throw error;
    // saxes reports malformed XML as 'PART:LINE:COLUMN: what'; anything else is not about the XML.
    const message = error instanceof Error ? error.message : '';
    if (!message.startsWith(`${partName}:`)) throw error;
    const where = /^:(\d+):(\d+): ([^]*)$/.exec(message.slice(partName.length));
    throw new XlsxReadError(
      `part ${partName} is not well-formed XML (${where ? `line ${where[1]}, column ${where[2]}: ${where[3]}` : message})`,
    );
  }
}

/**
 * An element or attribute name without its namespace prefix.
 * @example localName('x:row') // => 'row'
 */
export function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
}

/**
 * A string that owns its characters. Text from the XML parser can be a slice of the chunk it was
 * read from, which would keep the whole chunk (megabytes) alive for as long as the cell value
 * lives; short strings (under 13 characters) are always copied by V8 already.
 */
export function ownString(text: string): string {
  return text.length < 13 ? text : (text + ' ').slice(0, -1);
}

/**
 * Text with OOXML's `_xHHHH_` character escapes decoded (Excel writes a carriage return as
 * `_x000D_`, and a literal `_x` as `_x005F_x`).
 * @example decodeEscapes('Line 1_x000D_') // => 'Line 1\r'
 */
export function decodeEscapes(text: string): string {
  if (text.indexOf('_x') < 0) return text;
  return text.replace(/_x([0-9A-Fa-f]{4})_/g, (_match, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}
