/**
 * The inverse incomplete gamma far into the lower tail, where the root is tiny and P(a, x) equals
 * x^a / Γ(a + 1) to the last digit (e^−x = 1 and the series' next term x/(a + 1) is below 1e−50):
 * the root is (p Γ(a + 1))^(1/a), with Γ worked here (factorials, and Γ(3/2) = √π / 2). A root
 * below the smallest double is 0. Before, shapes above 1 stopped after 300 steps and returned a
 * value 10^6 times too large without a word.
 */
import { inverseRegularizedGammaP } from '../../src/core/rates';

const factorial = (n: number): number => (n <= 1 ? 1 : n * factorial(n - 1));

describe('inverseRegularizedGammaP far into the lower tail', () => {
  it.each([
    [2, 1e-300, Math.sqrt(factorial(2) * 1e-300)],
    [3, 1e-300, Math.cbrt(factorial(3) * 1e-300)],
    [5, 1e-300, (factorial(5) * 1e-300) ** (1 / 5)],
    [10, 1e-200, (factorial(10) * 1e-200) ** (1 / 10)],
    [0.5, 1e-150, ((Math.sqrt(Math.PI) / 2) * 1e-150) ** 2],
  ])('shape %d at p = %d is (p Γ(a + 1))^(1/a)', (shape, probability, root) => {
    expect(inverseRegularizedGammaP(shape, probability) / root).toBeCloseTo(1, 11);
  });

  it('is 0 when the root lies below the smallest double', () => {
    // (1e-300 × Γ(1.5))² ≈ 8e-601, far below 5e-324.
    expect(inverseRegularizedGammaP(0.5, 1e-300)).toBe(0);
  });
});
