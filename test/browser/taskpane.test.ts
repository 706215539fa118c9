/**
 * The task pane in real headless Chromium. The production build of the add-in (dist/addin, or a
 * fresh build when that is stale) is served from localhost, and the page's request for office.js
 * on Microsoft's CDN is answered with a stand-in: an in-memory Excel holding the seeded demo
 * workbook plus an older offences export (so the pane has to ask which to use) and a sheet named
 * with markup. A scripted conversation describes the workbook, answers the pane's question with a
 * quick-reply button, picks a sheet by name, sets a threshold, runs, and asks for new candidates,
 * while the page keeps a heartbeat and every request is recorded; then the analyst adds a row to
 * their offences sheet and the next description counts it. Then the settings form: a change there
 * is recorded as its command; a request in two parts typed in the chat shows in the form; a run is
 * cancelled with the workbook untouched and the choices kept, and the next run records the form's
 * change. Last, the Office theme's colours, a dark theme and forced colours (high contrast).
 * Screenshots of each step go to test-output/screenshots/.
 */
import fs from 'fs';
import path from 'path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { ExcelRun } from '../../src/workbook/office/excelRun';
import { builtAddin } from './support/buildAddin';
import { buildStandIn } from './support/buildStandIn';
import { CHROMIUM_PATH, hasChromium, launchChromium } from './support/chromium';
import { HEARTBEAT_MS, installProbes, longestGap, type Probes } from './support/pageProbes';
import { paneTurn, type Bubble } from './support/paneTurns';
import { MARKUP_SHEET, OLDER_OFFENCES_SHEET } from './support/standInSheets';
import { BLACK_THEME, COLORFUL_THEME } from './support/standInTheme';
import { serveFolder, type StaticServer } from './support/staticServer';

const root = path.resolve(__dirname, '../..');
const OUTPUT = path.join(root, 'test-output/browser');
const SCREENSHOTS = path.join(root, 'test-output/screenshots');
/** The URL taskpane.html loads Office.js from, as the Office store requires. */
const OFFICE_JS = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
const ROUTED_OFFICE_JS = 'office.js, answered by the stand-in';
/** The longest the page may go without a heartbeat while the worker runs the analysis. */
const MAX_MAIN_THREAD_GAP_MS = 250;
/** A narrow task pane, as Excel opens it. */
const PANE = { width: 360, height: 860 };
/** The share of the pane's height the conversation keeps while the current choices are folded. */
const CONVERSATION_SHARE = 0.6;

const CURRENT_OFFENCES_SHEET = 'Offences 2023-24';
const ANALYST_SHEETS = [
  'Notes',
  CURRENT_OFFENCES_SHEET,
  OLDER_OFFENCES_SHEET,
  'GIAS schools',
  'Ward population',
  'Pupil residence',
  'VRU current list',
  'Ward boundaries',
  MARKUP_SHEET,
];
const OUTPUT_SHEETS = ['Summary', 'Schools', 'Sensitivity', 'Wards', 'Charts', 'Validation', 'Method', 'Audit'];

if (!hasChromium) {
  const message = `Skipping the task pane browser test: no Chromium at ${CHROMIUM_PATH} (apt-get install chromium, or set CHROMIUM_PATH).`;
  if (process.env.CATCHMENT_REQUIRE_CHROMIUM) throw new Error(`${message} CI requires it.`);
  console.warn(message);
}
const describeIfChromium = hasChromium ? describe : describe.skip;

/** A reply bubble as the analyst sees it: its text (lines of prose) and its tables (header row first). */
/** What the stand-in and the probes put on the page's window. */
interface TestWindow {
  standIn: {
    snapshot(): {
      sheets: { name: string; cells: Record<string, { value?: string | number | boolean }> }[];
      activeSheet: string;
    };
    runAsAnalyst: ExcelRun;
  };
  probes: Probes;
}

describeIfChromium('the task pane in headless Chromium, over an in-memory Excel holding the demo workbook', () => {
  let server: StaticServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  /** Workers of the page that ended: only the one a Cancel stopped should. */
  const workersClosed: string[] = [];
  /** The bubbles of the latest turn, with their tables. */
  let latest: Bubble[] = [];
  const requests: string[] = [];
  const leaks: string[] = [];
  const pageErrors: string[] = [];
  let shot = 0;
  let analystSheetsBefore: { names: string[]; sha256: string };
  /** The analyst's sheets just before the cancelled run (after their own edit of the offences sheet). */
  let analystSheetsBeforeCancel: { names: string[]; sha256: string };
  let offenceRowsBefore: number;

  async function screenshot(name: string): Promise<void> {
    shot += 1;
    await page.screenshot({ path: path.join(SCREENSHOTS, `taskpane-${String(shot).padStart(2, '0')}-${name}.png`) });
  }

  /** The text of the add-in's bubbles added by `action`, once the pane is idle again; their tables are in `latest`. */
  async function turn(action: () => Promise<void>, whileRunning?: () => Promise<void>): Promise<string[]> {
    latest = await paneTurn(page, action, whileRunning);
    return latest.map((bubble) => bubble.text);
  }

  /** Types into the box and presses Enter. */
  function say(text: string, whileRunning?: () => Promise<void>): Promise<string[]> {
    return turn(async () => {
      await page.fill('#utterance', text);
      await page.press('#utterance', 'Enter');
    }, whileRunning);
  }

  /** Presses the live quick-reply button with this label. */
  function choose(label: string): Promise<string[]> {
    return turn(() =>
      page.getByRole('button', { name: label, exact: true }).and(page.locator('button.choice:enabled')).click(),
    );
  }

  function parameter(label: string): Promise<string | null> {
    return page
      .locator('#parameter-list .parameter', { has: page.locator('dt', { hasText: label }) })
      .locator('dd')
      .textContent();
  }

  /** The row of the describe reply's table of sheets for a sheet: [sheet, rows, read as]. */
  function sheetRow(bubble: Bubble, sheet: string): readonly string[] {
    const [table] = bubble.tables;
    expect(table?.[0]).toEqual(['Sheet', 'Rows', 'Read as']);
    const row = table.find((cells) => cells[0] === sheet);
    if (!row) throw new Error(`The reply's table of sheets has no row for '${sheet}': ${JSON.stringify(table)}`);
    return row;
  }

  /** The rows the describe reply gives for a sheet: '20,000' -> 20000. */
  function rowsDescribed(bubble: Bubble, sheet: string): number {
    return Number(sheetRow(bubble, sheet)[1].replace(/,/g, ''));
  }

  /** The sheets of the in-memory workbook, in order. */
  function sheetNames(): Promise<string[]> {
    return page.evaluate(() => (window as unknown as TestWindow).standIn.snapshot().sheets.map((sheet) => sheet.name));
  }

  /** Opens the settings (folded into the digest line) if they are folded. */
  async function openSettings(): Promise<void> {
    if (!(await page.locator('#settings').evaluate((details) => (details as HTMLDetailsElement).open)))
      await page.locator('#settings > summary').click();
  }

  /** The height of the conversation as a share of the pane's. */
  function conversationShare(): Promise<number> {
    return page.evaluate(
      () =>
        (document.querySelector('.conversation') as HTMLElement).getBoundingClientRect().height / window.innerHeight,
    );
  }

  /** Turns sent to the worker so far, each with whether it carried a newly read workbook. */
  async function turnsSent(): Promise<('sent' | 'unchanged' | null)[]> {
    return (await probes()).worker
      .filter((entry) => entry.direction === 'toWorker' && entry.kind === 'turn')
      .map((entry) => entry.workbook);
  }

  function probes(): Promise<Probes> {
    return page.evaluate(() => (window as unknown as TestWindow).probes);
  }

  /** SHA-256 of the named sheets as the in-memory Excel holds them: values, formats, tables, charts. */
  function sheetsDigest(names: readonly string[]): Promise<{ names: string[]; sha256: string }> {
    return page.evaluate(async (wanted) => {
      const sheets = (window as unknown as TestWindow).standIn
        .snapshot()
        .sheets.filter((sheet) => wanted.includes(sheet.name));
      const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(JSON.stringify(sheets)));
      return {
        names: sheets.map((sheet) => sheet.name),
        sha256: Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join(''),
      };
    }, names);
  }

  beforeAll(async () => {
    fs.mkdirSync(SCREENSHOTS, { recursive: true });
    for (const old of fs.readdirSync(SCREENSHOTS).filter((name) => name.startsWith('taskpane-')))
      fs.rmSync(path.join(SCREENSHOTS, old));
    const addin = await builtAddin(path.join(OUTPUT, 'addin'));
    const standIn = await buildStandIn(path.join(OUTPUT, 'stand-in'));
    server = await serveFolder(addin.folder);
    browser = await launchChromium();
    context = await browser.newContext({ viewport: PANE });
    context.on('request', (request) => {
      requests.push(request.url());
    });
    await context.route('**/*', async (route) => {
      const url = route.request().url();
      if (url === OFFICE_JS) return route.fulfill({ path: standIn, contentType: 'text/javascript; charset=utf-8' });
      if (url.startsWith(`${server.origin}/`)) return route.continue();
      leaks.push(url);
      return route.abort('blockedbyclient');
    });
    page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.on('dialog', (dialog) => {
      pageErrors.push(`A ${dialog.type()} dialog opened: ${dialog.message()}`);
      void dialog.dismiss();
    });
    page.on('worker', (worker) => worker.on('close', () => workersClosed.push(worker.url())));
    await page.addInitScript(installProbes, HEARTBEAT_MS);
    await page.goto(`${server.origin}/taskpane.html`);
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('starts ready, with a welcome, quick replies, the current choices folded into one line and the cursor in the text box', async () => {
    await page.waitForFunction(() => document.getElementById('status')?.textContent?.startsWith('Ready'), undefined, {
      timeout: 30_000,
    });
    await expect(page.textContent('#status')).resolves.toBe(
      'Ready. Results go to new sheets; your own sheets are never changed.',
    );
    await expect(page.locator('.message-addin').first().textContent()).resolves.toContain(
      'your own sheets are never changed',
    );
    await expect(page.locator('button.choice').allTextContents()).resolves.toContain("What's in this workbook?");
    await expect(parameter('Small counts')).resolves.toBe('counts 1–4 withheld as [c]; zeros shown');
    await expect(page.textContent('#settings-digest')).resolves.toBe(
      'Ages 10–17 · secondary, all-through · counts 1–4 withheld · top 20',
    );
    await expect(page.locator('#parameter-list').isVisible()).resolves.toBe(false);
    await expect(page.textContent('#boundaries-current')).resolves.toBe("The workbook's ward boundary sheet");
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('utterance');
    // The settings form holds the starting choices.
    await expect(page.inputValue('#setting-threshold')).resolves.toBe('5');
    await expect(page.inputValue('#setting-age-from')).resolves.toBe('10');
    await expect(page.inputValue('#setting-age-to')).resolves.toBe('17');
    await expect(
      page
        .locator('input[name="phase"]:checked')
        .evaluateAll((boxes) => boxes.map((box) => (box as HTMLInputElement).value)),
    ).resolves.toEqual(['secondary', 'allThrough']);
    await expect(page.locator('input[name="offence-rule"]:checked').getAttribute('value')).resolves.toBe('default');
    await expect(page.locator('#cancel').isHidden()).resolves.toBe(true);
    analystSheetsBefore = await sheetsDigest(ANALYST_SHEETS);
    expect(analystSheetsBefore.names).toEqual(ANALYST_SHEETS);
    await screenshot('welcome');
  });

  it('describes the workbook, showing sheet names as text, and asks which of two offence-like sheets to use', async () => {
    const [reply] = await choose("What's in this workbook?");
    // The sheets are a table: Sheet, Rows, Read as.
    expect(reply).toMatch(/^This workbook has 9 sheets:\n/);
    const [description] = latest;
    expect(description.tables[0].slice(1).map((row) => row[0])).toEqual(ANALYST_SHEETS);
    offenceRowsBefore = rowsDescribed(description, CURRENT_OFFENCES_SHEET);
    expect(sheetRow(description, CURRENT_OFFENCES_SHEET)[2]).toMatch(/^offences/);
    expect(sheetRow(description, 'GIAS schools')).toEqual([
      'GIAS schools',
      expect.stringMatching(/^[\d,]+$/),
      'schools',
    ]);
    expect(sheetRow(description, 'Ward boundaries')[2]).toBe('ward boundaries');
    expect(sheetRow(description, MARKUP_SHEET)[2]).toBe('not used');
    expect(reply).toMatch(
      /Two sheets look like offences: 'Offences 2023-24' or 'Offences 2022-23'\? Which one should I use\?$/,
    );
    await expect(page.locator('button.choice:enabled').allTextContents()).resolves.toEqual([
      CURRENT_OFFENCES_SHEET,
      OLDER_OFFENCES_SHEET,
    ]);
    // The sheet named `<img src=x onerror=alert(1)>` is text in a table cell, not an element.
    await expect(page.locator('#messages img, #messages script').count()).resolves.toBe(0);
    // The settings form now lists the offences sheet's types, with their rows.
    const types = await page.locator('#setting-offence-types option').allTextContents();
    expect(types.length).toBeGreaterThanOrEqual(5);
    expect(types[0]).toMatch(/^Violence without injury \([\d,]+ rows\)$/);
    await screenshot('question');
  });

  it('takes the answer from a quick-reply button, and shows the choice among the current choices', async () => {
    const [reply] = await choose(CURRENT_OFFENCES_SHEET);
    expect(reply).toBe("The offences will be read from 'Offences 2023-24'.");
    await expect(page.locator('.message-analyst').last().textContent()).resolves.toContain(CURRENT_OFFENCES_SHEET);
    await expect(parameter('Sheet for offences')).resolves.toBe("'Offences 2023-24' (your choice)");
    await expect(page.locator('button.choice', { hasText: OLDER_OFFENCES_SHEET }).isDisabled()).resolves.toBe(true);
  });

  it('picks a sheet the analyst names loosely', async () => {
    const [reply] = await say('use the vru current list sheet for the current list');
    expect(reply).toBe("The current list will be read from 'VRU current list'.");
    await screenshot('sheets-chosen');
  });

  it('sets a suppression threshold and shows it in the current choices', async () => {
    const [reply] = await say('suppress counts under 10');
    expect(reply).toMatch(/^Counts from 1 to 9 will be withheld as \[c\] \(threshold 10; was 5\)/);
    await expect(parameter('Small counts')).resolves.toBe('counts 1–9 withheld as [c]; zeros shown');
    await expect(page.textContent('#settings-digest')).resolves.toBe(
      'Ages 10–17 · secondary, all-through · counts 1–9 withheld · top 20',
    );
    await expect(page.inputValue('#setting-threshold')).resolves.toBe('10');
    await screenshot('threshold');
  });

  it('runs the analysis in its worker with progress while the page stays responsive, then links to the eight sheets it wrote', async () => {
    const replies = await say('run', async () => {
      await page.waitForSelector('#progress:not([hidden])');
      await expect(page.locator('#cancel').isVisible()).resolves.toBe(true);
      await screenshot('running');
    });
    expect(replies[0]).toMatch(
      /^Run 1 done: 190 wards \(\d+ higher than the area average\), \d+ secondary and all-through schools ranked/,
    );
    expect(replies[0]).toMatch(/\nTop 3: 1\. .+ \(rank interval \d+–\d+\); 2\./);
    expect(replies[1]).toBe('Run 1 is written to 8 new sheets. Open one:');
    await expect(page.locator('.sheet-link').allTextContents()).resolves.toEqual(OUTPUT_SHEETS);
    await expect(page.locator('#progress').isHidden()).resolves.toBe(true);
    expect(await conversationShare()).toBeGreaterThan(CONVERSATION_SHARE);

    const log = await probes();
    const sent = log.worker.filter((entry) => entry.direction === 'toWorker' && entry.kind === 'turn').pop()!;
    const answered = log.worker.find(
      (entry) => entry.direction === 'fromWorker' && entry.kind === 'reply' && entry.id === sent.id,
    )!;
    const noted = log.worker.find(
      (entry) => entry.direction === 'fromWorker' && entry.kind === 'noted' && entry.at > answered.at,
    )!;
    const steps = log.worker.filter((entry) => entry.kind === 'progress' && entry.id === sent.id);
    const gapWhileWorkerRan = longestGap(log.beats, sent.at, answered.at);
    console.log(
      `The worker ran for ${Math.round(answered.at - sent.at)} ms (${steps.length} progress steps) with the longest main-thread gap ` +
        `${Math.round(gapWhileWorkerRan)} ms; writing the sheets into the in-memory Excel took ${Math.round(noted.at - answered.at)} ms ` +
        `with the longest gap ${Math.round(longestGap(log.beats, answered.at, noted.at))} ms.`,
    );
    expect(steps.length).toBeGreaterThan(3);
    expect(gapWhileWorkerRan).toBeLessThan(MAX_MAIN_THREAD_GAP_MS);
    // The heartbeat really ran throughout: about one beat per 16 ms.
    expect(log.beats.filter((beat) => beat >= sent.at && beat <= answered.at).length).toBeGreaterThan(
      (answered.at - sent.at) / (4 * HEARTBEAT_MS),
    );
    await screenshot('ran');
  });

  it("wrote the result sheets after the analyst's own, left those unchanged, recorded the dialogue, and brought Summary to the front", async () => {
    const written = await page.evaluate(() => {
      const { sheets, activeSheet } = (window as unknown as TestWindow).standIn.snapshot();
      const audit = sheets.find((sheet) => sheet.name === 'Audit');
      return {
        names: sheets.map((sheet) => sheet.name),
        activeSheet,
        auditText: Object.values(audit?.cells ?? {}).map((cell) => String(cell.value ?? '')),
      };
    });
    // The disclosure ledger's sheet is written too (very hidden, with no link in the pane).
    expect(written.names).toEqual([...ANALYST_SHEETS, ...OUTPUT_SHEETS, 'Catchment ledger']);
    expect(written.activeSheet).toBe('Summary');
    expect(written.auditText).toEqual(
      expect.arrayContaining(['suppress counts under 10', 'use the vru current list sheet for the current list']),
    );
    await expect(sheetsDigest(ANALYST_SHEETS)).resolves.toEqual(analystSheetsBefore);
  });

  it('brings a written sheet to the front from its link', async () => {
    await page.getByRole('button', { name: 'Schools', exact: true }).click();
    await page.waitForFunction(() => (window as unknown as TestWindow).standIn.snapshot().activeSheet === 'Schools');
  });

  it('names the top schools not yet on the current list in a table, one row each', async () => {
    const [reply] = await say('which of the top 20 are not on the VRU list?');
    const [heading] = reply.split('\n');
    const count = Number(
      /^(\d+) of the top 20 are not on the current list \('VRU current list'\):$/.exec(heading)?.[1],
    );
    expect(count).toBeGreaterThan(0);
    const [[header, ...rows]] = latest[0].tables;
    expect(header).toEqual(['Rank', 'School', 'URN', 'Exposure index', 'Rank interval']);
    const schools = rows.filter(
      ([rank, name, urn, index, interval]) =>
        /^\d+$/.test(rank) && name !== '' && /^\d+$/.test(urn) && /^\d+$/.test(index) && /^\d+–\d+$/.test(interval),
    );
    expect(schools).toHaveLength(count);
    // Read once: neither writing the result sheets nor the turns since made the pane read the workbook again.
    await expect(turnsSent()).resolves.toEqual([
      'sent',
      'unchanged',
      'unchanged',
      'unchanged',
      'unchanged',
      'unchanged',
    ]);
    await screenshot('new-candidates');
  });

  it('reads the workbook again after the analyst adds a row to their offences sheet between turns, and counts the row', async () => {
    const added = await page.evaluate(async (sheetName) => {
      // The analyst's own edit in Excel: a copy of the last offence, with a new crime number, below it.
      return (window as unknown as TestWindow).standIn.runAsAnalyst(async (context) => {
        const sheet = context.workbook.worksheets.getItem(sheetName);
        const used = sheet.getUsedRange(true).load('rowIndex,columnIndex,rowCount,columnCount');
        await context.sync();
        const last = sheet
          .getRangeByIndexes(used.rowIndex + used.rowCount - 1, used.columnIndex, 1, used.columnCount)
          .load('values');
        await context.sync();
        const row = [...last.values[0]];
        row[0] = `${String(row[0])}-LATE`;
        sheet.getRangeByIndexes(used.rowIndex + used.rowCount, used.columnIndex, 1, used.columnCount).values = [row];
        await context.sync();
        return String(row[0]);
      });
    }, CURRENT_OFFENCES_SHEET);
    expect(added).toMatch(/-LATE$/);
    await say("what's in this workbook?");
    expect(rowsDescribed(latest[0], CURRENT_OFFENCES_SHEET)).toBe(offenceRowsBefore + 1);
    expect((await turnsSent()).slice(-1)).toEqual(['sent']);
    await screenshot('edited');
  });

  it('opens the current choices in full from the keyboard, with the boundaries controls, and folds them again', async () => {
    const summaryLine = page.locator('#settings > summary');
    await summaryLine.focus();
    await page.keyboard.press('Enter');
    await expect(page.locator('#parameter-list').isVisible()).resolves.toBe(true);
    await expect(page.getByRole('button', { name: 'Re-read sheets' }).isVisible()).resolves.toBe(true);
    await expect(parameter('Phases ranked')).resolves.toBe('secondary and all-through');
    await screenshot('choices-open');
    await page.keyboard.press('Enter');
    await expect(page.locator('#parameter-list').isVisible()).resolves.toBe(false);
    await page.keyboard.press(' ');
    await expect(page.locator('#parameter-list').isVisible()).resolves.toBe(true);
  });

  it('reads a picked GeoJSON file locally, refuses a file that is not GeoJSON, and goes back to the workbook sheet', async () => {
    const problemsBefore = await page.locator('.notice-problem').count();
    await page.setInputFiles('#boundaries-file', {
      name: 'notes.json',
      mimeType: 'application/json',
      buffer: Buffer.from('{"hello": "world"}'),
    });
    await expect(page.locator('.notice-problem').last().textContent()).resolves.toBe(
      "'notes.json' is JSON but not a GeoJSON FeatureCollection; pick a file of ward polygons.",
    );
    const wards = {
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          properties: { WD22CD: 'E05000001' },
          geometry: {
            type: 'Polygon',
            coordinates: [
              [
                [0, 0],
                [1, 0],
                [1, 1],
                [0, 0],
              ],
            ],
          },
        },
      ],
    };
    await page.setInputFiles('#boundaries-file', {
      name: 'wards.geojson',
      mimeType: 'application/geo+json',
      buffer: Buffer.from(JSON.stringify(wards)),
    });
    await page.waitForFunction(
      () => document.getElementById('boundaries-current')?.textContent === 'GeoJSON file: wards.geojson',
    );
    await expect(page.textContent('#settings-digest')).resolves.toMatch(/ · boundaries from wards\.geojson$/);
    await screenshot('boundaries-file');
    await page.getByRole('button', { name: "Use the workbook's sheet" }).click();
    await expect(page.textContent('#boundaries-current')).resolves.toBe("The workbook's ward boundary sheet");
    await expect(page.textContent('#settings-digest')).resolves.not.toContain('boundaries');
    await expect(page.locator('.notice-problem').count()).resolves.toBe(problemsBefore + 1);
    await page.locator('#settings > summary').click();
    expect(await conversationShare()).toBeGreaterThan(CONVERSATION_SHARE);
  });

  it('records a change made in the settings form as its command, shows it in the conversation, and the digest and the form follow', async () => {
    await openSettings();
    await page.locator('.settings-body').evaluate((body) => body.scrollTo(0, 0));
    await screenshot('settings-open');
    await expect(page.inputValue('#setting-threshold')).resolves.toBe('10');
    const [reply] = await turn(async () => {
      await page.fill('#setting-threshold', '7');
      await page.press('#setting-threshold', 'Enter');
    });
    expect(reply).toMatch(/^Counts from 1 to 6 will be withheld as \[c\] \(threshold 7; was 10\)/);
    await expect(page.locator('.message-analyst').last().textContent()).resolves.toBe(
      'You said: Settings: threshold 7',
    );
    // Sent to the worker as the command a typed turn is understood as, and answered as one.
    const log = await probes();
    const sent = log.worker.filter((entry) => entry.direction === 'toWorker' && entry.kind === 'command').pop()!;
    expect(sent.commands).toEqual(['setThreshold']);
    const answered = log.worker.find(
      (entry) => entry.direction === 'fromWorker' && entry.kind === 'reply' && entry.id === sent.id,
    )!;
    expect(answered.commands).toEqual(['setThreshold']);
    await expect(page.textContent('#settings-digest')).resolves.toBe(
      'Ages 10–17 · secondary, all-through · counts 1–6 withheld · top 20',
    );
    await expect(parameter('Small counts')).resolves.toBe('counts 1–6 withheld as [c]; zeros shown');
    await expect(page.inputValue('#setting-threshold')).resolves.toBe('7');
    // Focus goes back to the field once the answer is in.
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('setting-threshold');
    // An emptied field sends nothing and shows the session's value again when left.
    const analystTurns = await page.locator('.message-analyst').count();
    await page.fill('#setting-threshold', '');
    await page.press('#setting-threshold', 'Tab');
    await expect(page.inputValue('#setting-threshold')).resolves.toBe('7');
    await expect(page.locator('.message-analyst').count()).resolves.toBe(analystTurns);

    // A list: rounding to the nearest 5, sent as it changes.
    const [rounded] = await turn(() => page.selectOption('#setting-rounding', '5').then(() => undefined));
    expect(rounded).toBe('Published counts will be rounded to the nearest 5.');
    await expect(page.locator('.message-analyst').last().textContent()).resolves.toBe(
      'You said: Settings: round to the nearest 5',
    );
    await expect(page.textContent('#settings-digest')).resolves.toBe(
      'Ages 10–17 · secondary, all-through · counts 1–6 withheld · rounded to 5 · top 20',
    );
    await screenshot('settings-form');
  });

  it('takes a request in two parts typed in the chat as two commands, and the form shows both', async () => {
    const [reply] = await say('only ages 11 to 16 and suppress counts under 10');
    const log = await probes();
    const answered = log.worker.filter((entry) => entry.direction === 'fromWorker' && entry.kind === 'reply').pop()!;
    expect(answered.commands).toEqual(['setAgeBand', 'setThreshold']);
    expect(reply).toMatch(/^Counting offenders aged 11–16 at the time of the offence \(was 10–17\)/);
    expect(reply).toMatch(/\nCounts from 1 to 9 will be withheld as \[c\] \(threshold 10; was 7\)/);
    await expect(page.inputValue('#setting-age-from')).resolves.toBe('11');
    await expect(page.inputValue('#setting-age-to')).resolves.toBe('16');
    await expect(page.inputValue('#setting-threshold')).resolves.toBe('10');
    await expect(page.textContent('#settings-digest')).resolves.toBe(
      'Ages 11–16 · secondary, all-through · counts 1–9 withheld · rounded to 5 · top 20',
    );
    await screenshot('two-part-request');
  });

  it('cancels a run at once: no new sheet, the choices kept, and the pane usable again', async () => {
    const sheetsBefore = await sheetNames();
    analystSheetsBeforeCancel = await sheetsDigest(ANALYST_SHEETS);
    const digestBefore = await page.textContent('#settings-digest');
    const noticesBefore = await page.locator('.message-notice').count();
    const thresholdBefore = await page.inputValue('#setting-threshold');
    await page.fill('#utterance', 'run');
    await page.press('#utterance', 'Enter');
    // The run is under way in the worker once it names a step of its own.
    await page.waitForFunction(
      () =>
        !['', 'Reading the workbook', 'Thinking'].includes(document.getElementById('progress-step')?.textContent ?? ''),
      undefined,
      { timeout: 30_000 },
    );
    await screenshot('cancel-offered');
    await page.click('#cancel');
    await page.waitForFunction(
      (count) =>
        document.querySelectorAll('.message-notice').length > count &&
        !(document.getElementById('send') as HTMLButtonElement).disabled,
      noticesBefore,
      {
        timeout: 30_000,
      },
    );
    await expect(page.locator('.message-notice').last().textContent()).resolves.toBe(
      'Cancelled. Nothing was written to the workbook, and your choices are kept. Earlier results stay on their sheets; run again before asking about them here.',
    );
    // The workbook is as it was: no sheet added, the analyst's own unchanged.
    await expect(sheetNames()).resolves.toEqual(sheetsBefore);
    await expect(sheetsDigest(ANALYST_SHEETS)).resolves.toEqual(analystSheetsBeforeCancel);
    // The run's worker was ended before it answered; a fresh one replayed the recorded choices.
    const log = await probes();
    const run = log.worker.filter((entry) => entry.direction === 'toWorker' && entry.kind === 'turn').pop()!;
    expect(
      log.worker.some((entry) => entry.direction === 'fromWorker' && entry.id === run.id && entry.kind !== 'progress'),
    ).toBe(false);
    expect(log.worker.filter((entry) => entry.direction === 'fromWorker' && entry.kind === 'ready')).toHaveLength(2);
    const restore = log.worker.find((entry) => entry.direction === 'toWorker' && entry.kind === 'restore')!;
    expect(log.worker.find((entry) => entry.direction === 'fromWorker' && entry.id === restore.id)?.kind).toBe(
      'restored',
    );
    // Chromium reports a terminated worker's close asynchronously: give it a moment.
    for (let waited = 0; workersClosed.length === 0 && waited < 5_000; waited += 100) await page.waitForTimeout(100);
    expect(workersClosed).toEqual([`${server.origin}/dialogue-worker.js`]);
    // The choices are kept, in the digest and in the form; Cancel and the progress are gone.
    await expect(page.textContent('#settings-digest')).resolves.toBe(digestBefore);
    await expect(page.inputValue('#setting-threshold')).resolves.toBe(thresholdBefore);
    await expect(page.locator('#progress').isHidden()).resolves.toBe(true);
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('utterance');
    await screenshot('cancelled');
    // Usable again: the fresh worker answers from the restored choices.
    const [status] = await say('show the settings');
    expect(status).toContain('Ages: 11–16');
    expect(status).toContain('Small counts: counts 1–9 withheld as [c]; zeros shown');
    expect(status).toContain('Rounding: to the nearest 5');
    expect(status).toContain(`Sheet for offences: '${CURRENT_OFFENCES_SHEET}' (your choice)`);
  });

  it("runs again after the cancel with the choices kept, and the new Audit sheet records the form's change as its command", async () => {
    const replies = await say('run');
    // The restored worker numbers its runs after the last one written: the reply and the sheets agree.
    expect(replies[0]).toMatch(/^Run 2 done: 190 wards/);
    expect(replies[1]).toBe('Run 2 is written to 8 new sheets. Open one:');
    const written = await page.evaluate(() => {
      const { sheets } = (window as unknown as TestWindow).standIn.snapshot();
      const audit = sheets.find((sheet) => sheet.name === 'Audit (2)');
      return {
        names: sheets.map((sheet) => sheet.name),
        auditText: Object.values(audit?.cells ?? {}).map((cell) => String(cell.value ?? '')),
      };
    });
    expect(written.names).toEqual([
      ...ANALYST_SHEETS,
      ...OUTPUT_SHEETS,
      'Catchment ledger',
      ...OUTPUT_SHEETS.map((name) => `${name} (2)`),
      'Catchment ledger (2)',
    ]);
    expect(written.auditText).toEqual(
      expect.arrayContaining([
        '{"kind":"setThreshold","threshold":7}',
        '{"kind":"setRounding","base":5}',
        'only ages 11 to 16 and suppress counts under 10',
        'suppress counts under 10',
      ]),
    );
    await expect(sheetsDigest(ANALYST_SHEETS)).resolves.toEqual(analystSheetsBeforeCancel);
  });

  it('takes its colours from the Office theme, in a dark theme too, and keeps everything visible in forced colours', async () => {
    const colours = await page.evaluate(() => ({
      variable: getComputedStyle(document.documentElement).getPropertyValue('--body-fg').trim(),
      text: getComputedStyle(document.body).color,
      theme: document.documentElement.dataset.theme,
    }));
    expect(colours).toEqual({ variable: COLORFUL_THEME.bodyForegroundColor, text: 'rgb(38, 38, 38)', theme: 'light' });

    const dark = await context.newPage();
    dark.on('pageerror', (error) => pageErrors.push(`Dark page: ${error.message}`));
    await dark.addInitScript((theme) => Object.assign(window, { standInOfficeTheme: theme }), BLACK_THEME);
    await dark.goto(`${server.origin}/taskpane.html`);
    await dark.waitForFunction(() => document.getElementById('status')?.textContent?.startsWith('Ready'), undefined, {
      timeout: 30_000,
    });
    await dark.locator('#settings > summary').click();
    await expect(
      dark.evaluate(() => ({
        background: getComputedStyle(document.body).backgroundColor,
        text: getComputedStyle(document.body).color,
        theme: document.documentElement.dataset.theme,
      })),
    ).resolves.toEqual({ background: 'rgb(38, 38, 38)', text: 'rgb(255, 255, 255)', theme: 'dark' });
    await dark.screenshot({ path: path.join(SCREENSHOTS, 'taskpane-theme-dark.png') });

    // Forced colours (Windows high contrast): system colours, and the bubbles keep an outline where their backgrounds go.
    await dark.emulateMedia({ forcedColors: 'active' });
    const forced = await dark.evaluate(() => {
      const bubble = getComputedStyle(document.querySelector('.message-addin') as HTMLElement);
      return {
        matches: matchMedia('(forced-colors: active)').matches,
        border: bubble.borderTopStyle,
        borderColour: bubble.borderTopColor,
      };
    });
    expect(forced.matches).toBe(true);
    expect(forced.border).toBe('solid');
    expect(forced.borderColour).not.toBe('rgba(0, 0, 0, 0)');
    await dark.screenshot({ path: path.join(SCREENSHOTS, 'taskpane-theme-forced-colors.png') });
    await dark.close();
  });

  it('sent no request beyond localhost, broke no rule of its Content-Security-Policy, raised no error, and fits the narrow pane', async () => {
    const { violations } = await probes();
    expect(leaks).toEqual([]);
    expect(violations).toEqual([]);
    expect(pageErrors).toEqual([]);
    const origins = new Set(requests.map((url) => (url === OFFICE_JS ? ROUTED_OFFICE_JS : new URL(url).origin)));
    expect([...origins].sort()).toEqual([server.origin, ROUTED_OFFICE_JS].sort());
    expect(requests).toEqual(
      expect.arrayContaining([`${server.origin}/dialogue-worker.js`, `${server.origin}/highs.wasm`]),
    );
    await expect(page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).resolves.toBe(true);
  });
});
