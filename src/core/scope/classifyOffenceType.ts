import { homeOfficeCodeGroup, parseHomeOfficeCode } from './homeOfficeCode';
import {
  isViolenceGroup,
  OFFENCE_GROUP_LABELS,
  type OffenceGroup,
  type OtherGroup,
  type ViolenceGroup,
} from './offenceGroups';
import { normaliseOffenceText, offenceWords } from './offenceText';

/**
 * What an offence type text names. `mixed` marks a published category that also holds offences of
 * another group (data.police.uk's "Violence and sexual offences"): it is counted, with `note` saying
 * what else it contains so the caller can tell the analyst.
 */
export type OffenceClassification =
  | {
      readonly kind: 'violence';
      readonly group: ViolenceGroup;
      readonly label: string;
      readonly subgroup?: string;
      readonly mixed?: true;
      /** For a mixed category: the other group it holds. */
      readonly alsoIncludes?: OtherGroup;
      readonly note?: string;
    }
  | { readonly kind: 'notViolence'; readonly group: OtherGroup; readonly label: string; readonly subgroup?: string }
  | { readonly kind: 'unclassified'; readonly label: string };

export const UNCLASSIFIED_LABEL = 'Unclassified';

const UNCLASSIFIED: OffenceClassification = { kind: 'unclassified', label: UNCLASSIFIED_LABEL };

/** A pattern matching any of the phrases as whole words of the normalised text. */
function has(...phrases: string[]): RegExp {
  return new RegExp(`\\b(?:${phrases.join('|')})\\b`);
}

/** A rule matches when every pattern matches; `group: null` marks texts that name no one group. */
interface Rule {
  readonly group: OffenceGroup | null;
  readonly when: readonly RegExp[];
}

function rule(group: OffenceGroup | null, ...when: RegExp[]): Rule {
  return { group, when };
}

const WEAPON_WORDS = [
  'weapon',
  'offensive',
  'knife',
  'blade',
  'bladed',
  'firearm',
  'gun',
  'shotgun',
  'handgun',
  'pistol',
  'rifle',
  'ammunition',
  'crossbow',
  'corrosive',
  'sword',
  'machete',
];
const STOLEN_VEHICLE = '(?:motor vehicle|vehicle|car|van|motorcycle|motorbike|moped)';

/**
 * First match wins, so the order carries the Home Office traps: sexual offences before assault
 * ('Sexual assault', 'Assault by penetration'); deaths by driving before vehicle words; robbery
 * before theft; criminal damage and arson before 'endangering life'; stalking before public order
 * ('Stalking involving … alarm or distress') and public order before harassment ('Harassment,
 * alarm or distress' is section 5 Public Order Act); weapon possession before assault; 'without
 * injury' before any injury word; and only then the generic violence words.
 */
const RULES: readonly Rule[] = [
  rule(
    'sexualOffences',
    has(
      'sexual',
      'sexually',
      'sex',
      'rape',
      'raped',
      'penetration',
      'indecent assault',
      'indecent exposure',
      'indecency',
      'incest',
      'voyeurism',
      'exposure',
      'grooming',
      'upskirting',
    ),
  ),
  rule(
    'deathOrSeriousInjuryByDriving',
    has('death', 'serious injury', 'killed'),
    has('driving', 'driver', 'vehicle taking'),
  ),
  // 'Assault with intent to rob' is recorded as robbery.
  rule('robbery', has('robbery', 'intent rob', 'mugging')),
  rule('burglary', has('burglary', 'burglar')),
  rule('criminalDamageAndArson', has('damage', 'arson', 'vandalism', 'graffiti')),
  rule('stalkingAndHarassment', has('stalking')),
  rule(
    'publicOrderOffences',
    has(
      'public order',
      'poa',
      'public fear',
      'alarm',
      'distress',
      'affray',
      'riot',
      'violent disorder',
      'disorder',
      'fear provocation',
      'provocation violence',
      'racial hatred',
      'religious hatred',
      'stirring up',
    ),
  ),
  rule(
    'drugOffences',
    has(
      'drug',
      'cannabis',
      'cocaine',
      'heroin',
      'ecstasy',
      'mdma',
      'amphetamine',
      'psychoactive',
      'controlled substance',
      'intent supply',
    ),
  ),
  rule('fraud', has('fraud', 'fraudulent', 'computer misuse', 'false representation')),
  // Before theft: 'Handling stolen goods' and 'Going equipped for stealing' are not theft.
  rule(
    'miscellaneousCrimesAgainstSociety',
    has(
      'miscellaneous',
      'perjury',
      'perverting',
      'forgery',
      'forged',
      'bail',
      'absconding',
      'handling stolen',
      'going equipped',
      'dangerous driving',
      'obscene publication',
      'wildlife',
      'bigamy',
      'proceeds crime',
      'trade descriptions',
    ),
  ),
  rule('antiSocialBehaviour', has('anti social', 'asb')),
  rule(
    'vehicleOffences',
    has(
      'vehicle crime',
      'vehicle offence',
      'vehicle interference',
      'vehicle taking',
      'interfering with (?:motor )?vehicle',
      'twoc',
      'taking without consent',
      `${STOLEN_VEHICLE} theft`,
      `theft (?:from )?${STOLEN_VEHICLE}`,
    ),
  ),
  rule('shoplifting', has('shoplifting', 'shoplift', 'shop lifting', 'shop theft', 'theft from shop', 'theft shop')),
  rule(
    'theftFromThePerson',
    has(
      'theft from person',
      'theft person',
      'pickpocket',
      'pickpocketing',
      'pick pocket',
      'pick pocketing',
      'snatch theft',
    ),
  ),
  rule('bicycleTheft', has('bicycle', 'pedal cycle', 'cycle', 'bike'), has('theft', 'stolen', 'stealing')),
  rule(
    'otherTheft',
    has('other theft', 'theft other', 'making off without payment', 'theft by employee', 'theft mail'),
  ),
  rule('theft', has('theft', 'stealing', 'stolen', 'steal', 'larceny')),
  rule(
    'possessionOfWeapons',
    has(
      'possession',
      'possess',
      'possessing',
      'possessed',
      'having',
      'carrying',
      'carry',
      'carried',
      'threaten with',
      'threatening with',
    ),
    has(...WEAPON_WORDS),
  ),
  rule('violenceWithoutInjury', has('without injury', 'no injury', 'non injury', 'vwoi')),
  // Attempted murder and the OAPA sections 18, 20 and 47 are violence with injury.
  rule(
    'violenceWithInjury',
    has(
      'with injury',
      'vwi',
      'injury',
      'abh',
      'gbh',
      'actual bodily harm',
      'grievous bodily harm',
      'wound',
      'wounding',
      'wounded',
      'attempt murder',
      'attempted murder',
      'murder attempt',
      'murder attempted',
      'section 18',
      'section 20',
      'section 47',
      'intent cause serious harm',
      'endangering life',
      'fgm',
      'female genital mutilation',
      'stabbing',
    ),
  ),
  // Conspiracy to murder and threats to kill are violence without injury, not homicide.
  rule(
    'violenceWithoutInjury',
    has(
      'conspiracy murder',
      'conspiracy kill',
      'threat kill',
      'threat murder',
      'threatening kill',
      'solicit murder',
      'soliciting murder',
    ),
  ),
  rule('homicide', has('murder', 'manslaughter', 'infanticide', 'homicide')),
  // Assaults on emergency workers count without injury unless the text says with injury (caught above).
  rule(
    'violenceWithoutInjury',
    has(
      'common assault',
      'battery',
      'assault beating',
      'assault on',
      'assault police',
      'assault constable',
      'emergency worker',
      'section 39',
      'kidnap',
      'kidnapping',
      'false imprisonment',
      'abduction',
      'cruelty',
      'neglect',
      'modern slavery',
    ),
  ),
  rule(
    'stalkingAndHarassment',
    has(
      'harassment',
      'harass',
      'harassing',
      'malicious communication',
      'coercive',
      'controlling behaviour',
      'fear violence',
    ),
  ),
  rule('violenceAgainstThePerson', has('violence', 'violent', 'vap', 'assault', 'bodily harm')),
  // 'Knife crime' flags offences across groups (robbery, assault, possession): it names no one group.
  rule(
    null,
    has('knife crime', 'gun crime', 'weapon crime', 'firearm crime', 'knife enabled', 'gun enabled', 'weapon enabled'),
  ),
  rule('possessionOfWeapons', has(...WEAPON_WORDS)),
];

/** Subgroups worth naming where the text says them. */
const SUBGROUPS: Partial<Record<OffenceGroup, readonly (readonly [RegExp, string])[]>> = {
  robbery: [
    [has('business', 'commercial'), 'Robbery of business property'],
    [has('personal', 'person'), 'Robbery of personal property'],
  ],
  burglary: [
    [
      has(
        'business',
        'commercial',
        'community',
        'non domestic',
        'non dwelling',
        'non residential',
        'other than dwelling',
      ),
      'Business and community burglary',
    ],
    [has('residential', 'dwelling', 'domestic', 'house', 'home'), 'Residential burglary'],
  ],
  possessionOfWeapons: [
    [has('firearm', 'gun', 'shotgun', 'handgun', 'pistol', 'rifle', 'ammunition'), 'Possession of firearms offences'],
    [has('blade', 'bladed', 'knife', 'point'), 'Possession of article with blade or point'],
    [has('offensive', 'other weapon'), 'Possession of other weapons'],
  ],
  homicide: [
    [has('murder'), 'Murder'],
    [has('manslaughter'), 'Manslaughter'],
    [has('infanticide'), 'Infanticide'],
  ],
};

function classification(group: OffenceGroup, subgroup?: string): OffenceClassification {
  const label = OFFENCE_GROUP_LABELS[group];
  const sub = subgroup !== undefined ? { subgroup } : {};
  return isViolenceGroup(group)
    ? { kind: 'violence', group, label, ...sub }
    : { kind: 'notViolence', group, label, ...sub };
}

const SEXUAL_OFFENCES_NOTE =
  "includes sexual offences: data.police.uk's 'Violence and sexual offences' ('violent-crime') category cannot be split";
const PUBLIC_ORDER_NOTE =
  "includes public order offences: data.police.uk's former 'Public disorder and weapons' category cannot be split";

/** data.police.uk categories that hold two groups; counted as violence, flagged. */
const MIXED: readonly (readonly [RegExp, ViolenceGroup, OtherGroup, string])[] = [
  [/^violen(?:ce|t) sex(?:ual)?(?: offence)?$/, 'violenceAgainstThePerson', 'sexualOffences', SEXUAL_OFFENCES_NOTE],
  [/^violent crime$/, 'violenceAgainstThePerson', 'sexualOffences', SEXUAL_OFFENCES_NOTE],
  [/^public disorder weapon$/, 'possessionOfWeapons', 'publicOrderOffences', PUBLIC_ORDER_NOTE],
];

function mixed(group: ViolenceGroup, alsoIncludes: OtherGroup, note: string): OffenceClassification {
  return { kind: 'violence', group, label: OFFENCE_GROUP_LABELS[group], mixed: true, alsoIncludes, note };
}

/** The mixed category used as a heading: 'Violence and sexual offences - Robbery'. */
const MIXED_PREFIX = /^violen(?:ce|t) sexual offence (.+)$/;

function classifyWords(words: string): OffenceClassification {
  for (const { group, when } of RULES) {
    if (when.every((pattern) => pattern.test(words))) {
      if (group === null) return UNCLASSIFIED;
      const subgroup = SUBGROUPS[group]?.find(([pattern]) => pattern.test(words))?.[1];
      return classification(group, subgroup);
    }
  }
  return UNCLASSIFIED;
}

/**
 * Which Home Office group an offence type text names. Insensitive to case, whitespace and
 * punctuation. Anything it cannot place (local force codes, 'Other') is `unclassified`, for the
 * caller to list: never silently counted or dropped.
 *
 * @example classifyOffenceType('Viol w/ injury') // => { kind: 'violence', group: 'violenceWithInjury', label: 'Violence with injury' }
 * @example classifyOffenceType('Sexual assault') // => { kind: 'notViolence', group: 'sexualOffences', label: 'Sexual offences' }
 * @example classifyOffenceType('34B') // => { kind: 'violence', group: 'robbery', label: 'Robbery', subgroup: 'Robbery of personal property' }
 * @example classifyOffenceType('Violence and sexual offences') // => { kind: 'violence', group: 'violenceAgainstThePerson', …, mixed: true, alsoIncludes: 'sexualOffences', note: 'includes sexual offences: …' }
 * @example classifyOffenceType('XYZ123') // => { kind: 'unclassified', label: 'Unclassified' }
 */
export function classifyOffenceType(text: string): OffenceClassification {
  const code = parseHomeOfficeCode(offenceWords(text));
  if (code) {
    const found = homeOfficeCodeGroup(code);
    return found ? classification(found.group, found.subgroup) : UNCLASSIFIED;
  }
  const words = normaliseOffenceText(text);
  if (words === 'other crime') return classification('otherCrime');
  for (const [pattern, group, alsoIncludes, note] of MIXED) {
    if (pattern.test(words)) return mixed(group, alsoIncludes, note);
  }
  const heading = MIXED_PREFIX.exec(words);
  if (heading) {
    const inner = classifyWords(heading[1]);
    return inner.kind === 'unclassified'
      ? mixed('violenceAgainstThePerson', 'sexualOffences', SEXUAL_OFFENCES_NOTE)
      : inner;
  }
  return classifyWords(words);
}
