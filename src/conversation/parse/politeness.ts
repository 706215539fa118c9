/** Leading words that carry no meaning for the parser ("ok, please run it now" reads "run it"). */
const LEADING = /^(?:(?:please|pls|ok|okay|right|alright|now|so|and|then|yes|yeah|yep|hi|hello|hey|great|thanks|cool|fine|can you|could you|would you|will you|i want to|i would like to|id like to|i want|i need to|lets|let us|kindly)\s+)+/;
/** Trailing words that carry no meaning ("run the analysis please", "top 10 thanks"). */
const TRAILING = /(?:\s+(?:please|pls|thanks|thank you|thankyou|now|then|for me|ok|okay|cheers))+$/;

/**
 * The words of a request without politeness around them, for patterns anchored at both ends.
 * @example withoutPoliteness('ok please run the analysis now thanks') // => 'run the analysis'
 */
export function withoutPoliteness(text: string): string {
  return text.replace(LEADING, '').replace(TRAILING, '').trim();
}

/** Words the politeness patterns read, for spelling correction. */
export const POLITE_WORDS: readonly string[] = ['please', 'okay', 'right', 'alright', 'thanks', 'would', 'could', 'kindly', 'cheers'];
