/** Loose matching of what the analyst typed: names in the workbook, and answers to a question. */
export { matchNames, plainName, type Named, type NameMatch, type MatchNamesOptions } from './matchNames';
export { matchChoice } from './matchChoice';
