import {
  acrossPages,
  fitScale,
  headerFitWidths,
  printablePoints,
  wrappedLineCount,
} from '../../src/report/printLayout';

/*
 * Worked by hand: a column 10 wide is Truncate((256 × 10 + 18) / 256 × 7) = 70 px = 52.5 pt; A4
 * landscape inside 0.4-inch side margins is 841.9 − 57.6 = 784.3 pt wide.
 */
describe('paper arithmetic', () => {
  test('A4 landscape holds 784.3 points across inside the margins, portrait 537.7', () => {
    expect(printablePoints('landscape').width).toBeCloseTo(784.3, 1);
    expect(printablePoints('portrait').width).toBeCloseTo(537.7, 1);
  });

  test('twenty columns 10 wide (1,050 pt) fit landscape at 74.7%; twenty-two (1,155 pt) would need 67.9%', () => {
    expect(fitScale(Array(20).fill(10), 'landscape')).toBeCloseTo(784.3 / 1050, 6);
    expect(fitScale(Array(22).fill(10), 'landscape')).toBeCloseTo(784.3 / 1155, 6);
    expect(fitScale([10], 'landscape')).toBe(1);
  });

  test('a table readable at 70% prints one page wide; a wider one prints in blocks that each repeat the name columns', () => {
    expect(acrossPages(Array(20).fill(10), 'landscape', { first: 0, last: 1 })).toEqual({
      fitToWidth: true,
      repeatColumns: { first: 0, last: 1 },
    });
    // Repeated A:B take 105 pt; each block holds 105 + 52.5 × 12 = 735 pt, so the second block starts at column 14.
    expect(acrossPages(Array(22).fill(10), 'landscape', { first: 0, last: 1 })).toEqual({
      fitToWidth: false,
      blockStarts: [14],
      repeatColumns: { first: 0, last: 1 },
    });
    // Hidden (collapsed) columns take no room.
    expect(acrossPages([...Array(20).fill(10), 0, 0], 'landscape', { first: 0, last: 1 }).fitToWidth).toBe(true);
  });

  test('a bold header wraps at spaces, counting each character a digit wide (7 px)', () => {
    // Width 9 = 63 px: (63 − 5) / 7 = 8 characters a line.
    expect(wrappedLineCount('Rank 95% lower', 9)).toBe(2);
    // Width 8 = 56 px: 7 characters, so 'Rank 95%' no longer fits one line.
    expect(wrappedLineCount('Rank 95% lower', 8)).toBe(3);
    expect(wrappedLineCount('Rank', 8)).toBe(1);
  });

  test('header widths grow until no word is broken and the header takes at most three lines', () => {
    // 'Young offenders attending' needs 'offenders' (9 characters) whole: 9 × 7 + 5 = 68 px, width 9.5 (66 px) is too narrow, 10 (70 px) fits.
    const [width] = headerFitWidths(['Young offenders attending'], [4]);
    expect(width).toBe(10);
    expect(headerFitWidths(['URN'], [8])).toEqual([8]);
  });
});
