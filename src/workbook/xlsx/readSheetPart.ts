import type { SheetData } from '../../core/types';
import { UnsupportedXml } from './fastXmlScanner';
import { WorksheetPartScanner } from './scanSheetData';
import { WorksheetScanner } from './scanWorksheetXml';
import { SheetBuilder, type SheetContext } from './sheetBuilder';
import { parseXmlPart } from './xmlPart';
import { XlsxReadError, type ZipArchive } from './zipArchive';

export type { SheetContext } from './sheetBuilder';

/**
 * Which reader of worksheet XML to use: 'fast' (the rows read by `SheetDataScanner`, the rest of
 * the part by the general scanner), 'tokenizer' (the general scanner `WorksheetScanner` alone),
 * each falling back to the next, or saxes only.
 */
export type SheetXmlReader = 'fast' | 'tokenizer' | 'saxes';

interface PartScanner {
  write(chunk: string): void;
  end(): void;
}

/** The scanner a reader starts with, feeding `builder`. */
function scannerFor(reader: 'fast' | 'tokenizer', builder: SheetBuilder): PartScanner {
  const general = new WorksheetScanner(builder);
  return reader === 'fast' ? new WorksheetPartScanner(general, builder) : general;
}

/**
 * Whether a scanner's failure is one to read the part again for: the next reader is the general
 * scanner after an `UnsupportedXml` from the sheetData scanner, otherwise saxes (whose message,
 * by line and column, is then the one reported).
 */
function nextReader(reader: 'fast' | 'tokenizer', error: unknown): SheetXmlReader {
  if (!(error instanceof UnsupportedXml || error instanceof XlsxReadError)) throw error;
  return reader === 'fast' && error instanceof UnsupportedXml ? 'tokenizer' : 'saxes';
}

/**
 * Reads one worksheet part, streamed, into {@link SheetData} (values as `SheetBuilder` describes
 * them, rows shaped as `finishSheetRows` describes).
 *
 * The part's rows are read by a scanner written for <sheetData> (`SheetDataScanner`), the rest by
 * one written for worksheet XML (`WorksheetScanner`, several times faster than a general parser
 * and allocating almost nothing per cell). Anything the first does not handle makes the part be
 * read again with the second; anything that one does not handle (a DOCTYPE, a mismatched tag, a
 * bad entity, a truncated part) makes it be read again with saxes, which reads any well-formed
 * XML and reports what is wrong with the rest, by line and column (so does any read error the
 * scanners meet: the message reported is always the saxes reading's).
 */
export function readSheetPart(
  archive: ZipArchive,
  sheetName: string,
  partName: string,
  context: SheetContext,
  reader: SheetXmlReader = 'fast',
): SheetData {
  while (reader !== 'saxes') {
    const builder = new SheetBuilder(sheetName, partName, context);
    const scanner = scannerFor(reader, builder);
    try {
      archive.streamText(partName, (chunk) => scanner.write(chunk));
      scanner.end();
      return builder.finish();
    } catch (error) {
      reader = nextReader(reader, error);
    }
  }
  return readSheetPartWithSaxes(archive, sheetName, partName, context);
}

/**
 * As {@link readSheetPart}, the part inflated on Node's zlib thread pool while this thread scans
 * it (see `ZipArchive.streamTextAsync`); the readings after the first, when needed, are as there.
 */
export async function readSheetPartAsync(
  archive: ZipArchive,
  sheetName: string,
  partName: string,
  context: SheetContext,
): Promise<SheetData> {
  const builder = new SheetBuilder(sheetName, partName, context);
  const scanner = scannerFor('fast', builder);
  try {
    await archive.streamTextAsync(partName, (chunk) => scanner.write(chunk));
    scanner.end();
    return builder.finish();
  } catch (error) {
    return readSheetPart(archive, sheetName, partName, context, nextReader('fast', error));
  }
}

/** As {@link readSheetPart}, reading the XML with saxes. */
function readSheetPartWithSaxes(
  archive: ZipArchive,
  sheetName: string,
  partName: string,
  context: SheetContext,
): SheetData {
  const builder = new SheetBuilder(sheetName, partName, context);
  let inSheetData = false;
  let inCell = false;
  let capture = 0; // 1: <v> text, 2: inline string <t> text
  let inInline = false;
  let phonetic = 0;
  parseXmlPart(
    archive,
    partName,
    {
      open(name, attributes) {
        switch (name) {
          case 'c': {
            if (!inSheetData) return;
            inCell = true;
            const { column, row } = parseReference(attributes.r ?? '');
            if (attributes.r !== undefined && (column === 0 || column > 16384))
              builder.fail(`cell reference '${attributes.r}' is not a worksheet cell (columns A to XFD)`);
            const style = attributes.s === undefined ? 0 : Number(attributes.s);
            builder.startCell(
              attributes.r === undefined ? undefined : column,
              row,
              builder.cellType(attributes.t),
              Number.isInteger(style) ? style : 0,
            );
            return;
          }
          case 'v':
            if (inCell) {
              capture = 1;
              builder.valueText = '';
            }
            return;
          case 'row':
            if (inSheetData)
              builder.startRow(attributes.r === undefined ? undefined : Number(attributes.r), attributes.r);
            return;
          case 'is':
            if (inCell) {
              inInline = true;
              builder.inlineText = '';
            }
            return;
          case 't':
            if (inInline && phonetic === 0) capture = 2;
            return;
          case 'rPh':
            phonetic += 1;
            return;
          case 'sheetData':
            inSheetData = true;
            builder.startSheetData();
            return;
          case 'mergeCell':
            builder.addMerge(attributes.ref ?? '');
            return;
          default:
        }
      },
      close(name) {
        switch (name) {
          case 'v':
          case 't':
            capture = 0;
            return;
          case 'c':
            if (!inCell) return;
            inCell = false;
            builder.endCell();
            return;
          case 'row':
            if (inSheetData) builder.endRow();
            return;
          case 'is':
            inInline = false;
            return;
          case 'rPh':
            phonetic -= 1;
            return;
          case 'sheetData':
            builder.endRow();
            inSheetData = false;
            return;
          default:
        }
      },
      text(text) {
        if (capture === 1) builder.valueText += text;
        else if (capture === 2) builder.inlineText += text;
      },
    },
    true,
  );
  return builder.finish();
}

/**
 * The 1-based column and row of a cell reference (0 for a part that is missing or not a number).
 * @example parseReference('AB12') // => { column: 28, row: 12 }
 */
export function parseReference(reference: string): { column: number; row: number | undefined } {
  let column = 0;
  let i = 0;
  for (; i < reference.length && column <= 16384; i += 1) {
    const code = reference.charCodeAt(i);
    if (code >= 65 && code <= 90) column = column * 26 + (code - 64);
    else if (code >= 97 && code <= 122) column = column * 26 + (code - 96);
    else break;
  }
  const row = i < reference.length ? Number(reference.slice(i)) : undefined;
  return { column, row: row !== undefined && Number.isInteger(row) ? row : undefined };
}
