import fc from 'fast-check';
import { FirstRows } from '../../src/core/validate/firstRows';
import { StringIds } from '../../src/core/validate/stringIds';

describe('StringIds', () => {
  it('numbers strings from 0 in the order first met, as a Map would', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 4 }), { maxLength: 200 }), fc.nat(40), (texts, expected) => {
        const ids = new StringIds(expected);
        const map = new Map<string, number>();
        for (const text of texts) {
          if (!map.has(text)) map.set(text, map.size);
          expect(ids.id(text)).toBe(map.get(text));
        }
        expect(ids.size).toBe(map.size);
        expect(ids.all()).toEqual([...map.keys()]);
        for (const [text, id] of map) {
          expect(ids.find(text)).toBe(id);
          expect(ids.text(id)).toBe(text);
        }
        expect(ids.find('not met: longer than any')).toBe(-1);
      }),
      { numRuns: 200, seed: 20241207 },
    );
  });

  it('keeps apart texts whose code units differ only past the first ones, and grows past its expected size', () => {
    const ids = new StringIds(1);
    const texts = Array.from({ length: 5000 }, (_, i) => `99/${String(i).padStart(6, '0')}/23`);
    texts.forEach((text, i) => expect(ids.id(text)).toBe(i));
    texts.forEach((text, i) => expect(ids.id(text)).toBe(i));
    expect(ids.id('é\u{1F600}')).toBe(5000);
  });
});

describe('FirstRows', () => {
  it('gives the first row of a key and part, as a map of the joined identity would', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom('C1', 'C2', 'C3'), fc.constantFrom('O1', 'O2')), { maxLength: 40 }),
        (pairs) => {
          const rows = new FirstRows();
          const joined = new Map<string, number>();
          pairs.forEach(([key, part], row) => {
            const identity = `${key}\u0000${part}`;
            expect(rows.firstOrAdd(key, part, row)).toBe(joined.get(identity));
            if (!joined.has(identity)) joined.set(identity, row);
          });
        },
      ),
      { numRuns: 200, seed: 20241207 },
    );
  });

  it('with no part, a key alone is the identity', () => {
    const rows = new FirstRows(2);
    expect(rows.firstOrAdd('100001', undefined, 3)).toBeUndefined();
    expect(rows.firstOrAdd('100002', undefined, 4)).toBeUndefined();
    expect(rows.firstOrAdd('100001', undefined, 5)).toBe(3);
  });
});
