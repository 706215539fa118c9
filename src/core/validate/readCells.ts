import type { FieldName } from '../schema/types';
import { normaliseUrn } from './normaliseUrn';
import { parseNumber } from './parseNumber';
import { EXCLUDED, quoted, type RowContext } from './rowContext';

/**
 * A required text cell, or undefined after reporting a 'missingValue' error when it is blank.
 * @example requireText(row, 'offenceRef', 'an offence reference') // blank -> "…: blank, but an offence reference is required; the row is excluded."
 */
export function requireText(row: RowContext, field: FieldName, label: string): string | undefined {
  const text = row.text(field);
  if (text !== '') return text;
  row.report(field, 'error', 'missingValue', `blank, but ${label} is required`, EXCLUDED);
  return undefined;
}

/**
 * A required number, or undefined after reporting an error: 'missingValue' when blank, 'notANumber'
 * when the text is not a number (see `parseNumber`).
 */
export function requireNumber(row: RowContext, field: FieldName, label: string): number | undefined {
  if (row.blank(field)) {
    row.report(field, 'error', 'missingValue', `blank, but ${label} is required`, EXCLUDED);
    return undefined;
  }
  const number = parseNumber(row.cell(field));
  if (number === undefined)
    row.report(
      field,
      'error',
      'notANumber',
      `${quoted(row.text(field))} is not a number (expected ${label})`,
      EXCLUDED,
    );
  return number;
}

/** Text of an optional cell, or undefined when blank or unmapped. */
export function optionalText(row: RowContext, field: FieldName): string | undefined {
  const text = row.text(field);
  return text === '' ? undefined : text;
}

/** Reads a URN cell that must hold one: blank -> 'missingValue', wrong shape -> 'invalidValue' (both exclude the row). */
export function requireUrn(row: RowContext, field: FieldName): string | undefined {
  if (row.blank(field)) {
    row.report(field, 'error', 'missingValue', 'blank, but a school URN is required', EXCLUDED);
    return undefined;
  }
  const urn = normaliseUrn(row.cell(field));
  if (!urn)
    row.report(
      field,
      'error',
      'invalidValue',
      `${quoted(row.text(field))} is not a school URN (expected 6 or 7 digits, e.g. 103456)`,
      EXCLUDED,
    );
  return urn;
}
