import type { WorkbookData } from '../core/types';
import type { SheetModel } from '../report/sheetModel';

/** What writing one run's sheets produced: the run number shared by its sheets and each final name. */
export interface WrittenReport {
  readonly runNumber: number;
  /** Base sheet name ('Schools') -> the name written ('Schools (2)'). */
  readonly sheetNames: ReadonlyMap<string, string>;
}

/**
 * The Workbook port: everything the product needs from a workbook, whichever host holds it.
 * Implemented over Office.js (workbook/office, inside Excel) and over .xlsx files (workbook/xlsx,
 * the command line and tests). Adapters never change, rename or reformat a sheet they did not
 * create in the same call to `writeReport`.
 */
export interface WorkbookPort {
  /** Names of every sheet, in tab order. */
  sheetNames(): Promise<string[]>;
  /** The values of each sheet's used range; every sheet when `names` is omitted. */
  read(names?: readonly string[]): Promise<WorkbookData>;
  /**
   * Writes one run's sheet models as new sheets, named with the run number so nothing existing is
   * overwritten. `progress` is told how many sheets are done.
   */
  writeReport(models: readonly SheetModel[], progress?: (done: number, total: number) => void): Promise<WrittenReport>;
  /** Brings a sheet to the front (Excel) or marks it as the active sheet (file). */
  activate(sheetName: string): Promise<void>;
}
