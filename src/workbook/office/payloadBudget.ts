/**
 * Keeps each request Excel receives under a byte budget. Excel on the web refuses a request whose
 * body is over 5 MB (error RequestPayloadSizeLimitExceeded; "Resource limits and performance
 * optimization for Office Add-ins", Excel add-ins). Office.js sends everything queued before
 * `context.sync()` as one JSON body of actions (`{ Id, ActionType, Name, ObjectPathId,
 * ArgumentInfo: { Arguments } }`) and the object paths they use, so the budget counts the JSON of
 * each action's arguments plus a fixed allowance for its action and object-path records.
 */

/** Default budget per request: 4,000,000 bytes, leaving a fifth of Excel on the web's 5 MB for overhead. */
export const DEFAULT_PAYLOAD_BUDGET_BYTES = 4_000_000;

/**
 * Allowance per queued action for its own record and the object paths it adds (a `getRange`, a
 * `format`, a `font`): about 110 bytes of action and 100 of object path each in Office.js's
 * request JSON, rounded up.
 */
export const ACTION_OVERHEAD_BYTES = 320;

/**
 * Bytes the queued actions with these arguments add to a request: UTF-8 length of their JSON
 * plus {@link ACTION_OVERHEAD_BYTES} per action.
 * @example actionBytes([[['a', 1]]]) // => 320 + 9 ('[["a",1]]' is 9 bytes)
 */
export function actionBytes(argumentsOfEachAction: readonly unknown[]): number {
  let bytes = 0;
  for (const args of argumentsOfEachAction) bytes += ACTION_OVERHEAD_BYTES + utf8JsonLength(args);
  return bytes;
}

/** UTF-8 byte length of `JSON.stringify(value)` (code points above U+007F take 2 to 4 bytes). */
export function utf8JsonLength(value: unknown): number {
  const json = JSON.stringify(value) ?? '';
  let bytes = 0;
  for (let index = 0; index < json.length; index++) {
    const code = json.charCodeAt(index);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff) {
      bytes += 4; // a surrogate pair is one code point of 4 bytes
      index++;
    } else bytes += 3;
  }
  return bytes;
}

/**
 * Tracks the bytes queued since the last sync and syncs first when the next actions would pass
 * the budget, so no request is larger than `budgetBytes`.
 */
export class PayloadBudget {
  private pendingBytes = 0;

  constructor(
    private readonly sync: () => Promise<void>,
    readonly budgetBytes: number = DEFAULT_PAYLOAD_BUDGET_BYTES,
  ) {
    if (!(budgetBytes > ACTION_OVERHEAD_BYTES))
      throw new RangeError(`A payload budget of ${budgetBytes} bytes is too small: give at least a few kilobytes.`);
  }

  /** Call before queueing actions worth `bytes`: syncs what is queued first if they would not fit. */
  async reserve(bytes: number, what: string): Promise<void> {
    if (bytes > this.budgetBytes) {
      throw new Error(
        `${what} needs about ${bytes.toLocaleString('en-GB')} bytes in one Excel request, more than the ` +
          `${this.budgetBytes.toLocaleString('en-GB')}-byte budget per request; it cannot be split further.`,
      );
    }
    if (this.pendingBytes + bytes > this.budgetBytes) await this.flush();
    this.pendingBytes += bytes;
  }

  /** Sends what is queued (always syncs, so loaded properties can be read after it). */
  async flush(): Promise<void> {
    try {
      await this.sync();
    } finally {
      // A refused request is discarded by Office.js with everything queued in it.
      this.pendingBytes = 0;
    }
  }

  /** The row groups' largest size: what is left of the budget after one action's allowance. */
  get largestGroupBytes(): number {
    return this.budgetBytes - 2 * ACTION_OVERHEAD_BYTES;
  }
}
