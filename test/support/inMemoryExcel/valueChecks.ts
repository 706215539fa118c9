import { invalidArgument } from './excelError';

/** Checks of the values proxy properties take, failing as Excel does (InvalidArgument). */

/** The HTML colour names Office.js accepts besides '#RRGGBB' (a few; Excel takes all CSS names). */
const NAMED_COLORS: Readonly<Record<string, string>> = {
  black: '#000000',
  white: '#FFFFFF',
  red: '#FF0000',
  green: '#008000',
  blue: '#0000FF',
  yellow: '#FFFF00',
  orange: '#FFA500',
  gray: '#808080',
  grey: '#808080',
  purple: '#800080',
};

/** A colour as Excel stores and reports it ('#RRGGBB', upper case), or InvalidArgument. */
export function colorValue(value: unknown, location: string): string {
  if (typeof value === 'string') {
    if (/^#[0-9A-Fa-f]{6}$/.test(value)) return value.toUpperCase();
    const named = NAMED_COLORS[value.toLowerCase()];
    if (named) return named;
  }
  throw invalidArgument(location, `${JSON.stringify(value)} is not a colour ('#RRGGBB' or an HTML colour name)`);
}

export function booleanValue(value: unknown, location: string): boolean {
  if (typeof value !== 'boolean') throw invalidArgument(location, `${JSON.stringify(value)} is not true or false`);
  return value;
}

export function numberValue(value: unknown, location: string, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max) {
    throw invalidArgument(location, `${JSON.stringify(value)} is not a number from ${min} to ${max}`);
  }
  return value;
}

export function oneOf<T extends string>(value: unknown, allowed: readonly T[], location: string): T {
  if (typeof value !== 'string' || !allowed.includes(value as T)) {
    throw invalidArgument(location, `${JSON.stringify(value)} is not one of ${allowed.join(', ')}`);
  }
  return value as T;
}
