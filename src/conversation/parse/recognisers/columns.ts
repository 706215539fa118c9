/** "the age column is 'Age at Offence'": which column holds a field. */
import { ROLE_SPECS, roleNamed, type FieldName } from '../../../core/schema';
import type { SheetRole } from '../../../core/types';
import { alternation, FIELD_PHRASES, phraseWords, ROLE_LABELS, ROLE_PHRASES, type RoleField } from '../phrases';
import { execSourced, type Utterance } from '../utterance';
import { understood, type ParseOutcome, type Recogniser } from '../types';

const ROLE = `(?:(?<role>${alternation(Object.keys(ROLE_PHRASES))})\\s+)?`;
const FIELD = `(?<field>${alternation(Object.keys(FIELD_PHRASES))})`;
const COLUMN_WORD = '(?:column|field|header|col|heading)';
const POLITE = '^(?:(?:please|ok|okay|now|so|then)\\s+)?';

/** Forms naming a field and a header; `needsQuotes` forms are only safe when the header is quoted. */
const FORMS: readonly { readonly pattern: RegExp; readonly needsQuotes: boolean }[] = [
  { pattern: new RegExp(`${POLITE}(?:the\\s+)?${ROLE}${FIELD}\\s+${COLUMN_WORD}\\s+(?:is|should be|=|is called|is named|is headed|is in|is column|to)\\s+(?:column\\s+|called\\s+|the\\s+)?(?<header>.+?)(?:\\s+column)?$`), needsQuotes: false },
  { pattern: new RegExp(`${POLITE}(?:use|take|read|map|set)\\s+(?:the\\s+)?(?:${COLUMN_WORD}\\s+)?(?<header>.+?)\\s+(?:${COLUMN_WORD}\\s+)?(?:for|as|to)\\s+(?:the\\s+)?${ROLE}${FIELD}(?:\\s+${COLUMN_WORD})?$`), needsQuotes: false },
  { pattern: new RegExp(`${POLITE}(?:map|set)\\s+(?:the\\s+)?${ROLE}${FIELD}(?:\\s+${COLUMN_WORD})?\\s+(?:to|as)\\s+(?:column\\s+)?(?<header>.+)$`), needsQuotes: false },
  { pattern: new RegExp(`${POLITE}(?:the\\s+)?${ROLE}${FIELD}\\s+(?:is|are)\\s+(?:in|under)\\s+(?:the\\s+)?(?:${COLUMN_WORD}\\s+)(?<header>.+)$`), needsQuotes: false },
  { pattern: new RegExp(`${POLITE}(?:the\\s+)?${ROLE}${FIELD}\\s+(?:is|are)\\s+(?:in|under)\\s+(?<header>.+)$`), needsQuotes: true },
  { pattern: new RegExp(`${POLITE}(?:the\\s+)?(?<header>.+?)\\s+is\\s+the\\s+${ROLE}${FIELD}\\s+${COLUMN_WORD}$`), needsQuotes: false },
  { pattern: new RegExp(`${POLITE}(?:the\\s+)?(?:${COLUMN_WORD}\\s+)?(?<header>.+?)\\s+(?:${COLUMN_WORD}\\s+)?(?:is|holds|has|contains|gives)\\s+(?:the\\s+)?${ROLE}${FIELD}(?:\\s+${COLUMN_WORD})?$`), needsQuotes: true },
];

/** `offences.age = Age at Offence`, the command line's --map form, read on the text as typed. */
const DOTTED = /^\s*(?:map\s+|set\s+)?(?<role>[A-Za-z]+)\.(?<field>[A-Za-z]+)\s*(?:=|:|->|\bto\b|\bis\b|\bas\b)\s*(?<header>.+?)\s*$/i;

function stripQuotes(text: string): string {
  return text.replace(/^\s*['"‘“](.*)['"’”]\s*$/u, '$1').trim();
}

/**
 * A header as typed: the quoted name inside the captured words; else the quoted name the captured
 * words are part of (a form's optional 'column' word may have taken the start of 'Column 3'); else
 * the words as typed.
 */
function headerAsTyped(u: Utterance, typed: string): string {
  const words = stripQuotes(typed);
  return u.quoted.find((name) => typed.includes(name)) ?? u.quoted.find((name) => words !== '' && name.includes(words)) ?? words;
}


function dotted(u: Utterance): ParseOutcome | undefined {
  const match = DOTTED.exec(u.source);
  if (!match?.groups) return undefined;
  const role = roleNamed(match.groups.role);
  if (!role) return undefined;
  const field = ROLE_SPECS[role].fields.map((spec) => spec.field).find((name) => name.toLowerCase() === match.groups!.field.toLowerCase());
  if (!field) return undefined;
  return understood({ kind: 'mapColumn', role, field, header: stripQuotes(match.groups.header) });
}

/**
 * What a phrase names, narrowed by a role when one is said: one field of one role; one field that
 * several roles have (the session finds the role from the headers); or different fields of
 * different roles ('easting' of the offences, the schools or the postcodes), to ask about.
 */
function fieldOf(phrase: string, rolePhrase: string | undefined): { readonly role?: SheetRole; readonly field: FieldName } | { readonly choices: readonly RoleField[] } | undefined {
  const candidates = FIELD_PHRASES[phrase] ?? [];
  const role = rolePhrase ? ROLE_PHRASES[rolePhrase] : undefined;
  const narrowed = role ? candidates.filter((candidate) => candidate.role === role) : candidates;
  if (narrowed.length === 0) return undefined;
  if (narrowed.length === 1) return narrowed[0];
  return new Set(narrowed.map((candidate) => candidate.field)).size === 1 ? { field: narrowed[0].field } : { choices: narrowed };
}

/** A header for a command line: quoted, with double quotes when it holds an apostrophe. */
function quoteHeader(header: string): string {
  return header.includes("'") ? `"${header}"` : `'${header}'`;
}

export const mapColumnRecogniser: Recogniser = {
  name: 'map a column',
  keywords: ['column', 'field', 'header', 'heading', 'map', ...phraseWords(FIELD_PHRASES)],
  example: { label: "Name a column, e.g. the age column is 'Age at Offence'", utterance: "the age column is 'Age at Offence'" },
  recognise: (u) => {
    const explicit = dotted(u);
    if (explicit) return explicit;
    for (const { pattern, needsQuotes } of FORMS) {
      if (needsQuotes && u.quoted.length === 0) continue;
      const match = execSourced(pattern, u);
      if (!match?.groups.field || !match.groups.header) continue;
      const meaning = fieldOf(match.groups.field, match.groups.role);
      const header = headerAsTyped(u, match.typed('header'));
      if (!meaning || header === '') continue;
      if ('choices' in meaning) {
        return {
          kind: 'question',
          text: `Which '${match.groups.field as string}' do you mean: ${meaning.choices.map((c) => `${ROLE_LABELS[c.role]} (${c.field})`).join(', ')}?`,
          choices: meaning.choices.map((c) => ({ label: `${ROLE_LABELS[c.role]}: ${c.field}`, utterance: `map ${c.role}.${c.field} to ${quoteHeader(header)}` })),
        };
      }
      return understood({ kind: 'mapColumn', ...(meaning.role ? { role: meaning.role } : {}), field: meaning.field, header });
    }
    return undefined;
  },
};
