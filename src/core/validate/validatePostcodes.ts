import type { ColumnMapping } from '../schema/types';
import type { GridPoint, PostcodeRecord, SheetData } from '../types';
import { normalisePostcode } from './normalisePostcode';
import { readLocation } from './readLocation';
import { EXCLUDED, quoted } from './rowContext';
import type { PostcodeValidationResult } from './types';
import { validateRows } from './validateRows';

/**
 * Checks and converts a postcode lookup sheet (postcode with latitude/longitude or
 * easting/northing, e.g. an ONS postcode directory extract) into records and a lookup from the
 * standard postcode ('B1 1AA') to its grid point.
 *
 * Excluded (error): a blank or malformed postcode; a location that is missing or outside Great
 * Britain (see `readLocation`; a swapped latitude/longitude pair is fixed with a warning). A later
 * row for a postcode already read gets a 'duplicateRow' warning and is excluded: the first wins.
 * Cost: O(rows), one projection per latitude/longitude row (about 90,000 West Midlands postcodes in well under a second).
 */
export function validatePostcodes(sheet: SheetData, mapping: ColumnMapping): PostcodeValidationResult {
  const result = validateRows<PostcodeRecord>(
    sheet,
    mapping,
    'postcodes',
    (row) => {
      let postcode: string | undefined;
      if (row.blank('postcode'))
        row.report('postcode', 'error', 'missingValue', 'blank, but a postcode is required', EXCLUDED);
      else {
        postcode = normalisePostcode(row.text('postcode'));
        if (!postcode)
          row.report(
            'postcode',
            'error',
            'invalidValue',
            `${quoted(row.text('postcode'))} is not a postcode (expected e.g. B1 1AA)`,
            EXCLUDED,
          );
      }
      const location = readLocation(
        row,
        { latitude: 'latitude', longitude: 'longitude', easting: 'easting', northing: 'northing' },
        'postcode location',
      );
      if (postcode === undefined || location?.point === undefined) return undefined;
      return { postcode, location: location.point };
    },
    {
      key: (record) => record.postcode,
      describe: (record, firstRow) => ({
        column: mapping.fields.postcode?.header ?? 'postcode',
        value: record.postcode,
        problem: `postcode ${record.postcode} was already read on row ${firstRow}`,
      }),
    },
  );
  const lookup = new Map<string, GridPoint>();
  for (const record of result.records) lookup.set(record.postcode, record.location);
  return { ...result, lookup };
}
