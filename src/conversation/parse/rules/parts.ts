/**
 * Parts several rules share: phases, sheet roles, fields, lists of offence types, and names (of
 * sheets, columns, schools and wards) checked against the workbook.
 */
import { groupsNamed } from '../../../core/scope';
import { SCHOOL_PHASES, type SchoolPhase, type SheetRole } from '../../../core/types';
import {
  alt,
  as,
  FILLER,
  lit,
  many,
  map,
  notBefore,
  opt,
  seq,
  span,
  type Ctx,
  type Parser,
  type Span,
} from '../grammar/combinators';
import { isKeyword, registerKeywords } from '../grammar/fuzzy';
import { nameFit, namesOf, type NameKind } from '../grammar/lexicon';
import { FIELD_PHRASES, PHASE_PHRASES, ROLE_PHRASES, type RoleField } from '../phrases';

/** A table of phrases (lower case, spaces between words) read as its values, every length tried. */
export function phrase<T>(table: Readonly<Record<string, T>>): Parser<T> {
  const keys = Object.keys(table).sort((a, b) => b.length - a.length);
  return map(lit(keys.join('|')), (said) => table[said]);
}

/** Separators of a list: commas, 'and', 'or', '&', 'plus', 'as well as'. */
export const LIST_SEPARATOR = alt<unknown>(
  lit(','),
  lit(';'),
  lit('and|or|plus|as well as|along with|together with'),
  seq(lit(','), lit('and|or|plus')),
);

// ───────────────────────────── phases

const MORE_PHASES: Readonly<Record<string, SchoolPhase>> = {
  'secondary school': 'secondary',
  'high school': 'secondary',
  'upper schools': 'secondary',
  'secondary academies': 'secondary',
  'primary school': 'primary',
  'junior schools': 'primary',
  'infant schools': 'primary',
  juniors: 'primary',
  'all through schools': 'allThrough',
  'all through school': 'allThrough',
  'through schools': 'allThrough',
  'special school': 'special',
  'sen schools': 'special',
  'special needs schools': 'special',
  prus: 'alternativeProvision',
  pru: 'alternativeProvision',
  ap: 'alternativeProvision',
  'alternative provision schools': 'alternativeProvision',
  'other schools': 'other',
  'other phases': 'other',
  'other phase': 'other',
  'sixth forms': 'other',
  'sixth form colleges': 'other',
  'sixth form': 'other',
  colleges: 'other',
  nurseries: 'other',
  'nursery schools': 'other',
  '16 plus': 'other',
};
export const PHASE_WORDS: Readonly<Record<string, SchoolPhase>> = { ...PHASE_PHRASES, ...MORE_PHASES };

/** One phase, with an optional 'schools' after it. */
export const phaseName: Parser<SchoolPhase> = map(
  // 'primary suppression' is the disclosure method's first step, not primary schools.
  seq(
    phrase(PHASE_WORDS),
    notBefore('suppression|suppressed|suppress|cells|cell|disclosure', { skipFiller: false }),
    opt(lit('schools|school|phase|phases|ones')),
  ),
  ([phase]) => phase,
);

/** Phases in the order said, each once. */
export const phaseList: Parser<SchoolPhase[]> = map(many(phaseName, LIST_SEPARATOR), (phases) => [...new Set(phases)]);

/** Every phase, in the order replies list them ('other' last). */
export const EVERY_PHASE: readonly SchoolPhase[] = SCHOOL_PHASES;

// ───────────────────────────── roles and fields

const MORE_ROLES: Readonly<Record<string, SheetRole>> = {
  'current vru list': 'currentList',
  vru: 'currentList',
  'programme list': 'currentList',
  programme: 'currentList',
  'schools list': 'currentList',
  'current list of schools': 'currentList',
  'list of schools': 'currentList',
  'vru school list': 'currentList',
  'existing list': 'currentList',
  'pupil home ward': 'pupilResidence',
  'pupil residence data': 'pupilResidence',
  'home ward data': 'pupilResidence',
  'where pupils live': 'pupilResidence',
  'pupil residence sheet': 'pupilResidence',
  'pupils by ward': 'pupilResidence',
  'offence data': 'offences',
  'offences data': 'offences',
  'crimes data': 'offences',
  'police extract': 'offences',
  'youth violence': 'offences',
  'violence data': 'offences',
  'school data': 'schools',
  'schools data': 'schools',
  'gias data': 'schools',
  'school list': 'schools',
  'wards data': 'wards',
  'population data': 'wards',
  'ward populations': 'wards',
  // GIS and statistics words for the same sheets.
  denominators: 'wards',
  denominator: 'wards',
  'population denominators': 'wards',
  polygons: 'wardVertices',
  'ward polygons': 'wardVertices',
  geometry: 'wardVertices',
  'ward geometry': 'wardVertices',
};
export const ROLE_WORDS: Readonly<Record<string, SheetRole>> = { ...ROLE_PHRASES, ...MORE_ROLES };

/** A role named: 'the current VRU list', 'our offences', 'the pupil residence sheet'. */
export const roleName: Parser<SheetRole> = map(
  seq(
    opt(lit('current|existing|prevention|main|new|old')),
    phrase(ROLE_WORDS),
    opt(lit('sheet|tab|worksheet|data|table')),
  ),
  ([, role]) => role,
);

export const SHEET_WORD = lit('sheet|tab|worksheet|spreadsheet|table');

/** Ways of naming a column's field, with every field they may mean. */
const MORE_FIELDS: Readonly<Record<string, readonly RoleField[]>> = {
  'crime ref': FIELD_PHRASES['crime reference'],
  'crime no': FIELD_PHRASES['crime reference'],
  'crime number': FIELD_PHRASES['crime reference'],
  'offender ref': FIELD_PHRASES['offender reference'],
  'offender number': FIELD_PHRASES['offender reference'],
  'date committed': FIELD_PHRASES['offence date'],
  'date of the offence': FIELD_PHRASES['offence date'],
  ages: FIELD_PHRASES.age,
  'age of offender': FIELD_PHRASES.age,
  'offenders age': FIELD_PHRASES.age,
  'offence types': FIELD_PHRASES['offence type'],
  'crime types': FIELD_PHRASES['offence type'],
};
export const FIELD_WORDS: Readonly<Record<string, readonly RoleField[]>> = { ...FIELD_PHRASES, ...MORE_FIELDS };
export const fieldName: Parser<{ readonly phrase: string; readonly fields: readonly RoleField[] }> = map(
  lit(
    Object.keys(FIELD_WORDS)
      .sort((a, b) => b.length - a.length)
      .join('|'),
  ),
  (said) => ({ phrase: said, fields: FIELD_WORDS[said] }),
);

export const COLUMN_WORD = lit('column|field|header|col|heading|columns');

// ───────────────────────────── names checked against the workbook

const CONNECTOR_IN_NAME = 3;

/** Words that join parts of a request; a name rarely holds one ('at', 'on', 'from' are common in names, so not these). */
const JOINING = new Set(['and', 'then', 'also', 'plus', 'but', 'with', 'or', ',', ';', '.', 'after', 'next']);

/** How many joining words a stretch holds. */
function connectorsIn(stretch: Span, ctx: Ctx): number {
  let count = 0;
  for (let i = stretch.from; i < stretch.to; i++)
    if (!ctx.tokens[i].quoted && JOINING.has(ctx.tokens[i].text)) count += 1;
  return count;
}

/** How many words of a stretch are keywords of the grammar (not common words). */
function keywordsIn(stretch: Span, ctx: Ctx): number {
  let count = 0;
  for (let i = stretch.from; i < stretch.to; i++)
    if (!ctx.tokens[i].protected && isKeyword(ctx.tokens[i].text)) count += 1;
  return count;
}

/** Whether a stretch holds a bare number that is neither a place in the ranking ('number 2', 'rank 3') nor a URN ('school 100003'). */
function countsInName(stretch: Span, ctx: Ctx): boolean {
  for (let i = stretch.from; i < stretch.to; i++) {
    const text = ctx.tokens[i].text;
    if (!/^\d+$/.test(text) || text.length >= 6) continue;
    if (
      !['number', 'no', 'rank', 'ranked', 'position', 'place', 'school', 'urn'].includes(ctx.tokens[i - 1]?.text ?? '')
    )
      return true;
  }
  return false;
}

/** Words that never start or end a name (they are the grammar's). */
const NOT_AT_EDGE = new Set([
  'the',
  'a',
  'an',
  'and',
  'or',
  'with',
  'to',
  'for',
  'of',
  'on',
  'in',
  'at',
  'from',
  'is',
  'are',
  'was',
  'has',
  'had',
  'did',
  'does',
  'please',
  'it',
  'then',
  'too',
  'ward',
  'wards',
  'sheet',
  'tab',
  'column',
  'whats',
  'what',
  'why',
  'how',
  'where',
  'which',
  'who',
  'whos',
  'whys',
  'kids',
  'children',
  'pupils',
  'offenders',
  'people',
  'youths',
  'teenagers',
  'older',
  'younger',
]);

/**
 * A name of one of the kinds, checked against the workbook's names: a quoted name, or words that fit
 * one (cheap when the same name, dearer when only near); words that fit nothing cost more and may not
 * hold 'and' (with no names of the kind known, they cost little, and 'and' a little more).
 */
/** Words that start a correction, never part of a name. */
const CORRECTING: ReadonlySet<string> = new Set(['sorry', 'oops', 'whoops', 'actually', 'meant', 'scratch']);

export function nameOf(kinds: readonly NameKind[], longest = 7, unknownCost: number | null = 2): Parser<Span> {
  return span(longest, (stretch, ctx) => {
    if (stretch.quoted) return 0;
    const first = ctx.tokens[stretch.from].text;
    const last = ctx.tokens[stretch.to - 1].text;
    if (NOT_AT_EDGE.has(first) || NOT_AT_EDGE.has(last) || FILLER.has(first) || FILLER.has(last)) return undefined;
    // "Summerhill School — sorry, with Earls High": a correction begins where the name ends.
    for (let i = stretch.from; i < stretch.to; i++) if (CORRECTING.has(ctx.tokens[i].text)) return undefined;
    const known = kinds.some((kind) => namesOf(ctx.lexicon, kind).length > 0);
    const fits = kinds.map((kind) => nameFit(ctx.lexicon, kind, stretch.typed));
    const connectors = connectorsIn(stretch, ctx);
    if (fits.includes('exact')) return 0;
    if (fits.includes('words')) return 0.2 + connectors * CONNECTOR_IN_NAME;
    if (fits.includes('near')) return connectors > 0 ? undefined : 0.6;
    // A number in a place's name that fits none is a setting's or a count's ('the top 30 schools'),
    // unless it names a place in the ranking ('number 2', 'the 3rd school'); sheets hold years.
    if (!kinds.includes('sheet') && !kinds.includes('header') && countsInName(stretch, ctx)) return undefined;
    // Words the grammar knows ('suppress', 'under') are rarely a name's.
    const keywords = keywordsIn(stretch, ctx);
    if (!known) return 0.8 + connectors * CONNECTOR_IN_NAME + keywords;
    return connectors > 0 || unknownCost === null ? undefined : unknownCost + keywords;
  });
}

// ───────────────────────────── offence types

/** Words of the offence groups' usual names, so slips in them are read. */
registerKeywords([
  'violence',
  'injury',
  'robbery',
  'weapons',
  'possession',
  'criminal',
  'damage',
  'arson',
  'shoplifting',
  'theft',
  'burglary',
  'public',
  'order',
  'drugs',
  'sexual',
  'offences',
  'vehicle',
  'stalking',
  'harassment',
  'homicide',
  'wounding',
  'assault',
  'person',
]);

/** Words of the offence groups' names: other words in a list item make it less likely a type. */
const OFFENCE_WORDS = new Set([
  'violence',
  'violent',
  'with',
  'without',
  'injury',
  'robbery',
  'robberies',
  'of',
  'personal',
  'business',
  'property',
  'possession',
  'weapons',
  'weapon',
  'offences',
  'offence',
  'criminal',
  'damage',
  'and',
  'arson',
  'shoplifting',
  'theft',
  'from',
  'the',
  'person',
  'burglary',
  'residential',
  'commercial',
  'public',
  'order',
  'drugs',
  'drug',
  'sexual',
  'vehicle',
  'crime',
  'crimes',
  'stalking',
  'harassment',
  'homicide',
  'murder',
  'wounding',
  'assault',
  'assaults',
  'against',
  'knife',
  'knives',
  'bicycle',
  'cycle',
  'other',
  'fraud',
  'misc',
  'miscellaneous',
  'society',
  'anti',
  'social',
  'behaviour',
  'asb',
  'vap',
  'vwi',
  'vwoi',
  'abh',
  'gbh',
  'all',
  'serious',
  'common',
  'trafficking',
  'dealing',
  'supply',
  'affray',
  'disorder',
  'threats',
  'threatening',
  'kill',
]);
/** Words that turn down what follows ('other than shoplifting'): never inside a type's name. */
const SHEET_TALK: ReadonlySet<string> = new Set([
  'column',
  'columns',
  'output',
  'report',
  'older',
  'newer',
  'earlier',
  'later',
  'previous',
  'data',
  'sheet',
  'tab',
  'extract',
  'file',
  'workbook',
]);
const NEGATING_WORDS = new Set([
  'than',
  'except',
  'excluding',
  'not',
  'instead',
  'apart',
  'but',
  'arent',
  'isnt',
  'wasnt',
  'werent',
]);
/** Words that say what to do with a list: never inside a type's name. */
const VERB_WORDS = new Set([
  'include',
  'exclude',
  'add',
  'remove',
  'drop',
  'count',
  'only',
  'just',
  'take',
  'leave',
  'run',
  'rank',
  'ignore',
  'keep',
  'use',
  'set',
  'show',
  'list',
  'suppress',
  'hide',
  'round',
]);

const GROUPS_CACHE = new Map<string, number>();
/** How many Home Office groups some words name (remembered: the same words are asked about often). */
function groupCount(text: string): number {
  let known = GROUPS_CACHE.get(text);
  if (known === undefined) {
    known = groupsNamed(text).length;
    if (GROUPS_CACHE.size > 5000) GROUPS_CACHE.clear();
    GROUPS_CACHE.set(text, known);
  }
  return known;
}

/** What a list item names: every type, the default violence groups, or some types. */
const EVERY = new Set([
  'all',
  'every',
  'everything',
  'all types',
  'every type',
  'all offence types',
  'every offence type',
  'all offences',
  'all crimes',
  'all crime',
]);

/**
 * One offence type as typed: a quoted name, a type of the sheet (loosely), or anything the Home
 * Office groups know by name ('criminal damage', 'VWI', 'weapons'). `loose`: also words that fit
 * nothing (for "include X", where X can only be a type), at a cost.
 */
/** Words of the analysis (exposure, rate, risk…) that a classifier could read as an offence name. */
const ANALYSIS_WORDS: ReadonlySet<string> = new Set([
  'exposure',
  'exposed',
  'exposure index',
  'exposure score',
  'rate',
  'rates',
  'risk',
  'score',
  'scores',
  'index',
  'ranking',
  'rank',
  'harm',
  'level',
]);

/** Words for the people counted, which name no offence type. */
const PEOPLE_WORDS: ReadonlySet<string> = new Set([
  'offenders',
  'offender',
  'young',
  'youth',
  'youths',
  'kids',
  'children',
  'pupils',
  'people',
  'suspects',
]);

function typeItem(loose: boolean, bare = false): Parser<string> {
  return map(
    span(7, (stretch, ctx) => {
      // A quoted name the sheet has as a column header, and not as an offence type, is less likely a type.
      if (!stretch.quoted && (FILLER.has(ctx.tokens[stretch.from].text) || FILLER.has(ctx.tokens[stretch.to - 1].text)))
        return undefined;
      if (stretch.quoted)
        return ctx.lexicon.offenceTypes.length > 0 &&
          nameFit(ctx.lexicon, 'offenceType', stretch.typed) === 'none' &&
          nameFit(ctx.lexicon, 'header', stretch.typed) === 'exact'
          ? 2
          : 0;
      const text = stretch.text;
      const first = ctx.tokens[stretch.from].text;
      const last = ctx.tokens[stretch.to - 1].text;
      if (
        [
          'the',
          'and',
          'or',
          'with',
          'without',
          'but',
          'not',
          'no',
          'to',
          'of',
          'too',
          'only',
          'offences',
          'types',
          'type',
          'please',
          'it',
          'also',
          'as',
          'from',
          'in',
          'on',
          'at',
          'by',
          'for',
        ].includes(first)
      )
        return undefined;
      if (
        [
          'and',
          'or',
          'with',
          'to',
          'of',
          'too',
          'only',
          'please',
          'then',
          'also',
          'as',
          'well',
          'the',
          'it',
          'from',
          'in',
          'on',
          'at',
          'by',
          'for',
        ].includes(last)
      )
        return undefined;
      // 'every' alone with no verb names nothing ("run every month").
      if (EVERY.has(text)) return bare && text === 'every' ? undefined : 0;
      // 'other' alone names no type ("every offence type other than shoplifting").
      if (text === 'other' || text === 'others') return undefined;
      // The analysis's own words are never an offence type said alone ('the most exposure' is not indecent exposure).
      if (
        (ANALYSIS_WORDS.has(text) || text.split(' ').some((word) => ANALYSIS_WORDS.has(word))) &&
        nameFit(ctx.lexicon, 'offenceType', text) !== 'exact' &&
        !/\bindecent exposure\b/.test(text)
      )
        return undefined;
      // People are not a type ("rank by offences, not offenders"; 'offenders' is one slip from 'offences').
      if (
        text.split(' ').every((word) => PEOPLE_WORDS.has(word)) &&
        nameFit(ctx.lexicon, 'offenceType', text) !== 'exact'
      )
        return undefined;
      // A question is not the name of a type.
      if (['which', 'what', 'who', 'how', 'where', 'why', 'when', 'whats'].includes(first)) return undefined;
      // Words that join list items, outside the names that hold them.
      const breaks = (
        text
          .replace(/criminal damage and arson|stalking and harassment|death or serious injury/g, 'x')
          .match(/\b(?:and|or|plus|also|then|but)\b/g) ?? []
      ).length;
      const fit = nameFit(ctx.lexicon, 'offenceType', text);
      if (fit === 'exact') return 0;
      if (breaks > 0) return undefined;
      const words = text.split(' ');
      // Words about sheets and their age ("now with the older data") are never a type's; 'older' is not 'order'.
      if (words.some((word) => SHEET_TALK.has(word)) && fit !== 'words') return undefined;
      // 'the offence' said alone names no type: every type is one.
      if (bare && words.every((word) => /^(?:offen[cs]es?|crimes?|types?|incidents?)$/.test(word))) return undefined;
      // One short word that only begins a type's name ('off' of 'offences') names no type.
      if (words.length === 1 && text.length < 4 && groupCount(text) === 0) return undefined;
      if (
        words.some((word) => VERB_WORDS.has(word) || NEGATING_WORDS.has(word)) ||
        /^\d/.test(text) ||
        /\b(?:19|20)\d\d\b/.test(text)
      )
        return undefined;
      // Words no type's name holds ('where', 'live') make a stretch less likely a type.
      const strange = words.filter(
        (word) =>
          !OFFENCE_WORDS.has(word) &&
          !FILLER.has(word) &&
          !ctx.lexicon.offenceTypes.some((type) => type.toLowerCase().includes(word)),
      ).length;
      // Said with no verb, a list is a request only when each item plainly names a type: words no
      // type holds, or a name only near one ('offenders live' for 'offences'), are something else.
      if (bare && (strange > 0 || (fit !== 'words' && groupCount(text) === 0))) return undefined;
      if (fit === 'words') return 0.1 + strange;
      if (groupCount(text) > 0) return 0.2 + strange;
      if (fit === 'near') return 0.5 + strange;
      // A word the groups know with words of types around it ('knife crime'): the session asks which types it means.
      if (strange === 0 && words.some((word) => groupCount(word) > 0)) return 1;
      return loose && words.length <= 4 ? 2.5 + 0.5 * (words.length - 1) : undefined;
    }),
    (stretch, ctx) => typeText(stretch, ctx),
  );
}

/** A type as typed, with shorthand spelt out ('criminal dmg' -> 'criminal damage') and slips kept as typed. */
function typeText(stretch: Span, ctx: Ctx): string {
  if (stretch.quoted) return stretch.typed;
  const words: string[] = [];
  for (let i = stretch.from; i < stretch.to; i++) {
    const token = ctx.tokens[i];
    const typed = ctx.source.slice(token.start, token.end);
    words.push(typed.toLowerCase().replace(/['’]/g, '') === token.text ? typed : token.text);
  }
  return words.join(' ').replace(/\s+-\s+/g, ' - ');
}

/** A list of offence types ('robbery, violence with injury and criminal damage'); `bare`: said with no verb, so only plain names of types. */
export function typeList(loose: boolean, bare = false): Parser<string[]> {
  return map(
    many(
      alt<string[]>(
        BOTH_INJURY_GROUPS,
        map(typeItem(loose, bare), (type) => [type]),
      ),
      LIST_SEPARATOR,
    ),
    (lists) => lists.flat(),
  );
}

/** "violence with and without injury": the two groups, the shared words said once. */
const BOTH_INJURY_GROUPS: Parser<string[]> = as(
  seq(opt(lit('violence')), lit('with and without|with or without|both with and without'), lit('injury|injuries')),
  ['violence with injury', 'violence without injury'],
);
