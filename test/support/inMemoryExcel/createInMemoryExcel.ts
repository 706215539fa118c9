import type { WorkbookData } from '../../../src/core/types';
import type { ExcelRun } from '../../../src/workbook/office/excelRun';
import { runMustReturnPromise } from './excelError';
import { InMemoryRequestContext, type InMemoryExcelStats } from './requestContext';
import { snapshotOf, type WorkbookSnapshot } from './snapshot';
import type { TriggerSource } from './workbookEvents';
import { initialState } from './workbookState';
import { WorkbookProxy } from './worksheetProxies';

export interface InMemoryExcelOptions {
  /** Largest request a sync may send, in bytes. Default 5,000,000 (Excel on the web's 5 MB). */
  readonly payloadLimitBytes?: number;
  /** Largest response a sync may receive, in bytes. Default 5,000,000. */
  readonly responseLimitBytes?: number;
  /** Time each sync with a request takes, to let a page repaint between round trips. Default 0. */
  readonly syncDelayMs?: number;
}

export interface InMemoryExcel {
  /** Stands in for `Excel.run` in the add-in under test: the events its edits raise say 'ThisLocalAddin'. */
  readonly run: ExcelRun;
  /**
   * Stands in for the analyst working in Excel (or a co-author, or another add-in): the same API as
   * `run`, counted in the same stats, but the events its edits raise say 'Unknown'.
   */
  readonly runAsAnalyst: ExcelRun;
  /** A plain copy of the workbook now. */
  snapshot(): WorkbookSnapshot;
  /** Counters, updated as requests are made (a plain object, so it can cross to a test page). */
  readonly stats: InMemoryExcelStats;
}

/**
 * An in-memory Excel holding `initial`, behind the subset of the Excel JavaScript API the Office.js
 * adapter uses: `run` gives each batch a request context whose proxies queue actions until
 * `sync`, as Office.js does; worksheet events reach the handlers registered through it. No Node modules: it bundles for a browser page.
 */
export function createInMemoryExcel(initial: WorkbookData, options: InMemoryExcelOptions = {}): InMemoryExcel {
  const { payloadLimitBytes = 5_000_000, responseLimitBytes = 5_000_000, syncDelayMs = 0 } = options;
  const state = initialState(initial);
  const stats: InMemoryExcelStats = {
    syncs: 0,
    requests: 0,
    batches: 0,
    largestRequestBytes: 0,
    largestResponseBytes: 0,
    requestBytes: [],
  };

  const runAs =
    (trigger: TriggerSource): ExcelRun =>
    async <T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> => {
      stats.batches++;
      const context = new InMemoryRequestContext(
        state,
        { payloadLimitBytes, responseLimitBytes, syncDelayMs, trigger },
        stats,
      );
      const facade = Object.assign(context, { workbook: new WorkbookProxy(context) });
      try {
        const pending = batch(facade as unknown as Excel.RequestContext);
        // A batch written in plain JavaScript may return nothing; Excel.run refuses that.
        if ((pending as Promise<T> | undefined) === undefined || typeof pending.then !== 'function')
          throw runMustReturnPromise();
        const result = await pending;
        // Excel.run sends what the batch queued after its last sync.
        await context.sync();
        return result;
      } finally {
        context.finish();
      }
    };

  return { run: runAs('ThisLocalAddin'), runAsAnalyst: runAs('Unknown'), snapshot: () => snapshotOf(state), stats };
}
