/** How schools are ranked: the measure, the catchment model, the confidence level, the size of the top group. */
import { understood, type Recogniser } from '../types';

export const metricRecogniser: Recogniser = {
  name: 'ranking measure',
  keywords: ['rank', 'ranking', 'measure', 'metric', 'score', 'offenders', 'offender', 'offences', 'violence', 'live', 'happens', 'residence'],
  example: { label: 'Rank by young offenders where they live', utterance: 'rank by young offenders' },
  recognise: (u) => {
    const text = u.text;
    if (!/\b(?:rank|ranking|ranked|measure|metric|score|scoring|base|based|order|sort|use|count)\b/.test(text)) return undefined;
    if (!/\b(?:by|on|using|with|as|from|of|where)\b/.test(text)) return undefined;
    if (/\b(?:young offenders?|offenders?|where (?:they|offenders|children|young people|kids|pupils) live|home wards?|where \w+ lives?|residents?|by residence)\b/.test(text)) {
      return understood({ kind: 'setMetric', metric: 'youngOffenders' });
    }
    if (/\b(?:by|on|using) (?:the )?(?:number of )?(?:offences|offence|crimes?|violence|incidents)\b|\bwhere (?:it|violence|offences|crime|crimes|they) (?:happens?|occurs?|took place|happened|are committed)\b/.test(text)) {
      return understood({ kind: 'setMetric', metric: 'offences' });
    }
    return undefined;
  },
};

export const catchmentRecogniser: Recogniser = {
  name: 'catchment model',
  keywords: ['catchment', 'catchments', 'model', 'modelled', 'distance', 'decay', 'observed', 'automatic', 'residence', 'gravity'],
  example: { label: 'Use the distance model for catchments', utterance: 'use the distance model' },
  recognise: (u) => {
    const text = u.text;
    if (!/\b(?:catchments?|model|modelled|modeled|distance|decay|observed|gravity)\b/.test(text)) return undefined;
    if (/\b(?:auto|automatic|automatically|default|mixed|either|whichever|both)\b/.test(text)) return understood({ kind: 'setCatchment', model: 'auto' });
    if (/\b(?:observed|actual|recorded|real|pupil residence|residence data|residence sheet|known)\b/.test(text)) return understood({ kind: 'setCatchment', model: 'observed' });
    if (/\b(?:distance|decay|modelled|modeled|gravity|estimated|model|estimate)\b/.test(text)) return understood({ kind: 'setCatchment', model: 'distanceDecay' });
    return undefined;
  },
};

export const confidenceRecogniser: Recogniser = {
  name: 'confidence level',
  keywords: ['confidence', 'intervals', 'interval', 'level', 'percent'],
  example: { label: 'Use 99% confidence intervals', utterance: '99% confidence' },
  recognise: (u) => {
    const text = u.text;
    if (!/\b(?:confidence|intervals?|cis?)\b/.test(text)) return undefined;
    const number = /\b(\d{2}(?:\.\d+)?|0\.\d+)\b(?: percent)?/.exec(text);
    if (!number) return undefined;
    const value = Number(number[1]);
    return understood({ kind: 'setConfidence', level: value < 1 ? value : Number((value / 100).toFixed(4)) });
  },
};

export const topNRecogniser: Recogniser = {
  name: 'size of the top group',
  keywords: ['top', 'group', 'compare', 'size'],
  example: { label: 'Compare the top 25 with the list', utterance: 'top 25' },
  recognise: (u) => {
    const text = u.text;
    const match = /\btop\s*(?:n\s*)?(?:group\s+)?(?:to |= ?|of |at |is |should be )*(\d+)\b/.exec(text) ?? /\b(?:top group|top n|group size)\b.*?\b(\d+)\b/.exec(text);
    return match ? understood({ kind: 'setTopN', topN: Number(match[1]) }) : undefined;
  },
};

/** A number on its own ("10", "make it 10"): the threshold or the top group? Asked, never guessed. */
export const bareNumberRecogniser: Recogniser = {
  name: 'a number on its own',
  keywords: [],
  example: { label: 'Suppress counts under 10', utterance: 'suppress counts under 10' },
  recognise: (u) => {
    const match = /^(?:(?:make|set|change|put|switch) (?:it|that|this) (?:to |at )?|use |what about |try |how about |lets say |say |go with )?(\d+)(?: instead| then| please)?$/.exec(u.text);
    if (!match) return undefined;
    const n = Number(match[1]);
    if (n < 1 || n > 1000) return undefined;
    return {
      kind: 'question',
      text: `Did you mean: withhold counts under ${n}, or compare the top ${n} ${n === 1 ? 'school' : 'schools'} with the current list?`,
      choices: [
        { label: `Hide counts under ${n}`, utterance: `suppress counts under ${n}` },
        { label: `Top ${n} ${n === 1 ? 'school' : 'schools'}`, utterance: `top ${n}` },
      ],
    };
  },
};
