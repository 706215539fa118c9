/**
 * End to end on a realistic police-style extract (test/support/realisticExtract): the command line
 * with default arguments, in-process, the output read back. Every expected figure comes from the
 * generator's record of what it planted, worked out by the independent calculator
 * (expectedFigures.ts), never from the product's own code.
 */
import fs from 'fs';
import os from 'os';
import path from 'path';
import { readWorkbookFile } from '../../src/workbook/xlsx';
import type { WorkbookData } from '../../src/core/types';
import {
  asObject,
  CURRENT_LIST,
  expectedFigures,
  generateRealisticExtract,
  plantedTypeKind,
  reconciliationOf,
  rowsInAndOut,
  scanConsole,
  scanOutputWorkbook,
  UNKNOWN_ATTENDED_URN,
  UNRECOGNISED_TYPE,
  writeExtract,
  type ExpectedFigures,
  type PlantedOffenceRow,
  type RealisticExtract,
} from '../support/realisticExtract';
import { labelled, sheetNamed, statementBeside, tableRows } from './outputSheets';
import { OUTPUT_SHEETS, runCli } from './runCli';

const THRESHOLD = 5;
// Worked by the platform's own date formatting, a second method beside the report's month table.
const longDate = (date: Date): string =>
  new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(date);
const rows = (n: number): string => `${n} row${n === 1 ? '' : 's'}`;
const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

let workdir: string;

beforeAll(() => {
  workdir = fs.mkdtempSync(path.join(os.tmpdir(), 'catchment-realistic-'));
});

afterAll(() => fs.rmSync(workdir, { recursive: true, force: true }));

describe.each([
  { seed: 7, ageHeaders: 'Age N' as const, boundaries: 'the vertex sheet' },
  { seed: 2024, ageHeaders: 'age_N' as const, boundaries: 'GeoJSON' },
])(
  'catchment analyse, default arguments, on a realistic extract (seed $seed, population headers $ageHeaders, boundaries from $boundaries)',
  ({ seed, ageHeaders, boundaries }) => {
    let extract: RealisticExtract;
    let expected: ExpectedFigures;
    let outputPath: string;
    let output: WorkbookData;
    let run: { code: number; stdout: string; stderr: string };

    beforeAll(async () => {
      extract = generateRealisticExtract({ seed, ageHeaders });
      expected = expectedFigures(extract);
      const dir = path.join(workdir, `seed-${seed}`);
      const { workbookPath, boundariesPath } = await writeExtract(extract, dir);
      outputPath = path.join(dir, 'result.xlsx');
      // --show-attending: the one departure from the defaults, so the attending counts can be checked against those planted.
      run = await runCli([
        'analyse',
        workbookPath,
        '--out',
        outputPath,
        '--show-attending',
        ...(boundaries === 'GeoJSON' ? ['--boundaries', boundariesPath] : []),
      ]);
      output = await readWorkbookFile(outputPath);
    });

    it('plants what a police extract holds: co-offending, duplicates, faults, violent and other types', () => {
      const perCrime = new Map<string, number>();
      for (const row of extract.offences)
        if (typeof row.crimeRef === 'string' && row.fault === null)
          perCrime.set(row.crimeRef.trim(), (perCrime.get(row.crimeRef.trim()) ?? 0) + 1);
      expect([...perCrime.values()].filter((n) => n >= 2).length).toBeGreaterThanOrEqual(5);
      expect([...perCrime.values()].some((n) => n === 3)).toBe(true);
      expect(extract.offences.filter((r) => r.fault === 'duplicates')).toHaveLength(4);
      expect(expected.types.notCounted.size).toBeGreaterThanOrEqual(3);
      expect(expected.types.unrecognised.get(UNRECOGNISED_TYPE)).toBeGreaterThan(0);
      expect(expected.excluded.get('ageOutsideBand')).toBeGreaterThan(0);
      // Export quirks: dates and ages as text, a co-offender's reference with a trailing space.
      expect(extract.offences.some((r) => typeof r.date === 'string' && /^\d{2}\/\d{2}\/\d{4}$/.test(r.date))).toBe(
        true,
      );
      expect(extract.offences.some((r) => typeof r.age === 'string' && /^\d+$/.test(r.age))).toBe(true);
      expect(extract.offences.some((r) => typeof r.crimeRef === 'string' && r.crimeRef.endsWith(' '))).toBe(true);
      // Excel errors: as real error cells, and one typed as text.
      const errors = extract.offences.filter((r) => r.fault === 'errorOffenderRef').map((r) => r.offenderRef);
      expect(errors).toHaveLength(2);
      expect(errors).toEqual(expect.arrayContaining([{ error: '#N/A' }, '#REF!']));
    });

    it('exits 0 and writes every result sheet', () => {
      expect(run.code).toBe(0);
      expect(output.sheets.map((s) => s.name)).toEqual(OUTPUT_SHEETS);
    });

    it("publishes each ward's distinct offences and young offenders as planted, counts 1–4 as [c]", () => {
      const wards = tableRows(sheetNamed(output, 'Wards'), 'Ward code');
      expect(wards.map((w) => w['Ward code'])).toEqual(extract.wards.map((w) => w.code));
      let compared = 0;
      for (const ward of wards) {
        const code = String(ward['Ward code']);
        for (const [column, planted] of [
          ['Offences', expected.offencesByWard.get(code) ?? 0],
          ['Young offenders resident', expected.youngOffendersByWard.get(code) ?? 0],
        ] as const) {
          const shown = ward[column];
          if (planted >= 1 && planted < THRESHOLD)
            expect({ code, column, shown }).toEqual({ code, column, shown: '[c]' });
          else if (shown !== '[c]') {
            expect({ code, column, shown }).toEqual({ code, column, shown: planted });
            compared += 1;
          }
        }
      }
      expect(compared).toBeGreaterThanOrEqual(10);
      // The area's offences are never withheld: every distinct offence placed in a study ward, once.
      expect(labelled(sheetNamed(output, 'Wards'), 'Offences')).toBe(expected.offencesInWard);
    });

    it('publishes the young offenders attending each ranked school as planted (distinct offenders, schools recorded on some rows)', () => {
      const schools = tableRows(sheetNamed(output, 'Schools'), 'Rank');
      let compared = 0;
      for (const school of schools) {
        const planted = expected.attendingBySchool.get(String(school.URN)) ?? 0;
        const shown = school['Young offenders attending'];
        if (planted >= 1 && planted < THRESHOLD)
          expect({ urn: school.URN, shown }).toEqual({ urn: school.URN, shown: '[c]' });
        else if (shown !== '[c]') {
          expect({ urn: school.URN, shown }).toEqual({ urn: school.URN, shown: planted });
          compared += 1;
        }
      }
      expect([...expected.attendingBySchool.values()].some((n) => n >= THRESHOLD)).toBe(true);
      expect(compared).toBeGreaterThanOrEqual(1);
      // A school URN in no schools sheet is reported and counted for no school.
      const issues = tableRows(sheetNamed(output, 'Validation'), 'Sheet').filter(
        (i) => i.Sheet === extract.sheets.offences.name && i.Code === 'unknownSchool',
      );
      const plantedUnknown = extract.offences.filter(
        (r) => r.schoolUrn === Number(UNKNOWN_ATTENDED_URN) && expected.reasonOfRow.get(r.row) === undefined,
      );
      expect(issues.map((i) => i.Row).sort()).toEqual(plantedUnknown.map((r) => r.row).sort());
    });

    it('counts a co-offended crime once: distinct offences in scope < rows in scope, both as planted', () => {
      const method = sheetNamed(output, 'Method');
      expect(labelled(method, 'Rows in scope (one per offence and offender)')).toBe(expected.rowsUsed);
      expect(labelled(method, 'Distinct offences in scope')).toBe(expected.distinctOffencesInScope);
      expect(expected.distinctOffencesInScope).toBeLessThan(expected.rowsUsed);
      expect(labelled(method, 'Offences located in a study ward')).toBe(expected.offencesInWard);
      expect(labelled(method, 'Offences located outside the study area')).toBe(expected.offencesOutsideArea);
      expect(expected.offencesOutsideArea).toBe(3);
      expect(String(labelled(method, 'Rows without an offence reference'))).toMatch(
        new RegExp(`^${expected.rowsWithoutOffenceRef}\\b`),
      );
      expect(labelled(method, 'Distinct young offenders')).toBe(expected.distinctYoungOffenders);
      expect(labelled(method, 'Distinct young offenders living in the area')).toBe(expected.youngOffendersInArea);
    });

    it('lists the offence types on the console with their row counts: counted, not counted, and the unrecognised code with a WARNING', () => {
      const lines = run.stdout.split('\n');
      const counted = lines.find((l) => l.startsWith('Offence types counted'));
      const notCounted = lines.find((l) => l.startsWith('Not counted as violence: '));
      const warning = lines.find((l) => l.startsWith('WARNING') && l.includes(UNRECOGNISED_TYPE));
      expect(counted).toBeDefined();
      expect(notCounted).toBeDefined();
      expect(warning).toBeDefined();
      for (const [type, n] of expected.types.counted) expect(counted).toContain(`${type} (${rows(n)})`);
      for (const [type, n] of expected.types.notCounted) {
        expect(notCounted).toContain(`${type} (${rows(n)})`);
        expect(counted).not.toContain(type);
      }
      expect(warning).toContain(`${UNRECOGNISED_TYPE} (${rows(expected.types.unrecognised.get(UNRECOGNISED_TYPE)!)})`);
      expect(counted).not.toContain(UNRECOGNISED_TYPE);
      expect(notCounted).not.toContain(UNRECOGNISED_TYPE);
    });

    it('lists the offence types on the Method sheet with their row counts', () => {
      const method = sheetNamed(output, 'Method');
      const counted = statementBeside(method, 'Counted as violence');
      const notCounted = statementBeside(method, 'Not counted');
      const unrecognised = statementBeside(method, 'Not recognised, not counted');
      const listed = (statement: string, type: string, n: number): void =>
        expect(statement).toMatch(new RegExp(`${escape(type)} \\([^;)]*; ${rows(n)}[,)]`));
      for (const [type, n] of expected.types.counted) listed(counted, type, n);
      for (const [type, n] of expected.types.notCounted) listed(notCounted, type, n);
      listed(unrecognised, UNRECOGNISED_TYPE, expected.types.unrecognised.get(UNRECOGNISED_TYPE)!);
      for (const type of expected.types.notCounted.keys()) expect(counted).not.toContain(type);
    });

    it('reconciles every input sheet, and the offences sheet row for row with the planted reasons', () => {
      const method = sheetNamed(output, 'Method');
      const entries = rowsInAndOut(method);
      expect(entries.map((e) => e.role).sort()).toEqual([
        'currentList',
        'offences',
        'pupilResidence',
        'schools',
        'wards',
      ]);
      for (const entry of entries) {
        const excluded = [...entry.reasons.values()].reduce((sum, n) => sum + n, 0);
        expect({ sheet: entry.sheet, reconciles: entry.reconciles, sum: Number(entry.used) + excluded }).toEqual({
          sheet: entry.sheet,
          reconciles: 'Yes',
          sum: entry.read,
        });
      }
      const offences = reconciliationOf(method, 'offences');
      expect({ read: offences.read, used: offences.used, blank: offences.blank }).toEqual({
        read: expected.rowsRead,
        used: expected.rowsUsed,
        blank: expected.blankRows,
      });
      expect(asObject(offences.reasons)).toEqual(asObject(expected.excluded));
    });

    /** How the Validation sheet's summary names each scope exclusion. */
    const SCOPE_WORDS: Record<string, string> = {
      ageOutsideBand: 'age outside the band analysed',
      offenceTypeOutOfScope: 'offence type not counted',
      dateOutsideWindow: 'date outside the window analysed',
    };

    it('reports each planted fault on the Validation sheet at its row', () => {
      const issues = tableRows(sheetNamed(output, 'Validation'), 'Sheet');
      const problemsAt = (row: PlantedOffenceRow): string[] =>
        issues.filter((i) => i.Sheet === extract.sheets.offences.name && i.Row === row.row).map((i) => String(i.Code));
      // Rows left out by the scope chosen (age band, types, dates) are counted on the Validation
      // sheet's summary, not listed; every fault in the data is listed at its row.
      const scope = new Set(['ageOutsideBand', 'offenceTypeOutOfScope', 'dateOutsideWindow']);
      for (const [row, reason] of expected.reasonOfRow) {
        const planted = extract.offences.find((r) => r.row === row)!;
        if (scope.has(reason))
          expect({ row, problems: problemsAt(planted) }).toEqual({
            row,
            problems: expect.not.arrayContaining([reason]),
          });
        else
          expect({ row, problems: problemsAt(planted) }).toEqual({ row, problems: expect.arrayContaining([reason]) });
      }
      const summary = tableRows(sheetNamed(output, 'Validation'), 'Input sheet');
      for (const reason of scope) {
        const planted = [...expected.reasonOfRow.values()].filter((r) => r === reason).length;
        const counted = summary
          .filter(
            (line) =>
              line['Input sheet'] === extract.sheets.offences.name && line['Listed below'] === 'no: counted only',
          )
          .filter((line) => line.Problem === SCOPE_WORDS[reason])
          .reduce((sum, line) => sum + Number(line.Rows), 0);
        expect({ reason, counted }).toEqual({ reason, counted: planted });
      }
      for (const row of extract.offences.filter(
        (r) => r.fault === 'errorOffenceRef' || r.fault === 'blankOffenceRef',
      )) {
        expect(problemsAt(row)).toContain(row.fault === 'errorOffenceRef' ? 'excelError' : 'missingValue');
      }
    });

    it('matches the loosely written current list as planted (capitals, Sch, Acad, Saint/CE, The, a typo), and names the unmatched entry', () => {
      const schools = tableRows(sheetNamed(output, 'Schools'), 'Rank');
      const ranked = new Set(schools.map((s) => String(s.URN)));
      const onList = new Set(CURRENT_LIST.filter((e) => e.urn !== null && ranked.has(e.urn)).map((e) => e.urn));
      expect([...onList].sort()).toEqual(['140001', '140002', '140004', '140005', '140006', '140011']);
      for (const school of schools)
        expect({ urn: school.URN, onList: school['On current list'] }).toEqual({
          urn: school.URN,
          onList: onList.has(String(school.URN)) ? 'Yes' : 'No',
        });
      const method = sheetNamed(output, 'Method');
      expect(statementBeside(method, 'Current list entries')).toBe(
        '8: 6 matched to a school ranked, 1 to a school not ranked, 0 ambiguous, 1 matching no school',
      );
      // The typo is matched by name only with a clear margin, and the analyst is asked to confirm it.
      expect(method.rows.map((row) => String(row[0] ?? ''))).toContainEqual(
        expect.stringMatching(
          /^List row 9 'Harowfield Academy' matched by name to Harrowfield Academy \(URN 140011\), similarity 0\.\d\d: please confirm\.$/,
        ),
      );
      const issues = tableRows(sheetNamed(output, 'Validation'), 'Sheet').filter(
        (i) => i.Sheet === extract.sheets.currentList.name,
      );
      expect(issues.map((i) => [i.Row, i.Code])).toEqual(
        expect.arrayContaining([
          [7, 'schoolNotRanked'],
          [8, 'unknownSchool'],
        ]),
      );
      expect(issues.find((i) => i.Code === 'unknownSchool')?.Value).toBe('Zephyr Heights Studio');
    });

    it('ranks the schools 1..n in order, leaving out the closed, the primary and the one with 0 pupils and no residence', () => {
      const schools = tableRows(sheetNamed(output, 'Schools'), 'Rank');
      expect(schools.map((s) => s.Rank)).toEqual(schools.map((_, i) => i + 1));
      expect(schools.map((s) => String(s.URN)).sort()).toEqual([
        '140001',
        '140002',
        '140003',
        '140004',
        '140005',
        '140006',
        '140008',
        '140011',
        '140012',
      ]);
      expect(schools.find((s) => s.URN === '140006')?.['Pupils on roll']).toMatch(/unknown/);
    });

    it("states the period (first and last offence counted) and the population year in every sheet's title", () => {
      const period = `offences from ${longDate(expected.firstDate!)} to ${longDate(expected.lastDate!)}; population 2020`;
      for (const sheet of output.sheets.filter((s) => s.name !== 'Catchment ledger'))
        expect({ sheet: sheet.name, title: String(sheet.rows[0]?.[0]) }).toEqual({
          sheet: sheet.name,
          title: expect.stringContaining(period),
        });
    });

    it('writes no NaN, undefined, Infinity or [object Object] anywhere: cells, cached results, chart caches, console', async () => {
      const scan = await scanOutputWorkbook(outputPath);
      expect(scan.findings).toEqual([]);
      expect(scan.chartValues).toBeGreaterThan(0);
      expect([...scanConsole('stdout', run.stdout), ...scanConsole('stderr', run.stderr)]).toEqual([]);
    });
  },
);

describe.each([
  {
    types: 'violence;Criminal damage',
    counted: (type: string) => type === 'Criminal damage' || plantedTypeKind(type) === 'violence',
  },
  { types: 'all', counted: () => true },
])('--types "$types"', ({ types, counted }) => {
  let extract: RealisticExtract;
  let expected: ExpectedFigures;
  let output: WorkbookData;
  let run: { code: number; stdout: string; stderr: string };

  beforeAll(async () => {
    extract = generateRealisticExtract({ seed: 31 });
    expected = expectedFigures(extract, { counted });
    const dir = path.join(workdir, `types-${types.replace(/\W+/g, '-')}`);
    const { workbookPath } = await writeExtract(extract, dir);
    run = await runCli(['analyse', workbookPath, '--out', path.join(dir, 'result.xlsx'), '--types', types]);
    output = await readWorkbookFile(path.join(dir, 'result.xlsx'));
  });

  it('counts the chosen types in each ward, and lists the rest as not counted', () => {
    expect(run.code).toBe(0);
    let compared = 0;
    for (const ward of tableRows(sheetNamed(output, 'Wards'), 'Ward code')) {
      const planted = expected.offencesByWard.get(String(ward['Ward code'])) ?? 0;
      if (planted >= 1 && planted < THRESHOLD) expect(ward.Offences).toBe('[c]');
      else if (ward.Offences !== '[c]') {
        expect({ ward: ward['Ward code'], offences: ward.Offences }).toEqual({
          ward: ward['Ward code'],
          offences: planted,
        });
        compared += 1;
      }
    }
    expect(compared).toBeGreaterThanOrEqual(5);
    const method = sheetNamed(output, 'Method');
    expect(labelled(method, 'Rows in scope (one per offence and offender)')).toBe(expected.rowsUsed);
    expect(labelled(method, 'Distinct offences in scope')).toBe(expected.distinctOffencesInScope);
    const lines = run.stdout.split('\n');
    const countedLine = lines.find((l) => l.startsWith('Offence types counted'))!;
    for (const [type, n] of expected.types.counted) expect(countedLine).toContain(`${type} (${rows(n)})`);
    const notCountedLine = lines.find((l) => l.startsWith('Not counted as violence: '));
    if (expected.types.notCounted.size === 0) expect(notCountedLine).toBeUndefined();
    else for (const [type, n] of expected.types.notCounted) expect(notCountedLine).toContain(`${type} (${rows(n)})`);
    expect(lines.some((l) => l.startsWith('WARNING') && l.includes(UNRECOGNISED_TYPE))).toBe(
      expected.types.unrecognised.size > 0,
    );
    expect(reconciliationOf(method, 'offences').reconciles).toBe('Yes');
  });
});

describe('the expected-figure calculator', () => {
  it('gives the hand-worked figures of a tiny case (see the comment in expectedFigures.ts)', () => {
    const { wards } = generateRealisticExtract({ seed: 1, crimes: 0, mix: 'clean' });
    const at = (code: string): [number, number] => {
      const ward = wards.find((w) => w.code === code)!;
      return [ward.minEasting + 500, ward.minNorthing + 500];
    };
    const row = (
      n: number,
      crimeRef: string | null,
      offenderRef: string,
      day: string,
      type: string,
      age: number,
      offence: string,
      home: string,
    ): PlantedOffenceRow => {
      const [offenceEasting, offenceNorthing] = at(offence);
      const [homeEasting, homeNorthing] = at(home);
      return {
        row: n,
        crimeRef,
        offenderRef,
        date: new Date(`${day}T00:00:00Z`),
        type,
        age,
        offenceEasting,
        offenceNorthing,
        homeEasting,
        homeNorthing,
        weapon: 'N',
        schoolUrn: null,
        fault: null,
      };
    };
    const offences = [
      row(2, 'CR1', 'P1', '2023-05-01', 'Robbery of personal property', 14, 'E05009001', 'E05009002'),
      row(3, 'CR1', 'P2', '2023-05-01', 'Robbery of personal property', 18, 'E05009001', 'E05009003'),
      row(4, 'CR1', 'P3', '2023-05-01', 'Robbery of personal property', 12, 'E05009001', 'E05009002'),
      row(5, 'CR2', 'P1', '2023-06-01', 'Shoplifting', 14, 'E05009004', 'E05009002'),
      row(6, null, 'P4', '2023-07-01', 'Violence with injury', 16, 'E05009001', 'E05009003'),
      {
        ...row(7, 'CR1', 'P1', '2023-05-01', 'Robbery of personal property', 14, 'E05009001', 'E05009002'),
        fault: 'duplicates' as const,
      },
    ];
    const figures = expectedFigures({ offences, blankOffenceRows: [], wards, today: new Date(Date.UTC(2024, 5, 1)) });
    expect(figures.rowsRead).toBe(6);
    expect(asObject(figures.excluded)).toEqual({ ageOutsideBand: 1, duplicateRow: 1, offenceTypeOutOfScope: 1 });
    expect(figures.rowsUsed).toBe(3);
    expect(figures.distinctOffencesInScope).toBe(2);
    expect(asObject(figures.offencesByWard)).toEqual({ E05009001: 2 });
    expect(asObject(figures.youngOffendersByWard)).toEqual({ E05009002: 2, E05009003: 1 });
    expect(asObject(figures.types.counted)).toEqual({ 'Robbery of personal property': 3, 'Violence with injury': 1 });
    expect(asObject(figures.types.notCounted)).toEqual({ Shoplifting: 1 });
    expect(figures.rowsWithoutOffenceRef).toBe(1);
  });
});
