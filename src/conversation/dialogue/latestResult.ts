/** Answers about results use the latest run; these say when there is none, or when it is out of date. */
import type { Command } from '../commands';
import type { LatestRun, DialogueState, Outcome } from './state';
import { sameSettings } from './state';

/** The reply when a question about results comes before any run. */
export function noResultsYet(command: Command): Outcome {
  return {
    text: 'There are no results yet: run the analysis first.',
    command,
    choices: [
      { label: 'Run the analysis', utterance: 'run the analysis' },
      { label: "What's in this workbook?", utterance: "what's in this workbook?" },
    ],
  };
}

/** A note for answers from a run whose choices have since changed; '' when the run is current. */
export function stalenessNote(state: DialogueState, latest: LatestRun): string {
  return sameSettings(latest.settings, state.settings)
    ? ''
    : `\n(From run ${latest.runNumber}; the choices have changed since. Say 'run' to update.)`;
}

/** Where the latest run's sheets went, once the host has said. */
export function sheetNote(latest: LatestRun, baseName: string): string {
  const name = latest.sheetNames?.get(baseName);
  return name ? ` See sheet '${name}'.` : '';
}
