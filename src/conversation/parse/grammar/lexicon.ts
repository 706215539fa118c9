/**
 * What the parser knows of the workbook: the names an analyst may type (sheets, column headers,
 * schools, wards, districts, offence types), which sheet plays which role, and the span of offence
 * dates. Names steer the grammar (a span that is a ward's name is one name, even with 'and' in it)
 * and protect words from respelling. Every field may be empty: the parser works without a workbook.
 */
import type { SheetRole } from '../../../core/types';
import { matchNames, plainName } from '../../match/matchNames';

export interface Lexicon {
  readonly sheets: readonly string[];
  /** The roles each sheet could play (the engine's detection candidates). */
  readonly sheetRoles: ReadonlyMap<string, readonly SheetRole[]>;
  /** The sheet each role reads now. */
  readonly assigned: Readonly<Partial<Record<SheetRole, string>>>;
  readonly headers: readonly string[];
  /** The headers of the sheet each role reads now. */
  readonly headersByRole?: Readonly<Partial<Record<SheetRole, readonly string[]>>>;
  readonly schools: readonly string[];
  readonly wards: readonly string[];
  readonly districts: readonly string[];
  readonly offenceTypes: readonly string[];
  /** Offender and offence references of the offences sheet, lower case: asking about one is a request about a person. */
  readonly references: ReadonlySet<string>;
  /** First and last offence day of the offences sheet (ISO), when known. */
  readonly offenceDays?: { readonly first: string; readonly last: string };
  /** Whether a run's results are at hand. */
  readonly hasResults: boolean;
}

export const EMPTY_LEXICON: Lexicon = {
  sheets: [],
  sheetRoles: new Map(),
  assigned: {},
  headers: [],
  schools: [],
  wards: [],
  districts: [],
  offenceTypes: [],
  references: new Set(),
  hasResults: false,
};

/** The kinds of name a slot may hold. */
export type NameKind = 'sheet' | 'header' | 'school' | 'ward' | 'district' | 'offenceType';

const NAMES_OF: Readonly<Record<NameKind, (lexicon: Lexicon) => readonly string[]>> = {
  sheet: (l) => l.sheets,
  header: (l) => l.headers,
  school: (l) => l.schools,
  ward: (l) => l.wards,
  district: (l) => l.districts,
  offenceType: (l) => l.offenceTypes,
};

export function namesOf(lexicon: Lexicon, kind: NameKind): readonly string[] {
  return NAMES_OF[kind](lexicon);
}

/** Every word of every name (lower case, apostrophes dropped): never respelled. */
export function protectedWordsOf(lexicon: Lexicon): Set<string> {
  const words = new Set<string>();
  const all = [
    ...lexicon.sheets,
    ...lexicon.headers,
    ...lexicon.schools,
    ...lexicon.wards,
    ...lexicon.districts,
    ...lexicon.offenceTypes,
  ];
  for (const name of all)
    for (const word of plainName(name).split(' ')) if (word.length >= 3 && !/^\d+$/.test(word)) words.add(word);
  return words;
}

/** How well typed words name something of a kind. */
export type NameFit = 'exact' | 'words' | 'near' | 'none';

const CACHE = new WeakMap<Lexicon, Map<string, NameFit>>();

/**
 * How typed words fit the names of a kind: 'exact' (the same name), 'words' (every word fits a word of
 * one or more names: 'park hall', 'st marys'), 'near' (clearly similar), or 'none'.
 */
export function nameFit(lexicon: Lexicon, kind: NameKind, typed: string): NameFit {
  let cache = CACHE.get(lexicon);
  if (!cache) {
    cache = new Map();
    CACHE.set(lexicon, cache);
  }
  const key = `${kind}\u0000${typed}`;
  const known = cache.get(key);
  if (known) return known;
  const names = namesOf(lexicon, kind);
  const plain = plainName(typed);
  let fit: NameFit = 'none';
  if (plain !== '' && names.length > 0) {
    if (
      names.some(
        (name) => plainName(name) === plain || plainName(name).replace(/s\b/g, '') === plain.replace(/s\b/g, ''),
      )
    )
      fit = 'exact';
    else {
      const match = matchNames(
        typed,
        names.map((name) => ({ name })),
      );
      if (match.kind !== 'none') {
        const typedWords = plain.split(' ');
        const wordwise =
          match.kind === 'several' ||
          (match.kind === 'one' &&
            typedWords.every((word) =>
              plainName(match.item.name)
                .split(' ')
                .some((w) => w === word || (word.length >= 3 && w.startsWith(word))),
            ));
        fit = wordwise ? 'words' : 'near';
      }
    }
  }
  cache.set(key, fit);
  return fit;
}
