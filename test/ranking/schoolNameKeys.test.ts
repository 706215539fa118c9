import { abbreviationNameKey, canonicalNameWords, exactNameKey, fuzzyNameKey } from '../../src/core/ranking';

describe('exactNameKey', () => {
  it.each([
    ['WARD END  ACADEMY', 'wardendacademy'],
    ["King's Norton Girls' School", 'kingsnortongirlsschool'],
    ['Kings-Norton Girls’ School.', 'kingsnortongirlsschool'],
    ['École Sainte-Anne', 'ecolesainteanne'],
    ['St Mary & St John', 'stmarystjohn'], // '&' is punctuation here; read as 'and' only with the abbreviations
    [' -- ', ''],
  ])('reduces %p to %p, expanding nothing', (name, key) => {
    expect(exactNameKey(name)).toBe(key);
  });
});

describe('canonicalNameWords', () => {
  it.each([
    ['The St. Marys C of E Prim Sch', ['saint', 'marys', 'ce', 'primary', 'school']],
    ['St Marys Church of England Primary School', ['saint', 'marys', 'ce', 'primary', 'school']],
    ['Holy Trinity CofE Acad', ['holy', 'trinity', 'ce', 'academy']],
    ['Holy Trinity C.E. Coll', ['holy', 'trinity', 'ce', 'college']],
    ['Bishop Challoner R.C. Sec Schl', ['bishop', 'challoner', 'rc', 'secondary', 'school']],
    ['Bishop Challoner Roman Catholic', ['bishop', 'challoner', 'rc']],
    ['Chilcote Jnr & Inf', ['chilcote', 'junior', 'and', 'infant']],
    ["Chilcote Juniors' School", ['chilcote', 'junior', 'school']],
    ['Ste Anne Nurs', ['sainte', 'anne', 'nursery']],
    ['The', ['the']], // nothing would be left: kept
  ])('reads %p as %p', (name, words) => {
    expect(canonicalNameWords(name)).toEqual(words);
  });

  it('does not rewrite abbreviations inside longer words', () => {
    // 'Stechford' keeps its 'St', 'Schools' is not 'Sch', 'Celtic' is not 'CE'.
    expect(canonicalNameWords('Stechford Schools Celtic')).toEqual(['stechford', 'schools', 'celtic']);
  });
});

describe('abbreviationNameKey', () => {
  it('keeps School and Academy apart (the Ward End case) while reading Sch as School', () => {
    expect(abbreviationNameKey('Ward End Academy')).not.toBe(abbreviationNameKey('Ward End School'));
    expect(abbreviationNameKey('Aston High Sch')).toBe('astonhighschool');
  });
});

describe('fuzzyNameKey', () => {
  it.each([
    ['Washwood Heath Academy', 'washwood heath'],
    ['Washwood Heath School', 'washwood heath'],
    ['The Park Hall Academy School', 'park hall'],
    ['Cadbury Coll', 'cadbury college'],
    ['School', 'school'],
  ])('reduces %p to %p', (name, key) => {
    expect(fuzzyNameKey(name)).toBe(key);
  });
});
