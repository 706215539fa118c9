import { classifyOffenceType, type OffenceClassification } from './classifyOffenceType';
import { DEFAULT_SCOPE, type OffenceGroup } from './offenceGroups';

/** One distinct offence type text of a sheet, as the caller lists it. */
export interface OffenceTypeEntry {
  readonly text: string;
  readonly rows: number;
  /** The group's label, or 'Unclassified'. */
  readonly label: string;
  readonly classification: OffenceClassification;
}

export interface OffenceTypeScope {
  /** Types of a group in scope: counted. */
  readonly inScope: readonly OffenceTypeEntry[];
  /** Recognised types of a group not in scope: listed by name, not counted. */
  readonly outOfScope: readonly OffenceTypeEntry[];
  /** Types no group fits: the analyst must say whether they count. */
  readonly unclassified: readonly OffenceTypeEntry[];
}

export interface ClassifyOffenceTypesOptions {
  /** The groups counted. Default: the Home Office violence groups. */
  readonly scope?: Iterable<OffenceGroup>;
}

/** Most rows first, so the types that matter lead the list; then by text, for a stable order. */
function byRowsThenText(a: OffenceTypeEntry, b: OffenceTypeEntry): number {
  if (a.rows !== b.rows) return b.rows - a.rows;
  const byLocale = a.text.localeCompare(b.text, 'en', { sensitivity: 'base' });
  if (byLocale !== 0) return byLocale;
  return a.text < b.text ? -1 : a.text > b.text ? 1 : 0;
}

/**
 * Sorts the distinct offence types of a sheet into those counted, those recognised but not counted,
 * and those that could not be classified, each with its label and row count. A text given twice
 * has its rows added; spellings that differ stay separate entries, since the analyst sees them so.
 *
 * @example
 * classifyOffenceTypes([{ text: 'Shoplifting', rows: 40 }, { text: 'ABH', rows: 12 }, { text: 'XYZ123', rows: 3 }])
 * // => { inScope: [{ text: 'ABH', rows: 12, label: 'Violence with injury', … }],
 * //      outOfScope: [{ text: 'Shoplifting', rows: 40, label: 'Shoplifting', … }],
 * //      unclassified: [{ text: 'XYZ123', rows: 3, label: 'Unclassified', … }] }
 */
export function classifyOffenceTypes(
  types: Iterable<{ readonly text: string; readonly rows: number }>,
  options: ClassifyOffenceTypesOptions = {},
): OffenceTypeScope {
  const scope: ReadonlySet<OffenceGroup> = new Set(options.scope ?? DEFAULT_SCOPE);
  const rowsByText = new Map<string, number>();
  for (const { text, rows } of types) rowsByText.set(text, (rowsByText.get(text) ?? 0) + rows);

  const inScope: OffenceTypeEntry[] = [];
  const outOfScope: OffenceTypeEntry[] = [];
  const unclassified: OffenceTypeEntry[] = [];
  for (const [text, rows] of rowsByText) {
    const classification = classifyOffenceType(text);
    const entry: OffenceTypeEntry = { text, rows, label: classification.label, classification };
    if (classification.kind === 'unclassified') unclassified.push(entry);
    else if (scope.has(classification.group)) inScope.push(entry);
    else outOfScope.push(entry);
  }
  return {
    inScope: inScope.sort(byRowsThenText),
    outOfScope: outOfScope.sort(byRowsThenText),
    unclassified: unclassified.sort(byRowsThenText),
  };
}
