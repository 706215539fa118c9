import { memoByCell } from '../../src/core/validate/memoByCell';
import type { CellValue } from '../../src/core/types';

/** Counts the readings a memo makes, to see which cell values it reads again. */
function counting() {
  const seen: CellValue[] = [];
  const read = memoByCell((value) => {
    seen.push(value);
    return value instanceof Date ? `date ${value.getTime()}` : `${typeof value} ${String(value)}`;
  });
  return { read, seen };
}

describe('memoByCell', () => {
  it('reads each distinct text, number and date once, and gives the first result again', () => {
    const { read, seen } = counting();
    const first = read('31/01/2021');
    expect(read('31/01/2021')).toBe(first);
    expect(read(44197)).toBe('number 44197');
    expect(read(44197)).toBe('number 44197');
    expect(read(new Date(86_400_000))).toBe('date 86400000');
    expect(read(new Date(86_400_000))).toBe('date 86400000');
    expect(seen).toEqual(['31/01/2021', 44197, new Date(86_400_000)]);
  });

  it('keeps a text, the number it spells and a date of that time apart', () => {
    const { read } = counting();
    expect([read('1'), read(1), read(new Date(1))]).toEqual(['string 1', 'number 1', 'date 1']);
  });

  it('reads blanks and booleans each time', () => {
    const { read, seen } = counting();
    read(null);
    read(null);
    read(true);
    read(true);
    expect(seen).toEqual([null, null, true, true]);
  });

  it('remembers an undefined result too', () => {
    let readings = 0;
    const read = memoByCell(() => {
      readings += 1;
      return undefined;
    });
    read('not a date');
    read('not a date');
    expect(readings).toBe(1);
  });

  it('stops remembering past its limit but still reads correctly', () => {
    const { read, seen } = counting();
    for (let i = 0; i < 70_000; i += 1) read(i);
    expect(read(69_999)).toBe('number 69999');
    expect(read(0)).toBe('number 0');
    // 0 was remembered (read once); 69,999 came past the limit and was read again.
    expect(seen.filter((value) => value === 0)).toHaveLength(1);
    expect(seen.filter((value) => value === 69_999)).toHaveLength(2);
  });
});
