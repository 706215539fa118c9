/**
 * One turn of the dialogue that led to a run, as the Audit sheet records it. Structural, so the
 * report does not depend on the conversation module (its TurnRecord has this shape).
 */
export interface DialogueTurn {
  /** 1-based. */
  readonly turn: number;
  /** ISO 8601 time of the turn. */
  readonly at: string;
  readonly utterance: string;
  /** The command the turn was understood as (plain JSON), or null when it was not understood. */
  readonly command: object | null;
  readonly reply: string;
}

/** Facts about a run that the engine does not know: how it was started, when, by which version. */
export interface RunContext {
  readonly tool: string;
  readonly version: string;
  /** The command line or dialogue command that started the run, replayable as written. */
  readonly command: string;
  readonly startedAt: string;
  readonly finishedAt?: string;
  /** Every turn of the dialogue up to and including the one that started the run (dialogue runs only). */
  readonly dialogue?: readonly DialogueTurn[];
  /**
   * The disclosure ledger in the workbook: 'full' with its secret (the add-in, whose workbook holds
   * the offences anyway), or 'public' without it (default: an output to share; the secret stays
   * in the ledger file beside it).
   */
  readonly ledgerCopy?: 'full' | 'public';
}
