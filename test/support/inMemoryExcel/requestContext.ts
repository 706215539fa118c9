import { invalidObjectPath, requestPayloadTooLarge, responsePayloadTooLarge } from './excelError';
import { deliverEvents, type TriggerSource } from './workbookEvents';
import type { WorkbookState } from './workbookState';

/**
 * A request context like Office.js's: operations on proxy objects are queued as actions and sent
 * to the workbook at `sync()` as one request, whose size is the UTF-8 length of the JSON body
 * Office.js would send (`{ AutoKeepReference, Actions, ObjectPaths }`, each action
 * `{ Id, ActionType, Name, ObjectPathId, ArgumentInfo: { Arguments } }` and each object path
 * `{ Id, ObjectPathType, Name, ParentObjectPathId, ArgumentInfo }`; see
 * ClientRequestBase.buildRequestMessageBodyAndRequestFlags in office.js). A request over the
 * payload limit is refused whole, as Excel on the web does; otherwise actions apply in order and a
 * failing one rejects the sync, those before it staying applied. Loaded values reach the proxies
 * only when the whole request succeeds.
 */

/** Office.js's action types (Action.ActionType) and object path types (ObjectPathInfo.ObjectPathType). */
export const ACTION_TYPE = { Instantiate: 1, Query: 2, Method: 3, SetProperty: 4 } as const;
export const PATH_TYPE = { GlobalObject: 1, Method: 3, Property: 4, Indexer: 5, ReferenceId: 6 } as const;

export class ObjectPath {
  constructor(
    readonly id: number,
    readonly type: number,
    readonly name: string,
    readonly parent: ObjectPath | undefined,
    readonly args: readonly unknown[] | undefined,
  ) {}

  info(): object {
    return {
      Id: this.id,
      ObjectPathType: this.type,
      Name: this.name,
      ...(this.parent ? { ParentObjectPathId: this.parent.id } : {}),
      ...(this.args ? { ArgumentInfo: { Arguments: this.args } } : {}),
    };
  }

  /** `workbook.worksheets.getItem("Data").getRange("A1")`, for messages. */
  describe(): string {
    const own = this.args ? `${this.name}(${this.args.map((arg) => JSON.stringify(arg)).join(', ')})` : this.name;
    return this.parent ? `${this.parent.describe()}.${own}` : own;
  }
}

/** What applying an action gives back: data for the response and how to hand it to the proxy. */
export interface ActionResult {
  readonly data: unknown;
  readonly deliver: () => void;
}

export interface QueuedAction {
  readonly type: number;
  readonly name: string;
  readonly path: ObjectPath;
  /** JSON-ready arguments; proxies already replaced by `{ ObjectPathId }`. */
  readonly args: readonly unknown[];
  readonly referencedPaths: readonly ObjectPath[];
  readonly apply: () => ActionResult | void;
}

export interface InMemoryExcelStats {
  /** `context.sync()` calls, including the one `run` makes at the end of each batch. */
  syncs: number;
  /** Syncs that sent a request (had queued actions). */
  requests: number;
  /** `run` calls. */
  batches: number;
  largestRequestBytes: number;
  largestResponseBytes: number;
  /** Size of every request sent, in order. */
  requestBytes: number[];
}

export interface ContextOptions {
  readonly payloadLimitBytes: number;
  readonly responseLimitBytes: number;
  readonly syncDelayMs: number;
  /** Who sends this context's requests, as the events they raise say. */
  readonly trigger: TriggerSource;
}

export class InMemoryRequestContext {
  private queue: QueuedAction[] = [];
  private nextId = 1;
  private finished = false;

  constructor(
    readonly state: WorkbookState,
    readonly options: ContextOptions,
    readonly stats: InMemoryExcelStats,
  ) {}

  newPath(type: number, name: string, parent?: ObjectPath, args?: readonly unknown[]): ObjectPath {
    return new ObjectPath(this.nextId++, type, name, parent, args);
  }

  enqueue(action: Omit<QueuedAction, 'referencedPaths'> & { referencedPaths?: readonly ObjectPath[] }): void {
    if (this.finished) throw invalidObjectPath(action.path.describe());
    this.queue.push({ ...action, referencedPaths: action.referencedPaths ?? [] });
  }

  async sync(): Promise<void> {
    if (this.finished) throw invalidObjectPath('context');
    const actions = this.queue;
    this.queue = [];
    this.stats.syncs++;
    try {
      if (actions.length > 0) this.execute(actions);
    } finally {
      // Events reach their handlers after the request that raised them, before this sync resolves.
      const { events } = this.state;
      if (events.raised.length > 0) queueMicrotask(() => deliverEvents(events));
    }
    await roundTrip(this.options.syncDelayMs);
  }

  /** Ends the batch: later use of its objects fails as in Office.js. */
  finish(): void {
    this.finished = true;
    this.queue = [];
  }

  private execute(actions: readonly QueuedAction[]): void {
    const paths = new Map<number, object>();
    const addPath = (path: ObjectPath | undefined) => {
      for (let at = path; at && !paths.has(at.id); at = at.parent) paths.set(at.id, at.info());
    };
    let nextActionId = 1;
    const body = {
      AutoKeepReference: false,
      Actions: actions.map((action) => {
        addPath(action.path);
        action.referencedPaths.forEach(addPath);
        return {
          Id: nextActionId++,
          ActionType: action.type,
          Name: action.name,
          ObjectPathId: action.path.id,
          ArgumentInfo: { Arguments: action.args },
        };
      }),
      ObjectPaths: Object.fromEntries(paths),
    };
    const requestBytes = utf8Length(JSON.stringify(body));
    this.stats.requests++;
    this.stats.requestBytes.push(requestBytes);
    this.stats.largestRequestBytes = Math.max(this.stats.largestRequestBytes, requestBytes);
    if (requestBytes > this.options.payloadLimitBytes)
      throw requestPayloadTooLarge(requestBytes, this.options.payloadLimitBytes);

    const results: ActionResult[] = [];
    for (const action of actions) {
      const result = action.apply();
      if (result) results.push(result);
    }
    const responseBytes = utf8Length(JSON.stringify(results.map((result) => result.data)));
    this.stats.largestResponseBytes = Math.max(this.stats.largestResponseBytes, responseBytes);
    if (responseBytes > this.options.responseLimitBytes)
      throw responsePayloadTooLarge(responseBytes, this.options.responseLimitBytes);
    for (const result of results) result.deliver();
  }
}

function roundTrip(delayMs: number): Promise<void> {
  return delayMs > 0 ? new Promise((resolve) => setTimeout(resolve, delayMs)) : Promise.resolve();
}

/** UTF-8 byte length of a string. */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && index + 1 < text.length) {
      bytes += 4;
      index++;
    } else bytes += 3;
  }
  return bytes;
}
