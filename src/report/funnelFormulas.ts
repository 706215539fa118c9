import { PER_THOUSAND } from '../core/rates';
import { OUTER_FUNNEL_CONFIDENCE } from '../core/rates';

/** Where the funnel's inputs sit: A1 references (absolute, or with a sheet) or expressions. */
export interface FunnelReferences {
  readonly areaRate: string;
  readonly population: string;
  readonly tauSquared: string;
  /** The run's confidence level (a fraction), for the inner limits. */
  readonly confidence: string;
}

/**
 * Excel formulas for the funnel limits on a rate per 1,000, the same formula as core's funnelLimits
 * (Spiegelhalter 2005; square-root scale, additive between-ward variance τ²):
 *   lower = area × MAX(0, 1 − z √(1000 / (4 × area × population) + τ²))²,
 *   upper = area × (1 + z √(1000 / (4 × area × population) + τ²))²,
 * where 1000 / (4 × area × population) = 1 / (4E), E the count expected at the area rate, and
 * z = NORMSINV(1 − (1 − confidence) / 2): the run's confidence level for the inner limits, 99.8% for
 * the outer ones. Every argument is a cell reference (or an expression), so a reviewer can trace
 * each limit to the area rate, the ward's population and τ² on the Wards sheet.
 * @example funnelLimitFormulas({ areaRate: '$B$6', population: 'D16', tauSquared: '$B$11', confidence: '$B$9' }, 'inner').upper
 *   // => '$B$6*(1+NORMSINV(1-(1-$B$9)/2)*SQRT(1000/(4*$B$6*D16)+$B$11))^2'
 */
export function funnelLimitFormulas(
  refs: FunnelReferences,
  level: 'inner' | 'outer',
): { readonly lower: string; readonly upper: string } {
  const confidence = level === 'inner' ? refs.confidence : String(OUTER_FUNNEL_CONFIDENCE);
  const halfWidth = `NORMSINV(1-(1-${confidence})/2)*SQRT(${PER_THOUSAND}/(4*${refs.areaRate}*${refs.population})+${refs.tauSquared})`;
  return { lower: `${refs.areaRate}*MAX(0,1-${halfWidth})^2`, upper: `${refs.areaRate}*(1+${halfWidth})^2` };
}
