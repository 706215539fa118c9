/**
 * Sheets and columns: "use 'Crimes 2020' for offences", "the current VRU list is on 'VRU Schools
 * 2020'", "the age column is 'Age at Offence'", "use Reported Date as the offence date". Names are
 * read against the workbook: a sheet's or column's name is one name, whatever words it holds.
 */
import { ROLE_SPECS, roleNamed, type FieldName } from '../../../core/schema';
import type { SheetRole } from '../../../core/types';
import type { Command } from '../../commands';
import { alt, lit, map, opt, seq, span, token, type Ctx, type Parser, type Span } from '../grammar/combinators';
import { nameFit } from '../grammar/lexicon';
import { command, question, type Reading, type Rule } from '../grammar/rule';
import { ROLE_LABELS, type RoleField } from '../phrases';
import { COLUMN_WORD, fieldName, nameOf, roleName, SHEET_WORD } from './parts';

const rule = (name: string, example: [string, string], keywords: readonly string[], parser: Parser<Reading>): Rule => ({
  name,
  example: { label: example[0], utterance: example[1] },
  keywords,
  parser,
});

/** A sheet named: quoted, or words that fit a sheet of the workbook (else dear: the session asks which). */
const sheetName = nameOf(['sheet'], 7, 2.5);
/** A sheet named where the words around it say less: only a quoted name or one that fits the workbook's. */
const fittingSheet = nameOf(['sheet'], 7, null);

const quoteForUtterance = (name: string): string => (name.includes("'") ? `"${name}"` : `'${name}'`);

/** The sheet as the command holds it: as typed (the session matches it to the workbook). */
const useSheet = (role: SheetRole, sheet: Span): Reading => command({ kind: 'useSheet', role, sheet: sheet.typed });

const USE = lit(
  'use|take|read|get|pick|choose|select|try|treat|switch to|change to|go with|point at|point to|set|swap to|move to|go to|move over to|switch over to|change over to',
);
const BE = lit(
  'is|are|live|lives|sit|sits|come|comes|comes from|come from|can be found|is held|are held|are kept|is kept|should be|will be',
);
const WHERE = lit('in|on|from|at|under');

/** "use the pupil residence sheet": the role alone. Pupil residence means observed catchments (where its rows reach). */
function roleAlone(role: SheetRole, ctx: Ctx): Reading {
  if (role === 'pupilResidence') return command({ kind: 'setCatchment', model: 'observed' });
  const candidates = [...ctx.lexicon.sheetRoles].filter(([, roles]) => roles.includes(role)).map(([sheet]) => sheet);
  const assigned = ctx.lexicon.assigned[role];
  if (candidates.length === 1) return command({ kind: 'useSheet', role, sheet: candidates[0] });
  const offered = candidates.length > 0 ? candidates : ctx.lexicon.sheets;
  return question(
    `Which sheet holds the ${ROLE_LABELS[role]}?${assigned ? ` Now it is '${assigned}'.` : ''}`,
    offered
      .slice(0, 6)
      .map((sheet) => ({ label: sheet, utterance: `use ${quoteForUtterance(sheet)} for ${ROLE_LABELS[role]}` })),
    'useSheet',
  );
}

/** The workbook's sheets whose name holds every word typed. */
function sheetsWithWords(words: Span, ctx: Ctx): string[] {
  const typed = words.text.split(' ');
  return ctx.lexicon.sheets.filter((sheet) => {
    const sheetWords = sheet
      .toLowerCase()
      .replace(/['’]/g, '')
      .split(/[^\p{L}\p{N}]+/u);
    return typed.every((word) => sheetWords.includes(word));
  });
}
const sheetsHolding = (words: Span, ctx: Ctx): number | undefined =>
  sheetsWithWords(words, ctx).length > 0 ? 0 : undefined;

function sheetByPart(words: Span, ctx: Ctx): Reading {
  const sheets = sheetsWithWords(words, ctx);
  const roleOf = (sheet: string): SheetRole | undefined => ctx.lexicon.sheetRoles.get(sheet)?.[0];
  const only = sheets.length === 1 ? sheets[0] : undefined;
  const role = only ? roleOf(only) : undefined;
  if (only && role) return command({ kind: 'useSheet', role, sheet: only });
  return question(
    `Which sheet do you mean: ${sheets.map((sheet) => `'${sheet}'`).join(' or ')}? Say what it is for, e.g. "use '${sheets[0]}' for ${ROLE_LABELS[roleOf(sheets[0]) ?? 'offences']}".`,
    sheets.slice(0, 6).flatMap((sheet) => {
      const sheetRole = roleOf(sheet);
      return sheetRole
        ? [
            {
              label: `${sheet} for ${ROLE_LABELS[sheetRole]}`,
              utterance: `use ${quoteForUtterance(sheet)} for ${ROLE_LABELS[sheetRole]}`,
            },
          ]
        : [];
    }),
    'useSheet',
  );
}

/** "change the list", "use the other sheet": which sheet is meant is not said. */
function whichSheet(role: SheetRole | undefined, ctx: Ctx): Reading {
  const roles: SheetRole[] = role
    ? [role]
    : (['offences', 'currentList', 'schools', 'wards', 'pupilResidence'] as SheetRole[]);
  const choices = roles.flatMap((r) =>
    [...ctx.lexicon.sheetRoles]
      .filter(([sheet, rs]) => rs.includes(r) && ctx.lexicon.assigned[r] !== sheet)
      .map(([sheet]) => ({
        label: `${sheet} for ${ROLE_LABELS[r]}`,
        utterance: `use ${quoteForUtterance(sheet)} for ${ROLE_LABELS[r]}`,
      })),
  );
  const now = roles
    .filter((r) => ctx.lexicon.assigned[r])
    .map(
      (r) => `the ${ROLE_LABELS[r]} ${/s$/.test(ROLE_LABELS[r]) ? 'are' : 'is'} read from '${ctx.lexicon.assigned[r]}'`,
    );
  return question(
    `Which sheet, for which role?${now.length > 0 ? ` Now ${now.join('; ')}.` : ''} Only one sheet is read for each role.`,
    choices.length > 0
      ? choices.slice(0, 6)
      : [{ label: "What's in this workbook?", utterance: "what's in this workbook?" }],
    'useSheet',
  );
}

/** "include the 2019 data as well": a second sheet of a role that reads one. */
function addSheet(sheet: Span, ctx: Ctx): Reading | undefined {
  const fitting = ctx.lexicon.sheets.filter(
    (name) => nameFit({ ...ctx.lexicon, sheets: [name] }, 'sheet', sheet.typed) !== 'none',
  );
  if (fitting.length === 0) return undefined;
  const choices = fitting.flatMap((name) =>
    (ctx.lexicon.sheetRoles.get(name) ?? []).slice(0, 1).map((role) => ({
      label: `Use ${name} for ${ROLE_LABELS[role]}${ctx.lexicon.assigned[role] ? ` instead of ${ctx.lexicon.assigned[role]}` : ''}`,
      utterance: `use ${quoteForUtterance(name)} for ${ROLE_LABELS[role]}`,
    })),
  );
  return question(
    `Only one sheet is read for each role, so '${fitting.join("' or '")}' cannot be added to the one in use. Should it be used instead?`,
    choices.length > 0 ? choices : fitting.map((name) => ({ label: name, utterance: `what's in this workbook?` })),
    'useSheet',
  );
}

export const useSheetRule = rule(
  'use a sheet',
  ["Use a sheet for a role, e.g. use 'Crimes 2020' for offences", "use 'Crimes 2020' for offences"],
  ['use', 'sheet', 'tab'],
  alt<Reading>(
    map(seq(USE, opt(SHEET_WORD), sheetName, opt(SHEET_WORD), lit('for|as'), roleName), ([, , sheet, , , role]) =>
      useSheet(role, sheet),
    ),
    // "… and 'Ward boundaries' for the ward shapes": the verb said once for a list of sheets.
    map(
      seq(fittingSheet, opt(SHEET_WORD), lit('for|as'), roleName),
      ([sheet, , , role]) => useSheet(role, sheet),
      () => 0.2,
    ),
    map(
      seq(USE, roleName, lit('from|in|on|at'), opt(SHEET_WORD), opt(lit('called|named')), sheetName, opt(SHEET_WORD)),
      ([, role, , , , sheet]) => useSheet(role, sheet),
    ),
    // "use the wards sheet 'Ward population 2021'": the role, then the sheet's own name, quoted or
    // exact ('the VRU Schools 2021 list' names no sheet: not one that shares '2021').
    map(seq(USE, roleName, opt(lit('called|named|,|:')), fittingSheet, opt(SHEET_WORD)), ([, role, , sheet], ctx) =>
      sheet.quoted || ctx.lexicon.sheets.some((name) => name.toLowerCase() === sheet.typed.toLowerCase())
        ? useSheet(role, sheet)
        : undefined,
    ),
    map(
      seq(
        roleName,
        opt(SHEET_WORD),
        BE,
        opt(WHERE),
        opt(SHEET_WORD),
        opt(lit('called|named')),
        fittingSheet,
        opt(SHEET_WORD),
      ),
      ([role, , , , , , sheet]) => useSheet(role, sheet),
    ),
    map(
      seq(roleName, WHERE, opt(SHEET_WORD), fittingSheet, opt(SHEET_WORD)),
      ([role, , , sheet]) => useSheet(role, sheet),
      () => 0.3,
    ),
    map(seq(roleName, lit('=|:|sheet =|sheet :|->'), sheetName), ([role, , sheet]) => useSheet(role, sheet)),
    map(
      seq(opt(SHEET_WORD), fittingSheet, opt(SHEET_WORD), lit('is|has|holds|contains|has got|is for|gives'), roleName),
      ([, sheet, , , role]) => useSheet(role, sheet),
    ),
    map(
      seq(
        lit('switch|change|move|set|point|swap|update'),
        roleName,
        lit('to|over to|onto|to use'),
        opt(SHEET_WORD),
        sheetName,
        opt(SHEET_WORD),
      ),
      ([, role, , , sheet]) => useSheet(role, sheet),
    ),
    map(
      seq(USE, fittingSheet, roleName),
      ([, sheet, role]) => useSheet(role, sheet),
      () => 0.3,
    ),
    map(
      seq(
        roleName,
        lit('for|from|of|dated'),
        fittingSheet,
        opt(lit('is the right one|is right|is correct|should be used|is the one|please|instead')),
      ),
      ([role, , sheet]) => useSheet(role, sheet),
      () => 0.3,
    ),
    map(
      seq(
        opt(lit('use|try|switch to|take|go to')),
        lit('other|another|different|second|older|newer|previous|new'),
        roleName,
      ),
      ([, , role], ctx) => whichSheet(role, ctx),
    ),
    map(
      seq(USE, roleName),
      ([, role], ctx) => roleAlone(role, ctx),
      () => 0.5,
    ),
    // "the 2020 list": the list sheet with that year in its name (a sheet, not a date window).
    map(
      seq(
        opt(lit('look at|use|switch to|try|go with|check|compare with|against')),
        token((t) => (/^(?:19|20)\d\d$/.test(t.text) ? t.text : undefined)),
        lit('list|vru list|prevention list|schools list|programme list'),
      ),
      ([, year], ctx) => {
        const sheets = [...ctx.lexicon.sheetRoles]
          .filter(([sheet, roles]) => roles.includes('currentList') && sheet.includes(year))
          .map(([sheet]) => sheet);
        return sheets.length === 1 ? command({ kind: 'useSheet', role: 'currentList', sheet: sheets[0] }) : undefined;
      },
    ),
    // "now with the older data": another sheet, not said which.
    map(
      seq(
        opt(lit('now|and|ok|then')),
        opt(lit('with|use|using|on|try|switch to|run it on|do it with')),
        lit('the older|the newer|the earlier|the previous|older|newer|earlier|previous'),
        lit('data|sheet|extract|offences|figures|one|tab|year|list'),
      ),
      ([, , , what], ctx) =>
        whichSheet(
          /data|extract|offences|figures|year/.test(what) ? 'offences' : what === 'list' ? 'currentList' : undefined,
          ctx,
        ),
    ),
    // "use the Ward one": part of a sheet's name; asked when it is part of several.
    map(seq(USE, span(3, sheetsHolding), lit('one|sheet|tab|worksheet')), ([, words], ctx) => sheetByPart(words, ctx)),
    map(
      seq(lit('change|switch|swap|different|another'), roleName),
      ([, role], ctx) => whichSheet(role, ctx),
      () => 0.3,
    ),
    map(
      seq(
        lit('use|try|switch to|take|with|on|using|from'),
        lit('the other|another|a different|other'),
        opt(lit('one|sheet|tab|data|list|sheets|tabs')),
      ),
      (_, ctx) => whichSheet(undefined, ctx),
    ),
    map(
      seq(
        lit('include|add|use|bring in|also use|combine|merge'),
        sheetName,
        opt(lit('data|sheet|tab|offences|too|as well|also')),
        opt(lit('too|as well|also|data')),
      ),
      ([, sheet], ctx) => addSheet(sheet, ctx),
      () => 0.5,
    ),
  ),
);

// ───────────────────────────── columns

/** A header: quoted, or words that fit a column header of the workbook. */
const headerName = nameOf(['header'], 7, 2.5);

/** `offences.age`, the command line's dotted form, as a role and a field. */
const dotted: Parser<{ readonly role: SheetRole; readonly field: FieldName }> = map(
  seq(
    token((t) => roleNamed(t.text)),
    lit('.'),
    token((t) => t.text),
  ),
  ([role, , fieldText]) => {
    const field = ROLE_SPECS[role].fields.map((spec) => spec.field).find((name) => name.toLowerCase() === fieldText);
    return field ? { role, field } : undefined;
  },
);

/**
 * What a field phrase names, narrowed by a role when one is said: one field of one role, one field
 * several roles have (the session finds the role), or different fields of different roles (asked).
 */
function mapOrAsk(
  phrase: string,
  fields: readonly RoleField[],
  role: SheetRole | undefined,
  header: Span,
): Reading | undefined {
  const narrowed = role ? fields.filter((candidate) => candidate.role === role) : fields;
  if (narrowed.length === 0) return undefined;
  const typed = header.typed.trim();
  if (narrowed.length === 1)
    return command({ kind: 'mapColumn', role: narrowed[0].role, field: narrowed[0].field, header: typed });
  if (new Set(narrowed.map((candidate) => candidate.field)).size === 1)
    return command({ kind: 'mapColumn', field: narrowed[0].field, header: typed });
  return question(
    `Which '${phrase}' do you mean: ${narrowed.map((c) => `${ROLE_LABELS[c.role]} (${c.field})`).join(', ')}?`,
    narrowed.map((c) => ({
      label: `${ROLE_LABELS[c.role]}: ${c.field}`,
      utterance: `map ${c.role}.${c.field} to ${quoteForUtterance(typed)}`,
    })),
    'mapColumn',
  );
}

/** "the age column is wrong", "map the date column": which header, not said. */
function askHeader(phrase: string, fields: readonly RoleField[], ctx: Ctx): Reading {
  const role = fields[0].role;
  const headers = ctx.lexicon.headersByRole?.[role] ?? [];
  const field = fields[0].field;
  return question(
    `Which column holds the ${phrase}?${headers.length > 0 ? ` The headers of '${ctx.lexicon.assigned[role] ?? role}' are ${headers.map((h) => `'${h}'`).join(', ')}.` : ''}`,
    headers
      .slice(0, 8)
      .map((header) => ({ label: header, utterance: `map ${role}.${field} to ${quoteForUtterance(header)}` })),
    'mapColumn',
  );
}

const IS = lit(
  'is|should be|=|is called|is named|is headed|is in|to|are|are in|is under|are under|:|lives in|sits in|comes from|is column',
);
const field = fieldName;
const roleThenField = seq(opt(roleName), field);

export const mapColumnRule = rule(
  'map a column',
  ["Name a column, e.g. the age column is 'Age at Offence'", "the age column is 'Age at Offence'"],
  ['column', 'field', 'header', 'map'],
  alt<Reading>(
    map(seq(opt(lit('map|set')), dotted, lit('=|:|->|to|is|as'), headerName), ([, d, , header]) =>
      command({ kind: 'mapColumn', role: d.role, field: d.field, header: header.typed.trim() }),
    ),
    map(
      seq(roleThenField, COLUMN_WORD, IS, opt(lit('column|called')), headerName, opt(COLUMN_WORD)),
      ([[role, f], , , , header]) => mapOrAsk(f.phrase, f.fields, role, header),
    ),
    map(
      seq(
        lit('use|take|read|map|set|get'),
        opt(COLUMN_WORD),
        headerName,
        opt(COLUMN_WORD),
        lit('for|as|to'),
        roleThenField,
        opt(COLUMN_WORD),
      ),
      ([, , header, , , [role, f]]) => mapOrAsk(f.phrase, f.fields, role, header),
    ),
    map(
      seq(lit('map|set|point'), roleThenField, opt(COLUMN_WORD), lit('to|as|at'), opt(COLUMN_WORD), headerName),
      ([, [role, f], , , , header]) => mapOrAsk(f.phrase, f.fields, role, header),
    ),
    map(
      seq(
        roleThenField,
        opt(seq(lit('for|of|per'), opt(lit('each|every|the')), lit('offender|offence|row|school|crime|record'))),
        lit('is|are|comes|come'),
        lit('in|under|from'),
        opt(COLUMN_WORD),
        headerName,
        opt(COLUMN_WORD),
      ),
      ([[role, f], , , , , header]) => mapOrAsk(f.phrase, f.fields, role, header),
    ),
    map(
      seq(roleThenField, lit('is|are|='), headerName),
      ([[role, f], , header]) => mapOrAsk(f.phrase, f.fields, role, header),
      ([, , header], ctx) => (header.quoted || nameFit(ctx.lexicon, 'header', header.typed) !== 'none' ? 0 : 3),
    ),
    map(seq(headerName, lit('is'), lit('the'), roleThenField, COLUMN_WORD), ([header, , , [role, f]]) =>
      mapOrAsk(f.phrase, f.fields, role, header),
    ),
    map(
      seq(
        opt(COLUMN_WORD),
        headerName,
        opt(COLUMN_WORD),
        lit('is|holds|has|contains|gives|has got|shows'),
        roleThenField,
        opt(COLUMN_WORD),
      ),
      ([, header, , , [role, f]]) => mapOrAsk(f.phrase, f.fields, role, header),
      ([, header], ctx) => (header.quoted || nameFit(ctx.lexicon, 'header', header.typed) !== 'none' ? 0 : 2),
    ),
    map(
      seq(
        roleThenField,
        COLUMN_WORD,
        lit(
          'is wrong|is not right|isnt right|is incorrect|needs changing|is missing|is broken|looks wrong|is the wrong one|wrong',
        ),
      ),
      ([[, f]], ctx) => askHeader(f.phrase, f.fields, ctx),
    ),
    map(seq(lit('map|set|fix|change|choose|pick'), roleThenField, COLUMN_WORD), ([, [, f]], ctx) =>
      askHeader(f.phrase, f.fields, ctx),
    ),
    map(seq(lit('wrong'), roleThenField, COLUMN_WORD), ([, [, f]], ctx) => askHeader(f.phrase, f.fields, ctx)),
  ),
);

/** The commands these rules give that name a sheet or a column. */
export type SheetCommand = Extract<Command, { kind: 'useSheet' | 'mapColumn' }>;
