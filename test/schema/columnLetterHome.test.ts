import { cellAddress, columnIndex, columnLetter, MAX_COLUMN_INDEX } from '../../src/core/schema/columnLetter';
import { address, columnLetter as reportColumnLetter } from '../../src/report/cells';
import {
  cellAddress as workbookCellAddress,
  columnLetter as workbookColumnLetter,
} from '../../src/workbook/formulaRefs';

describe('column letters and A1 addresses: one home', () => {
  it('is the same function wherever the report and the adapters import it', () => {
    expect(reportColumnLetter).toBe(columnLetter);
    expect(workbookColumnLetter).toBe(columnLetter);
    expect(workbookCellAddress).toBe(cellAddress);
  });

  it.each([
    [0, 'A'],
    [25, 'Z'],
    [26, 'AA'],
    [701, 'ZZ'], // 26 + 26 × 26 − 1
    [702, 'AAA'],
    [MAX_COLUMN_INDEX, 'XFD'], // 16,383 = (24 × 26 + 6) × 26 + 4 − 1 … Excel's last column
  ])('writes column %d as %s and reads it back', (index, letters) => {
    expect(columnLetter(index)).toBe(letters);
    expect(columnIndex(letters)).toBe(index);
  });

  it.each([-1, 1.5, MAX_COLUMN_INDEX + 1, Number.NaN])('refuses column index %d, outside Excel', (index) => {
    expect(() => columnLetter(index)).toThrow(RangeError);
  });

  it("gives the report's addresses, absolute or not, from the same rule", () => {
    expect(address(9, 2)).toBe('C10');
    expect(address(9, 2, true)).toBe('$C$10');
    expect(() => address(0, MAX_COLUMN_INDEX + 1)).toThrow(RangeError);
  });
});
