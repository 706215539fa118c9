import { createHash } from 'crypto';
import fs from 'fs';
import path from 'path';
import type { InputFingerprint } from '../core/pipeline/analysisResult';
import type { SheetData, SheetRole, WorkbookData } from '../core/types';
import {
  CsvFormatError,
  detectEncoding,
  fileSheetName,
  readCsvFile,
  type FileSheetSource,
  type RoleFileSpec,
} from '../workbook/csv';
import { formatAdvice, identifyFormat, readWorkbookBuffer } from '../workbook/xlsx';
import { checkInputPath, checkOutputPath, type InputPath } from './runPaths';
import { errorText } from '../core/errorText';

/** Input the engine could not use: exit code 2, with messages naming sheet, row and column. */
export class UnusableInputError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(problems.join('\n'));
  }
}

/** An input's SHA-256 fingerprint, as the Audit sheet records it. */
export function fingerprint(name: string, bytes: Buffer): InputFingerprint {
  return { name, bytes: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') };
}

/** True when two paths name the same file (following links where the file exists). */
export function samePath(a: string, b: string): boolean {
  const resolve = (p: string) => (fs.existsSync(p) ? fs.realpathSync(p) : path.resolve(p));
  return resolve(a) === resolve(b);
}

export interface InputFiles {
  readonly workbook: WorkbookData;
  readonly boundaries?: { readonly geojson: unknown; readonly source: string };
  readonly fingerprints: readonly InputFingerprint[];
  /** Sheets that came from files of their own, so messages can name the file (and a CSV's line). */
  readonly fileSources: readonly FileSheetSource[];
}

export interface InputOptions {
  /** The analyst's workbook; may be absent when the roles come from files (see parseAnalyseArguments). */
  readonly input?: string;
  readonly output: string;
  readonly force?: boolean;
  readonly boundaries?: string;
  readonly script?: string;
  readonly roleFiles?: Partial<Record<SheetRole, RoleFileSpec>>;
}

/** What each role's file is, for messages ('the offences file'). */
const ROLE_FILE_WHAT: Readonly<Record<SheetRole, string>> = {
  offences: 'the offences file',
  schools: 'the schools file',
  wards: 'the wards file',
  pupilResidence: 'the pupil residence file',
  currentList: 'the current list file',
  postcodes: 'the postcodes file',
  wardVertices: 'the ward vertices file',
};

/**
 * Checks the paths of a run (every input exists; the output is a new file, or `force` allows
 * replacing it; no input is ever the output), then reads the workbook, the sheets given as files
 * of their own (CSV streamed a megabyte at a time, or a sheet of another workbook) and the
 * optional GeoJSON boundaries, each with its fingerprint. Shared by `analyse`, `--script` and `chat`.
 */
export async function readInputs(options: InputOptions, log: (line: string) => void): Promise<InputFiles> {
  const roleFiles = Object.entries(options.roleFiles ?? {}) as [SheetRole, RoleFileSpec][];
  const inputs: InputPath[] = [];
  if (options.input !== undefined) inputs.push({ path: options.input, what: 'the input workbook' });
  for (const [role, spec] of roleFiles) inputs.push({ path: spec.path, what: ROLE_FILE_WHAT[role] });
  if (options.boundaries) inputs.push({ path: options.boundaries, what: 'the boundaries file' });
  if (options.script) inputs.push({ path: options.script, what: 'the dialogue script' });
  for (const input of inputs) checkInputPath(input);
  checkOutputPath(options.output, inputs, options.force ?? false);

  const fingerprints: InputFingerprint[] = [];
  let workbookSheets: readonly SheetData[] = [];
  if (options.input !== undefined) {
    log(`Reading ${options.input}`);
    const inputBytes = fs.readFileSync(options.input);
    workbookSheets = (await readWorkbookOrExplain(inputBytes, options.input, 'workbook')).sheets;
    fingerprints.push(fingerprint(path.basename(options.input), inputBytes));
  }

  const fileSheets: SheetData[] = [];
  const fileSources: FileSheetSource[] = [];
  for (const [role, spec] of roleFiles) {
    log(`Reading ${spec.path} for the ${role} sheet`);
    const read = await readRoleFile(spec);
    fileSheets.push(read.sheet);
    fileSources.push(read.source);
    fingerprints.push(read.fingerprint);
  }
  // A file's sheet takes its role: a workbook sheet that happens to share its name steps aside.
  const fileNames = new Set(fileSheets.map((sheet) => sheet.name));
  const workbook: WorkbookData = {
    sheets: [...workbookSheets.filter((sheet) => !fileNames.has(sheet.name)), ...fileSheets],
  };

  if (!options.boundaries) return { workbook, fingerprints, fileSources };
  const boundaryBytes = fs.readFileSync(options.boundaries);
  fingerprints.push(fingerprint(path.basename(options.boundaries), boundaryBytes));
  try {
    const geojson: unknown = JSON.parse(boundaryBytes.toString('utf8').replace(/^\uFEFF/, ''));
    return { workbook, boundaries: { geojson, source: path.basename(options.boundaries) }, fingerprints, fileSources };
  } catch (error) {
    throw new UnusableInputError([`Boundaries file ${options.boundaries}: not valid JSON (${errorText(error)}).`]);
  }
}

/** Reads an .xlsx workbook, or says what the file is and how to convert it. */
async function readWorkbookOrExplain(bytes: Buffer, name: string, use: 'workbook' | 'sheet'): Promise<WorkbookData> {
  const format = identifyFormat(bytes);
  const advice = formatAdvice(format, name);
  if (advice) {
    const csvHint =
      format === 'text' && use === 'workbook'
        ? ' Or give it as a CSV for the sheet it holds, e.g. --offences FILE.csv (catchment help lists the flags).'
        : '';
    throw new UnusableInputError([`${advice}${csvHint}`]);
  }
  try {
    return await readWorkbookBuffer(bytes);
  } catch (error) {
    throw new UnusableInputError([
      `${name} could not be read as an .xlsx workbook (${errorText(error)}). If it opens in Excel, Save As Excel Workbook (.xlsx) and try again.`,
    ]);
  }
}

interface RoleFile {
  readonly sheet: SheetData;
  readonly source: FileSheetSource;
  readonly fingerprint: InputFingerprint;
}

/** Bytes looked at to tell a text file from a workbook. */
const SIGNATURE_BYTES = 4096;

/** Reads one role's file: a sheet of a workbook (`FILE.xlsx#Sheet`, or a workbook of one sheet), or a CSV. */
async function readRoleFile(spec: RoleFileSpec): Promise<RoleFile> {
  const name = fileSheetName(spec);
  const file = path.basename(spec.path);
  const head = readHead(spec.path, SIGNATURE_BYTES);
  const format = identifyFormat(head);
  const utf16 = detectEncoding(head).encoding.startsWith('utf-16');
  if (format === 'xlsx' || spec.sheet !== undefined) {
    const bytes = fs.readFileSync(spec.path);
    const sheets = (await readWorkbookOrExplain(bytes, spec.path, 'sheet')).sheets;
    const chosen =
      spec.sheet === undefined
        ? sheets.length === 1
          ? sheets[0]
          : undefined
        : sheets.find((sheet) => sheet.name === spec.sheet);
    if (!chosen) {
      const names = sheets.map((sheet) => `'${sheet.name}'`).join(', ') || 'none';
      throw new UnusableInputError([
        spec.sheet === undefined
          ? `${spec.path} is a workbook of ${sheets.length} sheets: name the one to use after '#', e.g. '${spec.path}#${sheets[0]?.name ?? 'Sheet1'}' (sheets: ${names}).`
          : `${spec.path} has no sheet '${spec.sheet}' (sheets: ${names}).`,
      ]);
    }
    return {
      sheet: { ...chosen, name },
      source: { sheet: name, file, sheetInFile: chosen.name },
      fingerprint: fingerprint(file, bytes),
    };
  }
  if (format === 'empty') throw new UnusableInputError([`File '${file}' is empty (0 bytes).`]);
  if (format !== 'text' && !utf16) {
    const advice = formatAdvice(format, spec.path) ?? `${spec.path} is not a text file.`;
    throw new UnusableInputError([
      `${advice} A sheet given as a file must be a CSV (comma, semicolon, tab or pipe separated text) or an .xlsx workbook.`,
    ]);
  }
  try {
    const csv = readCsvFile(spec.path, name);
    if (csv.sheet.rows.length === 0) throw new UnusableInputError([`File '${file}' holds no lines of text.`]);
    return {
      sheet: csv.sheet,
      source: { sheet: name, file, lineOf: (row) => csv.lines.lineOf(row) },
      fingerprint: { name: file, bytes: csv.bytes, sha256: csv.sha256 },
    };
  } catch (error) {
    if (error instanceof CsvFormatError) throw new UnusableInputError([`File '${file}', ${error.message}`]);
    throw error;
  }
}

/** The first bytes of a file (fewer when it is shorter). */
function readHead(file: string, length: number): Uint8Array {
  const descriptor = fs.openSync(file, 'r');
  try {
    const buffer = Buffer.alloc(length);
    const read = fs.readSync(descriptor, buffer, 0, length, 0);
    return buffer.subarray(0, read);
  } finally {
    fs.closeSync(descriptor);
  }
}
