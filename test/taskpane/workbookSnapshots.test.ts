import type { WorkbookData } from '../../src/core/types';
import { createWorkbookSnapshots, type WatchChanges } from '../../src/taskpane/host/workbookSnapshots';
import type { SheetChange } from '../../src/workbook/office';
import type { WorkbookPort } from '../../src/workbook/port';

/** A port over a list of sheets that counts how often the pane reads them. */
function countingPort(initial: string[]): {
  port: WorkbookPort;
  names: string[];
  reads: (readonly string[] | undefined)[];
} {
  const names = [...initial];
  const reads: (readonly string[] | undefined)[] = [];
  const port: WorkbookPort = {
    sheetNames: async () => [...names],
    read: async (wanted) => {
      reads.push(wanted);
      return { sheets: (wanted ?? names).map((name) => ({ name, rows: [[name]] })) } satisfies WorkbookData;
    },
    writeReport: async () => ({ runNumber: 1, sheetNames: new Map() }),
    activate: async () => undefined,
  };
  return { port, names, reads };
}

/** Stands in for Excel's change events: `report` is a change Excel reported, named at once. */
function reportedChanges(): { watch: WatchChanges; report: (change: SheetChange) => void } {
  let listener: (change: SheetChange) => void = () => undefined;
  return {
    watch: async (onChange) => {
      listener = onChange;
      return { settled: async () => undefined };
    },
    report: (change) => listener(change),
  };
}

describe('the workbook snapshot the pane sends to its worker, while Excel reports changes', () => {
  it('is read once, then reused while nothing changes', async () => {
    const { port, reads } = countingPort(['Crimes', 'Schools']);
    const snapshots = createWorkbookSnapshots(port, reportedChanges().watch);
    const first = await snapshots.current();
    const second = await snapshots.current();
    expect(first.fresh).toBe(true);
    expect(second).toEqual({ workbook: first.workbook, fresh: false });
    expect(reads).toHaveLength(1);
  });

  it('is read again, whole, after the analyst edits a cell of one of their sheets', async () => {
    const { port, reads } = countingPort(['Crimes', 'Schools']);
    const { watch, report } = reportedChanges();
    const snapshots = createWorkbookSnapshots(port, watch);
    await snapshots.current();
    report({ kind: 'edited', sheetName: 'Schools' });
    expect((await snapshots.current()).fresh).toBe(true);
    expect((await snapshots.current()).fresh).toBe(false);
    // Formulas on one sheet may read another, so every sheet is read again.
    expect(reads).toEqual([
      ['Crimes', 'Schools'],
      ['Crimes', 'Schools'],
    ]);
  });

  it('is read again when a sheet is added, renamed or removed', async () => {
    const { port, names, reads } = countingPort(['Crimes', 'Schools']);
    const snapshots = createWorkbookSnapshots(port, reportedChanges().watch);
    await snapshots.current();
    names[0] = 'Crimes 2021';
    const after = await snapshots.current();
    expect(after.fresh).toBe(true);
    expect(after.workbook.sheets.map((sheet) => sheet.name)).toEqual(['Crimes 2021', 'Schools']);
    expect(reads).toHaveLength(2);
  });

  it('is kept after the pane writes its sheets and edits them, and leaves them out of later reads', async () => {
    const { port, names, reads } = countingPort(['Crimes', 'Schools']);
    const { watch, report } = reportedChanges();
    const snapshots = createWorkbookSnapshots(port, watch);
    await snapshots.current();
    names.push('Summary', 'Schools (2)');
    report({ kind: 'added', sheetName: 'Summary' });
    report({ kind: 'added', sheetName: 'Schools (2)' });
    report({ kind: 'edited', sheetName: 'Summary' });
    snapshots.noteWritten(['Summary', 'Schools (2)']);
    expect((await snapshots.current()).fresh).toBe(false);
    report({ kind: 'edited', sheetName: 'Crimes' });
    await snapshots.current();
    expect(reads).toEqual([
      ['Crimes', 'Schools'],
      ['Crimes', 'Schools'],
    ]);
  });

  it('is read again after a change Excel could not put a name to', async () => {
    const { port, reads } = countingPort(['Crimes']);
    const { watch, report } = reportedChanges();
    const snapshots = createWorkbookSnapshots(port, watch);
    await snapshots.current();
    report({ kind: 'deleted', sheetName: null });
    expect((await snapshots.current()).fresh).toBe(true);
    expect(reads).toHaveLength(2);
  });

  it('waits for the changes Excel has reported to be named before deciding', async () => {
    const { port, reads } = countingPort(['Crimes']);
    let listener: (change: SheetChange) => void = () => undefined;
    let naming: Promise<void> = Promise.resolve();
    const snapshots = createWorkbookSnapshots(port, async (onChange) => {
      listener = onChange;
      return { settled: () => naming };
    });
    await snapshots.current();
    // Reported, still being named when the next turn starts.
    naming = new Promise((resolve) => setTimeout(() => resolve(listener({ kind: 'edited', sheetName: 'Crimes' })), 5));
    expect((await snapshots.current()).fresh).toBe(true);
    expect(reads).toHaveLength(2);
  });

  it('is read again when the analyst asks', async () => {
    const { port, reads } = countingPort(['Crimes']);
    const snapshots = createWorkbookSnapshots(port, reportedChanges().watch);
    await snapshots.current();
    snapshots.invalidate();
    expect((await snapshots.current()).fresh).toBe(true);
    expect(reads).toHaveLength(2);
  });
});

describe('the workbook snapshot, where Excel will not report changes', () => {
  it.each<[string, WatchChanges | undefined]>([
    ['no way to watch', undefined],
    ['a watch the host refuses', async () => Promise.reject(new Error('ApiNotFound'))],
  ])('is read on every turn, with %s', async (_case, watch) => {
    const { port, reads } = countingPort(['Crimes', 'Schools']);
    const snapshots = createWorkbookSnapshots(port, watch);
    const turns = [await snapshots.current(), await snapshots.current(), await snapshots.current()];
    expect(turns.map((snapshot) => snapshot.fresh)).toEqual([true, true, true]);
    expect(reads).toHaveLength(3);
  });
});
