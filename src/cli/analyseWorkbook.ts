import fs from 'fs';
import packageJson from '../../package.json';
import { loadHighsSolver, type LinearSolver } from '../core/disclosure';
import { collectGarbage } from './collectGarbage';
import { finishAnalysis, prepareAnalysis, type PreparationOutcome } from '../core/pipeline';
import type { AnalysisResult } from '../core/pipeline/analysisResult';
import { buildReport, OUTPUT_SHEETS } from '../report';
import { readDemoMarker, writeReportBuffer } from '../workbook/xlsx';
import { issueForFiles, rewordForFiles } from '../workbook/csv';
import type { AnalyseOptions } from './parseArguments';
import { readInputs, UnusableInputError, type InputFiles } from './readInputs';
import { withCommandLineRemedy } from './commandLineRemedy';
import { offenceTypeLines } from './offenceTypeLines';
import { ledgerPathFor, readLedgerFile, writeLedgerFile } from './ledgerFile';
import { writeOutputFile } from './runPaths';
import { errorText } from '../core/errorText';

export const TOOL_NAME = 'catchment';
export const TOOL_VERSION: string = packageJson.version;

export { UnusableInputError, fingerprint, samePath } from './readInputs';

let solverLoading: Promise<LinearSolver | undefined> | undefined;

/**
 * The disclosure audit's solver (HiGHS), loaded once per process. A solver that fails to load is
 * reported and left out: the engine then stops any run that has counts to withhold, naming why.
 */
export function commandLineSolver(log: (line: string) => void): Promise<LinearSolver | undefined> {
  solverLoading ??= loadHighsSolver().catch((error: unknown) => {
    log(`The disclosure audit's solver (HiGHS) could not load: ${errorText(error)}`);
    solverLoading = undefined;
    return undefined;
  });
  return solverLoading;
}

export interface AnalyseRun {
  readonly result: AnalysisResult;
  readonly outputPath: string;
  readonly sheetNames: ReadonlyMap<string, string>;
  readonly mappingNotes: readonly string[];
}

/** Synthetic provenance from the demo generator's marker in an .xlsx input, or undefined. */
function demoProvenance(input: string | undefined): { synthetic: true; description: string } | undefined {
  if (!input || !/\.xlsx$/i.test(input) || !fs.existsSync(input)) return undefined;
  const description = readDemoMarker(fs.readFileSync(input));
  return description === undefined ? undefined : { synthetic: true, description };
}

const progressOf =
  (log: (line: string) => void) =>
  (step: string): void =>
    log(`${step}…`);

/**
 * Reads the inputs and runs the engine's first stages (detection, validation, the study area).
 * A function of its own so that, once it returns, nothing holds the workbook as read: what the
 * later stages need of it is in the prepared analysis (the offences sheet's rows are not), and at
 * Excel's last row the rest is about half a gigabyte the engine can then collect.
 */
async function readAndPrepare(
  options: AnalyseOptions,
  log: (line: string) => void,
  provenance: { synthetic: boolean; description?: string; attribution?: readonly string[] } | undefined,
): Promise<{ prepared: PreparationOutcome; fileSources: InputFiles['fileSources']; ledgerPath: string }> {
  const { workbook, boundaries, fingerprints, fileSources } = await readInputs(options, log);
  // After the inputs and the output path are checked, so a bad output path is named as such.
  const ledgerPath = ledgerPathFor(options);
  const ledger = readLedgerFile(ledgerPath);
  // A workbook the demo generator made says so: its analysis keeps the synthetic banner whoever runs it.
  provenance ??= demoProvenance(options.input);
  const solver = await commandLineSolver(log);
  const prepared = prepareAnalysis(
    {
      workbook,
      boundaries,
      roleOverrides: options.roleOverrides,
      columnOverrides: options.columnOverrides,
      provenance,
      fingerprints,
      solver,
      ledger,
    },
    options.parameters,
    progressOf(log),
  );
  return { prepared, fileSources, ledgerPath };
}

/**
 * Reads the inputs and runs the whole engine. A function of its own so that, once it returns,
 * nothing holds the prepared analysis (the validated offence records): a local of the caller
 * would keep them alive while the report is written, about 400 MB at Excel's last row.
 */
async function readAndAnalyse(
  options: AnalyseOptions,
  log: (line: string) => void,
  provenance: { synthetic: boolean; description?: string; attribution?: readonly string[] } | undefined,
): Promise<{
  outcome: ReturnType<typeof finishAnalysis> | Extract<PreparationOutcome, { ok: false }>;
  fileSources: InputFiles['fileSources'];
  ledgerPath: string;
}> {
  const { prepared, fileSources, ledgerPath } = await readAndPrepare(options, log, provenance);
  collectGarbage();
  const outcome = prepared.ok ? finishAnalysis(prepared.prepared, options.parameters, progressOf(log)) : prepared;
  return { outcome, fileSources, ledgerPath };
}

/**
 * Reads INPUT, runs the engine, writes the result sheets into a new workbook at OUTPUT. The input
 * is read once into memory and never written; the output appears only when complete (written to
 * a temporary file and renamed).
 */
export async function analyseWorkbook(
  options: AnalyseOptions,
  log: (line: string) => void,
  provenance?: { synthetic: boolean; description?: string; attribution?: readonly string[] },
  command = `${TOOL_NAME} analyse`,
): Promise<AnalyseRun> {
  const startedAt = new Date().toISOString();
  const { outcome, fileSources, ledgerPath } = await readAndAnalyse(options, log, provenance);
  collectGarbage();
  if (!outcome.ok) {
    for (const note of outcome.mappingNotes) log(rewordForFiles(note, fileSources));
    throw new UnusableInputError(
      outcome.problems.map((problem) => withCommandLineRemedy(issueForFiles(problem, fileSources))),
    );
  }
  // Sheets read from files (a CSV's records) are named by file and line, as the analyst finds them.
  const result =
    fileSources.length === 0
      ? outcome.result
      : { ...outcome.result, issues: outcome.result.issues.map((issue) => issueForFiles(issue, fileSources)) };
  for (const note of result.mappingNotes) log(rewordForFiles(note, fileSources));

  log('Writing result sheets');
  const models = buildReport(result, {
    tool: TOOL_NAME,
    version: TOOL_VERSION,
    command,
    startedAt,
    finishedAt: new Date().toISOString(),
  });
  const { buffer, sheetNames } = await writeReportBuffer(models);
  writeOutputFile(options.output, buffer);
  writeLedgerFile(ledgerPath, result.ledger);
  log(
    `Disclosure ledger ${ledgerPath}: ${result.ledger.runs.length === 1 ? 'this run' : `${result.ledger.runs.length} runs, this one protected together with the earlier ones on these records`}`,
  );
  void OUTPUT_SHEETS;
  return { result, outputPath: options.output, sheetNames, mappingNotes: result.mappingNotes };
}

/** A few lines for the terminal: the headline answers. */
export function summariseRun(run: AnalyseRun): string[] {
  const { result } = run;
  const top = result.schools.slice(0, result.parameters.topN);
  const candidates = top.filter((s) => s.newCandidate);
  const measureOf = (w: AnalysisResult['wards'][number]) =>
    result.parameters.rankingMetric === 'offences' ? w.offences : w.youngOffenders;
  const higher = result.wards.filter((w) => measureOf(w).published.shown && measureOf(w).flag === 'higher').length;
  const problems = result.issues.filter((i) => i.severity !== 'info').length;
  return [
    ...offenceTypeLines(result),
    `Wrote ${run.outputPath}: sheets ${[...run.sheetNames.values()].join(', ')}`,
    `${result.wards.length} wards, ${higher} higher than the area average; ${result.schools.length} schools ranked; ${problems} input problems reported (Validation sheet).`,
    `Top ${Math.min(5, top.length)}: ${top
      .slice(0, 5)
      .map((s) => `${s.rank}. ${s.name} (${s.rankLower}–${s.rankUpper})`)
      .join('; ')}`,
    `${candidates.length} of the top ${top.length} are not on the current list${
      candidates.length
        ? `: ${candidates
            .slice(0, 5)
            .map((s) => s.name)
            .join('; ')}${candidates.length > 5 ? '; …' : ''}`
        : ''
    }.`,
  ];
}
