import { createOfficeWorkbookPort, type SheetChange } from '../../src/workbook/office';
import type { ExcelRun } from '../../src/workbook/office/excelRun';
import { createInMemoryExcel, type InMemoryExcel } from '../support/inMemoryExcel';

/** The Office adapter reports the analyst's changes, each named by its sheet, over the in-memory Excel. */

function workbook(): InMemoryExcel {
  return createInMemoryExcel({
    sheets: [
      {
        name: 'Crimes',
        rows: [
          ['Ref', 'Age'],
          ['C1', 15],
        ],
      },
      { name: 'Schools', rows: [['URN'], [100001]] },
    ],
  });
}

/** Starts watching through the port and collects what it reports. */
async function watching(excel: InMemoryExcel) {
  const changes: SheetChange[] = [];
  const watch = await createOfficeWorkbookPort(excel.run).watchChanges((change) => changes.push(change));
  return { changes, settled: () => watch.settled() };
}

function setCell(run: ExcelRun, sheet: string, address: string, value: string | number): Promise<void> {
  return run(async (context) => {
    context.workbook.worksheets.getItem(sheet).getRange(address).values = [[value]];
  });
}

describe('watchChanges', () => {
  test("reports an analyst's edit with the name of the sheet edited, once settled", async () => {
    const excel = workbook();
    const { changes, settled } = await watching(excel);
    await setCell(excel.runAsAnalyst, 'Crimes', 'B2', 16);
    await settled();
    expect(changes).toEqual([{ kind: 'edited', sheetName: 'Crimes' }]);
  });

  test('names the edits of one request with a single listing of the sheets', async () => {
    const excel = workbook();
    const { changes, settled } = await watching(excel);
    const batchesBefore = excel.stats.batches;
    await excel.runAsAnalyst(async (context) => {
      for (const address of ['A3', 'A4', 'A5'])
        context.workbook.worksheets.getItem('Crimes').getRange(address).values = [['C9']];
      context.workbook.worksheets.getItem('Schools').getRange('A3').values = [[100002]];
    });
    await settled();
    expect(changes.map((change) => change.sheetName)).toEqual(['Crimes', 'Crimes', 'Crimes', 'Schools']);
    expect(excel.stats.batches - batchesBefore).toBe(2); // the analyst's, and one listing
  });

  test("leaves out the add-in's own edits, but reports the sheets it adds, named, so they can be told apart", async () => {
    const excel = workbook();
    const { changes, settled } = await watching(excel);
    await excel.run(async (context) => {
      const summary = context.workbook.worksheets.add('Summary');
      summary.getRange('A1').values = [['Run 1']];
    });
    await settled();
    expect(changes).toEqual([{ kind: 'added', sheetName: 'Summary' }]);
  });

  test('names each of several sheets added one request after another, while earlier ones are still being named', async () => {
    const excel = createInMemoryExcel({ sheets: [{ name: 'Crimes', rows: [['Ref']] }] }, { syncDelayMs: 3 });
    const { changes, settled } = await watching(excel);
    await excel.run(async (context) => {
      for (const name of ['Summary', 'Schools', 'Wards']) {
        context.workbook.worksheets.add(name);
        await context.sync();
      }
    });
    await settled();
    expect(changes).toEqual(['Summary', 'Schools', 'Wards'].map((sheetName) => ({ kind: 'added', sheetName })));
  });

  test('names a deleted sheet by the name it had', async () => {
    const excel = workbook();
    const { changes, settled } = await watching(excel);
    await excel.runAsAnalyst(async (context) => {
      context.workbook.worksheets.getItem('Schools').delete();
    });
    await settled();
    expect(changes).toEqual([{ kind: 'deleted', sheetName: 'Schools' }]);
  });

  test('reports a sheet added and deleted before it could be named as unnamed, never dropping the change', async () => {
    const excel = workbook();
    const { changes, settled } = await watching(excel);
    await excel.runAsAnalyst(async (context) => {
      context.workbook.worksheets.add('Scratch').delete();
    });
    await settled();
    expect(changes).toEqual([
      { kind: 'added', sheetName: null },
      { kind: 'deleted', sheetName: null },
    ]);
  });

  test('rejects when the host will not register the events, so the pane can fall back', async () => {
    const refusing: ExcelRun = async () => {
      throw Object.assign(new Error('The API you are trying to use could not be found.'), { code: 'ApiNotFound' });
    };
    await expect(createOfficeWorkbookPort(refusing).watchChanges(() => undefined)).rejects.toThrow(
      'could not be found',
    );
  });
});
