import type { DemoRandom } from './demoRandom';

/**
 * Invented English-sounding place names (stem + ending, sometimes "X Green", "X North"), so the demo
 * looks like a real area without naming one. Names are unique within one call.
 */
const STEMS = [
  'Alder',
  'Ash',
  'Beech',
  'Birch',
  'Bram',
  'Bridge',
  'Brook',
  'Cald',
  'Cole',
  'Crow',
  'Dun',
  'Elm',
  'Fair',
  'Fern',
  'Fox',
  'Glen',
  'Gold',
  'Hart',
  'Hazel',
  'Heath',
  'Holly',
  'Kings',
  'Lark',
  'Lime',
  'Long',
  'Marl',
  'Mill',
  'Moor',
  'Nether',
  'Oak',
  'Pen',
  'Quarry',
  'Raven',
  'Red',
  'Rook',
  'Rush',
  'Sand',
  'Sedge',
  'Stan',
  'Stone',
  'Thorn',
  'Up',
  'Wal',
  'Wether',
  'Whit',
  'Willow',
  'Wood',
  'Wren',
  'Yew',
  'Hollin',
  'Buck',
  'Col',
  'Dray',
  'Ember',
];
const ENDINGS = [
  'brook',
  'bury',
  'cote',
  'dale',
  'don',
  'field',
  'ford',
  'gate',
  'ham',
  'hill',
  'hurst',
  'ley',
  'mere',
  'more',
  'stead',
  'ton',
  'well',
  'wick',
  'wood',
  'worth',
  'by',
  'end',
  'combe',
  'croft',
];
const QUALIFIERS = ['North', 'South', 'East', 'West', 'Central', 'Green', 'Park', 'Heath', 'Common', 'Vale'];

/** A name generator; each call returns a name not returned before. */
export function createNameInventor(random: DemoRandom): () => string {
  const used = new Set<string>();
  return () => {
    for (let attempt = 0; attempt < 200; attempt += 1) {
      const stem = random.pick(STEMS);
      const ending = random.pick(ENDINGS);
      const base = stem + ending;
      const roll = random.next();
      let name = base;
      if (roll < 0.18) name = `${base} ${random.pick(QUALIFIERS)}`;
      else if (roll < 0.26) name = `${base} and ${random.pick(STEMS)}${random.pick(ENDINGS)}`;
      if (!used.has(name)) {
        used.add(name);
        return name;
      }
    }
    let serial = used.size + 1;
    while (used.has(`Newtown ${serial}`)) serial += 1;
    used.add(`Newtown ${serial}`);
    return `Newtown ${serial}`;
  };
}
