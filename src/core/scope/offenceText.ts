/**
 * Offence type text reduced to canonical words, so that spellings differing only in case,
 * whitespace, punctuation, '&'/'and', plurals and the usual police abbreviations read the same.
 */

/**
 * The raw words: lower case, accents dropped, every run of non-alphanumerics a separator, and
 * letters split from digits ('S47' → 's 47', '34B' → '34 b') so that 'S.47' and 'S47' agree.
 *
 * @example offenceWords('Viol. w/ Injury') // => ['viol', 'w', 'injury']
 * @example offenceWords('HO 034B') // => ['ho', '034', 'b']
 */
export function offenceWords(text: string): string[] {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/([a-z])(?=[0-9])|([0-9])(?=[a-z])/g, '$1$2 ')
    .split(/[^a-z0-9]+/)
    .filter((word) => word.length > 0);
}

/** Words that carry no meaning in a type name; dropping them makes '&' and 'and', 'of a' and 'of' agree. */
const STOP_WORDS: ReadonlySet<string> = new Set(['and', 'or', 'of', 'the', 'a', 'an', 'to', 'for', 'etc']);

/** Plurals, misspellings and abbreviations seen in police extracts, to one canonical word (or two). */
const WORD_FORMS: Readonly<Record<string, string>> = {
  offences: 'offence',
  offense: 'offence',
  offenses: 'offence',
  offs: 'offence',
  weapons: 'weapon',
  wpn: 'weapon',
  wpns: 'weapon',
  firearms: 'firearm',
  knives: 'knife',
  guns: 'gun',
  threats: 'threat',
  communications: 'communication',
  comms: 'communication',
  drugs: 'drug',
  robberies: 'robbery',
  burglaries: 'burglary',
  thefts: 'theft',
  assaults: 'assault',
  crimes: 'crime',
  vehicles: 'vehicle',
  shops: 'shop',
  bicycles: 'bicycle',
  bikes: 'bike',
  cycles: 'cycle',
  persons: 'person',
  injuries: 'injury',
  wounds: 'wound',
  behavior: 'behaviour',
  antisocial: 'anti social',
  harrassment: 'harassment',
  harasment: 'harassment',
  viol: 'violence',
  inj: 'injury',
  poss: 'possession',
  crim: 'criminal',
  dmg: 'damage',
  misc: 'miscellaneous',
  sec: 'section',
  wi: 'with injury',
  woi: 'without injury',
  wo: 'without',
  wout: 'without',
};

/** Runs of single letters are dotted initials: 'V.A.P.' → 'vap', 'A.B.H.' → 'abh', 'w/o' → 'wo'. */
function joinInitials(words: readonly string[]): string[] {
  const out: string[] = [];
  let run = '';
  const flush = (): void => {
    if (run.length > 0) out.push(run);
    run = '';
  };
  // A letter before a number is a section ('s 18'), not an initial.
  const initial = (i: number): boolean => /^[a-z]$/.test(words[i] ?? '') && !/^[0-9]+$/.test(words[i + 1] ?? '');
  for (let i = 0; i < words.length; i += 1) {
    const word = words[i];
    const inRun = initial(i) && (run.length > 0 || initial(i + 1));
    if (inRun) {
      run += word;
    } else {
      flush();
      out.push(word);
    }
  }
  flush();
  return out;
}

/**
 * Canonical words joined by single spaces: the form the classifier's patterns are written against.
 *
 * @example normaliseOffenceText('Violence - W/O Injury') // => 'violence without injury'
 * @example normaliseOffenceText('Possession of an Offensive Weapon') // => 'possession offensive weapon'
 * @example normaliseOffenceText('S.47 Assault') // => 'section 47 assault'
 */
export function normaliseOffenceText(text: string): string {
  const words = joinInitials(offenceWords(text)).filter((word) => !STOP_WORDS.has(word));
  const out: string[] = [];
  for (let i = 0; i < words.length; i += 1) {
    const word = words[i];
    const next = words[i + 1];
    if (word === 'w' && (next === 'o' || next === 'out')) {
      // 'w/out', and 'w/o' when a stop word split the initials ('w & o'): without.
      out.push('without');
      i += 1;
    } else if (word === 'w') {
      // 'w/': with.
      out.push('with');
    } else if ((word === 's' || word === 'sec' || word === 'section') && next !== undefined && /^[0-9]+$/.test(next)) {
      // 'S.47', 's18', 'Sec 20': a section of an Act.
      out.push('section', String(Number(next)));
      i += 1;
    } else if (word === 's') {
      // The 's' of a possessive ("person's") once the apostrophe became a separator.
    } else {
      out.push(WORD_FORMS[word] ?? word);
    }
  }
  return out.join(' ');
}
