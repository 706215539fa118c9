/**
 * Keys for matching a school name typed on a VRU list to the name in the schools sheet, one per
 * matching stage, from strictest to loosest: `exactNameKey` (case, spacing and punctuation ignored),
 * `abbreviationNameKey` (common abbreviations read in full as well) and `fuzzyNameKey` (the form whose
 * letter pairs are compared when nothing is equal).
 */

/** Lower case, accents removed, apostrophes dropped, other punctuation ('&' included) as spaces; the words. */
function words(name: string): string[] {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’‘`]/g, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 0);
}

/**
 * Multi-word designations, matched on the space-joined words. Church of England and Roman Catholic are
 * written in one short form ('ce', 'rc'): equivalent to expanding them for equality, and for the fuzzy
 * score it keeps 17 shared letters of 'church of england' from making two different saints' schools
 * look alike. 'C.E.' and 'R.C.' arrive here as 'c e' and 'r c'.
 */
const PHRASES: readonly (readonly [RegExp, string])[] = [
  [/\bchurch of england\b/g, 'ce'],
  [/\bc of e\b/g, 'ce'],
  [/\bc e\b/g, 'ce'],
  [/\broman catholic\b/g, 'rc'],
  [/\br c\b/g, 'rc'],
];

/** Single-word abbreviations (and plural type words) read as the word schools sheets spell out. */
const WORDS: ReadonlyMap<string, string> = new Map([
  ['sch', 'school'],
  ['schl', 'school'],
  ['acad', 'academy'],
  ['coll', 'college'],
  ['prim', 'primary'],
  ['pri', 'primary'],
  ['sec', 'secondary'],
  ['jnr', 'junior'],
  ['jun', 'junior'],
  ['jr', 'junior'],
  ['juniors', 'junior'],
  ['inf', 'infant'],
  ['infs', 'infant'],
  ['infants', 'infant'],
  ['nurs', 'nursery'],
  ['cofe', 'ce'],
  ['st', 'saint'],
  ['ste', 'sainte'],
]);

/** Type words left off the end of a name for the fuzzy score: lists often say 'School' where the sheet says 'Academy'. */
const TYPE_WORDS: ReadonlySet<string> = new Set(['school', 'academy']);

/**
 * The name with case, accents, spacing and punctuation ('&' included) ignored: two names with the same
 * key differ only in those. Nothing is expanded or dropped, so 'Ward End Academy' and 'Ward End School' stay apart.
 *
 * @example exactNameKey("WARD END  ACADEMY") // => 'wardendacademy'
 * @example exactNameKey("King's Norton Girls' School") // => 'kingsnortongirlsschool'
 */
export function exactNameKey(name: string): string {
  return words(name).join('');
}

/**
 * The words of a name with common abbreviations read in full ('Sch' → 'school', 'Acad' → 'academy',
 * 'Coll' → 'college', 'Prim' → 'primary', 'Sec' → 'secondary', 'Jnr'/'Jun' → 'junior', 'Inf' → 'infant',
 * 'St'/'St.' → 'saint', '&' → 'and'), 'C of E' / 'CofE' / 'CE' / 'Church of England' as 'ce',
 * 'RC' / 'Roman Catholic' as 'rc', and a leading 'The' dropped (unless it is the whole name).
 *
 * @example canonicalNameWords('The St. Marys C of E Prim Sch') // => ['saint', 'marys', 'ce', 'primary', 'school']
 */
export function canonicalNameWords(name: string): string[] {
  let text = words(name.replace(/&/g, ' and ')).join(' ');
  for (const [pattern, replacement] of PHRASES) text = text.replace(pattern, replacement);
  const canonical = text
    .split(' ')
    .filter((word) => word.length > 0)
    .map((word) => WORDS.get(word) ?? word);
  return canonical.length > 1 && canonical[0] === 'the' ? canonical.slice(1) : canonical;
}

/**
 * `canonicalNameWords` joined without spaces: two names with the same key are the same name once
 * abbreviations are read in full.
 *
 * @example abbreviationNameKey('Aston High Sch') === abbreviationNameKey('Aston High School') // => true ('astonhighschool')
 */
export function abbreviationNameKey(name: string): string {
  return canonicalNameWords(name).join('');
}

/**
 * `canonicalNameWords` with trailing 'school' / 'academy' dropped (unless nothing would be left), one
 * of the two forms compared by the Dice coefficient when no name is equal: a school that became an
 * academy is still found, and a shared type word does not inflate the similarity of two different names.
 *
 * @example fuzzyNameKey('Washwood Heath Academy') // => 'washwood heath'
 */
export function fuzzyNameKey(name: string): string {
  const canonical = canonicalNameWords(name);
  let end = canonical.length;
  while (end > 1 && TYPE_WORDS.has(canonical[end - 1])) end--;
  return canonical.slice(0, end).join(' ');
}
