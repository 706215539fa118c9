import { isPlausibleGridPoint, isPlausibleLonLat } from '../geo/bng';
import type { ColumnMapping, FieldName } from '../schema/types';
import type { SheetData } from '../types';
import { normaliseWardCode } from './isWardCode';
import { optionalText, requireNumber } from './readCells';
import { EXCLUDED, quoted, type RowContext } from './rowContext';
import type { ValidationResult, WardVertexRecord } from './types';
import { validateRows } from './validateRows';

/** A required whole number (part, ring, order): blank, not a number, or fractional is an error. */
function requireWholeNumber(row: RowContext, field: FieldName, label: string): number | undefined {
  const number = requireNumber(row, field, label);
  if (number === undefined || Number.isInteger(number)) return number;
  row.report(
    field,
    'error',
    'invalidValue',
    `${quoted(row.text(field))} is not a whole number (expected ${label})`,
    EXCLUDED,
  );
  return undefined;
}

/**
 * Checks and converts a ward boundary vertex sheet (ward code, optional name and part, ring,
 * order, x, y) into `WardVertexRecord`s for the geo module, which assembles the rings.
 *
 * Excluded (error): a blank or malformed ward code; a blank, non-numeric or fractional part, ring
 * or order; a blank or non-numeric x or y; a point that is neither a British grid reference nor a
 * British longitude/latitude ('badCoordinate'). A sheet without a part column puts every ring in
 * part 1. A later row repeating a ward, part, ring and order already read gets a 'duplicateRow'
 * warning and is excluded.
 */
export function validateWardVertices(sheet: SheetData, mapping: ColumnMapping): ValidationResult<WardVertexRecord> {
  return validateRows<WardVertexRecord>(
    sheet,
    mapping,
    'wardVertices',
    (row) => {
      let wardCode: string | undefined;
      if (row.blank('wardCode'))
        row.report('wardCode', 'error', 'missingValue', 'blank, but a ward code is required', EXCLUDED);
      else {
        wardCode = normaliseWardCode(row.cell('wardCode'));
        if (!wardCode)
          row.report(
            'wardCode',
            'error',
            'invalidValue',
            `${quoted(row.text('wardCode'))} is not a ward code (expected E05, W05 or S13 and six digits)`,
            EXCLUDED,
          );
      }
      const part = row.mapped('part') ? requireWholeNumber(row, 'part', 'a polygon part number') : 1;
      const ring = requireWholeNumber(row, 'ring', 'a ring number');
      const order = requireWholeNumber(row, 'order', 'a vertex order number');
      const x = requireNumber(row, 'x', 'an easting or longitude');
      const y = requireNumber(row, 'y', 'a northing or latitude');
      if (x !== undefined && y !== undefined && !isPlausibleGridPoint(x, y) && !isPlausibleLonLat(x, y)) {
        row.report(
          { column: `${row.header('x')} / ${row.header('y')}`, value: `${row.text('x')}, ${row.text('y')}` },
          'error',
          'badCoordinate',
          `(${x}, ${y}) is neither a British grid reference (metres) nor a British longitude and latitude (degrees)`,
          EXCLUDED,
        );
        return undefined;
      }
      const wardName = optionalText(row, 'wardName');
      if (
        wardCode === undefined ||
        part === undefined ||
        ring === undefined ||
        order === undefined ||
        x === undefined ||
        y === undefined
      )
        return undefined;
      return {
        sourceRow: row.rowNumber,
        wardCode,
        ...(wardName !== undefined ? { wardName } : {}),
        part,
        ring,
        order,
        x,
        y,
      };
    },
    {
      key: (record) => [record.wardCode, record.part, record.ring, record.order].join('\u0000'),
      describe: (record, firstRow) => ({
        column: mapping.fields.order?.header ?? 'order',
        value: String(record.order),
        problem: `vertex ${record.order} of ring ${record.ring}, part ${record.part} of ward ${record.wardCode} was already read on row ${firstRow}`,
      }),
    },
  );
}
