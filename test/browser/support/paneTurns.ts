/**
 * One turn of the task pane in a real page: what `action` makes the add-in say, read once the pane
 * is idle again (Send enabled). Shared by the browser tests.
 */
import type { Page } from 'playwright-core';

/** One reply bubble: its prose (lines joined) and its tables (rows of cell texts). */
export interface Bubble {
  readonly text: string;
  readonly tables: readonly (readonly (readonly string[])[])[];
}

/** The bubbles added by `action` (and by `whileRunning`, done before waiting: e.g. pressing Cancel). */
export async function paneTurn(
  page: Page,
  action: () => Promise<void>,
  whileRunning?: () => Promise<void>,
): Promise<Bubble[]> {
  const before = await page.locator('.message-addin').count();
  await action();
  await whileRunning?.();
  await page.waitForFunction(
    (count) =>
      document.querySelectorAll('.message-addin').length > count &&
      !(document.getElementById('send') as HTMLButtonElement).disabled,
    before,
    { timeout: 90_000 },
  );
  return page.locator('.message-addin').evaluateAll(
    (bubbles, count) =>
      bubbles.slice(count).map((bubble) => ({
        text: Array.from(bubble.querySelectorAll('.message-text'), (node) => node.textContent ?? '').join('\n'),
        tables: Array.from(bubble.querySelectorAll('table'), (table) =>
          Array.from(table.rows, (row) => Array.from(row.cells, (cell) => cell.textContent ?? '')),
        ),
      })),
    before,
  );
}
