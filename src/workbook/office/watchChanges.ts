import type { ExcelRun } from './excelRun';

/** A change Excel reported to a sheet of the workbook. */
export interface SheetChange {
  readonly kind: 'edited' | 'added' | 'deleted';
  /** The sheet's name (a deleted sheet's last known name); null when it could not be told. */
  readonly sheetName: string | null;
}

/** Changes being watched. */
export interface ChangeWatch {
  /**
   * Resolves once every change Excel has reported so far has been passed on, named. Excel reports
   * a change before it answers any later request, so awaiting this after a request covers every
   * edit made before that request.
   */
  settled(): Promise<void>;
}

type PendingChange = { readonly kind: SheetChange['kind']; readonly worksheetId: string };

/**
 * Passes on every edit, added sheet and deleted sheet Excel reports, each named, so a cached read of
 * the workbook can be known stale. Registers WorksheetCollection.onChanged (ExcelApi 1.9), onAdded
 * and onDeleted (1.7); rejects when the host will not register them, so the caller can fall back.
 *
 * Excel reports a change with the sheet's id, so the ids are named by listing the sheets (one
 * request for the changes reported together); a deleted sheet keeps the name it last had.
 * Edits that Excel says this add-in made itself (`triggerSource` 'ThisLocalAddin', ExcelApi 1.14)
 * are not passed on: the add-in writes only sheets it added. Hosts without `triggerSource` report
 * them too, named, so the caller can tell them by name.
 */
export async function watchChanges(run: ExcelRun, onChange: (change: SheetChange) => void): Promise<ChangeWatch> {
  const lastNames = new Map<string, string>();
  let pending: PendingChange[] = [];
  let naming: Promise<void> | null = null;

  async function nameSheets(context: Excel.RequestContext): Promise<void> {
    const worksheets = context.workbook.worksheets;
    worksheets.load('items/id,items/name');
    await context.sync();
    for (const worksheet of worksheets.items) lastNames.set(worksheet.id, worksheet.name);
  }

  /**
   * Names and passes on the pending changes, then those reported meanwhile. Each listing is sent
   * after the changes it names were reported, so it holds every sheet they touched that still
   * exists. A failed listing still passes the changes on: a change is never lost, at worst unnamed.
   */
  async function passOn(): Promise<void> {
    try {
      while (pending.length > 0) {
        const changes = pending;
        pending = [];
        await run(nameSheets).catch(() => undefined);
        for (const change of changes)
          onChange({ kind: change.kind, sheetName: lastNames.get(change.worksheetId) ?? null });
      }
    } finally {
      naming = null;
    }
  }

  function note(change: PendingChange): void {
    pending.push(change);
    // Started a microtask later, so changes reported together share one listing.
    naming ??= Promise.resolve().then(passOn);
  }

  await run(async (context) => {
    const worksheets = context.workbook.worksheets;
    worksheets.onChanged.add(async (event) => {
      if (event.triggerSource !== 'ThisLocalAddin') note({ kind: 'edited', worksheetId: event.worksheetId });
    });
    worksheets.onAdded.add(async (event) => note({ kind: 'added', worksheetId: event.worksheetId }));
    worksheets.onDeleted.add(async (event) => note({ kind: 'deleted', worksheetId: event.worksheetId }));
    await nameSheets(context);
  });

  return {
    async settled() {
      while (naming) await naming;
    },
  };
}
