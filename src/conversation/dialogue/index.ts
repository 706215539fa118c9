/** The dialogue's turns: state, one handler per kind of request, and the turn that ties them together. */
export {
  initialState,
  sameSettings,
  type DialogueState,
  type Settings,
  type PendingQuestion,
  type LatestRun,
  type TurnEnvironment,
  type Outcome,
} from './state';
export { takeTurn, type TurnInput, type TurnHost } from './takeTurn';
export { applyCommand, changesChoices } from './applyCommand';
export { describeWorkbook } from './describeWorkbook';
export { chooseSheet } from './chooseSheet';
export { mapColumn } from './mapColumn';
export { chooseOffenceTypes, typesForTerm } from './chooseOffenceTypes';
export { changeSetting, phaseText, datesText, suppressionText, CATCHMENT_LABELS, METRIC_LABELS } from './changeSetting';
export { runTurn, measureOf } from './runTurn';
export { showTop } from './showTop';
export { newCandidates } from './newCandidates';
export { explainSchool, findSchool, schoolExplanation, schoolChoice } from './explainSchool';
export { explainWard, findWard, wardExplanation, wardChoice } from './explainWard';
export { explainEither } from './explainEither';
export { help, HELP_TEXT } from './help';
export { parameterSummary, type SummaryLine } from './parameterSummary';
export { sheetQuestion } from './sheetQuestion';
