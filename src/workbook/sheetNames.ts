/**
 * Names of the things a run creates in a workbook: sheets and Excel tables. Pure, shared by the
 * .xlsx adapter and the Office.js adapter so both name a run's output the same way.
 *
 * Excel's sheet-name rules (Excel's "rename sheet" dialog and ECMA-376 Part 1, 18.2.19 `sheet`):
 * at most 31 characters; none of `: \ / ? * [ ]`; not blank; no apostrophe at the start or the end;
 * unique within the workbook ignoring case; `History` is reserved.
 */

/** Longest sheet name Excel accepts, in UTF-16 code units (as Excel counts them). */
export const MAX_SHEET_NAME_LENGTH = 31;

const FORBIDDEN_SHEET_CHARACTERS = /[:\\/?*[\]\u0000-\u001f\u007f]/g;
const RESERVED_SHEET_NAMES = new Set(['HISTORY']);

export interface SheetNamePlan {
  /** 1 for the first run into a workbook, 2 for the second, ...: shared by every sheet of the run. */
  readonly runNumber: number;
  /** Base name (as given) -> final sheet name. */
  readonly names: Map<string, string>;
}

/**
 * Plans the final names of one run's sheets: the smallest run number `n` such that none of the
 * run's names already exists (ignoring case). Run 1 uses the base names; run `n > 1` appends
 * ` (n)`, truncating the base so the whole name fits in 31 characters.
 *
 * Throws when two base names of the same run would give the same sheet name: the report builder
 * names its sheets, so that is a broken invariant, not an analyst's mistake.
 *
 * @example planSheetNames(['Offences', 'schools'], ['Schools', 'Wards'])
 * // => { runNumber: 2, names: Schools -> 'Schools (2)', Wards -> 'Wards (2)' }
 * // ('schools' blocks run 1 because names compare ignoring case)
 */
export function planSheetNames(existingNames: readonly string[], baseNames: readonly string[]): SheetNamePlan {
  const taken = new Set(existingNames.map(sheetNameKey));
  const cleanBases = baseNames.map(sanitizeSheetName);
  // Each existing name can block at most one run number, so some n <= existing + 1 is free.
  const lastCandidate = existingNames.length + 1;
  for (let runNumber = 1; runNumber <= lastCandidate; runNumber++) {
    const finals = cleanBases.map((base) => sheetNameForRun(base, runNumber));
    const keys = finals.map(sheetNameKey);
    const clash = keys.findIndex((key, index) => keys.indexOf(key) !== index);
    if (clash >= 0) {
      throw new Error(
        `Sheet base names '${baseNames[keys.indexOf(keys[clash])]}' and '${baseNames[clash]}' both become ` +
          `'${finals[clash]}' under Excel's naming rules; give the report's sheets distinct names (31 characters at most).`,
      );
    }
    if (keys.every((key) => !taken.has(key))) {
      return { runNumber, names: new Map(baseNames.map((base, index) => [base, finals[index]])) };
    }
  }
  throw new Error('planSheetNames: no free run number found; this cannot happen (each existing name blocks one run).');
}

/**
 * A base name made legal: forbidden characters become `_`, surrounding spaces and apostrophes are
 * dropped, blank becomes `Sheet`, the reserved `History` becomes `History_`. Not yet truncated.
 * @example sanitizeSheetName("'Q1/Q2: [draft]'") // => 'Q1_Q2_ _draft_'
 */
export function sanitizeSheetName(baseName: string): string {
  const cleaned = stripEdgeApostrophes(baseName.replace(FORBIDDEN_SHEET_CHARACTERS, '_').trim());
  if (cleaned === '') return 'Sheet';
  return RESERVED_SHEET_NAMES.has(sheetNameKey(cleaned)) ? `${cleaned}_` : cleaned;
}

/**
 * The sheet name for a (sanitised) base name in run `runNumber`, truncated to 31 characters.
 * @example sheetNameForRun('Schools', 2) // => 'Schools (2)'
 * @example sheetNameForRun('Validation issues found in the input', 12)
 * // => 'Validation issues found in (12)' (26 + 5 = 31 characters)
 */
export function sheetNameForRun(baseName: string, runNumber: number): string {
  const suffix = runNumber > 1 ? ` (${runNumber})` : '';
  const room = MAX_SHEET_NAME_LENGTH - suffix.length;
  const head = stripEdgeApostrophes(truncateUtf16(baseName, room).trimEnd());
  return `${head === '' ? 'Sheet' : head}${suffix}`;
}

/** The key under which Excel compares sheet names (case-insensitive). */
export function sheetNameKey(name: string): string {
  return name.toUpperCase();
}

/**
 * A sheet name as it must appear in a formula: bare when it is a plain identifier that cannot be
 * read as a cell reference, otherwise in apostrophes with inner apostrophes doubled.
 * @example quoteSheetName('Schools') // => 'Schools'
 * @example quoteSheetName("It's (2)") // => "'It''s (2)'"
 * @example quoteSheetName('A1') // => "'A1'" (would read as a cell reference)
 */
export function quoteSheetName(name: string): string {
  const plainIdentifier = /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name);
  const looksLikeReference =
    /^[A-Za-z]{1,3}[0-9]+$/.test(name) || /^[Rr][0-9]*([Cc][0-9]*)?$/.test(name) || /^[Cc][0-9]*$/.test(name);
  const looksLikeBoolean = /^(TRUE|FALSE)$/i.test(name);
  if (plainIdentifier && !looksLikeReference && !looksLikeBoolean) return name;
  return `'${name.replace(/'/g, "''")}'`;
}

/**
 * The Excel table name for a base table name in run `runNumber`: invalid characters become `_`, a
 * name that could be read as a cell reference gets a leading `_`, and runs after the first get
 * `_n` so a second run's tables never collide with the first's (table names are workbook-wide).
 * Excel's rules: letters, digits, `_`, `.`, `\`; starting with a letter, `_` or `\`; not a cell
 * reference; at most 255 characters.
 * @example tableNameForRun('tblSchools', 1) // => 'tblSchools'
 * @example tableNameForRun('tblSchools', 3) // => 'tblSchools_3'
 * @example tableNameForRun('Top 20', 1) // => 'Top_20'
 */
export function tableNameForRun(baseName: string, runNumber: number): string {
  let name = baseName.replace(/[^A-Za-z0-9_.\\\u00c0-\uffff]/g, '_');
  if (name === '') name = 'Table';
  if (!/^[A-Za-z_\\\u00c0-\uffff]/.test(name)) name = `_${name}`;
  if (/^[A-Za-z]{1,3}[0-9]+$/.test(name) || /^[Rr][0-9]*([Cc][0-9]*)?$/.test(name) || /^[Cc][0-9]*$/.test(name))
    name = `_${name}`;
  const suffix = runNumber > 1 ? `_${runNumber}` : '';
  return truncateUtf16(name, 255 - suffix.length) + suffix;
}

function stripEdgeApostrophes(text: string): string {
  return text.replace(/^'+/, '').replace(/'+$/, '').trim();
}

/** Cuts to at most `maxUnits` UTF-16 code units without splitting a surrogate pair. */
function truncateUtf16(text: string, maxUnits: number): string {
  if (text.length <= maxUnits) return text;
  let cut = text.slice(0, maxUnits);
  const last = cut.charCodeAt(cut.length - 1);
  if (last >= 0xd800 && last <= 0xdbff) cut = cut.slice(0, -1);
  return cut;
}
