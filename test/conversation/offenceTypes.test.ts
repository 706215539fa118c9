/** Offence types typed loosely, matched to the values written in the offences sheet. */
import { typesForTerm } from '../../src/conversation/dialogue';

const TYPES = [
  { value: 'Violence without injury', rows: 340 },
  { value: 'Violence with injury', rows: 280 },
  { value: 'Robbery of personal property', rows: 90 },
  { value: 'Robbery of business property', rows: 30 },
  { value: 'Public order', rows: 120 },
  { value: 'Possession of weapons', rows: 70 },
];
const values = (term: string) => typesForTerm(term, TYPES).map((type) => type.value);

describe('typesForTerm', () => {
  it('takes the type with the same name, whatever the case', () => {
    expect(values('violence with injury')).toEqual(['Violence with injury']);
    expect(values('PUBLIC ORDER')).toEqual(['Public order']);
  });
  it('takes a whole family when the words fit several types', () => {
    expect(values('robbery')).toEqual(['Robbery of personal property', 'Robbery of business property']);
    expect(values('violence')).toEqual(['Violence without injury', 'Violence with injury']);
  });
  it('tolerates a slip and a shortened word', () => {
    expect(values('robery of personal')).toEqual(['Robbery of personal property']);
    expect(values('weapons poss')).toEqual(['Possession of weapons']);
  });
  it('finds nothing for a type the sheet does not have', () => {
    expect(values('wounding')).toEqual([]);
  });
});
