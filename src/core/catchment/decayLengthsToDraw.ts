/**
 * The range the rank simulation draws the distance-decay length from, as multiples of the decay
 * length used for the point estimate: half to one and a half times it, in equal steps. A judgement,
 * stated on the Method sheet: at the default 2,000 m it runs from 1,000 m to 3,000 m, a mean
 * home–school distance (2λ under the model, homes spread evenly) from 2 km to 6 km, which brackets
 * English secondary pupils' typical journeys of a few kilometres (National Travel Survey, trips to
 * school) from dense urban areas to market towns.
 */
export const DECAY_DRAW_RANGE = { lowest: 0.5, highest: 1.5, values: 9 } as const;

/**
 * The decay lengths a simulation draws from, uniformly: `DECAY_DRAW_RANGE.values` lengths evenly
 * spaced from lowest × λ to highest × λ, rounded to the metre. A grid rather than a continuous
 * draw so each length's shares are modelled once, not once per simulation (the model costs
 * O(schools × wards)).
 *
 * @example decayLengthsToDraw(2000) // => [1000, 1250, 1500, 1750, 2000, 2250, 2500, 2750, 3000]
 */
export function decayLengthsToDraw(decayMetres: number): number[] {
  const { lowest, highest, values } = DECAY_DRAW_RANGE;
  return Array.from({ length: values }, (_, i) =>
    Math.round(decayMetres * (lowest + ((highest - lowest) * i) / (values - 1))),
  );
}
