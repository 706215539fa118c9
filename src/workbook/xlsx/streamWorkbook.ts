import type { SheetData, WorkbookData } from '../../core/types';
import { readSheetPart, readSheetPartAsync, type SheetXmlReader } from './readSheetPart';
import { readDateStyles, readSharedStrings, readWorkbookStructure } from './workbookParts';
import { XlsxReadError, ZipArchive } from './zipArchive';

export interface ReadXlsxOptions {
  /**
   * How worksheet and shared-strings XML is read: 'fast' (the default) with the scanners written
   * for it (see `readSheetPart`), falling back to saxes for what they do not handle; 'tokenizer'
   * the same without the scanner for <sheetData> (as before it; for comparison); 'saxes' with
   * saxes only (for comparison).
   */
  readonly xmlReader?: SheetXmlReader;
}

/**
 * Reads every worksheet of an .xlsx package held in memory, streaming each big part (worksheets,
 * shared strings) straight out of the zip (fflate's streaming inflate, a megabyte of compressed
 * data at a time) through an XML reader, so that nothing grows with the size of the XML or of the
 * used range: only the cells holding a value are kept. Small parts (relationships, workbook,
 * styles) are read whole with saxes. Synchronous.
 *
 * Sheets come in the workbook's tab order (chart sheets left out), with the values described in
 * `SheetBuilder` and rows shaped as described in `finishSheetRows`. A package that cannot be read
 * throws an {@link XlsxReadError} whose message names the part or sheet and what is wrong (e.g.
 * "sheet 'Notes' (part xl/worksheets/sheet2.xml): part xl/worksheets/sheet2.xml is not well-formed
 * XML (line 1, column 812: unclosed tag: row)").
 */
export function readXlsx(bytes: Uint8Array, options: ReadXlsxOptions = {}): WorkbookData {
  const reader = options.xmlReader ?? 'fast';
  const archive = new ZipArchive(bytes);
  const structure = readWorkbookStructure(archive);
  const dateStyles = within('the styles part', () => readDateStyles(archive, structure.stylesPart));
  const sharedStrings = within('the shared strings part', () =>
    readSharedStrings(archive, structure.sharedStringsPart, reader === 'saxes' ? 'saxes' : 'fast'),
  );
  const context = { sharedStrings, dateStyles, date1904: structure.date1904 };
  const sheets: SheetData[] = [];
  for (const sheet of structure.sheets) {
    if (sheet.part === undefined) continue; // a chart sheet or dialog sheet: no cells
    const part = sheet.part;
    if (!archive.has(part))
      throw new XlsxReadError(`sheet '${sheet.name}': its worksheet part ${part} is missing from the file`);
    sheets.push(within(`sheet '${sheet.name}'`, () => readSheetPart(archive, sheet.name, part, context, reader)));
  }
  return { sheets };
}

/**
 * As {@link readXlsx} with the fast reader, each worksheet inflated on Node's zlib thread pool
 * while this thread scans it, so that on two cores inflating costs the reading no time. The
 * result is the same as `readXlsx`'s.
 */
export async function readXlsxAsync(bytes: Uint8Array): Promise<WorkbookData> {
  const archive = new ZipArchive(bytes);
  const structure = readWorkbookStructure(archive);
  const dateStyles = within('the styles part', () => readDateStyles(archive, structure.stylesPart));
  const sharedStrings = within('the shared strings part', () =>
    readSharedStrings(archive, structure.sharedStringsPart, 'fast'),
  );
  const context = { sharedStrings, dateStyles, date1904: structure.date1904 };
  const sheets: SheetData[] = [];
  for (const sheet of structure.sheets) {
    if (sheet.part === undefined) continue;
    const part = sheet.part;
    if (!archive.has(part))
      throw new XlsxReadError(`sheet '${sheet.name}': its worksheet part ${part} is missing from the file`);
    const what = `sheet '${sheet.name}'`;
    sheets.push(await withinAsync(what, () => readSheetPartAsync(archive, sheet.name, part, context)));
  }
  return { sheets };
}

/** As {@link within}, for a step that resolves later. */
async function withinAsync<T>(what: string, step: () => Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (error) {
    if (error instanceof XlsxReadError && !error.message.startsWith(what))
      throw new XlsxReadError(`${what}: ${error.message}`);
    throw error;
  }
}

/** Runs a step, prefixing what is being read to any read error that does not say it already. */
function within<T>(what: string, step: () => T): T {
  try {
    return step();
  } catch (error) {
    if (error instanceof XlsxReadError && !error.message.startsWith(what))
      throw new XlsxReadError(`${what}: ${error.message}`);
    throw error;
  }
}
