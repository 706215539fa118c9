/** The parser: an utterance -> a Command (or a question, or suggestions), with no workbook and no network. */
export { parseUtterance, RECOGNISERS, VOCABULARY, STARTING_SUGGESTIONS } from './parseUtterance';
export type { ParseOutcome, Recogniser } from './types';
export { prepareUtterance, execSourced, type Utterance, type SourcedMatch } from './utterance';
export { tokenise, quotedSegments, type Token, type QuotedSegment } from './tokenise';
export { editDistance, allowedSlips } from './editDistance';
export { correctSpelling } from './correctSpelling';
export { readNumberWords, ordinal, ordinalSuffix, NUMBER_WORDS } from './numberWords';
export { withoutPoliteness } from './politeness';
export { THRESHOLD_PRESETS } from './recognisers';
export { ROLE_PHRASES, ROLE_LABELS, PHASE_PHRASES, PHASE_LABELS, ALL_PHASES, FIELD_PHRASES, MONTHS, type RoleField } from './phrases';
