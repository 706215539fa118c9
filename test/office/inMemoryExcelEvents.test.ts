import { createInMemoryExcel, type InMemoryExcel, type WorksheetEventArgs } from '../support/inMemoryExcel';

/**
 * The in-memory Excel's worksheet events behave as Excel's: handlers registered at sync, events
 * for cell edits and for sheets added or deleted, whoever made them, told apart by triggerSource.
 */

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
      { name: 'Notes', rows: [['x']] },
    ],
  });
}

/** Registers one handler for each worksheet collection event and collects what it is given. */
async function listen(excel: InMemoryExcel): Promise<WorksheetEventArgs[]> {
  const heard: WorksheetEventArgs[] = [];
  await excel.run(async (context) => {
    const worksheets = context.workbook.worksheets;
    worksheets.onChanged.add(async (event) => void heard.push(event as unknown as WorksheetEventArgs));
    worksheets.onAdded.add(async (event) => void heard.push(event as unknown as WorksheetEventArgs));
    worksheets.onDeleted.add(async (event) => void heard.push(event as unknown as WorksheetEventArgs));
    await context.sync();
  });
  return heard;
}

async function sheetId(excel: InMemoryExcel, name: string): Promise<string> {
  return excel.run(async (context) => {
    const sheet = context.workbook.worksheets.getItem(name).load('id');
    await context.sync();
    return sheet.id;
  });
}

describe('worksheet events', () => {
  test("an analyst's edit reaches the handlers before the edit's sync resolves, with its sheet, cells and an 'Unknown' trigger", async () => {
    const excel = workbook();
    const heard = await listen(excel);
    const crimes = await sheetId(excel, 'Crimes');
    await excel.runAsAnalyst(async (context) => {
      context.workbook.worksheets.getItem('Crimes').getRange('B2:B3').values = [[16], [17]];
      await context.sync();
      expect(heard).toEqual([
        {
          type: 'WorksheetChanged',
          worksheetId: crimes,
          address: 'B2:B3',
          changeType: 'RangeEdited',
          source: 'Local',
          triggerSource: 'Unknown',
        },
      ]);
    });
  });

  test("the add-in's own edits say 'ThisLocalAddin', and formulas count as edits", async () => {
    const excel = workbook();
    const heard = await listen(excel);
    await excel.run(async (context) => {
      context.workbook.worksheets.getItem('Notes').getRange('A2').formulas = [['=1+1']];
    });
    expect(heard.map((event) => event.type === 'WorksheetChanged' && [event.address, event.triggerSource])).toEqual([
      ['A2', 'ThisLocalAddin'],
    ]);
  });

  test('formats raise no WorksheetChanged', async () => {
    const excel = workbook();
    const heard = await listen(excel);
    await excel.runAsAnalyst(async (context) => {
      const range = context.workbook.worksheets.getItem('Crimes').getRange('A1:B1');
      range.format.font.bold = true;
      range.numberFormat = [['@', '0']];
    });
    expect(heard).toEqual([]);
  });

  test('adding and deleting a sheet raise WorksheetAdded and WorksheetDeleted with its id', async () => {
    const excel = workbook();
    const heard = await listen(excel);
    await excel.run(async (context) => {
      context.workbook.worksheets.add('Summary');
    });
    const summary = await sheetId(excel, 'Summary');
    await excel.runAsAnalyst(async (context) => {
      context.workbook.worksheets.getItem('Summary').delete();
    });
    expect(heard).toEqual([
      { type: 'WorksheetAdded', worksheetId: summary, source: 'Local' },
      { type: 'WorksheetDeleted', worksheetId: summary, source: 'Local' },
    ]);
  });

  test('nothing is heard of edits made before the handler was added, nor after it is removed', async () => {
    const excel = workbook();
    const heard: WorksheetEventArgs[] = [];
    await excel.run(async (context) => {
      context.workbook.worksheets.getItem('Notes').getRange('A1').values = [['before']];
      const registration = context.workbook.worksheets.onChanged.add(
        async (event) => void heard.push(event as unknown as WorksheetEventArgs),
      );
      await context.sync();
      expect(heard).toEqual([]);
      context.workbook.worksheets.getItem('Notes').getRange('A1').values = [['registered']];
      await context.sync();
      expect(heard).toHaveLength(1);
      registration.remove();
      await context.sync();
    });
    await excel.runAsAnalyst(async (context) => {
      context.workbook.worksheets.getItem('Notes').getRange('A1').values = [['after']];
    });
    expect(heard).toHaveLength(1);
  });

  test('a handler that throws, or rejects, does not stop the next one', async () => {
    const excel = workbook();
    let heard = 0;
    const throwing = (() => {
      throw new Error('broken handler');
    }) as unknown as () => Promise<void>;
    await excel.run(async (context) => {
      context.workbook.worksheets.onChanged.add(throwing);
      context.workbook.worksheets.onChanged.add(async () => Promise.reject(new Error('rejecting handler')));
      context.workbook.worksheets.onChanged.add(async () => void heard++);
    });
    await excel.runAsAnalyst(async (context) => {
      context.workbook.worksheets.getItem('Notes').getRange('A1').values = [['y']];
    });
    expect(heard).toBe(1);
  });
});
