import type { AnalysisResult } from '../core/pipeline/analysisResult';

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** A day as a reader writes it: 1 April 2019 (UTC, as every date in the engine). */
export function longDate(date: Date): string {
  return `${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()}`;
}

/**
 * The period the figures cover, in words, with where its ends come from.
 * @example periodText(result) // => 'offences from 1 April 2019 to 28 February 2021 (the date window)'
 */
export function periodText(result: Pick<AnalysisResult, 'period'>): string {
  const { period } = result;
  if (!period) return 'no offences counted';
  const basis =
    period.basis === 'window'
      ? 'the date window'
      : period.basis === 'data'
        ? 'the first and last offences counted'
        : 'the date window and the offences counted';
  return `offences from ${longDate(period.from)} to ${longDate(period.to)} (${basis})`;
}

/** The population's year as the wards sheet states it, or that it does not. */
export function populationYearText(result: Pick<AnalysisResult, 'populationYear'>): string {
  return result.populationYear
    ? `${result.populationYear.year} (from ${result.populationYear.source})`
    : 'not stated in the wards sheet';
}

/** A sheet's title with the period beside it, so a printed page says what time it covers. */
export function titleWithPeriod(title: string, result: Pick<AnalysisResult, 'period' | 'populationYear'>): string {
  const population = result.populationYear ? `; population ${result.populationYear.year}` : '';
  return `${title} (${periodText(result).replace(/ \(.*\)$/, '')}${population})`;
}
