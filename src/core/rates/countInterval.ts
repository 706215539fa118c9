import { byarInterval } from './byarInterval';
import { poissonExactInterval, type CountInterval } from './poissonExactInterval';

/** Counts from this value up use Byar's approximation; smaller counts use the exact interval. */
export const BYAR_THRESHOLD = 10;

/**
 * Confidence interval for a Poisson count by the PHEindicatormethods convention (`phe_rate`): the exact
 * (Garwood) interval for counts below 10, Byar's approximation from 10 up ("For numerators >= 10
 * Byar's method is applied ... For small numerators Byar's method is less accurate and so an exact
 * method based on the Poisson distribution is used").
 *
 * @example countInterval(5) // => { lower: 1.624, upper: 11.668 }   (exact)
 * @example countInterval(12) // => { lower: 6.19, upper: 20.96 }   (Byar)
 */
export function countInterval(count: number, confidence = 0.95): CountInterval {
  return count < BYAR_THRESHOLD ? poissonExactInterval(count, confidence) : byarInterval(count, confidence);
}
