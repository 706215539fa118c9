/** How the figures are worked out and shown: how wards are flagged, smoothing, and whether attending counts are published. */
import { alt, as, lit, map, opt, seq, type Parser } from '../grammar/combinators';
import { command, question, type Reading, type Rule } from '../grammar/rule';

const USE = opt(
  lit(
    'use|switch to|go back to|change to|set|make|back to|try|apply|please use|i want|give me|show|go with|go for|opt for|choose|pick|prefer|stick with|stick to',
  ),
);
/** Asking what something is or does: answered with help on it, never by changing it. */
const WHAT_IS = lit(
  'why would i want to|why would i|why would we|why should i|should i|should we|when should i|when would i|why would you|what happens if i|what happens if we|what if i|what does|what do|what is|whats|what are|how does|how do|explain|whats the point of|what is the point of|why use|tell me about|tell me more about|what is meant by|what do you mean by|define|meaning of|what on earth is',
);
const MEANS = opt(lit('mean|do|work|for|stand for|doing|measure|mean here|mean exactly'));
const THE = opt(lit('the|a|plain|simple|standard|ordinary|unadjusted|the unadjusted|the plain|the simple'));
const WHEN_FLAGGING = opt(
  lit(
    'to flag wards|to flag|to flag the wards|when flagging|when flagging wards|when flagging the wards|for flagging|for the flags|for flags|for the ward flags|in the flags|for the wards|to flag wards',
  ),
);
const POLITE = opt(lit('instead|please|pls|again|alone|only|for now|from now on'));

const POISSON = lit(
  'unadjusted limits|unadjusted funnel|unadjusted comparison|plain limits|poisson|possion|posson|poison|poisson confidence intervals|poisson confidence interval|poisson cis|poisson ci|poisson interval|poisson intervals|poisson flags|poisson flagging|poisson comparison|plain poisson|exact poisson|confidence interval flags|interval flags',
);
const FUNNEL = lit(
  'quasi poisson|quasi poisson limits|quasipoisson|adjusted limits|adjusted funnel|random effects funnel|random effects|widened funnel|widened limits|wider funnel|funnel|funnel plot|funnel limits|funnel flags|funnel plot limits|overdispersed|over dispersed|overdispersion|over dispersion|overdispersed flags|over dispersed flags|overdispersed funnel|over dispersed funnel|overdispersion adjusted|spiegelhalter|spiegelhalter funnel',
);
const FLAGS = lit('flags|flagging|flag|flag method|flagging method|comparison|comparisons|limits|test|method');
const FLAG_WARDS = seq(
  lit('flag|compare|test|judge|mark'),
  opt(lit('wards|the wards|ward rates|rates|a ward|each ward')),
  opt(lit('higher|lower|higher or lower|as higher')),
  opt(lit('by|with|using|on|against|via|from')),
);
/** The spread between wards beyond chance, in words ('the extra variation between wards'). */
const OVERDISPERSION = alt<unknown>(
  lit(
    'overdispersion|over dispersion|overdispersion adjustment|over dispersion adjustment|overdispersion correction|over dispersion correction|dispersion adjustment|dispersion correction|funnel limits|funnel adjustment',
  ),
  seq(
    opt(lit('the')),
    opt(lit('extra|real|additional|natural|between ward|between wards')),
    lit('variation|spread|variability|dispersion|differences|variance'),
    opt(lit('between wards|among wards|across wards|between the wards')),
  ),
);
/** A ward's own interval clear of the area rate: the plain Poisson comparison, described. */
const OWN_INTERVAL_CLEARS = seq(
  lit('only if|only when|if|when|where'),
  opt(lit('its|their|the|the wards|a wards')),
  opt(lit('own')),
  lit('ci|confidence interval|interval|poisson interval|95% interval|ci'),
  lit(
    'is clear of|clears|excludes|doesnt include|does not include|is above|is below|is outside|misses|does not contain|doesnt contain',
  ),
  opt(lit('the')),
  lit('area rate|area average|average|area figure|area'),
);

/** Words that turn a method down: 'stop using the funnel', "don't use poisson", 'no more funnel flags'. */
const TURN_DOWN = lit(
  'stop using|stop|dont use|do not use|dont|do not|no more|no longer use|no|switch off|turn off|drop|remove|lose|ditch|get rid of|undo|cancel|scrap|reverse|not|never use|ignore|without',
);
/** The default, named ('use the default flags', 'revert to the default flagging'). */
const DEFAULT = seq(
  opt(lit('use|go back to|back to|revert to|restore|return to|reset to|reset|switch back to')),
  opt(lit('the')),
  lit('default|defaults|usual|standard'),
);

const poisson = command({ kind: 'setFlags', method: 'poisson' });
const overdispersed = command({ kind: 'setFlags', method: 'overdispersed' });

/**
 * The ways a flagging method is named: used ('use poisson flags', 'flag wards by the funnel', 'flag
 * method poisson', 'switch the flags to the funnel', 'go back to flagging with poisson', 'poisson
 * on'), or turned down, which means the other method ('stop using the funnel', 'poisson off').
 */
function methodNamed(method: Parser<unknown>, chosen: Reading, other: Reading): Parser<Reading>[] {
  return [
    as(seq(TURN_DOWN, THE, method, opt(FLAGS), WHEN_FLAGGING, POLITE), other),
    as(seq(THE, method, opt(FLAGS), lit('off|out')), other),
    as(seq(THE, method, opt(FLAGS), lit('on')), chosen),
    as(seq(lit('flag method|flagging method|flagging|flags'), opt(lit('to|=|:|is|should be')), THE, method), chosen),
    as(
      seq(
        lit('switch|change|set|make|turn'),
        opt(lit('the')),
        FLAGS,
        lit('to|over to|back to'),
        THE,
        method,
        opt(FLAGS),
        POLITE,
      ),
      chosen,
    ),
    as(
      seq(
        lit('go back to|back to|return to|revert to|carry on|keep'),
        lit('flagging|flags|flagging wards|the flags'),
        lit('with|by|using|on|from'),
        THE,
        method,
        opt(FLAGS),
      ),
      chosen,
    ),
    as(seq(USE, THE, method, opt(FLAGS), WHEN_FLAGGING, POLITE), chosen),
    as(seq(FLAG_WARDS, THE, method, opt(FLAGS), POLITE), chosen),
  ];
}

export const flagsRule: Rule = {
  name: 'how wards are flagged',
  example: { label: 'Flag wards by the Poisson interval alone', utterance: 'use poisson flags' },
  keywords: ['poisson', 'funnel', 'overdispersion', 'flags', 'flag', 'dispersion', 'flagging'],
  parser: alt<Reading>(
    // Each method named, switched on or turned down (which means the other: there are two).
    ...methodNamed(POISSON, poisson, overdispersed),
    ...methodNamed(FUNNEL, overdispersed, poisson),
    as(seq(opt(lit('turn|switch|put|set')), THE, OVERDISPERSION, lit('off|out'), POLITE), poisson),
    as(seq(opt(lit('turn|switch|put|set')), THE, OVERDISPERSION, lit('on|back on|back'), POLITE), overdispersed),
    // 'set flagging back to default'
    as(
      seq(
        lit('set|reset|put|change|switch|turn'),
        opt(lit('the')),
        lit('flag method|flagging method|flagging|flags'),
        lit('back to|to'),
        opt(lit('the')),
        lit('default|defaults|usual|standard'),
      ),
      overdispersed,
    ),
    as(
      seq(DEFAULT, lit('flags|flagging|flag method|flagging method|ward flags|flag|method for flagging')),
      overdispersed,
    ),
    as(
      seq(
        WHAT_IS,
        opt(lit('the|a|an')),
        alt<unknown>(
          FUNNEL,
          POISSON,
          lit(
            'control limits|flag methods|flagging methods|flag method|flagging|the flags|flags|overdispersion adjustment|over dispersion adjustment|funnel adjustment|ward flags',
          ),
        ),
        opt(lit('adjustment|method|methods|limits|flag|flags')),
        MEANS,
      ),
      command({ kind: 'help', topic: 'flags' }),
    ),
    // 'how do you decide a ward is higher than average?'
    as(
      seq(
        lit(
          'how do you decide|how is it decided|how do you tell|how do you work out|how do you know|how does it decide|how do we decide|how do you judge',
        ),
        opt(lit('whether|if|that|when|which')),
        lit('a ward is|wards are|a wards rate is|a ward gets|wards get|a ward should be'),
        opt(lit('flagged|called|marked')),
        lit(
          'higher|lower|higher than average|lower than average|above average|below average|flagged|different|higher or lower|significantly higher',
        ),
      ),
      command({ kind: 'help', topic: 'flags' }),
    ),
    as(
      seq(
        lit('which|what'),
        lit('flag method|flags|flagging method|method for flagging|flagging|way of flagging|flag'),
        opt(lit('are we using|is on|is used|is in use|do we use|do you use|is set|are on|are used|is it')),
      ),
      command({ kind: 'help', topic: 'flags' }),
    ),
    as(
      seq(
        FLAG_WARDS,
        opt(lit('the old way with|the simple way with|the plain way with|simply with|just with')),
        opt(lit('the|their|each wards|its')),
        opt(lit('own')),
        lit('ci|cis|confidence intervals|confidence interval|intervals|interval'),
        POLITE,
      ),
      poisson,
    ),
    // 'go back to flagging with overdispersion'
    as(
      seq(
        lit('go back to|back to|return to|revert to|carry on|keep'),
        lit('flagging|flags|flagging wards|the flags'),
        lit('with|by|using|on|from'),
        THE,
        OVERDISPERSION,
        opt(FLAGS),
      ),
      overdispersed,
    ),
    as(seq(FLAG_WARDS, OWN_INTERVAL_CLEARS), poisson),
    // 'just use the confidence intervals to flag wards'
    as(
      seq(
        opt(lit('just|only|simply')),
        lit('use|go by|rely on|base the flags on'),
        opt(lit('the|each wards|the wards|their')),
        opt(lit('own')),
        lit('confidence intervals|confidence interval|cis|intervals|ward intervals|95% intervals'),
        lit('to flag wards|to flag|to flag the wards|for flagging|for the flags|when flagging|for flagging wards'),
        POLITE,
      ),
      poisson,
    ),
    as(
      seq(
        lit(
          'ignore|drop|remove|turn off|switch off|no|without|lose|ditch|get rid of|undo|scrap|dont allow for|do not allow for|dont adjust for|do not adjust for|dont account for|do not account for|stop allowing for|stop adjusting for',
        ),
        OVERDISPERSION,
        WHEN_FLAGGING,
      ),
      poisson,
    ),
    // "stop adjusting the ward flags for overdispersion": the adjustment turned down, the flags named between.
    as(
      seq(
        lit(
          'stop adjusting|stop allowing|stop correcting|stop accounting|quit adjusting|no longer adjust|no longer allow|dont adjust|do not adjust|dont correct|do not correct',
        ),
        opt(lit('the ward flags|the flags|ward flags|flags|the flagging|flagging|the wards|wards')),
        lit('for'),
        OVERDISPERSION,
        WHEN_FLAGGING,
        POLITE,
      ),
      poisson,
    ),
    as(
      seq(
        lit('adjust|correct|allow'),
        lit('the ward flags|the flags|ward flags|flags|the flagging|flagging'),
        lit('for'),
        OVERDISPERSION,
        POLITE,
      ),
      overdispersed,
    ),
    as(
      seq(
        lit('allow for|adjust for|account for|correct for|turn on|switch on|with|take account of|take into account'),
        OVERDISPERSION,
        WHEN_FLAGGING,
        POLITE,
      ),
      overdispersed,
    ),
    as(
      seq(
        lit('how are|how do you|how does it|how do we|how is it decided which|hows'),
        opt(lit('the')),
        lit('wards flagged|flag wards|flag the wards|flag a ward|wards are higher|ward is higher|wards called higher'),
        opt(lit('as higher|higher|as lower|lower|higher or lower|as higher or lower')),
      ),
      command({ kind: 'help', topic: 'flags' }),
    ),
    map(
      seq(
        opt(lit('change|set|switch|different|alter|choose|pick')),
        opt(lit('the|a|how')),
        lit('flags|flag method|flagging|flagging method|how wards are flagged|wards are flagged|the flags'),
      ),
      () =>
        question(
          'Flag a ward higher or lower outside funnel limits that allow for the spread between wards (the default), or by its own Poisson interval alone?',
          [
            { label: 'Funnel limits (default)', utterance: 'use funnel flags' },
            { label: 'Poisson interval alone', utterance: 'use poisson flags' },
          ],
          'setFlags',
        ),
      () => 0.4,
    ),
  ),
};

const ATTENDING = lit(
  'attending counts|attending count|attending|count of young offenders at each school|count of offenders at each school|counts of young offenders at each school|attending column|the attending column|column for young offenders attending|column for offenders attending|column of young offenders attending|column of offenders attending|number of young offenders at each school|number of offenders at each school|number of young offenders per school|attending figures|attending numbers|attending totals|offenders attending|young offenders attending|yo attending|yo attending counts|yos attending|counts of offenders attending|counts of young offenders attending|number of offenders attending|number of young offenders attending|numbers attending|offenders at each school|young offenders at each school|offenders per school|young offenders per school|offender counts per school|offender counts by school|how many offenders go to each school|how many young offenders go to each school|how many offenders attend each school|how many young offenders attend each school|how many offenders each school has|attendance counts',
);
const PUBLISH = lit(
  'show|publish|include|add|put|print|display|reveal|give|i want|we want|i need|we need|want|bring back|put back|turn on|switch on',
);
const HIDE = lit(
  'hide|leave out|drop|remove|omit|exclude|withhold|take out|dont show|do not show|dont publish|do not publish|dont include|do not include|no|stop showing|stop publishing|turn off|switch off|suppress|get rid of|lose',
);
const WHERE = opt(
  lit(
    'for each school|at each school|each school|every school|per school|by school|in the published sheet|in the published sheets|in the published output|in the workbook|in the shared workbook|in the output|in the shared output|on the schools sheet|in the schools table|in the sheets|in the report|in the published workbook|to the output|to the workbook|to the shared workbook|to the schools sheet|to the report|from the workbook|from the shared workbook|from the output|from the schools sheet|from the report',
  ),
);
const ALSO = opt(lit('too|as well|also|again|please|pls|back'));
const REASON = opt(
  lit(
    'it could stigmatise them|it could stigmatise schools|they could stigmatise schools|it stigmatises schools|its stigmatising|too sensitive|its too sensitive|they are too sensitive',
  ),
);
const OF_THE = opt(lit('the|their|each schools|the schools|those|a|an'));
const showAttending = command({ kind: 'setShowAttending', show: true });
const hideAttending = command({ kind: 'setShowAttending', show: false });

export const attendingRule: Rule = {
  name: 'attending counts in the shared workbook',
  example: { label: 'Publish attending counts', utterance: 'show attending counts' },
  keywords: ['attending', 'offenders', 'attendance'],
  parser: alt<Reading>(
    as(
      seq(
        WHAT_IS,
        opt(lit('the|a|an')),
        opt(lit('show|publish|hide')),
        ATTENDING,
        opt(lit('setting|option|choice|box')),
        MEANS,
      ),
      command({ kind: 'help', topic: 'attending' }),
    ),
    as(
      seq(
        lit('why cant i see|why can i not see|why dont i see|why do i not see|where can i see|where are'),
        OF_THE,
        ATTENDING,
      ),
      command({ kind: 'help', topic: 'attending' }),
    ),
    as(seq(PUBLISH, OF_THE, ATTENDING, WHERE, ALSO), showAttending),
    as(seq(DEFAULT, lit('for attending counts|attending counts|for the attending counts')), hideAttending),
    as(seq(HIDE, OF_THE, ATTENDING, WHERE, ALSO, REASON), hideAttending),
    // 'we'd like the attending counts included', 'the attending figures published please'
    as(
      seq(
        opt(
          lit('we would like|wed like|id like|i would like|we want|i want|please have|have|can we have|could we have'),
        ),
        OF_THE,
        ATTENDING,
        lit('included|shown|published|in|added|put in|put back|displayed|visible'),
        WHERE,
        ALSO,
      ),
      showAttending,
    ),
    as(
      seq(
        opt(lit('we would like|wed like|id like|i would like|we want|i want|please have|have')),
        OF_THE,
        ATTENDING,
        lit('excluded|hidden|left out|removed|taken out|withheld|dropped|not shown|not published|not included'),
        WHERE,
        ALSO,
        REASON,
      ),
      hideAttending,
    ),
    // 'take the attending numbers out of the shared workbook', 'leave the attending counts out'
    as(
      seq(
        lit('take|get|keep|leave'),
        OF_THE,
        ATTENDING,
        lit('out|out of the workbook|out of the shared workbook|out of the output|off the schools sheet|off|out of it'),
      ),
      hideAttending,
    ),
    // 'attending counts off', 'attending counts on please'
    as(seq(OF_THE, ATTENDING, lit('off|out|hidden|removed|no more')), hideAttending),
    as(seq(OF_THE, ATTENDING, lit('on|in|shown|back on|back in'), ALSO), showAttending),
    // 'why aren't the attending counts in the workbook?'
    as(
      seq(
        lit('why are|why arent|why are not|why dont you|why do you not|where are|why no|why is there no|why not'),
        opt(lit('the|you|we')),
        opt(lit('show|publish|include|showing|publishing|including')),
        ATTENDING,
        opt(lit('not|shown|published|included|missing|left out')),
        WHERE,
      ),
      command({ kind: 'help', topic: 'attending' }),
    ),
    map(
      seq(
        opt(lit('do something about|what about|change|sort out|deal with|what to do with|how about|set')),
        opt(lit('the')),
        ATTENDING,
      ),
      () =>
        question(
          "Publish each school's count of young offenders attending in the shared workbook (withheld when small), or leave it out (the default)?",
          [
            { label: 'Publish attending counts', utterance: 'show attending counts' },
            { label: 'Leave them out', utterance: 'hide attending counts' },
          ],
          'setShowAttending',
        ),
      () => 0.4,
    ),
  ),
};

const SMOOTH = lit(
  'smooth|smoothed|smoothing|shrink|shrunk|shrinkage|empirical bayes|eb|eb smoothing|empirical bayes smoothing|bayesian smoothing|the empirical bayes|the eb',
);
const RATES = opt(
  lit(
    'the rates|rates|ward rates|the ward rates|the scores|scores|the small ward rates|small ward rates|the rates of small wards|rates of small wards|the small wards',
  ),
);
const TOWARDS = opt(
  lit(
    'towards the area|towards the area rate|towards the area average|towards the average|towards the mean|to the area rate|to the average',
  ),
);
/** 'score schools on <kind> rates': the rates the scores are worked on. */
const scoredOn = (kinds: string) =>
  seq(
    lit('score|rank|base|scoring|ranking|base the scores|base the ranking'),
    opt(lit('schools|the schools|it|them|exposure')),
    lit('on|by|using|with|from'),
    opt(lit('the')),
    lit(kinds),
    RATES,
    POLITE,
  );

const smoothed = command({ kind: 'setSmoothing', smoothing: 'empiricalBayes' });
const crude = command({ kind: 'setSmoothing', smoothing: 'none' });

export const smoothingRule: Rule = {
  name: 'smoothing of ward rates',
  example: { label: 'Score schools on smoothed rates', utterance: 'smooth the rates' },
  keywords: ['smooth', 'smoothing', 'smoothed', 'bayes', 'crude', 'shrink', 'eb'],
  parser: alt<Reading>(
    as(
      seq(
        opt(lit('use|apply|turn on|switch on|with|try|add|i want|id prefer|i prefer|prefer')),
        SMOOTH,
        RATES,
        TOWARDS,
        POLITE,
      ),
      smoothed,
    ),
    as(
      seq(WHAT_IS, opt(lit('the|a|an')), SMOOTH, opt(lit('the rates|rates|smoothing')), MEANS),
      command({ kind: 'help', topic: 'smoothing' }),
    ),
    // 'score schools on smoothed rates', 'rank on EB-smoothed rates', 'score on crude rates'
    as(scoredOn('smoothed|eb smoothed|empirical bayes|shrunk|eb|empirical bayes smoothed|smoothed ward'), smoothed),
    as(scoredOn('crude|raw|unsmoothed|crude ward'), crude),
    as(seq(opt(lit('turn|switch|set|put')), SMOOTH, lit('on'), POLITE), smoothed),
    as(
      seq(
        opt(
          lit(
            'use|score on|rank on|back to|go back to|with|just|only|switch to|id prefer|i prefer|prefer|id rather have',
          ),
        ),
        opt(lit('the|plain')),
        lit('crude|raw|unsmoothed'),
        RATES,
        POLITE,
      ),
      crude,
    ),
    as(
      seq(
        lit('no|without|turn off|switch off|dont|do not|stop|remove|drop|undo|lose|get rid of'),
        SMOOTH,
        opt(lit('the rates|rates|smoothing')),
        POLITE,
      ),
      crude,
    ),
    as(seq(opt(lit('turn|switch|set|put')), SMOOTH, lit('off'), POLITE), crude),
    as(seq(DEFAULT, lit('rates|ward rates|scores|scoring|smoothing')), crude),
  ),
};
