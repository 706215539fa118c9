import { classifyOffenceType, groupLabel, OFFENCE_GROUP_FAMILIES } from '../../scope';
import type { AnalysisParameters, Issue, OffenceRecord, Remedy } from '../../types';
import { blocking } from './problems';
import { isoDay } from '../../isoDay';

/** One offence type as written in the sheet, with what it was read as and how many valid rows carry it. */
export interface OffenceTypeCount {
  readonly text: string;
  /** The Home Office group it belongs to ('Robbery', 'Theft offences'), or 'not classified'. */
  readonly group: string;
  readonly rows: number;
  /** Rows of this type with the knife or weapon flag set. */
  readonly weaponRows: number;
}

/** The offence types of the offences sheet by what happens to them, most rows first. */
export interface OffenceTypeTally {
  /** 'default': the Home Office violence groups; 'chosen': the analyst's list. */
  readonly rule: 'default' | 'chosen';
  readonly counted: readonly OffenceTypeCount[];
  readonly notCounted: readonly OffenceTypeCount[];
  /** Types not classified (local codes), never counted silently: the analyst chooses. */
  readonly unclassified: readonly OffenceTypeCount[];
}

export interface ScopeResult {
  readonly inScope: readonly OffenceRecord[];
  readonly issues: readonly Issue[];
  readonly types: OffenceTypeTally;
  /** Rows left out by each scope rule (each row by its first reason: age, then type, then date). */
  readonly excluded: { readonly age: number; readonly type: number; readonly date: number };
  readonly summary: string;
  /** Set when nothing is in scope: the run stops with the breakdown. */
  readonly problem?: Issue;
}

/** In a chosen list: every type in the sheet. */
export const EVERY_OFFENCE_TYPE = 'all';
/** In a chosen list: the Home Office violence groups (the default), so "violence; criminal damage" adds to them. */
export const VIOLENCE_GROUPS = 'violence';

const DAY_MS = 86_400_000;
const startOfDay = (date: Date): number => Math.floor(date.getTime() / DAY_MS) * DAY_MS;
const day = (date: Date): string => isoDay(date);
const key = (text: string): string => text.trim().toLowerCase().replace(/\s+/g, ' ');
const verb = (count: number, one: string, many: string): string => (count === 1 ? one : many);
/**
 * A value made once per distinct key (a type's test, an age's text, a day), however many rows need
 * it: a sheet repeats a few types, ages and days on many rows.
 */
function remembered<K, V>(make: (key: K) => V): (key: K) => V {
  const made = new Map<K, V>();
  return (key) => {
    const known = made.get(key);
    if (known !== undefined || made.has(key)) return known as V;
    const value = make(key);
    made.set(key, value);
    return value;
  };
}
const rows = (count: number): string => `${count.toLocaleString('en-GB')} row${count === 1 ? '' : 's'}`;

/**
 * Whether a type is counted. With no choice made, the Home Office violence groups are (violence
 * against the person, homicide, robbery, possession of weapons). A chosen list names types as
 * written in the sheet, groups by their id or label ('criminal damage and arson'), 'violence' for
 * the default groups, or 'all' for every type.
 */
export function offenceTypeRule(parameters: Pick<AnalysisParameters, 'offenceTypes'>): (text: string) => boolean {
  const violence = (text: string): boolean => classifyOffenceType(text).kind === 'violence';
  if (parameters.offenceTypes.length === 0) return violence;
  const chosen = new Set(parameters.offenceTypes.map(key));
  if (chosen.has(EVERY_OFFENCE_TYPE)) return () => true;
  return (text) => {
    if (chosen.has(key(text)) || (chosen.has(VIOLENCE_GROUPS) && violence(text))) return true;
    const classification = classifyOffenceType(text);
    if (classification.kind === 'unclassified') return false;
    const { group } = classification;
    // A group is chosen by its id, its label, or the family it belongs to ('Violence against the person').
    return (
      chosen.has(key(group)) || chosen.has(key(groupLabel(group))) || chosen.has(key(OFFENCE_GROUP_FAMILIES[group]))
    );
  };
}

/** Every distinct type of the valid rows, tallied and split by the rule. */
function tallyTypes(
  offences: readonly OffenceRecord[],
  counted: (text: string) => boolean,
  rule: OffenceTypeTally['rule'],
): OffenceTypeTally {
  const byKey = new Map<string, { text: string; rows: number; weaponRows: number }>();
  // A sheet repeats a few types on many rows: each distinct text is keyed once.
  const byText = new Map<string, { text: string; rows: number; weaponRows: number }>();
  for (const offence of offences) {
    let entry = byText.get(offence.offenceType);
    if (entry === undefined) {
      const k = key(offence.offenceType);
      entry = byKey.get(k) ?? { text: offence.offenceType.trim(), rows: 0, weaponRows: 0 };
      byKey.set(k, entry);
      byText.set(offence.offenceType, entry);
    }
    entry.rows += 1;
    if (offence.weapon) entry.weaponRows += 1;
  }
  const tally: { counted: OffenceTypeCount[]; notCounted: OffenceTypeCount[]; unclassified: OffenceTypeCount[] } = {
    counted: [],
    notCounted: [],
    unclassified: [],
  };
  for (const entry of byKey.values()) {
    const classification = classifyOffenceType(entry.text);
    const group = classification.kind === 'unclassified' ? 'not classified' : groupLabel(classification.group);
    const item = { ...entry, group };
    if (counted(entry.text)) tally.counted.push(item);
    else if (classification.kind === 'unclassified') tally.unclassified.push(item);
    else tally.notCounted.push(item);
  }
  const order = (a: OffenceTypeCount, b: OffenceTypeCount): number => b.rows - a.rows || a.text.localeCompare(b.text);
  return {
    rule,
    counted: tally.counted.sort(order),
    notCounted: tally.notCounted.sort(order),
    unclassified: tally.unclassified.sort(order),
  };
}

/**
 * Keeps the valid offences the analyst asked about: age at offence within the band (inclusive),
 * offence type counted as violence (offenceTypeRule), date within the window. Each row left out
 * gets an info Issue naming why, so every row reconciles; a type that could not be classified is a
 * warning, as it may be violence under a local code. With nothing in scope the result carries the
 * problem that stops the run, with how many rows each rule left out.
 */
export function scopeOffences(
  offences: readonly OffenceRecord[],
  parameters: AnalysisParameters,
  context: {
    readonly sheet: string;
    readonly columns: { readonly age: string; readonly offenceType: string; readonly offenceDate: string };
  },
): ScopeResult {
  const [youngest, oldest] = parameters.ageBand;
  const counted = remembered(offenceTypeRule(parameters));
  const rule = parameters.offenceTypes.length === 0 ? 'default' : 'chosen';
  const types = tallyTypes(offences, counted, rule);
  const unclassifiedKeys = new Set(types.unclassified.map((t) => key(t.text)));
  const isUnclassified = remembered((text: string) => unclassifiedKeys.has(key(text)));
  const inScope: OffenceRecord[] = [];
  const issues: Issue[] = [];
  const excluded = { age: 0, type: 0, date: 0 };
  const window = `${parameters.dateFrom ? day(parameters.dateFrom) : 'the first offence'} to ${parameters.dateTo ? day(parameters.dateTo) : 'the last'}`;
  // The window is of whole days: an offence at 14:30 on its last day is in it.
  const from = parameters.dateFrom ? startOfDay(parameters.dateFrom) : -Infinity;
  const until = parameters.dateTo ? startOfDay(parameters.dateTo) + DAY_MS : Infinity;
  // A large extract leaves hundreds of thousands of rows out of scope, each with an issue kept to
  // the end of the run. Their messages differ only in the row number, so each is the sheet's
  // prefix, the row, and a tail shared by every row of the same age, type or day (made once):
  // the same text, at a fraction of the memory of a whole message per row.
  const prefix = `Sheet '${context.sheet}', row `;
  const ageTail = remembered(
    (age: number) =>
      `, column '${context.columns.age}': age ${age} is outside the age band ${youngest}–${oldest}; the row is not counted.`,
  );
  const typeTail = remembered((type: string) =>
    isUnclassified(type)
      ? `, column '${context.columns.offenceType}': '${type}' is not an offence type this product can classify; the row is not counted unless the type is chosen.`
      : `, column '${context.columns.offenceType}': '${type}' is not among the offence types counted as violence; the row is not counted.`,
  );
  const dayText = remembered((time: number) => day(new Date(time)));
  const dateTail = remembered(
    (time: number) =>
      `, column '${context.columns.offenceDate}': ${dayText(time)} is outside the date window ${window}; the row is not counted.`,
  );
  const ageText = remembered((age: number) => String(age));
  for (const offence of offences) {
    if (offence.age < youngest || offence.age > oldest) {
      excluded.age += 1;
      issues.push({
        sheet: context.sheet,
        row: offence.sourceRow,
        column: context.columns.age,
        value: ageText(offence.age),
        severity: 'info',
        code: 'ageOutsideBand',
        message: `${prefix}${offence.sourceRow}${ageTail(offence.age)}`,
      });
    } else if (!counted(offence.offenceType)) {
      excluded.type += 1;
      const local = isUnclassified(offence.offenceType);
      issues.push({
        sheet: context.sheet,
        row: offence.sourceRow,
        column: context.columns.offenceType,
        value: offence.offenceType,
        severity: local ? 'warning' : 'info',
        code: local ? 'offenceTypeUnclassified' : 'offenceTypeOutOfScope',
        message: `${prefix}${offence.sourceRow}${typeTail(offence.offenceType)}`,
      });
    } else if (offence.offenceDate.getTime() < from || offence.offenceDate.getTime() >= until) {
      excluded.date += 1;
      const time = offence.offenceDate.getTime();
      issues.push({
        sheet: context.sheet,
        row: offence.sourceRow,
        column: context.columns.offenceDate,
        value: dayText(time),
        severity: 'info',
        code: 'dateOutsideWindow',
        message: `${prefix}${offence.sourceRow}${dateTail(time)}`,
      });
    } else {
      inScope.push(offence);
    }
  }
  const summary =
    `${rows(inScope.length)} in scope of ${rows(offences.length)} valid; left out: ${rows(excluded.age)} by the age band ${youngest}–${oldest}, ` +
    `${rows(excluded.type)} by offence type, ${rows(excluded.date)} by the date window`;
  if (inScope.length > 0) return { inScope, issues, types, excluded, summary };
  const found = [...types.counted, ...types.notCounted, ...types.unclassified].sort((a, b) => b.rows - a.rows);
  const typeList =
    found
      .slice(0, 15)
      .map((t) => `${t.text} (${t.group}, ${rows(t.rows)})`)
      .join('; ') + (found.length > 15 ? `; and ${found.length - 15} more` : '');
  const message =
    offences.length === 0
      ? `Sheet '${context.sheet}' has no valid offence rows, so nothing is in scope.`
      : types.counted.length === 0
        ? `Sheet '${context.sheet}': none of its offence types is counted as violence${rule === 'chosen' ? ` under the chosen types (${parameters.offenceTypes.join('; ')})` : ' (the Home Office groups violence against the person, homicide, robbery and possession of weapons)'}. ` +
          `Types found: ${typeList}. Choose the offence types to count.`
        : `Sheet '${context.sheet}': no offence is in scope. Of ${rows(offences.length)} valid, ${rows(excluded.age)} ${verb(excluded.age, 'has', 'have')} ages outside the age band ${youngest}–${oldest}, ` +
          `${rows(excluded.type)} ${verb(excluded.type, 'has', 'have')} offence types not counted, and ${rows(excluded.date)} ${verb(excluded.date, 'falls', 'fall')} outside the date window ${window}. ` +
          'Widen the age band, the offence types or the date window.';
  const remedy: Remedy | undefined =
    offences.length === 0
      ? undefined
      : types.counted.length === 0
        ? { setting: 'offenceTypes', examples: found.slice(0, 3).map((t) => t.text) }
        : { setting: 'scope' };
  return {
    inScope,
    issues,
    types,
    excluded,
    summary,
    problem: blocking(context.sheet, 0, context.columns.offenceType, 'nothingInScope', message, remedy),
  };
}
