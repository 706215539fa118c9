/**
 * End to end: with rounding on, every figure the output workbook publishes about offences, young
 * offenders and young offenders attending — the Wards and Schools tables, the Method sheet's
 * placement block and rows in and out, the Summary's headline, the Charts' data block, the Audit
 * sheet's steps and the dialogue's replies recorded on it — read back from the written .xlsx and
 * handed together to an outsider's linear programmes (test/e2e/lpAttacker.ts, which shares nothing
 * with the engine's audit but the solver). No withheld count may be narrowed below the protection
 * interval.
 *
 * The demo is small (15 wards in 4 districts, 25 schools, 80 offence rows) so that most counts are
 * small. Before the audit's model held the Method sheet's figures, this same attacker narrowed
 * withheld wards of both measures below the interval of 5: offences to 1–3, young offenders to 1–4.
 */
import fs from 'fs';
import os from 'os';
import path from 'path';
import { main } from '../../src/cli/main';
import { loadHighsSolver, type LinearSolver } from '../../src/core/disclosure';
import type { CellValue, WorkbookData } from '../../src/core/types';
import { generateDemo, type DemoData } from '../../src/demo';
import { writeDemoFiles } from '../../src/demo/node';
import { readWorkbookFile } from '../../src/workbook/xlsx';
import { attack } from './lpAttacker';
import {
  hasLabel,
  labelled,
  sheetNamed,
  statementBeside,
  tableRows,
  textsOf,
  WITHHELD,
  type Published,
} from './outputSheets';
import {
  attackerFacts,
  demoSchoolPhases,
  printedNumber,
  readPublishedFigures,
  runSheetName,
  shownRange,
  type PublishedFigures,
} from './publishedFigures';

let workdir: string;
let demo: DemoData;
let output: WorkbookData;
let exitCode: number;
let figures: PublishedFigures;
let solver: LinearSolver;

/** The dialogue: explain every ward and every school, list the top, then run again so the second run's Audit sheet records every reply. */
function dialogue(data: DemoData, urns: readonly string[]): string[] {
  return [
    'run',
    ...data.truth.wards.boundaries.map((ward) =>
      JSON.stringify({ kind: 'explainWard', ward: ward.wardName, code: ward.wardCode }),
    ),
    ...urns.map((urn) => JSON.stringify({ kind: 'explainSchool', school: urn, urn })),
    'show the top 10',
    'which of the top 20 are not on the list?',
    'run',
  ];
}

beforeAll(async () => {
  solver = await loadHighsSolver();
  workdir = fs.mkdtempSync(path.join(os.tmpdir(), 'catchment-every-figure-'));
  demo = generateDemo({ seed: 26, offences: 80, wards: 15, districts: 4, schools: 25 });
  const files = await writeDemoFiles(demo, workdir);
  const phases = demoSchoolPhases(demo);
  const script = path.join(workdir, 'dialogue.txt');
  fs.writeFileSync(script, `${dialogue(demo, [...phases.keys()]).join('\n')}\n`);
  const outputPath = path.join(workdir, 'rounded.xlsx');
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
      '--rounding',
      '5',
      '--phase',
      'primary,secondary,all-through,special,ap',
      '--simulations',
      '50',
      '--show-attending',
      '--script',
      script,
      '--quiet',
    ]);
  } finally {
    quiet.mockRestore();
    out.mockRestore();
  }
  output = await readWorkbookFile(outputPath);
  figures = readPublishedFigures(output, (urn) => phases.get(urn)!);
});

afterAll(() => fs.rmSync(workdir, { recursive: true, force: true }));

const numberOf = (value: Published): number => {
  if (value === WITHHELD) throw new Error('expected a shown count');
  return value;
};

describe('a small demo with counts rounded to 5 and withheld below 5', () => {
  it('runs twice on the same choices, withholding many counts and publishing the same figures each time', () => {
    expect(exitCode).toBe(0);
    expect(figures.rules).toEqual({ threshold: 5, zerosShown: true, roundingBase: 5, protectionInterval: 5 });
    const withheld = [...figures.counts.values()].filter((value) => value === WITHHELD).length;
    expect(withheld).toBeGreaterThan(20);
    const second = readPublishedFigures(output, (urn) => demoSchoolPhases(demo).get(urn)!, 2);
    expect(second.counts).toEqual(figures.counts);
    expect(second.placement).toEqual(figures.placement);
  });

  it("keeps the Method sheet's placement exact: its rows add up and match the rows in and out", () => {
    const p = figures.placement;
    expect(p.inScope).toBe(figures.offenceRowsUsed);
    expect(numberOf(p.offenceInWard) + numberOf(p.offenceOutside) + numberOf(p.offenceUnknown)).toBe(p.offencesInScope);
    // Co-offending makes fewer offences than rows, never more.
    expect(numberOf(p.offencesInScope)).toBeLessThanOrEqual(numberOf(p.inScope));
    expect(numberOf(p.homeInWard) + numberOf(p.homeOutside) + numberOf(p.homeUnknown)).toBe(p.inScope);
  });

  it('lists on the Validation sheet no more unplaced locations than the Method sheet counts', () => {
    // Each in-scope row whose offence (or home) location lies outside the area has one warning there.
    const issues = tableRows(sheetNamed(output, 'Validation'), 'Sheet', 'Row');
    const outside = (prefix: string) =>
      issues.filter((issue) => issue.Code === 'outsideArea' && String(issue.Column).startsWith(prefix)).length;
    expect(outside('Offence')).toBe(figures.placement.offenceOutside);
    expect(outside('Home')).toBe(figures.placement.homeOutside);
  });

  it("shows the area's offences exactly everywhere, as the placement fixes them, and says why", () => {
    expect(figures.counts.get('offences:area')).toBe(figures.placement.offenceInWard);
    const method = sheetNamed(output, 'Method');
    expect(statementBeside(method, 'Rounding')).toContain(
      'Shown exactly instead, on every sheet: Offences in the area.',
    );
    expect(statementBeside(method, 'Figures beside the tables')).toContain(
      `distinct offences in scope − outside − unknown = ${figures.placement.offenceInWard}`,
    );
  });

  it('says how many counts are withheld, but never how many of them are small', () => {
    const method = sheetNamed(output, 'Method');
    expect(labelled(method, 'Counts withheld')).toBe(
      [...figures.counts.values()].filter((value) => value === WITHHELD).length,
    );
    for (const name of ['Summary', 'Method', 'Audit', 'Audit (2)']) {
      for (const text of textsOf(sheetNamed(output, name)))
        expect(text).not.toMatch(/\bprimary\)|\(secondary\)|withheld as small/);
    }
    expect(hasLabel(method, 'Withheld as small (primary)')).toBe(false);
  });

  it('repeats on the Summary and Audit sheets only the area totals the Wards sheet publishes', () => {
    const areaLine = textsOf(sheetNamed(output, 'Summary')).find((text) => text.startsWith('Area rate:'))!;
    const [, offences, youngOffenders] = /\((\S+) offences; (\S+) young offenders;/.exec(areaLine)!;
    expect(printedNumber(offences)).toBe(figures.counts.get('offences:area'));
    expect(printedNumber(youngOffenders)).toBe(figures.counts.get('youngOffenders:area'));
    const steps = tableRows(sheetNamed(output, 'Audit'), 'Step');
    const placed = String(steps.find((step) => step.What === 'Place offences')!.Detail);
    const [, inScope, distinctOffences, inWards, living] =
      /^(\S+) rows in scope, (\S+) distinct offences; (\S+) offences placed in a ward by offence location; (\S+) distinct young offenders living in the area/.exec(
        placed,
      )!;
    expect(printedNumber(inScope)).toBe(figures.placement.inScope);
    expect(printedNumber(distinctOffences)).toBe(figures.placement.offencesInScope);
    expect(printedNumber(inWards)).toBe(figures.counts.get('offences:area'));
    expect(printedNumber(living)).toBe(figures.counts.get('youngOffenders:area'));
  });

  it('derives every rate on the Wards sheet and in the Charts data block from a shown count', () => {
    const wards = tableRows(sheetNamed(output, 'Wards'), 'Ward code');
    const rateByName = new Map<CellValue, CellValue>();
    for (const ward of wards) {
      const count = ward.Offences;
      const rate = ward['Offence rate per 1,000'];
      if (count === WITHHELD) expect(rate).toBe(WITHHELD);
      else expect(Number(rate)).toBeCloseTo((Number(count) / Number(ward['Young population'])) * 1000, 9);
      if (ward['Young offenders resident'] === WITHHELD) expect(ward['Young offender rate per 1,000']).toBe(WITHHELD);
      rateByName.set(ward['Ward name'], rate);
    }
    const charted = tableRows(sheetNamed(output, 'Charts'), 'Ward');
    expect(charted.length).toBeGreaterThan(0);
    for (const row of charted) expect(row['Rate per 1,000']).toBe(rateByName.get(row.Ward));
  });

  it('answers in the dialogue, as recorded on the Audit sheet, with the counts the tables publish', () => {
    const turns = tableRows(sheetNamed(output, runSheetName('Audit', 2)), 'Turn', 'Time');
    const replies = turns.map((turn) => String(turn.Reply));
    let wardsChecked = 0;
    for (const ward of demo.truth.wards.boundaries) {
      const reply = replies.find((text) => text.startsWith(`${ward.wardName} (${ward.wardCode}`))!;
      const said = (label: string): Published => printedNumber(new RegExp(`${label}: (\\S+?)[,]? `).exec(reply)![1]);
      expect(said('Violent offences that happened here')).toBe(figures.counts.get(`offences:ward:${ward.wardCode}`));
      expect(said('Young offenders living here')).toBe(figures.counts.get(`youngOffenders:ward:${ward.wardCode}`));
      wardsChecked += 1;
    }
    expect(wardsChecked).toBe(15);
    const schoolReplies = replies.filter((text) =>
      text.includes('Young offenders attending (where the school is recorded)'),
    );
    expect(schoolReplies.length).toBe(
      [...figures.counts.keys()].filter((id) => id.startsWith('attending:school:')).length,
    );
    for (const reply of schoolReplies) {
      const urn = /\(URN (\d+),/.exec(reply)![1];
      const attending =
        /Young offenders attending \(where the school is recorded\): (\S+?)[.]?(?: \(withheld\))?\.?$/m.exec(reply)![1];
      expect(printedNumber(attending)).toBe(figures.counts.get(`attending:school:${urn}`));
    }
  });

  it('lets an outsider with every figure together narrow no withheld count below the protection interval', () => {
    const withheld = [...figures.counts].filter(([, value]) => value === WITHHELD).map(([id]) => id);
    const ranges = attack(attackerFacts(figures), withheld, solver);
    const narrow = [...ranges].filter(([, range]) => !(range.upper - range.lower >= figures.rules.protectionInterval));
    expect(narrow).toEqual([]);
    // The wards are among them: the attack is on the counts that matter most.
    expect(withheld.filter((id) => id.includes(':ward:')).length).toBeGreaterThan(10);
  });
});

describe('the outsider of this test', () => {
  it('reads a rounded count as the whole numbers that round to it and would not be withheld', () => {
    const rules = { threshold: 5, zerosShown: true, roundingBase: 5, protectionInterval: 5 };
    // 5 stands for 3–7, but 3 and 4 would have been withheld: 5–7. 0 stands for 0 alone (1 and 2 are withheld).
    expect(shownRange(5, rules)).toEqual({ lower: 5, upper: 7 });
    expect(shownRange(0, rules)).toEqual({ lower: 0, upper: 0 });
    expect(shownRange(20, rules)).toEqual({ lower: 18, upper: 22 });
    // 59 is no multiple of 5, so it was not rounded.
    expect(shownRange(59, rules)).toEqual({ lower: 59, upper: 59 });
  });

  it('pins a withheld ward from an exact area total where the rounded one would leave it wide', async () => {
    // Area 8 over wards 5 (shown: 5–7), [c], [c]. Rounded to 10 (8–12), the area leaves the withheld
    // pair 1 to 7, each 1–6; exactly 8 (in scope 9 − outside 1 − unknown 0), it leaves 1 to 3, each 1–2.
    const rules = { threshold: 5, zerosShown: true, roundingBase: 5, protectionInterval: 5 };
    const base: PublishedFigures = {
      rules,
      counts: new Map<string, Published>([
        ['offences:ward:a', 5],
        ['offences:ward:b', WITHHELD],
        ['offences:ward:c', WITHHELD],
        ['offences:area', 10],
      ]),
      sums: [{ total: 'offences:area', parts: ['offences:ward:a', 'offences:ward:b', 'offences:ward:c'] }],
      placement: {
        inScope: WITHHELD,
        offencesInScope: WITHHELD,
        offenceInWard: WITHHELD,
        offenceOutside: WITHHELD,
        offenceUnknown: WITHHELD,
        homeInWard: WITHHELD,
        homeOutside: WITHHELD,
        homeUnknown: WITHHELD,
        distinctYoungOffenders: 1000,
        youngOffendersInArea: WITHHELD,
        youngOffendersUnderTableRules: true,
      },
      offenceRowsUsed: 0,
    };
    const rounded = attack(attackerFacts(base), ['offences:ward:b'], solver);
    expect(rounded.get('offences:ward:b')).toEqual({ lower: 1, upper: 6 });
    const exact = attack(
      attackerFacts({
        ...base,
        placement: { ...base.placement, inScope: 9, offencesInScope: 9, offenceOutside: 1, offenceUnknown: 0 },
      }),
      ['offences:ward:b'],
      solver,
    );
    expect(exact.get('offences:ward:b')).toEqual({ lower: 1, upper: 2 });
  });
});
