/**
 * The dialogue evaluation set is well-formed. This checks the set, not the parser's score: the
 * score is measured by `npm run eval:dialogue` (scripts/evalDialogue.ts) and may be low.
 */
import fs from 'fs';
import path from 'path';
import type { CellValue } from '../../../src/core/types';
import {
  EVAL_FILES,
  HELP_TOPICS,
  NEW_COMMAND_KINDS,
  REQUIRED_INTENTS,
  commandProblems,
  hasTag,
  itemProblems,
  loadEvalSet,
  repositoryRoot,
  type EvalItem,
  type ExpectedCommand,
} from './evalSet';
import { EVAL_LAST_OFFENCE, EVAL_OFFENCES_SHEET, EVAL_SCHOOLS, EVAL_WARDS, evalWorkbook } from './evalWorkbook';

const root = repositoryRoot(__dirname);
const sets = loadEvalSet(root);
const all: EvalItem[] = [...sets.development, ...sets.heldOut];
const expectedCommands = (item: EvalItem): ExpectedCommand[] =>
  [item.expect, ...(item.alsoAccept ?? [])].flatMap((x) => (Array.isArray(x) ? (x as ExpectedCommand[]) : []));
const field = (command: ExpectedCommand, name: string): unknown =>
  (command as unknown as Record<string, unknown>)[name];

describe('the dialogue evaluation set', () => {
  it('has every item well-formed, with known or documented command kinds', () => {
    expect(all.flatMap(itemProblems)).toEqual([]);
  });

  it('rejects a command of an unknown kind or with a wrong field', () => {
    expect(commandProblems({ kind: 'setAge', from: 11 })).toEqual(["unknown kind 'setAge'"]);
    expect(commandProblems({ kind: 'setThreshold', threshold: '10' })).toEqual([
      'setThreshold: threshold must be a whole number ≥ 1',
    ]);
    expect(commandProblems({ kind: 'listWards', order: 'rate' })).toEqual([]);
  });

  it('holds at least 300 items, 40 multi-part and 50 with typos', () => {
    expect(all.length).toBeGreaterThanOrEqual(300);
    expect(all.filter((item) => hasTag(item, 'multi')).length).toBeGreaterThanOrEqual(40);
    expect(all.filter((item) => hasTag(item, 'typo')).length).toBeGreaterThanOrEqual(50);
    expect(
      all.filter((item) => hasTag(item, 'multi') && Array.isArray(item.expect) && item.expect.length >= 2).length,
    ).toBeGreaterThanOrEqual(40);
  });

  it('covers every intent: each command kind, the new kinds, help topics, refusals and questions', () => {
    const covered = new Set([...all.map((item) => item.intent), ...all.flatMap(expectedCommands).map((c) => c.kind)]);
    expect(REQUIRED_INTENTS.filter((intent) => !covered.has(intent))).toEqual([]);
    expect(all.some((item) => item.expect === 'question')).toBe(true);
    expect(all.some((item) => item.expect === 'refusal')).toBe(true);
  });

  it('splits 70/30 into development and held-out, with unique ids and no utterance in both', () => {
    const share = sets.heldOut.length / all.length;
    expect(share).toBeGreaterThan(0.25);
    expect(share).toBeLessThan(0.35);
    const ids = all.map((item) => item.id);
    expect(new Set(ids).size).toBe(ids.length);
    const key = (item: EvalItem) => `${(item.before ?? []).join(' | ')} || ${item.utterance.toLowerCase()}`;
    const development = new Set(sets.development.map(key));
    expect(sets.heldOut.filter((item) => development.has(key(item))).map((item) => item.id)).toEqual([]);
    // Both parts test every intent that has at least 4 items.
    const intents = [...new Set(all.map((item) => item.intent))].filter(
      (intent) => all.filter((item) => item.intent === intent).length >= 4,
    );
    for (const part of [sets.development, sets.heldOut])
      expect(intents.filter((intent) => !part.some((item) => item.intent === intent))).toEqual([]);
  });

  it('documents every new command kind and help topic in the README', () => {
    const readme = fs.readFileSync(path.join(root, 'test/conversation/eval/README.md'), 'utf8');
    expect(NEW_COMMAND_KINDS.filter((kind) => !readme.includes(`'${kind}'`))).toEqual([]);
    expect(HELP_TOPICS.filter((topic) => !readme.includes(topic))).toEqual([]);
    expect(readme).toContain(EVAL_FILES.heldOut.split('/').pop());
  });

  it("states relative dates from the workbook's last offence, in the preferred recorded form", () => {
    const workbook = evalWorkbook();
    const offences = workbook.sheets.find((sheet) => sheet.name === EVAL_OFFENCES_SHEET)!;
    const dateColumn = offences.rows[0].indexOf('Committed Date');
    const lastInSheet = offences.rows
      .slice(1)
      .map((row) => (row[dateColumn] as Date).toISOString().slice(0, 10))
      .sort()
      .pop();
    expect(lastInSheet).toBe(EVAL_LAST_OFFENCE);
    const relative = all.flatMap(expectedCommands).filter((c) => field(c, 'relativeToData') !== undefined);
    expect(relative.length).toBeGreaterThanOrEqual(4);
    const day = (y: number, m: number, d: number) => new Date(Date.UTC(y, m, d)).toISOString().slice(0, 10);
    const last = new Date(`${EVAL_LAST_OFFENCE}T00:00:00Z`);
    /** The last whole year starting in month `start` (0-based) that ends on or before the last offence. */
    const lastWhole = (start: number): [string, string] => {
      let y = last.getUTCFullYear() - 1;
      while (day(y + 1, start, 0) > EVAL_LAST_OFFENCE) y--;
      return [day(y, start, 1), day(y + 1, start, 0)];
    };
    for (const command of relative) {
      const span = field(command, 'relativeToData') as { months?: number; last?: string };
      const expected =
        span.months !== undefined
          ? [day(last.getUTCFullYear(), last.getUTCMonth() - span.months, last.getUTCDate() + 1), EVAL_LAST_OFFENCE]
          : lastWhole({ financialYear: 3, academicYear: 8, calendarYear: 0 }[span.last as 'financialYear']);
      expect([field(command, 'from'), field(command, 'to')]).toEqual(expected);
    }
  });

  it('names only sheets, columns, schools and wards the evaluation workbook has', () => {
    const workbook = evalWorkbook();
    const sheets = new Set(workbook.sheets.map((sheet) => sheet.name));
    const headers = new Set(
      workbook.sheets.flatMap((sheet) => (sheet.rows[0] ?? []).map((cell: CellValue) => String(cell))),
    );
    const urns = new Map<string, string>(EVAL_SCHOOLS.map((school) => [school.urn, school.name]));
    const wards = new Map<string, string>(Object.values(EVAL_WARDS).map((ward) => [ward.code, ward.name]));
    const problems: string[] = [];
    for (const item of all) {
      for (const c of expectedCommands(item)) {
        if (c.kind === 'useSheet' && !sheets.has(c.sheet)) problems.push(`${item.id}: no sheet '${c.sheet}'`);
        if (c.kind === 'mapColumn' && !headers.has(c.header)) problems.push(`${item.id}: no column '${c.header}'`);
        if (c.kind === 'explainSchool' && urns.get(c.urn ?? '') !== c.school)
          problems.push(`${item.id}: no school ${c.urn} '${c.school}'`);
        if (c.kind === 'explainWard' && wards.get(c.code ?? '') !== c.ward)
          problems.push(`${item.id}: no ward ${c.code} '${c.ward}'`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('pins the readings the issue asks for', () => {
    const find = (utterance: string) => all.find((item) => item.utterance === utterance);
    expect(find("the current VRU list is on 'VRU Schools 2020'")?.expect).toEqual([
      { kind: 'useSheet', role: 'currentList', sheet: 'VRU Schools 2020' },
    ]);
    expect(find('Year 7 to Year 11')?.expect).toEqual([{ kind: 'setAgeBand', from: 11, to: 16 }]);
    expect(find('FY 21/22')?.expect).toEqual([{ kind: 'setDates', from: '2021-04-01', to: '2022-03-31' }]);
    expect(find('the 2020/21 academic year')?.expect).toEqual([
      { kind: 'setDates', from: '2020-09-01', to: '2021-08-31' },
    ]);
    expect(find('all offence types')?.expect).toEqual([{ kind: 'setOffenceTypes', types: ['all'] }]);
    expect(find('just the default violence types')?.expect).toEqual([{ kind: 'setOffenceTypes', types: [] }]);
    expect(find('use observed home wards where we have them')?.expect).toEqual([
      { kind: 'setCatchment', model: 'auto' },
    ]);
    expect(find('explain the ward Castle and Priory')?.expect).toEqual([
      { kind: 'explainWard', ward: 'Castle and Priory', code: 'E05001001' },
    ]);
    expect(find('age 11-16, no wait make it 10-17')?.expect).toEqual([{ kind: 'setAgeBand', from: 10, to: 17 }]);
    // Words that name ages are not phases; words about a ward or a sheet's year are not phases or dates.
    for (const item of all.filter((i) => hasTag(i, 'notAPhase')))
      expect(expectedCommands(item).some((c) => c.kind === 'setPhases')).toBe(false);
    for (const item of all.filter((i) => hasTag(i, 'notADate')))
      expect(expectedCommands(item).some((c) => c.kind === 'setDates')).toBe(false);
  });
});
