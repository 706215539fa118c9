/** Disclosure control: the suppression threshold, zeros, rounding, and the protection interval. */
import type { Choice } from '../../types';
import { alt, as, lit, map, num, opt, pluralNumber, seq } from '../grammar/combinators';
import { command, question, type Reading, type Rule } from '../grammar/rule';

/** Thresholds in common use by UK statistical producers (counts below them are withheld). */
export const THRESHOLD_PRESETS: readonly number[] = [3, 5, 7, 10];

const thresholdChoices = (): Choice[] =>
  THRESHOLD_PRESETS.map((n) => ({ label: `Hide counts under ${n}`, utterance: `suppress counts under ${n}` }));
const threshold = (n: number): Reading => command({ kind: 'setThreshold', threshold: n });
const COUNT = { min: 0, max: 100000, whole: true } as const;

const HIDE = lit(
  'suppress|suppressing|hide|hiding|withhold|withholding|redact|mask|blank|blank out|censor|conceal|protect|star out|remove|drop|block|blur|grey out',
);
const COUNT_NOUN = lit(
  'counts|count|numbers|number|figures|figure|cells|cell|values|value|totals|anything|everything|any count|any number|any figure|any cell|small counts|small numbers|all counts|all numbers|those|them',
);
const BELOW = lit('under|below|less than|lower than|fewer than|smaller than|beneath|<|lt');
const UP_TO = lit('up to|upto|at most|no more than|not more than|of 1 to|from 1 to|1 to|between 1 and|1-|of up to');
const OR_FEWER = lit('or less|or fewer|or under|or below|or lower|or smaller|and less|and fewer|and under|and below');
const THRESHOLD_NOUN = lit(
  'threshold|thresholds|suppression|cutoff|cut off|minimum cell size|min cell size|cell size|minimum count|min count|suppression threshold|suppression level|disclosure threshold|suppression limit|small number threshold|small count threshold|suppression rule',
);
const SET = lit('set|make|change|use|put|move|raise|lower|increase|decrease|drop|bump|update|adjust|switch');
const HIDDEN = lit('hidden|suppressed|withheld|redacted|masked|blanked|starred|censored|removed');

const ASK_THRESHOLD = question(
  `Which suppression threshold? Counts from 1 up to one below it are withheld as [c]. Common thresholds are ${THRESHOLD_PRESETS.join(', ')}.`,
  thresholdChoices(),
  'setThreshold',
);

export const thresholdRule: Rule = {
  name: 'suppression threshold',
  example: { label: 'Suppress counts under 10', utterance: 'suppress counts under 10' },
  keywords: ['suppress', 'threshold', 'hide', 'under'],
  parser: alt<Reading>(
    map(seq(HIDE, opt(COUNT_NOUN), BELOW, num(COUNT), opt(lit('please|only'))), ([, , , n]) => threshold(n)),
    map(seq(HIDE, opt(COUNT_NOUN), UP_TO, num(COUNT)), ([, , , n]) => threshold(n + 1)),
    map(seq(HIDE, opt(COUNT_NOUN), opt(lit('of')), num(COUNT), OR_FEWER), ([, , , n]) => threshold(n + 1)),
    map(
      seq(
        opt(SET),
        opt(lit('the|a|our')),
        THRESHOLD_NOUN,
        opt(lit('to|of|at|is|=|should be|be|as|up to|down to|:')),
        num(COUNT),
        opt(lit('please')),
      ),
      ([, , , , n]) => threshold(n),
    ),
    map(seq(opt(SET), num(COUNT), lit('as|for'), opt(lit('the|our|a')), THRESHOLD_NOUN), ([, n]) => threshold(n)),
    map(seq(opt(lit('apply|use')), opt(lit('the|a')), lit('rule of'), num(COUNT)), ([, , , n]) => threshold(n)),
    map(
      seq(
        opt(lit('only show|show only|show')),
        COUNT_NOUN,
        BELOW,
        num(COUNT),
        opt(lit('should be|to be|are|must be|get|will be')),
        opt(HIDDEN),
      ),
      ([, , , n, , hidden], _ctx) => (hidden !== undefined ? threshold(n) : undefined),
    ),
    map(seq(COUNT_NOUN, BELOW, num(COUNT), lit('hidden|suppressed|withheld|redacted')), ([, , n]) => threshold(n)),
    map(
      seq(
        lit('hide|suppress|withhold'),
        lit('small counts|small numbers|small cells|small values|low counts|low numbers|small figures'),
      ),
      () => ASK_THRESHOLD,
    ),
    map(
      seq(opt(SET), opt(lit('the|a')), THRESHOLD_NOUN, opt(lit('higher|lower|bigger|smaller|stricter|looser|up|down'))),
      () => ASK_THRESHOLD,
      () => 0.3,
    ),
    map(
      seq(HIDE, COUNT_NOUN),
      () => ASK_THRESHOLD,
      () => 0.5,
    ),
  ),
};

const ZEROS = lit(
  'zeros|zero|zeroes|zero counts|zero values|zero cells|0s|nils|nil|noughts|0|the zeros|zero figures|zeros counts',
);
const show = command({ kind: 'setZeros', show: true });
const hide = command({ kind: 'setZeros', show: false });

/** 'show them', 'hide them': zeros, when zeros were just set (resolved after the clauses are read). */
const toggle = alt<Reading>(
  map(seq(lit('show|display|keep|publish|unhide|reveal'), lit('them|those|it|these')), () => ({
    kind: 'toggle',
    show: true,
  })),
  map(
    seq(lit('hide|withhold|suppress|mask|blank'), lit('them|those|it|these')),
    () => ({ kind: 'toggle', show: false }),
    () => 0.5,
  ),
);

export const zerosRule: Rule = {
  name: 'show or hide zeros',
  example: { label: 'Show zeros', utterance: 'show zeros' },
  keywords: ['zeros', 'zero'],
  parser: alt<Reading>(
    as(
      seq(
        lit('hide|suppress|withhold|mask|blank|blank out|redact|conceal|star out|remove|drop|treat|protect|censor'),
        opt(lit('all|any')),
        ZEROS,
        opt(lit('too|as well|also|as sensitive|as small counts|like small counts|please|as c')),
      ),
      hide,
    ),
    as(
      seq(
        lit('dont|do not|never|stop|no longer'),
        lit('show|showing|display|displaying|publish|publishing|reveal|print'),
        ZEROS,
      ),
      hide,
    ),
    as(
      seq(
        ZEROS,
        lit('are|is|should be|must be|to be'),
        opt(lit('treated as')),
        lit('hidden|suppressed|withheld|sensitive|disclosive|masked|redacted|blanked|confidential|risky'),
      ),
      hide,
    ),
    as(seq(lit('no|without|minus|less'), ZEROS), hide),
    as(seq(ZEROS, lit('suppression|suppressed|hidden|withheld|hiding|suppressing|masked|redacted|blanked')), hide),
    as(
      seq(
        lit('show|display|keep|publish|reveal|print|include|leave|unhide|unsuppress|put back|bring back|show the'),
        opt(lit('all|the')),
        ZEROS,
        opt(lit('again|too|as well|in|visible|shown|please')),
      ),
      show,
    ),
    as(
      seq(
        ZEROS,
        lit('are|is|should be|can be'),
        opt(
          lit(
            'fine|ok|okay|allowed|safe|visible|shown|published|not sensitive|fine to show|ok to show|safe to show|fine to publish',
          ),
        ),
        opt(lit('to show|to publish|to print|to display|to include')),
      ),
      show,
    ),
    as(
      seq(
        lit('dont|do not|never|no need to|stop|no longer|dont need to|do not need to'),
        lit('hide|hiding|suppress|suppressing|withhold|withholding|mask|masking|treat|treating|redact|redacting|blank'),
        ZEROS,
      ),
      show,
    ),
    map(
      seq(opt(lit('what about|how about')), ZEROS),
      () =>
        question(
          'Should zero counts be shown, or withheld as [c] like small counts?',
          [
            { label: 'Show zeros', utterance: 'show zeros' },
            { label: 'Withhold zeros', utterance: 'hide zeros' },
          ],
          'setZeros',
        ),
      () => 0.5,
    ),
    toggle,
  ),
};

const ROUND = lit('round|rounding|rounded|round off|roundings');
const rounding = (base: number | null): Reading => command({ kind: 'setRounding', base });
const ASK_ROUNDING = question(
  'Round published counts to which base? Rounding to 5 is common; 10 is coarser.',
  [
    { label: 'Round to 5', utterance: 'round to 5' },
    { label: 'Round to 10', utterance: 'round to 10' },
    { label: 'Round to 3', utterance: 'round to 3' },
    { label: 'No rounding', utterance: 'no rounding' },
  ],
  'setRounding',
);

export const roundingRule: Rule = {
  name: 'rounding',
  example: { label: 'Round counts to the nearest 5', utterance: 'round to 5' },
  keywords: ['round', 'rounding', 'nearest'],
  parser: alt<Reading>(
    map(
      seq(
        opt(lit('use|set|apply')),
        ROUND,
        opt(lit('counts|numbers|figures|them|everything|published counts|all counts|the counts|values|totals')),
        opt(lit('to|to the|by|in|of|base|at')),
        opt(lit('nearest|multiples of|multiple of|the nearest|a base of|base')),
        alt(num({ min: 0, max: 1000, whole: true }), pluralNumber),
        opt(lit('please')),
      ),
      ([, , , , , n]) => rounding(n),
    ),
    map(
      seq(lit('nearest'), num({ min: 0, max: 1000, whole: true })),
      ([, n]) => rounding(n),
      () => 0.5,
    ),
    as(
      seq(
        lit(
          'no|dont|do not|without|stop|turn off|switch off|disable|remove|cancel|drop|never|no more|get rid of|scrap|lose|undo',
        ),
        ROUND,
        opt(lit('counts|numbers|figures|please|anything|them')),
      ),
      rounding(null),
    ),
    as(seq(lit('turn|switch|take'), ROUND, lit('off|away|out')), rounding(null)),
    as(seq(ROUND, lit('off|none|no|nothing|not needed|isnt needed|is not needed')), rounding(null)),
    as(seq(lit('dont|do not|stop|never'), lit('round')), rounding(null)),
    map(
      seq(
        opt(lit('set|change|use|apply|add|turn on|switch on')),
        ROUND,
        opt(lit('counts|numbers|figures|them|everything|the counts|those|it')),
      ),
      () => ASK_ROUNDING,
      () => 0.3,
    ),
  ),
};

const PROTECTION = seq(
  lit(
    'protection|protection interval|protection range|protection width|protection level|protected interval|protection gap|disclosure protection|interval of protection',
  ),
  opt(lit('interval|range|width')),
);
const protection = (interval: number | null): Reading => command({ kind: 'setProtection', interval });

export const protectionRule: Rule = {
  name: 'protection interval',
  example: { label: 'Set the protection interval to 5', utterance: 'set the protection interval to 5' },
  keywords: ['protection', 'interval'],
  parser: alt<Reading>(
    map(
      seq(
        opt(lit('set|make|use|change|raise|lower|put')),
        opt(lit('the|a')),
        PROTECTION,
        opt(lit('to|of|at|=|is|should be|:')),
        num({ min: 0, max: 100000, whole: true }),
      ),
      ([, , , , n]) => protection(n),
    ),
    as(
      seq(
        opt(lit('set|put|change|reset|return|make|bring|take')),
        opt(lit('the')),
        PROTECTION,
        opt(lit('back|same|equal')),
        opt(lit('to|as|at')),
        opt(lit('the|same as the|equal to the')),
        lit('threshold|default|the threshold|suppression threshold|same as the threshold'),
      ),
      protection(null),
    ),
    as(seq(lit('reset|clear|default'), opt(lit('the')), PROTECTION), protection(null)),
    map(seq(lit('set|change|alter|adjust|different|new|pick|choose'), opt(lit('the|a')), PROTECTION), () =>
      question(
        'Which protection interval? No withheld count may be narrowed below this range from the published tables; by default it is the threshold.',
        [
          { label: 'The threshold (default)', utterance: 'protection back to the threshold' },
          { label: 'Protection interval 3', utterance: 'set the protection interval to 3' },
          { label: 'Protection interval 5', utterance: 'set the protection interval to 5' },
        ],
        'setProtection',
      ),
    ),
  ),
};
