/** One command against the dialogue state: dispatched to its handler; undo, reset and status answered here. */
import type { Command } from '../commands';
import { isStateChanging } from '../commands';
import type { TurnRecord } from '../types';
import { changeSetting } from './changeSetting';
import { chooseOffenceTypes } from './chooseOffenceTypes';
import { chooseSheet } from './chooseSheet';
import { describeWorkbook } from './describeWorkbook';
import { explainEither } from './explainEither';
import { explainSchool } from './explainSchool';
import { explainWard } from './explainWard';
import { compareSchools } from './compareSchools';
import { courtesy, help } from './help';
import { listOffenceTypes } from './listOffenceTypes';
import { listWards } from './listWards';
import { mapColumn } from './mapColumn';
import { newCandidates } from './newCandidates';
import { parameterSummary } from './parameterSummary';
import { runTurn } from './runTurn';
import { showTop } from './showTop';
import type { DialogueState, Outcome, TurnEnvironment } from './state';
import { sameSettings } from './state';

/** How an undone command is named in the reply. */
function describeCommand(command: Command): string {
  switch (command.kind) {
    case 'useSheet':
      return `the sheet for ${command.role}`;
    case 'mapColumn':
      return `the column for ${command.role ? `${command.role}.` : ''}${command.field}`;
    case 'setAgeBand':
      return 'the age band';
    case 'setOffenceTypes':
      return 'the offence types';
    case 'setDates':
      return 'the dates';
    case 'setPhases':
      return 'the phases';
    case 'setThreshold':
      return 'the suppression threshold';
    case 'setZeros':
      return 'showing zeros';
    case 'setRounding':
      return 'rounding';
    case 'setDisclosure':
      return 'how counts are protected (suppression or perturbation)';
    case 'setTopN':
      return 'the size of the top group';
    case 'setCatchment':
      return 'the catchment model';
    case 'setMetric':
      return 'the ranking measure';
    case 'setConfidence':
      return 'the confidence level';
    case 'setSeed':
      return 'the seed';
    case 'setProtection':
      return 'the protection interval';
    case 'setFlags':
      return 'how wards are flagged';
    case 'setShowAttending':
      return 'publishing attending counts';
    case 'setSmoothing':
      return 'smoothing';
    case 'reset':
      return 'the reset';
    default:
      return command.kind;
  }
}

function undo(state: DialogueState): Outcome {
  const last = state.undo[state.undo.length - 1];
  if (!last)
    return {
      text: 'Nothing to undo: no choice has been changed yet.',
      command: { kind: 'undo' },
      choices: [{ label: 'Show the settings', utterance: 'show the settings' }],
    };
  const restored = parameterSummary({ ...state, settings: last.before }).map((line) => `${line.label}: ${line.value}`);
  return {
    text: `Undid ${describeCommand(last.command)}. The settings are now:\n${restored.join('\n')}${state.latest ? '\nSheets already written stay as they are.' : ''}`,
    command: { kind: 'undo' },
    settings: last.before,
    choices: [
      { label: 'Run the analysis', utterance: 'run the analysis' },
      { label: 'Undo', utterance: 'undo' },
    ],
  };
}

/**
 * Handles one command. `transcriptWith(reply)` is the dialogue so far including this turn (for
 * the Audit sheet of a run). Returns the outcome; the caller records the turn and updates the state.
 */
export function applyCommand(
  command: Command,
  state: DialogueState,
  env: TurnEnvironment,
  transcriptWith: (reply: string) => readonly TurnRecord[],
): Outcome {
  switch (command.kind) {
    case 'describe':
      return describeWorkbook(command, state, env);
    case 'help':
      return help(command, parameterSummary(state));
    case 'run':
      return runTurn(command, state, env, transcriptWith);
    case 'undo':
      return undo(state);
    case 'status':
      return {
        text: ['The current settings:', ...parameterSummary(state).map((line) => `${line.label}: ${line.value}`)].join(
          '\n',
        ),
        command,
        choices: [
          { label: 'Run the analysis', utterance: 'run the analysis' },
          { label: 'Help', utterance: 'help' },
        ],
      };
    case 'reset':
      return sameSettings(state.settings, state.initial)
        ? {
            text: 'The settings are already at their starting values.',
            command,
            choices: [
              { label: 'Show the settings', utterance: 'show the settings' },
              { label: 'Run the analysis', utterance: 'run the analysis' },
            ],
          }
        : {
            text: 'Every choice is back to its starting value (say undo to bring them back).',
            command,
            settings: state.initial,
            choices: [
              { label: 'Show the settings', utterance: 'show the settings' },
              { label: 'Undo', utterance: 'undo' },
            ],
          };
    case 'useSheet':
      return chooseSheet(command, state, env);
    case 'mapColumn':
      return mapColumn(command, state, env);
    case 'setOffenceTypes':
      return chooseOffenceTypes(command, state, env);
    case 'showTop':
      return showTop(command, state);
    case 'newCandidates':
      return newCandidates(command, state);
    case 'explainSchool':
      return explainSchool(command, state);
    case 'explainWard':
      return explainWard(command, state);
    case 'explain':
      return explainEither(command, state);
    case 'compareSchools':
      return compareSchools(command, state);
    case 'listWards':
      return listWards(command, state);
    case 'listOffenceTypes':
      return listOffenceTypes(command, state, env);
    case 'greeting':
    case 'thanks':
      return courtesy(command, state.latest !== null);
    default:
      return changeSetting(command, state, env);
  }
}

/** Whether an outcome changed the choices in a way undo should revert. */
export function changesChoices(command: Command | null, outcome: Outcome, state: DialogueState): boolean {
  return (
    command !== null &&
    isStateChanging(command) &&
    outcome.settings !== undefined &&
    !sameSettings(outcome.settings, state.settings)
  );
}
