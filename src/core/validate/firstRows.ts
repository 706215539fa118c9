import { StringIds } from './stringIds';

/**
 * The first row of each record identity a validator has kept: an identity is a key, or a key and a
 * second part (an offence reference and an offender reference). The two parts are looked up
 * separately, so a sheet of a million rows makes no joined string per row; only a key met again
 * with another part (a co-offended crime) costs a joined one.
 * @example const rows = new FirstRows(); rows.firstOrAdd('C1', 'O1', 2); rows.firstOrAdd('C1', 'O2', 3); rows.firstOrAdd('C1', 'O1', 4) // => undefined, undefined, 2
 */
export class FirstRows {
  /** Key -> slot of the first part met with it. */
  private readonly keys: StringIds;
  private readonly parts: (string | undefined)[] = [];
  private readonly rows: number[] = [];
  /** Identities whose key was first met with another part, as key NUL part. */
  private readonly others = new Map<string, number>();

  /** `expected`: about how many identities there will be (the sheet's rows). */
  constructor(expected?: number) {
    this.keys = new StringIds(expected);
  }

  /** The row first kept with this identity; or undefined, and `row` is recorded as its first. */
  firstOrAdd(key: string, part: string | undefined, row: number): number | undefined {
    const slot = this.keys.id(key);
    if (slot === this.rows.length) {
      this.parts.push(part);
      this.rows.push(row);
      return undefined;
    }
    if (this.parts[slot] === part) return this.rows[slot];
    const joined = `${key}\u0000${part ?? ''}`;
    const first = this.others.get(joined);
    if (first === undefined) this.others.set(joined, row);
    return first;
  }
}
