import type { ColumnMapping } from '../schema/types';
import type { PupilResidenceRecord, SheetData } from '../types';
import { normaliseWardCode } from './isWardCode';
import { requireNumber, requireUrn } from './readCells';
import { EXCLUDED, quoted, type RowContext } from './rowContext';
import type { ValidationResult } from './types';
import { validateRows } from './validateRows';

/** A required count of pupils: blank, not a number, negative or fractional is an error that excludes the row. */
function readPupilCount(row: RowContext): number | undefined {
  const pupils = requireNumber(row, 'pupils', 'a number of pupils');
  if (pupils === undefined) return undefined;
  const problem =
    pupils < 0
      ? 'is negative (expected a number of pupils)'
      : !Number.isInteger(pupils)
        ? 'is not a whole number of pupils'
        : undefined;
  if (problem === undefined) return pupils;
  row.report('pupils', 'error', 'invalidValue', `${quoted(row.text('pupils'))} ${problem}`, EXCLUDED);
  return undefined;
}

/**
 * Checks and converts a pupil residence sheet (school URN, home ward code, number of pupils) into
 * `PupilResidenceRecord`s.
 *
 * Excluded (error): a blank or malformed URN or ward code; a pupil count that is blank, not a
 * number (suppressed counts such as 'x' or '<5' included: they cannot be used as numbers),
 * negative or not a whole number (a fraction is a share or a rate, not a count of pupils). Zero
 * counts are kept. An Excel error cell ('#N/A', …) is read as no value, with an 'excelError' issue
 * (see `rowContext`). A later row for a URN and ward already read gets a
 * 'duplicateRow' warning and is excluded (add such rows together before loading if they are parts,
 * e.g. year groups, of one count).
 */
export function validatePupilResidence(
  sheet: SheetData,
  mapping: ColumnMapping,
): ValidationResult<PupilResidenceRecord> {
  return validateRows<PupilResidenceRecord>(
    sheet,
    mapping,
    'pupilResidence',
    (row) => {
      const urn = requireUrn(row, 'urn');
      let wardCode: string | undefined;
      if (row.blank('wardCode'))
        row.report('wardCode', 'error', 'missingValue', 'blank, but a home ward code is required', EXCLUDED);
      else {
        wardCode = normaliseWardCode(row.cell('wardCode'));
        if (!wardCode)
          row.report(
            'wardCode',
            'error',
            'invalidValue',
            `${quoted(row.text('wardCode'))} is not a ward code (expected E05, W05 or S13 and six digits, e.g. E05011118)`,
            EXCLUDED,
          );
      }
      const pupils = readPupilCount(row);
      if (urn === undefined || wardCode === undefined || pupils === undefined) return undefined;
      return { sourceRow: row.rowNumber, urn, wardCode, pupils };
    },
    {
      key: (record) => `${record.urn}\u0000${record.wardCode}`,
      describe: (record, firstRow) => ({
        column: mapping.fields.wardCode?.header ?? 'wardCode',
        value: record.wardCode,
        problem: `pupils of school ${record.urn} living in ward ${record.wardCode} were already given on row ${firstRow} (if both rows are parts of one count, add them together before loading)`,
      }),
    },
  );
}
