import type { Issue } from '../../core/types';

/**
 * A sheet the engine reads that came from a file of its own (`--offences extract.csv`, or
 * `--offences other.xlsx#Crimes`): the name the engine knows it by, and how messages name it.
 */
export interface FileSheetSource {
  /** The sheet's name inside the engine (see fileSheetName). */
  readonly sheet: string;
  /** The file's name as messages give it (its base name). */
  readonly file: string;
  /** For a CSV: the line a row (a record number) starts on. */
  readonly lineOf?: (row: number) => number;
  /** For a sheet of another workbook: the sheet's name in that workbook. */
  readonly sheetInFile?: string;
}

/** A role's file as given on the command line: a path, and for a workbook the sheet after '#'. */
export interface RoleFileSpec {
  readonly path: string;
  readonly sheet?: string;
}

/**
 * Splits `FILE#Sheet name` at its last '#', unless the whole text names a file that exists (a
 * CSV may have '#' in its name).
 * @example roleFileSpec('other.xlsx#Crimes 2021', () => false) // => { path: 'other.xlsx', sheet: 'Crimes 2021' }
 */
export function roleFileSpec(text: string, exists: (path: string) => boolean): RoleFileSpec {
  const at = text.lastIndexOf('#');
  if (at <= 0 || at === text.length - 1 || exists(text)) return { path: text };
  return { path: text.slice(0, at), sheet: text.slice(at + 1) };
}

/**
 * The name the engine gives a file's sheet: the file's base name (`extract.csv`), with `#Sheet`
 * for a sheet of another workbook, so a message reads as the analyst typed it.
 * @example fileSheetName({ path: 'data/2024/extract.csv' }) // => 'extract.csv'
 */
export function fileSheetName(spec: RoleFileSpec): string {
  const base = spec.path.split(/[\\/]/).filter(Boolean).pop() ?? spec.path;
  return spec.sheet === undefined ? base : `${base}#${spec.sheet}`;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * A message with every mention of a file's sheet reworded for the file: `Sheet 'extract.csv', row
 * 12` becomes `File 'extract.csv', line 14` (the line the record starts on), `Sheet 'other.xlsx#Crimes'`
 * becomes `File 'other.xlsx', sheet 'Crimes'`. `ownSheet` is the sheet the message is about: its
 * other row numbers ("already read on row 12") are lines of that file too.
 * @example rewordForFiles("Sheet 'x.csv', row 3, column 'Age': …", [{ sheet: 'x.csv', file: 'x.csv', lineOf: (r) => r + 1 }])
 *   // => "File 'x.csv', line 4, column 'Age': …"
 */
export function rewordForFiles(text: string, sources: readonly FileSheetSource[], ownSheet?: string): string {
  let reworded = text;
  for (const source of sources) {
    if (!reworded.includes(source.sheet)) continue;
    const quoted = `'${escapeRegExp(source.sheet)}'`;
    const lineOf = source.lineOf;
    if (lineOf) {
      reworded = reworded
        .replace(
          new RegExp(`\\b([Ss])heet ${quoted}, row (\\d+)`, 'g'),
          (_m, s: string, row: string) => `${s === 'S' ? 'F' : 'f'}ile '${source.file}', line ${lineOf(Number(row))}`,
        )
        .replace(
          new RegExp(`\\b([Ss])heet ${quoted}`, 'g'),
          (_m, s: string) => `${s === 'S' ? 'F' : 'f'}ile '${source.file}'`,
        );
      if (ownSheet === source.sheet)
        reworded = reworded.replace(/\brow (\d+)\b/g, (_m, row: string) => `line ${lineOf(Number(row))}`);
    } else {
      const inFile = `'${source.file}', sheet '${source.sheetInFile ?? source.sheet}'`;
      reworded = reworded.replace(
        new RegExp(`\\b([Ss])heet ${quoted}`, 'g'),
        (_m, s: string) => `${s === 'S' ? 'F' : 'f'}ile ${inFile}`,
      );
    }
  }
  return reworded;
}

/**
 * An issue about a file's sheet as the analyst finds it in the file: for a CSV, `row` becomes the
 * line the record starts on, and the message says file and line (see rewordForFiles). Issues
 * about the workbook's own sheets come back unchanged, unless their message mentions a file.
 */
export function issueForFiles(issue: Issue, sources: readonly FileSheetSource[]): Issue {
  if (sources.length === 0) return issue;
  const message = rewordForFiles(issue.message, sources, issue.sheet);
  const lineOf = sources.find((source) => source.sheet === issue.sheet)?.lineOf;
  const row = lineOf && issue.row > 0 ? lineOf(issue.row) : issue.row;
  return message === issue.message && row === issue.row ? issue : { ...issue, message, row };
}
