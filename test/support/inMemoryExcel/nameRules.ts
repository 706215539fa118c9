import { invalidArgument, itemAlreadyExists } from './excelError';

/**
 * Excel's rules for sheet and table names, as the Excel UI and the file format enforce them
 * (sheet: at most 31 characters, none of `: \ / ? * [ ]`, not blank, no apostrophe first or last,
 * not `History`, unique ignoring case; table: letters, digits, `_`, `.` and `\`, starting with a
 * letter, `_` or `\`, not a cell reference, at most 255 characters, unique ignoring case).
 */

/** Throws InvalidArgument or ItemAlreadyExists as Excel does for a sheet name it will not take. */
export function checkSheetName(name: unknown, otherNames: readonly string[], location: string): string {
  if (typeof name !== 'string') throw invalidArgument(location, `sheet name ${JSON.stringify(name)} is not text`);
  if (name.trim() === '') throw invalidArgument(location, 'a sheet name cannot be blank');
  if (name.length > 31)
    throw invalidArgument(location, `sheet name '${name}' has ${name.length} characters; at most 31 are allowed`);
  const forbidden = /[:\\/?*[\]]/.exec(name);
  if (forbidden) throw invalidArgument(location, `sheet name '${name}' contains '${forbidden[0]}'`);
  if (name.startsWith("'") || name.endsWith("'"))
    throw invalidArgument(location, `sheet name '${name}' begins or ends with an apostrophe`);
  if (name.toUpperCase() === 'HISTORY') throw invalidArgument(location, "'History' is a name Excel reserves");
  const clash = otherNames.find((other) => other.toUpperCase() === name.toUpperCase());
  if (clash !== undefined) throw itemAlreadyExists(location, `a sheet named '${clash}' already exists`);
  return name;
}

/** Throws as Excel does for a table name it will not take. */
export function checkTableName(name: unknown, otherNames: readonly string[], location: string): string {
  if (typeof name !== 'string' || name === '')
    throw invalidArgument(location, `table name ${JSON.stringify(name)} is not a name`);
  if (name.length > 255)
    throw invalidArgument(location, `table name '${name.slice(0, 20)}…' is longer than 255 characters`);
  if (!/^[A-Za-z_\\\u00c0-\uffff][A-Za-z0-9_.\\\u00c0-\uffff]*$/.test(name)) {
    throw invalidArgument(
      location,
      `table name '${name}' must start with a letter, '_' or '\\' and hold only letters, digits, '_', '.' and '\\'`,
    );
  }
  if (/^[A-Za-z]{1,3}\d+$/.test(name) || /^[Rr]\d*([Cc]\d*)?$/.test(name) || /^[Cc]\d*$/.test(name)) {
    throw invalidArgument(location, `table name '${name}' could be read as a cell reference`);
  }
  const clash = otherNames.find((other) => other.toUpperCase() === name.toUpperCase());
  if (clash !== undefined) throw itemAlreadyExists(location, `a table named '${clash}' already exists in the workbook`);
  return name;
}
