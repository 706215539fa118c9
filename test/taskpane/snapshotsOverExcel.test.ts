/**
 * The pane's workbook snapshots over the Office adapter and the in-memory Excel, as inside Excel:
 * the analyst's edits between turns are read on the next turn; the pane's own result sheets are
 * neither read back nor a reason to read again.
 */
import type { SheetModel } from '../../src/report/sheetModel';
import { createWorkbookSnapshots } from '../../src/taskpane/host/workbookSnapshots';
import { createOfficeWorkbookPort } from '../../src/workbook/office';
import { createInMemoryExcel } from '../support/inMemoryExcel';

const summary: SheetModel = {
  name: 'Summary',
  cells: [{ row: 0, col: 0, cell: { kind: 'text', value: 'Run 1' } }],
  tables: [],
  charts: [],
  images: [],
};

function analystWorkbook() {
  const excel = createInMemoryExcel({
    sheets: [
      {
        name: 'Crimes',
        rows: [
          ['Ref', 'Age'],
          ['C1', 15],
          ['C2', 16],
        ],
      },
      { name: 'Schools', rows: [['URN'], [100001]] },
    ],
  });
  const port = createOfficeWorkbookPort(excel.run);
  return { excel, port, snapshots: createWorkbookSnapshots(port, port.watchChanges) };
}

describe('snapshots of a workbook open in Excel', () => {
  it('see a row the analyst added to their offences sheet on the very next turn', async () => {
    const { excel, snapshots } = analystWorkbook();
    const before = await snapshots.current();
    await excel.runAsAnalyst(async (context) => {
      context.workbook.worksheets.getItem('Crimes').getRange('A4:B4').values = [['C3', 14]];
    });
    const after = await snapshots.current();
    expect(after.fresh).toBe(true);
    expect(before.workbook.sheets[0].rows).toHaveLength(3);
    expect(after.workbook.sheets[0].rows).toEqual([
      ['Ref', 'Age'],
      ['C1', 15],
      ['C2', 16],
      ['C3', 14],
    ]);
  });

  it('keep the snapshot when the pane writes a report, and do not read the report back', async () => {
    const { excel, port, snapshots } = analystWorkbook();
    const first = await snapshots.current();
    const written = await port.writeReport([summary]);
    snapshots.noteWritten(written.sheetNames.values());
    const next = await snapshots.current();
    expect(excel.snapshot().sheets.map((sheet) => sheet.name)).toEqual(['Crimes', 'Schools', 'Summary']);
    expect(next).toEqual({ workbook: first.workbook, fresh: false });
  });

  it('read again when the analyst edits a result sheet and then one of their own', async () => {
    const { excel, port, snapshots } = analystWorkbook();
    await snapshots.current();
    snapshots.noteWritten((await port.writeReport([summary])).sheetNames.values());
    await excel.runAsAnalyst(async (context) => {
      context.workbook.worksheets.getItem('Summary').getRange('B1').values = [['a note']];
    });
    expect((await snapshots.current()).fresh).toBe(false);
    await excel.runAsAnalyst(async (context) => {
      context.workbook.worksheets.getItem('Schools').getRange('A2').values = [[100009]];
    });
    const edited = await snapshots.current();
    expect(edited.fresh).toBe(true);
    expect(edited.workbook.sheets.map((sheet) => sheet.name)).toEqual(['Crimes', 'Schools']);
    expect(edited.workbook.sheets[1].rows).toEqual([['URN'], [100009]]);
  });
});
