/** Distinct texts remembered per column before the column is taken to hold unique values (references). */
const MAX_DISTINCT_PER_COLUMN = 65_536;

/**
 * Shares one string among the cells of a column that repeat it (offence types, ward codes, dates,
 * flags): a police extract of millions of rows has a few thousand distinct texts in most columns,
 * and a string per cell would cost tens of bytes each. A column that passes MAX_DISTINCT_PER_COLUMN
 * distinct texts (crime and offender references) stops being remembered, so the tables stay small
 * and unique columns cost nothing more than a look at the count.
 * @example const interner = new ColumnInterner(); interner.intern(0, 'Robbery') === interner.intern(0, 'Rob' + 'bery') // => true
 */
export class ColumnInterner {
  private readonly columns: (Map<string, string> | null)[] = [];

  /** The column's shared string for `text`; a column of unique texts gives a flat copy (see flatCopy). */
  intern(column: number, text: string): string {
    let seen = this.columns[column];
    if (seen === null) return flatCopy(text);
    if (seen === undefined) {
      seen = new Map();
      this.columns[column] = seen;
    }
    const shared = seen.get(text);
    if (shared !== undefined) return shared;
    if (seen.size >= MAX_DISTINCT_PER_COLUMN) {
      this.columns[column] = null;
      return flatCopy(text);
    }
    // A flat copy: a substring of the file's text would keep the whole chunk it came from alive.
    const own = flatCopy(text);
    seen.set(own, own);
    return own;
  }
}

/**
 * A string that holds its own characters: V8 makes a long substring a view into its parent (here a
 * megabyte of the file), and a view kept in a table would keep the parent with it.
 */
export function flatCopy(text: string): string {
  return text.length < 13 ? text : Buffer.from(text, 'utf16le').toString('utf16le');
}
