/**
 * What the fuzz suite does to an analyst's workbook: each mutation names a kind and where (sheet,
 * row, column, which variant), taken modulo the workbook's size, so any generated mutation applies
 * to any workbook and a failing case shrinks to a short list.
 */
import fc from 'fast-check';
import type { PlantedCell } from '../support/realisticExtract';
import type { FuzzSheet } from './fuzzWorkbook';

export const MUTATION_KINDS = [
  'blank',
  'textInNumber',
  'errorCell',
  'date',
  'magnitude',
  'swapCells',
  'unicode',
  'formulaText',
  'duplicateHeader',
  'mergeHeader',
  'titleRows',
  'table',
  'hidden',
  'strayFarCell',
  'duplicateRow',
  'dropColumn',
  'dropDataRows',
  'dropSheet',
  'renameSheet',
  'shuffleColumns',
  'fillColumn',
] as const;
export type MutationKind = (typeof MUTATION_KINDS)[number];

export interface Mutation {
  readonly kind: MutationKind;
  readonly sheet: number;
  readonly row: number;
  readonly col: number;
  readonly pick: number;
}

/** Formula-like text: none may ever reach an output cell as a formula. */
export const FORMULA_TEXTS = [
  '=HYPERLINK("http://evil.example","click")',
  '=1+1',
  '+44 121 000',
  '-2+3',
  '@SUM(A1:A2)',
  "=cmd|' /C calc'!A0",
  '=EVIL()',
];
/**
 * True when an output formula was built from the formula-like text above: it holds one of the
 * distinctive parts, or is one of the texts itself less its leading sign ('1+1' from '=1+1').
 */
export function formulaFromInput(formula: string): boolean {
  const markers = ['evil', 'cmd|', 'SUM(A1:A2)', 'EVIL(', '44 121'];
  return (
    markers.some((marker) => formula.includes(marker)) || FORMULA_TEXTS.some((text) => formula.trim() === text.slice(1))
  );
}

// Not 'NaN' or 'Infinity': a message quoting the analyst's own cell could not be told from a number gone wrong.
const TEXT_IN_NUMBER = ['twelve', '1,5', 'n/a', '12 years', '  ', '1 234', '١٢', '0x1F', 'nil', '∞', '-', '?'];
const ERRORS = ['#N/A', '#REF!', '#VALUE!', '#DIV/0!', '#NAME?', '#NUM!', '#NULL!', '#SPILL!'];
const DATES: readonly PlantedCell[] = [
  '31/02/2023',
  '2023-05-01T10:00',
  '1 Mar 2021',
  'March 1, 2021',
  '20230501',
  45000,
  0.5,
  45000.75,
  '01-Mar-21',
  '2023/13/01',
  '5/6/23',
  new Date(Date.UTC(1899, 11, 31)),
  new Date(Date.UTC(2100, 0, 1)),
  new Date(Date.UTC(2023, 5, 1, 23, 59)),
  '2023-06-01 25:00',
  'yesterday',
  '00/00/0000',
  -1,
  2958466,
  '1e5',
  new Date(Date.UTC(1970, 0, 1)),
];
const MAGNITUDES = [1e308, -1e308, -5, 0, 1e15, 2 ** 53 + 1, -0, 5e-324, 1.5, 999999999, -400000, 4e9];
const UNICODE = [
  '𝔘𝔫𝔦𝔠𝔬𝔡𝔢',
  'مدرسة الأمل',
  'e\u0301cole',
  '\u200b',
  '😀 School',
  'İSTANBUL',
  'Straße',
  '\u202eevil',
  'a\u0000b',
  '\ud800',
  '中文学校',
  ' ',
];
const TITLES = ['Police extract — OFFICIAL SENSITIVE', 'Produced 01/04/2024', ''];

export const mutationArbitrary: fc.Arbitrary<Mutation> = fc.record({
  kind: fc.constantFrom(...MUTATION_KINDS),
  sheet: fc.nat({ max: 7 }),
  row: fc.nat({ max: 400 }),
  col: fc.nat({ max: 20 }),
  pick: fc.nat({ max: 50 }),
});

const at = <T>(list: readonly T[], index: number): T => list[index % list.length];

/** A copy of the sheets with the mutation applied (the input is not changed). */
export function applyMutation(sheets: readonly FuzzSheet[], mutation: Mutation): FuzzSheet[] {
  const copy = sheets.map((sheet) => ({
    ...sheet,
    rows: sheet.rows.map((row) => [...row]),
    merges: [...(sheet.merges ?? [])],
  }));
  if (copy.length === 0) return copy;
  const index = mutation.sheet % copy.length;
  const sheet = copy[index];
  const width = Math.max(1, ...sheet.rows.map((row) => row.length));
  const col = mutation.col % width;
  const dataRows = sheet.rows.length - sheet.headerRow;
  const dataRow = dataRows > 0 ? sheet.headerRow + (mutation.row % dataRows) : sheet.headerRow; // 0-based index of a data row
  const setCell = (value: PlantedCell): void => {
    const row = sheet.rows[dataRow] ?? (sheet.rows[dataRow] = []);
    row[col] = value;
  };
  const header = sheet.rows[sheet.headerRow - 1] ?? [];
  switch (mutation.kind) {
    case 'blank':
      setCell(null);
      break;
    case 'textInNumber':
      setCell(at(TEXT_IN_NUMBER, mutation.pick));
      break;
    case 'errorCell':
      setCell({ error: at(ERRORS, mutation.pick) });
      break;
    case 'date':
      setCell(at(DATES, mutation.pick));
      break;
    case 'magnitude':
      setCell(at(MAGNITUDES, mutation.pick));
      break;
    case 'swapCells': {
      const row = sheet.rows[dataRow] ?? [];
      const other = (col + 1) % width;
      [row[col], row[other]] = [row[other] ?? null, row[col] ?? null];
      break;
    }
    case 'unicode':
      setCell(at(UNICODE, mutation.pick));
      break;
    case 'formulaText':
      setCell(at(FORMULA_TEXTS, mutation.pick));
      break;
    case 'duplicateHeader':
      header[col] = header[(col + 1) % width] ?? null;
      break;
    case 'mergeHeader': {
      if (col + 1 < width) {
        header[col + 1] = null;
        const r = sheet.headerRow;
        copy[index] = { ...sheet, merges: [...sheet.merges, `${letter(col)}${r}:${letter(col + 1)}${r}`] };
      }
      break;
    }
    case 'titleRows': {
      const count = 1 + (mutation.pick % 3);
      const titles = Array.from({ length: count }, (_, i) => [at(TITLES, mutation.pick + i) as PlantedCell]);
      copy[index] = { ...sheet, rows: [...titles, ...sheet.rows], headerRow: sheet.headerRow + count, merges: [] };
      break;
    }
    case 'table':
      copy[index] = { ...sheet, table: true };
      break;
    case 'hidden':
      copy[index] = { ...sheet, hidden: true };
      break;
    case 'strayFarCell': {
      const far = [
        [1048576, 16383],
        [1048576, 0],
        [200000, 3],
        [sheet.rows.length + 5, 16383],
      ][mutation.pick % 4];
      copy[index] = {
        ...sheet,
        stray: { row: far[0], col: far[1], value: at<PlantedCell>(['stray', 42, { error: '#N/A' }], mutation.pick) },
      };
      break;
    }
    case 'duplicateRow':
      if (dataRows > 0) sheet.rows.splice(dataRow + 1, 0, [...sheet.rows[dataRow]]);
      break;
    case 'dropColumn':
      for (const row of sheet.rows) row.splice(col, 1);
      copy[index] = { ...sheet, merges: [] };
      break;
    case 'dropDataRows':
      sheet.rows.length = sheet.headerRow + (mutation.pick % 3);
      break;
    case 'dropSheet':
      copy.splice(index, 1);
      break;
    case 'renameSheet':
      copy[index] = {
        ...sheet,
        name: at(['History', 'Sheet1', "O'Brien's data", 'x'.repeat(31), 'Offences (2)'], mutation.pick),
      };
      break;
    case 'fillColumn': {
      // One value down a whole column: every population 1e308, every date a time of day, every code an error.
      const pool: readonly PlantedCell[] = [
        ...MAGNITUDES,
        ...TEXT_IN_NUMBER,
        ...DATES,
        ...UNICODE,
        ...FORMULA_TEXTS,
        { error: '#N/A' },
        null,
      ];
      const value = at(pool, mutation.pick + mutation.row);
      for (let r = sheet.headerRow; r < sheet.rows.length; r += 1) if (sheet.rows[r]) sheet.rows[r][col] = value;
      break;
    }
    case 'shuffleColumns': {
      const other = (col + 1 + (mutation.pick % Math.max(1, width - 1))) % width;
      for (const row of sheet.rows) [row[col], row[other]] = [row[other] ?? null, row[col] ?? null];
      copy[index] = { ...sheet, merges: [] };
      break;
    }
  }
  return uniqueNames(copy);
}

function letter(col: number): string {
  let text = '';
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26)) text = String.fromCharCode(65 + ((n - 1) % 26)) + text;
  return text;
}

/** Sheet names are unique in a workbook (case-insensitive): a renamed sheet that collides gets a number. */
function uniqueNames(sheets: FuzzSheet[]): FuzzSheet[] {
  const seen = new Set<string>();
  return sheets.map((sheet) => {
    let name = sheet.name;
    for (let n = 2; seen.has(name.toLowerCase()); n += 1) name = `${sheet.name.slice(0, 27)} (${n})`;
    seen.add(name.toLowerCase());
    return name === sheet.name ? sheet : { ...sheet, name };
  });
}
