/**
 * The settings form's disclosure method in real headless Chromium (skipped without it, like
 * test/browser): the list sends the command the same words typed would be, the reply says that
 * rounding was turned off, the digest follows; rounding chosen while counts are perturbed is asked
 * about and the form shows the session's choices again; the quick reply does both.
 */
import path from 'path';
import type { Browser, Page } from 'playwright-core';
import { builtAddin } from '../browser/support/buildAddin';
import { buildStandIn } from '../browser/support/buildStandIn';
import { CHROMIUM_PATH, hasChromium, launchChromium } from '../browser/support/chromium';
import { HEARTBEAT_MS, installProbes, type Probes } from '../browser/support/pageProbes';
import { paneTurn } from '../browser/support/paneTurns';
import { serveFolder, type StaticServer } from '../browser/support/staticServer';

const root = path.resolve(__dirname, '../..');
const OUTPUT = path.join(root, 'test-output/browser-disclosure');
const OFFICE_JS = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';

if (!hasChromium) console.warn(`Skipping the settings form's disclosure test: no Chromium at ${CHROMIUM_PATH}.`);
const describeIfChromium = hasChromium ? describe : describe.skip;

describeIfChromium("the settings form's disclosure method, in headless Chromium", () => {
  let server: StaticServer;
  let browser: Browser;
  let page: Page;
  const pageErrors: string[] = [];

  /** The text of the add-in's replies added by `action`, once the pane is idle again. */
  const turn = async (action: () => Promise<void>): Promise<string[]> =>
    (await paneTurn(page, action)).map((bubble) => bubble.text);

  const select = (id: string, value: string) => turn(() => page.selectOption(id, value).then(() => undefined));

  function parameter(label: string): Promise<string | null> {
    return page
      .locator('#parameter-list .parameter', { has: page.locator('dt', { hasText: label }) })
      .locator('dd')
      .textContent();
  }

  async function lastCommandSent(): Promise<string[]> {
    const probes = await page.evaluate(() => (window as unknown as { probes: Probes }).probes);
    return probes.worker.filter((entry) => entry.direction === 'toWorker' && entry.kind === 'command').pop()!.commands;
  }

  beforeAll(async () => {
    const addin = await builtAddin(path.join(OUTPUT, 'addin'));
    const standIn = await buildStandIn(path.join(OUTPUT, 'stand-in'));
    server = await serveFolder(addin.folder);
    browser = await launchChromium();
    const context = await browser.newContext({ viewport: { width: 360, height: 860 } });
    await context.route('**/*', async (route) => {
      const url = route.request().url();
      if (url === OFFICE_JS) return route.fulfill({ path: standIn, contentType: 'text/javascript; charset=utf-8' });
      if (url.startsWith(`${server.origin}/`)) return route.continue();
      return route.abort('blockedbyclient');
    });
    page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.addInitScript(installProbes, HEARTBEAT_MS);
    await page.goto(`${server.origin}/taskpane.html`);
    await page.waitForFunction(() => document.getElementById('status')?.textContent?.startsWith('Ready'), undefined, {
      timeout: 30_000,
    });
    if (!(await page.locator('#settings').evaluate((details) => (details as HTMLDetailsElement).open)))
      await page.locator('#settings > summary').click();
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('starts on suppression, with the two methods offered', async () => {
    await expect(page.inputValue('#setting-disclosure')).resolves.toBe('suppression');
    await expect(
      page
        .locator('#setting-disclosure option')
        .evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value)),
    ).resolves.toEqual(['suppression', 'perturbation']);
    await expect(parameter('Disclosure control')).resolves.toBe('suppression of small counts');
  });

  it('sends perturbation as its command, turning rounding off, and the form and the digest follow', async () => {
    await select('#setting-rounding', '5');
    const [reply] = await select('#setting-disclosure', 'perturbation');
    expect(await lastCommandSent()).toEqual(['setDisclosure']);
    expect(reply).toMatch(/^Counts will be protected by cell key perturbation \(ONS method\): every count is shown/);
    expect(reply).toContain('Rounding to 5 turned off: perturbation replaces it.');
    await expect(page.locator('.message-analyst').last().textContent()).resolves.toBe(
      'You said: Settings: protect counts by cell key perturbation',
    );
    await expect(page.inputValue('#setting-disclosure')).resolves.toBe('perturbation');
    await expect(page.inputValue('#setting-rounding')).resolves.toBe('none');
    await expect(parameter('Disclosure control')).resolves.toBe('cell key perturbation (ONS method)');
    await expect(page.textContent('#settings-digest')).resolves.toBe(
      'Ages 10–17 · secondary, all-through · counts perturbed, none 1–4 shown · top 20',
    );
  });

  it('asks, changing nothing, when rounding is chosen while counts are perturbed; the quick reply does both', async () => {
    const [asked] = await select('#setting-rounding', '10');
    expect(asked).toMatch(/^Rounding and perturbation are alternatives/);
    await expect(page.inputValue('#setting-rounding')).resolves.toBe('none');
    await expect(page.inputValue('#setting-disclosure')).resolves.toBe('perturbation');
    await turn(() =>
      page
        .getByRole('button', { name: 'Suppression, rounded to 10', exact: true })
        .and(page.locator('button.choice:enabled'))
        .click(),
    );
    await expect(page.inputValue('#setting-disclosure')).resolves.toBe('suppression');
    await expect(page.inputValue('#setting-rounding')).resolves.toBe('10');
    expect(pageErrors).toEqual([]);
  });
});
