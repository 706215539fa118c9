import type { WorkbookData } from '../../core/types';
import type { ChangeWatch, SheetChange } from '../../workbook/office';
import type { WorkbookPort } from '../../workbook/port';

export interface Snapshot {
  readonly workbook: WorkbookData;
  /** True when this snapshot was read now, so the worker has not seen it yet. */
  readonly fresh: boolean;
}

/** Starts reporting the workbook's changes (the Office adapter's `watchChanges`); rejects when the host cannot. */
export type WatchChanges = (onChange: (change: SheetChange) => void) => Promise<ChangeWatch>;

/** The workbook as the dialogue last saw it, read through the port only when it may have changed. */
export interface WorkbookSnapshots {
  current(): Promise<Snapshot>;
  /** Forget the cached snapshot: the next `current()` reads the workbook again. */
  invalidate(): void;
  /** Sheets the pane wrote: left out of later reads so results are never read back as input. */
  noteWritten(sheetNames: Iterable<string>): void;
}

/**
 * Reading every used range is the slowest thing the pane asks of Excel, so the snapshot is kept
 * until it may be stale: Excel reported an edit to one of the analyst's sheets (or to a sheet it
 * could not name), the list of sheets changed, or the analyst asked. Edits to the sheets the pane
 * wrote do not count: they are never read. Each turn first lists the sheets (cheap), which also
 * lets every change made before it arrive, then waits for those changes to be named.
 *
 * Where Excel will not report changes (`watch` missing or refused), the workbook is read again on
 * every turn: slower, but never stale.
 */
export function createWorkbookSnapshots(port: WorkbookPort, watch?: WatchChanges): WorkbookSnapshots {
  const written = new Set<string>();
  /** Sheets Excel reported changed since the snapshot was read. */
  const changed = new Set<string>();
  let unnamedChange = false;
  let cached: { names: string[]; workbook: WorkbookData } | null = null;

  const watcher: Promise<ChangeWatch | null> = watch
    ? watch((change) => {
        if (change.sheetName === null) unnamedChange = true;
        else changed.add(change.sheetName);
      }).catch(() => null)
    : Promise.resolve(null);

  function stale(names: readonly string[]): boolean {
    return (
      cached === null || unnamedChange || !sameNames(cached.names, names) || names.some((name) => changed.has(name))
    );
  }

  return {
    async current() {
      const changes = await watcher;
      const names = (await port.sheetNames()).filter((name) => !written.has(name));
      await changes?.settled();
      if (changes && cached && !stale(names)) {
        // Whatever changed was a sheet the pane wrote, or one no longer there.
        changed.clear();
        return { workbook: cached.workbook, fresh: false };
      }
      // Forgotten before reading: a change made during the read makes the next turn read again.
      changed.clear();
      unnamedChange = false;
      const workbook = await port.read(names);
      cached = { names, workbook };
      return { workbook, fresh: true };
    },
    invalidate() {
      cached = null;
    },
    noteWritten(sheetNames) {
      for (const name of sheetNames) written.add(name);
    },
  };
}

function sameNames(before: readonly string[], after: readonly string[]): boolean {
  return before.length === after.length && before.every((name, i) => name === after[i]);
}
