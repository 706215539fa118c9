import { isPlausibleGridPoint, isPlausibleLonLat, wgs84ToGrid } from '../geo/bng';
import type { FieldName } from '../schema/types';
import type { GridPoint, IssueCode, LocationInput } from '../types';
import { normaliseWardCode } from './isWardCode';
import { normalisePostcode } from './normalisePostcode';
import { parseNumber } from './parseNumber';
import { EXCLUDED, quoted, type IssueTarget, type RowContext } from './rowContext';

/**
 * The fields that can locate one thing (an offence, a home, a school); any may be absent. A type,
 * not an interface, so that `Object.values` knows its values are field names.
 */
export type LocationFields = {
  readonly latitude?: FieldName;
  readonly longitude?: FieldName;
  readonly easting?: FieldName;
  readonly northing?: FieldName;
  readonly ward?: FieldName;
  readonly postcode?: FieldName;
};

interface Problem extends IssueTarget {
  readonly code: IssueCode;
  readonly problem: string;
  /** Consequence when the problem was fixed in place (a swapped pair); otherwise it depends on the outcome. */
  readonly fixed?: string;
}

type Source = 'easting and northing' | 'latitude and longitude' | 'ward code' | 'postcode';

interface Reading {
  point?: GridPoint;
  pointSource?: Source;
  wardCode?: string;
  postcode?: string;
  problems: Problem[];
}

const pairTarget = (row: RowContext, first: FieldName, second: FieldName): IssueTarget => ({
  column: `${row.header(first)} / ${row.header(second)}`,
  value: `${row.text(first)}, ${row.text(second)}`,
});

/**
 * Reads a pair of coordinate cells. Returns the two numbers, or records why not: one cell blank
 * ('missingValue'), or not a number ('notANumber').
 */
function readPair(
  row: RowContext,
  first: FieldName,
  second: FieldName,
  what: string,
  problems: Problem[],
): [number, number] | undefined {
  const firstBlank = row.blank(first);
  const secondBlank = row.blank(second);
  if (firstBlank && secondBlank) return undefined;
  if (firstBlank || secondBlank) {
    const [blankField, givenField] = firstBlank ? [first, second] : [second, first];
    problems.push({
      column: row.header(blankField),
      value: '',
      code: 'missingValue',
      problem: `blank, although ${quoted(row.text(givenField))} is given in '${row.header(givenField)}' (a ${what} needs both)`,
    });
    return undefined;
  }
  const firstNumber = parseNumber(row.cell(first));
  const secondNumber = parseNumber(row.cell(second));
  for (const [field, number] of [
    [first, firstNumber],
    [second, secondNumber],
  ] as const) {
    if (number === undefined) {
      problems.push({
        column: row.header(field),
        value: row.text(field),
        code: 'notANumber',
        problem: `${quoted(row.text(field))} is not a number (expected a ${what})`,
      });
    }
  }
  return firstNumber === undefined || secondNumber === undefined ? undefined : [firstNumber, secondNumber];
}

function readGrid(row: RowContext, fields: LocationFields, reading: Reading): void {
  const { easting: eastingField, northing: northingField } = fields;
  if (!eastingField || !northingField) return;
  const pair = readPair(
    row,
    eastingField,
    northingField,
    'grid reference (easting and northing in metres)',
    reading.problems,
  );
  if (!pair) return;
  const [easting, northing] = pair;
  // The pair's column and value are spelled out only for a problem (most rows have none).
  const target = (): IssueTarget => pairTarget(row, eastingField, northingField);
  if (easting === 0 || northing === 0) {
    reading.problems.push({
      ...target(),
      code: 'badCoordinate',
      problem: 'an easting or northing of 0 is not a real place (exports often write 0 for unknown)',
    });
  } else if (!isPlausibleGridPoint(easting, northing)) {
    const hint = isPlausibleLonLat(easting, northing) ? '; these look like longitude and latitude in degrees' : '';
    reading.problems.push({
      ...target(),
      code: 'badCoordinate',
      problem: `(${easting}, ${northing}) is outside Great Britain's grid (eastings 0–700,000 and northings 0–1,300,000 metres)${hint}`,
    });
  } else {
    reading.point = { easting, northing };
    reading.pointSource = 'easting and northing';
  }
}

function readLonLat(row: RowContext, fields: LocationFields, reading: Reading): void {
  const { latitude: latitudeField, longitude: longitudeField } = fields;
  if (!latitudeField || !longitudeField) return;
  const pair = readPair(row, latitudeField, longitudeField, 'latitude and longitude in degrees', reading.problems);
  if (!pair) return;
  const [latitude, longitude] = pair;
  const target = (): IssueTarget => pairTarget(row, latitudeField, longitudeField);
  if (isPlausibleLonLat(longitude, latitude)) {
    reading.point = wgs84ToGrid(longitude, latitude);
    reading.pointSource = 'latitude and longitude';
  } else if (isPlausibleLonLat(latitude, longitude)) {
    reading.point = wgs84ToGrid(latitude, longitude);
    reading.pointSource = 'latitude and longitude';
    reading.problems.push({
      ...target(),
      code: 'badCoordinate',
      problem: `latitude ${latitude} and longitude ${longitude} look swapped (British latitudes are 49–61°, longitudes −9–3°)`,
      fixed: `they are read the other way round, as latitude ${longitude} and longitude ${latitude}`,
    });
  } else {
    const hint =
      isPlausibleGridPoint(longitude, latitude) && Math.abs(latitude) > 180
        ? '; these look like grid eastings and northings in metres'
        : '';
    reading.problems.push({
      ...target(),
      code: 'badCoordinate',
      problem: `latitude ${latitude}, longitude ${longitude} is not in Great Britain (expected latitude 49–61° and longitude −9–3°)${hint}`,
    });
  }
}

function readWard(row: RowContext, fields: LocationFields, reading: Reading): void {
  if (!fields.ward || row.blank(fields.ward)) return;
  const wardCode = normaliseWardCode(row.cell(fields.ward));
  if (wardCode) reading.wardCode = wardCode;
  else {
    reading.problems.push({
      column: row.header(fields.ward),
      value: row.text(fields.ward),
      code: 'invalidValue',
      problem: `${quoted(row.text(fields.ward))} is not a ward code (expected E05, W05 or S13 and six digits, e.g. E05011118)`,
    });
  }
}

function readPostcode(
  row: RowContext,
  fields: LocationFields,
  reading: Reading,
  postcodes: ReadonlyMap<string, GridPoint> | undefined,
): void {
  if (!fields.postcode || row.blank(fields.postcode)) return;
  const text = row.text(fields.postcode);
  const postcode = normalisePostcode(text);
  const target = { column: row.header(fields.postcode), value: text };
  if (!postcode) {
    reading.problems.push({
      ...target,
      code: 'invalidValue',
      problem: `${quoted(text)} is not a postcode (expected e.g. B1 1AA)`,
    });
    return;
  }
  reading.postcode = postcode;
  if (reading.point || reading.wardCode) return;
  const point = postcodes?.get(postcode);
  if (point) {
    reading.point = point;
    reading.pointSource = 'postcode';
  } else {
    reading.problems.push({
      ...target,
      code: 'unknownPostcode',
      problem: postcodes
        ? `postcode ${postcode} is not in the postcode lookup`
        : `postcode ${postcode} cannot be placed because no postcode lookup sheet was given`,
    });
  }
}

/**
 * Reads one location from a row and reports its problems.
 *
 * Precedence: easting/northing (the engine's own grid), then latitude/longitude (converted with
 * `wgs84ToGrid`; a pair whose latitude is a British longitude and vice versa is read swapped, with
 * a warning), then — kept alongside any point, for the pipeline to check agreement — the ward code.
 * A postcode is kept as given but looked up only when there is neither a point nor a ward code.
 * A point at exactly 0 easting or northing is treated as 'unknown', not as a place.
 *
 * When the location is found (a point, or a ward code where `fields.ward` exists), problems with
 * the other cells are warnings and the row is kept; when it is not, they are errors and the row is
 * excluded, and a row giving nothing at all gets a 'missingValue' error. An Excel error cell is
 * read as blank (see `rowContext`).
 */
export function readLocation(
  row: RowContext,
  fields: LocationFields,
  what: string,
  postcodes?: ReadonlyMap<string, GridPoint>,
): LocationInput | undefined {
  const reading: Reading = { problems: [] };
  readGrid(row, fields, reading);
  if (!reading.point) readLonLat(row, fields, reading);
  readWard(row, fields, reading);
  readPostcode(row, fields, reading, postcodes);

  const locatedBy: Source | undefined = reading.point
    ? reading.pointSource
    : reading.wardCode
      ? 'ward code'
      : undefined;
  for (const { code, problem, fixed, ...target } of reading.problems) {
    if (fixed) row.report(target, 'warning', code, problem, fixed);
    else if (locatedBy)
      row.report(target, 'warning', code, problem, `the row is kept, its ${what} taken from the ${locatedBy}`);
    else row.report(target, 'error', code, problem, EXCLUDED);
  }
  if (!locatedBy) {
    if (reading.problems.length === 0) {
      const given = Object.values(fields)
        .filter((field): field is FieldName => field !== undefined && row.mapped(field))
        .sort((a, b) => row.columnOf(a) - row.columnOf(b));
      // Excel errors read as blank; say so, since each one also gets its own warning.
      const how = given.some((field) => row.excelError(field) !== undefined) ? 'blank or Excel errors' : 'all blank';
      row.report(
        { column: given.map((field) => row.header(field)).join(' / '), value: '' },
        'error',
        'missingValue',
        `no ${what} is given (${how})`,
        EXCLUDED,
      );
    }
    return undefined;
  }
  const pointField =
    reading.pointSource === 'easting and northing'
      ? fields.easting
      : reading.pointSource === 'latitude and longitude'
        ? fields.latitude
        : fields.postcode;
  // One object shape for every location (undefined where there is none): a million offence rows
  // make two each, which every later stage reads.
  return {
    point: reading.point,
    pointColumn: reading.point && pointField ? row.header(pointField) : undefined,
    wardCode: reading.wardCode || undefined,
    postcode: reading.postcode || undefined,
  };
}
