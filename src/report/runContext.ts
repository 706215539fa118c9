/** Facts about a run that the engine does not know: how it was started, when, by which version. */
export interface RunContext {
  readonly tool: string;
  readonly version: string;
  /** The command line or dialogue command that started the run, replayable as written. */
  readonly command: string;
  readonly startedAt: string;
  readonly finishedAt?: string;
}
