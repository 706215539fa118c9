import { excelFixed } from '../../src/report/excelFixed';

/** Expected texts are what Excel's FIXED(value, decimals, TRUE) shows, worked by hand. */
describe('excelFixed', () => {
  test.each([
    [15.2345, 1, '15.2'],
    [6.25, 1, '6.3'], // a half rounds away from zero
    [20.05, 1, '20.1'],
    [1.005, 2, '1.01'], // the double is 1.00499999…, but Excel rounds the 15-digit decimal it shows
    [2.675, 2, '2.68'], // likewise 2.67499999…
    [0, 1, '0.0'],
    [3, 1, '3.0'],
    [1234.56, 1, '1234.6'], // no thousands separator
    [0.04, 1, '0.0'],
    [-2.5, 0, '-3'],
    [-0.04, 1, '0.0'], // rounds to zero, so no minus sign
  ])('FIXED(%p, %p, TRUE) shows %p', (value, decimals, shown) => {
    expect(excelFixed(value, decimals)).toBe(shown);
  });

  test('refuses what FIXED would not show as a number', () => {
    expect(() => excelFixed(Number.NaN, 1)).toThrow(/finite/);
    expect(() => excelFixed(1, 1.5)).toThrow(/decimals/);
  });
});
