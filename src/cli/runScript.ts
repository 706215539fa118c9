import fs from 'fs';
import { commandFromJson, nameRunSheets, type EngineContext, type Reply } from '../conversation';
import type { SheetModel } from '../report/sheetModel';
import { writeReportBuffer } from '../workbook/xlsx';
import { UnusableInputError } from './readInputs';
import { UsageError, type AnalyseOptions } from './parseArguments';
import { renumberRunSheets } from './renumberRunSheets';
import { writeOutputFile } from './runPaths';
import { openDialogueHost } from './dialogueHost';
import { writeLedgerFile } from './ledgerFile';

/** One line of a dialogue script: an utterance, or (a line starting with `{`) a Command as JSON, for replay. */
export interface ScriptLine {
  /** 1-based line number in the file, for messages. */
  readonly line: number;
  readonly text: string;
}

/** The lines that are turns: blank lines and `#` comments left out. */
export function scriptLines(script: string): ScriptLine[] {
  return script
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .map((text, index) => ({ line: index + 1, text: text.trim() }))
    .filter((entry) => entry.text !== '' && !entry.text.startsWith('#'));
}

export interface ScriptRun {
  readonly outputPath: string;
  readonly runs: number;
  readonly sheetNames: readonly string[];
}

/** How a reply is printed: the words, then the quick replies a person could have pressed. */
function printReply(reply: Reply, out: (line: string) => void): void {
  for (const line of reply.text.split('\n')) out(`  ${line}`);
  for (const choice of reply.choices) out(`    [${choice.label}] -> ${choice.utterance}`);
}

/**
 * `catchment analyse INPUT --out OUTPUT --script FILE`: holds a dialogue headlessly, one turn per
 * script line, printing each turn and its reply. A question is answered by the next line. Each
 * `run` adds its sheets to the output workbook (run-numbered after the first: 'Schools (2)'),
 * written once at the end as a new file. Throws UsageError when the script is missing, holds a
 * line that is not a command, never runs, or ends on an unanswered question; UnusableInputError
 * when a run cannot use the input (both exit 2). The flags' parameters are the session's start.
 */
export async function runScript(
  options: AnalyseOptions & { readonly script: string },
  out: (line: string) => void,
  log: (line: string) => void,
  now: () => Date = () => new Date(),
): Promise<ScriptRun> {
  const host = await openDialogueHost(options, log, now);
  const lines = scriptLines(fs.readFileSync(options.script, 'utf8'));
  let context: EngineContext = host.context;
  const session = host.newSession();

  const models: SheetModel[] = [];
  const written: string[] = [];
  let runs = 0;
  let lastReply: Reply | undefined;
  let lastLine: ScriptLine | undefined;
  for (const entry of lines) {
    out(`> ${entry.text}`);
    let reply: Reply;
    if (entry.text.startsWith('{')) {
      const command = commandFromJson(entry.text);
      if ('error' in command) throw new UsageError(`Script ${options.script}, line ${entry.line}: ${command.error}`);
      reply = session.apply(command, context, (step) => log(`${step}…`));
    } else {
      reply = session.respond(entry.text, context, (step) => log(`${step}…`));
    }
    printReply(reply, out);
    const report = reply.effects.find((effect) => effect.kind === 'writeReport');
    if (report && report.kind === 'writeReport') {
      runs += 1;
      // Later runs, after a reset too, join the ledger as this run left it.
      if (report.ledger) context = { ...context, ledger: report.ledger };
      const plan = nameRunSheets(session, report.models, written);
      models.push(
        ...(plan.runNumber === 1 ? report.models : renumberRunSheets(report.models, plan.names, plan.runNumber)),
      );
      written.push(...plan.names.values());
    } else if (reply.command?.kind === 'run' && !reply.question) {
      throw new UnusableInputError([
        `Script ${options.script}, line ${entry.line} ('${entry.text}'): the analysis could not run.`,
        ...reply.text.split('\n').slice(1),
      ]);
    }
    lastReply = reply;
    lastLine = entry;
  }
  // A question after a run that wrote its sheets (e.g. whether to count an unrecognised offence
  // type) is printed, not fatal: the run is complete and its sheets say what was left out.
  const lastWroteSheets = lastReply?.effects.some((effect) => effect.kind === 'writeReport') ?? false;
  if (lastReply?.question && lastLine && !lastWroteSheets) {
    throw new UsageError(
      `The script ended on an unanswered question (line ${lastLine.line}, '${lastLine.text}'): ${lastReply.text.split('\n').pop()} ` +
        `Add a line answering it${lastReply.choices.length > 0 ? `, e.g. ${lastReply.choices.map((choice) => `'${choice.utterance}'`).join(' or ')}` : ''}. Nothing was written.`,
    );
  }
  if (runs === 0)
    throw new UsageError(
      `The script ${options.script} never ran the analysis, so there is nothing to write: add a line 'run'.`,
    );

  log('Writing result sheets');
  const { buffer } = await writeReportBuffer(models);
  writeOutputFile(options.output, buffer);
  if (context.ledger) writeLedgerFile(host.ledgerPath, context.ledger);
  out(`Wrote ${options.output}: ${runs === 1 ? 'one run' : `${runs} runs`}, sheets ${written.join(', ')}`);
  return { outputPath: options.output, runs, sheetNames: written };
}
