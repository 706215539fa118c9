/**
 * The offence types counted: "count only robbery and violence with injury", "include criminal
 * damage", "exclude shoplifting and criminal damage", "all offence types", "only violence" (the
 * default, the Home Office violence groups), "violence with injury and robbery" (a list alone).
 * Types are kept as typed; the session resolves them against the sheet. A list holds 'and' between
 * its types, so 'violence with injury and robbery' is one request of two types.
 */
import { EVERY_OFFENCE_TYPE } from '../../../core/pipeline/stages/scopeOffences';
import type { Command, ListChange } from '../../commands';
import { alt, as, lit, map, opt, seq, type Ctx, type Parser } from '../grammar/combinators';
import { command, question, type Reading, type Rule } from '../grammar/rule';
import { typeList } from './parts';

const types = (list: readonly string[], mode: ListChange): Reading => {
  const everything = list.some((type) =>
    [
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
    ].includes(type.toLowerCase()),
  );
  if (everything && mode !== 'remove') return command({ kind: 'setOffenceTypes', types: [EVERY_OFFENCE_TYPE] });
  return command(
    mode === 'only' ? { kind: 'setOffenceTypes', types: list } : { kind: 'setOffenceTypes', types: list, mode },
  );
};

const TYPE_WORDS = lit(
  'offence types|offence type|crime types|crime type|types|offence groups|groups|categories|offences|crimes|offence categories|crime categories|kinds of offence|kinds of crime|types of offence|types of crime|types of offences',
);
/** The word after a list ('' when none), and any reason given for it. */
const TRAILING = map(
  seq(
    opt(
      lit(
        'offences|offence|crimes|crime|too|as well|also|only|as violence|cases|incidents|types|type|in the count|in scope|to the count|as well please|from the count|from the counts|from the analysis|from the figures|from it|from the data|from scope|from violence|from the violence',
      ),
    ),
    // "don't count the burglaries, those aren't violence": the reason given, not another type.
    opt(
      seq(
        opt(lit(',|-|as|since|because')),
        lit('those|they|these|that|it|those ones'),
        lit('arent|are not|isnt|is not|dont count as|do not count as|are never'),
        lit('violence|violent|violent crime|violent offences|violent crimes|really violence|real violence'),
      ),
    ),
  ),
  ([word]) => word ?? '',
);

const ADD = lit(
  'also count|also include|add|include|including|count|bring in|put in|add in|throw in|count in|also add|tick|select',
);
/** Weak words for adding: only with names of types ('plus robbery'). */
const ADD_WEAK = lit('plus|and also|with|as well as');
const REMOVE = lit(
  'exclude|excluding|drop|remove|leave out|ignore|dont count|do not count|stop counting|take out|skip|omit|get rid of|dont include|do not include|stop including|discount|not counting|untick|uncheck|deselect|unselect',
);
/** Weak words for leaving out: only with names of types ('not robbery', 'no shoplifting'). */
const REMOVE_WEAK = lit('not|without|minus|except|except for|no|no more|lose|but not|bar|barring|excepting|save for');
const ONLY = lit(
  'count only|only count|just count|count just|include only|only include|only|just|limit it to|limit to|limit the analysis to|limit counts to|restrict it to|restrict to|restrict the analysis to|focus on|look at only|only look at|count|use only|only use|use just',
);
const SET_TYPES = seq(
  opt(lit('set|make|change')),
  opt(lit('the')),
  lit('offence types|offence type|crime types|types|type|offences counted|types counted|scope|offence scope'),
  opt(lit('are|is|should be|to|=|as|:|to be')),
);

const DEFAULT: Reading = command({ kind: 'setOffenceTypes', types: [] });
const EVERY: Reading = command({ kind: 'setOffenceTypes', types: [EVERY_OFFENCE_TYPE] });
const VIOLENCE = lit(
  'violence|violent offences|violent crime|violent crimes|the violence groups|the home office violence groups|home office violence|violence groups|violent|violence types|violent types|violent offence types',
);

/** "add the other types": which ones, offered from the sheet. */
function askTypes(ctx: Ctx, verb: 'added' | 'counted' = 'added'): Reading {
  return question(
    `Which offence types should be ${verb}?${ctx.lexicon.offenceTypes.length > 0 ? ` The sheet has ${ctx.lexicon.offenceTypes.map((t) => `'${t}'`).join(', ')}.` : ''} Or count every type.`,
    [
      ...ctx.lexicon.offenceTypes
        .slice(0, 5)
        .map((type) => ({ label: `Include ${type}`, utterance: `include '${type}'` })),
      { label: 'Count every offence type', utterance: 'all offence types' },
      { label: 'List the offence types', utterance: 'list the offence types' },
    ],
    'setOffenceTypes',
  );
}

export const offenceTypesRule: Rule = {
  name: 'offence types',
  example: {
    label: 'Count only robbery and violence with injury',
    utterance: 'count only robbery and violence with injury',
  },
  keywords: ['count', 'include', 'exclude', 'types', 'violence', 'robbery'],
  parser: alt<Reading>(
    // The default: the Home Office violence groups.
    // 'the default' alone names no setting ("ages 10 to 17, the default"): only with a verb or a word for types.
    map(
      seq(
        opt(lit('count|use|go|only|just|count only|only count')),
        opt(lit('back to|reset to|restore|set it to|set them to|return to')),
        opt(lit('the')),
        lit('default|defaults|usual|standard'),
        opt(lit('violence|violent|home office|offence|crime')),
        opt(lit('offence|crime')),
        opt(lit('types|groups|scope|type|categories|definition')),
        opt(lit('only|please|again')),
      ),
      // Only with a word for offences or types, or 'count': "back to defaults" alone is every choice (reset).
      ([verb, , , , kind, offence, noun]) =>
        [kind, offence, noun].some((word) => word !== undefined) || (verb !== undefined && /count/.test(verb))
          ? DEFAULT
          : undefined,
    ),
    // "revert the offence types to the Home Office violence groups".
    as(
      seq(
        lit('reset|restore|revert|return|set|change|put|switch'),
        opt(lit('the')),
        lit('offence types|offence type|crime types|types|offence groups|offence scope|scope'),
        opt(lit('back')),
        lit('to'),
        alt<unknown>(VIOLENCE, lit('default|defaults|the default|the defaults|the default groups|the usual')),
      ),
      DEFAULT,
    ),
    as(
      seq(
        lit('reset|restore|clear'),
        opt(lit('the')),
        lit(
          'offence types|offence type|crime types|types|type filter|offence type filter|offence groups|offence scope|scope',
        ),
        opt(lit('to default|to the default|to defaults|back to default')),
      ),
      DEFAULT,
    ),
    as(
      seq(
        opt(lit('count|use')),
        lit('only|just|only count|count only|all'),
        opt(lit('count')),
        VIOLENCE,
        opt(lit('only|please|types|offences')),
      ),
      DEFAULT,
    ),
    as(
      seq(opt(lit('go back to|back to|return to|revert to|reset to|just')), VIOLENCE, lit('only|again|types|groups')),
      DEFAULT,
    ),
    as(seq(lit('go back to|back to|return to|revert to|reset to'), VIOLENCE), DEFAULT),
    // "and the other violent ones" after a type: the violence groups added to it.
    as(
      seq(
        opt(lit('and|plus|also|add|include|with')),
        lit('the other|the rest of the|other|all the other|the remaining|the rest of the'),
        lit(
          'violent ones|violent types|violence types|violent offences|violent crimes|violence ones|violent|violence|violence groups',
        ),
        opt(lit('too|as well|also')),
      ),
      command({ kind: 'setOffenceTypes', types: ['violence'], mode: 'add' }),
    ),
    // Every type.
    as(
      seq(
        opt(lit('count|include|use|with|show|rank on|across|over')),
        lit('all|every|any'),
        opt(lit('the|of the')),
        opt(lit('offence|crime|offense')),
        lit('types|type|categories|kinds of offence|kinds of crime|offences|crimes|crime|offence types|groups'),
      ),
      EVERY,
    ),
    as(
      lit(
        'count everything|include everything|all of them|any type|every kind|count all|include all|all of it|everything counted|count every type',
      ),
      EVERY,
    ),
    as(
      seq(
        lit('no|clear|remove|drop|lift|without|turn off|get rid of'),
        opt(lit('the|any')),
        opt(lit('offence|crime')),
        lit(
          'type filter|type filters|type limit|type restriction|type restrictions|types filter|filter on types|filter on type',
        ),
      ),
      EVERY,
    ),
    // A list with a verb.
    map(seq(ADD, typeList(true), lit('too|as well|also|as well please')), ([, list]) => types(list, 'add')),
    // 'only' after the list overrules the verb: "include robbery only" counts robbery alone.
    map(
      seq(ADD, opt(TYPE_WORDS), typeList(true), TRAILING),
      ([verb, , list, after]) => types(list, verb === 'count' || verb === 'use' || after === 'only' ? 'only' : 'add'),
      ([verb]) => (verb === 'count' ? 0.3 : 0),
    ),
    map(seq(lit('leave|take|keep|cut|strip|knock'), typeList(true), lit('out|off|away')), ([, list]) =>
      types(list, 'remove'),
    ),
    map(seq(REMOVE, opt(TYPE_WORDS), typeList(true), TRAILING), ([, , list]) => types(list, 'remove')),
    map(seq(REMOVE_WEAK, opt(TYPE_WORDS), typeList(false), TRAILING), ([, , list]) => types(list, 'remove')),
    // 'plus robbery only' joins a request: the 'only' says which types, so it is the list said alone (below).
    map(seq(ADD_WEAK, opt(TYPE_WORDS), typeList(false), TRAILING), ([, , list, after]) =>
      after === 'only' ? undefined : types(list, 'add'),
    ),
    map(seq(ONLY, opt(TYPE_WORDS), typeList(true), TRAILING), ([, , list]) => types(list, 'only')),
    map(seq(SET_TYPES, typeList(true), TRAILING), ([, list]) => types(list, 'only')),
    map(seq(lit('violence'), lit('is|means|=|should be'), typeList(true)), ([, , list]) => types(list, 'only')),
    // "and maybe shoplifting too?": a list said with 'too' is added, verb or not.
    map(
      seq(opt(lit('maybe|perhaps|possibly|and maybe|and perhaps|and')), typeList(false), lit('too|as well|also')),
      ([, list]) => types(list, 'add'),
    ),
    // A list alone ("robbery only", "violence with injury and robbery"): known types only.
    map(seq(typeList(false), lit('only|offences only|crimes only|alone|on its own')), ([list]) => types(list, 'only')),
    map(
      seq(typeList(false, true), opt(lit('offences|crimes'))),
      ([list]) => types(list, 'only'),
      () => 0.5,
    ),
    // Which, not said.
    map(
      seq(
        lit('add|include|count|bring in'),
        opt(lit('the')),
        lit('other|others|remaining|more|extra|some other|some more|a few more'),
        opt(TYPE_WORDS),
      ),
      (_, ctx) => askTypes(ctx),
    ),
    map(
      seq(
        lit('change|set|pick|choose|different|new|alter|adjust|edit|update'),
        opt(lit('the')),
        lit('offence types|offence type|crime types|types|offence groups|scope|offences counted|types counted'),
      ),
      (_, ctx) => askTypes(ctx, 'counted'),
    ),
  ),
};

/** For tests: every way this rule may read a list. */
export type TypesCommand = Extract<Command, { kind: 'setOffenceTypes' }>;
export const typeListParser: Parser<string[]> = typeList(true);
