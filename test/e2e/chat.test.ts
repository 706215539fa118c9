/**
 * End to end: `catchment chat INPUT [--json]` on the small hand-made workbook, through the command
 * line's main, with stdin a stream of lines and stdout and stderr captured.
 */
import fs from 'fs';
import os from 'os';
import path from 'path';
import { Readable } from 'stream';
import { main } from '../../src/cli/main';
import { readWorkbookFile, writeWorkbookDataFile } from '../../src/workbook/xlsx';
import { smallWorkbook } from '../pipeline/smallWorkbookFixture';
import { OUTPUT_SHEETS } from './runCli';

let workdir: string;
let inputPath: string;

beforeAll(async () => {
  workdir = fs.mkdtempSync(path.join(os.tmpdir(), 'catchment-chat-'));
  inputPath = path.join(workdir, 'input.xlsx');
  await writeWorkbookDataFile(smallWorkbook(), inputPath);
});

afterAll(() => fs.rmSync(workdir, { recursive: true, force: true }));

/** Input lines as they arrive, given what has been printed on stdout so far (to wait for a reply). */
type Feed = (printed: () => string) => AsyncGenerator<string>;

/**
 * Runs `catchment ARGS` in-process with these lines (or what `feed` yields) as stdin, not a
 * terminal, capturing what it prints.
 */
async function chat(
  args: string[],
  lines: readonly string[] | Feed,
): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const source =
    typeof lines === 'function' ? lines(() => stdout) : lines.length > 0 ? [Buffer.from(`${lines.join('\n')}\n`)] : [];
  const stdin = Readable.from(source);
  const input = jest.spyOn(process, 'stdin', 'get').mockReturnValue(stdin as unknown as typeof process.stdin);
  const out = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stdout += String(chunk);
    return true;
  });
  const err = jest.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stderr += String(chunk);
    return true;
  });
  try {
    const code = await main(args);
    return { code, stdout, stderr };
  } finally {
    input.mockRestore();
    out.mockRestore();
    err.mockRestore();
  }
}

interface TurnObject {
  reply: string;
  question: boolean;
  choices: { label: string; utterance: string }[];
  commands: { kind: string }[];
  settings: Record<string, unknown>;
  ran: boolean;
  unused: string[];
  slash?: string;
}

/** Every line of stdout as JSON (a line that is not JSON fails the test). */
function turnsOf(stdout: string): TurnObject[] {
  return stdout
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as TurnObject);
}

describe('catchment chat --json', () => {
  let result: { code: number; stdout: string; stderr: string };
  let turns: TurnObject[];
  const outputPath = () => path.join(workdir, 'input-chat.xlsx');

  beforeAll(async () => {
    result = await chat(
      ['chat', inputPath, '--json', '--simulations', '200', '--from', '2023-01-01'],
      [
        'show the settings',
        '',
        '# a comment, skipped',
        'suppress counts under 3',
        '{"kind":"setTopN","topN":3}',
        'run',
        '/reset',
        'suppress counts under 3',
        'run',
      ],
    );
    turns = turnsOf(result.stdout);
  });

  it('exits 0 at the end of input, with one JSON object per turn and nothing else on stdout', () => {
    expect(result.code).toBe(0);
    const lines = result.stdout.split('\n');
    expect(lines.pop()).toBe('');
    expect(lines).toHaveLength(7);
    for (const line of lines) expect(line.startsWith('{') && line.endsWith('}')).toBe(true);
    expect(turns).toHaveLength(7);
    // Progress and notices go to stderr.
    expect(result.stderr).toContain('Reading');
  });

  it('gives each turn its fields, with their types', () => {
    for (const turn of turns) {
      expect(typeof turn.reply).toBe('string');
      expect(typeof turn.question).toBe('boolean');
      expect(typeof turn.ran).toBe('boolean');
      expect(Array.isArray(turn.choices)).toBe(true);
      for (const choice of turn.choices) expect(Object.keys(choice).sort()).toEqual(['label', 'utterance']);
      expect(Array.isArray(turn.commands)).toBe(true);
      expect(Array.isArray(turn.unused)).toBe(true);
      expect(turn.unused.every((word) => typeof word === 'string')).toBe(true);
      expect(typeof turn.settings).toBe('object');
    }
    expect(turns[0].commands).toEqual([{ kind: 'status' }]);
    expect(turns[1].commands).toEqual([{ kind: 'setThreshold', threshold: 3 }]);
    expect(turns[2].commands).toEqual([{ kind: 'setTopN', topN: 3 }]);
  });

  it('gives the current settings as JSON, dates as ISO days', () => {
    expect(turns[0].settings).toMatchObject({
      threshold: 5,
      simulations: 200,
      dateFrom: '2023-01-01',
      dateTo: null,
      topN: 20,
      ageBand: [10, 17],
    });
    expect(turns[1].settings.threshold).toBe(3);
    expect(turns[2].settings.topN).toBe(3);
  });

  it("runs on 'run' (ran: true) and writes the result sheets beside the input", async () => {
    expect(turns.map((turn) => turn.ran)).toEqual([false, false, false, true, false, false, true]);
    expect(turns[3].commands).toEqual([{ kind: 'run' }]);
    const output = await readWorkbookFile(outputPath());
    expect(output.sheets.map((sheet) => sheet.name)).toEqual([
      ...OUTPUT_SHEETS,
      ...OUTPUT_SHEETS.map((name) => `${name} (2)`),
    ]);
    expect(result.stderr).toContain(`holds 2 runs`);
  });

  it('starts a fresh session on /reset: the starting settings (the flags), said in the reply', () => {
    const reset = turns[4];
    expect(reset.slash).toBe('/reset');
    expect(reset.reply).toContain('Started a fresh session');
    expect(reset.ran).toBe(false);
    expect(reset.commands).toEqual([]);
    expect(reset.settings).toEqual(turns[0].settings);
    expect(reset.settings).toMatchObject({ threshold: 5, topN: 20, simulations: 200 });
  });

  it("records only the fresh session's turns on the later run's Audit sheet", async () => {
    const output = await readWorkbookFile(outputPath());
    const audit = output.sheets.find((sheet) => sheet.name === 'Audit (2)')!;
    const cells = audit.rows.flat().map(String);
    expect(cells).toContain('suppress counts under 3');
    expect(cells).not.toContain('show the settings');
  });

  it("reads a question's answer from the next line, and says when a { line is not a command", async () => {
    const run = await chat(
      ['chat', inputPath, '--json', '--out', path.join(workdir, 'question.xlsx'), '--quiet'],
      ['10', 'top 10', '{"kind":"setTopN"'],
    );
    expect(run.code).toBe(0);
    const [question, answer, broken] = turnsOf(run.stdout);
    expect(question.question).toBe(true);
    expect(question.choices.map((choice) => choice.utterance)).toContain('top 10');
    expect(answer.commands).toEqual([{ kind: 'setTopN', topN: 10 }]);
    expect(answer.settings.topN).toBe(10);
    expect(broken.reply).toMatch(/^That line is not a command: .* is not valid JSON/);
    expect(broken.commands).toEqual([]);
    expect(broken.settings.topN).toBe(10);
  });

  it('lists the slash commands on /help, as a turn of its own', async () => {
    const run = await chat(
      ['chat', inputPath, '--json', '--out', path.join(workdir, 'help.xlsx')],
      ['/help', '/nonsense'],
    );
    expect(run.code).toBe(0);
    const [help, unknown] = turnsOf(run.stdout);
    expect(help.reply).toMatch(/\/reset[\s\S]*\/quit/);
    expect(unknown.reply).toContain('/nonsense is not a slash command');
    expect(fs.existsSync(path.join(workdir, 'help.xlsx'))).toBe(false);
  });

  it('ends cleanly with 0 at once on empty input, writing nothing', async () => {
    const output = path.join(workdir, 'empty.xlsx');
    const run = await chat(['chat', inputPath, '--json', '--out', output, '--quiet'], []);
    expect(run).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(fs.existsSync(output)).toBe(false);
  });
});

describe('catchment chat (interactive)', () => {
  it('numbers the quick replies, and a number sends that choice; /quit ends', async () => {
    const output = path.join(workdir, 'interactive.xlsx');
    const run = await chat(['chat', inputPath, '--out', output, '--quiet'], ['1', 'help', '2', '/quit', 'run']);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    // The starting choices, numbered; '1' is "What's in this workbook?".
    expect(run.stdout).toContain("  1) What's in this workbook?\n  2) Run the analysis\n  3) Help");
    expect(run.stdout).toContain("> 1 → what's in this workbook?");
    expect(run.stdout).toMatch(/> 1 → what's in this workbook\?\n {2}\S/);
    // After 'help', its choices are listed and '2' is the second of them.
    expect(run.stdout).toContain('> help\n  Say what you want in plain words');
    expect(run.stdout).toContain('> 2 → run the analysis');
    expect(run.stdout).toContain(`Wrote run 1 to ${output}`);
    // Nothing after /quit is read.
    expect(run.stdout).not.toContain('> run');
    const book = await readWorkbookFile(output);
    expect(book.sheets.map((sheet) => sheet.name)).toEqual(OUTPUT_SHEETS);
  });

  it('says when OUTPUT cannot be written after a run, and writes every run when the chat ends', async () => {
    const output = path.join(workdir, 'blocked.xlsx');
    const until = async (printed: () => string, text: string): Promise<void> => {
      for (let waited = 0; !printed().includes(text); waited += 20) {
        if (waited > 30000) throw new Error(`'${text}' was never printed`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    };
    async function* feed(printed: () => string): AsyncGenerator<string> {
      yield 'suppress counts under 3\n';
      await until(printed, 'threshold 3');
      fs.mkdirSync(output); // a folder where the workbook goes: it cannot be written
      yield 'run\n';
      await until(printed, 'The run is kept');
      fs.rmdirSync(output);
    }
    const run = await chat(['chat', inputPath, '--out', output, '--quiet'], feed);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`Cannot write ${output} (EISDIR); nothing was written. The run is kept`);
    expect(run.stdout).toContain(`${output} holds one run`);
    expect((await readWorkbookFile(output)).sheets.map((sheet) => sheet.name)).toEqual(OUTPUT_SHEETS);
    expect(fs.readdirSync(workdir).filter((name) => name.includes('partial'))).toEqual([]);
  });

  it('sends a number as typed when no choice has that number', async () => {
    const run = await chat(['chat', inputPath, '--out', path.join(workdir, 'number.xlsx'), '--quiet'], ['12']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('> 12\n');
  });
});

describe('catchment chat usage errors', () => {
  it('exits 2 without an input workbook', async () => {
    const run = await chat(['chat', '--json'], ['run']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('Name the input workbook');
    expect(run.stdout).toBe('');
  });

  it('exits 2 when the output is the input, even with --force, and leaves the input as it was', async () => {
    const before = fs.readFileSync(inputPath);
    for (const flags of [[], ['--force']]) {
      const run = await chat(['chat', inputPath, '--out', inputPath, '--json', ...flags], ['run']);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain('The output must be a new file');
      expect(run.stdout).toBe('');
    }
    expect(fs.readFileSync(inputPath).equals(before)).toBe(true);
  });

  it('exits 2 when the default output exists, unless --force', async () => {
    const input = path.join(workdir, 'again.xlsx');
    fs.copyFileSync(inputPath, input);
    fs.writeFileSync(path.join(workdir, 'again-chat.xlsx'), 'old');
    const refused = await chat(['chat', input, '--json'], ['run']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('again-chat.xlsx already exists');
    const forced = await chat(['chat', input, '--json', '--force', '--quiet'], ['suppress counts under 3', 'run']);
    expect(forced.code).toBe(0);
    expect(turnsOf(forced.stdout).map((turn) => turn.ran)).toEqual([false, true]);
    expect((await readWorkbookFile(path.join(workdir, 'again-chat.xlsx'))).sheets.map((sheet) => sheet.name)).toEqual(
      OUTPUT_SHEETS,
    );
  });

  it('exits 2 on options chat does not take', async () => {
    expect((await chat(['chat', inputPath, '--script', 'x.txt'], [])).code).toBe(2);
    expect((await chat(['analyse', inputPath, '--out', path.join(workdir, 'x.xlsx'), '--json'], [])).code).toBe(2);
  });
});
