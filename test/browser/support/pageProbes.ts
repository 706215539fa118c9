/**
 * Instruments the page before its own scripts run: a heartbeat timer on the main thread, a log of
 * every message to and from the page's workers, and every Content-Security-Policy violation.
 * `installProbes` is passed to page.addInitScript, so it is serialised: it must use nothing from
 * its module scope.
 */

export interface WorkerLogEntry {
  readonly at: number;
  readonly direction: 'toWorker' | 'fromWorker';
  readonly kind: string;
  readonly id: number | null;
  /** For a turn sent to the worker: whether it carried a newly read workbook ('sent') or none ('unchanged'). */
  readonly workbook: 'sent' | 'unchanged' | null;
  /**
   * The kinds of the commands a message carries: a 'command' request's one; for a 'reply', those
   * the turn was understood as (the reply's `commands` where the dialogue gives them, else its `command`).
   */
  readonly commands: string[];
}

export interface Probes {
  readonly beats: number[];
  readonly worker: WorkerLogEntry[];
  readonly violations: string[];
}

export const HEARTBEAT_MS = 16;

export function installProbes(heartbeatMs: number): void {
  const probes: Probes = { beats: [], worker: [], violations: [] };
  (window as unknown as { probes: Probes }).probes = probes;
  setInterval(() => probes.beats.push(performance.now()), heartbeatMs);
  type Described = { kind: string; id: number | null; workbook: 'sent' | 'unchanged' | null; commands: string[] };
  const kinds = (commands: unknown): string[] =>
    Array.isArray(commands) ? commands.map((command) => String((command as { kind?: unknown })?.kind)) : [];
  const describe = (data: unknown): Described => {
    const message = (data ?? {}) as {
      kind?: unknown;
      id?: unknown;
      workbook?: unknown;
      command?: unknown;
      reply?: { command?: unknown; commands?: unknown };
    };
    const workbook = message.workbook === undefined ? null : message.workbook === 'unchanged' ? 'unchanged' : 'sent';
    const reply = message.reply;
    const commands = message.command
      ? kinds([message.command])
      : reply
        ? Array.isArray(reply.commands)
          ? kinds(reply.commands)
          : kinds(reply.command ? [reply.command] : [])
        : [];
    return { kind: String(message.kind), id: typeof message.id === 'number' ? message.id : null, workbook, commands };
  };
  const NativeWorker = window.Worker;
  class ProbedWorker extends NativeWorker {
    constructor(url: string | URL, options?: WorkerOptions) {
      super(url, options);
      this.addEventListener('message', (event) =>
        probes.worker.push({ at: performance.now(), direction: 'fromWorker', ...describe(event.data) }),
      );
    }
    postMessage(message: unknown, transfer?: Transferable[] | StructuredSerializeOptions): void {
      probes.worker.push({ at: performance.now(), direction: 'toWorker', ...describe(message) });
      super.postMessage(message, transfer as Transferable[]);
    }
  }
  window.Worker = ProbedWorker;
  document.addEventListener('securitypolicyviolation', (event) =>
    probes.violations.push(`${event.violatedDirective} blocked ${event.blockedURI}`),
  );
}

/**
 * The longest the main thread went without a heartbeat during `[from, to]`: the largest distance
 * between consecutive beats, counting only the part of each interval inside the window (work the
 * page does after `to`, such as writing sheets, belongs to another window).
 * @example longestGap([0, 16, 32, 400, 416], 20, 100) // => 68 (from 32 to the window's end at 100)
 */
export function longestGap(beats: readonly number[], from: number, to: number): number {
  let longest = 0;
  for (let i = 1; i < beats.length; i++) {
    const start = Math.max(beats[i - 1], from);
    const end = Math.min(beats[i], to);
    if (end > start) longest = Math.max(longest, end - start);
  }
  return longest;
}
