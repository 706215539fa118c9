import { CsvRecordParser } from './csvRecordParser';

/** The delimiters a CSV is tried with, in order of preference when two fit equally well. */
export const CSV_DELIMITERS = [',', ';', '\t', '|'] as const;
export type CsvDelimiter = (typeof CSV_DELIMITERS)[number];

/** How many records of the sample are compared. */
const SAMPLE_RECORDS = 100;

/**
 * The delimiter of a CSV from a sample of its start: each candidate (comma, semicolon, tab, pipe)
 * parses the sample, quotes respected, and the one whose records most often have the header's
 * number of fields wins, provided that number is more than one; then the one giving more fields;
 * then the order above. A file with one column (no candidate splits the header) is read with
 * commas. The sample's last record may be cut short, so it is left out.
 * @example detectDelimiter('Crime;Age\n"1;2";14\n3;15\n') // => ';'
 */
export function detectDelimiter(sample: string): CsvDelimiter {
  let best: { delimiter: CsvDelimiter; agreeing: number; fields: number } | undefined;
  for (const delimiter of CSV_DELIMITERS) {
    const counts = fieldCounts(sample, delimiter);
    const header = counts[0] ?? 1;
    if (header < 2) continue;
    const agreeing = counts.filter((count) => count === header).length;
    if (!best || agreeing > best.agreeing || (agreeing === best.agreeing && header > best.fields))
      best = { delimiter, agreeing, fields: header };
  }
  return best?.delimiter ?? ',';
}

/** Field counts of the sample's complete records (up to SAMPLE_RECORDS), blank lines left out. */
function fieldCounts(sample: string, delimiter: CsvDelimiter): number[] {
  const counts: number[] = [];
  const parser = new CsvRecordParser(delimiter, (fields) => {
    if (counts.length <= SAMPLE_RECORDS && !(fields.length === 1 && fields[0] === '')) counts.push(fields.length);
  });
  parser.push(sample);
  // The record in progress at the end of the sample is never emitted: it may be cut short.
  return counts.slice(0, SAMPLE_RECORDS);
}
