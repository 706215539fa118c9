/**
 * Values said alone and corrections: "make it 25", "no, 5", "sorry, I meant under 5", "actually
 * make that FY 22/23", "top 20". A bare value means the setting just made ('round to 10 - no, 5' is
 * rounding to 5); with nothing to refer to, a number is asked about (threshold or top group?).
 */
import { alt, as, lit, map, notBefore, num, opt, pluralNumber, seq } from '../grammar/combinators';
import type { BareValue, Reading, Rule } from '../grammar/rule';

const value = (v: BareValue, lead: unknown): Reading => ({ kind: 'value', value: v, lead: lead !== undefined });
const NUMBER = num({ min: 0, max: 2 ** 31 });
const LEAD = opt(
  alt<unknown>(
    seq(
      lit('make|set|change|put|switch|move|turn|bump|raise|lower|drop|have'),
      lit('it|that|this|them|those'),
      opt(lit('to|at|into|up to|down to|as')),
    ),
    // Not 'not': a value turned down is not the value meant ("11-16, not 10-17").
    lit(
      'make that|change that to|change it to|use|try|what about|how about|lets say|say|go with|let us say|rather|instead|i meant|i mean|meant|to|more like|maybe|perhaps|could we try|can we try|lets try|lets do',
    ),
  ),
);
const TRAILING = opt(lit('instead|then|please|rather|actually|thanks|only|one|ones'));

export const valueRule: Rule = {
  name: 'a value on its own',
  example: { label: 'Suppress counts under 10', utterance: 'suppress counts under 10' },
  keywords: ['make', 'change'],
  parser: alt<Reading>(
    map(seq(LEAD, NUMBER, lit('percent|per cent|pc'), TRAILING), ([lead, n]) => value({ kind: 'percent', n }, lead)),
    map(seq(LEAD, NUMBER, lit('to|and|-'), NUMBER, TRAILING), ([lead, a, , b]) =>
      value({ kind: 'range', from: Math.min(a, b), to: Math.max(a, b) }, lead),
    ),
    map(seq(LEAD, lit('under|below|less than|fewer than'), alt(NUMBER, pluralNumber), TRAILING), ([lead, , n]) =>
      value({ kind: 'under', n }, lead),
    ),
    map(seq(LEAD, lit('over|above|more than|older than'), alt(NUMBER, pluralNumber), TRAILING), ([lead, , n]) =>
      value({ kind: 'over', n }, lead),
    ),
    map(
      seq(opt(lit('the|just the|only the|and the')), lit('top'), NUMBER, opt(lit('please|then|only|now|again|thanks'))),
      ([, , n]) => value({ kind: 'top', n }, undefined),
    ),
    map(seq(LEAD, NUMBER, TRAILING), ([lead, n]) => value({ kind: 'number', n }, lead)),
  ),
};

/** 'no wait', 'actually', 'sorry, I meant': what follows replaces the setting just made. */
export const correctionRule: Rule = {
  name: 'a correction',
  example: { label: 'Undo', utterance: 'undo' },
  keywords: ['actually', 'sorry', 'wait'],
  parser: as(
    seq(
      alt<unknown>(
        lit(
          'no wait|no no|no sorry|no|nope|wait|sorry|actually|i meant|i mean|sorry i meant|sorry i mean|scratch that|correction|hang on|hold on|on second thoughts|second thoughts|oops|my mistake|my bad|typo|err|er|sorry no|no actually|make that|change that',
        ),
        // 'instead of X' and 'rather than X' turn X down; they do not correct what came before.
        seq(lit('or rather|rather|instead'), notBefore('of|than', { skipFiller: false })),
      ),
      opt(lit(',|wait|sorry|actually|i meant|i mean|no|make that|change that|make it')),
      opt(lit(',|i meant|i mean|actually|make that')),
    ),
    { kind: 'correction' },
  ),
};

/** "no wait, include it", "leave them out": the list just named (phases or offence types), changed this way. */
export const sameListRule: Rule = {
  name: 'the list just named',
  example: { label: 'Include primaries', utterance: 'include primaries' },
  keywords: ['include', 'exclude'],
  parser: alt<Reading>(
    map(
      seq(
        lit('include|add|count|keep|put|bring|exclude|remove|drop|leave|take|skip|ignore'),
        lit('it|them|that|those|that one|those ones'),
        opt(lit('back|in|out|back in|too|as well|after all|instead')),
      ),
      ([verb, , particle]): Reading => ({
        kind: 'sameList',
        mode:
          /^(?:exclude|remove|drop|skip|ignore)$/.test(verb) ||
          /out/.test(particle ?? '') ||
          (/^(?:leave|take)$/.test(verb) && particle !== 'in' && particle !== 'back in')
            ? 'remove'
            : 'add',
      }),
    ),
  ),
};
