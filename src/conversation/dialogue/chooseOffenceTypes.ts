/**
 * "count only robbery", "include criminal damage", "exclude robbery", "all offence types", "only
 * violence": the offence type rule, with the analyst's words resolved against the offences sheet.
 *
 * The rule (AnalysisParameters.offenceTypes) is [] for the default, the Home Office violence groups;
 * ['all'] for every type; or a chosen list of types as written in the sheet, group ids, and
 * 'violence' for the default groups ("include criminal damage" on the default gives
 * ['violence', 'Criminal damage']). Excluding a group from the default lists the violence groups
 * left, so the rule says exactly what is counted.
 */
import { offenceTypeRule } from '../../core/pipeline/stages/scopeOffences';
import {
  classifyOffenceType,
  groupLabel,
  groupsNamed,
  isOffenceGroup,
  OFFENCE_GROUPS,
  OTHER_GROUPS,
  VIOLENCE_GROUPS,
  type OffenceGroup,
} from '../../core/scope';
import { diceCoefficient } from '../../core/ranking/diceCoefficient';
import type { Command } from '../commands';
import { plainName } from '../match';
import { allowedSlips, editDistance } from '../parse/editDistance';
import type { Choice } from '../types';
import { agreeing, listing, plural, quoted, quotedForUtterance } from './format';
import {
  EVERY_OFFENCE_TYPE,
  includeUtterance,
  isEveryType,
  isUnrecognised,
  leaveOutUtterance,
  offenceRuleText,
  typeKey,
  typeList,
  VIOLENCE_TOKEN,
} from './offenceTypeWords';
import type { DialogueState, Outcome, TurnEnvironment } from './state';
import { detectWithSettings, distinctValues } from './workbookFacts';

type SetOffenceTypes = Extract<Command, { kind: 'setOffenceTypes' }>;

interface TypeCount {
  readonly value: string;
  readonly rows: number;
}

function wordFits(typed: string, word: string): boolean {
  return (
    typed === word || (typed.length >= 3 && word.startsWith(typed)) || editDistance(typed, word) <= allowedSlips(word)
  );
}

/** Words every kind of offence may carry ('offences', 'crime', 'of'), which say nothing of which kind. */
const GENERIC_TYPE_WORDS: ReadonlySet<string> = new Set([
  'offence',
  'offences',
  'offense',
  'offenses',
  'crime',
  'crimes',
  'type',
  'types',
  'the',
  'of',
  'and',
]);
const tellingWords = (plain: string): string =>
  plain
    .split(' ')
    .filter((word) => word !== '' && !GENERIC_TYPE_WORDS.has(word))
    .join(' ');

/**
 * The sheet's types a typed term stands for: the one with the same name; else every type whose
 * words include all the term's words ('robbery' -> 'Robbery of personal property' and 'Robbery of
 * business property': a family, taken whole); else the one clearly most similar; else none.
 */
/** Words that turn a type down or widen it, when a term holds more than a type's name. */
const CONTRARY_WORDS =
  /\b(?:all|every|everything|except|excluding|bar|barring|but|not|without|other|apart|besides|minus|no)\b/;

export function typesForTerm(term: string, types: readonly TypeCount[]): TypeCount[] {
  const typed = plainName(term);
  const same = types.filter((type) => plainName(type.value) === typed);
  if (same.length > 0) return same;
  // 'theft offences' is the theft family: the generic words need not appear in the type.
  const words = (tellingWords(typed) || typed).split(' ').filter((word) => word.length > 0);
  const family = types.filter((type) => {
    const typeWords = plainName(type.value).split(' ');
    return words.every((word) => typeWords.some((typeWord) => wordFits(word, typeWord)));
  });
  if (family.length > 0) return family;
  // Similarity on the words that tell types apart: 'minor offences' shares only 'offences' with
  // 'Public order offences', which is no reason to pick it.
  const telling = tellingWords(typed);
  if (telling === '') return [];
  // 'all types bar robbery', 'everything but robbery': the words around the type turn it down or
  // widen it, so a likeness to 'robbery' is no reason to count robbery alone.
  if (CONTRARY_WORDS.test(typed)) return [];
  const scored = types
    .map((type) => ({ type, score: diceCoefficient(telling, tellingWords(plainName(type.value))) }))
    .sort((a, b) => b.score - a.score);
  if (scored[0] && scored[0].score >= 0.6 && (scored[1] === undefined || scored[1].score < scored[0].score - 0.05))
    return [scored[0].type];
  return [];
}

/** What a term stands for: every type, the default violence groups, types as written or group ids, or nothing in the sheet. */
type Resolved =
  | { readonly kind: 'all' }
  | { readonly kind: 'violence' }
  | { readonly kind: 'entries'; readonly entries: readonly string[] }
  | { readonly kind: 'none' };

const ALL_TERMS: ReadonlySet<string> = new Set([
  'all',
  'every',
  'everything',
  'any',
  'all types',
  'every type',
  'all offence types',
  'every offence type',
  'all offences',
  'all crimes',
]);
const VIOLENCE_TERMS: ReadonlySet<string> = new Set([
  'violence',
  'violent',
  'violent crime',
  'violent crimes',
  'violent offence',
  'violent offences',
  'all violence',
  'default',
  'defaults',
  'the default',
  'default types',
  'the default types',
  'default groups',
  'the default groups',
  'violence groups',
  'the violence groups',
  'home office violence',
  'home office violence groups',
  'the home office violence groups',
]);

const groupOf = (text: string): OffenceGroup | undefined => {
  const classification = classifyOffenceType(text);
  return classification.kind === 'unclassified' ? undefined : classification.group;
};
const isToken = (entry: string): boolean => typeKey(entry) === VIOLENCE_TOKEN || typeKey(entry) === EVERY_OFFENCE_TYPE;
const isTypeText = (entry: string): boolean => !isOffenceGroup(entry) && !isToken(entry);
/** Whether a list entry names a group (by id or label). */
const namesGroup = (entry: string, group: OffenceGroup): boolean =>
  typeKey(entry) === typeKey(group) || typeKey(entry) === typeKey(groupLabel(group));

/** Whether a type is counted under a rule ([] being the default). */
const counts = (offenceTypes: readonly string[], text: string): boolean => offenceTypeRule({ offenceTypes })(text);
/** The same, for a list that is never the default: an empty one counts nothing. */
const countsExactly = (list: readonly string[], text: string): boolean => list.length > 0 && counts(list, text);

/**
 * Kinds of crime that cut across the offence groups ('knife crime', 'knives', 'gun crime'): no group
 * is meant by them alone. ('Weapons' alone is the short name of possession of weapons.)
 */
const CROSS_CUTTING =
  /^(?:knife|knives|gun|guns|firearm|firearms|blade|blades|bladed)(?:\s+(?:crime|crimes|enabled|related|involved|offences|offence))?$|\b(?:knife|knives|gun|guns|firearm|firearms|weapon|weapons|blade|bladed)[\s-]*(?:crime|crimes|enabled|related|involved)\b/;

/**
 * A term as the analyst meant it: 'all' / 'every type'; 'violence' / 'the default'; a type as
 * written in the sheet (any case); a Home Office group by name ('criminal damage', 'weapons'), kept
 * as its id when the sheet has a type of it (or always, when leaving it out); a type named loosely
 * ('robery of personal'); with no offences sheet, the term as typed.
 */
function resolveTerm(term: string, types: readonly TypeCount[], keepAbsentGroups: boolean): Resolved {
  const typed = plainName(term);
  if (ALL_TERMS.has(typed) || typeKey(term) === EVERY_OFFENCE_TYPE) return { kind: 'all' };
  if (VIOLENCE_TERMS.has(typed)) return { kind: 'violence' };
  const same = types.filter((type) => plainName(type.value) === typed);
  if (same.length > 0) return { kind: 'entries', entries: same.map((type) => type.value) };
  // 'Knife crime' cuts across the groups (violence, robbery, possession of weapons with a knife): which types is asked.
  if (CROSS_CUTTING.test(typed) && types.length > 0) return { kind: 'none' };
  const groups = groupsNamed(term);
  if (groups.length > 0) {
    if (VIOLENCE_GROUPS.every((group) => groups.includes(group)) && groups.length === VIOLENCE_GROUPS.length)
      return { kind: 'violence' };
    const present =
      types.length === 0 || keepAbsentGroups
        ? groups
        : groups.filter((group) => types.some((type) => groupOf(type.value) === group));
    if (present.length > 0) return { kind: 'entries', entries: present };
  }
  const loose = typesForTerm(term, types);
  if (loose.length > 0) return { kind: 'entries', entries: loose.map((type) => type.value) };
  return types.length === 0 ? { kind: 'entries', entries: [term.trim()] } : { kind: 'none' };
}

/** Entries once each, in order, by the engine's comparison. */
function unique(entries: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const entry of entries) {
    if (seen.has(typeKey(entry))) continue;
    seen.add(typeKey(entry));
    out.push(entry);
  }
  return out;
}

/**
 * A chosen list in its plainest form: 'all' alone when present; every violence group as the one
 * word 'violence', first; types already counted by the rest left out; just 'violence' as [], the default.
 */
function normalise(list: readonly string[]): string[] {
  let out = unique(list);
  if (out.some((entry) => typeKey(entry) === EVERY_OFFENCE_TYPE)) return [EVERY_OFFENCE_TYPE];
  // The engine reads an entry that is a group's label ('Robbery') as the whole group.
  const namesViolence = (entry: string): boolean => VIOLENCE_GROUPS.some((group) => namesGroup(entry, group));
  const hasToken = out.some((entry) => typeKey(entry) === VIOLENCE_TOKEN);
  if (hasToken || VIOLENCE_GROUPS.every((group) => out.some((entry) => namesGroup(entry, group)))) {
    out = [VIOLENCE_TOKEN, ...out.filter((entry) => typeKey(entry) !== VIOLENCE_TOKEN && !namesViolence(entry))];
  }
  out = out.filter((entry) => {
    if (!isTypeText(entry)) return true;
    const rest = out.filter((other) => other !== entry);
    return !countsExactly(rest, entry);
  });
  return out.length === 1 && typeKey(out[0]) === VIOLENCE_TOKEN ? [] : out;
}

/**
 * A rule as explicit entries, so one part can be taken out: the default as its groups; 'all' as
 * the violence groups, the other groups the sheet has types of, and its unrecognised types (every
 * group, with no sheet to read).
 */
function expand(offenceTypes: readonly string[], types: readonly TypeCount[]): string[] {
  if (offenceTypes.length === 0) return [...VIOLENCE_GROUPS];
  if (isEveryType(offenceTypes)) {
    if (types.length === 0) return [...OFFENCE_GROUPS];
    const others = OTHER_GROUPS.filter((group) => types.some((type) => groupOf(type.value) === group));
    return [
      ...VIOLENCE_GROUPS,
      ...others,
      ...types.filter((type) => isUnrecognised(type.value)).map((type) => type.value),
    ];
  }
  return offenceTypes.flatMap((entry) => (typeKey(entry) === VIOLENCE_TOKEN ? [...VIOLENCE_GROUPS] : [entry]));
}

/**
 * The rule without some groups and types. A type counted through its group is taken out by
 * listing the group's other types in the sheet instead of the group.
 */
function without(
  offenceTypes: readonly string[],
  removed: readonly string[],
  violence: boolean,
  types: readonly TypeCount[],
): string[] {
  let out = expand(offenceTypes, types);
  const dropGroup = (group: OffenceGroup): void => {
    out = out.filter((entry) => !namesGroup(entry, group) && !(isTypeText(entry) && groupOf(entry) === group));
  };
  if (violence) VIOLENCE_GROUPS.forEach(dropGroup);
  for (const entry of removed) {
    if (isOffenceGroup(entry)) {
      dropGroup(entry);
      continue;
    }
    out = out.filter((other) => typeKey(other) !== typeKey(entry));
    const group = groupOf(entry);
    if (group && countsExactly(out, entry) && out.some((other) => namesGroup(other, group))) {
      const siblings = types
        .filter(
          (type) => groupOf(type.value) === group && !removed.some((gone) => typeKey(gone) === typeKey(type.value)),
        )
        .map((type) => type.value);
      out = [...out.filter((other) => !namesGroup(other, group)), ...siblings];
    }
  }
  return out;
}

/** A resolved entry as named in a reply: a group by its label, a type as written, in quotes. */
const named = (entry: string): string => (isOffenceGroup(entry) ? groupLabel(entry) : quoted(entry));

/** What is counted under a rule, with rows from the sheet, and what is left out. */
function countingText(offenceTypes: readonly string[], types: readonly TypeCount[], sheet: string): string {
  const rows = (type: TypeCount) => ({ text: type.value, rows: type.rows });
  const counted = types.filter((type) => counts(offenceTypes, type.value)).map(rows);
  const left = types.filter((type) => !counts(offenceTypes, type.value)).map(rows);
  if (offenceTypes.length === 0) {
    return (
      `Counting the Home Office violence groups (the default): ${counted.length > 0 ? typeList(counted) : `none of the types in ${quoted(sheet)} is one of them`}.` +
      `${left.length > 0 ? ` Not counted: ${typeList(left)}.` : ''}`
    );
  }
  if (isEveryType(offenceTypes))
    return `Counting every offence type (${plural(types.length, 'type')} in ${quoted(sheet)}): ${typeList(counted)}.`;
  return (
    `Counting ${counted.length === 1 ? 'one offence type' : `${counted.length} offence types`} as violence: ${typeList(counted)}.` +
    `${left.length > 0 ? ` ${left.length === 1 ? 'One other type is' : `${left.length} other types are`} left out: ${typeList(left)}.` : ''}`
  );
}

const RUN: Choice = { label: 'Run the analysis', utterance: 'run the analysis' };
const ONLY_VIOLENCE: Choice = { label: 'Only violence (the default)', utterance: 'only violence' };
const EVERY_TYPE: Choice = { label: 'Count every offence type', utterance: 'all offence types' };
const UNDO: Choice = { label: 'Undo', utterance: 'undo' };

/** Sets the offence type rule from a command, or asks when a term fits no type in the sheet. */
export function chooseOffenceTypes(command: SetOffenceTypes, state: DialogueState, env: TurnEnvironment): Outcome {
  const mode = command.mode ?? 'only';
  const current = state.settings.parameters.offenceTypes;
  const mapping = detectWithSettings(env.engine.workbook, state.settings).mappings.offences;
  const types = mapping ? distinctValues(env.engine.workbook, mapping, 'offenceType') : [];
  const sheet = mapping?.sheet ?? '';

  const resolved = command.types.map((term) => ({ term, found: resolveTerm(term, types, mode === 'remove') }));
  const unknown = resolved.filter(({ found }) => found.kind === 'none').map(({ term }) => term);
  if (unknown.length > 0) {
    const utterance = (type: string): string =>
      mode === 'only'
        ? `count only ${quotedForUtterance(type)}`
        : mode === 'add'
          ? includeUtterance([type])
          : leaveOutUtterance([type]);
    const across = unknown.filter((term) => CROSS_CUTTING.test(plainName(term)));
    const why =
      across.length > 0
        ? `${listing(across.map(quoted))} ${across.length === 1 ? 'cuts' : 'cut'} across the offence groups (violence, robbery, possession of weapons), and the types do not say which offences involved one.`
        : `No offence type in ${quoted(sheet)} matches ${listing(unknown.map(quoted))}.`;
    return {
      text:
        `${why} The types there are: ${typeList(types.map((type) => ({ text: type.value, rows: type.rows })))}. ` +
        `Which should be ${mode === 'remove' ? 'left out' : 'counted'}?`,
      choices: types.slice(0, 6).map((type) => ({ label: type.value, utterance: utterance(type.value) })),
      question: true,
      command,
    };
  }
  const every = resolved.some(({ found }) => found.kind === 'all');
  const violence = resolved.some(({ found }) => found.kind === 'violence');
  const entries = unique(resolved.flatMap(({ found }) => (found.kind === 'entries' ? found.entries : [])));
  const typeTexts = entries.filter(isTypeText);
  const refuse = (text: string): Outcome => ({
    text,
    command: null,
    choices: [ONLY_VIOLENCE, EVERY_TYPE, { label: 'Show the settings', utterance: 'show the settings' }],
  });

  let next: string[];
  if (mode === 'only') {
    next = every ? [EVERY_OFFENCE_TYPE] : normalise([...(violence ? [VIOLENCE_TOKEN] : []), ...entries]);
  } else if (mode === 'add') {
    if (isEveryType(current)) {
      return {
        text: 'Every offence type is already counted.',
        command: { kind: 'setOffenceTypes', types: current },
        choices: [RUN, ONLY_VIOLENCE],
      };
    }
    next = every
      ? [EVERY_OFFENCE_TYPE]
      : normalise([
          ...(current.length === 0 ? [VIOLENCE_TOKEN] : current),
          ...(violence ? [VIOLENCE_TOKEN] : []),
          ...entries,
        ]);
  } else {
    if (every) return refuse('That would leave no offence type to count. Say e.g. "count only robbery".');
    const left = without(current, entries, violence, types);
    if (left.length === 0) return refuse('That would leave no offence type to count. Say e.g. "count only robbery".');
    next = normalise(left);
  }

  if (types.length > 0 && next.length > 0 && !types.some((type) => counts(next, type.value))) {
    return refuse(
      `That would leave no offence type in ${quoted(sheet)} to count. Say e.g. "count only robbery", or "only violence".`,
    );
  }

  // Unrecognised types the analyst has said to leave out are not asked about again after a run.
  const unrecognised = typeTexts.filter(isUnrecognised);
  const leftOut =
    mode === 'remove'
      ? unique([...state.leftOut, ...unrecognised])
      : state.leftOut.filter((text) => !typeTexts.some((type) => typeKey(type) === typeKey(text)));

  const sayNamed = [...(violence ? ['violence'] : []), ...entries.map(named)];
  const unchanged =
    types.length > 0 &&
    mode !== 'only' &&
    types.every((type) => counts(current, type.value) === counts(next, type.value));
  if (unchanged) {
    const verb = agreeing(sayNamed.length, 'is', 'are');
    const noMore =
      mode === 'remove' && unrecognised.length > 0
        ? ` I will not ask about ${unrecognised.length === 1 ? 'it' : 'them'} again.`
        : '';
    return {
      text:
        mode === 'add'
          ? `${listing(sayNamed)} ${verb} already counted, so nothing changes.`
          : `${listing(sayNamed)} ${verb} not among the types counted in ${quoted(sheet)}, so nothing changes.${noMore}`,
      command: {
        kind: 'setOffenceTypes',
        types: command.types.length > 0 && entries.length > 0 ? entries : [...command.types],
        mode,
      },
      leftOut,
      choices: [RUN, { label: 'Show the settings', utterance: 'show the settings' }],
    };
  }

  const counting =
    types.length > 0
      ? countingText(next, types, sheet)
      : `No offences sheet is found yet, so the types cannot be checked against it. Counting: ${offenceRuleText(next)}${next.some(isTypeText) ? ' (a type counts when it is written exactly so, in any case)' : ''}.`;
  const rerun =
    state.latest && !sameList(state.latest.settings.parameters.offenceTypes, next)
      ? ' Say "run" to update the results.'
      : '';
  return {
    text: `${counting}${rerun}`,
    command: { kind: 'setOffenceTypes', types: next },
    settings: { ...state.settings, parameters: { ...state.settings.parameters, offenceTypes: next } },
    leftOut,
    choices: [RUN, ...(next.length > 0 ? [ONLY_VIOLENCE] : []), ...(isEveryType(next) ? [] : [EVERY_TYPE]), UNDO],
  };
}

const sameList = (a: readonly string[], b: readonly string[]): boolean =>
  a.length === b.length && a.every((entry, i) => typeKey(entry) === typeKey(b[i]));
