import { normaliseHeader } from './normaliseHeader';

/** Oldest age a population column can name; ONS single-year estimates stop at 90+. */
const MAX_AGE = 120;

const SINGLE_AGE = /^(?:(?:population|pop|persons|people|children|residents)?(?:age|aged|ages|agey))?(\d{1,3})(?:years?|yrs?|yearsold|yo)?$/;
const AGE_BAND = /(?:^|\D)(\d{1,3})\s*(?:-|–|—|_|to)\s*(\d{1,3})(?!\d)/i;
/** Words that say a banded column is not a head count (a rate, a share, one sex only). */
const NOT_A_COUNT = /percent|%|rate|share|proportion|ratio|male|female|boys|girls|density|change/i;

/**
 * The single year of age a population column is headed with, or undefined.
 * Accepts `age_10`, `Age 10`, `aged_10`, `10`, `Age 10 years`; rejects open-ended `90+` and bands.
 * @example singleAgeOfHeader('Aged 10') // => 10
 * @example singleAgeOfHeader('age_10_17') // => undefined (a band, see ageBandOfHeader)
 */
export function singleAgeOfHeader(text: string): number | undefined {
  if (text.includes('+') || AGE_BAND.test(text) || NOT_A_COUNT.test(text)) return undefined;
  const match = SINGLE_AGE.exec(normaliseHeader(text));
  if (!match) return undefined;
  const age = Number(match[1]);
  return age <= MAX_AGE ? age : undefined;
}

/**
 * The age band (inclusive) a population column is headed with, or undefined.
 * @example ageBandOfHeader('Population 10-17') // => { from: 10, to: 17 }
 * @example ageBandOfHeader('age_11_16') // => { from: 11, to: 16 }
 * @example ageBandOfHeader('Rate 10-17') // => undefined (a rate, not a head count)
 */
export function ageBandOfHeader(text: string): { from: number; to: number } | undefined {
  if (NOT_A_COUNT.test(text)) return undefined;
  const match = AGE_BAND.exec(text);
  if (!match) return undefined;
  const from = Number(match[1]);
  const to = Number(match[2]);
  return from < to && to <= MAX_AGE ? { from, to } : undefined;
}
