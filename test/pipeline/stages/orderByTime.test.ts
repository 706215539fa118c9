import fc from 'fast-check';
import { orderByTime } from '../../../src/core/pipeline/stages/orderByTime';

/** The order a stable comparison sort on the times gives. */
const bySort = (times: readonly number[]): number[] =>
  times.map((_, i) => i).sort((a, b) => times[a] - times[b] || a - b);

describe('orderByTime', () => {
  it('orders by time, equal times in position order', () => {
    expect(Array.from(orderByTime(new Float64Array([20, 10, 20, 10])) ?? [])).toEqual([1, 3, 0, 2]);
    expect(Array.from(orderByTime(new Float64Array([])) ?? [1])).toEqual([]);
  });

  it('gives what a stable sort gives, for any times', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -5, max: 5 }), { maxLength: 60 }), (days) => {
        const times = days.map((day) => day * 86_400_000);
        expect(Array.from(orderByTime(new Float64Array(times)) ?? [])).toEqual(bySort(times));
      }),
      { numRuns: 300, seed: 20241207 },
    );
  });

  it('leaves the times to a comparison sort when one is NaN or too many are distinct', () => {
    expect(orderByTime(new Float64Array([1, Number.NaN]))).toBeNull();
    expect(orderByTime(new Float64Array(70_000).map((_, i) => i))).toBeNull();
  });
});
