import { classifyOffenceType } from './classifyOffenceType';
import {
  OFFENCE_GROUP_LABELS,
  OFFENCE_GROUPS,
  THEFT_GROUPS,
  VIOLENCE_AGAINST_THE_PERSON_GROUPS,
  VIOLENCE_GROUPS,
  type OffenceGroup,
} from './offenceGroups';
import { normaliseOffenceText } from './offenceText';

/**
 * Names analysts use for groups beyond the labels themselves. An umbrella name stands for every
 * group under it: 'violence' is the whole default scope, 'VAP' its violence-against-the-person part.
 */
const EXTRA_NAMES: readonly (readonly [string, readonly OffenceGroup[]])[] = [
  ['violence', VIOLENCE_GROUPS],
  ['violent', VIOLENCE_GROUPS],
  ['violent crime', VIOLENCE_GROUPS],
  ['violent offences', VIOLENCE_GROUPS],
  ['VAP', VIOLENCE_AGAINST_THE_PERSON_GROUPS],
  ['murder', ['homicide']],
  ['manslaughter', ['homicide']],
  ['death by driving', ['deathOrSeriousInjuryByDriving']],
  ['death or serious injury by driving', ['deathOrSeriousInjuryByDriving']],
  ['unlawful driving', ['deathOrSeriousInjuryByDriving']],
  ['death by dangerous driving', ['deathOrSeriousInjuryByDriving']],
  ['VWI', ['violenceWithInjury']],
  ['assault with injury', ['violenceWithInjury']],
  ['VWOI', ['violenceWithoutInjury']],
  ['assault without injury', ['violenceWithoutInjury']],
  ['stalking', ['stalkingAndHarassment']],
  ['harassment', ['stalkingAndHarassment']],
  ['possession of weapons offences', ['possessionOfWeapons']],
  ['weapons', ['possessionOfWeapons']],
  ['weapons possession', ['possessionOfWeapons']],
  ['offensive weapons', ['possessionOfWeapons']],
  ['sexual', ['sexualOffences']],
  ['sex offences', ['sexualOffences']],
  ['theft', THEFT_GROUPS],
  ['theft offences', THEFT_GROUPS],
  ['cycle theft', ['bicycleTheft']],
  ['all other theft offences', ['otherTheft']],
  ['vehicle crime', ['vehicleOffences']],
  ['criminal damage', ['criminalDamageAndArson']],
  ['arson', ['criminalDamageAndArson']],
  ['drugs', ['drugOffences']],
  ['public order', ['publicOrderOffences']],
  ['miscellaneous', ['miscellaneousCrimesAgainstSociety']],
  ['fraud offences', ['fraud']],
  ['computer misuse', ['fraud']],
  ['ASB', ['antiSocialBehaviour']],
];

/** Umbrella ids: a text resolving to one of these names every group under it. */
const UMBRELLAS: Partial<Record<OffenceGroup, readonly OffenceGroup[]>> = {
  violenceAgainstThePerson: VIOLENCE_AGAINST_THE_PERSON_GROUPS,
  theft: THEFT_GROUPS,
};

/** Normalised phrase → groups, from the labels, the ids themselves ('criminalDamageAndArson') and the extra names. */
const PHRASES: ReadonlyMap<string, readonly OffenceGroup[]> = new Map([
  ...OFFENCE_GROUPS.map((group): [string, readonly OffenceGroup[]] => [
    normaliseOffenceText(group),
    UMBRELLAS[group] ?? [group],
  ]),
  ...OFFENCE_GROUPS.map((group): [string, readonly OffenceGroup[]] => [
    normaliseOffenceText(OFFENCE_GROUP_LABELS[group]),
    UMBRELLAS[group] ?? [group],
  ]),
  ...EXTRA_NAMES.map(([name, groups]): [string, readonly OffenceGroup[]] => [normaliseOffenceText(name), groups]),
]);
const LONGEST_PHRASE = Math.max(...[...PHRASES.keys()].map((phrase) => phrase.split(' ').length));

/** The groups a classified text stands for: an umbrella id names its whole family. */
function groupsOfText(words: string): readonly OffenceGroup[] {
  const found = classifyOffenceType(words);
  if (found.kind === 'unclassified') return [];
  const groups = UMBRELLAS[found.group] ?? [found.group];
  return found.kind === 'violence' && found.alsoIncludes ? [...groups, found.alsoIncludes] : groups;
}

/** Phrases found in the words, longest first, and whether they cover every word. */
function phrasesIn(words: readonly string[]): { readonly groups: readonly OffenceGroup[]; readonly covered: boolean } {
  const groups: OffenceGroup[] = [];
  let covered = true;
  for (let i = 0; i < words.length;) {
    let length = Math.min(LONGEST_PHRASE, words.length - i);
    while (length > 0 && !PHRASES.has(words.slice(i, i + length).join(' '))) length -= 1;
    if (length === 0) {
      covered = false;
      i += 1;
    } else {
      groups.push(...(PHRASES.get(words.slice(i, i + length).join(' ')) ?? []));
      i += length;
    }
  }
  return { groups, covered };
}

/** Where an analyst's list breaks: commas, semicolons, '&', '+', and the words joining list items. */
const LIST_BREAK = /[,;&+\n]|\b(?:and|plus|also|as well as|then|but)\b/i;

/** Words around a name in a request ('please include … too'), trimmed before looking the name up. */
const LEADING_FILLER: ReadonlySet<string> = new Set([
  'please',
  'i',
  'want',
  'would',
  'like',
  'now',
  'include',
  'including',
  'count',
  'counting',
  'add',
  'adding',
  'use',
  'keep',
  'exclude',
  'excluding',
  'except',
  'drop',
  'remove',
  'only',
  'just',
  'all',
  'in',
  'scope',
]);
const TRAILING_FILLER: ReadonlySet<string> = new Set(['too', 'also', 'as', 'well', 'only', 'please', 'in', 'scope']);

/**
 * One list item: its exact name; else several names typed without separators ('violence with
 * injury robbery'); else what the classifier makes of it, before any name found inside it, since
 * 'violent disorder' is public order, not 'violent' + 'disorder'.
 */
function groupsOfItem(item: string): readonly OffenceGroup[] {
  const words = normaliseOffenceText(item)
    .split(' ')
    .filter((word) => word.length > 0);
  let first = 0;
  let last = words.length;
  while (first < last && LEADING_FILLER.has(words[first])) first += 1;
  while (last > first && TRAILING_FILLER.has(words[last - 1])) last -= 1;
  const core = words.slice(first, last);
  if (core.length === 0) return [];
  const exact = PHRASES.get(core.join(' '));
  if (exact) return exact;
  const found = phrasesIn(core);
  if (found.covered) return found.groups;
  const classified = groupsOfText(core.join(' '));
  return classified.length > 0 ? classified : found.groups;
}

/**
 * The groups an analyst's words name, in the order first named, each once. Reads group labels,
 * their usual short names and anything `classifyOffenceType` recognises. It does not read intent:
 * "exclude robbery" and "include robbery" both name robbery; the caller knows which it asked.
 * Lists split at commas and 'and', so "criminal damage and arson" names one group twice (kept
 * once) and "violence and sexual offences" names all violence plus sexual offences.
 *
 * @example groupsNamed('include criminal damage') // => ['criminalDamageAndArson']
 * @example groupsNamed('violence with injury and robbery') // => ['violenceWithInjury', 'robbery']
 * @example groupsNamed('possession of weapons') // => ['possessionOfWeapons']
 * @example groupsNamed('shoplifting, ABH') // => ['shoplifting', 'violenceWithInjury']
 */
export function groupsNamed(text: string): OffenceGroup[] {
  const named = new Set<OffenceGroup>();
  for (const item of text.split(LIST_BREAK)) {
    for (const group of groupsOfItem(item)) named.add(group);
  }
  return [...named];
}
