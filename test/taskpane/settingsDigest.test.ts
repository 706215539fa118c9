import { settingsDigest } from '../../src/taskpane/ui/settingsDigest';

const lines = [
  { label: 'Ages', value: '10–17', brief: 'Ages 10–17' },
  { label: 'Dates', value: 'all dates' },
  { label: 'Phases ranked', value: 'secondary and all-through', brief: 'secondary, all-through' },
  { label: 'Small counts', value: 'counts 1–4 withheld as [c]; zeros shown', brief: 'counts 1–4 withheld' },
  { label: 'Top group', value: 'top 20', brief: 'top 20' },
];

describe('the one-line digest of the current choices', () => {
  it('reads as the briefs in order, dotted, leaving out the lines without one', () => {
    expect(settingsDigest(lines, null).join(' ')).toBe(
      'Ages 10–17 · secondary, all-through · counts 1–4 withheld · top 20',
    );
  });

  it('keeps each choice in one segment with its dot, so a line breaks only between choices', () => {
    expect(settingsDigest(lines, null)).toEqual([
      'Ages 10–17 ·',
      'secondary, all-through ·',
      'counts 1–4 withheld ·',
      'top 20',
    ]);
  });

  it('ends with the boundaries file once one is picked', () => {
    expect(settingsDigest(lines, 'wards.geojson').slice(-2)).toEqual(['top 20 ·', 'boundaries from wards.geojson']);
  });

  it('is empty before the dialogue has sent its choices', () => {
    expect(settingsDigest([], null)).toEqual([]);
  });
});
