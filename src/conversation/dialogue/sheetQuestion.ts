import type { SheetRole } from '../../core/types';
import { ROLE_LABELS } from '../parse/phrases';
import type { Choice } from '../types';
import { listing, quoted, quotedForUtterance } from './format';

/**
 * The question asked when several sheets fit a role about equally well, e.g.
 * "Two sheets look like offences: 'Crimes 2020' or 'Crimes 2021'?", its choices each an utterance
 * that chooses one ("use 'Crimes 2021' for offences").
 */
export function sheetQuestion(
  role: SheetRole,
  sheets: readonly string[],
): { readonly text: string; readonly choices: readonly Choice[] } {
  const howMany = ['No', 'One', 'Two', 'Three', 'Four', 'Five', 'Six'][sheets.length] ?? String(sheets.length);
  const names = sheets.map(quoted);
  const options =
    names.length <= 2 ? names.join(' or ') : `${names.slice(0, -1).join(', ')} or ${names[names.length - 1]}`;
  return {
    text: `${howMany} sheets look like ${ROLE_LABELS[role]}: ${options}? Which one should I use?`,
    choices: sheets.map((sheet) => ({
      label: sheet,
      utterance: `use ${quotedForUtterance(sheet)} for ${ROLE_LABELS[role]}`,
    })),
  };
}

/** "'A', 'B' and 'C'". */
export function sheetList(names: readonly string[]): string {
  return listing(names.map(quoted));
}
