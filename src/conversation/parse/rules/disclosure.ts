/** Disclosure control: the suppression threshold, zeros, rounding, and the protection interval. */
import type { Choice } from '../../types';
import { alt, as, lit, map, notBefore, num, opt, pluralNumber, seq } from '../grammar/combinators';
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
        // 'suppress small counts instead' (of perturbing them) is the method, not the threshold.
        notBefore('instead', { skipFiller: false }),
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
  // "how does smoothing work? and then turn it on": the method just asked about, switched on or off.
  map(seq(lit('turn|switch|put'), lit('it|that|this|them'), lit('on')), () => ({ kind: 'toggle', show: true })),
  map(seq(lit('turn|switch'), lit('it|that|this|them'), lit('off')), () => ({ kind: 'toggle', show: false })),
  map(seq(lit('enable|activate|apply|use'), lit('it|that|this|them')), () => ({ kind: 'toggle', show: true })),
  map(seq(lit('disable|deactivate'), lit('it|that|this|them')), () => ({ kind: 'toggle', show: false })),
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

/** The cell key method, named: 'perturbation', 'cell key perturbation', 'the ONS cell key method', 'noise'. */
const PERTURBATION = lit(
  'perturbation|perturbations|perturbation method|cell key perturbation|cell key method|cell key|cell keys|ckm|ons cell key method|ons cell key perturbation|ons perturbation|the ons cell key method|perturbed counts|perturbed figures|perturbing|perturbing counts|perturbing the counts|count perturbation|cell perturbation|statistical noise|random noise|noise perturbation|added noise|noisy counts|noise on the counts|noise on counts|cell key noise',
);
/** Suppression, named: 'suppression', 'cell suppression', 'withholding small counts'. */
const SUPPRESSION = lit(
  'suppression|primary suppression|primary and secondary suppression|cell suppression|small count suppression|suppression of small counts|suppression method|suppressing|suppressing small counts|suppressing the small counts|withholding small counts|withholding the small counts|suppressed counts',
);
/** Turning a method on. */
const CHOOSE = lit(
  'use|switch to|switch over to|change to|move to|go with|go for|opt for|choose|pick|prefer|apply|try|turn on|switch on|enable|i want|give me|stick with|stick to|keep|we want|lets use|lets go with|lets try|protect counts by|protect counts with|protect the counts by|protect the counts with|protect by|protect with|protect them by|protect them with',
);
/** Going back to a method. */
const BACK_TO = lit(
  'go back to|back to|return to|revert to|switch back to|change back to|go back to using|back to using',
);
/** Turning a method down. */
const TURN_OFF = lit(
  'stop|stop using|dont use|do not use|no|no more|no longer use|switch off|turn off|drop|remove|disable|lose|ditch|get rid of|cancel|scrap|without|never use|dont want|do not want|i dont want',
);
const INSTEAD_OF = lit('instead of|rather than|not|in place of|over|and not|in preference to|replacing');
const DISCLOSURE_NOUN = lit(
  'disclosure method|disclosure control method|disclosure control|disclosure protection method|sdc method|statistical disclosure control method|protection method|method of disclosure control|method of protection|way counts are protected|way the counts are protected|how counts are protected|how the counts are protected|method for small counts',
);
const METHOD_TAIL = opt(
  lit(
    'method|instead|again|please|pls|on the counts|for the counts|for counts|on counts|on all counts|for all counts|from now on|for disclosure control|for disclosure|for this run|as disclosure control|for the published counts|on the published counts|for small counts|to protect the counts|to protect counts',
  ),
);
const THE_COUNTS = opt(
  lit(
    'counts|the counts|all counts|all the counts|every count|each count|the published counts|published counts|the figures|figures|the numbers|numbers|the cells|cells|them|the tables|tables|the output|the small counts|small counts',
  ),
);
const SAY_WHAT = lit(
  'what is|whats|what s|what are|what does|what do|explain|define|tell me about|tell me more about|how does|how do|how is|what is meant by|what do you mean by|meaning of|why use|why would i use|why would we use|why would i want|when should i use|when would i use|should i use|should we use|what happens with|what happens if i use|what happens if we use|is it safe to use|how safe is',
);
/** 'noise' alone names the method only when chosen or set against suppression ('use noise'; never 'drop noise', an offence type). */
const PERTURBATION_OR_NOISE = alt<unknown>(PERTURBATION, lit('noise'));
const perturbed = command({ kind: 'setDisclosure', method: 'perturbation' });
const suppressed = command({ kind: 'setDisclosure', method: 'suppression' });

/**
 * How counts are protected: suppression (small counts withheld as [c]) or the cell key method
 * (every count shown with consistent noise). Named and chosen ('use cell key perturbation', 'switch
 * to suppression', 'perturb the counts', 'suppress small counts instead'); one turned down means the
 * other ('stop perturbing', 'perturbation off'); asked about ('what is perturbation?') it is help.
 * 'suppress small counts' alone is still the threshold's question, and 'suppression' alone too.
 */
export const disclosureMethodRule: Rule = {
  name: 'suppression or perturbation',
  example: { label: 'Use cell key perturbation', utterance: 'use cell key perturbation' },
  keywords: ['perturbation', 'perturb', 'noise', 'cell', 'key', 'suppression'],
  parser: alt<Reading>(
    as(seq(CHOOSE, PERTURBATION_OR_NOISE, METHOD_TAIL), perturbed),
    as(seq(BACK_TO, PERTURBATION, METHOD_TAIL), perturbed),
    as(seq(opt(CHOOSE), PERTURBATION_OR_NOISE, INSTEAD_OF, SUPPRESSION, METHOD_TAIL), perturbed),
    // Named alone ('perturbation', 'are we using perturbation?'): dearer than a question about it ('perturbation?').
    map(
      seq(PERTURBATION, METHOD_TAIL),
      () => perturbed,
      () => 0.6,
    ),
    as(seq(opt(CHOOSE), PERTURBATION, lit('on|please|from now on|then|instead')), perturbed),
    as(seq(lit('replace|swap|substitute'), SUPPRESSION, lit('with|for|by'), PERTURBATION), perturbed),
    // 'show every count with a little noise', 'publish the counts perturbed'.
    as(
      seq(
        lit('show|publish|give|display|print|release'),
        THE_COUNTS,
        lit(
          'with noise|with a little noise|with some noise|with a bit of noise|with small noise|with added noise|with perturbation|perturbed|with cell key perturbation|with the cell key method|noisy',
        ),
        opt(
          lit(
            'instead|instead of suppressing|instead of suppressing them|rather than suppressing|rather than withholding|instead of withholding',
          ),
        ),
      ),
      perturbed,
    ),
    as(
      seq(
        lit(
          'perturb|add noise to|add a little noise to|add some noise to|add small noise to|add a bit of noise to|add a touch of noise to|add a small amount of noise to|add a little bit of noise to|apply noise to|put noise on|add noise|inject noise into|noise up',
        ),
        THE_COUNTS,
        opt(
          lit(
            'instead|instead of suppressing|instead of suppressing them|rather than suppress|rather than suppressing|rather than withholding|instead of withholding|instead of hiding|rather than hide|rather than hiding|please|with the cell key method',
          ),
        ),
      ),
      perturbed,
    ),
    as(seq(CHOOSE, SUPPRESSION, METHOD_TAIL), suppressed),
    as(seq(BACK_TO, SUPPRESSION, METHOD_TAIL), suppressed),
    as(seq(opt(CHOOSE), SUPPRESSION, INSTEAD_OF, PERTURBATION, METHOD_TAIL), suppressed),
    as(seq(lit('replace|swap|substitute'), PERTURBATION, lit('with|for|by'), SUPPRESSION), suppressed),
    // 'suppress small counts instead', 'withhold the counts again': suppression as said before perturbation.
    as(
      seq(
        lit('suppress|withhold|hide|go back to suppressing|go back to withholding|back to suppressing'),
        THE_COUNTS,
        lit(
          'instead|the old way|instead of perturbing|instead of perturbing them|rather than perturb|rather than perturbing|not perturb|instead of adding noise|rather than add noise|rather than adding noise|instead of perturbation|instead of noise',
        ),
      ),
      suppressed,
    ),
    // A method turned down means the other: 'stop perturbing', 'perturbation off', 'no more noise'.
    as(seq(TURN_OFF, PERTURBATION, METHOD_TAIL), suppressed),
    as(
      seq(
        lit(
          'no more noise|no noise|without noise|without the noise|stop adding noise|remove the noise|take the noise out|take out the noise|turn the noise off|switch the noise off|turn off the noise|switch off the noise',
        ),
        opt(lit('on the counts|in the counts|please')),
      ),
      suppressed,
    ),
    as(
      seq(lit('stop|dont|do not|no longer|never'), lit('perturb|perturbing|adding noise|add noise'), THE_COUNTS),
      suppressed,
    ),
    as(seq(PERTURBATION, lit('off|out|no more')), suppressed),
    // 'set the disclosure method to perturbation', 'disclosure control: suppression'.
    as(
      seq(
        opt(lit('set|make|change|switch|put|turn')),
        DISCLOSURE_NOUN,
        opt(lit('to|=|:|is|should be|by|with|using|over to|back to')),
        PERTURBATION,
      ),
      perturbed,
    ),
    as(
      seq(
        opt(lit('set|make|change|switch|put|turn')),
        DISCLOSURE_NOUN,
        opt(lit('to|=|:|is|should be|by|with|using|over to|back to')),
        SUPPRESSION,
      ),
      suppressed,
    ),
    // Asking what it is never changes it.
    as(
      seq(
        SAY_WHAT,
        PERTURBATION,
        opt(
          lit(
            'mean|means|do|does|work|works|for|method|is|about|safe|compared with suppression|versus suppression|vs suppression',
          ),
        ),
      ),
      command({ kind: 'help', topic: 'perturbation' }),
    ),
    as(
      seq(lit('why|why would i|why would we|why should i|should i|should we'), lit('perturb|add noise to'), THE_COUNTS),
      command({ kind: 'help', topic: 'perturbation' }),
    ),
    map(
      seq(opt(lit('change|set|switch|different|choose|pick|which')), DISCLOSURE_NOUN),
      () =>
        question(
          'Protect the published counts by suppression (small counts withheld as [c], the default) or by cell key perturbation (every count shown with a little noise that the same records always get)?',
          [
            { label: 'Suppression (default)', utterance: 'switch to suppression' },
            { label: 'Cell key perturbation', utterance: 'use cell key perturbation' },
            { label: 'What is perturbation?', utterance: 'what is perturbation?' },
          ],
          'setDisclosure',
        ),
      () => 0.4,
    ),
  ),
};
