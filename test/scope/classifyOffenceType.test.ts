import fc from 'fast-check';
import {
  classifyOffenceType,
  classifyOffenceTypes,
  DEFAULT_SCOPE,
  groupLabel,
  groupsNamed,
  isViolenceGroup,
  normaliseOffenceText,
  OFFENCE_GROUP_FAMILIES,
  OFFENCE_GROUP_LABELS,
  OFFENCE_GROUPS,
  OTHER_GROUPS,
  THEFT_GROUPS,
  VIOLENCE_AGAINST_THE_PERSON_GROUPS,
  VIOLENCE_GROUPS,
  type OffenceClassification,
  type OffenceGroup,
} from '../../src/core/scope';

type Expected = OffenceGroup | 'unclassified';

/**
 * Spellings seen in police extracts, data.police.uk and Home Office / ONS tables, with the group
 * each belongs to under the Home Office counting rules and the ONS police recorded crime groups.
 * [text, expected group]
 */
const SPELLINGS: readonly (readonly [string, Expected])[] = [
  // Violence against the person, subgroup not stated.
  ['Violence against the person', 'violenceAgainstThePerson'],
  ['VAP', 'violenceAgainstThePerson'],
  ['V.A.P.', 'violenceAgainstThePerson'],
  ['Assault', 'violenceAgainstThePerson'],
  ['Domestic violence', 'violenceAgainstThePerson'],
  ['8N', 'violenceAgainstThePerson'],
  // Violence with injury.
  ['Violence with injury', 'violenceWithInjury'],
  ['VIOLENCE WITH INJURY', 'violenceWithInjury'],
  ['Violence - with injury', 'violenceWithInjury'],
  ['Viol w/ injury', 'violenceWithInjury'],
  ['VWI', 'violenceWithInjury'],
  ['VAP - VWI', 'violenceWithInjury'],
  ['VAP with injury', 'violenceWithInjury'],
  ['ABH', 'violenceWithInjury'],
  ['A.B.H.', 'violenceWithInjury'],
  ['GBH', 'violenceWithInjury'],
  ['Assault - G.B.H. (s.18)', 'violenceWithInjury'],
  ['GBH with intent', 'violenceWithInjury'],
  ['Inflicting GBH without intent', 'violenceWithInjury'],
  ['Wounding', 'violenceWithInjury'],
  ['Wounding with intent to do grievous bodily harm', 'violenceWithInjury'],
  ['Assault occasioning actual bodily harm', 'violenceWithInjury'],
  ['Assault occasioning ABH', 'violenceWithInjury'],
  ['S.47 assault', 'violenceWithInjury'],
  ['S47 Assault', 'violenceWithInjury'],
  ['Section 18', 'violenceWithInjury'],
  ['Sec. 20 wounding', 'violenceWithInjury'],
  ['Assault with injury', 'violenceWithInjury'],
  ['Assault with injury on a constable', 'violenceWithInjury'],
  ['Assault on emergency worker with injury', 'violenceWithInjury'],
  ['Racially or religiously aggravated assault with injury', 'violenceWithInjury'],
  ['Attempted murder', 'violenceWithInjury'],
  ['Assault with intent to cause serious harm', 'violenceWithInjury'],
  ['Endangering life', 'violenceWithInjury'],
  ['HO 5/1', 'violenceWithInjury'],
  // Violence without injury.
  ['Violence without injury', 'violenceWithoutInjury'],
  ['Viol w/o injury', 'violenceWithoutInjury'],
  ['VAP - W/O Injury', 'violenceWithoutInjury'],
  ['VWOI', 'violenceWithoutInjury'],
  ['Common assault', 'violenceWithoutInjury'],
  ['Common assault and battery', 'violenceWithoutInjury'],
  ['Assault without injury', 'violenceWithoutInjury'],
  ['Assault - no injury', 'violenceWithoutInjury'],
  ['Assault on emergency worker', 'violenceWithoutInjury'],
  ['Assault on a constable', 'violenceWithoutInjury'],
  ['Racially or religiously aggravated assault without injury', 'violenceWithoutInjury'],
  ['Threats to kill', 'violenceWithoutInjury'],
  ['Conspiracy to murder', 'violenceWithoutInjury'],
  ['Kidnapping', 'violenceWithoutInjury'],
  ['False imprisonment', 'violenceWithoutInjury'],
  ['Child abduction', 'violenceWithoutInjury'],
  ['Cruelty to children/young persons', 'violenceWithoutInjury'],
  ['Modern slavery', 'violenceWithoutInjury'],
  // Stalking and harassment.
  ['Stalking and harassment', 'stalkingAndHarassment'],
  ['Harassment', 'stalkingAndHarassment'],
  ['Stalking', 'stalkingAndHarassment'],
  ['Malicious communications', 'stalkingAndHarassment'],
  ['Racially or religiously aggravated harassment', 'stalkingAndHarassment'],
  ['Controlling or coercive behaviour', 'stalkingAndHarassment'],
  ['Stalking involving fear of violence or serious alarm or distress', 'stalkingAndHarassment'],
  ['Putting people in fear of violence', 'stalkingAndHarassment'],
  // Homicide; death or serious injury by unlawful driving.
  ['Homicide', 'homicide'],
  ['Murder', 'homicide'],
  ['Manslaughter', 'homicide'],
  ['Infanticide', 'homicide'],
  ['Corporate manslaughter', 'homicide'],
  ['HO 1/1', 'homicide'],
  ['Death or serious injury caused by unlawful driving', 'deathOrSeriousInjuryByDriving'],
  ['Causing death by dangerous driving', 'deathOrSeriousInjuryByDriving'],
  ['Causing death by careless driving', 'deathOrSeriousInjuryByDriving'],
  ['Causing serious injury by dangerous driving', 'deathOrSeriousInjuryByDriving'],
  ['Causing death by aggravated vehicle taking', 'deathOrSeriousInjuryByDriving'],
  // Robbery.
  ['Robbery', 'robbery'],
  ['robbery', 'robbery'],
  ['Robbery of personal property', 'robbery'],
  ['Personal robbery', 'robbery'],
  ['Business robbery', 'robbery'],
  ['Robbery of business property', 'robbery'],
  ['Attempted robbery', 'robbery'],
  ['Assault with intent to rob', 'robbery'],
  ['Robberies', 'robbery'],
  ['34B', 'robbery'],
  ['HO 034A', 'robbery'],
  // Possession of weapons.
  ['Possession of weapons', 'possessionOfWeapons'],
  ['possession-of-weapons', 'possessionOfWeapons'],
  ['Possession of weapons offences', 'possessionOfWeapons'],
  ['Possession of an offensive weapon', 'possessionOfWeapons'],
  ['Possession of article with blade or point', 'possessionOfWeapons'],
  ['Having an article with a blade or point', 'possessionOfWeapons'],
  ['Knife possession', 'possessionOfWeapons'],
  ['Weapons possession', 'possessionOfWeapons'],
  ['Poss. offensive wpn', 'possessionOfWeapons'],
  ['Possession of firearms with intent', 'possessionOfWeapons'],
  ['Bladed article', 'possessionOfWeapons'],
  ['Threatening with a blade or offensive weapon', 'possessionOfWeapons'],
  ['10D', 'possessionOfWeapons'],
  // Sexual offences: not violence.
  ['Sexual offences', 'sexualOffences'],
  ['Sexual assault', 'sexualOffences'],
  ['Sexual assault on a female aged 13 and over', 'sexualOffences'],
  ['Rape', 'sexualOffences'],
  ['Rape of a female aged 16 and over', 'sexualOffences'],
  ['Assault by penetration', 'sexualOffences'],
  ['Indecent exposure', 'sexualOffences'],
  ['Sexual grooming', 'sexualOffences'],
  // Theft offences.
  ['Shoplifting', 'shoplifting'],
  ['shoplifting', 'shoplifting'],
  ['Theft from shops and stalls', 'shoplifting'],
  ['Theft from the person', 'theftFromThePerson'],
  ['theft-from-the-person', 'theftFromThePerson'],
  ['Bicycle theft', 'bicycleTheft'],
  ['bicycle-theft', 'bicycleTheft'],
  ['Theft or unauthorised taking of a pedal cycle', 'bicycleTheft'],
  ['Other theft', 'otherTheft'],
  ['other-theft', 'otherTheft'],
  ['All other theft offences', 'otherTheft'],
  ['Making off without payment', 'otherTheft'],
  ['Theft offences', 'theft'],
  ['Theft', 'theft'],
  ['Wardrobe theft', 'theft'],
  // Burglary; vehicle offences.
  ['Burglary', 'burglary'],
  ['burglary', 'burglary'],
  ['Burglary - residential', 'burglary'],
  ['Burglary business and community', 'burglary'],
  ['Aggravated burglary', 'burglary'],
  ['Vehicle offences', 'vehicleOffences'],
  ['vehicle-crime', 'vehicleOffences'],
  ['Theft from a motor vehicle', 'vehicleOffences'],
  ['Theft of a motor vehicle', 'vehicleOffences'],
  ['Aggravated vehicle taking', 'vehicleOffences'],
  ['Interfering with a motor vehicle', 'vehicleOffences'],
  // Criminal damage and arson.
  ['Criminal damage', 'criminalDamageAndArson'],
  ['Criminal damage and arson', 'criminalDamageAndArson'],
  ['criminal-damage-arson', 'criminalDamageAndArson'],
  ['Arson endangering life', 'criminalDamageAndArson'],
  ['Arson not endangering life', 'criminalDamageAndArson'],
  ['Criminal damage to a vehicle', 'criminalDamageAndArson'],
  ['Racially or religiously aggravated criminal damage', 'criminalDamageAndArson'],
  // Drugs; public order; miscellaneous; fraud; ASB; data.police.uk 'other crime'.
  ['Drug offences', 'drugOffences'],
  ['drugs', 'drugOffences'],
  ['Possession of controlled drugs (cannabis)', 'drugOffences'],
  ['Trafficking in controlled drugs', 'drugOffences'],
  ['Public order offences', 'publicOrderOffences'],
  ['public-order', 'publicOrderOffences'],
  ['Public fear alarm or distress', 'publicOrderOffences'],
  ['Racially or religiously aggravated public fear, alarm or distress', 'publicOrderOffences'],
  ['Harassment, alarm or distress', 'publicOrderOffences'],
  ['Section 4A Public Order Act - intentional harassment, alarm or distress', 'publicOrderOffences'],
  ['Causing fear or provocation of violence', 'publicOrderOffences'],
  ['Violent disorder', 'publicOrderOffences'],
  ['Affray', 'publicOrderOffences'],
  ['Miscellaneous crimes against society', 'miscellaneousCrimesAgainstSociety'],
  ['Handling stolen goods', 'miscellaneousCrimesAgainstSociety'],
  ['Going equipped for stealing', 'miscellaneousCrimesAgainstSociety'],
  ['Perverting the course of justice', 'miscellaneousCrimesAgainstSociety'],
  ['Fraud', 'fraud'],
  ['Fraud by false representation', 'fraud'],
  ['Anti-social behaviour', 'antiSocialBehaviour'],
  ['anti-social-behaviour', 'antiSocialBehaviour'],
  ['ASB', 'antiSocialBehaviour'],
  ['other-crime', 'otherCrime'],
  ['Other crime', 'otherCrime'],
  // Not classifiable: local codes, catch-alls, cross-cutting flags, words that only contain 'rob'.
  ['Other', 'unclassified'],
  ['XYZ123', 'unclassified'],
  ['34', 'unclassified'],
  ['HO 28A', 'unclassified'],
  ['Knife crime', 'unclassified'],
  ['Throbbery', 'unclassified'],
  ['Probation breach', 'unclassified'],
  ['', 'unclassified'],
  ['   ', 'unclassified'],
];

const groupOf = (classification: OffenceClassification): Expected =>
  classification.kind === 'unclassified' ? 'unclassified' : classification.group;

describe('classifyOffenceType', () => {
  it('has a table of at least 80 real-world spellings', () => {
    expect(SPELLINGS.length).toBeGreaterThanOrEqual(80);
  });

  it.each(SPELLINGS)('reads %j as %s', (text, expected) => {
    const classification = classifyOffenceType(text);
    expect(groupOf(classification)).toBe(expected);
    if (expected === 'unclassified') {
      expect(classification.kind).toBe('unclassified');
    } else {
      expect(classification.kind).toBe(isViolenceGroup(expected) ? 'violence' : 'notViolence');
      expect(classification.label).toBe(OFFENCE_GROUP_LABELS[expected]);
    }
  });

  it.each(['Violence and sexual offences', 'Violence & Sexual Offences', 'violent-crime'])(
    'counts %j as violence, flagged as including sexual offences',
    (text) => {
      const classification = classifyOffenceType(text);
      expect(classification).toMatchObject({
        kind: 'violence',
        group: 'violenceAgainstThePerson',
        mixed: true,
        alsoIncludes: 'sexualOffences',
      });
      expect(classification.kind === 'violence' && classification.note).toMatch(/sexual offences/i);
    },
  );

  it("reads a 'Violence and sexual offences' heading by what follows it", () => {
    expect(classifyOffenceType('Violence and sexual offences - Robbery')).toMatchObject({ group: 'robbery' });
    expect(classifyOffenceType('Violence and sexual offences - Rape')).toMatchObject({ group: 'sexualOffences' });
    expect(classifyOffenceType('Violence and sexual offences - local 12')).toMatchObject({
      group: 'violenceAgainstThePerson',
      mixed: true,
    });
  });

  it('names subgroups the text states', () => {
    expect(classifyOffenceType('Personal robbery')).toMatchObject({ subgroup: 'Robbery of personal property' });
    expect(classifyOffenceType('Robbery of business property')).toMatchObject({
      subgroup: 'Robbery of business property',
    });
    expect(classifyOffenceType('34A')).toMatchObject({ group: 'robbery', subgroup: 'Robbery of business property' });
    expect(classifyOffenceType('Having an article with a blade or point')).toMatchObject({
      subgroup: 'Possession of article with blade or point',
    });
    expect(classifyOffenceType('Possession of firearms with intent')).toMatchObject({
      subgroup: 'Possession of firearms offences',
    });
    expect(classifyOffenceType('Possession of an offensive weapon')).toMatchObject({
      subgroup: 'Possession of other weapons',
    });
    expect(classifyOffenceType('Manslaughter')).toMatchObject({ subgroup: 'Manslaughter' });
    expect(classifyOffenceType('Burglary - residential')).toMatchObject({ subgroup: 'Residential burglary' });
    expect(classifyOffenceType('Non-domestic burglary')).toMatchObject({ subgroup: 'Business and community burglary' });
    expect(classifyOffenceType('Robbery')).not.toHaveProperty('subgroup');
  });

  it('does not read bare numbers as Home Office codes, but reads prefixed and lettered ones', () => {
    expect(classifyOffenceType('1').kind).toBe('unclassified');
    expect(classifyOffenceType('HOC 34')).toMatchObject({ group: 'robbery' });
    expect(classifyOffenceType('010/04')).toMatchObject({ group: 'possessionOfWeapons' });
    expect(classifyOffenceType('099/99').kind).toBe('unclassified');
  });

  /** Random case, every separator run replaced by another, and junk separators at either end. */
  const SEPARATORS = [
    ' ',
    '  ',
    '\t',
    '\n',
    '-',
    ' - ',
    '_',
    '/',
    '.',
    ',',
    ', ',
    ':',
    ';',
    '(',
    ')',
    '&',
    ' & ',
    "'",
    '"',
    '–',
    '|',
    '+',
    '*',
    '!',
    '?',
    '[',
    ']',
  ];
  const separator = fc
    .array(fc.constantFrom(...SEPARATORS), { minLength: 1, maxLength: 3 })
    .map((parts) => parts.join(''));
  const edge = fc.oneof(fc.constant(''), separator);
  function respell(
    text: string,
    caseFlips: readonly boolean[],
    separators: readonly string[],
    ends: readonly [string, string],
  ): string {
    const parts = text.split(/([^A-Za-z0-9]+)/);
    const joined = parts.map((part, i) => (i % 2 === 1 ? separators[i % separators.length] : part)).join('');
    const cased = [...joined]
      .map((char, i) => (caseFlips[i % caseFlips.length] ? char.toUpperCase() : char.toLowerCase()))
      .join('');
    return `${ends[0]}${cased}${ends[1]}`;
  }
  const respelling = fc.tuple(
    fc.array(fc.boolean(), { minLength: 1, maxLength: 16 }),
    fc.array(separator, { minLength: 1, maxLength: 8 }),
    fc.tuple(edge, edge),
  );

  it('is insensitive to case, whitespace and punctuation for every spelling in the table', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...SPELLINGS.map(([text]) => text)),
        respelling,
        (text, [flips, separators, ends]) => {
          expect(classifyOffenceType(respell(text, flips, separators, ends))).toEqual(classifyOffenceType(text));
        },
      ),
      { numRuns: 1500 },
    );
  });

  it('is insensitive to case, whitespace and punctuation for arbitrary word sequences', () => {
    const VOCABULARY = [
      'violence',
      'violent',
      'with',
      'without',
      'injury',
      'w',
      'o',
      's',
      '47',
      '18',
      'robbery',
      'rob',
      'theft',
      'from',
      'the',
      'person',
      'assault',
      'on',
      'emergency',
      'worker',
      'sexual',
      'offences',
      'public',
      'order',
      'fear',
      'alarm',
      'distress',
      'harassment',
      'possession',
      'of',
      'knife',
      'weapon',
      'criminal',
      'damage',
      'arson',
      'burglary',
      'vehicle',
      'crime',
      'other',
      'ho',
      '34',
      'b',
      'murder',
      'attempted',
      'vap',
      'and',
      'section',
      'drugs',
    ];
    const word = fc.oneof(fc.constantFrom(...VOCABULARY), fc.stringMatching(/^[a-z0-9]{1,5}$/));
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 6 }), respelling, (words, [flips, separators, ends]) => {
        const plain = words.join(' ');
        expect(classifyOffenceType(respell(plain, flips, separators, ends))).toEqual(classifyOffenceType(plain));
      }),
      { numRuns: 1500 },
    );
  });

  it('always answers with a known group and its label, whatever the text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (text) => {
        const classification = classifyOffenceType(text);
        if (classification.kind === 'unclassified') return classification.label === 'Unclassified';
        return (
          OFFENCE_GROUPS.includes(classification.group) &&
          classification.label === OFFENCE_GROUP_LABELS[classification.group] &&
          (classification.kind === 'violence') === isViolenceGroup(classification.group)
        );
      }),
      { numRuns: 1000 },
    );
  });
});

describe('group ids and labels', () => {
  it('has a label and a family for every group, and no id in both sets', () => {
    for (const group of OFFENCE_GROUPS) {
      expect(OFFENCE_GROUP_LABELS[group]).toMatch(/^[A-Z]/);
      expect(OFFENCE_GROUP_FAMILIES[group]).toMatch(/^[A-Z]/);
      expect(groupLabel(group)).toBe(OFFENCE_GROUP_LABELS[group]);
    }
    expect(VIOLENCE_GROUPS.filter((group) => (OTHER_GROUPS as readonly string[]).includes(group))).toEqual([]);
    expect(new Set(Object.values(OFFENCE_GROUP_LABELS)).size).toBe(OFFENCE_GROUPS.length);
  });

  it('scopes the Home Office violence groups by default', () => {
    expect([...DEFAULT_SCOPE].sort()).toEqual([...VIOLENCE_GROUPS].sort());
    expect(DEFAULT_SCOPE).toEqual(
      expect.arrayContaining([
        'violenceWithInjury',
        'robbery',
        'possessionOfWeapons',
        'homicide',
        'stalkingAndHarassment',
      ]),
    );
  });

  it('normalises spellings to the same words', () => {
    expect(normaliseOffenceText('Violence - W/O Injury')).toBe('violence without injury');
    expect(normaliseOffenceText('Possession of an Offensive Weapon')).toBe('possession offensive weapon');
    expect(normaliseOffenceText('S.47 Assault')).toBe('section 47 assault');
  });
});

describe('classifyOffenceTypes', () => {
  const SHEET = [
    { text: 'Shoplifting', rows: 40 },
    { text: 'ABH', rows: 12 },
    { text: 'Common assault', rows: 12 },
    { text: 'XYZ123', rows: 3 },
    { text: 'Personal robbery', rows: 30 },
    { text: 'Criminal damage', rows: 25 },
    { text: 'Other', rows: 9 },
    { text: 'Violence and sexual offences', rows: 7 },
    { text: 'Burglary', rows: 25 },
  ];

  it('splits the types into counted, recognised but not counted, and unclassified, most rows first then by text', () => {
    const { inScope, outOfScope, unclassified } = classifyOffenceTypes(SHEET);
    expect(inScope.map((e) => [e.text, e.label, e.rows])).toEqual([
      ['Personal robbery', 'Robbery', 30],
      ['ABH', 'Violence with injury', 12],
      ['Common assault', 'Violence without injury', 12],
      ['Violence and sexual offences', 'Violence against the person', 7],
    ]);
    expect(outOfScope.map((e) => [e.text, e.label, e.rows])).toEqual([
      ['Shoplifting', 'Shoplifting', 40],
      ['Burglary', 'Burglary', 25],
      ['Criminal damage', 'Criminal damage and arson', 25],
    ]);
    expect(unclassified.map((e) => [e.text, e.label, e.rows])).toEqual([
      ['Other', 'Unclassified', 9],
      ['XYZ123', 'Unclassified', 3],
    ]);
    expect(inScope[3].classification).toMatchObject({ mixed: true, alsoIncludes: 'sexualOffences' });
  });

  it('counts the groups the analyst chose instead of the default', () => {
    const { inScope, outOfScope } = classifyOffenceTypes(SHEET, {
      scope: [...DEFAULT_SCOPE, ...groupsNamed('include criminal damage')],
    });
    expect(inScope.map((e) => e.text)).toContain('Criminal damage');
    expect(outOfScope.map((e) => e.text)).toEqual(['Shoplifting', 'Burglary']);
  });

  it('adds the rows of a text given twice and keeps differing spellings apart', () => {
    const { inScope } = classifyOffenceTypes([
      { text: 'ABH', rows: 2 },
      { text: 'abh', rows: 5 },
      { text: 'ABH', rows: 4 },
    ]);
    expect(inScope.map((e) => [e.text, e.rows])).toEqual([
      ['ABH', 6],
      ['abh', 5],
    ]);
  });

  it('places every distinct type in exactly one list, with its rows, in order', () => {
    const TEXTS = SPELLINGS.map(([text]) => text).filter((text) => text.trim() !== '');
    const entry = fc.record({ text: fc.constantFrom(...TEXTS), rows: fc.integer({ min: 1, max: 500 }) });
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 30 }), (entries) => {
        const result = classifyOffenceTypes(entries);
        const all = [...result.inScope, ...result.outOfScope, ...result.unclassified];
        const expectedRows = new Map<string, number>();
        for (const { text, rows } of entries) expectedRows.set(text, (expectedRows.get(text) ?? 0) + rows);
        expect(all.length).toBe(expectedRows.size);
        for (const e of all) expect(e.rows).toBe(expectedRows.get(e.text));
        for (const list of [result.inScope, result.outOfScope, result.unclassified]) {
          for (let i = 1; i < list.length; i += 1) expect(list[i - 1].rows).toBeGreaterThanOrEqual(list[i].rows);
        }
        expect(result.inScope.every((e) => e.classification.kind === 'violence')).toBe(true);
        expect(result.outOfScope.every((e) => e.classification.kind === 'notViolence')).toBe(true);
        expect(result.unclassified.every((e) => e.classification.kind === 'unclassified')).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('answers empty lists for no types', () => {
    expect(classifyOffenceTypes([])).toEqual({ inScope: [], outOfScope: [], unclassified: [] });
  });
});

describe('groupsNamed', () => {
  it.each([
    ['include criminal damage', ['criminalDamageAndArson']],
    ['violence with injury and robbery', ['violenceWithInjury', 'robbery']],
    ['possession of weapons', ['possessionOfWeapons']],
    ['Violence with injury, robbery & possession of weapons', ['violenceWithInjury', 'robbery', 'possessionOfWeapons']],
    ['criminal damage and arson', ['criminalDamageAndArson']],
    ['stalking and harassment', ['stalkingAndHarassment']],
    ['please include shoplifting too', ['shoplifting']],
    ['shoplifting, ABH', ['shoplifting', 'violenceWithInjury']],
    ['common assault', ['violenceWithoutInjury']],
    ['violent disorder', ['publicOrderOffences']],
    ['theft from the person', ['theftFromThePerson']],
    ['vehicle crime plus burglary', ['vehicleOffences', 'burglary']],
    ['anti-social behaviour', ['antiSocialBehaviour']],
    ['homicide', ['homicide']],
    ['robbery robbery', ['robbery']],
    ['criminalDamageAndArson', ['criminalDamageAndArson']],
    ['the weather', []],
    ['', []],
  ] as const)('reads %j as %j', (text, expected) => {
    expect(groupsNamed(text)).toEqual(expected);
  });

  it('reads umbrella names as every group under them', () => {
    expect(groupsNamed('violence')).toEqual([...VIOLENCE_GROUPS]);
    expect(groupsNamed('violence against the person')).toEqual([...VIOLENCE_AGAINST_THE_PERSON_GROUPS]);
    expect(groupsNamed('VAP')).toEqual([...VIOLENCE_AGAINST_THE_PERSON_GROUPS]);
    expect(groupsNamed('theft offences')).toEqual([...THEFT_GROUPS]);
    expect(groupsNamed('violence and sexual offences')).toEqual([...VIOLENCE_GROUPS, 'sexualOffences']);
  });

  it('reads every group label and every group id as that group', () => {
    for (const group of OFFENCE_GROUPS) {
      expect(groupsNamed(OFFENCE_GROUP_LABELS[group])).toContain(group);
      expect(groupsNamed(group)).toContain(group);
    }
  });

  it('finds names typed without separators', () => {
    expect(groupsNamed('violence with injury robbery')).toEqual(['violenceWithInjury', 'robbery']);
    expect(groupsNamed('shoplifting bicycle theft')).toEqual(['shoplifting', 'bicycleTheft']);
  });
});
