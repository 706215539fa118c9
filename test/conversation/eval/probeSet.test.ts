/**
 * The probe set (utterances.probe.json): analyst requests written apart from the evaluation set,
 * in its styles, to find the parser's classes of error without tuning on the held-out part. Same
 * item shape; measured with `npm run eval:dialogue -- --file test/conversation/eval/utterances.probe.json`.
 */
import fs from 'fs';
import path from 'path';
import { EVAL_FILES, hasTag, itemProblems, readEvalFile, repositoryRoot } from './evalSet';

const root = repositoryRoot(__dirname);
const folder = path.join(root, 'test/conversation/eval');
/** utterances.probe.json and the later batches kept in files of their own (utterances.probe8.json, …). */
const PROBE_FILES = fs
  .readdirSync(folder)
  .filter((name) => /^utterances\.probe\d*\.json$/.test(name))
  .sort();
const probe = PROBE_FILES.flatMap((name) => readEvalFile(path.join(folder, name)));

describe('the probe set', () => {
  it('is read from the first file and the later batches', () => {
    expect(PROBE_FILES[0]).toBe('utterances.probe.json');
    expect(PROBE_FILES).toContain('utterances.probe8.json');
  });

  it('has every item well-formed', () => {
    expect(probe.flatMap(itemProblems)).toEqual([]);
  });

  it('numbers its items apart from the evaluation set (e5000 and up), each once', () => {
    const ids = probe.map((item) => item.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.filter((id) => Number(id.slice(1)) < 5000)).toEqual([]);
    const development = new Set(readEvalFile(path.join(root, EVAL_FILES.development)).map((item) => item.id));
    expect(ids.filter((id) => development.has(id))).toEqual([]);
  });

  it('holds at least 150 requests, with multi-part ones, corrections, typos, refusals and questions', () => {
    expect(probe.length).toBeGreaterThanOrEqual(150);
    expect(probe.filter((item) => hasTag(item, 'multi')).length).toBeGreaterThanOrEqual(40);
    expect(probe.filter((item) => hasTag(item, 'correction')).length).toBeGreaterThanOrEqual(10);
    expect(probe.filter((item) => hasTag(item, 'typo')).length).toBeGreaterThanOrEqual(10);
    expect(probe.filter((item) => item.expect === 'refusal').length).toBeGreaterThanOrEqual(10);
    expect(probe.filter((item) => item.expect === 'question').length).toBeGreaterThanOrEqual(20);
  });
});
