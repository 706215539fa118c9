/** What a file's bytes say it is, whatever its name. */
export type SpreadsheetFormat = 'xlsx' | 'xlsb' | 'ods' | 'xls' | 'encrypted' | 'text' | 'empty' | 'unknown';

const ZIP = [0x50, 0x4b, 0x03, 0x04];
/** The OLE2 compound document signature: legacy .xls, and password-protected .xlsx (Excel wraps those in OLE2). */
const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(bytes: Uint8Array, signature: readonly number[]): boolean {
  return signature.every((byte, i) => bytes[i] === byte);
}

function contains(bytes: Uint8Array, text: string, encoding: 'latin1' | 'utf16le' = 'latin1'): boolean {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(Buffer.from(text, encoding));
}

/**
 * Identifies a spreadsheet file by its signature. Zip packages are told apart by the part names
 * stored in plain text in their headers (xl/workbook.bin for .xlsb, the OpenDocument mimetype);
 * an OLE2 file holding an 'EncryptedPackage' stream is a password-protected workbook; text with no
 * control bytes is a CSV or other text file saved under a spreadsheet name.
 * @example identifyFormat(Buffer.from('URN,Name\n100001,Park Hall\n')) // => 'text'
 */
export function identifyFormat(bytes: Uint8Array): SpreadsheetFormat {
  if (bytes.length === 0) return 'empty';
  if (startsWith(bytes, ZIP)) {
    if (contains(bytes, 'xl/workbook.bin')) return 'xlsb';
    if (contains(bytes, 'application/vnd.oasis.opendocument')) return 'ods';
    return 'xlsx';
  }
  if (startsWith(bytes, OLE2)) return contains(bytes, 'EncryptedPackage', 'utf16le') ? 'encrypted' : 'xls';
  const head = bytes.subarray(0, 4096);
  const binary = head.some((byte) => byte < 0x09 || (byte > 0x0d && byte < 0x20 && byte !== 0x1b));
  return binary ? 'unknown' : 'text';
}

/** What to tell the analyst about a file that is not an .xlsx workbook, or null when it is one. */
export function formatAdvice(format: SpreadsheetFormat, name: string): string | null {
  switch (format) {
    case 'xlsx':
      return null;
    case 'xls':
      return `${name} is an Excel 97–2003 workbook (.xls), which this tool does not read: open it in Excel and Save As Excel Workbook (.xlsx).`;
    case 'xlsb':
      return `${name} is an Excel binary workbook (.xlsb), which this tool does not read: open it in Excel and Save As Excel Workbook (.xlsx).`;
    case 'ods':
      return `${name} is an OpenDocument spreadsheet (.ods): open it in LibreOffice Calc or Excel and save it as Excel Workbook (.xlsx).`;
    case 'encrypted':
      return `${name} is protected with a password, so it cannot be read: open it in Excel, remove the password (File > Info > Protect Workbook), and save it again.`;
    case 'text':
      return `${name} is a text file (a CSV?) with a workbook's name: open it in Excel and Save As Excel Workbook (.xlsx).`;
    case 'empty':
      return `${name} is empty (0 bytes).`;
    case 'unknown':
      return `${name} is not a spreadsheet this tool can read (it is not an .xlsx workbook).`;
  }
}
