/**
 * Lists in replies as tables. The dialogue answers in plain text; three kinds of list in it read
 * better as tables in a narrow pane:
 *  - ranked lines: "3. Park Hall Academy (URN 100003): exposure index 87, rank interval 2–3"
 *  - sheet lines:  "• 'Offences 2023-24' (20,046 rows): offences"
 *  - type lists:   "…: Robbery (2,368 rows); Public order (2,348 rows); XYZ1 (2 rows, not recognised); and 4 more."
 * Everything else stays text. Pure: returns segments, which the message list builds with
 * textContent only. No text is lost: what is not a cell stays in a text segment, in order.
 */

export type ReplySegment =
  | { readonly kind: 'text'; readonly text: string }
  | {
      readonly kind: 'table';
      /** What the table lists, for assistive technology (the sentence introducing it, or its kind). */
      readonly label: string;
      readonly headers: readonly string[];
      /** The column naming each row (the school, the sheet, the type): a row header. */
      readonly nameColumn: number;
      readonly rows: readonly (readonly string[])[];
    };

type Table = Extract<ReplySegment, { kind: 'table' }>;

/** "3. Park Hall (URN 100003): exposure index 87, rank interval 2–3": rank, name, id key and value, details. */
const RANKED = /^(\d+)\. (.+?) \(([A-Za-z]+) ([^()\s][^()]*)\): (.+)$/;
/** "• 'Offences 2023-24' (20,046 rows): offences" */
const SHEET = /^• (.+) \(([\d,]+) rows?\)(?:: (.+))?$/;
const ROWS_ITEM = String.raw`[^;:]+? \([\d,]+ rows?(?:, [^)]+)?\)`;
/** Two or more "Name (n rows)" items joined by '; ', maybe ending '; and n more'. */
const TYPE_LIST = new RegExp(String.raw`${ROWS_ITEM}(?:; ${ROWS_ITEM})+(?:; and \d+ more)?`);
const TYPE_ITEM = /^(.+) \(([\d,]+) rows?(?:, ([^)]+))?\)$/;
const MORE = /^and (\d+) more$/;
/** A detail such as "exposure index 87" or "rank interval 2–3": its words, then a value starting with a digit. */
const DETAIL = /^([A-Za-z][A-Za-z ]*?) (\d\S*(?: .*)?)$/;

const capitalised = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);
const unquoted = (text: string): string =>
  text.length >= 2 && text.startsWith("'") && text.endsWith("'") ? text.slice(1, -1) : text;
/** The sentence before a table, as its label: its last line, without the colon. */
const labelFrom = (prose: string, fallback: string): string =>
  prose.trim().split('\n').pop()?.replace(/:\s*$/, '').trim() || fallback;

/**
 * Ranked lines as columns: Rank, the name, its id (URN), then one column per detail when every
 * line gives the same details in the same order ("exposure index", "rank interval"), the detail
 * words as the header; a detail without a number ("on the list") goes under 'Note'. Lines whose
 * details differ keep them together under 'Details'.
 */
function rankedTable(matches: readonly RegExpExecArray[], label: string): Table {
  const idKey = matches[0][3];
  const nameHeader = idKey === 'URN' ? 'School' : idKey.toLowerCase() === 'code' ? 'Ward' : 'Name';
  const details = matches.map((match) => match[5].split(', '));
  const sameShape = details.every((parts) => parts.length === details[0].length);
  const columns: { header: string; cell: (parts: readonly string[]) => string }[] = [];
  if (sameShape) {
    details[0].forEach((_, position) => {
      const parsed = details.map((parts) => DETAIL.exec(parts[position]));
      const words = parsed[0]?.[1];
      if (words !== undefined && parsed.every((detail) => detail?.[1] === words)) {
        columns.push({
          header: capitalised(words),
          cell: (parts) => DETAIL.exec(parts[position])?.[2] ?? parts[position],
        });
      } else {
        columns.push({ header: 'Note', cell: (parts) => parts[position] });
      }
    });
  } else {
    columns.push({ header: 'Details', cell: (parts) => parts.join(', ') });
  }
  return {
    kind: 'table',
    label,
    nameColumn: 1,
    headers: ['Rank', nameHeader, idKey, ...columns.map((column) => column.header)],
    rows: matches.map((match, i) => [
      match[1],
      match[2],
      match[4],
      ...columns.map((column) => column.cell(details[i])),
    ]),
  };
}

function sheetTable(matches: readonly RegExpExecArray[], label: string): Table {
  return {
    kind: 'table',
    label,
    nameColumn: 0,
    headers: ['Sheet', 'Rows', 'Read as'],
    rows: matches.map((match) => [unquoted(match[1]), match[2], match[3] ?? '']),
  };
}

/** "A (3 rows); B (1 row, not recognised); and 4 more" -> a table, and the "and 4 more" left as text. */
function typeTable(list: string, label: string): { table: Table; more: string | null } {
  const items = list.split('; ').map((item) => item.trim());
  const more = MORE.test(items[items.length - 1]) ? (items.pop() as string) : null;
  const parsed = items.map((item) => TYPE_ITEM.exec(item));
  const noted = parsed.some((item) => item?.[3] !== undefined);
  const rows = parsed.map((item, i) =>
    item ? [item[1], item[2], ...(noted ? [item[3] ?? ''] : [])] : [items[i], '', ...(noted ? [''] : [])],
  );
  return {
    table: { kind: 'table', label, nameColumn: 0, headers: ['Offence type', 'Rows', ...(noted ? ['Note'] : [])], rows },
    more,
  };
}

/** Splits a reply into text and tables, in order. */
export function segmentReply(text: string): ReplySegment[] {
  const segments: ReplySegment[] = [];
  let prose: string[] = [];
  const flush = (): string => {
    const joined = prose.join('\n');
    if (joined.trim() !== '') segments.push({ kind: 'text', text: joined });
    prose = [];
    return joined;
  };
  const lines = text.split('\n');
  let i = 0;
  while (i < lines.length) {
    const run = lineRun(lines, i);
    if (run) {
      segments.push(run.table(labelFrom(flush(), run.fallback)));
      i += run.length;
      continue;
    }
    splitTypeLists(lines[i]);
    i++;
  }
  flush();
  return segments;

  /** Adds a line to the text, with any type lists in it taken out as tables. */
  function splitTypeLists(line: string): void {
    let rest = line;
    for (let match = TYPE_LIST.exec(rest); match; match = TYPE_LIST.exec(rest)) {
      const before = rest.slice(0, match.index).trimEnd();
      if (before !== '') prose.push(before);
      const { table, more } = typeTable(match[0], labelFrom(before, 'Offence types'));
      flush();
      segments.push(table);
      rest = rest
        .slice(match.index + match[0].length)
        .replace(/^\.\s*/, '')
        .trimStart();
      if (more) rest = `…${more}.${rest === '' ? '' : ` ${rest}`}`;
    }
    if (rest !== '' || line === '') prose.push(rest);
  }
}

/** The ranked or sheet lines starting at `start`, as one table; null when that line is neither. */
function lineRun(
  lines: readonly string[],
  start: number,
): { length: number; fallback: string; table: (label: string) => Table } | null {
  for (const [pattern, build, fallback] of [
    [RANKED, rankedTable, 'Ranked list'],
    [SHEET, sheetTable, 'Sheets'],
  ] as const) {
    const matches: RegExpExecArray[] = [];
    for (
      let match = pattern.exec(lines[start]);
      match;
      match = start + matches.length < lines.length ? pattern.exec(lines[start + matches.length]) : null
    ) {
      matches.push(match);
    }
    if (matches.length > 0) return { length: matches.length, fallback, table: (label) => build(matches, label) };
  }
  return null;
}
