/** The parser: an utterance -> its steps (Commands, or questions), with the words each used, and no network. */
export { parseUtterance } from './parseUtterance';
export {
  readUtterance,
  RULES,
  STARTING_SUGGESTIONS,
  LONGEST_UTTERANCE,
  type ReadContext,
  type ReadStep,
  type UtteranceReading,
} from './readUtterance';
export type { ParseOutcome } from './types';
export { lexUtterance, type Tok } from './grammar/tokens';
export { keywordCost, isKnownWord } from './grammar/fuzzy';
export { EMPTY_LEXICON, nameFit, type Lexicon, type NameKind } from './grammar/lexicon';
export type { Rule, Reading, BareValue } from './grammar/rule';
export { requestAboutIndividuals, refusalText, type Refusal } from './rules/policy';
export { tokenise, quotedSegments, type Token, type QuotedSegment } from './tokenise';
export { editDistance, allowedSlips } from './editDistance';
export { readNumberWords, ordinal, ordinalSuffix, NUMBER_WORDS } from './numberWords';
export { THRESHOLD_PRESETS } from './rules/disclosure';
export {
  ROLE_PHRASES,
  ROLE_LABELS,
  PHASE_PHRASES,
  PHASE_LABELS,
  ALL_PHASES,
  FIELD_PHRASES,
  MONTHS,
  type RoleField,
} from './phrases';
