/** "how robust is Park Hall?": a school's place under other reasonable choices, answered with its explanation. */
import { alt, lit, map, opt, seq } from '../grammar/combinators';
import { command, type Reading, type Rule } from '../grammar/rule';
import { nameOf } from './parts';

/** A school's name as typed, without a trailing question mark, possessive or leading 'the (place of)'. */
const cleaned = (typed: string): string =>
  typed
    .replace(/[?!.]+$/, '')
    .replace(/['’]s$/, '')
    .replace(/^\s*the\s+/i, '')
    .replace(/^(?:place|rank|ranking|position) of\s+/i, '')
    .trim();
const school = nameOf(['school'], 7, null);
const explain = (name: { readonly typed: string }): Reading =>
  command({ kind: 'explainSchool', school: cleaned(name.typed) });

export const robustnessRule: Rule = {
  name: "how robust a school's place is",
  example: {
    label: "How robust is a school's place? e.g. how robust is Park Hall?",
    utterance: 'how robust is Park Hall?',
  },
  keywords: ['robust', 'sensitive', 'stable'],
  // Only after 'how robust' and the like: a rule that starts at a name ('is X robust?') would try
  // every stretch of every utterance as a school's name. Few new words, as every literal's words
  // become words the grammar knows (and so count against a stretch being a name) for every rule.
  parser: alt<Reading>(
    map(
      seq(lit('how robust|how sensitive|how stable'), opt(lit('is|are')), school, opt(lit('in the top'))),
      ([, , name]) => explain(name),
    ),
  ),
};
