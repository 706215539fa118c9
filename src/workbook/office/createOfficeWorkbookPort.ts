import type { SheetData, WorkbookData } from '../../core/types';
import type { SheetModel } from '../../report/sheetModel';
import type { WorkbookPort, WrittenReport } from '../port';
import { planSheetNames } from '../sheetNames';
import type { ExcelRun } from './excelRun';
import { DEFAULT_PAYLOAD_BUDGET_BYTES, PayloadBudget } from './payloadBudget';
import { placeImage } from './placeImage';
import { planTableNames } from './planTableNames';
import { DEFAULT_READ_CHUNK_CELLS, readSheet } from './readSheet';
import { queueChart } from './queueChart';
import { watchChanges, type ChangeWatch, type SheetChange } from './watchChanges';
import { writeSheetCells } from './writeSheetCells';
import { errorText } from '../../core/errorText';

export interface OfficeWorkbookPortOptions {
  /** Largest request the adapter sends, in bytes. Default 4,000,000 (Excel on the web refuses over 5 MB). */
  readonly payloadBudgetBytes?: number;
  /** Cells read per request. Default 100,000. */
  readonly readChunkCells?: number;
  /** Table style when a table model names none. Default 'TableStyleMedium2', as the .xlsx adapter. */
  readonly defaultTableStyle?: string;
}

/** The Workbook port inside Excel, which can also say when the analyst changes the workbook. */
export interface OfficeWorkbookPort extends WorkbookPort {
  /** Reports each edit, added or deleted sheet from now on (see {@link watchChanges}); rejects when the host cannot. */
  watchChanges(onChange: (change: SheetChange) => void): Promise<ChangeWatch>;
}

/**
 * The Workbook port over Office.js. `run` is `Excel.run` inside Excel, or the in-memory Excel of
 * the tests and browser harness; nothing here touches the global `Excel`.
 *
 * Writing a report: the sheet names are planned with {@link planSheetNames} against the
 * workbook's sheets (` (2)` on a second run), the table names with {@link planTableNames} against
 * its tables; every sheet is added first (so formulas between the run's sheets always find their
 * sheet), then each is filled in its own `Excel.run`, syncing whenever the next actions would pass
 * the payload budget, and `progress` is told after each. Sheets that existed before the call are
 * never written to, renamed, reformatted or activated. If writing fails, the sheets this call
 * added are deleted again and the error says which sheet failed.
 */
export function createOfficeWorkbookPort(run: ExcelRun, options: OfficeWorkbookPortOptions = {}): OfficeWorkbookPort {
  const {
    payloadBudgetBytes = DEFAULT_PAYLOAD_BUDGET_BYTES,
    readChunkCells = DEFAULT_READ_CHUNK_CELLS,
    defaultTableStyle = 'TableStyleMedium2',
  } = options;

  const loadSheetNames = async (context: Excel.RequestContext): Promise<string[]> => {
    const worksheets = context.workbook.worksheets;
    worksheets.load('items/name');
    await context.sync();
    return worksheets.items.map((worksheet) => worksheet.name);
  };

  async function removeSheets(names: readonly string[]): Promise<void> {
    await run(async (context) => {
      const found = names.map((name) => context.workbook.worksheets.getItemOrNullObject(name));
      await context.sync();
      for (const worksheet of found) if (!worksheet.isNullObject) worksheet.delete();
      await context.sync();
    });
  }

  return {
    sheetNames: () => run(loadSheetNames),

    read: (names?: readonly string[]) =>
      run(async (context): Promise<WorkbookData> => {
        const available = await loadSheetNames(context);
        const wanted = names ?? available;
        const sheets: SheetData[] = [];
        for (const name of wanted) {
          const actual = available.find((candidate) => candidate.toUpperCase() === name.toUpperCase());
          if (actual === undefined) {
            throw new Error(
              `The workbook has no sheet named '${name}' (its sheets: ${available.map((sheet) => `'${sheet}'`).join(', ')}).`,
            );
          }
          sheets.push(await readSheet(context, actual, readChunkCells));
        }
        return { sheets };
      }),

    async writeReport(
      models: readonly SheetModel[],
      progress?: (done: number, total: number) => void,
    ): Promise<WrittenReport> {
      const { sheetNames, tableNames } = await run(async (context) => {
        const tables = context.workbook.tables;
        tables.load('items/name');
        const existing = await loadSheetNames(context);
        return { sheetNames: existing, tableNames: tables.items.map((table) => table.name) };
      });
      const plan = planSheetNames(
        sheetNames,
        models.map((model) => model.name),
      );
      const finalTableNames = planTableNames(models, plan.runNumber, tableNames);
      const finalName = (model: SheetModel) => plan.names.get(model.name) as string;

      const added: string[] = [];
      let stage = `Adding the sheets ${models.map((model) => `'${finalName(model)}'`).join(', ')}`;
      try {
        // One sync per sheet, so a failure leaves no doubt which sheets are this call's to remove.
        await run(async (context) => {
          for (const model of models) {
            context.workbook.worksheets.add(finalName(model));
            await context.sync();
            added.push(finalName(model));
          }
        });
        for (const [index, model] of models.entries()) {
          stage = `Writing sheet '${finalName(model)}'`;
          await run(async (context) => {
            const budget = new PayloadBudget(() => context.sync(), payloadBudgetBytes);
            const worksheet = context.workbook.worksheets.getItem(finalName(model));
            await writeSheetCells(worksheet, model, {
              sheetNames: plan.names,
              tableNames: finalTableNames,
              defaultTableStyle,
              budget,
            });
            for (const chart of model.charts) await queueChart(context, worksheet, chart, plan.names, budget);
            for (const image of model.images) await placeImage(worksheet, image, budget);
            if (model.veryHidden) worksheet.visibility = 'VeryHidden';
            await budget.flush();
          });
          progress?.(index + 1, models.length);
        }
      } catch (error) {
        const message = errorText(error);
        let cleanup = ' The sheets this run had added were removed again.';
        await removeSheets(added).catch((cleanupError: unknown) => {
          cleanup = ` Removing the sheets this run had added also failed (${errorText(cleanupError)}).`;
        });
        throw Object.assign(new Error(`${stage} failed: ${message}${/[.!?]$/.test(message) ? '' : '.'}${cleanup}`), {
          cause: error,
        });
      }
      return { runNumber: plan.runNumber, sheetNames: plan.names };
    },

    activate: (sheetName: string) =>
      run(async (context) => {
        const worksheet = context.workbook.worksheets.getItemOrNullObject(sheetName);
        await context.sync();
        if (worksheet.isNullObject) throw new Error(`The workbook has no sheet named '${sheetName}' to show.`);
        worksheet.activate();
        await context.sync();
      }),

    watchChanges: (onChange) => watchChanges(run, onChange),
  };
}
