/**
 * The statistical choices in the conversation: how wards are flagged, smoothing, and whether
 * counts of young offenders attending go in the shared workbook. Checked on a realistic extract
 * against figures worked out apart from the product (the extract's own calculator, and each ward's
 * interval read against the area rate).
 */
import fs from 'fs';
import os from 'os';
import path from 'path';
import { createDialogueSession, type DialogueSession, type EngineContext, type Reply } from '../../src/conversation';
import type { AnalysisResult } from '../../src/core/pipeline/analysisResult';
import { runAnalysis } from '../../src/core/pipeline/runAnalysis';
import { loadHighsSolver } from '../../src/core/disclosure';
import type { SheetModel } from '../../src/report/sheetModel';
import { readWorkbookFile } from '../../src/workbook/xlsx';
import { tableRows } from './dialogueFixtures';
import {
  expectedFigures,
  generateRealisticExtract,
  writeExtract,
  type RealisticExtract,
} from '../support/realisticExtract';

let workdir: string;
let extract: RealisticExtract;
let context: EngineContext;

beforeAll(async () => {
  workdir = fs.mkdtempSync(path.join(os.tmpdir(), 'catchment-statistical-choices-'));
  extract = generateRealisticExtract({ seed: 11, crimes: 600 });
  const { workbookPath } = await writeExtract(extract, workdir);
  context = { workbook: await readWorkbookFile(workbookPath), solver: await loadHighsSolver() };
}, 60_000);

afterAll(() => fs.rmSync(workdir, { recursive: true, force: true }));

function written(reply: Reply): readonly SheetModel[] {
  const effect = reply.effects.find((entry) => entry.kind === 'writeReport');
  if (!effect || effect.kind !== 'writeReport') throw new Error(`No sheets written; the reply was: ${reply.text}`);
  return effect.models;
}

/** A session's first run, again, straight from the engine with the session's choices (no earlier run to protect with). */
function firstRunOf(session: DialogueSession): AnalysisResult {
  const outcome = runAnalysis(context, session.parameters);
  if (!outcome.ok) throw new Error(outcome.problems.map((problem) => problem.message).join('\n'));
  return outcome.result;
}

const cellTexts = (model: SheetModel): string[] =>
  model.cells.map(({ cell }) => ('value' in cell ? String(cell.value) : '')).filter((text) => text !== '');

describe('flagging wards, in the conversation', () => {
  let session: DialogueSession;
  const say = (utterance: string): Reply => session.respond(utterance, context);
  beforeAll(() => {
    session = createDialogueSession({ now: () => new Date(Date.UTC(2024, 5, 1)) });
  });

  it('runs with Poisson flags when asked, and each ward is flagged exactly when its own interval clears the area rate', () => {
    const reply = say('use poisson flags then run');
    expect(reply.commands.map((command) => command.kind)).toEqual(['setFlags', 'run']);
    expect(reply.commands[0]).toEqual({ kind: 'setFlags', method: 'poisson' });
    const models = written(reply);
    expect(session.parameters.flagMethod).toBe('poisson');
    const result = firstRunOf(session);
    const method = models.find((model) => model.name === 'Method')!;
    expect(cellTexts(method).some((text) => /Poisson/.test(text))).toBe(true);
    const area = result.area.offenceRate;
    let flagged = 0;
    for (const ward of result.wards) {
      const estimate = ward.offences;
      if (!estimate.published.shown) continue;
      const expected = estimate.lower > area ? 'higher' : estimate.upper < area ? 'lower' : 'similar';
      expect({ ward: ward.wardCode, flag: estimate.flag }).toEqual({ ward: ward.wardCode, flag: expected });
      if (expected !== 'similar') flagged += 1;
    }
    // Not vacuous: the comparison flagged some wards.
    expect(flagged).toBeGreaterThan(0);
  });

  it('says what it will do, and the settings show it; undo goes back to the funnel', () => {
    expect(session.parameterSummary).toContainEqual(
      expect.objectContaining({ label: 'Wards flagged', brief: 'Poisson flags' }),
    );
    const back = say('use funnel flags');
    expect(back.command).toEqual({ kind: 'setFlags', method: 'overdispersed' });
    expect(back.text).toContain('outside funnel limits');
    expect(session.parameters.flagMethod).toBe('overdispersed');
    expect(say('undo').text).toContain('Undid how wards are flagged');
    expect(session.parameters.flagMethod).toBe('poisson');
  });
});

describe("young offenders attending: the analyst's pane, not the shared workbook", () => {
  let session: DialogueSession;
  const say = (utterance: string): Reply => session.respond(utterance, context);
  beforeAll(() => {
    session = createDialogueSession({ now: () => new Date(Date.UTC(2024, 5, 1)) });
  });

  it("tells the analyst a school's count, never recording it, when the shared workbook leaves it out", () => {
    const models = written(say('run'));
    const result = firstRunOf(session);
    const schools = models.find((model) => model.name === 'Schools')!;
    expect(cellTexts(schools)).not.toContain('Young offenders attending');
    const expected = expectedFigures(extract).attendingBySchool;
    const school = result.schools.find((entry) => (expected.get(entry.urn) ?? 0) > 0)!;
    expect(school).toBeDefined();
    const reply = say(`tell me about ${school.urn}`);
    const count = expected.get(school.urn)!;
    const line = reply.text.split('\n').find((text) => text.startsWith('For you only'));
    expect(line).toBe(
      `For you only (not in the shared workbook or its Audit sheet): ${count} young offender${count === 1 ? '' : 's'} in this run's scope ${count === 1 ? 'attends' : 'attend'} ${school.name}, where the school is recorded.`,
    );
    // The transcript, which the next run's Audit sheet prints, has the reply without that line.
    const recorded = session.transcript[session.transcript.length - 1];
    expect(recorded.command).toMatchObject({ kind: 'explainSchool', urn: school.urn });
    expect(recorded.reply).not.toContain('For you only');
    expect(recorded.reply).toContain('the count is shown to you here only, never recorded');
    // And the next run's Audit sheet does not carry it either.
    const audit = written(say('set the seed to 7 and run')).find((model) => model.name === 'Audit')!;
    expect(cellTexts(audit).some((text) => text.includes('For you only'))).toBe(false);
    expect(cellTexts(audit).some((text) => text.includes(`attend ${school.name}`))).toBe(false);
  });

  it("publishes the counts, withheld when small, when asked, and they equal the extract's own", () => {
    const reply = say('show attending counts and run');
    expect(reply.commands.map((command) => command.kind)).toEqual(['setShowAttending', 'run']);
    const models = written(reply);
    const rows = tableRows(models, 'Schools', 'tblSchools');
    expect(Object.keys(rows[0])).toContain('Young offenders attending');
    const expected = expectedFigures(extract).attendingBySchool;
    const threshold = session.parameters.threshold;
    let shown = 0;
    for (const row of rows) {
      const urn = String(row.URN);
      const published = row['Young offenders attending'];
      const count = expected.get(urn) ?? 0;
      if (count > 0 && count < threshold) expect({ urn, published }).toEqual({ urn, published: '[c]' });
      if (typeof published === 'number') {
        expect({ urn, published }).toEqual({ urn, published: count });
        shown += 1;
      }
    }
    expect(shown).toBeGreaterThan(0);
    expect(say('hide attending counts').command).toEqual({ kind: 'setShowAttending', show: false });
  });
});

describe('smoothing, in the conversation', () => {
  it('scores schools on smoothed rates when asked and says the Wards sheet stays crude', () => {
    const session = createDialogueSession({ now: () => new Date(Date.UTC(2024, 5, 1)) });
    const reply = session.respond('smooth the rates', context);
    expect(reply.command).toEqual({ kind: 'setSmoothing', smoothing: 'empiricalBayes' });
    expect(reply.text).toContain('the Wards sheet shows crude rates either way');
    const rows = tableRows(written(session.respond('run', context)), 'Schools', 'tblSchools');
    expect(session.parameters.smoothing).toBe('empiricalBayes');
    // The Schools sheet shows scores on smoothed rates: the engine's with smoothing, not its crude ones.
    const smoothed = firstRunOf(session);
    const crude = runAnalysis(context, { ...session.parameters, smoothing: 'none' });
    if (!crude.ok) throw new Error('The crude run stopped.');
    const rateOf = (result: AnalysisResult, urn: string) =>
      result.schools.find((school) => school.urn === urn)!.exposureRate;
    let differ = 0;
    for (const row of rows) {
      const urn = String(row.URN);
      const shown = Number(row['Exposure rate per 1,000']);
      expect(shown).toBeCloseTo(rateOf(smoothed, urn), 1);
      if (Math.abs(rateOf(crude.result, urn) - rateOf(smoothed, urn)) > 0.05) differ += 1;
    }
    expect(differ).toBeGreaterThan(0);
    expect(session.respond('use crude rates', context).command).toEqual({ kind: 'setSmoothing', smoothing: 'none' });
  });
});
