/** "only ages 11 to 16", "10-17 year olds", "under 18s": the age band at offence. */
import { understood, type Recogniser } from '../types';

const AGE_WORDS = /\b(?:age|ages|aged|year olds?|yr olds?|years? old|years of age|yos?|y o|children|kids|young people|youngsters|teenagers|teens|juveniles|youths?|pupils)\b|\b\d+s\b/;
const RANGE = /\b(\d{1,3})\s*(?:to|and|through|thru|till|until)\s*(\d{1,3})s?\b/;

/** A plural age ('18s') or a plain one, as a number. */
const age = (text: string): number => Number(text.replace(/s$/, ''));

export const ageBandRecogniser: Recogniser = {
  name: 'age band',
  keywords: ['age', 'ages', 'aged', 'year', 'years', 'olds', 'children', 'young', 'people', 'teenagers', 'between', 'under', 'over', 'older', 'younger', 'through'],
  example: { label: 'Only ages 11 to 16', utterance: 'only ages 11 to 16' },
  recognise: (u) => {
    const text = u.text;
    const bareRange = /^(?:only |just )?(?:from |between )?(\d{1,2}) (?:to|and) (\d{1,2})(?: only)?$/.exec(text);
    if (bareRange && Number(bareRange[2]) <= 25) {
      const [a, b] = [Number(bareRange[1]), Number(bareRange[2])];
      return understood({ kind: 'setAgeBand', from: Math.min(a, b), to: Math.max(a, b) });
    }
    if (!AGE_WORDS.test(text)) return undefined;
    const range = RANGE.exec(text);
    if (range && Number(range[1]) <= 120 && Number(range[2]) <= 120) {
      const [a, b] = [age(range[1]), age(range[2])];
      return understood({ kind: 'setAgeBand', from: Math.min(a, b), to: Math.max(a, b) });
    }
    const under = /\b(?:under|below|younger than|less than)\s+(\d{1,3})s?\b/.exec(text);
    const upTo = /\b(?:up to|upto|at most|no older than|not over)\s+(\d{1,3})\b/.exec(text) ?? /\b(\d{1,3})s?\s+(?:and|or)\s+(?:under|below|younger)\b/.exec(text);
    const over = /\b(?:over|above|older than|more than)\s+(\d{1,3})s?\b/.exec(text);
    const from = /\b(?:at least|no younger than|from)\s+(\d{1,3})\b/.exec(text) ?? /\b(\d{1,3})s?\s+(?:and|or)\s+(?:over|above|older|up|upwards)\b/.exec(text) ?? /\b(\d{1,3})\s*(?:plus)\b/.exec(text);
    const to = under ? age(under[1]) - 1 : upTo ? age(upTo[1]) : null;
    const lowest = over ? age(over[1]) + 1 : from ? age(from[1]) : null;
    if (to !== null || lowest !== null) return understood({ kind: 'setAgeBand', from: lowest, to });
    const single = /\b(?:aged?|ages)\s+(\d{1,2})\b/.exec(text) ?? /\b(\d{1,2})\s*(?:year olds?|yr olds?|years? old|yos?)\b/.exec(text);
    if (single) return understood({ kind: 'setAgeBand', from: Number(single[1]), to: Number(single[1]) });
    return undefined;
  },
};
