/**
 * Strings numbered from 0 in the order first met: the job of a `Map<string, number>`, for a
 * million distinct references (every offence's, every offender's). A Map that size spends most of
 * its time growing and chasing its entries; this table is an open-addressing array of numbers,
 * sized from the expected count up front, so a lookup hashes the text and reads a typed array.
 * The hash (FNV-1a over UTF-16 code units) only spreads the strings: equal texts are still
 * compared as strings, so any two different strings get different numbers.
 * @example const ids = new StringIds(); ids.id('C1'); ids.id('C2'); ids.id('C1') // => 0, 1, 0
 */
export class StringIds {
  /** Slot -> id + 1 (0: empty). Its length is a power of two, at least twice the strings held. */
  private table: Int32Array;
  private readonly texts: string[] = [];
  /** Each string's hash, by id, so growing the table reads no string again. */
  private hashes: Int32Array;

  /** `expected`: about how many distinct strings will be met (more only costs growing). */
  constructor(expected = 16) {
    let size = 16;
    while (size < 2 * expected) size *= 2;
    this.table = new Int32Array(size);
    this.hashes = new Int32Array(Math.max(expected, 16));
  }

  get size(): number {
    return this.texts.length;
  }

  /** The string numbered `id`. */
  text(id: number): string {
    return this.texts[id];
  }

  /** Every string, by number (the list itself: not to be changed). */
  all(): readonly string[] {
    return this.texts;
  }

  /** The number of `text`, or -1 when it has none. */
  find(text: string): number {
    const mask = this.table.length - 1;
    for (let slot = hashOf(text) & mask; ; slot = (slot + 1) & mask) {
      const entry = this.table[slot];
      if (entry === 0) return -1;
      if (this.texts[entry - 1] === text) return entry - 1;
    }
  }

  /** The number of `text`, the next one when it is met for the first time. */
  id(text: string): number {
    const hash = hashOf(text);
    const mask = this.table.length - 1;
    let slot = hash & mask;
    for (; ; slot = (slot + 1) & mask) {
      const entry = this.table[slot];
      if (entry === 0) break;
      if (this.texts[entry - 1] === text) return entry - 1;
    }
    const id = this.texts.length;
    this.texts.push(text);
    if (id === this.hashes.length) {
      const hashes = new Int32Array(id * 2);
      hashes.set(this.hashes);
      this.hashes = hashes;
    }
    this.hashes[id] = hash;
    this.table[slot] = id + 1;
    if (2 * this.texts.length > this.table.length) this.grow();
    return id;
  }

  /** Twice the slots, every string placed again by its kept hash. */
  private grow(): void {
    const table = new Int32Array(this.table.length * 2);
    const mask = table.length - 1;
    for (let id = 0; id < this.texts.length; id += 1) {
      let slot = this.hashes[id] & mask;
      while (table[slot] !== 0) slot = (slot + 1) & mask;
      table[slot] = id + 1;
    }
    this.table = table;
  }
}

/** FNV-1a over the UTF-16 code units of `text`, as a 32-bit integer. */
function hashOf(text: string): number {
  let hash = 0x811c9dc5 | 0;
  for (let i = 0; i < text.length; i += 1) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash;
}
