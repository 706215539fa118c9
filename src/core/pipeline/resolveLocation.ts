import type { GridPoint, LocationInput } from '../types';

export type LocationOutcome =
  | {
      readonly status: 'resolved';
      readonly wardCode: string;
      readonly how: 'point' | 'wardCode';
      readonly disagreesWith?: string;
    }
  | { readonly status: 'outsideArea'; readonly point: GridPoint }
  | { readonly status: 'unknownWard'; readonly wardCode: string }
  | { readonly status: 'missing' };

/**
 * Resolves a location to one of the study's wards. Coordinates win over a ward code when both
 * are given, because a point is the more specific record; a code that disagrees is reported.
 * A point outside every ward lies outside the study area: it is counted as such, never guessed.
 */
export function resolveLocation(
  location: LocationInput,
  locatePoint: (point: GridPoint) => string | null,
  knownWardCodes: ReadonlySet<string>,
): LocationOutcome {
  if (location.point) {
    const wardCode = locatePoint(location.point);
    if (wardCode === null) return { status: 'outsideArea', point: location.point };
    const given = location.wardCode?.toUpperCase();
    if (given && given !== wardCode) return { status: 'resolved', wardCode, how: 'point', disagreesWith: given };
    return { status: 'resolved', wardCode, how: 'point' };
  }
  if (location.wardCode) {
    const wardCode = location.wardCode.toUpperCase();
    return knownWardCodes.has(wardCode)
      ? { status: 'resolved', wardCode, how: 'wardCode' }
      : { status: 'unknownWard', wardCode };
  }
  return { status: 'missing' };
}
