import type { SheetModel } from '../report/sheetModel';
import { planSheetNames, type SheetNamePlan } from '../workbook/sheetNames';
import type { DialogueSession } from './types';

/**
 * For hosts that keep a run's sheets themselves (replay, dialogue scripts): names the run's sheets
 * after those already written (`Schools (2)` on a second run), as a workbook adapter would, and
 * tells the session the names so its later answers can point to them.
 */
export function nameRunSheets(
  session: Pick<DialogueSession, 'noteWritten'>,
  models: readonly SheetModel[],
  written: readonly string[],
): SheetNamePlan {
  const plan = planSheetNames(
    written,
    models.map((model) => model.name),
  );
  session.noteWritten(plan.names);
  return plan;
}
