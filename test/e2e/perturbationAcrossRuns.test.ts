/**
 * The cell key method across runs, attacked as an intruder would. Four runs on one generated
 * extract (3,000 offence rows, 190 wards, the demo's planted faults) in perturbation mode, each
 * joining the ledger the previous run left: the full year, April–February, ages 10–16, and the
 * full year again (a perturbation ledger keeps one table, so a stricter threshold is refused; see
 * the last block).
 *
 * Nothing the assertions rest on comes from the product's own reasoning:
 * - the true counts and the records behind each ward are worked out here from the offences sheet's
 *   cells (validity, duplicates, age band, violence types and the date window applied by hand;
 *   where a point lies comes from the generator's record of the ward it drew the point in);
 * - which true counts a published value can come from is found by brute force over the published
 *   perturbation table, read key by key from its rows;
 * - two intruders bound every small count and every small difference between the runs' scopes,
 *   ward by ward: a linear programme solved with HiGHS (each run's count within the counts its
 *   published value can come from, the runs' counts linked by the nesting of their scopes), and a
 *   stronger exhaustive one that also knows the method: the noise follows the records, so a cell's
 *   key is the sum of its records' keys (equal records, equal keys; a run that is the disjoint
 *   union of two others has the sum of their keys) and two runs that published one ward
 *   differently under one table counted different records there.
 */
import { createHmac } from 'crypto';
import {
  loadHighsSolver,
  perturbationTable,
  type LinearConstraint,
  type LinearSolver,
  type PerturbationTable,
  type PublishedCount,
} from '../../src/core/disclosure';
import type { DisclosureLedger } from '../../src/core/ledger';
import { runAnalysis, type AnalysisOutcome, type AnalysisResult } from '../../src/core/pipeline';
import {
  DEFAULT_PARAMETERS,
  type AnalysisParameters,
  type CellValue,
  type SheetData,
  type WorkbookData,
} from '../../src/core/types';
import { generateDemo, OFFENCE_HEADERS, type DemoData } from '../../src/demo';

const day = (text: string): Date => new Date(`${text}T00:00:00Z`);
const TODAY = day('2024-06-01');
const END_OF_FEBRUARY = day('2024-02-29');
/** The demo's types outside the Home Office violence groups: not counted by default. */
const NOT_VIOLENCE = new Set(['Public order', 'Sexual offences']);
const MEASURES = ['offences', 'youngOffenders'] as const;
type Measure = (typeof MEASURES)[number];

// ---------------------------------------------------------------------------------------------
// The independent calculator: true ward counts and the records behind them, from the sheet's cells.
// ---------------------------------------------------------------------------------------------

interface Scope {
  readonly ageBand: readonly [number, number];
  readonly to: Date | null;
}

/** The records behind each ward's two counts under one scope: offence references and offender references. */
type WardRecords = Record<Measure, Map<string, Set<string>>>;

interface ReadRow {
  readonly row: number;
  readonly crime: string;
  readonly offender: string;
  readonly date: Date;
  readonly type: string;
  readonly age: number;
  /** Study ward of the offence location; null when outside every ward. */
  readonly offenceWard: string | null;
  /** Study ward of the home; null when it cannot be placed. */
  readonly homeWard: string | null;
}

function realDay(year: number, month: number, date: number): Date | null {
  const parsed = new Date(Date.UTC(year, month - 1, date));
  return parsed.getUTCFullYear() === year && parsed.getUTCMonth() === month - 1 && parsed.getUTCDate() === date
    ? parsed
    : null;
}

/** A date cell as a day: a date, an Excel serial number, or text as dd/mm/yyyy or yyyy-mm-dd that is a real day. */
function dateOf(cell: CellValue): Date | null {
  if (cell instanceof Date) return cell;
  if (typeof cell === 'number') return new Date(Math.round((cell - 25569) * 86_400_000));
  if (typeof cell !== 'string') return null;
  const british = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(cell.trim());
  if (british) return realDay(Number(british[3]), Number(british[2]), Number(british[1]));
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(cell.trim());
  return iso ? realDay(Number(iso[1]), Number(iso[2]), Number(iso[3])) : null;
}

/**
 * The valid rows of the offences sheet, duplicates dropped: a reference for the offence and the
 * offender, a real date from 1990 to the run day, a type, an age of 0–120, an offence location
 * written as numbers. `offenceWardOf` gives the ward the generator drew a row's offence point in
 * (the test's edits override it).
 */
function readOffenceRows(sheet: SheetData, demo: DemoData, offenceWardOf: (row: number) => string | null): ReadRow[] {
  const header = sheet.rows[0].map(String);
  const column = (name: (typeof OFFENCE_HEADERS)[number]): number => {
    const index = header.indexOf(name);
    if (index < 0) throw new Error(`no column ${name}`);
    return index;
  };
  const wardCodes = new Set(Object.keys(demo.truth.wards.youngPopulation));
  const homeOfRow = new Map(demo.truth.offences.rows.map((truth) => [truth.row, truth.homeWardCode]));
  const rows: ReadRow[] = [];
  const kept = new Set<string>();
  sheet.rows.forEach((cells, index) => {
    const row = index + 1;
    if (index === 0 || cells.every((cell) => cell === null || cell === '')) return;
    const text = (name: (typeof OFFENCE_HEADERS)[number]): string => {
      const cell = cells[column(name)];
      return typeof cell === 'string' ? cell.trim() : typeof cell === 'number' ? String(cell) : '';
    };
    const crime = text('Crime Number');
    const offender = text('Offender ID');
    const date = dateOf(cells[column('Committed Date')]);
    const type = text('HO Offence Group');
    const age = cells[column('Age at Offence')];
    const easting = cells[column('Offence Easting')];
    const northing = cells[column('Offence Northing')];
    if (!crime || !offender || !type || !date) return;
    if (date.getTime() < Date.UTC(1990, 0, 1) || date.getTime() > TODAY.getTime()) return;
    if (typeof age !== 'number' || !Number.isInteger(age) || age < 0 || age > 120) return;
    if (typeof easting !== 'number' || typeof northing !== 'number') return;
    const key = `${crime}\n${offender}`;
    if (kept.has(key)) return; // a later copy of a kept row
    kept.add(key);
    // A home point is placed where the generator drew it; a ward code alone, when it is a ward of the study area.
    const homeEasting = cells[column('Home Easting')];
    const code = text('Home Ward Code');
    const homeWard = typeof homeEasting === 'number' ? (homeOfRow.get(row) ?? null) : wardCodes.has(code) ? code : null;
    rows.push({ row, crime, offender, date, type, age, offenceWard: offenceWardOf(row), homeWard });
  });
  return rows;
}

/**
 * Each ward's records under a scope: an offence is in the ward of its first in-scope row (by date,
 * then row) with a location in a ward; a young offender in the ward of the home on the latest in-scope row.
 */
function wardRecords(rows: readonly ReadRow[], scope: Scope): WardRecords {
  const inScope = rows
    .filter(
      (row) =>
        row.age >= scope.ageBand[0] &&
        row.age <= scope.ageBand[1] &&
        !NOT_VIOLENCE.has(row.type) &&
        (scope.to === null || row.date.getTime() <= scope.to.getTime()),
    )
    .sort((a, b) => a.date.getTime() - b.date.getTime() || a.row - b.row);
  const offenceWard = new Map<string, string>();
  const homeWard = new Map<string, string | null>();
  for (const row of inScope) {
    if (!offenceWard.has(row.crime) && row.offenceWard !== null) offenceWard.set(row.crime, row.offenceWard);
    homeWard.set(row.offender, row.homeWard);
  }
  const byWard = (placed: Map<string, string | null>): Map<string, Set<string>> => {
    const wards = new Map<string, Set<string>>();
    for (const [record, ward] of placed) {
      if (ward === null) continue;
      if (!wards.has(ward)) wards.set(ward, new Set());
      wards.get(ward)!.add(record);
    }
    return wards;
  };
  return { offences: byWard(offenceWard), youngOffenders: byWard(homeWard) };
}

// ---------------------------------------------------------------------------------------------
// The published table, read as an outsider reads it.
// ---------------------------------------------------------------------------------------------

/** The value a count is published as for a cell key, from the table's rows (outcomes take keys in order of value). */
function valueAt(table: PerturbationTable, count: number, key: number): number {
  const last = table.rows.length - 1;
  const shift = Math.max(0, count - last);
  let before = 0;
  for (const outcome of table.rows[Math.min(count, last)]) {
    before += outcome.keys;
    if (key < before) return outcome.value + shift;
  }
  throw new Error('a row does not share out 256 keys');
}

const keysGivingMemo = new Map<string, boolean[]>();

/** Keys (0 … 255) under which a count is published as a value. */
function keysGiving(table: PerturbationTable, count: number, published: number): boolean[] {
  const id = `${table.threshold}/${table.maxNoise}/${count}/${published}`;
  let keys = keysGivingMemo.get(id);
  if (!keys) {
    keys = Array.from({ length: 256 }, (_, key) => valueAt(table, count, key) === published);
    keysGivingMemo.set(id, keys);
  }
  return keys;
}

const countsGivingMemo = new Map<string, number[]>();

/** Every count from 0 to published + 50 that some key publishes as the value (brute force, not the product's inverse). */
function countsGiving(table: PerturbationTable, published: number): number[] {
  const id = `${table.threshold}/${table.maxNoise}/${published}`;
  let counts = countsGivingMemo.get(id);
  if (!counts) {
    counts = [];
    for (let count = 0; count <= published + 50; count++)
      if (keysGiving(table, count, published).some(Boolean)) counts.push(count);
    countsGivingMemo.set(id, counts);
  }
  return counts;
}

/** Node's HMAC-SHA-256 cell key: the sum of the records' first bytes mod 256. */
function cellKeyByHand(secret: string, records: Iterable<string>): number {
  let sum = 0;
  for (const record of records) sum += createHmac('sha256', secret).update(`record\n${record}`, 'utf8').digest()[0];
  return sum % 256;
}

// ---------------------------------------------------------------------------------------------
// The runs.
// ---------------------------------------------------------------------------------------------

let solver: LinearSolver;
let demo: DemoData;
let rows: ReadRow[];

function analyse(
  change: Partial<AnalysisParameters>,
  ledger: DisclosureLedger | undefined,
  workbook: WorkbookData = demo.workbook,
): AnalysisOutcome {
  return runAnalysis(
    {
      workbook,
      boundaries: { geojson: demo.boundariesGeoJson, source: 'demo' },
      solver,
      today: TODAY,
      ...(ledger ? { ledger } : {}),
    },
    { ...DEFAULT_PARAMETERS, simulations: 50, disclosureMethod: 'perturbation', ...change },
  );
}

function resultOf(outcome: AnalysisOutcome): AnalysisResult {
  if (!outcome.ok) throw new Error(`the run stopped: ${outcome.problems.map((p) => p.message).join(' ')}`);
  return outcome.result;
}

function shown(form: PublishedCount | null | undefined): number {
  if (!form?.shown) throw new Error('a count under perturbation is withheld');
  return form.value;
}

/** Published ward values of a run, by measure and ward code. */
function wardValues(result: AnalysisResult): Record<Measure, Map<string, number>> {
  return {
    offences: new Map(result.wards.map((ward) => [ward.wardCode, shown(ward.offences.published)])),
    youngOffenders: new Map(result.wards.map((ward) => [ward.wardCode, shown(ward.youngOffenders.published)])),
  };
}

interface Run {
  readonly name: string;
  readonly change: Partial<AnalysisParameters>;
  readonly scope: Scope;
  /** Filled in by beforeAll: the run's result and the calculator's records under its scope. */
  result: AnalysisResult;
  truth: WardRecords;
}

function runSpec(name: string, change: Partial<AnalysisParameters>, scope: Scope): Run {
  return {
    name,
    change,
    scope,
    result: undefined as unknown as AnalysisResult,
    truth: { offences: new Map(), youngOffenders: new Map() },
  };
}

const RUNS: readonly Run[] = [
  runSpec('full year', {}, { ageBand: [10, 17], to: null }),
  runSpec('April–February', { dateTo: END_OF_FEBRUARY }, { ageBand: [10, 17], to: END_OF_FEBRUARY }),
  runSpec('ages 10–16', { ageBand: [10, 16] }, { ageBand: [10, 16], to: null }),
  runSpec('full year again', {}, { ageBand: [10, 17], to: null }),
];
const [FULL, TO_FEBRUARY, UNDER_17, AGAIN] = RUNS;
let wardCodes: string[];

beforeAll(async () => {
  solver = await loadHighsSolver();
  demo = generateDemo({ seed: 7, offences: 3000 });
  const sheet = demo.workbook.sheets.find((s) => s.name === demo.truth.sheetNames.offences)!;
  const offenceWard = new Map(demo.truth.offences.rows.map((truth) => [truth.row, truth.offenceWardCode]));
  rows = readOffenceRows(sheet, demo, (row) => offenceWard.get(row) ?? null);
  let ledger: DisclosureLedger | undefined;
  for (const run of RUNS) {
    run.result = resultOf(analyse(run.change, ledger));
    ledger = run.result.ledger;
    run.truth = wardRecords(rows, run.scope);
  }
  wardCodes = FULL.result.wards.map((ward) => ward.wardCode);
}, 60_000);

const trueCount = (run: Run, measure: Measure, ward: string): number => run.truth[measure].get(ward)?.size ?? 0;
const recordsOf = (run: Run, measure: Measure, ward: string): Set<string> =>
  run.truth[measure].get(ward) ?? new Set<string>();
const tableOf = (run: Run): PerturbationTable => run.result.disclosure.perturbation!.table;

describe('four perturbed runs on one extract, each joining the ledger of the one before', () => {
  it('publishes every run, each joined with all the earlier ones, under the published table of its threshold', () => {
    expect(RUNS.map((run) => run.result.disclosure.acrossRuns?.joined ?? [])).toEqual([[], [1], [1, 2], [1, 2, 3]]);
    for (const run of RUNS) {
      expect(run.result.disclosure.rules.method).toBe('perturbation');
      expect(run.result.disclosure.withheld).toBe(0);
    }
    // Threshold 5 with the default protection interval: noise of at most 2 either way, one table for the ledger.
    expect([tableOf(FULL).threshold, tableOf(FULL).maxNoise]).toEqual([5, 2]);
    expect(tableOf(FULL)).toEqual(perturbationTable(5, 2));
    expect(tableOf(AGAIN)).toEqual(tableOf(FULL));
    expect(tableOf(TO_FEBRUARY)).toEqual(tableOf(FULL));
  });

  it('counts the wards as the independent calculator does (the runs nest: April–February and 10–16 within the full year)', () => {
    for (const run of RUNS)
      for (const ward of run.result.wards)
        for (const measure of MEASURES)
          expect({ run: run.name, ward: ward.wardCode, measure, count: ward[measure].count }).toEqual({
            run: run.name,
            ward: ward.wardCode,
            measure,
            count: trueCount(run, measure, ward.wardCode),
          });
    // The intruders below rely on the nesting the scopes imply; the records bear it out.
    for (const measure of MEASURES)
      for (const ward of wardCodes) {
        const full = recordsOf(FULL, measure, ward);
        for (const inner of [TO_FEBRUARY, UNDER_17])
          expect([...recordsOf(inner, measure, ward)].filter((record) => !full.has(record))).toEqual([]);
        expect(recordsOf(AGAIN, measure, ward)).toEqual(full);
      }
  });

  it("publishes every ward as its true count's row of the table gives it at the cell key of its records (Node's HMAC, the ledger's secret), moved only where the ledger says", () => {
    const secret = AGAIN.result.ledger.secret;
    let moved = 0;
    let shifted = 0;
    for (const [position, run] of RUNS.entries()) {
      const values = wardValues(run.result);
      const ledgerCells = AGAIN.result.ledger.runs[position].cells;
      for (const measure of MEASURES)
        for (const ward of wardCodes) {
          const records = recordsOf(run, measure, ward);
          // A key moved to keep a small difference from being worked out is recorded with the cell.
          const shift = ledgerCells[`${measure}:ward:${ward}`]?.keyShift ?? 0;
          if (shift > 0) shifted += 1;
          const expected = valueAt(tableOf(run), records.size, (cellKeyByHand(secret, records) + shift) % 256);
          expect({ run: run.name, measure, ward, published: values[measure].get(ward) }).toEqual({
            run: run.name,
            measure,
            ward,
            published: expected,
          });
          if (expected !== records.size) moved += 1;
        }
    }
    expect(moved).toBeGreaterThan(500);
    // Moving a key is the exception: a handful of the 4 × 380 ward counts.
    expect(shifted).toBeLessThan(30);
  });
});

// ---------------------------------------------------------------------------------------------
// The intruders, ward by ward and measure by measure.
//
// Atoms of a ward's records, by which runs count them: a in April–February and 10–16, b in
// April–February only (17-year-olds), c in 10–16 only (March), d in neither (17-year-olds in March).
// Full year (and again) = a + b + c + d; April–February = a + b; 10–16 = a + c.
// ---------------------------------------------------------------------------------------------

const ATOMS = ['a', 'b', 'c', 'd'] as const;
const KEY_LIST = Array.from({ length: 256 }, (_, key) => key);
const ALL_KEYS: readonly boolean[] = KEY_LIST.map(() => true);
/** Which atoms each run counts, in RUNS order. */
const RUN_ATOMS: readonly (readonly number[])[] = [
  [0, 1, 2, 3],
  [0, 1],
  [0, 2],
  [0, 1, 2, 3],
];

interface Target {
  readonly label: string;
  /** Coefficients on a, b, c, d. */
  readonly atoms: readonly number[];
  /** The count is small from 1 to this (threshold − 1 of the rules it falls under). */
  readonly smallBelow: number;
}

const TARGETS: readonly Target[] = [
  { label: 'full-year count', atoms: [1, 1, 1, 1], smallBelow: 5 },
  { label: 'April–February count', atoms: [1, 1, 0, 0], smallBelow: 5 },
  { label: 'ages 10–16 count', atoms: [1, 0, 1, 0], smallBelow: 5 },
  { label: 'March slice (full year − April–February)', atoms: [0, 0, 1, 1], smallBelow: 5 },
  { label: '17-year-olds slice (full year − 10–16)', atoms: [0, 1, 0, 1], smallBelow: 5 },
  { label: 'atom a', atoms: [1, 0, 0, 0], smallBelow: 5 },
  { label: 'atom b (April–February 17-year-olds)', atoms: [0, 1, 0, 0], smallBelow: 5 },
  { label: 'atom c (March 10–16)', atoms: [0, 0, 1, 0], smallBelow: 5 },
  { label: 'atom d (March 17-year-olds)', atoms: [0, 0, 0, 1], smallBelow: 5 },
];

interface WardCase {
  readonly ward: string;
  readonly measure: Measure;
  /** Published value of each run, and the run's table. */
  readonly published: readonly number[];
  readonly tables: readonly PerturbationTable[];
  /** True atom counts, from the calculator. */
  readonly atoms: readonly number[];
}

function wardCases(): WardCase[] {
  const cases: WardCase[] = [];
  const values = RUNS.map((run) => wardValues(run.result));
  for (const measure of MEASURES)
    for (const ward of wardCodes) {
      const full = recordsOf(FULL, measure, ward);
      const window = recordsOf(TO_FEBRUARY, measure, ward);
      const younger = recordsOf(UNDER_17, measure, ward);
      const atoms = [0, 0, 0, 0];
      for (const record of full) atoms[(window.has(record) ? 0 : 2) + (younger.has(record) ? 0 : 1)] += 1;
      // a: in both; b: window only; c: 10–16 only; d: neither.
      cases.push({
        ward,
        measure,
        published: values.map((value) => value[measure].get(ward)!),
        tables: RUNS.map(tableOf),
        atoms: [atoms[0], atoms[1], atoms[2], atoms[3]],
      });
    }
  return cases;
}

const dot = (coefficients: readonly number[], atoms: readonly number[]): number =>
  coefficients.reduce((sum, c, i) => sum + c * atoms[i], 0);

/** Small targets (true value 1 … smallBelow − 1) of a ward. */
function smallTargets(wardCase: WardCase): Target[] {
  return TARGETS.filter((target) => {
    const value = dot(target.atoms, wardCase.atoms);
    return value >= 1 && value < target.smallBelow;
  });
}

/**
 * The LP intruder: each run's sum of atoms within the brute-force range of its published value;
 * HiGHS bounds each target (the upper end only when the target cannot be zero).
 */
function lpRange(solver: LinearSolver, wardCase: WardCase, target: Target): { lower: number; upper: number } {
  const constraints: LinearConstraint[] = RUN_ATOMS.map((atoms, run) => {
    const counts = countsGiving(wardCase.tables[run], wardCase.published[run]);
    // The brute-force inverse has no gaps, so a range says all of it.
    expect(counts).toEqual(Array.from({ length: counts.length }, (_, i) => counts[0] + i));
    return {
      terms: new Map(atoms.map((atom) => [atom, 1])),
      lower: counts[0],
      upper: counts[counts.length - 1],
    };
  });
  const end = (sense: 'minimize' | 'maximize'): number => {
    const solution = solver.solve({
      sense,
      variableCount: ATOMS.length,
      objective: new Map(target.atoms.map((c, i) => [i, c] as [number, number]).filter(([, c]) => c !== 0)),
      constraints,
      lowerBounds: ATOMS.map(() => 0),
      upperBounds: ATOMS.map(() => Number.POSITIVE_INFINITY),
    });
    if (solution.status !== 'optimal') throw new Error(`intruder LP for ${wardCase.ward}: ${solution.status}`);
    // The runs' rows are intervals of a, b, c, d in the order b, a, c, d: totally unimodular, so the ends are whole.
    return sense === 'minimize' ? Math.ceil(solution.objective - 1e-6) : Math.floor(solution.objective + 1e-6);
  };
  const lower = end('minimize');
  // A target that could be zero is not pinned to its (non-zero) truth: its upper end is not needed.
  return { lower, upper: lower === 0 ? Number.POSITIVE_INFINITY : end('maximize') };
}

/**
 * The exhaustive intruder that knows the method: every whole filling of a, b, c, d whose run
 * counts can give the published values under keys that hang together. A run's key is the sum mod
 * 256 of its records' keys, so of its non-empty atoms' keys, each unknown: with three or more
 * non-empty atoms the three distinct runs' keys can be anything (any three of the atoms' columns
 * are unimodular), with two or fewer they are each 0, x, y or x + y of two free keys. The full
 * year at thresholds 5 and 7 always shares a key. Returns the values each target can take.
 */
function keyAwareValues(wardCase: WardCase): Map<Target, Set<number>> {
  const [full, window, younger, fullAtSeven] = RUN_ATOMS.map((_, run) =>
    countsGiving(wardCase.tables[run], wardCase.published[run]),
  );
  const keysOf = (run: number, count: number): boolean[] =>
    keysGiving(wardCase.tables[run], count, wardCase.published[run]);
  // The full year's keys: those giving both of its publications (the same table, so the same value).
  const fullKeys = new Map(
    full
      .filter((count) => fullAtSeven.includes(count))
      .map((count) => [count, keysOf(0, count).map((ok, key) => ok && keysOf(3, count)[key])] as const)
      .filter(([, keys]) => keys.some(Boolean)),
  );
  const consistent = (atoms: readonly number[], counts: readonly number[]): boolean => {
    const nonEmpty = [0, 1, 2, 3].filter((i) => atoms[i] > 0);
    // Three or more non-empty atoms: the three runs' keys are free (and each run's value is possible).
    if (nonEmpty.length >= 3) return true;
    const sets = [fullKeys.get(counts[0])!, keysOf(1, counts[1]), keysOf(2, counts[2])];
    // Each run (full year, April–February, 10–16) as 0, x, y or x + y of the non-empty atoms' keys.
    const forms = RUN_ATOMS.slice(0, 3).map((members) =>
      nonEmpty.reduce((form, atom, i) => form | (members.includes(atom) ? 1 << i : 0), 0),
    );
    // x must be in every set of a run of form x, y in every set of form y, x + y in every set of form x + y.
    const within = (form: number): readonly boolean[] =>
      forms.reduce<readonly boolean[]>(
        (keys, f, run) => (f === form ? keys.map((ok, key) => ok && sets[run][key]) : keys),
        ALL_KEYS,
      );
    if (!within(0)[0]) return false;
    const [inX, inY, sum] = [within(1), within(2), within(3)];
    const xs = KEY_LIST.filter((key) => inX[key]);
    const ys = nonEmpty.length === 2 ? KEY_LIST.filter((key) => inY[key]) : [0];
    const sums = KEY_LIST.filter((key) => sum[key]);
    if (xs.length === 0 || ys.length === 0 || sums.length === 0) return false;
    // A free key (no run of its form alone) lets x + y take any value.
    if (sums.length === 256 || (nonEmpty.length === 2 && (xs.length === 256 || ys.length === 256))) return true;
    for (const x of xs) for (const y of ys) if (sum[(x + y) % 256]) return true;
    return false;
  };
  const values = new Map(TARGETS.map((target) => [target, new Set<number>()]));
  for (const n1 of fullKeys.keys())
    for (const n2 of window)
      for (const n3 of younger)
        // a + b = n2, a + c = n3, a + b + c + d = n1, all at least 0.
        for (let a = Math.max(0, n2 + n3 - n1); a <= Math.min(n2, n3); a++) {
          const atoms = [a, n2 - a, n3 - a, n1 - n2 - n3 + a];
          if (!consistent(atoms, [n1, n2, n3])) continue;
          for (const target of TARGETS) values.get(target)!.add(dot(target.atoms, atoms));
        }
  return values;
}

describe('an intruder with every run and the published table', () => {
  let cases: WardCase[];
  beforeAll(() => {
    cases = wardCases();
  });

  it('finds plenty of small counts and small differences between the runs to attack', () => {
    const small = cases.flatMap((wardCase) => smallTargets(wardCase));
    const slices = small.filter((target) => target.label.includes('slice'));
    expect(small.length).toBeGreaterThan(300);
    expect(slices.length).toBeGreaterThan(100);
  });

  it('recovers no small count or slice exactly with a linear programme over the published ranges (HiGHS)', () => {
    const pinned: string[] = [];
    let checked = 0;
    let couldBeZero = 0;
    for (const wardCase of cases)
      for (const target of smallTargets(wardCase)) {
        const truth = dot(target.atoms, wardCase.atoms);
        const range = lpRange(solver, wardCase, target);
        checked += 1;
        // The model is sound: the truth is among what it allows.
        expect({
          ward: wardCase.ward,
          target: target.label,
          holds: range.lower <= truth && truth <= range.upper,
        }).toEqual({ ward: wardCase.ward, target: target.label, holds: true });
        if (range.lower === 0) couldBeZero += 1;
        if (range.lower === range.upper)
          pinned.push(
            `${wardCase.measure} ${wardCase.ward} ${target.label} = ${truth} (${wardCase.published.join(', ')})`,
          );
      }
    expect(pinned).toEqual([]);
    expect(checked).toBeGreaterThan(300);
    expect(couldBeZero).toBeGreaterThan(checked / 2);
  });

  /**
   * What the method itself gives away, on top of the ranges: equal records have equal keys and are
   * published alike under one table, so two nested runs that published a ward differently counted
   * different records there; and a run's key is the sum of its atoms' keys. E.g. offences in a
   * ward, full year 8 published 6 (6 … 8), April–February 7 published 8 (7 … 10): from the ranges
   * alone March is 0 or 1, but it cannot be 0, so it would be exactly 1. The product's audit knows
   * the first and moves such a cell's key to another outcome of its row (recorded in the ledger).
   */
  it('recovers no small count or slice exactly even knowing that the noise follows the records (exhaustive search)', () => {
    const pinned: string[] = [];
    let checked = 0;
    for (const wardCase of cases) {
      const small = smallTargets(wardCase);
      if (small.length === 0) continue;
      const values = keyAwareValues(wardCase);
      for (const target of small) {
        const truth = dot(target.atoms, wardCase.atoms);
        const can = values.get(target)!;
        checked += 1;
        expect({ ward: wardCase.ward, target: target.label, holds: can.has(truth) }).toEqual({
          ward: wardCase.ward,
          target: target.label,
          holds: true,
        });
        if (can.size === 1)
          pinned.push(
            `${wardCase.measure} in ${wardCase.ward}: ${target.label} = ${truth}; published ${wardCase.published.join(', ')}; atoms ${wardCase.atoms.join(', ')}`,
          );
      }
    }
    expect(checked).toBeGreaterThan(300);
    expect(pinned).toEqual([]);
  });
});

describe('consistency: the noise follows the records', () => {
  it('publishes the same ward, district and area values when a run is repeated with the same ledger', () => {
    const again = resultOf(analyse(AGAIN.change, AGAIN.result.ledger));
    expect(again.disclosure.acrossRuns?.joined).toEqual([1, 2, 3, 4]);
    expect(wardValues(again)).toEqual(wardValues(AGAIN.result));
    expect(again.districts.map((d) => [shown(d.offences.published), shown(d.youngOffenders.published)])).toEqual(
      AGAIN.result.districts.map((d) => [shown(d.offences.published), shown(d.youngOffenders.published)]),
    );
    expect([shown(again.area.offencesPublished), shown(again.area.youngOffendersPublished)]).toEqual([
      shown(AGAIN.result.area.offencesPublished),
      shown(AGAIN.result.area.youngOffendersPublished),
    ]);
  });

  it('publishes a ward as an earlier run under the same table did when its records are exactly the same', () => {
    const values = RUNS.map((run) => wardValues(run.result));
    let same = 0;
    let differentRecordsSameCount = 0;
    // Runs 1–3 share the threshold-5 table.
    for (const [i, j] of [
      [0, 1],
      [0, 2],
      [1, 2],
    ])
      for (const measure of MEASURES)
        for (const ward of wardCodes) {
          const earlier = recordsOf(RUNS[i], measure, ward);
          const later = recordsOf(RUNS[j], measure, ward);
          if (earlier.size !== later.size) continue;
          if ([...later].every((record) => earlier.has(record))) {
            same += 1;
            expect({ measure, ward, runs: [i + 1, j + 1], later: values[j][measure].get(ward) }).toEqual({
              measure,
              ward,
              runs: [i + 1, j + 1],
              later: values[i][measure].get(ward),
            });
          } else differentRecordsSameCount += 1;
        }
    // Wards with no March offence (or no 17-year-old) are many.
    expect(same).toBeGreaterThan(100);
    expect(differentRecordsSameCount).toBeGreaterThan(0);
  });
});

describe('coherence of every run as published', () => {
  it('makes every district and the area the sum of their wards as published, and shows no count from 1 to threshold − 1', () => {
    for (const run of RUNS) {
      const { wards, districts, area } = run.result;
      const threshold = run.result.disclosure.rules.threshold;
      for (const measure of MEASURES) {
        const wardSum = (key: string | null): number =>
          wards
            .filter((ward) => key === null || (ward.districtCode || ward.districtName) === key)
            .reduce((sum, ward) => sum + shown(ward[measure].published), 0);
        expect(districts.length).toBeGreaterThan(1);
        for (const district of districts)
          expect({
            run: run.name,
            measure,
            district: district.districtCode,
            value: shown(district[measure].published),
          }).toEqual({
            run: run.name,
            measure,
            district: district.districtCode,
            value: wardSum(district.districtCode),
          });
        const areaPublished = measure === 'offences' ? area.offencesPublished : area.youngOffendersPublished;
        expect({ run: run.name, measure, area: shown(areaPublished) }).toEqual({
          run: run.name,
          measure,
          area: wardSum(null),
        });
        const everyValue = [
          ...wards.map((ward) => shown(ward[measure].published)),
          ...districts.map((district) => shown(district[measure].published)),
          shown(areaPublished),
        ];
        expect(everyValue.filter((value) => value >= 1 && value < threshold)).toEqual([]);
      }
      const distinct = shown(run.result.distinctYoungOffenders.published);
      expect(distinct === 0 || distinct >= threshold).toBe(true);
    }
  });

  it('rates each ward, district and the area on the published count: published / young population × 1,000', () => {
    for (const run of RUNS) {
      const { wards, districts, area } = run.result;
      for (const unit of [...wards, ...districts])
        for (const measure of MEASURES) {
          if (!(unit.youngPopulation > 0)) continue;
          const expected = (shown(unit[measure].published) / unit.youngPopulation) * 1000;
          expect(unit[measure].rate).toBeCloseTo(expected, 9);
        }
      expect(area.offenceRate).toBeCloseTo((shown(area.offencesPublished) / area.youngPopulation) * 1000, 9);
      expect(area.youngOffenderRate).toBeCloseTo(
        (shown(area.youngOffendersPublished) / area.youngPopulation) * 1000,
        9,
      );
    }
  });
});

describe('the ledger after a row of the extract is edited', () => {
  it('still joins every earlier run and passes the audit when one offence is moved to another ward', () => {
    const sheet = demo.workbook.sheets.find((s) => s.name === demo.truth.sheetNames.offences)!;
    const header = sheet.rows[0].map(String);
    const easting = header.indexOf('Offence Easting');
    const rowsOfCrime = new Map<string, number>();
    for (const row of rows) rowsOfCrime.set(row.crime, (rowsOfCrime.get(row.crime) ?? 0) + 1);
    // An offence of one row that every run counts, moved to where another ward's offence happened.
    const edited = rows.find(
      (row) =>
        rowsOfCrime.get(row.crime) === 1 &&
        row.age <= 16 &&
        !NOT_VIOLENCE.has(row.type) &&
        row.date.getTime() <= END_OF_FEBRUARY.getTime() &&
        row.offenceWard !== null,
    )!;
    const donor = rows.find((row) => row.offenceWard !== null && row.offenceWard !== edited.offenceWard)!;
    const cells = sheet.rows.map((row, index) =>
      index + 1 === edited.row
        ? row.map((cell, column) =>
            column === easting || column === easting + 1 ? sheet.rows[donor.row - 1][column] : cell,
          )
        : row,
    );
    const workbook: WorkbookData = {
      sheets: demo.workbook.sheets.map((s) => (s.name === sheet.name ? { ...s, rows: cells } : s)),
    };
    const outcome = analyse(AGAIN.change, AGAIN.result.ledger, workbook);
    const result = resultOf(outcome);
    expect(result.disclosure.acrossRuns?.joined).toEqual([1, 2, 3, 4]);
    expect(result.disclosure.acrossRuns?.changedSincePublished).toBeGreaterThan(0);
    expect(result.disclosure.perturbation?.countsChecked).toBeGreaterThan(0);

    // The calculator on the edited sheet: the offence now lies in the donor's ward.
    const offenceWard = new Map(demo.truth.offences.rows.map((truth) => [truth.row, truth.offenceWardCode]));
    const editedRows = readOffenceRows({ ...sheet, rows: cells }, demo, (row) =>
      row === edited.row ? donor.offenceWard : (offenceWard.get(row) ?? null),
    );
    const truth = wardRecords(editedRows, AGAIN.scope);
    const secret = result.ledger.secret;
    const before = wardValues(AGAIN.result);
    const after = wardValues(result);
    const moved = new Set([edited.offenceWard, donor.offenceWard]);
    for (const ward of result.wards)
      for (const measure of MEASURES) {
        const records = truth[measure].get(ward.wardCode) ?? new Set<string>();
        expect({ measure, ward: ward.wardCode, count: ward[measure].count }).toEqual({
          measure,
          ward: ward.wardCode,
          count: records.size,
        });
        const value = valueAt(tableOf(AGAIN), records.size, cellKeyByHand(secret, records));
        expect({ measure, ward: ward.wardCode, published: after[measure].get(ward.wardCode) }).toEqual({
          measure,
          ward: ward.wardCode,
          published: value,
        });
        // Every other count has the records it had, so the value it had.
        if (measure === 'youngOffenders' || !moved.has(ward.wardCode))
          expect({ measure, ward: ward.wardCode, published: after[measure].get(ward.wardCode) }).toEqual({
            measure,
            ward: ward.wardCode,
            published: before[measure].get(ward.wardCode),
          });
      }
    expect(truth.offences.get(edited.offenceWard!)?.size).toBe(trueCount(AGAIN, 'offences', edited.offenceWard!) - 1);
  });
});

describe('one perturbation table per ledger', () => {
  it('refuses a stricter threshold on a perturbation ledger, since the same counts under two tables would show their noise', () => {
    const outcome = analyse({ threshold: 7 }, AGAIN.result.ledger);
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.problems.map((problem) => problem.message).join(' ')).toMatch(/another perturbation table/);
  });
});

describe('switching method within one ledger', () => {
  const problemText = (outcome: AnalysisOutcome): string =>
    outcome.ok ? '(published)' : outcome.problems.map((problem) => problem.message).join(' ');

  it('refuses a suppression run after a perturbation run of the same records', () => {
    const outcome = analyse({ disclosureMethod: 'suppression' }, FULL.result.ledger);
    expect(outcome.ok).toBe(false);
    expect(problemText(outcome)).toMatch(/would publish exact counts where they were perturbed/);
  });

  it('refuses a perturbation run after a suppression run of the same records', () => {
    const suppressed = resultOf(analyse({ disclosureMethod: 'suppression' }, undefined));
    expect(suppressed.disclosure.withheld).toBeGreaterThan(0);
    const outcome = analyse({}, suppressed.ledger);
    expect(outcome.ok).toBe(false);
    expect(problemText(outcome)).toMatch(/would perturb counts that were published exact or withheld/);
  });
});
