import type { WorkbookData } from '../../core/types';
import type { WorkbookPort } from '../../workbook/port';

export interface Snapshot {
  readonly workbook: WorkbookData;
  /** True when this snapshot was read now, so the worker has not seen it yet. */
  readonly fresh: boolean;
}

/** The workbook as the dialogue last saw it, read through the port only when it may have changed. */
export interface WorkbookSnapshots {
  current(): Promise<Snapshot>;
  /** Forget the cached snapshot: the next `current()` reads the workbook again. */
  invalidate(): void;
  /** Sheets the pane wrote: left out of later reads so results are never read back as input. */
  noteWritten(sheetNames: Iterable<string>): void;
}

/**
 * Reading every used range is the slowest thing the pane asks of Excel, so it is done once and
 * again only when the list of sheets changed (a sheet added, renamed or deleted), after a write,
 * or when the analyst asks. Listing sheet names is cheap, so every turn checks it.
 */
export function createWorkbookSnapshots(port: WorkbookPort): WorkbookSnapshots {
  const written = new Set<string>();
  let cached: { names: string[]; workbook: WorkbookData } | null = null;

  return {
    async current() {
      const names = (await port.sheetNames()).filter((name) => !written.has(name));
      if (cached && sameNames(cached.names, names)) return { workbook: cached.workbook, fresh: false };
      const workbook = await port.read(names);
      cached = { names, workbook };
      return { workbook, fresh: true };
    },
    invalidate() {
      cached = null;
    },
    noteWritten(sheetNames) {
      for (const name of sheetNames) written.add(name);
      cached = null;
    },
  };
}

function sameNames(before: readonly string[], after: readonly string[]): boolean {
  return before.length === after.length && before.every((name, i) => name === after[i]);
}
