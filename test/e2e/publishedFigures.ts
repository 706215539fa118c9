/**
 * Every figure an output workbook publishes about the offences, young offenders and attending
 * counts, read back from the sheets as an outsider reads them, and turned into the facts an
 * attacker may use. Written from the sheets' own words, not from the engine's model: what the
 * engine's audit assumes is published is what these tests check.
 */
import type { SheetData, WorkbookData } from '../../src/core/types';
import { classifyPhase } from '../../src/core/validate/classifyPhase';
import type { DemoData } from '../../src/demo';
import { boundFact, sumFact, type Fact } from './lpAttacker';
import { asPublished, labelled, sheetNamed, tableRows, textsOf, WITHHELD, type Published } from './outputSheets';

/** The rules as the Method sheet states them. */
export interface StatedRules {
  readonly threshold: number;
  readonly zerosShown: boolean;
  readonly roundingBase: number | null;
  readonly protectionInterval: number;
}

/** The "Offences in scope, placed in wards" block of the Method sheet, as printed. */
export interface PrintedPlacement {
  /** Rows in scope (one per offence and offender). */
  readonly inScope: Published;
  /** Distinct offences in scope: what the offence placements add up to. */
  readonly offencesInScope: Published;
  readonly offenceInWard: Published;
  readonly offenceOutside: Published;
  readonly offenceUnknown: Published;
  readonly homeInWard: Published;
  readonly homeOutside: Published;
  readonly homeUnknown: Published;
  readonly distinctYoungOffenders: Published;
  readonly youngOffendersInArea: Published;
  /** True when the sheet says its young offender figures are published like the tables' counts (rounded); otherwise they are read as exact. */
  readonly youngOffendersUnderTableRules: boolean;
}

export interface PublishedFigures {
  readonly rules: StatedRules;
  /** Each published count of the linked tables, by a name of the test's own ('offences:ward:E05…'). */
  readonly counts: ReadonlyMap<string, Published>;
  /** The additive structure the sheets state: wards into districts into the area; schools into phases into all schools. */
  readonly sums: readonly { readonly total: string; readonly parts: readonly string[] }[];
  readonly placement: PrintedPlacement;
  /** Rows used from the offences sheet, by the Method sheet's rows-in-and-out table. */
  readonly offenceRowsUsed: number;
}

const MEASURES = [
  ['offences', 'Offences'],
  ['youngOffenders', 'Young offenders resident'],
] as const;

function statedRules(method: SheetData): StatedRules {
  const threshold = /^(\d+): counts .* zeros (shown|withheld)$/.exec(String(labelled(method, 'Suppression threshold')));
  const rounding = String(labelled(method, 'Rounding base'));
  const protection = /^(\d+)/.exec(String(labelled(method, 'Protection interval')));
  if (!threshold || !protection) throw new Error('The Method sheet does not state the rules in the expected words.');
  return {
    threshold: Number(threshold[1]),
    zerosShown: threshold[2] === 'shown',
    roundingBase: rounding === 'none' ? null : Number(/^(\d+):/.exec(rounding)![1]),
    protectionInterval: Number(protection[1]),
  };
}

const PHASE_NAMES: Readonly<Record<string, string>> = {
  primary: 'primary',
  secondary: 'secondary',
  allThrough: 'all-through',
  special: 'special',
  alternativeProvision: 'alternative provision',
};

/** Each school's phase as the phase table names it, by URN, from a demo's schools list (public: GIAS says each school's phase). */
export function demoSchoolPhases(demo: DemoData): Map<string, string> {
  const sheet = demo.workbook.sheets.find((s) => s.name === demo.truth.sheetNames.schools)!;
  const header = sheet.rows[demo.truth.schools.headerRow - 1].map(String);
  const [urn, phase, type] = ['URN', 'PhaseOfEducation (name)', 'TypeOfEstablishment (name)'].map((h) =>
    header.indexOf(h),
  );
  return new Map(
    sheet.rows
      .slice(demo.truth.schools.headerRow)
      .map((row) => [String(row[urn]), PHASE_NAMES[classifyPhase(String(row[phase] ?? ''), String(row[type] ?? ''))]]),
  );
}

/** A run's sheet: 'Wards' for the first run, 'Wards (2)' for the second. */
export function runSheetName(base: string, run = 1): string {
  return run === 1 ? base : `${base} (${run})`;
}

/**
 * Reads every published count of one run and the totals they add up to. `phaseOf` gives a
 * school's phase as the phase table names it (public knowledge: the schools list says each
 * school's phase).
 */
export function readPublishedFigures(
  workbook: WorkbookData,
  phaseOf: (urn: string) => string,
  run = 1,
): PublishedFigures {
  const counts = new Map<string, Published>();
  const sums: { total: string; parts: string[] }[] = [];
  const wardsSheet = sheetNamed(workbook, runSheetName('Wards', run));
  const wards = tableRows(wardsSheet, 'Ward code');
  const hasDistricts = wardsSheet.rows.some((row) =>
    row.some((cell, i) => cell === 'District' && row[i + 1] === 'Wards'),
  );
  const districts = hasDistricts ? tableRows(wardsSheet, 'District', 'Wards') : [];
  for (const [measure, column] of MEASURES) {
    wards.forEach((w) => counts.set(`${measure}:ward:${w['Ward code']}`, asPublished(w[column])));
    districts.forEach((d) => counts.set(`${measure}:district:${d.District}`, asPublished(d[column])));
    counts.set(`${measure}:area`, asPublished(labelled(wardsSheet, column)));
    if (districts.length > 0) {
      for (const d of districts)
        sums.push({
          total: `${measure}:district:${d.District}`,
          parts: wards.filter((w) => w.District === d.District).map((w) => `${measure}:ward:${w['Ward code']}`),
        });
      sums.push({ total: `${measure}:area`, parts: districts.map((d) => `${measure}:district:${d.District}`) });
    } else {
      sums.push({ total: `${measure}:area`, parts: wards.map((w) => `${measure}:ward:${w['Ward code']}`) });
    }
  }

  const schoolsSheet = sheetNamed(workbook, runSheetName('Schools', run));
  const schools = tableRows(schoolsSheet, 'Rank');
  const phases = tableRows(schoolsSheet, 'Phase', 'Schools ranked');
  schools.forEach((s) => counts.set(`attending:school:${s.URN}`, asPublished(s['Young offenders attending'])));
  phases.forEach((p) => counts.set(`attending:phase:${p.Phase}`, asPublished(p['Young offenders attending'])));
  const phaseRows = phases.filter((p) => p.Phase !== 'All schools ranked');
  if (phaseRows.length > 0) {
    for (const p of phaseRows)
      sums.push({
        total: `attending:phase:${p.Phase}`,
        parts: schools.filter((s) => phaseOf(String(s.URN)) === p.Phase).map((s) => `attending:school:${s.URN}`),
      });
    sums.push({
      total: 'attending:phase:All schools ranked',
      parts: phaseRows.map((p) => `attending:phase:${p.Phase}`),
    });
  } else {
    sums.push({ total: 'attending:phase:All schools ranked', parts: schools.map((s) => `attending:school:${s.URN}`) });
  }

  const method = sheetNamed(workbook, runSheetName('Method', run));
  const printed = (label: string): Published => asPublished(labelled(method, label));
  const placement: PrintedPlacement = {
    inScope: printed('Rows in scope (one per offence and offender)'),
    offencesInScope: printed('Distinct offences in scope'),
    offenceInWard: printed('Offences located in a study ward'),
    offenceOutside: printed('Offences located outside the study area'),
    offenceUnknown: printed('Offences with location unknown or unplaceable'),
    homeInWard: printed('Home location in a study ward'),
    homeOutside: printed('Home location outside the study area'),
    homeUnknown: printed('Home location unknown or unplaceable'),
    distinctYoungOffenders: printed('Distinct young offenders'),
    youngOffendersInArea: printed('Distinct young offenders living in the area'),
    youngOffendersUnderTableRules: textsOf(method).some((text) =>
      text.includes("young offenders are counts of people, published like the tables' counts"),
    ),
  };
  const offencesRow = tableRows(method, 'Sheet', 'Role').find((row) => row.Role === 'offences');
  if (!offencesRow) throw new Error('The Method sheet has no rows-in-and-out line for the offences sheet.');
  return { rules: statedRules(method), counts, sums, placement, offenceRowsUsed: Number(offencesRow['Rows used']) };
}

/**
 * The whole numbers a shown count may be: itself, or with rounding those that round to it and would
 * not have been withheld. A number that is no multiple of the base was not rounded: it is exact.
 */
export function shownRange(value: number, rules: StatedRules): { lower: number; upper: number } {
  if (rules.roundingBase === null || value % rules.roundingBase !== 0) return { lower: value, upper: value };
  const base = rules.roundingBase;
  const withheld = (x: number): boolean => (x === 0 ? !rules.zerosShown : x < rules.threshold);
  const candidates: number[] = [];
  for (let x = Math.max(0, value - base); x <= value + base; x++)
    if (base * Math.floor(x / base + 0.5) === value && !withheld(x)) candidates.push(x);
  return { lower: Math.min(...candidates), upper: Math.max(...candidates) };
}

const known = (value: Published): value is number => value !== WITHHELD;

/** What an outsider knows of a count printed on its own (in no table) under the stated rules: exact, rounded, or withheld because small. */
export function standaloneRange(value: Published, rules: StatedRules): { lower: number; upper: number } {
  return known(value) ? shownRange(value, rules) : { lower: rules.zerosShown ? 1 : 0, upper: rules.threshold - 1 };
}

/**
 * The facts an outsider holds after reading the workbook:
 * - every shown count (exact, or its rounding range), every withheld one at least 1 when zeros are
 *   shown (the rules say a zero is never withheld then), and every total the sheets say is a sum;
 * - from the Method sheet's placement block, whose rows reconcile exactly: the offences placed in
 *   a ward = in scope − outside the area − unknown. The young offenders living in the area are at
 *   most the distinct young offenders and at most the rows with a home in a ward, and at least the
 *   distinct young offenders less the rows whose home is not in a ward (an offender counted
 *   outside has a latest row whose home is not placed). No school has more young offenders
 *   attending than there are distinct young offenders, nor than offences in scope. The distinct
 *   young offenders are read as the sheet says they are published: exact, or under the tables'
 *   rules (rounded, or withheld as small).
 */
export function attackerFacts(figures: PublishedFigures): Fact[] {
  const { rules, placement: p } = figures;
  const facts: Fact[] = [];
  for (const [id, value] of figures.counts) {
    if (known(value)) {
      const range = shownRange(value, rules);
      facts.push(boundFact(id, range.lower, range.upper, `${id} shown as ${value}`));
    } else {
      facts.push(boundFact(id, rules.zerosShown ? 1 : 0, Number.POSITIVE_INFINITY, `${id} withheld`));
    }
  }
  for (const sum of figures.sums) facts.push(sumFact(sum.total, sum.parts, `${sum.total} = Σ parts`));
  if (known(p.offencesInScope) && known(p.offenceOutside) && known(p.offenceUnknown)) {
    const placed = p.offencesInScope - p.offenceOutside - p.offenceUnknown;
    facts.push(boundFact('offences:area', placed, placed, 'Method: distinct offences in scope − outside − unknown'));
  }
  const distinct = p.youngOffendersUnderTableRules
    ? standaloneRange(p.distinctYoungOffenders, rules)
    : standaloneRange(p.distinctYoungOffenders, { ...rules, roundingBase: null });
  const notPlaced =
    known(p.homeOutside) && known(p.homeUnknown) ? p.homeOutside + p.homeUnknown : Number.POSITIVE_INFINITY;
  const homeRows = known(p.homeInWard) ? p.homeInWard : Number.POSITIVE_INFINITY;
  facts.push(
    boundFact(
      'youngOffenders:area',
      Math.max(0, distinct.lower - notPlaced),
      Math.min(distinct.upper, homeRows),
      'Method: distinct young offenders and home placements',
    ),
  );
  const attendingAtMost = Math.min(distinct.upper, known(p.inScope) ? p.inScope : Number.POSITIVE_INFINITY);
  for (const id of figures.counts.keys())
    if (id.startsWith('attending:school:'))
      facts.push(boundFact(id, 0, attendingAtMost, 'Method: distinct young offenders and offences in scope'));
  return facts;
}

/** A number printed in words, e.g. '1,495' -> 1495, '[c]' kept. */
export function printedNumber(text: string): Published {
  return text === WITHHELD ? WITHHELD : Number(text.replace(/,/g, ''));
}
