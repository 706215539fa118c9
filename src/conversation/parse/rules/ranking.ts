/** How schools are ranked: the measure, the catchment model, the confidence level, the top group, the seed. */
import { alt, as, lit, map, num, opt, seq, type Parser } from '../grammar/combinators';
import { command, question, type Reading, type Rule } from '../grammar/rule';

const RANK = lit(
  'rank|ranking|ranked|rank schools|rank the schools|order|sort|score|scoring|base|base the ranking|base ranking|measure|metric|ranking measure|ranking metric|exposure|use|count|weight|drive the ranking',
);
const BY = lit('by|on|using|with|from|of|as|in terms of|according to|based on|via');
const YOUNG_OFFENDERS = alt<unknown>(
  seq(
    opt(lit('where')),
    opt(lit('the|young')),
    lit('offenders|offender|young offenders|young offender|offenders home|offender home|perpetrators|suspects'),
    opt(
      lit(
        'live|lives|living|reside|home ward|home wards|residence|homes|home|home location|home address|where they live|by residence|resident',
      ),
    ),
  ),
  // Not 'where the kids live': children are a school's pupils, whose homes are its catchment.
  seq(lit('where'), lit('they|offenders|young people|people|suspects'), lit('live|lives|reside|are from|come from')),
  lit(
    'residence|home ward|home wards|offender residence|where they live|residents|by residence|home location|home locations',
  ),
);
const OFFENCES = alt<unknown>(
  seq(
    opt(lit('the|number of|count of')),
    lit(
      'offences|offence|offence counts|offence count|crimes|crime|violence|incidents|violent offences|crime counts|offence numbers|where offences happen|location of offences|offence locations',
    ),
    opt(
      seq(
        lit('where'),
        lit('it|they|violence|offences'),
        lit('happens|happen|occurs|occur|took place|happened|are committed|is committed|take place'),
      ),
    ),
  ),
  seq(
    lit('where'),
    lit('it|violence|offences|crime|crimes|they|incidents'),
    lit('happens|happen|occurs|occur|took place|happened|are committed|is committed|take place'),
  ),
);
const youngOffenders = command({ kind: 'setMetric', metric: 'youngOffenders' });
const offences = command({ kind: 'setMetric', metric: 'offences' });

/** Only right after 'top N' (a look-behind): "top 15 by young offenders" names the measure. */
const afterTopN: Parser<undefined> = (ctx, at) => {
  const [top, n] = [ctx.tokens[at - 2], ctx.tokens[at - 1]];
  return top?.text === 'top' && n !== undefined && /^\d+$/.test(n.text) ? [{ value: undefined, end: at, cost: 0 }] : [];
};

export const metricRule: Rule = {
  name: 'ranking measure',
  example: { label: 'Rank by young offenders where they live', utterance: 'rank by young offenders' },
  keywords: ['rank', 'offenders', 'offences', 'measure'],
  parser: alt<Reading>(
    // "top 15 by young offenders": the measure said after the list asked for.
    as(seq(afterTopN, BY, YOUNG_OFFENDERS), youngOffenders),
    as(seq(afterTopN, BY, OFFENCES), offences),
    as(
      seq(
        RANK,
        opt(lit('schools|it|them|exposure')),
        BY,
        YOUNG_OFFENDERS,
        opt(seq(lit('not|rather than|instead of'), OFFENCES)),
        opt(lit('instead|please')),
      ),
      youngOffenders,
    ),
    as(
      seq(
        RANK,
        opt(lit('schools|it|them|exposure')),
        BY,
        OFFENCES,
        opt(seq(lit('not|rather than|instead of'), YOUNG_OFFENDERS)),
        opt(lit('instead|please')),
      ),
      offences,
    ),
    as(
      seq(
        lit('use|count'),
        OFFENCES,
        opt(lit('for|in|to drive|as the basis for')),
        lit('ranking|the ranking|ranks|scores|the score|exposure'),
      ),
      offences,
    ),
    as(
      seq(
        lit('use|count'),
        YOUNG_OFFENDERS,
        opt(lit('for|in|to drive')),
        lit('ranking|the ranking|ranks|scores|the score|exposure'),
      ),
      youngOffenders,
    ),
    as(
      seq(
        lit('rank|ranking'),
        opt(lit('schools|them')),
        lit('on|by'),
        lit('residence|where offenders live|offender residence'),
      ),
      youngOffenders,
    ),
    map(
      seq(
        lit('change|set|switch|different|alter|choose|pick'),
        opt(lit('the')),
        lit('ranking measure|measure|metric|ranking metric|what schools are ranked on|ranking basis'),
      ),
      () =>
        question(
          'Rank schools on violent offences where they happened (the default), or on young offenders where they live?',
          [
            { label: 'Offences where they happened', utterance: 'rank by offences' },
            { label: 'Young offenders where they live', utterance: 'rank by young offenders' },
          ],
          'setMetric',
        ),
    ),
  ),
};

const CATCHMENTS = opt(
  lit(
    'catchments|catchment|catchment model|model|for catchments|for the catchments|for catchment|catchment areas|catchment data|method|approach',
  ),
);
const auto = command({ kind: 'setCatchment', model: 'auto' });
const observed = command({ kind: 'setCatchment', model: 'observed' });
const distance = command({ kind: 'setCatchment', model: 'distanceDecay' });
const OBSERVED_DATA = alt<unknown>(
  // "base it on where the kids actually live".
  seq(
    lit('where'),
    opt(lit('the|our|their')),
    lit('kids|children|pupils|students|young people at each school'),
    opt(lit('actually|really|truly')),
    lit('live|come from|are from|live really'),
  ),
  seq(
    lit(
      'observed|observed home wards|observed catchments|actual|recorded|real|pupil residence|residence data|residence sheet|pupil home wards|pupil home ward data|pupil home ward|home ward data|pupil residence data|pupil residence sheet|where pupils live|where the pupils live|where pupils really live|pupil addresses|known catchments|actual home wards|real home wards|home wards|pupil data|known home wards',
    ),
    opt(lit('data|rows|sheet|figures|records')),
  ),
);
const WHERE_AVAILABLE = lit(
  'where known|where we know|where we know them|where recorded|where we have them|where we have it|where available|where we have data|where possible|when available|where they exist|where it exists|if available|where there is data|where we have one|where known|where we can|where we have them otherwise distance|otherwise distance|and distance otherwise|else distance|where we have observed data|when we have them|if we have them',
);

export const catchmentRule: Rule = {
  name: 'catchment model',
  example: { label: 'Use the distance model for catchments', utterance: 'use the distance model' },
  keywords: ['catchment', 'distance', 'observed', 'model'],
  parser: alt<Reading>(
    as(
      seq(
        opt(lit('use|set|make|switch to|go with|use the|only use|change to|apply')),
        opt(lit('catchment model|catchment|catchments|model')),
        opt(lit(':|=|to')),
        lit('auto|automatic|automatically|mixed|hybrid|combined|best available'),
        CATCHMENTS,
      ),
      auto,
    ),
    // Words that name no setting alone ('the default', 'both'): catchments only when said with them.
    map(
      seq(
        opt(lit('use|set|make|switch to|go with|use the|only use|change to|apply')),
        opt(lit('catchment model|catchment|catchments|model')),
        opt(lit(':|=|to')),
        lit('default|either|whichever|both|a mix|mix'),
        CATCHMENTS,
      ),
      ([, before, , , after]) => (before !== undefined || after !== undefined ? auto : undefined),
    ),
    as(
      seq(
        opt(lit('use|go with|take|prefer')),
        OBSERVED_DATA,
        CATCHMENTS,
        opt(lit(',')),
        WHERE_AVAILABLE,
        opt(
          seq(
            opt(lit(',|and')),
            lit('otherwise|else|elsewhere|and'),
            opt(lit('use|model|the')),
            lit('distance|distance decay|modelled|the model|model them|estimate'),
          ),
        ),
      ),
      auto,
    ),
    as(
      seq(
        opt(
          lit('use|set|make|switch to|go with|only use|use only|change to|apply|base catchments on|based on|only|just'),
        ),
        opt(lit('catchment model|catchment|catchments|model')),
        opt(lit(':|=|to|is')),
        lit('observed|actual|recorded|real|observed only|known'),
        opt(lit('data|home wards|residence|pupil data|rows')),
        CATCHMENTS,
      ),
      observed,
    ),
    as(
      seq(
        opt(lit('use|take|base catchments on|only use|use only|read')),
        OBSERVED_DATA,
        opt(lit('for|as|to build|to make')),
        lit('catchments|catchment|the catchments|catchment areas'),
      ),
      observed,
    ),
    as(seq(lit('catchments|catchment|catchment areas'), lit('from|using|based on|on|by'), OBSERVED_DATA), observed),
    as(
      seq(
        lit('base it on|base them on|base it all on|go by|go off|work from|work it out from|use'),
        OBSERVED_DATA,
        opt(lit('only|instead|please|then')),
      ),
      observed,
    ),
    as(
      seq(
        opt(lit('and|then')),
        lit(
          'model the rest by distance|the rest by distance|rest by distance|distance for the rest|model the others by distance|the others by distance|distance for the others|distance decay for the rest',
        ),
      ),
      auto,
    ),
    as(
      seq(
        lit('use|take|only use'),
        lit(
          'pupil home ward data|pupil home wards|pupil residence data|pupil residence|residence data|home ward data|pupil residence sheet|the pupil residence sheet|residence sheet|pupil data|pupil home ward|the pupil home ward data',
        ),
      ),
      observed,
    ),
    as(
      seq(
        opt(lit('use|set|make|switch to|go with|only use|apply|model|change to')),
        opt(lit('catchment model|catchment|catchments|model')),
        opt(lit(':|=|to|is')),
        lit(
          'distance|distance decay|decay|modelled|modeled|gravity|estimated|distance model|distance based|model|distance-decay|estimate|radial',
        ),
        CATCHMENTS,
      ),
      distance,
    ),
    as(
      seq(
        lit('model|estimate'),
        opt(lit('the')),
        lit('catchments|catchment'),
        opt(lit('by|on|from|using')),
        lit('distance|distance decay|travel distance'),
      ),
      distance,
    ),
    map(
      seq(
        lit('use|pick|choose|change|switch|set|try|different|another|alter'),
        opt(lit('a|the|another')),
        opt(lit('different|other|new')),
        lit('catchment|catchments|catchment model|catchment method|model for catchments'),
      ),
      () =>
        question(
          'Which catchments? Observed where the pupil residence sheet covers a school and modelled by distance elsewhere (the default), observed only, or modelled by distance for every school?',
          [
            { label: 'Observed where available (default)', utterance: 'automatic catchments' },
            { label: 'Observed only', utterance: 'observed catchments' },
            { label: 'Distance model for every school', utterance: 'use the distance model' },
          ],
          'setCatchment',
        ),
    ),
  ),
};

const confidence = (n: number): Reading | undefined => {
  const level = n < 1 ? n : Number((n / 100).toFixed(4));
  return level > 0 && level < 1 ? command({ kind: 'setConfidence', level }) : undefined;
};
const PERCENT = alt(
  map(seq(num({ min: 1, max: 99.99 }), lit('percent|pc|per cent')), ([n]) => n),
  num({ min: 0.5, max: 99.99 }),
);
const INTERVALS = lit(
  'confidence|confidence intervals|confidence interval|intervals|interval|confidence level|level|cis|ci|confidence limits|limits|rank intervals|uncertainty',
);

export const confidenceRule: Rule = {
  name: 'confidence level',
  example: { label: 'Use 99% confidence intervals', utterance: '99% confidence' },
  keywords: ['confidence', 'intervals'],
  parser: alt<Reading>(
    map(
      seq(
        opt(lit('use|set|make|change|want|with')),
        opt(lit('the')),
        PERCENT,
        INTERVALS,
        opt(lit('intervals|interval|level')),
      ),
      ([, , n]) => confidence(n),
    ),
    map(
      seq(
        opt(lit('use|set|make|change')),
        opt(lit('the')),
        INTERVALS,
        opt(lit('intervals|level|interval')),
        opt(lit('to|of|at|=|is|should be|be|:')),
        PERCENT,
      ),
      ([, , , , , n]) => confidence(n),
    ),
    map(
      seq(
        lit('set|change|alter|adjust|different|pick|choose|new'),
        opt(lit('the')),
        INTERVALS,
        opt(lit('level|intervals')),
      ),
      () =>
        question(
          'Which confidence level for the intervals? 95% is the default; 90% gives narrower intervals, 99% wider ones.',
          [
            { label: '90%', utterance: '90% confidence' },
            { label: '95% (default)', utterance: '95% confidence' },
            { label: '99%', utterance: '99% confidence' },
          ],
          'setConfidence',
        ),
    ),
  ),
};

const TOP = lit(
  'top group|top n|top|group size|top group size|top list|top schools|size of the top group|number of top schools|cut off|cutoff|top grp',
);
const topN = (n: number): Reading => command({ kind: 'setTopN', topN: n });
const FROM_NOW = opt(lit('from now on|in future|going forward|from here|for now|for future runs|next time|from now'));

export const topNRule: Rule = {
  name: 'size of the top group',
  example: { label: 'Look for new candidates in the top 25', utterance: 'make the top group 25' },
  keywords: ['top', 'group'],
  parser: alt<Reading>(
    map(
      seq(
        lit('set|make|change|use|put|increase|decrease|raise|lower|expand|shrink|widen|narrow|extend'),
        opt(lit('the')),
        TOP,
        opt(lit('size|group|n')),
        opt(lit('to|of|at|=|is|should be|be|:|as')),
        num({ min: 0, max: 100000, whole: true }),
        opt(lit('schools')),
        FROM_NOW,
      ),
      ([, , , , , n]) => topN(n),
    ),
    map(
      seq(
        lit('top group|top n|group size|top group size|top grp'),
        opt(lit('to|of|at|=|is|should be|:')),
        num({ min: 0, max: 100000, whole: true }),
        opt(lit('schools')),
        FROM_NOW,
      ),
      ([, , n]) => topN(n),
    ),
    map(
      seq(
        opt(lit('look for|find|search for|seek|check for|find me')),
        opt(lit('new')),
        lit('candidates|new candidates'),
        lit('in|among|within|from|amongst'),
        lit('top'),
        num({ min: 1, max: 100000, whole: true }),
        lit('from now on|in future|going forward|from now|for future runs|next time|each time|every time'),
      ),
      ([, , , , , n]) => topN(n),
    ),
    map(
      seq(
        lit('compare|check'),
        opt(lit('the')),
        lit('top'),
        num({ min: 1, max: 100000, whole: true }),
        opt(lit('schools')),
        lit('with|against|to'),
        opt(lit('the|our')),
        lit('list|vru list|current list|prevention list'),
      ),
      ([, , , n]) => topN(n),
    ),
    map(
      seq(
        opt(lit('look at|use|consider|focus on|compare|rank|check')),
        lit('top'),
        num({ min: 1, max: 100000, whole: true }),
        opt(lit('schools|ones')),
        lit('from now on|in future|going forward|for future runs'),
      ),
      ([, , n]) => topN(n),
    ),
    map(
      seq(
        lit('change|set|alter|adjust|different|pick|choose'),
        opt(lit('the')),
        lit('top group|top n|group size|size of the top group'),
      ),
      () =>
        question(
          'How many of the top schools should be compared with the current list? 20 is the default.',
          [10, 20, 25, 30].map((n) => ({ label: `Top ${n}`, utterance: `make the top group ${n}` })),
          'setTopN',
        ),
    ),
  ),
};

export const seedRule: Rule = {
  name: 'seed',
  example: { label: 'Set the seed to 42', utterance: 'set the seed to 42' },
  keywords: ['seed'],
  parser: alt<Reading>(
    map(
      seq(
        opt(lit('set|use|change|make|put|fix')),
        opt(lit('the|a')),
        opt(lit('random|simulation|rng')),
        lit('seed|random seed|seed number'),
        opt(lit('to|of|=|is|at|:|as|number')),
        num({ min: 0, max: 2 ** 31, whole: true }),
      ),
      ([, , , , , n]) => command({ kind: 'setSeed', seed: n }),
    ),
    map(
      seq(
        lit('use|set'),
        num({ min: 0, max: 2 ** 31, whole: true }),
        lit('as|for'),
        opt(lit('the|a')),
        lit('seed|random seed'),
      ),
      ([, n]) => command({ kind: 'setSeed', seed: n }),
    ),
    map(seq(lit('change|set|pick|choose|new|different'), opt(lit('the|a')), opt(lit('random')), lit('seed')), () =>
      question(
        'Which seed? Any whole number: the same seed gives the same rank intervals again.',
        [
          { label: 'Seed 1', utterance: 'set the seed to 1' },
          { label: 'Seed 42', utterance: 'set the seed to 42' },
          { label: 'Seed 20240601 (default)', utterance: 'set the seed to 20240601' },
        ],
        'setSeed',
      ),
    ),
  ),
};
