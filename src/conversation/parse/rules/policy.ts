/**
 * The policy rule, tried before any other: a request about individuals (a person's name, address
 * or record; an offender or crime reference; "which children", "who committed") is refused whole,
 * whatever else the utterance asks, since acting on the rest (setting 'aged 15' from "name the
 * offenders aged 15") would half-answer it. The product publishes aggregated, advisory figures
 * only; the police data stay with the police.
 */
import { keywordCost } from '../grammar/fuzzy';
import { nameFit, type Lexicon } from '../grammar/lexicon';
import { matchNames } from '../../match/matchNames';
import type { Command } from '../../commands';
import type { Tok } from '../grammar/tokens';

/** Why a request was refused, and a place it named (so the reply can offer that place's aggregate figures). */
export interface Refusal {
  readonly reason: 'reference' | 'identify' | 'personalDetails' | 'records';
  readonly place?: { readonly kind: 'ward' | 'school'; readonly name: string };
}

const PEOPLE = new Set([
  'children',
  'child',
  'kids',
  'kid',
  'pupils',
  'pupil',
  'youths',
  'youth',
  'offenders',
  'offender',
  'individuals',
  'individual',
  'people',
  'person',
  'persons',
  'suspects',
  'suspect',
  'victims',
  'victim',
  'perpetrators',
  'perpetrator',
  'nominals',
  'nominal',
  'students',
  'student',
  'boys',
  'girls',
  'boy',
  'girl',
  'teenagers',
  'teenager',
  'juveniles',
  'juvenile',
  'minors',
  'culprits',
  'criminals',
  'members',
  'lads',
  'lad',
  'residents',
  'families',
  'family',
  'parents',
  'someone',
  'anyone',
  'somebody',
]);
const DETAILS = new Set([
  'initials',
  'ids',
  'id',
  'references',
  'refs',
  'reference',
  'ref',
  'names',
  'name',
  'addresses',
  'address',
  'records',
  'record',
  'details',
  'history',
  'histories',
  'postcodes',
  'postcode',
  'dob',
  'identities',
  'identity',
  'phone',
  'photos',
  'photo',
  'numbers',
  'number',
  'profiles',
  'profile',
  'files',
  'file',
  'list',
]);
const AGGREGATE = new Set([
  'rate',
  'rates',
  'count',
  'counts',
  'total',
  'totals',
  'per',
  'figures',
  'figure',
  'percentage',
  'proportion',
  'share',
  'how',
  'many',
  'average',
  'numbers',
  'number',
]);
const CRIME_VERBS = new Set([
  'offences',
  'offence',
  'crimes',
  'crime',
  'robberies',
  'robbery',
  'stabbing',
  'stabbings',
  'assaults',
  'attacks',
  'committed',
  'commit',
  'did',
  'done',
  'offended',
  'attacked',
  'stabbed',
  'robbed',
  'assaulted',
  'involved',
  'responsible',
  'arrested',
  'charged',
  'lives',
  'live',
  'prolific',
  'repeat',
  'worst',
  'caught',
  'convicted',
  'suspected',
  'accused',
  'carrying',
  'carried',
  'victim',
  'victims',
]);
const MAPPING = new Set(['column', 'columns', 'field', 'header', 'heading', 'col', 'map']);
const SHOW_VERBS = new Set([
  'name',
  'names',
  'identify',
  'list',
  'show',
  'give',
  'tell',
  'send',
  'export',
  'print',
  'reveal',
  'share',
  'find',
  'get',
  'pull',
  'see',
  'need',
  'want',
  'provide',
  'who',
]);
/** Nouns that say a question is about places or the analysis, not people. */
const PLACES = new Set([
  'wards',
  'ward',
  'schools',
  'school',
  'areas',
  'area',
  'top',
  'types',
  'type',
  'offences',
  'offence',
  'districts',
  'district',
  'list',
  'sheets',
  'phases',
  'ages',
  'dates',
  'settings',
]);
const SKIPPED = new Set([
  'the',
  'me',
  'us',
  'all',
  'any',
  'individual',
  'young',
  'those',
  'these',
  'our',
  'my',
  'each',
  'every',
  'specific',
  'actual',
  'particular',
  'real',
  'of',
  'a',
  'an',
  'some',
]);

/**
 * A single person described rather than named: 'the 14 year old', a relative or neighbour, or a
 * school asked of 'he' or 'she'. No aggregate request is put this way.
 */
/** Places finer than a ward where people live: asked of offenders or children, it locates someone. */
const WHERE_SOMEONE_LIVES =
  /\b(?:streets?|roads?|houses?|flats?|estates?|doors?|blocks?)\b.*\b(?:offenders?|kids|children|pupils|lads?|suspects?)\b|\b(?:offenders?|kids|children|pupils|lads?|suspects?)\b.*\b(?:streets?|roads?|houses?|flats?|estates?)\b/i;
const ONE_PERSON =
  /\bthe\s+\d{1,2}[-\s]*(?:year|yr)s?[-\s]*old\b(?!s)|\b(?:son|daughter|stepson|stepdaughter|nephew|niece|grandson|granddaughter|neighbou?rs?|cousin|brother|sister)\b|\b(?:is|was|does|did)\s+(?:he|she)\b|\b(?:school|ward)['’]?s?\s+(?:is\s+)?(?:he|she)\b/i;

/** A word as one of these, allowing a slip ('wich'). */
function isWord(token: Tok | undefined, words: readonly string[]): boolean {
  return token !== undefined && words.some((word) => keywordCost(token, word) !== undefined);
}
const inSet = (token: Tok | undefined, set: ReadonlySet<string>): boolean =>
  token !== undefined && !token.quoted && set.has(token.text);

/** A token that looks like a person's or an offence's reference ('P001', 'K3'): letters then digits, not a ward code. */
function looksLikeReference(token: Tok, lexicon: Lexicon): boolean {
  if (lexicon.references.has(token.text)) return true;
  return /^[a-z]{1,3}\d{2,}$/.test(token.text) && !/^[ews]\d{8}$/.test(token.text);
}

/** The place a request names (for the aggregate offered instead). */
/** The one workbook name the words fit (the name matcher's reading), or undefined when none or several do. */
function oneNameHolding(names: readonly string[], typed: string): string | undefined {
  const match = matchNames(
    typed,
    names.map((name) => ({ name })),
  );
  return match.kind === 'one' ? match.item.name : undefined;
}

function placeNamed(tokens: readonly Tok[], source: string, lexicon: Lexicon): Refusal['place'] {
  for (let from = 0; from < tokens.length; from++) {
    for (let to = Math.min(tokens.length, from + 6); to > from; to--) {
      const typed = source.slice(tokens[from].start, tokens[to - 1].end).replace(/['’]s$/, '');
      if (tokens[from].text.length < 3) continue;
      if (
        nameFit(lexicon, 'ward', typed) === 'exact' ||
        (to - from >= 1 &&
          nameFit(lexicon, 'ward', typed) === 'words' &&
          lexicon.wards.length > 0 &&
          tokens[from].text.length >= 5)
      ) {
        // Offer a place only when it is one of the workbook's: a loose fit alone ('offender') names none.
        const name = oneNameHolding(lexicon.wards, typed);
        if (name && !inSet(tokens[from], PEOPLE)) return { kind: 'ward', name };
      }
      if (
        nameFit(lexicon, 'school', typed) === 'exact' ||
        (nameFit(lexicon, 'school', typed) === 'words' && to - from >= 2)
      ) {
        const name = oneNameHolding(lexicon.schools, typed);
        if (name && !inSet(tokens[from], PEOPLE)) return { kind: 'school', name };
      }
    }
  }
  return undefined;
}

/**
 * "show offenders attending each school", "don't show offenders attending": the published counts
 * per school, not the people. Never when the verb itself names or lists people ("list the
 * offenders attending Castle High").
 */
function attendingCounts(tokens: readonly Tok[], people: number, verb: string): boolean {
  if (tokens[people + 1]?.text !== 'attending') return false;
  if (['name', 'names', 'identify', 'list', 'reveal', 'export', 'who'].includes(verb)) return false;
  const after = tokens[people + 2];
  return (
    after === undefined ||
    ['each', 'every', 'per', 'counts', 'count', 'figures', 'numbers', 'totals', 'in', 'on'].includes(after.text)
  );
}

/**
 * Whether an utterance asks about individuals, and why. Reads: references (an offender's or
 * offence's reference, a crime number such as 20/10013); "which children/pupils/offenders ...";
 * "who" with people or a crime ("who committed", "who are the offenders"); naming or listing people
 * ("name the offenders", "individual offenders"); people's details ("offender IDs", "home address",
 * "names of the pupils"); records ("has P012 got previous", "repeat offenders").
 */
export function requestAboutIndividuals(tokens: readonly Tok[], source: string, lexicon: Lexicon): Refusal | undefined {
  if (tokens.some((t) => inSet(t, MAPPING))) return undefined;
  const found = (reason: Refusal['reason']): Refusal => {
    const place = placeNamed(tokens, source, lexicon);
    return place ? { reason, place } : { reason };
  };
  // One person described, not named: "the 14 year old in the July robbery", "my neighbour's son".
  if (ONE_PERSON.test(source)) return found('identify');
  if (WHERE_SOMEONE_LIVES.test(source)) return found('personalDetails');
  if (
    /(?<![\d/])\d{2}\/\d{3,}(?![\d/])/.test(source) ||
    tokens.some((t) => !t.quoted && looksLikeReference(t, lexicon))
  )
    return found('reference');
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    const next = tokens[i + 1];
    // "which children ...", "which of Park Hall's pupils ...", "which kids".
    if (isWord(t, ['which', 'what', 'whose'])) {
      let j = i + 1;
      let sawOf = false;
      let extra = 0;
      while (j < tokens.length) {
        if (inSet(tokens[j], SKIPPED)) {
          if (tokens[j].text === 'of') sawOf = true;
          j += 1;
        } else if (sawOf && extra < 3 && !inSet(tokens[j], PEOPLE) && !inSet(tokens[j], PLACES)) {
          extra += 1;
          j += 1;
        } else break;
      }
      if (
        inSet(tokens[j], PEOPLE) &&
        !inSet(tokens[j + 1], AGGREGATE) &&
        !(tokens[j + 1]?.text === 'are' && tokens[j + 2]?.text === 'counted')
      )
        return found('identify');
    }
    // "who committed", "who are the offenders", "who's the most prolific", "whose".
    if (isWord(t, ['who', 'whos', 'whose', 'whom'])) {
      const window = tokens.slice(i + 1, i + 6);
      if (window.some((w) => inSet(w, PEOPLE) || inSet(w, CRIME_VERBS))) return found('identify');
    }
    // "name the offenders", "show me individual offenders", "list the kids".
    if (inSet(t, SHOW_VERBS)) {
      let j = i + 1;
      while (j < tokens.length && inSet(tokens[j], SKIPPED)) j += 1;
      if (
        inSet(tokens[j], PEOPLE) &&
        !inSet(tokens[j + 1], AGGREGATE) &&
        !inSet(tokens[j + 1], new Set(['where', 'rate', 'live', 'by', 'ranking'])) &&
        !attendingCounts(tokens, j, t.text) &&
        !(tokens[j + 1] && ['young', 'offenders'].includes(tokens[j].text) && inSet(tokens[j + 1], AGGREGATE))
      ) {
        if (
          ['name', 'names', 'identify', 'list', 'reveal', 'export', 'who'].includes(t.text) ||
          tokens.slice(i + 1, j).some((w) => w.text === 'individual')
        )
          return found('identify');
        if (
          tokens[j + 1] &&
          [
            'living',
            'who',
            'that',
            'in',
            'at',
            'from',
            'aged',
            'attending',
            'involved',
            'responsible',
            'near',
            'with',
          ].includes(tokens[j + 1].text)
        )
          return found('identify');
      }
    }
    // "is Tyler Bennett one of the offenders?": whether a person is in the data.
    if (
      t.text === 'one' &&
      next?.text === 'of' &&
      inSet(
        tokens.slice(i + 2, i + 4).find((w) => !inSet(w, SKIPPED)),
        PEOPLE,
      ) &&
      tokens.slice(Math.max(0, i - 6), i).some((w) => ['is', 'was', 'are', 'were', 'be'].includes(w.text))
    )
      return found('identify');
    // "home postcodes of the offenders", "dates of birth of the pupils": people's details.
    if (inSet(t, DETAILS) && !['numbers', 'number', 'list'].includes(t.text) && next?.text === 'of') {
      const window = tokens.slice(i + 2, i + 6);
      if (window.some((w) => inSet(w, PEOPLE) || looksLikeReference(w, lexicon))) return found('personalDetails');
    }
    // "names of the pupils", "addresses of offenders", "identities".
    if (['names', 'name', 'identities', 'identity', 'addresses', 'address'].includes(t.text) && next?.text === 'of') {
      const window = tokens.slice(i + 2, i + 6);
      if (window.some((w) => inSet(w, PEOPLE) || looksLikeReference(w, lexicon))) return found('personalDetails');
    }
    // "offender IDs", "pupil names", "offender details".
    if (inSet(t, PEOPLE) && inSet(next, DETAILS) && !(next && ['numbers', 'number', 'list'].includes(next.text)))
      return found('personalDetails');
    // "home address", "addresses", "where does X live".
    if (
      ['address', 'addresses', 'dob'].includes(t.text) ||
      (['date', 'dates'].includes(t.text) && next?.text === 'of' && tokens[i + 2]?.text === 'birth') ||
      (['phone', 'mobile', 'telephone', 'contact'].includes(t.text) &&
        next !== undefined &&
        ['numbers', 'number', 'details', 'nos'].includes(next.text))
    )
      return found('personalDetails');
    // "crime references", "crime numbers", "offence refs".
    if (
      ['crime', 'offence', 'incident', 'case'].includes(t.text) &&
      next &&
      ['references', 'reference', 'refs', 'ref', 'numbers', 'number', 'ids', 'id', 'nos', 'no'].includes(next.text)
    )
      return found('reference');
    // "offences committed by pupils at X", "crimes done by".
    if (
      ['committed', 'done', 'carried', 'perpetrated'].includes(t.text) &&
      tokens.slice(i + 1, i + 3).some((w) => w.text === 'by')
    )
      return found('records');
    // "repeat offenders", "prolific", "previous convictions", "criminal record".
    if (
      [
        'repeat',
        'prolific',
        'convictions',
        'conviction',
        'previous',
        'previously',
        'reoffended',
        'reoffending',
      ].includes(t.text) &&
      tokens.some(
        (w) => inSet(w, PEOPLE) || looksLikeReference(w, lexicon) || ['got', 'has', 'have', 'had'].includes(w.text),
      )
    )
      return found('records');
    if (
      ['criminal', 'offending', 'arrest', 'police', 'custody'].includes(t.text) &&
      next &&
      ['record', 'records', 'history', 'histories'].includes(next.text)
    )
      return found('records');
    // "P007's record", "show me P007's history": a person's reference with their history.
    if (
      ['record', 'records', 'history', 'histories', 'file', 'profile', 'details'].includes(t.text) &&
      tokens
        .slice(Math.max(0, i - 3), i)
        .some((w) => looksLikeReference(w, lexicon) || /^[a-z]{1,3}\d{2,}s$/.test(w.text))
    )
      return found('records');
    // "has anyone got a record", "someone's history".
    if (
      ['record', 'records', 'history', 'convictions', 'previous'].includes(t.text) &&
      tokens.some((w) =>
        ['anyone', 'someone', 'anybody', 'somebody', 'he', 'she', 'him', 'her', 'they', 'them'].includes(w.text),
      )
    )
      return found('records');
    // "export the raw offence rows", "show every offence", "row-level data".
    if (
      ['raw', 'row', 'rows', 'individual'].includes(t.text) &&
      tokens
        .slice(i + 1, i + 4)
        .some((w) => ['rows', 'data', 'records', 'extract', 'level', 'offences', 'crimes'].includes(w.text)) &&
      tokens.some((w) =>
        ['show', 'give', 'send', 'export', 'list', 'see', 'download', 'dump', 'copy', 'extract'].includes(w.text),
      )
    )
      return found('records');
    if (
      ['export', 'download', 'dump', 'send', 'email'].includes(t.text) &&
      tokens
        .slice(i + 1, i + 5)
        .some((w) => ['rows', 'records', 'offences', 'crimes', 'data', 'extract', 'offenders'].includes(w.text)) &&
      !tokens.some((w) =>
        ['sheets', 'report', 'results', 'workbook', 'summary', 'ranking', 'chart', 'charts'].includes(w.text),
      )
    )
      return found('records');
    // "pull out the rows for the 15 year olds at Park Hall": the records of people.
    if (
      ['rows', 'row', 'records', 'record', 'lines', 'entries'].includes(t.text) &&
      next !== undefined &&
      ['for', 'of', 'about', 'on', 'with'].includes(next.text) &&
      tokens
        .slice(i + 2, i + 7)
        .some(
          (w) => inSet(w, PEOPLE) || ['olds', 'old', 'yos', 'yo'].includes(w.text) || looksLikeReference(w, lexicon),
        )
    )
      return found('records');
    // "give me their initials" after pupils or offenders: their personal details.
    if (
      ['their', 'his', 'her', 'whose'].includes(t.text) &&
      next &&
      (inSet(next, DETAILS) || ['initials', 'ages', 'birthdays', 'faces', 'mugshots'].includes(next.text)) &&
      !['numbers', 'number', 'list', 'records', 'record', 'history'].includes(next.text) &&
      tokens.some((w) => inSet(w, PEOPLE))
    )
      return found('personalDetails');
    // "a count for each kid at the PRU", "numbers by every offender": a figure per person.
    if (
      ['for', 'by', 'per'].includes(t.text) &&
      next &&
      ['each', 'every'].includes(next.text) &&
      inSet(
        tokens.slice(i + 2, i + 4).find((w) => !['individual', 'single', 'young'].includes(w.text)),
        PEOPLE,
      )
    )
      return found('identify');
    // "individual offences", "every offence by", "the raw rows".
    if (
      ['individual', 'individuals'].includes(t.text) &&
      next &&
      (inSet(next, PEOPLE) ||
        ['offences', 'offence', 'records', 'rows', 'cases', 'crimes', 'level', 'incidents'].includes(next.text))
    )
      return found('identify');
  }
  return undefined;
}

/** The refusal, said plainly: the principle, and what can be given instead. */
export function refusalText(refusal: Refusal): string {
  const what =
    refusal.reason === 'reference'
      ? 'I cannot look up an individual offence or offender, or give their references'
      : refusal.reason === 'personalDetails'
        ? "I cannot give anyone's name, address or other personal details"
        : refusal.reason === 'records'
          ? "I cannot give records of individual offences or people, or anyone's history"
          : 'I cannot identify individual children, pupils or offenders';
  const instead = refusal.place
    ? `the figures for ${refusal.place.kind === 'ward' ? `${refusal.place.name} ward` : refusal.place.name} (counts and rates, with small numbers withheld)`
    : 'the wards by rate, a school or ward explained, or the top schools';
  return `${what}. This tool publishes aggregated, advisory figures only, with small counts withheld; records about people stay with the police, who hold the data. I can give you ${instead} instead.`;
}

/** "which ones are they?", "name them": said after a school's or ward's figures, they ask who is counted. */
const WHO_ARE_THEY =
  /\b(?:which\s+(?:ones|of them|kids|children)|who)\s+(?:are|were|is)\s+(?:they|them|those|these)\b|\bname\s+them\b|\bwho\s+(?:are|were)\s+(?:the|those)\s+(?:ones|kids|children)\b/i;

/** A request about individuals that only the previous command makes one (after a count, not after a list of schools). */
export function askingWhoAfterACount(source: string, previous: Command | null | undefined): Refusal | undefined {
  if (previous?.kind !== 'explainSchool' && previous?.kind !== 'explainWard') return undefined;
  return WHO_ARE_THEY.test(source) ? { reason: 'identify' } : undefined;
}
