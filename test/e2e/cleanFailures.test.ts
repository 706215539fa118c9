/**
 * End to end: every failure a user can cause ends with exit 2, a message naming the file and the
 * fix, no output and nothing left behind; the inputs are never written, whatever the flags.
 */
import fs from 'fs';
import os from 'os';
import path from 'path';
import { writeWorkbookDataFile } from '../../src/workbook/xlsx';
import { smallWorkbook } from '../pipeline/smallWorkbookFixture';
import { runCli } from './runCli';

let workdir: string;
let inputPath: string;

/** What is in a folder, hidden files too: a failed run must leave nothing there. */
const entries = (folder: string): string[] => fs.readdirSync(folder).sort();

beforeAll(async () => {
  workdir = fs.mkdtempSync(path.join(os.tmpdir(), 'catchment-failures-'));
  inputPath = path.join(workdir, 'input.xlsx');
  await writeWorkbookDataFile(smallWorkbook(), inputPath);
});

afterAll(() => fs.rmSync(workdir, { recursive: true, force: true }));

async function fails(args: string[], message: RegExp): Promise<void> {
  const before = entries(workdir);
  const run = await runCli(['analyse', ...args, '--quiet']);
  expect(run.code).toBe(2);
  expect(run.stderr).toMatch(message);
  expect(run.stderr).not.toMatch(/\n\s+at /); // no stack trace
  expect(entries(workdir)).toEqual(before);
}

describe('clean failures on the command line', () => {
  it('names an input that is a folder', async () => {
    await fails([workdir, '--out', path.join(workdir, 'out.xlsx')], /The input workbook .* is a folder, not a file/);
  });

  it('names a boundaries file that is a folder', async () => {
    await fails(
      [inputPath, '--boundaries', workdir, '--out', path.join(workdir, 'out.xlsx')],
      /The boundaries file .* is a folder, not a file/,
    );
  });

  it('refuses an output that is a folder, even with --force, leaving no partial file', async () => {
    const folder = path.join(workdir, 'a-folder');
    fs.mkdirSync(folder);
    try {
      await fails([inputPath, '--out', folder, '--force'], /a-folder is a folder: name the output file/);
      expect(entries(folder)).toEqual([]);
    } finally {
      fs.rmdirSync(folder);
    }
  });

  it('refuses an output inside a path that is a file', async () => {
    const file = path.join(workdir, 'plain.txt');
    fs.writeFileSync(file, 'x');
    try {
      await fails([inputPath, '--out', path.join(file, 'out.xlsx')], /plain\.txt is a file, not a folder/);
    } finally {
      fs.rmSync(file);
    }
  });

  const procUsable = fs.existsSync('/proc/self');
  (procUsable ? it : it.skip)(
    'fails at once on a folder that cannot take files (/proc), rather than hanging',
    async () => {
      const run = await runCli(['analyse', inputPath, '--out', '/proc/catchment-nowhere/out.xlsx', '--quiet']);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(/Cannot write \/proc\/catchment-nowhere\/out\.xlsx/);
    },
  );

  it('never overwrites the boundaries file, even with --force', async () => {
    const boundaries = path.join(workdir, 'wards.geojson');
    fs.writeFileSync(boundaries, JSON.stringify({ type: 'FeatureCollection', features: [] }));
    const bytes = fs.readFileSync(boundaries);
    try {
      await fails(
        [inputPath, '--boundaries', boundaries, '--out', boundaries, '--force'],
        /is the boundaries file, which is never overwritten/,
      );
      expect(fs.readFileSync(boundaries)).toEqual(bytes);
    } finally {
      fs.rmSync(boundaries);
    }
  });

  it('never overwrites the input through a hard link', async () => {
    const link = path.join(workdir, 'linked.xlsx');
    fs.linkSync(inputPath, link);
    try {
      await fails([inputPath, '--out', link, '--force'], /is the input workbook, which is never overwritten/);
    } finally {
      fs.rmSync(link);
    }
  });

  it('never overwrites the input through a symbolic link', async () => {
    const link = path.join(workdir, 'symlinked.xlsx');
    fs.symlinkSync(inputPath, link);
    try {
      await fails([inputPath, '--out', link, '--force'], /is the input workbook, which is never overwritten/);
    } finally {
      fs.rmSync(link);
    }
  });

  it.each([
    [
      'a CSV saved as .xlsx',
      Buffer.from('Crime Number,Offender ID\nC1,O1\n'),
      /is a text file \(a CSV\?\) with a workbook's name: open it in Excel and Save As/,
    ],
    [
      'an Excel 97–2003 workbook',
      Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(600)]),
      /Excel 97–2003 workbook \(\.xls\)/,
    ],
    [
      'a password-protected workbook',
      Buffer.concat([
        Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
        Buffer.alloc(64),
        Buffer.from('EncryptedPackage', 'utf16le'),
      ]),
      /protected with a password/,
    ],
    [
      'an .xlsb workbook',
      Buffer.concat([Buffer.from('PK\x03\x04', 'latin1'), Buffer.alloc(26), Buffer.from('xl/workbook.bin')]),
      /Excel binary workbook \(\.xlsb\)/,
    ],
    [
      'an OpenDocument spreadsheet',
      Buffer.concat([
        Buffer.from('PK\x03\x04', 'latin1'),
        Buffer.alloc(26),
        Buffer.from('mimetypeapplication/vnd.oasis.opendocument.spreadsheet'),
      ]),
      /OpenDocument spreadsheet \(\.ods\)/,
    ],
    ['an empty file', Buffer.alloc(0), /is empty \(0 bytes\)/],
  ])('names %s and how to convert it', async (_what, bytes, message) => {
    const file = path.join(workdir, 'disguised.xlsx');
    fs.writeFileSync(file, bytes);
    try {
      await fails([file, '--out', path.join(workdir, 'out.xlsx')], message);
    } finally {
      fs.rmSync(file);
    }
  });
});
