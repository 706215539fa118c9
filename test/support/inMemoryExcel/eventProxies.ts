import { ACTION_TYPE, type InMemoryRequestContext, type ObjectPath } from './requestContext';
import type { EventHandler, WorksheetEventArgs, WorksheetEventType } from './workbookEvents';

/** What `add` gives back, as Office.js's EventHandlerResult: the context it was added in, and `remove`. */
export interface EventHandlerResultProxy {
  readonly context: InMemoryRequestContext;
  remove(): void;
}

/**
 * An event of a proxy object, as Office.js's EventHandlers: `add` and `remove` are queued like any
 * other action and take effect at `sync`; a handler stays registered after its batch ends, and can
 * be removed only in the batch that added it (Office.js needs the same request context).
 */
export class EventHandlersProxy<Args extends WorksheetEventArgs> {
  constructor(
    private readonly context: InMemoryRequestContext,
    private readonly path: ObjectPath,
    private readonly type: WorksheetEventType,
  ) {}

  add(handler: (args: Args) => Promise<unknown>): EventHandlerResultProxy {
    const registered = handler as EventHandler;
    this.queue(`_RegisterEvent${this.type}`, () => {
      const { handlers } = this.context.state.events;
      if (!handlers.has(this.type)) handlers.set(this.type, new Set());
      handlers.get(this.type)!.add(registered);
    });
    return { context: this.context, remove: () => this.remove(handler) };
  }

  remove(handler: (args: Args) => Promise<unknown>): void {
    this.queue(
      `_UnregisterEvent${this.type}`,
      () => void this.context.state.events.handlers.get(this.type)?.delete(handler as EventHandler),
    );
  }

  private queue(name: string, apply: () => void): void {
    this.context.enqueue({ type: ACTION_TYPE.Method, name, path: this.path, args: [], apply });
  }
}
