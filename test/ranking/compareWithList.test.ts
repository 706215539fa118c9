import { compareWithList, diceCoefficient, normaliseSchoolName } from '../../src/core/ranking';
import type { CurrentListRecord } from '../../src/core/types';

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
}

describe('normaliseSchoolName', () => {
  it.each([
    ["St Mary's C of E School", 'saint marys ce'],
    ['Saint Marys CofE School', 'saint marys ce'],
    ['ST. MARY’S CHURCH OF ENGLAND ACADEMY', 'saint marys ce'],
    ['The Park Hall Academy', 'park hall'],
    ['Holy Trinity R.C. School', 'holy trinity rc'],
    ['Bishop Challoner Roman Catholic College', 'bishop challoner rc college'],
    ['Arthur Terry & Co School', 'arthur terry and co'],
    ['École Sainte-Anne', 'ecole sainte anne'],
    ['School', 'school'], // nothing would be left: kept
  ])('reduces %p to %p', (name, key) => {
    expect(normaliseSchoolName(name)).toBe(key);
  });
});

describe('diceCoefficient', () => {
  it('scores shared bigrams: night / nacht share only "ht"', () => {
    // night: ni ig gh ht; nacht: na ac ch ht; 2 × 1 / (4 + 4) = 0.25
    expect(diceCoefficient('night', 'nacht')).toBe(0.25);
  });

  it('is 1 for equal strings and ignores spaces', () => {
    expect(diceCoefficient('park hall', 'parkhall')).toBe(1);
  });

  it('counts repeated bigrams only as often as both have them', () => {
    // aaaa: aa aa aa; aa: aa; shared 1; 2 × 1 / (3 + 1) = 0.5
    expect(diceCoefficient('aaaa', 'aa')).toBe(0.5);
  });
});

describe('compareWithList', () => {
  const ranked = deepFreeze([
    { urn: '103001', name: "St Mary's C of E School", rank: 1 },
    { urn: '103002', name: 'Park Hall Academy', rank: 2 },
    { urn: '103003', name: 'Washwood Heath Academy', rank: 3 },
    { urn: '103004', name: 'Holy Trinity Catholic School', rank: 4 },
    { urn: '103005', name: 'St Edmund Campion Catholic School', rank: 5 },
    { urn: '103006', name: 'Hillcrest School', rank: 6 },
    { urn: '103007', name: 'Hillcrest School', rank: 7 }, // same name in another district
    { urn: '103008', name: 'Unranked School', rank: NaN },
  ]);

  it("matches 'Saint Marys CofE School' to \"St Mary's C of E School\" by normalised name", () => {
    const list: CurrentListRecord[] = [{ sourceRow: 2, name: 'Saint Marys CofE School' }];
    const result = compareWithList(ranked, list, 3);
    expect([...result.onList]).toEqual(['103001']);
    expect(result.matches).toEqual([{ entry: list[0], urn: '103001', name: "St Mary's C of E School", method: 'name', score: 1 }]);
    expect(result.newCandidates).toEqual(['103002', '103003']);
    expect(result.unmatchedListEntries).toEqual([]);
  });

  it('matches by URN when one is given, and only by URN', () => {
    const list = deepFreeze([
      { sourceRow: 2, urn: ' 103003 ', name: 'Something Else Entirely' },
      { sourceRow: 3, urn: '999999', name: 'Park Hall Academy' }, // URN not among the ranked: unmatched
    ]);
    const result = compareWithList(ranked, list, 5);
    expect([...result.onList]).toEqual(['103003']);
    expect(result.matches[0].method).toBe('urn');
    expect(result.unmatchedListEntries).toEqual([list[1]]);
    expect(result.newCandidates).toEqual(['103001', '103002', '103004', '103005']);
  });

  it('reports a near-miss spelling as a fuzzy match with its score for confirmation', () => {
    // 'washwodheath' (12 letters, 11 bigrams: wa as sh hw wo od dh he ea at th) vs 'washwoodheath' (13 letters,
    // 12 bigrams: the same plus 'oo'): all 11 shared, so 2 × 11 / (11 + 12) = 22 / 23 = 0.9565
    const list = [{ sourceRow: 2, name: 'Washwod Heath School' }];
    const result = compareWithList(ranked, list, 3);
    expect(result.needsConfirmation).toEqual([{ entry: list[0], urn: '103003', name: 'Washwood Heath Academy', method: 'fuzzy', score: 22 / 23 }]);
    expect(result.onList.has('103003')).toBe(true);
    const strict = compareWithList(ranked, list, 3, { acceptFuzzy: false });
    expect(strict.onList.has('103003')).toBe(false);
    expect(strict.unmatchedListEntries).toEqual(list);
    expect(strict.newCandidates).toContain('103003');
  });

  it('leaves a name that fits two schools unmatched and lists both candidates', () => {
    const list = [{ sourceRow: 2, name: 'Hillcrest' }];
    const result = compareWithList(ranked, list, 10);
    expect(result.onList.size).toBe(0);
    expect(result.ambiguous).toEqual([
      { entry: list[0], candidates: [{ urn: '103006', name: 'Hillcrest School', score: 1 }, { urn: '103007', name: 'Hillcrest School', score: 1 }] },
    ]);
    expect(result.unmatchedListEntries).toEqual(list);
  });

  it('does not match dissimilar names, or entries with neither URN nor name', () => {
    const list = [{ sourceRow: 2, name: 'Kings Norton Girls School' }, { sourceRow: 3 }];
    const result = compareWithList(ranked, list, 2);
    expect(result.matches).toEqual([]);
    expect(result.unmatchedListEntries).toEqual(list);
  });

  it('takes new candidates from the top N ranked schools only, most exposed first, skipping the unranked', () => {
    const result = compareWithList(ranked, [{ sourceRow: 2, urn: '103002' }], 100);
    expect(result.newCandidates).toEqual(['103001', '103003', '103004', '103005', '103006', '103007']);
    expect(compareWithList(ranked, [], 0).newCandidates).toEqual([]);
  });
});
