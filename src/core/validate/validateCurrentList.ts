import type { ColumnMapping } from '../schema/types';
import type { CurrentListRecord, SheetData } from '../types';
import { normaliseUrn } from './normaliseUrn';
import { optionalText } from './readCells';
import { EXCLUDED, quoted } from './rowContext';
import type { ValidationResult } from './types';
import { validateRows } from './validateRows';

/** Name comparison key: case, spacing and punctuation ignored ('St. Mary's' = 'st marys'). */
const nameKey = (name: string): string => name.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');

/**
 * Checks and converts the VRU's current list (school URNs and/or names) into `CurrentListRecord`s.
 * Matching names to schools is left to the list comparison, which asks the analyst to confirm.
 *
 * A malformed URN with a name beside it is a warning (the name is kept for matching); a row with
 * neither a usable URN nor a name is excluded ('invalidValue' or 'missingValue'). A later row with
 * a URN already listed (or, without URNs, the same name) gets a 'duplicateRow' warning and is
 * excluded.
 */
export function validateCurrentList(sheet: SheetData, mapping: ColumnMapping): ValidationResult<CurrentListRecord> {
  return validateRows<CurrentListRecord>(
    sheet,
    mapping,
    'currentList',
    (row) => {
      const name = optionalText(row, 'name');
      let urn: string | undefined;
      if (!row.blank('urn')) {
        urn = normaliseUrn(row.cell('urn'));
        if (!urn) {
          const problem = `${quoted(row.text('urn'))} is not a school URN (expected 6 or 7 digits)`;
          if (name !== undefined)
            row.report(
              'urn',
              'warning',
              'invalidValue',
              problem,
              `the school is matched by its name, ${quoted(name)}, instead`,
            );
          else row.report('urn', 'error', 'invalidValue', problem, EXCLUDED);
        }
      } else if (name === undefined) {
        const target = mapping.fields.urn ? 'urn' : 'name';
        row.report(target, 'error', 'missingValue', 'blank, but a school URN or name is required', EXCLUDED);
      }
      if (urn === undefined && name === undefined) return undefined;
      return {
        sourceRow: row.rowNumber,
        ...(urn !== undefined ? { urn } : {}),
        ...(name !== undefined ? { name } : {}),
      };
    },
    {
      key: (record) => (record.urn !== undefined ? `urn:${record.urn}` : `name:${nameKey(record.name ?? '')}`),
      describe: (record, firstRow) =>
        record.urn !== undefined
          ? {
              column: mapping.fields.urn?.header ?? 'urn',
              value: record.urn,
              problem: `URN ${record.urn} is already listed on row ${firstRow}`,
            }
          : {
              column: mapping.fields.name?.header ?? 'name',
              value: record.name ?? '',
              problem: `${quoted(record.name ?? '')} is already listed on row ${firstRow}`,
            },
    },
  );
}
