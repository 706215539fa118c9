/** Catchment: where each school's pupils live, by ward — observed from residence data, or modelled. */
export type { CatchmentShares, WardShare } from './types';
export { gridDistance } from './gridDistance';
export { observedShares } from './observedShares';
export {
  distanceDecayShares,
  DEFAULT_DECAY_METRES,
  DEFAULT_MIN_SHARE,
  type DistanceDecayOptions,
} from './distanceDecayShares';
export { catchmentShares, type CatchmentSharesInput, type CatchmentSharesOptions } from './catchmentShares';
export { decayLengthsToDraw, DECAY_DRAW_RANGE } from './decayLengthsToDraw';
