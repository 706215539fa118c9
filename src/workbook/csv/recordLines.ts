/**
 * Where each record of a CSV starts, as a line number: the record's number while no record has
 * spanned lines, and after one that has, the record's number plus the line breaks held in quoted
 * fields so far. Kept as the few points where that difference changes, so memory grows with the
 * records that span lines, not with the file.
 * @example const lines = new RecordLines(); lines.record(1, 1); lines.record(2, 2); lines.record(3, 4);
 *   lines.lineOf(3) // => 4 (record 2 spans lines 2 and 3)
 */
export class RecordLines {
  private readonly fromRecord: number[] = [];
  private readonly extraLines: number[] = [];

  /** Notes that record `record` (1-based, in order) starts on line `line`. */
  record(record: number, line: number): void {
    const extra = line - record;
    const last = this.extraLines.length === 0 ? 0 : this.extraLines[this.extraLines.length - 1];
    if (extra !== last) {
      this.fromRecord.push(record);
      this.extraLines.push(extra);
    }
  }

  /** The line record `record` starts on (binary search over the change points). */
  lineOf(record: number): number {
    let low = 0;
    let high = this.fromRecord.length - 1;
    let extra = 0;
    while (low <= high) {
      const middle = (low + high) >> 1;
      if (this.fromRecord[middle] <= record) {
        extra = this.extraLines[middle];
        low = middle + 1;
      } else {
        high = middle - 1;
      }
    }
    return record + extra;
  }

  /** True when some record spans lines (line numbers then differ from record numbers). */
  get spansLines(): boolean {
    return this.fromRecord.length > 0;
  }
}
