import type { ColumnMapping } from '../schema/types';
import type { PupilResidenceRecord, SheetData } from '../types';
import { normaliseWardCode } from './isWardCode';
import { requireNumber, requireUrn } from './readCells';
import { EXCLUDED, quoted } from './rowContext';
import type { ValidationResult } from './types';
import { validateRows } from './validateRows';

/**
 * Checks and converts a pupil residence sheet (school URN, home ward code, number of pupils) into
 * `PupilResidenceRecord`s.
 *
 * Excluded (error): a blank or malformed URN or ward code; a pupil count that is blank, not a
 * number (suppressed counts such as 'x' or '<5' included: they cannot be used as numbers) or
 * negative. Zero counts are kept. A later row for a URN and ward already read gets a
 * 'duplicateRow' warning and is excluded (add such rows together before loading if they are parts,
 * e.g. year groups, of one count).
 */
export function validatePupilResidence(sheet: SheetData, mapping: ColumnMapping): ValidationResult<PupilResidenceRecord> {
  return validateRows<PupilResidenceRecord>(
    sheet,
    mapping,
    'pupilResidence',
    (row) => {
      const urn = requireUrn(row, 'urn');
      let wardCode: string | undefined;
      if (row.blank('wardCode')) row.report('wardCode', 'error', 'missingValue', 'blank, but a home ward code is required', EXCLUDED);
      else {
        wardCode = normaliseWardCode(row.cell('wardCode'));
        if (!wardCode) row.report('wardCode', 'error', 'invalidValue', `${quoted(row.text('wardCode'))} is not a ward code (expected E05, W05 or S13 and six digits, e.g. E05011118)`, EXCLUDED);
      }
      let pupils = requireNumber(row, 'pupils', 'a number of pupils');
      if (pupils !== undefined && pupils < 0) {
        row.report('pupils', 'error', 'invalidValue', `${quoted(row.text('pupils'))} is negative (expected a number of pupils)`, EXCLUDED);
        pupils = undefined;
      }
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
