/** "use 'Crimes 2020' for offences": which sheet plays a role. */
import { roleNamed } from '../../../core/schema';
import type { SheetRole } from '../../../core/types';
import { alternation, phraseWords, ROLE_PHRASES } from '../phrases';
import { execSourced, type Utterance } from '../utterance';
import { understood, type Recogniser } from '../types';

const ROLE = `(?<role>${alternation(Object.keys(ROLE_PHRASES))})`;
const SHEET_WORD = '(?:sheet|tab|worksheet|data)';
const POLITE = '^(?:(?:please|ok|okay|now|so|then)\\s+)?';

/** Forms that name the role and the sheet; `needsMarker` forms need quotes or the word 'sheet' to be sure. */
const FORMS: readonly { readonly pattern: RegExp; readonly needsMarker: boolean }[] = [
  { pattern: new RegExp(`${POLITE}(?:use|take|read|get|pick|choose|select|try|treat)\\s+(?:the\\s+)?(?:${SHEET_WORD}\\s+)?(?<sheet>.+?)\\s+(?:${SHEET_WORD}\\s+)?(?:for|as)\\s+(?:the\\s+|my\\s+|our\\s+)?${ROLE}(?:\\s+${SHEET_WORD})?$`), needsMarker: false },
  { pattern: new RegExp(`${POLITE}(?:use|take|read|get)\\s+(?:the\\s+|my\\s+|our\\s+)?${ROLE}\\s+(?:from|in|on)\\s+(?:the\\s+)?(?:${SHEET_WORD}\\s+)?(?:called\\s+|named\\s+)?(?<sheet>.+?)(?:\\s+${SHEET_WORD})?$`), needsMarker: false },
  { pattern: new RegExp(`${POLITE}(?:the\\s+|my\\s+|our\\s+)?${ROLE}\\s+(?:${SHEET_WORD}\\s+)?(?:is|are|live|lives|sit|sits|come|comes)\\s+(?:in\\s+|on\\s+|from\\s+)?(?:the\\s+)?(?:${SHEET_WORD}\\s+)?(?:called\\s+|named\\s+)?(?<sheet>.+?)(?:\\s+${SHEET_WORD})?$`), needsMarker: true },
  { pattern: new RegExp(`${POLITE}(?:the\\s+|my\\s+|our\\s+)?${ROLE}\\s+(?:from|in|on)\\s+(?:the\\s+)?(?:${SHEET_WORD}\\s+)?(?<sheet>.+?)(?:\\s+${SHEET_WORD})?$`), needsMarker: true },
  { pattern: new RegExp(`${POLITE}(?:the\\s+)?(?:${SHEET_WORD}\\s+)?(?<sheet>.+?)\\s+(?:is|has|holds|contains|has got)\\s+(?:the\\s+|my\\s+|our\\s+)?${ROLE}(?:\\s+${SHEET_WORD})?$`), needsMarker: true },
];

/** `offences = Crimes 2021` or `offences: 'Crimes 2021'`, read on the text as typed. */
const ASSIGNMENT = /^\s*(?<role>[\p{L} ]+?)\s*[:=]\s*(?<sheet>.+?)\s*$/u;

function stripQuotes(text: string): string {
  return text.replace(/^\s*['"‘“](.*)['"’”]\s*$/u, '$1').trim();
}

/**
 * The sheet as typed: the quoted name inside the captured words; else the quoted name the captured
 * words are part of (a form's optional 'sheet' word may have taken the start of 'Sheet 1'); else
 * the words as typed.
 */
function sheetAsTyped(u: Utterance, typed: string): string {
  const words = stripQuotes(typed);
  return u.quoted.find((name) => typed.includes(name)) ?? u.quoted.find((name) => words !== '' && name.includes(words)) ?? words;
}

function roleOf(phrase: string): SheetRole | undefined {
  return ROLE_PHRASES[phrase] ?? roleNamed(phrase);
}

export const useSheetRecogniser: Recogniser = {
  name: 'use a sheet',
  keywords: ['use', 'sheet', 'tab', 'worksheet', 'take', 'read', 'pick', 'choose', 'select', ...phraseWords(ROLE_PHRASES)],
  example: { label: "Use a sheet for a role, e.g. use 'Crimes 2020' for offences", utterance: "use 'Crimes 2020' for offences" },
  recognise: (u) => {
    const assignment = ASSIGNMENT.exec(u.source);
    if (assignment?.groups && !assignment.groups.role.includes('.')) {
      const role = roleOf(assignment.groups.role.trim().toLowerCase());
      if (role) return understood({ kind: 'useSheet', role, sheet: stripQuotes(assignment.groups.sheet) });
    }
    const marked = u.quoted.length > 0 || /\b(?:sheet|tab|worksheet)\b/.test(u.text);
    for (const { pattern, needsMarker } of FORMS) {
      if (needsMarker && !marked) continue;
      const match = execSourced(pattern, u);
      if (!match?.groups.role) continue;
      const role = roleOf(match.groups.role);
      const sheet = sheetAsTyped(u, match.typed('sheet'));
      if (role && sheet !== '') return understood({ kind: 'useSheet', role, sheet });
    }
    return undefined;
  },
};
