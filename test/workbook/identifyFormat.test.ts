import fs from 'fs';
import os from 'os';
import path from 'path';
import { identifyFormat, writeWorkbookDataFile } from '../../src/workbook/xlsx';

const OLE2 = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

describe('identifyFormat', () => {
  it('reads a real .xlsx written by the project as xlsx', async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'catchment-format-')), 'w.xlsx');
    await writeWorkbookDataFile({ sheets: [{ name: 'S', rows: [['a'], [1]] }] }, file);
    expect(identifyFormat(fs.readFileSync(file))).toBe('xlsx');
    fs.rmSync(path.dirname(file), { recursive: true, force: true });
  });

  it.each([
    ['text', Buffer.from('URN;Name\r\n100001;Park Hall\r\n')],
    ['text', Buffer.from('\uFEFFURN,Name\n', 'utf8')],
    ['xls', Buffer.concat([OLE2, Buffer.alloc(512)])],
    ['encrypted', Buffer.concat([OLE2, Buffer.alloc(100), Buffer.from('EncryptedPackage', 'utf16le')])],
    ['xlsb', Buffer.concat([Buffer.from('PK\x03\x04', 'latin1'), Buffer.from('xl/workbook.bin')])],
    [
      'ods',
      Buffer.concat([
        Buffer.from('PK\x03\x04', 'latin1'),
        Buffer.from('mimetypeapplication/vnd.oasis.opendocument.spreadsheet'),
      ]),
    ],
    ['empty', Buffer.alloc(0)],
    ['unknown', Buffer.from([0x00, 0x01, 0x02, 0x03, 0x89, 0x50])],
  ])('tells %s', (format, bytes) => {
    expect(identifyFormat(bytes)).toBe(format);
  });
});
