/**
 * Stands in for Microsoft's office.js in the browser test. The built page still asks for
 * https://appsforoffice.microsoft.com/lib/1/hosted/office.js; the test routes that request to this
 * bundle, which gives the page exactly what the pane uses of Office: `Office.onReady` (host Excel),
 * `Office.context.requirements.isSetSupported`, `Office.context.officeTheme` (the Colorful theme,
 * or `window.standInOfficeTheme` when a test sets one before the page loads), and `Excel.run` over
 * the in-memory Excel holding the demo workbook. `window.standIn` lets the test read the workbook the pane wrote into, and edit
 * it as the analyst would between turns (`runAsAnalyst`, whose edits raise Excel's change events).
 */
import { createInMemoryExcel } from '../../support/inMemoryExcel';
import { COLORFUL_THEME, type StandInTheme } from './standInTheme';
import { standInWorkbook } from './standInWorkbook';

/** The newest minor version of each requirement set this stand-in answers yes to (Excel on the web, 2024). */
const SUPPORTED_SETS: Readonly<Record<string, number>> = { ExcelApi: 17 };

function isSetSupported(name: string, version?: string): boolean {
  const newestMinor = SUPPORTED_SETS[name];
  if (newestMinor === undefined) return false;
  const [major, minor] = (version ?? '1.1').split('.').map(Number);
  return major === 1 && (minor ?? 0) <= newestMinor;
}

/**
 * Each sync waits a few milliseconds, as a round trip to Excel does, so the page's event loop turns
 * between requests as it does in Excel (where a sync is asynchronous messaging to the host).
 */
const SYNC_ROUND_TRIP_MS = 4;

const initial = standInWorkbook();
const excel = createInMemoryExcel(initial, { syncDelayMs: SYNC_ROUND_TRIP_MS });
const ready = { host: 'Excel', platform: 'OfficeOnline' };
const officeTheme = (window as { standInOfficeTheme?: StandInTheme }).standInOfficeTheme ?? COLORFUL_THEME;

const office = {
  HostType: { Excel: 'Excel', Word: 'Word', PowerPoint: 'PowerPoint', Outlook: 'Outlook' },
  PlatformType: { OfficeOnline: 'OfficeOnline' },
  context: { requirements: { isSetSupported }, officeTheme },
  onReady(callback?: (info: typeof ready) => void): Promise<typeof ready> {
    // Like office.js: asynchronous, after the page's scripts have run.
    return new Promise((resolve) =>
      setTimeout(() => {
        callback?.(ready);
        resolve(ready);
      }, 0),
    );
  },
};

Object.assign(window, {
  Office: office,
  Excel: { run: excel.run },
  standIn: {
    initialSheetNames: initial.sheets.map((sheet) => sheet.name),
    snapshot: () => excel.snapshot(),
    stats: () => excel.stats,
    runAsAnalyst: excel.runAsAnalyst,
  },
});
