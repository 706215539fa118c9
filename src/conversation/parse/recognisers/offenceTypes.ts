/** "count only robbery and wounding", "all offence types": the offence types counted as violence. */
import type { ListChange } from '../../commands';
import { execSourced, type Utterance } from '../utterance';
import { understood, type Recogniser } from '../types';

const EVERY_TYPE = /\b(?:all|every|any)(?: the| of the)? (?:offence |crime |offense )?(?:types?|categories|kinds of (?:offence|crime))\b|\b(?:all|every) (?:offences|crimes|violence|violent offences)\b|\bcount everything\b|\b(?:no|clear|remove|drop|reset)(?: the)? (?:offence |crime )?type (?:filter|limit|restriction)s?\b/;

/** Forms with the list of types after them, and how each changes the current list. */
const FORMS: readonly { readonly pattern: RegExp; readonly mode: ListChange }[] = [
  { pattern: /^(?:(?:please|ok|okay|now|so|then) )?(?:also (?:count|include)|add|count|include) (?<list>.+?) (?:too|as well|also)$/, mode: 'add' },
  { pattern: /^(?:(?:please|ok|okay|now|so|then) )?(?:also (?:count|include)|add) (?<list>.+)$/, mode: 'add' },
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
  keywords: ['count', 'types', 'type', 'only', 'include', 'exclude', 'limit', 'restrict', 'violence', 'robbery', 'wounding', 'assault', 'weapons', 'possession'],
  example: { label: 'Count only robbery and violence with injury', utterance: 'count only robbery and violence with injury' },
  recognise: (u) => {
    if (EVERY_TYPE.test(u.text)) return understood({ kind: 'setOffenceTypes', types: [] });
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
