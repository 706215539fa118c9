/**
 * What to say to get past a problem, in the dialogue's own words: each engine Remedy (a setting
 * the analyst can change) as something to say here, with buttons where the workbook suggests
 * them. Never a command-line flag: the command line has its own wording (src/cli/commandLineRemedy).
 */
import { ROLE_SPECS, SHEET_ROLES, type ColumnMapping } from '../../core/schema';
import type { Issue, Remedy, SheetRole, WorkbookData } from '../../core/types';
import { youngPopulationSource } from '../../core/validate/validateWards';
import { parseUtterance } from '../parse/parseUtterance';
import { FIELD_PHRASES, ROLE_LABELS } from '../parse/phrases';
import type { Choice } from '../types';
import { listing, quoted, quotedForUtterance } from './format';
import { includeUtterance, isEveryType } from './offenceTypeWords';
import type { DialogueState, Settings, TurnEnvironment } from './state';
import { detectWithSettings, headersOf } from './workbookFacts';

/** What to say (a sentence) and the buttons that say it. */
export interface Advice {
  readonly text: string;
  readonly choices: readonly Choice[];
}

/** An inclusive age band. */
export interface Band {
  readonly from: number;
  readonly to: number;
}

/** The placeholder for a header in an example. */
const HEADER = 'Header text';

/**
 * An utterance that names the column of a field, in a form the parser reads back as exactly this
 * role and field: "use column 'Age at Offence' for age" where a phrase names the field alone (checked
 * by parsing it: 'offence postcode' would read as the offences sheet's 'postcode'), else the dotted
 * form "map schools.urn to 'URN'".
 */
export function columnUtterance(role: SheetRole, field: string, header: string = HEADER): string {
  const reads = (utterance: string): boolean => {
    const parsed = parseUtterance(utterance);
    return (
      parsed.kind === 'command' &&
      parsed.command.kind === 'mapColumn' &&
      parsed.command.role === role &&
      parsed.command.field === field &&
      parsed.command.header === header
    );
  };
  const phrases = Object.entries(FIELD_PHRASES)
    .filter(([, fields]) => fields.length === 1 && fields[0].role === role && fields[0].field === field)
    .map(([phrase]) => phrase)
    .sort((a, b) => a.length - b.length || a.localeCompare(b));
  const plain = phrases.map((phrase) => `use column ${quotedForUtterance(header)} for ${phrase}`).find(reads);
  return plain ?? `map ${role}.${field} to ${quotedForUtterance(header)}`;
}

const DOTTED_HINT = new RegExp(`(?:\\(e\\.g\\. | with )?\\b(${SHEET_ROLES.join('|')})\\.(\\w+)=Header text\\)?`, 'g');

/**
 * An engine message with any hint in the command line's form ('name the column with
 * wards.youngPopulation=Header text') put as something to say here.
 * @example inDialogueWords('… or name the column with wards.youngPopulation=Header text.') // => '… or name the column (say "use column 'Header text' for population").'
 */
export function inDialogueWords(message: string): string {
  return message
    .replace(DOTTED_HINT, (_, role: SheetRole, field: string) => ` (say "${columnUtterance(role, field)}")`)
    .replace(/\s+\(say/g, ' (say');
}

/** 'only ages 10 to 17'. */
export const bandUtterance = (band: Band): string => `only ages ${band.from} to ${band.to}`;
export const bandText = (band: Band): string => `${band.from}–${band.to}`;
const sameBand = (a: Band, b: Band): boolean => a.from === b.from && a.to === b.to;

/** Consecutive ages as bands: [10, 11, 12, 15] -> 10–12, 15–15. */
function runsOf(ages: readonly number[]): Band[] {
  const sorted = [...new Set(ages)].sort((a, b) => a - b);
  const runs: Band[] = [];
  for (const age of sorted) {
    const last = runs[runs.length - 1];
    if (last && last.to === age - 1) runs[runs.length - 1] = { from: last.from, to: age };
    else runs.push({ from: age, to: age });
  }
  return runs;
}

/** Ages as said: '11–16', '11, 14–16'. */
function agesText(ages: readonly number[]): string {
  return runsOf(ages)
    .map((run) => (run.from === run.to ? `${run.from}` : bandText(run)))
    .join(', ');
}

const hasBand = (mapping: ColumnMapping, band: Band): boolean =>
  !('missingAges' in youngPopulationSource(mapping, [band.from, band.to]));

/**
 * Age bands the wards sheet gives the population for, nearest to the one wanted first (at most
 * four): its band columns, the part of the wanted band its single-year columns cover (else each
 * run of them whole), and the current band.
 */
export function bandsTheSheetHas(mapping: ColumnMapping, wanted: Band, current: Band): Band[] {
  const candidates: Band[] = (mapping.ageBandColumns ?? []).map((column) => ({ from: column.from, to: column.to }));
  for (const run of runsOf((mapping.ageColumns ?? []).map((column) => column.age))) {
    const from = Math.max(run.from, wanted.from);
    const to = Math.min(run.to, wanted.to);
    candidates.push(from <= to ? { from, to } : run);
  }
  candidates.push(current);
  const distance = (band: Band): number => Math.abs(band.from - wanted.from) + Math.abs(band.to - wanted.to);
  return candidates
    .filter(
      (band, i) =>
        !sameBand(band, wanted) &&
        candidates.findIndex((other) => sameBand(other, band)) === i &&
        hasBand(mapping, band),
    )
    .sort((a, b) => distance(a) - distance(b) || a.from - b.from || a.to - b.to)
    .slice(0, 4);
}

/** The wards sheet's population columns as said, or its headers when it has none the engine reads. */
function populationColumnsText(workbook: WorkbookData, mapping: ColumnMapping): string {
  const parts = (mapping.ageBandColumns ?? []).map(
    (column) => `${quoted(column.header)} (ages ${column.from}–${column.to})`,
  );
  const single = mapping.ageColumns ?? [];
  for (const run of runsOf(single.map((column) => column.age))) {
    const first = single.find((column) => column.age === run.from)!;
    const last = single.find((column) => column.age === run.to)!;
    parts.push(
      run.from === run.to
        ? `a single-year column for age ${run.from} (${quoted(first.header)})`
        : `single-year columns for ages ${bandText(run)} (${quoted(first.header)} to ${quoted(last.header)})`,
    );
  }
  if (parts.length > 0) return `Its population columns are ${listing(parts)}.`;
  const headers = headersOf(workbook, mapping);
  return `It has no population column I can read${headers.length > 0 ? `; its headers are ${listing(headers.map(quoted))}` : ''}.`;
}

/** When the wards sheet cannot give the population for a band: why, and the bands it can give. */
export interface MissingBand {
  readonly text: string;
  readonly bands: readonly Band[];
}

/**
 * Whether the wards sheet, as detected under the current choices, gives the young population for
 * a band (the engine's own youngPopulationSource). Null when it does, or when there is no usable
 * wards sheet to ask.
 */
export function missingBand(workbook: WorkbookData, settings: Settings, wanted: Band): MissingBand | null {
  const mapping = detectWithSettings(workbook, settings).mappings.wards;
  if (!mapping || mapping.missingRequired.some((name) => name !== 'youngPopulation')) return null;
  const found = youngPopulationSource(mapping, [wanted.from, wanted.to]);
  if (!('missingAges' in found)) return null;
  const missing = found.missingAges;
  const [from, to] = settings.parameters.ageBand;
  const bands = bandsTheSheetHas(mapping, wanted, { from, to });
  return {
    text:
      `Sheet ${quoted(mapping.sheet)} has no population for ages ${bandText(wanted)}: there ${missing.length === 1 ? 'is no single-year column for age' : 'are no single-year columns for ages'} ` +
      `${agesText(missing)} and no column for the band ${bandText(wanted)}. ${populationColumnsText(workbook, mapping)}`,
    bands,
  };
}

/** Buttons choosing each band; the current one marked. */
export function bandChoices(bands: readonly Band[], current: readonly [number, number]): Choice[] {
  return bands.map((band) => ({
    label: `Ages ${bandText(band)}${band.from === current[0] && band.to === current[1] ? ' (as now)' : ''}`,
    utterance: bandUtterance(band),
  }));
}

/** The widest band the wards sheet has that holds the current one, if wider. */
function widerBand(workbook: WorkbookData, settings: Settings): Band | undefined {
  const mapping = detectWithSettings(workbook, settings).mappings.wards;
  if (!mapping) return undefined;
  const [from, to] = settings.parameters.ageBand;
  const current = { from, to };
  const everything = { from: 0, to: 120 };
  return bandsTheSheetHas(mapping, everything, current)
    .filter((band) => band.from <= from && band.to >= to && !sameBand(band, current))
    .sort((a, b) => b.to - b.from - (a.to - a.from))[0];
}

const EVERY_TYPE_CHOICE: Choice = { label: 'Count every offence type', utterance: 'all offence types' };
const ALL_DATES_CHOICE: Choice = { label: 'All dates', utterance: 'all dates' };

/** How to widen what is counted, from the current choices: a wider band, every type, every date. */
function widen(state: DialogueState, env: TurnEnvironment): Advice {
  const { parameters } = state.settings;
  const said: string[] = [];
  const choices: Choice[] = [];
  const band = widerBand(env.engine.workbook, state.settings);
  if (band) {
    said.push(`"${bandUtterance(band)}"`);
    choices.push({ label: `Ages ${bandText(band)}`, utterance: bandUtterance(band) });
  }
  if (!isEveryType(parameters.offenceTypes)) {
    said.push('"count every offence type"');
    choices.push(EVERY_TYPE_CHOICE);
  }
  if (parameters.dateFrom || parameters.dateTo) {
    said.push('"all dates"');
    choices.push(ALL_DATES_CHOICE);
  }
  return said.length > 0
    ? { text: `To count more, say e.g. ${listing(said, 'or')}.`, choices }
    : { text: 'The age band, offence types and dates already count all they can.', choices: [] };
}

/** The dialogue's way to act on a remedy, given the current choices and the workbook. */
export function remedyAdvice(remedy: Remedy, state: DialogueState, env: TurnEnvironment): Advice {
  const { workbook } = env.engine;
  switch (remedy.setting) {
    case 'column': {
      const group = ROLE_SPECS[remedy.role].required.find((candidate) => candidate.name === remedy.field);
      const field = group?.alternatives[0]?.[0] ?? remedy.field;
      return { text: `Say e.g. "${columnUtterance(remedy.role, field)}".`, choices: [] };
    }
    case 'sheet': {
      const label = ROLE_LABELS[remedy.role];
      const used = new Set(Object.values(detectWithSettings(workbook, state.settings).assignments));
      const unused = workbook.sheets.filter((sheet) => !used.has(sheet.name)).slice(0, 3);
      return {
        text: `Say e.g. "use 'Sheet name' for ${label}".`,
        choices: unused.map((sheet) => ({
          label: `Use ${quoted(sheet.name)} for ${label}`,
          utterance: `use ${quotedForUtterance(sheet.name)} for ${label}`,
        })),
      };
    }
    case 'ageBand': {
      const [from, to] = state.settings.parameters.ageBand;
      const mapping = detectWithSettings(workbook, state.settings).mappings.wards;
      const bands = mapping ? bandsTheSheetHas(mapping, { from, to }, { from, to }) : [];
      const column = `"${columnUtterance('wards', 'youngPopulation')}"`;
      return {
        text: bands.length > 0 ? `Say e.g. "${bandUtterance(bands[0])}" or ${column}.` : `Say e.g. ${column}.`,
        choices: bandChoices(bands, state.settings.parameters.ageBand),
      };
    }
    case 'offenceTypes': {
      const [first] = remedy.examples;
      const text =
        first === undefined
          ? 'Say e.g. "include criminal damage" (added to those counted), "count only robbery" or "count every offence type".'
          : `Say e.g. "${includeUtterance([first])}" (added to those counted), "count only ${quotedForUtterance(first)}" or "count every offence type".`;
      return {
        text,
        choices: [
          ...remedy.examples
            .slice(0, 3)
            .map((type) => ({ label: `Include ${type}`, utterance: includeUtterance([type]) })),
          EVERY_TYPE_CHOICE,
        ],
      };
    }
    case 'scope':
      return widen(state, env);
    case 'protection': {
      const more = widen(state, env);
      return {
        text: `The protection interval is set when the session starts and cannot be changed here.${more.choices.length > 0 ? ` Counting more may let the totals be published: ${more.text[0].toLowerCase()}${more.text.slice(1)}` : ''}`,
        choices: more.choices,
      };
    }
    case 'catchmentModel':
      return {
        text: 'Say "automatic catchments" to use the pupil residence sheet where it covers a school and model the rest by distance, or "use the distance model" for every school.',
        choices: [
          { label: 'Automatic catchments', utterance: 'automatic catchments' },
          { label: 'Use the distance model', utterance: 'use the distance model' },
        ],
      };
    case 'boundaries':
      return {
        text: 'Choose a GeoJSON file of ward boundaries, or add a sheet of ward vertices (ward code, part, ring, order, easting, northing).',
        choices: [],
      };
  }
}

/**
 * The advice for a problem that stopped a run: its remedy in the dialogue's words; for the wards
 * sheet lacking the population of the age band (a problem that may carry no remedy), the bands it has.
 */
export function problemAdvice(problem: Issue, state: DialogueState, env: TurnEnvironment): Advice | null {
  if (problem.remedy) return remedyAdvice(problem.remedy, state, env);
  const [from, to] = state.settings.parameters.ageBand;
  const wards = detectWithSettings(env.engine.workbook, state.settings).mappings.wards;
  const lacksBand =
    problem.code === 'columnMissing' &&
    wards !== undefined &&
    problem.sheet === wards.sheet &&
    problem.row === wards.headerRow &&
    problem.column === '' &&
    wards.missingRequired.length === 0 &&
    'missingAges' in youngPopulationSource(wards, [from, to]);
  return lacksBand ? remedyAdvice({ setting: 'ageBand' }, state, env) : null;
}
