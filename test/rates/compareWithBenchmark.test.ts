import { compareWithBenchmark } from '../../src/core/rates';

describe('compareWithBenchmark (PHE: higher only when the whole interval lies above)', () => {
  it.each([
    ['wholly above', { lower: 6.19, upper: 20.96 }, 5, 'higher'],
    ['wholly below', { lower: 0.4, upper: 4.9 }, 5, 'lower'],
    ['straddling', { lower: 3, upper: 8 }, 5, 'similar'],
    // Ties are not differences: an interval that only touches the benchmark is similar.
    ['its lower limit equal to the benchmark', { lower: 5, upper: 9 }, 5, 'similar'],
    ['its upper limit equal to the benchmark', { lower: 1, upper: 5 }, 5, 'similar'],
    // An area with no offences at all: a ward with none is not "higher" than a rate of 0.
    ['a zero count against an area rate of 0', { lower: 0, upper: 3.69 }, 0, 'similar'],
    ['missing limits', { lower: Number.NaN, upper: Number.NaN }, 5, 'similar'],
  ] as const)('an interval %s', (_what, interval, benchmark, expected) => {
    expect(compareWithBenchmark(interval, benchmark)).toBe(expected);
  });
});
