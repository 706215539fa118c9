import { compareWithList, diceCoefficient, normaliseSchoolName, type ListSchool } from '../../src/core/ranking';
import type { CurrentListRecord } from '../../src/core/types';
import { deepFreeze } from '../support/deepFreeze';

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

  // Reported as 'abbreviation' now ('name' is kept for names equal but for case, spacing and punctuation).
  it("matches 'Saint Marys CofE School' to \"St Mary's C of E School\" once abbreviations are read in full", () => {
    const list: CurrentListRecord[] = [{ sourceRow: 2, name: 'Saint Marys CofE School' }];
    const result = compareWithList(ranked, list, 3);
    expect([...result.onList]).toEqual(['103001']);
    expect(result.matches).toEqual([
      {
        state: 'matched',
        entry: list[0],
        urn: '103001',
        name: "St Mary's C of E School",
        method: 'abbreviation',
        score: 1,
        ranked: true,
        rank: 1,
      },
    ]);
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
    expect(result.needsConfirmation).toEqual([
      {
        state: 'matched',
        entry: list[0],
        urn: '103003',
        name: 'Washwood Heath Academy',
        method: 'fuzzy',
        score: 22 / 23,
        ranked: true,
        rank: 3,
      },
    ]);
    expect(result.onList.has('103003')).toBe(true);
    const strict = compareWithList(ranked, list, 3, { acceptFuzzy: false });
    expect(strict.onList.has('103003')).toBe(false);
    expect(strict.unmatchedListEntries).toEqual(list);
    expect(strict.newCandidates).toContain('103003');
    // Not taken, so left for the analyst to choose, as an ambiguous entry with its one candidate.
    expect(strict.needsConfirmation).toEqual([]);
    expect(strict.ambiguous).toEqual([
      {
        state: 'ambiguous',
        entry: list[0],
        reason: 'fuzzyNotAccepted',
        candidates: [{ urn: '103003', name: 'Washwood Heath Academy', score: 22 / 23, ranked: true, rank: 3 }],
      },
    ]);
  });

  it('leaves a name that fits two schools unmatched and lists both candidates', () => {
    const list = [{ sourceRow: 2, name: 'Hillcrest' }];
    const result = compareWithList(ranked, list, 10);
    expect(result.onList.size).toBe(0);
    // 'hillcrest' against 'hillcrest' once the type word 'School' is left off: 1 for both.
    expect(result.ambiguous).toEqual([
      {
        state: 'ambiguous',
        entry: list[0],
        reason: 'closeScores',
        candidates: [
          { urn: '103006', name: 'Hillcrest School', score: 1, ranked: true, rank: 6 },
          { urn: '103007', name: 'Hillcrest School', score: 1, ranked: true, rank: 7 },
        ],
      },
    ]);
    expect(result.unmatchedListEntries).toEqual(list);
    // A tie is never a clear winner, even when no margin is asked for.
    expect(compareWithList(ranked, list, 10, { fuzzyMargin: 0 }).ambiguous).toEqual(result.ambiguous);
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

describe('compareWithList, staged matching against every school of the sheet', () => {
  const entry = (sourceRow: number, name?: string, urn?: string): CurrentListRecord => ({
    sourceRow,
    ...(name === undefined ? {} : { name }),
    ...(urn === undefined ? {} : { urn }),
  });

  describe('the two failures seen on real data', () => {
    const sheet: ListSchool[] = deepFreeze([
      { urn: '200001', name: 'Ward End School', ranked: true, rank: 1 },
      { urn: '200002', name: 'Ward End Academy', ranked: true, rank: 2 },
      { urn: '200003', name: 'Aston Academy', ranked: true, rank: 3 },
      { urn: '200004', name: 'Aston High School', ranked: true, rank: 4 },
    ]);

    it("matches 'WARD END ACADEMY' to Ward End Academy by name, not to the nearby Ward End School", () => {
      // 'wardendacademy' = 'wardendacademy'; Ward End School's key is 'wardendschool'.
      const list = [entry(2, 'WARD END ACADEMY')];
      const result = compareWithList(sheet, list, 4);
      expect(result.outcomes).toEqual([
        {
          state: 'matched',
          entry: list[0],
          urn: '200002',
          name: 'Ward End Academy',
          method: 'name',
          score: 1,
          ranked: true,
          rank: 2,
        },
      ]);
      expect([...result.onList]).toEqual(['200002']);
      expect(result.unmatchedListEntries).toEqual([]);
      expect(result.newCandidates).toEqual(['200001', '200003', '200004']);
    });

    it("matches 'Aston High Sch' to Aston High School by abbreviation, not to the nearby Aston Academy", () => {
      // 'Sch' read as 'school': 'astonhighschool' = 'astonhighschool'; Aston Academy is 'astonacademy'.
      const list = [entry(2, 'Aston High Sch')];
      const result = compareWithList(sheet, list, 4);
      expect(result.outcomes).toEqual([
        {
          state: 'matched',
          entry: list[0],
          urn: '200004',
          name: 'Aston High School',
          method: 'abbreviation',
          score: 1,
          ranked: true,
          rank: 4,
        },
      ]);
      expect(result.needsConfirmation).toEqual([]);
    });

    it("still tells 'Ward End Acadmy' (a typo) from Ward End School, by the whole names", () => {
      // Whole names: 'wardendacadmy' (12 pairs) vs 'wardendacademy' (13): wa ar rd de en nd da ac ca ad my
      // shared, 2 × 11 / 25 = 0.88; vs 'wardendschool' (12): wa ar rd de en nd, 2 × 6 / 24 = 0.5.
      // Without the type word 'School' / 'Academy': 'wardendacadmy' vs 'wardend' (6): 2 × 6 / 18 = 2/3 for both.
      // Best 0.88, next max(0.5, 2/3) = 2/3: 0.21 ahead, a fuzzy match.
      const list = [entry(2, 'Ward End Acadmy')];
      const result = compareWithList(sheet, list, 4);
      expect(result.outcomes).toEqual([
        {
          state: 'matched',
          entry: list[0],
          urn: '200002',
          name: 'Ward End Academy',
          method: 'fuzzy',
          score: 22 / 25,
          ranked: true,
          rank: 2,
        },
      ]);
      expect(result.needsConfirmation).toEqual(result.outcomes);
    });
  });

  describe('names equal but for case, spacing and punctuation', () => {
    const sheet: ListSchool[] = [{ urn: '1', name: "King's Norton Girls' School", ranked: true, rank: 1 }];

    it.each(['KINGS  NORTON GIRLS SCHOOL', ' Kings-Norton Girls’ School ', "king's norton girls' school."])(
      'matches %p by name',
      (name) => {
        const list = [entry(2, name)];
        expect(compareWithList(sheet, list, 1).outcomes).toEqual([
          {
            state: 'matched',
            entry: list[0],
            urn: '1',
            name: "King's Norton Girls' School",
            method: 'name',
            score: 1,
            ranked: true,
            rank: 1,
          },
        ]);
      },
    );
  });

  describe('abbreviations', () => {
    const sheet: ListSchool[] = deepFreeze([
      { urn: '301', name: 'Aston High School', ranked: true, rank: 1 },
      { urn: '302', name: 'Perry Beeches Academy', ranked: true, rank: 2 },
      { urn: '303', name: 'Cadbury College', ranked: true, rank: 3 },
      { urn: '304', name: 'Holy Trinity Church of England School', ranked: true, rank: 4 },
      { urn: '305', name: 'Bishop Challoner Roman Catholic School', ranked: true, rank: 5 },
      { urn: '306', name: 'Saint Edmund Campion School', ranked: true, rank: 6 },
      { urn: '307', name: 'Ark Kings and Queens Academy', ranked: true, rank: 7 },
      { urn: '308', name: 'Park Hall Academy', ranked: true, rank: 8 },
      { urn: '309', name: 'The Oaks Primary School', ranked: false },
      { urn: '310', name: 'Anderton Park Primary School', ranked: false },
      { urn: '311', name: 'Hall Green Secondary School', ranked: true, rank: 9 },
      { urn: '312', name: 'Chilcote Junior School', ranked: false },
      { urn: '313', name: 'Chilcote Infant School', ranked: false },
    ]);

    it.each([
      ['Aston High Sch', '301'], // Sch → School
      ['Perry Beeches Acad', '302'], // Acad → Academy
      ['Cadbury Coll', '303'], // Coll → College
      ['Holy Trinity C of E School', '304'], // C of E → Church of England
      ['Holy Trinity CofE School', '304'],
      ['Holy Trinity CE School', '304'],
      ['Holy Trinity C.E. School', '304'],
      ['Bishop Challoner RC School', '305'], // RC → Roman Catholic
      ['Bishop Challoner R.C. School', '305'],
      ['St Edmund Campion School', '306'], // St → Saint
      ['St. Edmund Campion School', '306'],
      ['Ark Kings & Queens Academy', '307'], // & → and
      ['The Park Hall Academy', '308'], // a leading 'The' dropped from the entry…
      ['Oaks Primary School', '309'], // …or from the sheet's name
      ['Anderton Park Prim Sch', '310'], // Prim → Primary
      ['Hall Green Sec School', '311'], // Sec → Secondary
      ['Chilcote Jnr School', '312'], // Jnr / Jun → Junior (not the Infant school next door)
      ['Chilcote Jun School', '312'],
      ['Chilcote Inf School', '313'], // Inf → Infant
    ])('matches %p to URN %p by abbreviation', (name, urn) => {
      const [outcome] = compareWithList(sheet, [entry(2, name)], 0).outcomes;
      expect(outcome).toMatchObject({ state: 'matched', urn, method: 'abbreviation', score: 1 });
    });
  });

  describe('ambiguous names', () => {
    const sheet: ListSchool[] = deepFreeze([
      { urn: '401', name: 'Hillcrest School', ranked: true, rank: 1 },
      { urn: '402', name: 'Hillcrest School', ranked: false }, // same name, another district
      { urn: '403', name: 'Yardley School', ranked: true, rank: 2 },
      { urn: '404', name: 'Yardleys School', ranked: true, rank: 3 },
    ]);

    it.each([
      ['HILLCREST SCHOOL', 'equal names'],
      ['Hillcrest Sch', 'equal names once abbreviations are read'],
    ])('lists both schools called Hillcrest School for %p (%s), matching neither', (name) => {
      const list = [entry(2, name)];
      const result = compareWithList(sheet, list, 3);
      expect(result.outcomes).toEqual([
        {
          state: 'ambiguous',
          entry: list[0],
          reason: 'sameName',
          candidates: [
            { urn: '401', name: 'Hillcrest School', score: 1, ranked: true, rank: 1 },
            { urn: '402', name: 'Hillcrest School', score: 1, ranked: false },
          ],
        },
      ]);
      expect(result.ambiguous).toEqual(result.outcomes);
      expect(result.unmatchedListEntries).toEqual(list);
      expect(result.onList.size).toBe(0);
    });

    it("leaves a typo between two similar names ('Yardly School') ambiguous when the best is not 0.05 ahead", () => {
      // Whole names: 'yardlyschool' (11 pairs: ya ar rd dl ly ys sc ch ho oo ol) vs 'yardleyschool' (12):
      // all but 'ly' shared, 2 × 10 / 23 = 0.8696; vs 'yardleysschool' (13): 2 × 10 / 24 = 0.8333.
      // Without 'School': 'yardly' vs 'yardley' 2 × 4 / 11 = 0.727, vs 'yardleys' 2 × 4 / 12 = 0.667 (lower).
      // 0.8696 reaches 0.85 but is only 5/138 = 0.036 ahead of 0.8333.
      const list = [entry(2, 'Yardly School')];
      const result = compareWithList(sheet, list, 3);
      expect(result.outcomes).toEqual([
        {
          state: 'ambiguous',
          entry: list[0],
          reason: 'closeScores',
          candidates: [
            { urn: '403', name: 'Yardley School', score: 20 / 23, ranked: true, rank: 2 },
            { urn: '404', name: 'Yardleys School', score: 20 / 24, ranked: true, rank: 3 },
          ],
        },
      ]);
      // With a smaller margin required the same scores make a fuzzy match.
      expect(compareWithList(sheet, list, 3, { fuzzyMargin: 0.03 }).outcomes).toEqual([
        {
          state: 'matched',
          entry: list[0],
          urn: '403',
          name: 'Yardley School',
          method: 'fuzzy',
          score: 20 / 23,
          ranked: true,
          rank: 2,
        },
      ]);
    });

    it("takes a typo clearly nearer one school ('Washwod Heath School') as a fuzzy match for confirmation", () => {
      // Without the type word: 'washwodheath' vs 'washwoodheath' 2 × 11 / 23 = 0.9565 (whole names only 0.667);
      // Ward End School: whole 'washwodheathschool' vs 'wardendschool' share wa sc ch ho oo ol, 2 × 6 / 29 = 0.414.
      const fixture: ListSchool[] = [
        { urn: '501', name: 'Ward End School', ranked: true, rank: 1 },
        { urn: '502', name: 'Washwood Heath Academy', ranked: false },
      ];
      const list = [entry(2, 'Washwod Heath School')];
      const result = compareWithList(fixture, list, 2);
      expect(result.outcomes).toEqual([
        {
          state: 'matched',
          entry: list[0],
          urn: '502',
          name: 'Washwood Heath Academy',
          method: 'fuzzy',
          score: 22 / 23,
          ranked: false,
        },
      ]);
      expect(result.needsConfirmation).toEqual(result.outcomes);
      expect(result.onList.size).toBe(0); // matched, but to a school not ranked
      expect(result.newCandidates).toEqual(['501']);
    });
  });

  describe('schools not ranked, URNs, unmatched entries', () => {
    const sheet: ListSchool[] = deepFreeze([
      { urn: '601', name: 'Lyndon Green Junior School', ranked: true, rank: 1 },
      { urn: '602', name: 'Lyndon Green Infant School', ranked: false }, // primary phase: not ranked
      { urn: '603', name: 'Park Hall Academy', ranked: true, rank: 2 },
      { urn: '604', name: 'Aston Academy', ranked: true, rank: 3 },
      { urn: '605', name: 'Ward End Academy', ranked: true, rank: 4 },
      { urn: '606', name: 'Nechells Primary Academy', ranked: false },
    ]);

    it('matches an entry naming a school that is in the sheet but not ranked, and says so', () => {
      const list = [entry(2, 'NECHELLS PRIMARY ACADEMY')];
      const result = compareWithList(sheet, list, 2);
      expect(result.outcomes).toEqual([
        {
          state: 'matched',
          entry: list[0],
          urn: '606',
          name: 'Nechells Primary Academy',
          method: 'name',
          score: 1,
          ranked: false,
        },
      ]);
      expect(result.matches).toEqual(result.outcomes);
      expect(result.onList.size).toBe(0);
      expect(result.unmatchedListEntries).toEqual([]);
      expect(result.newCandidates).toEqual(['601', '603']);
    });

    it('matches URNs of ranked and of unranked schools, and reports a URN not in the sheet with the nearest names', () => {
      const list = [entry(2, 'Anything', ' 603 '), entry(3, undefined, '602'), entry(4, 'Park Hall Academy', '999999')];
      const result = compareWithList(sheet, list, 3);
      expect(result.outcomes).toEqual([
        {
          state: 'matched',
          entry: list[0],
          urn: '603',
          name: 'Park Hall Academy',
          method: 'urn',
          score: 1,
          ranked: true,
          rank: 2,
        },
        {
          state: 'matched',
          entry: list[1],
          urn: '602',
          name: 'Lyndon Green Infant School',
          method: 'urn',
          score: 1,
          ranked: false,
        },
        // A URN is definitive: the name is not tried, only offered among the nearest. Whole names:
        // 'parkhallacademy' (14 pairs) vs itself 1; vs 'wardendacademy' (13) ar ac ca ad de em my, 2 × 7 / 27;
        // vs 'astonacademy' (11) ac ca ad de em my, 2 × 6 / 25 = 0.48; vs 'nechellsprimaryacademy' (21)
        // ll ar ac ca ad de em my, 2 × 8 / 35 = 0.457 (fourth, left off). Without the type word all are lower.
        {
          state: 'unmatched',
          entry: list[2],
          reason: 'urnNotFound',
          nearest: [
            { urn: '603', name: 'Park Hall Academy', score: 1, ranked: true, rank: 2 },
            { urn: '605', name: 'Ward End Academy', score: 14 / 27, ranked: true, rank: 4 },
            { urn: '604', name: 'Aston Academy', score: 12 / 25, ranked: true, rank: 3 },
          ],
        },
      ]);
      expect([...result.onList]).toEqual(['603']);
      expect(result.unmatchedListEntries).toEqual([list[2]]);
      expect(result.newCandidates).toEqual(['601', '604']);
    });

    it("reports an unmatched name with its three nearest names and their scores ('Lyndon Green School')", () => {
      // 'lyndongreenschool' (16 pairs) vs 'lyndongreenjuniorschool' (22): ly yn nd do on ng gr re ee en sc ch ho oo ol
      // shared, 2 × 15 / 38 = 15/19 = 0.789 (without 'School': 'lyndongreen' vs 'lyndongreenjunior' 2 × 10 / 26 = 0.769);
      // the same for the Infant school: below 0.85, so no match. Ward End Academy without its type word:
      // 'wardend' shares nd and en with 'lyndongreen', 2 × 2 / 16 = 0.25. Aston Academy: 'aston' shares on,
      // 2 / 14 = 0.143 (fourth, left off). Park Hall Academy shares nothing.
      const list = [entry(2, 'Lyndon Green School')];
      const result = compareWithList(sheet, list, 3);
      expect(result.outcomes).toEqual([
        {
          state: 'unmatched',
          entry: list[0],
          reason: 'noCloseName',
          nearest: [
            { urn: '601', name: 'Lyndon Green Junior School', score: 15 / 19, ranked: true, rank: 1 },
            { urn: '602', name: 'Lyndon Green Infant School', score: 15 / 19, ranked: false },
            { urn: '605', name: 'Ward End Academy', score: 0.25, ranked: true, rank: 4 },
          ],
        },
      ]);
      expect(result.unmatchedListEntries).toEqual(list);
    });

    it('reports entries with neither URN nor a usable name as unmatched, with no nearest names', () => {
      const list = [entry(2), entry(3, ' -- '), entry(4, '', '  ')];
      expect(compareWithList(sheet, list, 3).outcomes).toEqual(
        list.map((e) => ({ state: 'unmatched', entry: e, reason: 'noUrnOrName', nearest: [] })),
      );
    });

    it('counts a school named by two entries once', () => {
      const list = [entry(2, 'Park Hall Academy'), entry(3, undefined, '603'), entry(4, 'The Park Hall Acad')];
      const result = compareWithList(sheet, list, 3);
      expect(result.outcomes.map((o) => (o.state === 'matched' ? [o.urn, o.method] : o.state))).toEqual([
        ['603', 'name'],
        ['603', 'urn'],
        ['603', 'abbreviation'],
      ]);
      expect([...result.onList]).toEqual(['603']);
      expect(result.matches).toHaveLength(3);
      expect(result.newCandidates).toEqual(['601', '604']);
    });

    it('gives one outcome per entry, in list order, each in exactly one summary set', () => {
      const list = [
        entry(2, 'Ward End Academy'),
        entry(3, 'Lyndon Green School'),
        entry(4, 'Nechells Primary Academy'),
      ];
      const result = compareWithList(sheet, list, 3);
      expect(result.outcomes.map((o) => [o.entry.sourceRow, o.state])).toEqual([
        [2, 'matched'],
        [3, 'unmatched'],
        [4, 'matched'],
      ]);
      expect(result.matches.map((m) => m.entry.sourceRow)).toEqual([2, 4]);
      expect(result.unmatchedListEntries.map((e) => e.sourceRow)).toEqual([3]);
    });

    it('keeps the first of two rows with the same URN, so one school is never two candidates', () => {
      const doubled: ListSchool[] = [...sheet, { urn: '603', name: 'Park Hall Academy', ranked: false }];
      expect(compareWithList(doubled, [entry(2, 'Park Hall Academy')], 0).outcomes[0]).toMatchObject({
        state: 'matched',
        urn: '603',
        ranked: true,
        rank: 2,
      });
    });
  });
});
