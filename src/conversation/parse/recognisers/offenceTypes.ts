/**
 * "count only robbery and wounding", "include criminal damage", "exclude robbery", "all offence
 * types", "only violence": the offence types counted. Types are kept as typed (the session resolves
 * them against the sheet); "every type" is ['all'] and the default (the Home Office violence groups) is [].
 */
import { EVERY_OFFENCE_TYPE } from '../../../core/pipeline/stages/scopeOffences';
import type { ListChange } from '../../commands';
import { execSourced, type Utterance } from '../utterance';
import { understood, type Recogniser } from '../types';

/** Every type, violent or not: "all offence types", "count everything", "no type filter". */
const EVERY_TYPE = /\b(?:all|every|any)(?: the| of the)? (?:offence |crime |offense )?(?:types?|categories|kinds of (?:offence|crime))\b|\b(?:all|every) (?:offences|crimes)\b|\bcount everything\b|\b(?:no|clear|remove|drop)(?: the)? (?:offence |crime )?type (?:filter|limit|restriction)s?\b/;

const POLITE = '^(?:(?:please|ok|okay|now|so|then) )?';
const TYPE_WORDS = '(?:offence |crime |offense )?(?:types?|groups?|scope|type (?:filter|limit|restriction)s?)';
const VIOLENCE_WORDS = '(?:violence|violent offences|violent crimes?|the violence groups|the home office violence groups)';

/** The default, the Home Office violence groups: "only violence", "the default types", "reset the offence types". */
const DEFAULT_TYPES = new RegExp(
  `${POLITE}(?:` +
    `(?:all|every) (?:violence|violent offences|violent crimes?)` +
    `|(?:reset|restore)(?: the)? ${TYPE_WORDS}(?: to (?:the )?defaults?)?` +
    `|(?:(?:go )?back to |use |count |only |just |only count |count only |reset to |restore |set (?:it |them )?to )?(?:the )?defaults? ${TYPE_WORDS}` +
    `|(?:count )?(?:only|just) (?:count )?${VIOLENCE_WORDS}` +
    `|${VIOLENCE_WORDS} only` +
  `)(?: please)?$`,
);

/** Forms with the list of types after them, and how each changes the current list. */
const FORMS: readonly { readonly pattern: RegExp; readonly mode: ListChange }[] = [
  { pattern: /^(?:(?:please|ok|okay|now|so|then) )?(?:also (?:count|include)|add|count|include) (?<list>.+?) (?:too|as well|also)$/, mode: 'add' },
  { pattern: /^(?:(?:please|ok|okay|now|so|then) )?(?:also (?:count|include)|add|include|including) (?!only\b)(?<list>.+)$/, mode: 'add' },
  { pattern: /^(?:(?:please|ok|okay|now|so|then) )?leave (?<list>.+?) out$/, mode: 'remove' },
  { pattern: /^(?:(?:please|ok|okay|now|so|then) )?(?:exclude|drop|remove|leave out|ignore|dont count|do not count|stop counting|take out|not) (?<list>.+)$/, mode: 'remove' },
  { pattern: /^(?:(?:please|ok|okay|now|so|then) )?(?:count only|only count|just count|count just|include only|only include|count|only|just|limit (?:it |this |the analysis |counts )?to|restrict (?:it |this |the analysis )?to|focus on|(?:set )?(?:the )?(?:offence|crime|offense) types?(?: (?:are|is|should be|to|=|as))?|types? (?:are|is|=)|set (?:the )?(?:offence |crime )?types? to|violence (?:is|means))\s+(?<list>.+)$/, mode: 'only' },
];

const FILLER_AT_END = /(?:\s+(?:offences|offence|crimes|crime|only|please|too|as well|as violence|cases|incidents|types?))+$/i;
const FILLER_AT_START = /^(?:the|offences of|crimes of|types?)\s+/i;

/** The types as typed: quoted names, else the list split at commas, semicolons, 'and', 'or', '&', 'plus'. */
function typesAsTyped(u: Utterance, typed: string): string[] {
  if (u.quoted.length > 0) return [...u.quoted];
  return typed
    .replace(/[.!?]+$/, '')
    .replace(FILLER_AT_END, '')
    .replace(FILLER_AT_START, '')
    .split(/\s*(?:,|;|&|\band\b|\bor\b|\bplus\b)\s*/i)
    .map((type) => type.trim())
    .filter((type) => type.length > 0);
}

export const offenceTypesRecogniser: Recogniser = {
  name: 'offence types',
  keywords: ['count', 'types', 'type', 'only', 'include', 'exclude', 'limit', 'restrict', 'violence', 'robbery', 'wounding', 'assault', 'weapons', 'possession', 'criminal', 'damage', 'default', 'every', 'violent'],
  example: { label: 'Count only robbery and violence with injury', utterance: 'count only robbery and violence with injury' },
  recognise: (u) => {
    if (DEFAULT_TYPES.test(u.text)) return understood({ kind: 'setOffenceTypes', types: [] });
    if (EVERY_TYPE.test(u.text)) return understood({ kind: 'setOffenceTypes', types: [EVERY_OFFENCE_TYPE] });
    for (const { pattern, mode } of FORMS) {
      const match = execSourced(pattern, u);
      if (!match?.groups.list) continue;
      const types = typesAsTyped(u, match.typed('list'));
      if (types.length === 0) continue;
      return understood(mode === 'only' ? { kind: 'setOffenceTypes', types } : { kind: 'setOffenceTypes', types, mode });
    }
    return undefined;
  },
};
