import { normaliseHeader } from './normaliseHeader';
import type { AgeColumnSex } from './types';

/** Oldest age a population column can name; ONS single-year estimates stop at 90+. */
const MAX_AGE = 120;

/** Pieces of a single-year header, matched against the normalised header (lower case, no spaces or punctuation). */
const NOUN = '(?:population|pop|persons|people|children|residents)';
const AGE_WORD = '(?:age|aged|ages|agey)';
const YEARS = '(?:years?|yrs?|yearsold|yo)';
/** A sex named before the age: ONS `M10`/`F10`, `Males 10`, `Female age 10`, `Girls aged 10`. */
const SEX_BEFORE = '(m|f|males?|females?|boys?|girls?)';
/** A sex named after the age, in full words only (`Age 10 Males`); a lone letter after a number is too easily something else. */
const SEX_AFTER = '(males?|females?|boys?|girls?)';

/** `age_10`, `Age 10`, `Aged 10`, `10`, `Age 10 years`: all persons. */
const PERSONS_AGE = new RegExp(`^(?:${NOUN}?${AGE_WORD})?(\\d{1,3})${YEARS}?$`);
/** `M10`, `f10`, `Males 10`, `Female age 10`, `Male population aged 10`. */
const SEX_THEN_AGE = new RegExp(`^${SEX_BEFORE}${NOUN}?${AGE_WORD}?(\\d{1,3})${YEARS}?$`);
/** `Age 10 Males`, `10 female`, `Aged 10 years - Female`. */
const AGE_THEN_SEX = new RegExp(`^(?:${NOUN}?${AGE_WORD})?(\\d{1,3})${YEARS}?${SEX_AFTER}$`);

const AGE_BAND = /(?:^|\D)(\d{1,3})\s*(?:-|–|—|_|to)\s*(\d{1,3})(?!\d)/i;
/** Words that say a column is not a head count (a rate, a share). */
const NOT_A_COUNT = /percent|%|rate|share|proportion|ratio|density|change/i;
/** Words that say a banded column counts one sex only; such bands are not used (a band column must count everyone). */
const ONE_SEX = /male|female|boys|girls/i;

/** What a single-year population header counts: one age, and one sex when it is not a persons column. */
export interface SingleYearHeader {
  readonly age: number;
  /** Absent for a persons (both sexes) column. */
  readonly sex?: AgeColumnSex;
}

const sexOf = (word: string): AgeColumnSex => (word.startsWith('f') || word.startsWith('girl') ? 'female' : 'male');

/**
 * The single year of age, and the sex when it counts one sex only, a population column is headed
 * with, or undefined. Recognises the ONS layouts: persons `Age 10`, `10`, `age_10`, `Aged 10`,
 * `Age 10 years`; one sex `M10`/`F10` (any case), `Males 10`/`Females 10`, `Male age 10`/`Female age 10`,
 * `Boys 10`/`Girls 10`, `Age 10 Males`. Rejects open-ended ages (`90+`, `M90+`), bands (`age_10_17`)
 * and rates or shares (`Rate age 10`).
 * @example singleYearOfHeader('F10') // => { age: 10, sex: 'female' }
 * @example singleYearOfHeader('Aged 10') // => { age: 10 }
 * @example singleYearOfHeader('Age 90+') // => undefined
 */
export function singleYearOfHeader(text: string): SingleYearHeader | undefined {
  if (text.includes('+') || AGE_BAND.test(text) || NOT_A_COUNT.test(text)) return undefined;
  const normalised = normaliseHeader(text);
  let age: number | undefined;
  let sex: AgeColumnSex | undefined;
  const persons = PERSONS_AGE.exec(normalised);
  if (persons) age = Number(persons[1]);
  else {
    const before = SEX_THEN_AGE.exec(normalised);
    const after = before ? undefined : AGE_THEN_SEX.exec(normalised);
    if (before) {
      sex = sexOf(before[1]);
      age = Number(before[2]);
    } else if (after) {
      sex = sexOf(after[2]);
      age = Number(after[1]);
    }
  }
  if (age === undefined || age > MAX_AGE) return undefined;
  return sex ? { age, sex } : { age };
}

/**
 * The single year of age a persons (both sexes) population column is headed with, or undefined.
 * Accepts `age_10`, `Age 10`, `aged_10`, `10`, `Age 10 years`; rejects open-ended `90+`, bands, and
 * one-sex columns such as `M10` (see `singleYearOfHeader`, which reads those too).
 * @example singleAgeOfHeader('Aged 10') // => 10
 * @example singleAgeOfHeader('age_10_17') // => undefined (a band, see ageBandOfHeader)
 * @example singleAgeOfHeader('Males 10') // => undefined (one sex only)
 */
export function singleAgeOfHeader(text: string): number | undefined {
  const header = singleYearOfHeader(text);
  return header && header.sex === undefined ? header.age : undefined;
}

/**
 * The age band (inclusive) a population column is headed with, or undefined.
 * @example ageBandOfHeader('Population 10-17') // => { from: 10, to: 17 }
 * @example ageBandOfHeader('age_11_16') // => { from: 11, to: 16 }
 * @example ageBandOfHeader('Rate 10-17') // => undefined (a rate, not a head count)
 * @example ageBandOfHeader('Males 10-17') // => undefined (one sex only)
 */
export function ageBandOfHeader(text: string): { from: number; to: number } | undefined {
  if (NOT_A_COUNT.test(text) || ONE_SEX.test(text)) return undefined;
  const match = AGE_BAND.exec(text);
  if (!match) return undefined;
  const from = Number(match[1]);
  const to = Number(match[2]);
  return from < to && to <= MAX_AGE ? { from, to } : undefined;
}
