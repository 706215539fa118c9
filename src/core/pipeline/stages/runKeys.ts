/** The key (and title) of the run being protected in a joint model of runs (see joinRuns). */
export const THIS_RUN = 'this run';

/** The key (and title) of an earlier run of the ledger in a joint model, e.g. "run 2". */
export const earlierRunKey = (number: number): string => `run ${number}`;
