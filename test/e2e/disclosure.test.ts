/**
 * End to end: the disclosure control on a generated workbook sparse enough that many counts are
 * small, read back from the written .xlsx. An attacker who sees only the output workbook tries
 * subtraction along every published total (ward -> district -> area for both measures; school ->
 * phase -> all schools), repeatedly, using what each step recovers; nothing withheld may fall.
 */
import fs from 'fs';
import os from 'os';
import path from 'path';
import { main } from '../../src/cli/main';
import { parseAnalyseArguments } from '../../src/cli/parseArguments';
import { generateDemo } from '../../src/demo';
import type { DemoData } from '../../src/demo';
import { writeDemoFiles } from '../../src/demo/node';
import { readWorkbookFile } from '../../src/workbook/xlsx';
import type { WorkbookData } from '../../src/core/types';
import { loadHighsSolver } from '../../src/core/disclosure';
import { attack } from './lpAttacker';
import { asPublished, labelled, sheetNamed, tableRows, WITHHELD, type Published } from './outputSheets';
import { attackerFacts, demoSchoolPhases, readPublishedFigures } from './publishedFigures';

interface Relation {
  readonly total: string;
  readonly parts: readonly string[];
}

/**
 * Subtraction along totals to a fixed point: a relation with exactly one withheld member gives it
 * away (total − shown parts, or the sum of the parts), and a recovered value counts as shown for the
 * next relation. Returns what was recovered.
 */
function subtractionAttack(
  values: ReadonlyMap<string, Published>,
  relations: readonly Relation[],
): Map<string, number> {
  const known = new Map<string, number>();
  for (const [id, value] of values) if (value !== WITHHELD) known.set(id, value);
  const recovered = new Map<string, number>();
  for (let changed = true; changed;) {
    changed = false;
    for (const relation of relations) {
      const members = [relation.total, ...relation.parts];
      const unknown = members.filter((id) => !known.has(id));
      if (unknown.length !== 1) continue;
      const [id] = unknown;
      const partsSum = relation.parts.reduce((sum, part) => sum + (known.get(part) ?? 0), 0);
      const value = id === relation.total ? partsSum : known.get(relation.total)! - partsSum;
      known.set(id, value);
      recovered.set(id, value);
      changed = true;
    }
  }
  return recovered;
}

describe('the demo workbook protected by the disclosure control', () => {
  let workdir: string;
  let demo: DemoData;
  let output: WorkbookData;
  let exitCode: number;

  beforeAll(async () => {
    workdir = fs.mkdtempSync(path.join(os.tmpdir(), 'catchment-disclosure-'));
    demo = generateDemo({ seed: 5, offences: 1500 });
    const files = await writeDemoFiles(demo, workdir);
    const outputPath = path.join(workdir, 'protected.xlsx');
    const quiet = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
    const out = jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
    try {
      exitCode = await main([
        'analyse',
        files.workbookPath,
        '--out',
        outputPath,
        '--boundaries',
        files.boundariesPath,
        '--threshold',
        '5',
        '--phase',
        'primary,secondary,all-through,special,ap',
        '--simulations',
        '50',
        '--show-attending',
        '--quiet',
      ]);
    } finally {
      quiet.mockRestore();
      out.mockRestore();
    }
    output = await readWorkbookFile(outputPath);
  });

  afterAll(() => fs.rmSync(workdir, { recursive: true, force: true }));

  it("passes the attacker's audit and says so on the Method and Audit sheets", () => {
    expect(exitCode).toBe(0);
    const method = sheetNamed(output, 'Method');
    expect(String(labelled(method, 'Audit result'))).toMatch(
      /^Passed: every withheld count's range is at least 5 wide/,
    );
    expect(String(labelled(method, 'Protection interval'))).toMatch(/^5 \(the threshold\)/);
    expect(String(labelled(method, 'Narrowest range an outsider can reach'))).toMatch(
      /^\d+ (to \d+, a range of \d+|upwards)/,
    );
    const audit = tableRows(sheetNamed(output, 'Audit'), 'Step');
    expect(audit.map((row) => row.What)).toEqual(expect.arrayContaining(['Disclosure control', 'Disclosure audit']));
  });

  it('withholds counts and shows every withheld count as [c] once per table, as many as the Method sheet says', () => {
    const method = sheetNamed(output, 'Method');
    const withheld = Number(labelled(method, 'Counts withheld'));
    expect(withheld).toBeGreaterThan(20);
    // Every published count appears once in these tables: wards (two measures), districts (two),
    // the area block (two), schools, and the phase totals with the all-schools row.
    const wards = tableRows(sheetNamed(output, 'Wards'), 'Ward code');
    const districts = tableRows(sheetNamed(output, 'Wards'), 'District', 'Wards');
    const schools = tableRows(sheetNamed(output, 'Schools'), 'Rank');
    const phases = tableRows(sheetNamed(output, 'Schools'), 'Phase', 'Schools ranked');
    const wardsSheet = sheetNamed(output, 'Wards');
    const all = [
      ...wards.flatMap((w) => [w.Offences, w['Young offenders resident']]),
      ...districts.flatMap((d) => [d.Offences, d['Young offenders resident']]),
      labelled(wardsSheet, 'Offences'),
      labelled(wardsSheet, 'Young offenders resident'),
      ...schools.map((s) => s['Young offenders attending']),
      ...phases.map((p) => p['Young offenders attending']),
    ];
    expect(all.filter((value) => value === WITHHELD).length).toBe(withheld);
    for (const value of all)
      expect(value === WITHHELD || (typeof value === 'number' && (value === 0 || value >= 5))).toBe(true);
  });

  it('lets no withheld ward, district or area count be recovered by subtraction along the totals', () => {
    const wardsSheet = sheetNamed(output, 'Wards');
    const wards = tableRows(wardsSheet, 'Ward code');
    const districts = tableRows(wardsSheet, 'District', 'Wards');
    expect(wards).toHaveLength(demo.truth.wards.count);
    expect(districts).toHaveLength(demo.truth.wards.districtCount);
    let attempted = 0;
    for (const [column, areaLabel] of [
      ['Offences', 'Offences'],
      ['Young offenders resident', 'Young offenders resident'],
    ] as const) {
      const values = new Map<string, Published>();
      wards.forEach((w) => values.set(`ward:${w['Ward code']}`, asPublished(w[column])));
      districts.forEach((d) => values.set(`district:${d.District}`, asPublished(d[column])));
      values.set('area', asPublished(labelled(wardsSheet, areaLabel)));
      const relations: Relation[] = districts.map((d) => ({
        total: `district:${d.District}`,
        parts: wards.filter((w) => w.District === d.District).map((w) => `ward:${w['Ward code']}`),
      }));
      relations.push({ total: 'area', parts: districts.map((d) => `district:${d.District}`) });
      expect(relations.slice(0, -1).reduce((sum, r) => sum + r.parts.length, 0)).toBe(wards.length);
      attempted += relations.filter((r) => [r.total, ...r.parts].some((id) => values.get(id) === WITHHELD)).length;
      expect([...subtractionAttack(values, relations).keys()]).toEqual([]);
    }
    expect(attempted).toBeGreaterThan(5);
  });

  it('lets no withheld school or phase count be recovered by subtraction along the phase totals', () => {
    const phaseOf = demoSchoolPhases(demo);
    const schools = tableRows(sheetNamed(output, 'Schools'), 'Rank');
    const phases = tableRows(sheetNamed(output, 'Schools'), 'Phase', 'Schools ranked');
    expect(phases.length).toBeGreaterThan(2);
    const values = new Map<string, Published>();
    schools.forEach((s) => values.set(`school:${s.URN}`, asPublished(s['Young offenders attending'])));
    phases.forEach((p) => values.set(`phase:${p.Phase}`, asPublished(p['Young offenders attending'])));
    const phaseRows = phases.filter((p) => p.Phase !== 'All schools ranked');
    const relations: Relation[] = phaseRows.map((p) => ({
      total: `phase:${p.Phase}`,
      parts: schools.filter((s) => phaseOf.get(String(s.URN)) === p.Phase).map((s) => `school:${s.URN}`),
    }));
    relations.push({ total: 'phase:All schools ranked', parts: phaseRows.map((p) => `phase:${p.Phase}`) });
    expect(relations.slice(0, -1).reduce((sum, r) => sum + r.parts.length, 0)).toBe(schools.length);
    expect(schools.filter((s) => s['Young offenders attending'] === WITHHELD).length).toBeGreaterThan(5);
    expect([...subtractionAttack(values, relations).keys()]).toEqual([]);
  });

  it("lets an outsider's linear programmes, with every figure of every sheet, narrow no withheld count below 5", async () => {
    // The same outsider as in everyPublishedFigure.test.ts, here without rounding: the tables, the
    // Method sheet's exact placement and its distinct young offenders, all at once.
    const figures = readPublishedFigures(output, (urn) => demoSchoolPhases(demo).get(urn)!);
    const withheld = [...figures.counts].filter(([, value]) => value === WITHHELD).map(([id]) => id);
    const ranges = attack(attackerFacts(figures), withheld, await loadHighsSolver());
    expect(withheld.length).toBeGreaterThan(20);
    expect([...ranges].filter(([, range]) => !(range.upper - range.lower >= 5))).toEqual([]);
  });

  it('withholds every rate and flag computed from a withheld count, and charts and colours no withheld ward', () => {
    const wardsSheet = sheetNamed(output, 'Wards');
    for (const ward of tableRows(wardsSheet, 'Ward code')) {
      if (ward.Offences === WITHHELD)
        expect([
          ward['Offence rate per 1,000'],
          ward['Offence rate lower CI'],
          ward['Offence rate upper CI'],
          ward['Offence ratio to area'],
          ward['Offences vs area'],
        ]).toEqual(Array(5).fill(WITHHELD));
      if (ward['Young offenders resident'] === WITHHELD) expect(ward['Young offender rate per 1,000']).toBe(WITHHELD);
    }
    for (const district of tableRows(wardsSheet, 'District', 'Wards')) {
      if (district.Offences === WITHHELD) expect(district['Offence rate per 1,000']).toBe(WITHHELD);
      if (district['Young offenders resident'] === WITHHELD)
        expect(district['Young offender rate per 1,000']).toBe(WITHHELD);
    }
    const withheldNames = new Set(
      tableRows(wardsSheet, 'Ward code')
        .filter((w) => w.Offences === WITHHELD)
        .map((w) => w['Ward name']),
    );
    const charts = sheetNamed(output, 'Charts');
    const chartedWards = tableRows(charts, 'Ward').map((row) => row.Ward);
    expect(chartedWards.length).toBeGreaterThan(0);
    for (const name of chartedWards) expect(withheldNames.has(name)).toBe(false);
  });
});

describe('the subtraction attacker of this test', () => {
  it('recovers a ward withheld alone in its district, and a second through the recovered one', () => {
    // District D = 20 over wards 3 [c], 17; area 50 over D and E [c]; E = 30 over wards [c], 12.
    const values = new Map<string, Published>([
      ['w1', WITHHELD],
      ['w2', 17],
      ['D', 20],
      ['E', WITHHELD],
      ['w3', WITHHELD],
      ['w4', 12],
      ['area', 50],
    ]);
    const relations = [
      { total: 'D', parts: ['w1', 'w2'] },
      { total: 'E', parts: ['w3', 'w4'] },
      { total: 'area', parts: ['D', 'E'] },
    ];
    expect(Object.fromEntries(subtractionAttack(values, relations))).toEqual({ w1: 3, E: 30, w3: 18 });
  });
});

describe("the command line's disclosure options", () => {
  it('reads --rounding and --protection into the parameters, defaulting to none and the threshold', () => {
    const given = parseAnalyseArguments(['in.xlsx', '--out', 'out.xlsx', '--rounding', '5', '--protection', '7']);
    expect(given.parameters).toMatchObject({ roundingBase: 5, protectionInterval: 7 });
    const defaults = parseAnalyseArguments(['in.xlsx', '--out', 'out.xlsx']);
    expect(defaults.parameters).toMatchObject({ roundingBase: null, protectionInterval: null });
  });

  it('refuses a rounding base below 2', () => {
    expect(() => parseAnalyseArguments(['in.xlsx', '--out', 'out.xlsx', '--rounding', '1'])).toThrow(
      /--rounding expects a whole number from 2/,
    );
  });
});
