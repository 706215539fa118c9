import path from 'path';
import { analyseWorkbook, summariseRun, TOOL_VERSION, UnusableInputError } from './analyseWorkbook';
import { oneLine, quietOnClosedPipe, writeErrorReport } from './failureReport';
import { runChat } from './chat';
import { runDemo } from './runDemo';
import { runScript } from './runScript';
import { parseAnalyseArguments, parseChatArguments, UsageError } from './parseArguments';

const HELP = `catchment ${TOOL_VERSION}: which schools educate the most children from wards with higher than average violence?

Usage:
  catchment analyse INPUT.xlsx --out OUTPUT.xlsx [options]
  catchment analyse [INPUT.xlsx] --offences EXTRACT.csv [--schools F] [--wards F] ... --out OUTPUT.xlsx
  catchment chat INPUT.xlsx [--out OUTPUT.xlsx] [--json] [options]
  catchment demo [DATA_DIR] [--out DIR] [--seed N] [--offences N]

Options for analyse:
  --boundaries FILE      ward boundaries as GeoJSON (WGS84 or British National Grid); default: a ward
                         vertex sheet in the workbook
  --age 10-17            age band at offence, inclusive (default 10-17)
  --phase secondary      phases to rank, comma-separated: primary, secondary, all-through, special, ap
                         (default secondary,all-through)
  --threshold 5          counts from 1 to threshold-1 are withheld as [c] (default 5)
  --hide-zeros           treat zero counts as sensitive too
  --rounding 5           round published counts to this base (totals from unrounded values; default none)
  --disclosure METHOD    how published counts are protected: suppression (default) withholds counts from
                         1 to threshold-1 as [c] and those that would give them away; perturbation (or
                         --perturb) is the ONS cell key method: every count is shown with a little noise
                         (at most 2 either way by default) that the same records always get, and no
                         count from 1 to threshold-1 is shown. An alternative to --rounding: choose one.
                         A ledger keeps the method it started with.
  --protection N         a withheld count's range, as an outsider could narrow it from the published
                         totals, must be at least N wide, or the run stops (default: the threshold)
  --ledger FILE          the disclosure ledger: what earlier runs on these records published, so this
                         run is protected together with them (default: OUTPUT.ledger.json beside the
                         output). It holds no counts or offence data; keep it with the analyst.
  --top 20               size of the top group compared with the current list (default 20)
  --types "A;B"          offence types counted, as written in the sheet or as groups ("robbery",
                         "criminal damage"); "violence" = the default, the Home Office groups violence
                         against the person, homicide, robbery and possession of weapons; "all" = every
                         type. Types not counted are listed with their row counts.
  --from yyyy-mm-dd      first offence date counted; --to yyyy-mm-dd the last
  --metric offences      rank on offences by ward (default) or young-offenders by home ward
  --flags overdispersed  how a ward is flagged higher or lower than the area: overdispersed (default)
                         = outside the funnel limits widened for the spread between wards (Spiegelhalter
                         2005), its interval agreeing; poisson = its interval wholly above or below the
                         area rate, as before. The Method sheet counts the wards each flags.
  --catchment auto       auto (observed where given, else modelled), observed, or distanceDecay
  --smoothing eb         score schools on empirical-Bayes smoothed ward rates (default none: crude rates)
  --show-attending       publish each school's count of young offenders attending (default: left out of
                         the shared workbook, as the figure most likely to stigmatise a school)
  --seed N               seed of the rank-interval simulation (default ${20240601})
  --simulations N        number of simulations (default 1000)
  --map role.field="Header"   use this column for a field (e.g. --map offences.age="Age at Offence")
  --sheet role="Sheet"   use this sheet for a role (offences, schools, wards, pupilResidence, currentList)
  --offences FILE        take a sheet from a file of its own instead of the workbook: a CSV (comma,
  --schools FILE         semicolon, tab or pipe separated; UTF-8, UTF-16 or Windows-1252, detected),
  --wards FILE           read a megabyte at a time, so extracts beyond Excel's last row are fine; or
  --residence FILE       FILE.xlsx#Sheet name for a sheet of another workbook. Problems name the file,
  --list FILE            line and column. --postcodes FILE and --vertices FILE (ward vertices) too.
                         INPUT.xlsx may be left out when --offences, --schools and --wards are all
                         given, with --boundaries (or --vertices). No input is ever the output.
  --script FILE          hold a dialogue from FILE instead: one utterance per line ("use 'Crimes 2021' for
                         offences", "suppress counts under 10", "run"); blank lines and # comments are
                         skipped, a line starting with { is a command as JSON (from an Audit sheet). A
                         question is answered by the next line; each run adds its sheets to OUTPUT.
  --force                replace OUTPUT if it exists (the input is never overwritten)
  --quiet                no progress on stderr

chat holds the task pane's conversation in a terminal, one line per turn, starting from analyse's
options (all but --script). Quick replies are listed as numbers: type one to pick it. A question is
answered by the next line; a line starting with { is a command as JSON (as on an Audit sheet);
/reset starts a fresh session on the same inputs, /help lists these, /quit or end of input ends.
Each run's sheets are written to OUTPUT (default INPUT-chat.xlsx beside the input) as soon as it
finishes, the file replaced whole with every run so far.
  --json                 for programs and replays: one utterance per line on stdin, one JSON object
                         per turn on stdout ({"reply", "question", "choices", "commands", "settings",
                         "ran", "unused"}) and nothing else

Exit codes: 0 success; 2 unusable input or arguments (the message names sheet, row and column); 1 internal error.`;

/** Runs the command line; resolves to the process exit code. */
export async function main(argv: readonly string[]): Promise<number> {
  const [command, ...rest] = argv;
  const quiet = rest.includes('--quiet');
  const progress = (line: string): void => {
    if (!quiet) process.stderr.write(`${line}\n`);
  };
  try {
    switch (command) {
      case 'analyse':
      case 'analyze': {
        const options = parseAnalyseArguments(rest);
        if (options.script !== undefined) {
          await runScript(
            { ...options, script: options.script },
            (line) => process.stdout.write(`${line}\n`),
            progress,
          );
          return 0;
        }
        const run = await analyseWorkbook(
          options,
          progress,
          undefined,
          ['catchment', ...argv].map((a) => (/\s/.test(a) ? JSON.stringify(a) : a)).join(' '),
        );
        for (const line of summariseRun(run)) process.stdout.write(`${line}\n`);
        return 0;
      }
      case 'chat':
        await runChat(
          parseChatArguments(rest),
          { input: process.stdin, output: process.stdout, errors: process.stderr },
          progress,
        );
        return 0;
      case 'demo':
        await runDemo(rest, progress, (line) => process.stdout.write(`${line}\n`));
        return 0;
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        process.stdout.write(`${HELP}\n`);
        return 0;
      default:
        throw new UsageError(`Unknown command '${command}'. Run 'catchment help'.`);
    }
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`catchment: ${error.message}\n`);
      return 2;
    }
    if (error instanceof UnusableInputError) {
      process.stderr.write(`catchment: the input cannot be used:\n${error.problems.map((p) => `  ${p}`).join('\n')}\n`);
      return 2;
    }
    process.stderr.write(
      `catchment: internal error (a bug, not a problem with your data): ${oneLine(error)}. ${writeErrorReport(error, argv)}\n`,
    );
    return 1;
  }
}

if (require.main === module) {
  quietOnClosedPipe();
  void main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
void path;
export { quietOnClosedPipe } from './failureReport';
