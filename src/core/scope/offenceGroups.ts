/**
 * Offence groups the product names: stable machine ids, and the labels analysts read on the
 * console, the Method sheet and in the dialogue. The violence groups follow the Home Office / ONS
 * police recorded crime tables (violence against the person and its subgroups, robbery, possession
 * of weapons); the others are the well-known groups an extract also carries, so they can be listed
 * by name rather than as "unknown".
 */

/**
 * The violence groups: together they are the default scope. `violenceAgainstThePerson` holds texts
 * that name violence against the person without saying which subgroup ('VAP', 'Assault').
 */
export const VIOLENCE_GROUPS = [
  'homicide',
  'deathOrSeriousInjuryByDriving',
  'violenceWithInjury',
  'violenceWithoutInjury',
  'stalkingAndHarassment',
  'violenceAgainstThePerson',
  'robbery',
  'possessionOfWeapons',
] as const;
export type ViolenceGroup = (typeof VIOLENCE_GROUPS)[number];

/**
 * Recognised groups that are not violence. Theft is split the way data.police.uk splits it;
 * `theft` holds theft that names no subgroup. Burglary and vehicle offences stand alone here as they
 * do on data.police.uk (the ONS tables file both under "Theft offences").
 */
export const OTHER_GROUPS = [
  'sexualOffences',
  'theft',
  'shoplifting',
  'theftFromThePerson',
  'bicycleTheft',
  'otherTheft',
  'burglary',
  'vehicleOffences',
  'criminalDamageAndArson',
  'drugOffences',
  'publicOrderOffences',
  'miscellaneousCrimesAgainstSociety',
  'fraud',
  'antiSocialBehaviour',
  'otherCrime',
] as const;
export type OtherGroup = (typeof OTHER_GROUPS)[number];

export type OffenceGroup = ViolenceGroup | OtherGroup;

/** Every group id, violence first. */
export const OFFENCE_GROUPS: readonly OffenceGroup[] = [...VIOLENCE_GROUPS, ...OTHER_GROUPS];

/** What each group is called to readers (Home Office / ONS / data.police.uk wording). */
export const OFFENCE_GROUP_LABELS: Readonly<Record<OffenceGroup, string>> = {
  homicide: 'Homicide',
  deathOrSeriousInjuryByDriving: 'Death or serious injury caused by unlawful driving',
  violenceWithInjury: 'Violence with injury',
  violenceWithoutInjury: 'Violence without injury',
  stalkingAndHarassment: 'Stalking and harassment',
  violenceAgainstThePerson: 'Violence against the person',
  robbery: 'Robbery',
  possessionOfWeapons: 'Possession of weapons',
  sexualOffences: 'Sexual offences',
  theft: 'Theft offences',
  shoplifting: 'Shoplifting',
  theftFromThePerson: 'Theft from the person',
  bicycleTheft: 'Bicycle theft',
  otherTheft: 'Other theft',
  burglary: 'Burglary',
  vehicleOffences: 'Vehicle offences',
  criminalDamageAndArson: 'Criminal damage and arson',
  drugOffences: 'Drug offences',
  publicOrderOffences: 'Public order offences',
  miscellaneousCrimesAgainstSociety: 'Miscellaneous crimes against society',
  fraud: 'Fraud',
  antiSocialBehaviour: 'Anti-social behaviour',
  otherCrime: 'Other crime',
};

/** The Home Office family each group sits in, for headings such as "Shoplifting (Theft offences)". */
export const OFFENCE_GROUP_FAMILIES: Readonly<Record<OffenceGroup, string>> = {
  homicide: 'Violence against the person',
  deathOrSeriousInjuryByDriving: 'Violence against the person',
  violenceWithInjury: 'Violence against the person',
  violenceWithoutInjury: 'Violence against the person',
  stalkingAndHarassment: 'Violence against the person',
  violenceAgainstThePerson: 'Violence against the person',
  robbery: 'Robbery',
  possessionOfWeapons: 'Possession of weapons',
  sexualOffences: 'Sexual offences',
  theft: 'Theft offences',
  shoplifting: 'Theft offences',
  theftFromThePerson: 'Theft offences',
  bicycleTheft: 'Theft offences',
  otherTheft: 'Theft offences',
  burglary: 'Burglary',
  vehicleOffences: 'Vehicle offences',
  criminalDamageAndArson: 'Criminal damage and arson',
  drugOffences: 'Drug offences',
  publicOrderOffences: 'Public order offences',
  miscellaneousCrimesAgainstSociety: 'Miscellaneous crimes against society',
  fraud: 'Fraud',
  antiSocialBehaviour: 'Anti-social behaviour',
  otherCrime: 'Other crime',
};

/** The groups counted unless the analyst says otherwise: the Home Office violence groups. */
export const DEFAULT_SCOPE: readonly OffenceGroup[] = VIOLENCE_GROUPS;

/** The subgroups of violence against the person: what "violence against the person" / "VAP" names. */
export const VIOLENCE_AGAINST_THE_PERSON_GROUPS: readonly ViolenceGroup[] = [
  'homicide',
  'deathOrSeriousInjuryByDriving',
  'violenceWithInjury',
  'violenceWithoutInjury',
  'stalkingAndHarassment',
  'violenceAgainstThePerson',
];

/** The theft groups: what "theft" names (not burglary or vehicle offences, as on data.police.uk). */
export const THEFT_GROUPS: readonly OtherGroup[] = [
  'theft',
  'shoplifting',
  'theftFromThePerson',
  'bicycleTheft',
  'otherTheft',
];

const VIOLENCE_SET: ReadonlySet<string> = new Set(VIOLENCE_GROUPS);
const ALL_SET: ReadonlySet<string> = new Set(OFFENCE_GROUPS);

/**
 * @example isViolenceGroup('robbery') // => true
 * @example isViolenceGroup('criminalDamageAndArson') // => false
 */
export function isViolenceGroup(group: OffenceGroup): group is ViolenceGroup {
  return VIOLENCE_SET.has(group);
}

/** For ids arriving as plain strings (settings, saved workbooks). @example isOffenceGroup('fraud') // => true */
export function isOffenceGroup(value: string): value is OffenceGroup {
  return ALL_SET.has(value);
}

/** @example offenceGroupLabel('violenceWithInjury') // => 'Violence with injury' */
export function offenceGroupLabel(group: OffenceGroup): string {
  return OFFENCE_GROUP_LABELS[group];
}

/** The short name the pipeline's scope stage imports. @example groupLabel('robbery') // => 'Robbery' */
export const groupLabel = offenceGroupLabel;
