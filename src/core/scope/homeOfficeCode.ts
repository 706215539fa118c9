import type { OffenceGroup } from './offenceGroups';

/** A Home Office offence classification code as written in an extract: '34B', '001/01', 'HO 5/1'. */
export interface HomeOfficeCode {
  readonly classNumber: number;
  readonly letter?: string;
  readonly subclass?: number;
}

/** Words that may introduce a code: 'HO 34B', 'HOC 8N', 'Home Office code 1/1', 'Class 10'. */
const PREFIX_WORDS: ReadonlySet<string> = new Set(['ho', 'hoc', 'home', 'office', 'code', 'class']);

/**
 * Reads a text that is nothing but a Home Office code. A bare number with no 'HO' prefix, letter
 * or subclass is not taken as a code: forces number their local types too, and a wrong guess would
 * count them.
 *
 * @example parseHomeOfficeCode(['034', 'b']) // => { classNumber: 34, letter: 'b' }
 * @example parseHomeOfficeCode(['ho', '1', '1']) // => { classNumber: 1, subclass: 1 }
 * @example parseHomeOfficeCode(['34']) // => undefined
 */
export function parseHomeOfficeCode(words: readonly string[]): HomeOfficeCode | undefined {
  let start = 0;
  while (start < words.length && PREFIX_WORDS.has(words[start])) start += 1;
  const rest = words.slice(start);
  const match = /^([0-9]{1,3})(?: ([a-z]))?(?: ([0-9]{1,3}))?$/.exec(rest.join(' '));
  if (!match) return undefined;
  const [, classText, letter, subclassText] = match;
  if (start === 0 && letter === undefined && subclassText === undefined) return undefined;
  return {
    classNumber: Number(classText),
    ...(letter !== undefined ? { letter } : {}),
    ...(subclassText !== undefined ? { subclass: Number(subclassText) } : {}),
  };
}

/**
 * The group of a code, for the classes whose group does not depend on the subclass. Class 8 is
 * read as violence against the person without a subgroup: it has held both woundings and
 * harassment. Codes not listed here are left unclassified for the analyst to name.
 *
 * @example homeOfficeCodeGroup({ classNumber: 34, letter: 'a' }) // => { group: 'robbery', subgroup: 'Robbery of business property' }
 * @example homeOfficeCodeGroup({ classNumber: 28, letter: 'a' }) // => undefined
 */
export function homeOfficeCodeGroup(
  code: HomeOfficeCode,
): { readonly group: OffenceGroup; readonly subgroup?: string } | undefined {
  switch (code.classNumber) {
    case 1:
      return { group: 'homicide', subgroup: 'Murder' };
    case 5:
      return { group: 'violenceWithInjury' };
    case 8:
      return { group: 'violenceAgainstThePerson' };
    case 10:
      return { group: 'possessionOfWeapons' };
    case 34:
      if (code.letter === 'a') return { group: 'robbery', subgroup: 'Robbery of business property' };
      if (code.letter === 'b') return { group: 'robbery', subgroup: 'Robbery of personal property' };
      return { group: 'robbery' };
    default:
      return undefined;
  }
}
