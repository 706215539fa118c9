import { breakLines } from '../../src/report/freeCells';

describe('breakLines', () => {
  it('breaks a statement at spaces into lines no longer than the width, words in order', () => {
    // 'the quick brown' is 15 characters; adding ' fox' would make 19 > 16.
    expect(breakLines('the quick brown fox jumps over', 16)).toEqual(['the quick brown', 'fox jumps over']);
  });

  it('gives a word longer than the width a line of its own', () => {
    expect(breakLines('a 0123456789abcdef b', 8)).toEqual(['a', '0123456789abcdef', 'b']);
  });

  it('keeps a short statement whole and an empty one as one empty line', () => {
    expect(breakLines('short', 85)).toEqual(['short']);
    expect(breakLines('', 85)).toEqual(['']);
  });

  it('loses no word: the lines joined by spaces are the statement', () => {
    const statement =
      'for every withheld count, a linear programme finds the least and greatest value consistent with every published number and sum';
    const lines = breakLines(statement, 30);
    expect(lines.join(' ')).toBe(statement);
    expect(Math.max(...lines.map((line) => line.length))).toBeLessThanOrEqual(30);
  });
});
