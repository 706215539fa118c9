import path from 'path';
import readline from 'readline';
import {
  commandFromJson,
  nameRunSheets,
  STARTING_SUGGESTIONS,
  type Choice,
  type EngineContext,
  type ReplayableSession,
} from '../conversation';
import type { SheetModel } from '../report/sheetModel';
import { writeReportBuffer } from '../workbook/xlsx';
import {
  numberedChoices,
  pickedChoice,
  settingsJson,
  slashCommand,
  SLASH_HELP,
  turnFacts,
  turnJson,
  type HostReply,
  type TurnJson,
} from './chatTurns';
import { UsageError, type ChatOptions } from './parseArguments';
import { renumberRunSheets } from './renumberRunSheets';
import { writeOutputFile } from './runPaths';
import { openDialogueHost } from './dialogueHost';
import { writeLedgerFile } from './ledgerFile';

/** Where the chat reads lines and prints replies and warnings (process.stdin, stdout and stderr from the command line). */
export interface ChatStreams {
  readonly input: NodeJS.ReadableStream & { readonly isTTY?: boolean };
  readonly output: NodeJS.WritableStream;
  /** Warnings with --json (an output that could not be written), shown even with --quiet. */
  readonly errors: NodeJS.WritableStream;
}

export interface ChatRun {
  readonly outputPath: string;
  /** Runs written to the output, across every /reset. */
  readonly runs: number;
  readonly sheetNames: readonly string[];
  /** Lines said to a session (slash commands and skipped lines not counted). */
  readonly turns: number;
}

/**
 * The runs' sheets, kept in memory and written to OUTPUT after each run: the file always holds
 * every run so far, written whole (writeOutputFile) or not at all. Sheets of later runs, and of
 * sessions after a /reset, are numbered after those already written ('Schools (2)').
 */
class ChatOutput {
  private readonly models: SheetModel[] = [];
  private readonly written: string[] = [];
  private runs = 0;
  /** Runs not yet in the file (a write failed); tried again after the next run and at the end. */
  private unwritten = false;

  constructor(readonly file: string) {}

  get runCount(): number {
    return this.runs;
  }

  get sheetNames(): readonly string[] {
    return this.written;
  }

  /** Adds a run's sheets (telling the session their names); returns the names. */
  add(session: ReplayableSession, models: readonly SheetModel[]): string[] {
    const plan = nameRunSheets(session, models, this.written);
    this.models.push(...(plan.runNumber === 1 ? models : renumberRunSheets(models, plan.names, plan.runNumber)));
    const names = [...plan.names.values()];
    this.written.push(...names);
    this.runs += 1;
    this.unwritten = true;
    return names;
  }

  /** Writes every run so far, when some are not yet in the file. Throws UsageError when the file cannot be written. */
  async write(): Promise<boolean> {
    if (!this.unwritten) return false;
    const { buffer } = await writeReportBuffer(this.models);
    writeOutputFile(this.file, buffer);
    this.unwritten = false;
    return true;
  }

  get pending(): boolean {
    return this.unwritten;
  }
}

/**
 * `catchment chat INPUT [--out OUTPUT] [--json]`: holds a conversation in a terminal, or (--json)
 * for a program, one utterance per line of input.
 *
 * Interactive (without --json): each reply is printed with its quick replies numbered; typing a
 * number sends that choice's utterance; a question is answered by the next line. With --json: one
 * JSON object per turn on the output (reply, question, choices, commands, settings, ran, unused) and
 * nothing else. Both: blank lines and # comments skipped; a line starting with { is a command as
 * JSON (as on an Audit sheet); /reset starts a fresh session on the same inputs, /help lists the
 * slash commands, /quit (or end of input) ends. Each run's sheets are written to OUTPUT as soon as
 * it finishes (every run so far, replacing the file whole). Progress goes to `log` (stderr).
 * Throws UsageError / UnusableInputError (exit 2) only before the conversation starts, or when
 * OUTPUT cannot be written at the end.
 */
export async function runChat(
  options: ChatOptions,
  streams: ChatStreams,
  log: (line: string) => void,
  now: () => Date = () => new Date(),
): Promise<ChatRun> {
  const host = await openDialogueHost(options, log, now);
  let context: EngineContext = host.context;
  const startSession = (): ReplayableSession => host.newSession();
  let session = startSession();
  const output = new ChatOutput(options.output);
  const json = options.json;
  const terminal = !json && Boolean(streams.input.isTTY);
  const print = (text: string): void => {
    streams.output.write(`${text}\n`);
  };
  /** Notices about the chat itself: part of the conversation when interactive, progress (stderr) with --json. */
  const notice = json ? log : print;
  /** What must be seen even with --quiet: in the conversation when interactive, on stderr with --json. */
  const warn = json ? (text: string): void => void streams.errors.write(`catchment: ${text}\n`) : print;
  const emit = (turn: TurnJson): void => print(JSON.stringify(turn));
  const indented = (text: string): void => {
    for (const line of text.split('\n')) print(`  ${line}`);
  };
  /** The quick replies a number picks: those listed last. */
  let shownChoices: readonly Choice[] = STARTING_SUGGESTIONS;
  const showChoices = (choices: readonly Choice[]): void => {
    shownChoices = choices;
    for (const line of numberedChoices(choices)) print(`  ${line}`);
  };

  const outputName = options.output;
  const inputName = path.basename(options.input);
  notice(`catchment chat on ${inputName}: say what you want in plain words ('help' for examples).`);
  notice(`Each run's sheets are written to ${outputName} as soon as it finishes.`);
  if (json) {
    notice('Reading one utterance per line; one JSON object per turn on stdout. /help lists the slash commands.');
  } else {
    print('Type a number to pick one of the choices; /help lists /reset and /quit.');
    showChoices(STARTING_SUGGESTIONS);
  }

  /** After a run: writes the output, or (when it cannot be written) says so and keeps the runs for later. */
  const writeAfterRun = async (names: readonly string[]): Promise<void> => {
    log(`Writing ${outputName}`);
    try {
      await output.write();
      notice(`Wrote run ${output.runCount} to ${outputName}: sheets ${names.join(', ')}.`);
    } catch (error) {
      if (!(error instanceof UsageError)) throw error;
      warn(`${error.message} The run is kept, and written again after the next run and when the chat ends.`);
    }
  };

  /** A reply from the chat itself (a slash command, a line that is not a command): the session is not told. */
  const hostTurn = (slash: string | undefined, text: string, choices: readonly Choice[]): void => {
    if (json) {
      emit({
        reply: text,
        question: false,
        choices,
        commands: [],
        settings: settingsJson(session.parameters),
        ran: false,
        unused: [],
        ...(slash ? { slash } : {}),
      });
    } else {
      indented(text);
      if (choices.length > 0) showChoices(choices);
    }
  };

  const takeTurn = async (line: string, picked: Choice | undefined): Promise<void> => {
    const utterance = picked?.utterance ?? line;
    const progress = (step: string): void => log(`${step}…`);
    let reply: HostReply;
    if (utterance.startsWith('{')) {
      const command = commandFromJson(utterance);
      if ('error' in command) {
        hostTurn(undefined, `That line is not a command: ${command.error}`, []);
        return;
      }
      reply = session.apply(command, context, progress);
    } else {
      reply = session.respond(utterance, context, progress);
    }
    const report = reply.effects.find((effect) => effect.kind === 'writeReport');
    const names = report && report.kind === 'writeReport' ? output.add(session, report.models) : undefined;
    // Later runs, after a /reset too, join the ledger as this run left it; the file follows each run.
    if (report && report.kind === 'writeReport' && report.ledger) {
      context = { ...context, ledger: report.ledger };
      writeLedgerFile(host.ledgerPath, report.ledger);
    }
    if (json) {
      emit(turnJson(reply, session.parameters));
    } else {
      indented(reply.text);
      const { unused } = turnFacts(reply);
      if (unused.length > 0) print(`  (not used: ${unused.join(', ')})`);
      if (reply.choices.length > 0) showChoices(reply.choices);
    }
    if (names) await writeAfterRun(names);
  };

  const lines = readline.createInterface({
    input: streams.input,
    ...(terminal ? { output: streams.output, prompt: '> ' } : {}),
    terminal,
    crlfDelay: Infinity,
  });
  // Ctrl-C ends the chat as end of input does (every run is already written).
  lines.on('SIGINT', () => lines.close());
  let turns = 0;
  let first = true;
  try {
    if (terminal) lines.prompt();
    for await (const raw of lines) {
      const line = (first ? raw.replace(/^\uFEFF/, '') : raw).trim();
      first = false;
      if (line === '' || line.startsWith('#')) {
        if (terminal) lines.prompt();
        continue;
      }
      const slash = slashCommand(line);
      const picked = !json && !slash ? pickedChoice(line, shownChoices) : undefined;
      if (!json && !terminal) print(picked ? `> ${line} → ${picked.utterance}` : `> ${line}`);
      else if (terminal && picked) print(`→ ${picked.utterance}`);
      if (slash === 'quit') break;
      if (slash === 'help') {
        hostTurn('/help', SLASH_HELP, []);
      } else if (slash === 'reset') {
        session = startSession();
        hostTurn(
          '/reset',
          `Started a fresh session on ${inputName}: the settings are back to where they started and the conversation so far is forgotten.` +
            (output.runCount > 0
              ? ` ${output.runCount === 1 ? 'The run already written stays' : `The ${output.runCount} runs already written stay`} in ${outputName}.`
              : ''),
          STARTING_SUGGESTIONS,
        );
      } else if (slash === 'unknown') {
        hostTurn(line.split(/\s/)[0], `${line.split(/\s/)[0]} is not a slash command.\n${SLASH_HELP}`, []);
      } else {
        turns += 1;
        await takeTurn(line, picked);
      }
      if (terminal) lines.prompt();
    }
  } finally {
    lines.close();
  }
  if (terminal) print(''); // end of input leaves the cursor after the prompt

  if (output.pending) {
    log(`Writing ${outputName}`);
    await output.write(); // a UsageError here: exit 2, the file complete or absent
  }
  if (output.runCount === 0) notice(`No run, so nothing was written to ${outputName}.`);
  else
    notice(
      `${outputName} holds ${output.runCount === 1 ? 'one run' : `${output.runCount} runs`}: sheets ${output.sheetNames.join(', ')}.`,
    );
  return { outputPath: options.output, runs: output.runCount, sheetNames: output.sheetNames, turns };
}
