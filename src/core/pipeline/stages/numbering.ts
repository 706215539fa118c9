import { StringIds } from '../../validate/stringIds';

/** Strings numbered from 0 in the order first met, and back. */
export interface Numbering {
  /** The number of a string, given the next one when first met. */
  readonly id: (text: string) => number;
  /** The string numbered `id`. */
  readonly key: (id: number) => string;
  readonly size: () => number;
  /** Every string met, by number (the list itself: not to be changed). */
  readonly keys: () => readonly string[];
}

/**
 * Numbers strings (references, ward codes) so that what is known of each can live in plain or
 * typed arrays indexed by number: one table per kind of string instead of one map per fact.
 * `expected`: about how many distinct strings there will be (see StringIds).
 * @example const wards = numbering(); wards.id('E05000001'); wards.id('E05000002'); wards.id('E05000001') // => 0, 1, 0
 */
export function numbering(expected?: number): Numbering {
  const ids = new StringIds(expected);
  return {
    id: (text) => ids.id(text),
    key: (id) => ids.text(id),
    size: () => ids.size,
    keys: () => ids.all(),
  };
}
