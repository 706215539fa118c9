/** Each kind of request the parser knows, one recogniser each (tried in the order of RECOGNISERS). */
export { undoRecogniser, resetRecogniser, helpRecogniser, describeRecogniser, statusRecogniser, runRecogniser, looseRunRecogniser } from './control';
export { useSheetRecogniser } from './sheets';
export { mapColumnRecogniser } from './columns';
export { newCandidatesRecogniser, showTopRecogniser } from './results';
export { explainRecogniser, askAboutRecogniser } from './explain';
export { zerosRecogniser, thresholdRecogniser, roundingRecogniser, THRESHOLD_PRESETS } from './disclosure';
export { ageBandRecogniser } from './ageBand';
export { datesRecogniser } from './dates';
export { phasesRecogniser } from './phases';
export { offenceTypesRecogniser } from './offenceTypes';
export { metricRecogniser, catchmentRecogniser, confidenceRecogniser, topNRecogniser, bareNumberRecogniser } from './ranking';
