/** Whole-phrase rewrites applied to the lower-cased, punctuation-free name (order matters). */
const PHRASES: readonly (readonly [RegExp, string])[] = [
  [/\bchurch of england\b/g, 'ce'],
  [/\bc of e\b/g, 'ce'],
  [/\bcofe\b/g, 'ce'],
  [/\bc e\b/g, 'ce'],
  [/\broman catholic\b/g, 'rc'],
  [/\br c\b/g, 'rc'],
  [/\bst\b/g, 'saint'],
  [/\bste\b/g, 'sainte'],
];

/** Words dropped from the end of a name (repeatedly), so 'X School' = 'X Academy' = 'X'. */
const SUFFIX_NOISE = new Set(['school', 'academy']);

/**
 * A loose school-name key, for finding a school the analyst names in conversation (the VRU list is
 * matched by the stricter, staged keys of `schoolNameKeys`, which keep 'X School' and 'X Academy' apart):
 * lower case, accents removed, '&' read as 'and', apostrophes removed ("Mary's" → "marys"), other
 * punctuation as spaces, 'St' → 'saint', 'C of E' / 'CofE' / 'CE' / 'Church of England' → 'ce',
 * 'RC' / 'Roman Catholic' → 'rc', a leading 'the' and trailing 'school' / 'academy' dropped (unless
 * nothing would be left), spaces collapsed.
 *
 * @example normaliseSchoolName("St Mary's C of E School") // => 'saint marys ce'
 * @example normaliseSchoolName('Saint Marys CofE School') // => 'saint marys ce'
 * @example normaliseSchoolName('The Park Hall Academy') // => 'park hall'
 */
export function normaliseSchoolName(name: string): string {
  let text = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/['’‘`]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
  for (const [pattern, replacement] of PHRASES) text = text.replace(pattern, replacement);
  const words = text.split(' ').filter((word) => word.length > 0);
  if (words.length > 1 && words[0] === 'the') words.shift();
  while (words.length > 1 && SUFFIX_NOISE.has(words[words.length - 1])) words.pop();
  return words.join(' ');
}
