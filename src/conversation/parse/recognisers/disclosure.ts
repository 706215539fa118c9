/** Disclosure control: the suppression threshold, whether zeros are shown, rounding. */
import type { Choice } from '../../types';
import { understood, type ParseOutcome, type Recogniser } from '../types';

/** Thresholds in common use by UK statistical producers (counts below them are withheld). */
export const THRESHOLD_PRESETS: readonly number[] = [3, 5, 7, 10];

const thresholdChoices = (): Choice[] => THRESHOLD_PRESETS.map((n) => ({ label: `Hide counts under ${n}`, utterance: `suppress counts under ${n}` }));

const HIDE_VERB = /\b(?:suppress|supress|suppressing|hide|hiding|withhold|withholding|redact|mask|blank|censor|conceal|protect|star out|remove|drop)\b/;
const THRESHOLD_NOUN = /\b(?:threshold|suppression|cutoff|cut off|minimum cell size|minimum count|min cell size|cell size|small numbers?|small counts?|disclosure|rule of \d+)\b/;
const COUNT_NOUN = /\b(?:counts?|numbers?|figures?|cells?|values?|totals?|anything|everything)\b/;

/** The threshold a phrase gives: "under 10" -> 10; "up to 4", "4 or fewer", "1 to 4" -> 5. */
function thresholdIn(text: string): number | undefined {
  const below = /\b(?:under|below|less than|lower than|fewer than|smaller than|beneath|<)\s*(\d+)\b/.exec(text);
  if (below) return Number(below[1]);
  const upTo = /\b(?:up to|upto|at most|no more than|not more than|of 1 to|from 1 to|1 to)\s*(\d+)\b/.exec(text) ?? /\b(\d+)\s+(?:or|and)\s+(?:less|fewer|under|below|lower|smaller)\b/.exec(text);
  if (upTo) return Number(upTo[1]) + 1;
  return undefined;
}

export const zerosRecogniser: Recogniser = {
  name: 'show or hide zeros',
  keywords: ['zero', 'zeros', 'zeroes', 'show', 'hide', 'sensitive', 'display', 'keep', 'publish'],
  example: { label: 'Show zeros', utterance: 'show zeros' },
  recognise: (u) => {
    const text = u.text;
    if (!/\b(?:zero|zeros|zeroes|0s|nils?|noughts)\b/.test(text)) return undefined;
    const negatedHide = /\b(?:dont|do not|never|not|no need to|stop|without|no longer)\s+(?:hide|hiding|suppress|suppressing|withhold|withholding|mask|masking|treat|treating|redact)\b/.test(text);
    const negatedShow = /\b(?:dont|do not|never|not|stop|no longer)\s+(?:show|showing|display|displaying|publish|publishing|reveal)\b/.test(text);
    const hide = /\b(?:hide|suppress|supress|withhold|mask|blank|redact|sensitive|conceal|star out)\b/.test(text);
    const show = /\b(?:show|display|keep|publish|reveal|visible|fine|ok|okay|allowed|print|include|leave|safe)\b/.test(text);
    if (negatedHide || (show && !hide && !negatedShow)) return understood({ kind: 'setZeros', show: true });
    if (negatedShow || (hide && !show)) return understood({ kind: 'setZeros', show: false });
    return {
      kind: 'question',
      text: 'Should zero counts be shown, or withheld as [c] like small counts?',
      choices: [{ label: 'Show zeros', utterance: 'show zeros' }, { label: 'Withhold zeros', utterance: 'hide zeros' }],
    };
  },
};

export const thresholdRecogniser: Recogniser = {
  name: 'suppression threshold',
  keywords: ['suppress', 'suppression', 'threshold', 'hide', 'withhold', 'redact', 'mask', 'counts', 'under', 'below', 'less', 'fewer', 'small', 'numbers', 'cutoff', 'disclosure'],
  example: { label: 'Suppress counts under 10', utterance: 'suppress counts under 10' },
  recognise: (u): ParseOutcome | undefined => {
    const text = u.text;
    const verb = HIDE_VERB.test(text);
    const noun = THRESHOLD_NOUN.test(text);
    const countsHidden = COUNT_NOUN.test(text) && /\b(?:hidden|suppressed|withheld|redacted|masked|blanked|hide|suppress)\b/.test(text);
    if (!verb && !noun && !countsHidden) {
      const bare = /^(?:only )?(?:show )?(?:counts|numbers|figures) (?:under|below|less than|fewer than) (\d+)(?: hidden)?$/.exec(text);
      return bare ? understood({ kind: 'setThreshold', threshold: Number(bare[1]) }) : undefined;
    }
    const phrased = thresholdIn(text);
    if (phrased !== undefined) return understood({ kind: 'setThreshold', threshold: phrased });
    if (noun) {
      const number = /\b(?:threshold|suppression|cutoff|cut off|cell size|minimum count|small numbers?|small counts?|disclosure|level)\b(?:\s+(?:to|of|at|is|=|should be|be))*\s+(\d+)\b/.exec(text) ?? /\b(\d+)\b\s+(?:as (?:the |our )?|for (?:the )?)?(?:threshold|suppression threshold|cutoff)\b/.exec(text) ?? /\brule of (\d+)\b/.exec(text);
      if (number) return understood({ kind: 'setThreshold', threshold: Number(number[1]) });
    }
    if (verb && !COUNT_NOUN.test(text) && !noun) return undefined;
    return {
      kind: 'question',
      text: `Which suppression threshold? Counts from 1 up to one below it are withheld as [c]. Common thresholds are ${THRESHOLD_PRESETS.join(', ')}.`,
      choices: thresholdChoices(),
    };
  },
};

export const roundingRecogniser: Recogniser = {
  name: 'rounding',
  keywords: ['round', 'rounding', 'rounded', 'nearest', 'base', 'multiple', 'multiples'],
  example: { label: 'Round counts to the nearest 5', utterance: 'round to 5' },
  recognise: (u) => {
    const text = u.text;
    if (!/\bround(?:ing|ed|s)?\b/.test(text)) return undefined;
    const number = /\b(?:to|nearest|base|of|by|in|multiples? of)\s+(\d+)s?\b/.exec(text) ?? /\bround(?:ing|ed)?\s+(\d+)s?\b/.exec(text) ?? /\b(\d+)s?\b/.exec(text);
    if (number && /^\d+$/.test(number[1])) return understood({ kind: 'setRounding', base: Number(number[1]) });
    if (/\b(?:no|dont|do not|without|stop|turn off|switch off|disable|remove|never|not|none|cancel|drop)\b/.test(text) || /\bround(?:ing)? off$/.test(text)) {
      return understood({ kind: 'setRounding', base: null });
    }
    return {
      kind: 'question',
      text: 'Round published counts to which base? Rounding to 5 is common; 10 is coarser.',
      choices: [
        { label: 'Round to 5', utterance: 'round to 5' },
        { label: 'Round to 10', utterance: 'round to 10' },
        { label: 'Round to 3', utterance: 'round to 3' },
        { label: 'No rounding', utterance: 'no rounding' },
      ],
    };
  },
};
