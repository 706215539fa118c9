import type { WorkbookData } from '../../src/core/types';
import { createWorkbookSnapshots } from '../../src/taskpane/host/workbookSnapshots';
import type { WorkbookPort } from '../../src/workbook/port';

/** A port over a list of sheets that counts how often the pane reads them. */
function countingPort(initial: string[]): { port: WorkbookPort; names: string[]; reads: (readonly string[] | undefined)[] } {
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

describe('the workbook snapshot the pane sends to its worker', () => {
  it('is read once, then reused while the sheets stay the same', async () => {
    const { port, reads } = countingPort(['Crimes', 'Schools']);
    const snapshots = createWorkbookSnapshots(port);
    const first = await snapshots.current();
    const second = await snapshots.current();
    expect(first.fresh).toBe(true);
    expect(second).toEqual({ workbook: first.workbook, fresh: false });
    expect(reads).toHaveLength(1);
  });

  it('is read again when a sheet is added, renamed or removed', async () => {
    const { port, names, reads } = countingPort(['Crimes', 'Schools']);
    const snapshots = createWorkbookSnapshots(port);
    await snapshots.current();
    names[0] = 'Crimes 2021';
    const after = await snapshots.current();
    expect(after.fresh).toBe(true);
    expect(after.workbook.sheets.map((sheet) => sheet.name)).toEqual(['Crimes 2021', 'Schools']);
    expect(reads).toHaveLength(2);
  });

  it('leaves out the sheets the pane wrote, and is read again after writing them', async () => {
    const { port, names, reads } = countingPort(['Crimes', 'Schools']);
    const snapshots = createWorkbookSnapshots(port);
    await snapshots.current();
    names.push('Summary', 'Schools (2)');
    snapshots.noteWritten(['Summary', 'Schools (2)']);
    const after = await snapshots.current();
    expect(after.fresh).toBe(true);
    expect(reads[1]).toEqual(['Crimes', 'Schools']);
  });

  it('is read again when the analyst asks, after editing cells', async () => {
    const { port, reads } = countingPort(['Crimes']);
    const snapshots = createWorkbookSnapshots(port);
    await snapshots.current();
    snapshots.invalidate();
    expect((await snapshots.current()).fresh).toBe(true);
    expect(reads).toHaveLength(2);
  });
});
