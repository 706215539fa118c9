/**
 * A workbook with the kind of names that trip a parser, for the grammar and dialogue tests: the
 * small hand-made workbook (test/pipeline/smallWorkbookFixture.ts) with
 *   - wards renamed 'Castle and Priory' (W1, holds 'and'), "St Anne's" (W2), 'Primrose Hill' (W3),
 *     'Delta' (W4);
 *   - single-year population columns age_0 … age_24 (125 residents at each age 10–17, 50 at the
 *     others), so any age band can be counted;
 *   - offences recoded: C003 'Criminal damage', C006 'Shoplifting', C012 'Robbery', C009 'Public
 *     order offences' (the rest 'Violence with injury');
 *   - a second list sheet 'VRU Schools 2020' (a name with a year in it) holding Park Hall Academy.
 * The session starts with offences = 'Offences' and current list = 'VRU list'.
 * Offence dates run from 10 January 2023 (C001) to 4 July 2023 (C017).
 */
import type { AnalysisParameters, CellValue, SheetData, WorkbookData } from '../../src/core/types';
import { SMALL_PARAMETERS, smallWorkbook } from '../pipeline/smallWorkbookFixture';

export const NAMED_WARDS = { W1: 'Castle and Priory', W2: "St Anne's", W3: 'Primrose Hill', W4: 'Delta' } as const;
const RENAMED: Readonly<Record<string, string>> = {
  Alpha: NAMED_WARDS.W1,
  Beta: NAMED_WARDS.W2,
  Gamma: NAMED_WARDS.W3,
  Delta: NAMED_WARDS.W4,
};
const RECODED: Readonly<Record<string, string>> = {
  C003: 'Criminal damage',
  C006: 'Shoplifting',
  C012: 'Robbery',
  C009: 'Public order offences',
};
const AGES = Array.from({ length: 25 }, (_, age) => age);

function renameWards(sheet: SheetData): SheetData {
  return {
    ...sheet,
    rows: sheet.rows.map((row, i): CellValue[] =>
      i === 0
        ? [...row.slice(0, 4), ...AGES.map((age) => `age_${age}`)]
        : [
            row[0],
            RENAMED[String(row[1])] ?? row[1],
            row[2],
            row[3],
            ...AGES.map((age) => (age >= 10 && age <= 17 ? 125 : 50)),
          ],
    ),
  };
}

function recodeOffences(sheet: SheetData): SheetData {
  return {
    ...sheet,
    rows: sheet.rows.map((row, i) =>
      i > 0 && RECODED[String(row[0])]
        ? row.map((cell, column) => (column === 3 ? RECODED[String(row[0])] : cell))
        : row,
    ),
  };
}

export function namedWorkbook(): WorkbookData {
  const sheets = smallWorkbook().sheets.map((sheet) =>
    sheet.name === 'Wards' ? renameWards(sheet) : sheet.name === 'Offences' ? recodeOffences(sheet) : sheet,
  );
  return {
    sheets: [
      ...sheets,
      {
        name: 'VRU Schools 2020',
        rows: [
          ['URN', 'School name'],
          [100001, 'Park Hall Academy'],
        ],
      },
    ],
  };
}

/** The small workbook's parameters with a protection interval of 1, so its tiny counts publish. */
export const NAMED_PARAMETERS: AnalysisParameters = { ...SMALL_PARAMETERS, protectionInterval: 1 };
export const NAMED_ROLES = { offences: 'Offences', currentList: 'VRU list' } as const;
