/**
 * The worksheet events of the in-memory Excel: WorksheetCollection.onChanged (ExcelApi 1.9),
 * onAdded and onDeleted (1.7). As in Excel, a change raises an event only while a handler for it is
 * registered; events are raised by the request that made the change, whoever sent it (this add-in,
 * or the analyst's own edits), and reach the handlers after that request, before its `sync`
 * resolves, in the order the changes were made. `triggerSource` (1.14) tells this add-in's own
 * changes ('ThisLocalAddin') from the rest ('Unknown').
 */

/** Who sent a request: the add-in under test through `run`, or the analyst through `runAsAnalyst`. */
export type TriggerSource = 'ThisLocalAddin' | 'Unknown';

export interface WorksheetChangedArgs {
  readonly type: 'WorksheetChanged';
  readonly worksheetId: string;
  /** The changed cells, without the sheet ('B2:C3'). */
  readonly address: string;
  readonly changeType: 'RangeEdited';
  readonly source: 'Local';
  readonly triggerSource: TriggerSource;
}

export interface WorksheetAddedArgs {
  readonly type: 'WorksheetAdded';
  readonly worksheetId: string;
  readonly source: 'Local';
}

export interface WorksheetDeletedArgs {
  readonly type: 'WorksheetDeleted';
  readonly worksheetId: string;
  readonly source: 'Local';
}

export type WorksheetEventArgs = WorksheetChangedArgs | WorksheetAddedArgs | WorksheetDeletedArgs;
export type WorksheetEventType = WorksheetEventArgs['type'];
export type EventHandler = (args: WorksheetEventArgs) => unknown;

export interface WorkbookEvents {
  readonly handlers: Map<WorksheetEventType, Set<EventHandler>>;
  /** Raised by the request being applied, not yet delivered. */
  readonly raised: WorksheetEventArgs[];
}

export function noEvents(): WorkbookEvents {
  return { handlers: new Map(), raised: [] };
}

/** Notes an event for delivery after the current request; dropped when nothing listens for its type. */
export function raiseEvent(events: WorkbookEvents, args: WorksheetEventArgs): void {
  if ((events.handlers.get(args.type)?.size ?? 0) > 0) events.raised.push(args);
}

/**
 * Hands every raised event to the handlers registered for its type. A handler that throws or
 * rejects does not stop the others (Office.js only logs it).
 */
export function deliverEvents(events: WorkbookEvents): void {
  for (const args of events.raised.splice(0)) {
    for (const handler of [...(events.handlers.get(args.type) ?? [])]) {
      try {
        void Promise.resolve(handler(args)).catch(() => undefined);
      } catch {
        // As Office.js: a failing handler is the add-in's problem, not the workbook's.
      }
    }
  }
}
