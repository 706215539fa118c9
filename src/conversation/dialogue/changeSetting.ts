/** Commands that set one parameter: checked, applied, and answered with what changed. */
import type { AnalysisParameters, SchoolPhase } from '../../core/types';
import type { Command } from '../commands';
import { THRESHOLD_PRESETS } from '../parse/recognisers/disclosure';
import { ALL_PHASES, PHASE_LABELS } from '../parse/phrases';
import type { Choice } from '../types';
import { count, day, isoDay, listing, plural } from './format';
import type { DialogueState, Outcome, TurnEnvironment } from './state';
import { bandChoices, bandText, columnUtterance, missingBand } from './remedies';
import { detectWithSettings } from './workbookFacts';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

export const CATCHMENT_LABELS: Readonly<Record<AnalysisParameters['catchmentModel'], string>> = {
  auto: 'observed where the pupil residence sheet covers a school, modelled by distance otherwise',
  observed: 'observed only (a school with no pupil residence rows gets no catchment)',
  distanceDecay: 'modelled by distance for every school (an estimate, not a record)',
};

export const METRIC_LABELS: Readonly<Record<AnalysisParameters['rankingMetric'], string>> = {
  offences: 'violent offences, counted in the ward where they happened',
  youngOffenders: 'young offenders, counted in the ward where they live',
};

/** Phases as said: ['secondary', 'allThrough'] -> 'secondary and all-through'. */
export function phaseText(phases: readonly SchoolPhase[]): string {
  return listing(phases.map((phase) => PHASE_LABELS[phase]));
}

/** The date window as said. */
export function datesText(parameters: AnalysisParameters): string {
  const { dateFrom, dateTo } = parameters;
  if (!dateFrom && !dateTo) return 'all dates';
  if (dateFrom && dateTo) return `${day(isoDay(dateFrom))} to ${day(isoDay(dateTo))}`;
  return dateFrom ? `from ${day(isoDay(dateFrom))}` : `up to ${day(isoDay(dateTo as Date))}`;
}

/** The suppression rule as said. */
export function suppressionText(parameters: AnalysisParameters): string {
  const hidden = parameters.threshold <= 1 ? 'no small counts withheld' : parameters.threshold === 2 ? 'counts of 1 withheld as [c]' : `counts 1–${parameters.threshold - 1} withheld as [c]`;
  return `${hidden}; zeros ${parameters.showZeros ? 'shown' : 'withheld'}`;
}

const AFTER_SETTING: readonly Choice[] = [
  { label: 'Run the analysis', utterance: 'run the analysis' },
  { label: 'Show the settings', utterance: 'show the settings' },
  { label: 'Undo', utterance: 'undo' },
];

/** A refused setting: nothing changes, and the reply says what would be accepted. */
function refused(text: string): Outcome {
  return { text, command: null, choices: [{ label: 'Show the settings', utterance: 'show the settings' }] };
}

function changed(state: DialogueState, command: Command, parameters: Partial<AnalysisParameters>, text: string, choices: readonly Choice[] = AFTER_SETTING): Outcome {
  const next: Mutable<AnalysisParameters> = { ...state.settings.parameters, ...parameters };
  for (const key of Object.keys(parameters) as (keyof AnalysisParameters)[]) {
    if (parameters[key] === undefined) delete next[key];
  }
  return { text, command, settings: { ...state.settings, parameters: next }, choices };
}

const isWhole = (value: number, low: number, high: number): boolean => Number.isInteger(value) && value >= low && value <= high;
const dateOf = (iso: string): Date => new Date(`${iso}T00:00:00Z`);

type SettingCommand = Extract<Command, { kind: 'setAgeBand' | 'setDates' | 'setPhases' | 'setThreshold' | 'setZeros' | 'setRounding' | 'setTopN' | 'setCatchment' | 'setMetric' | 'setConfidence' }>;

/** Applies one parameter command, or refuses it with the reason. */
export function changeSetting(command: SettingCommand, state: DialogueState, env: TurnEnvironment): Outcome {
  const current = state.settings.parameters;
  switch (command.kind) {
    case 'setAgeBand': {
      const from = command.from ?? current.ageBand[0];
      const to = command.to ?? current.ageBand[1];
      if (!isWhole(from, 0, 120) || !isWhole(to, 0, 120)) return refused(`Ages must be whole years from 0 to 120; got ${from} to ${to}.`);
      if (from > to) return refused(`The band would run from ${from} to ${to}, which is empty. Say e.g. 'ages ${to} to ${from}'.`);
      const missing = missingBand(env.engine.workbook, state.settings, { from, to });
      if (missing) {
        // The wards sheet cannot give this band's population: say so now, keep the band, and offer those it can give.
        const kept = `The age band stays ${current.ageBand[0]}–${current.ageBand[1]}.`;
        const other = `If another column holds the population aged ${from}–${to}, name it: "${columnUtterance('wards', 'youngPopulation')}".`;
        const others = missing.bands.filter((band) => band.from !== current.ageBand[0] || band.to !== current.ageBand[1]);
        if (others.length === 0) return refused(`${missing.text} ${kept} ${other}`);
        return {
          text: `${missing.text} ${kept} ${other}\nWhich age band should I use: ${listing(missing.bands.map((band) => bandText(band)), 'or')}?`,
          choices: bandChoices(missing.bands, current.ageBand),
          question: true,
          command: null,
        };
      }
      return changed(state, { kind: 'setAgeBand', from, to }, { ageBand: [from, to] },
        `Counting offenders aged ${from}–${to} at the time of the offence (was ${current.ageBand[0]}–${current.ageBand[1]}); the wards' young population uses the same ages.`);
    }
    case 'setDates': {
      const from = command.from === undefined ? (current.dateFrom ? isoDay(current.dateFrom) : null) : command.from;
      const to = command.to === undefined ? (current.dateTo ? isoDay(current.dateTo) : null) : command.to;
      for (const value of [from, to]) {
        if (value !== null && (!/^\d{4}-\d{2}-\d{2}$/.test(value) || isoDay(dateOf(value)) !== value)) return refused(`'${value}' is not a date; say e.g. 'from April 2022 to March 2023'.`);
      }
      if (from !== null && to !== null && from > to) return refused(`The window would run from ${day(from)} to ${day(to)}, which is empty.`);
      const parameters = { dateFrom: from === null ? undefined : dateOf(from), dateTo: to === null ? undefined : dateOf(to) };
      return changed(state, { kind: 'setDates', from, to }, parameters, `Counting offences dated ${datesText({ ...current, ...parameters })}.`);
    }
    case 'setPhases': {
      const wanted = new Set(command.phases);
      const base = new Set(current.phases);
      const phases = ALL_PHASES.filter((phase) => (command.mode === 'only' ? wanted.has(phase) : command.mode === 'add' ? base.has(phase) || wanted.has(phase) : base.has(phase) && !wanted.has(phase)));
      if (phases.length === 0) return refused(`That would leave no phase to rank (now ${phaseText(current.phases)}). Say e.g. 'rank secondary schools'.`);
      return changed(state, { kind: 'setPhases', phases, mode: 'only' }, { phases }, `Ranking ${phaseText(phases)} schools (was ${phaseText(current.phases)}).`);
    }
    case 'setThreshold': {
      const { threshold } = command;
      if (!isWhole(threshold, 1, 1000)) return refused(`The threshold must be a whole number from 1 to 1,000; got ${threshold}.`);
      const notes = [`Common thresholds are ${listing(THRESHOLD_PRESETS.map(String))}.`];
      if (threshold < 3) notes.unshift(threshold === 1 ? 'Warning: a threshold of 1 withholds nothing.' : 'Warning: a threshold of 2 withholds only counts of 1; most producers use at least 3.');
      const hidden = threshold === 1 ? 'No small counts will be withheld' : threshold === 2 ? 'Counts of 1 will be withheld as [c]' : `Counts from 1 to ${threshold - 1} will be withheld as [c]`;
      const choices = THRESHOLD_PRESETS.filter((preset) => preset !== threshold).map((preset) => ({ label: `Hide counts under ${preset}`, utterance: `suppress counts under ${preset}` }));
      return changed(state, command, { threshold }, `${hidden} (threshold ${threshold}; ${threshold === current.threshold ? 'unchanged' : `was ${current.threshold}`}), with every rate derived from them. ${notes.join(' ')}`, [AFTER_SETTING[0], ...choices, AFTER_SETTING[2]]);
    }
    case 'setZeros':
      return changed(state, command, { showZeros: command.show }, command.show ? 'Zero counts will be shown.' : 'Zero counts will be withheld as [c], like small counts.');
    case 'setRounding': {
      const { base } = command;
      if (base !== null && !isWhole(base, 2, 100)) return refused(`The rounding base must be a whole number from 2 to 100 (5 is usual); got ${base}.`);
      return changed(state, command, { roundingBase: base }, base === null ? 'Published counts will not be rounded.' : `Published counts will be rounded to the nearest ${base}.`);
    }
    case 'setTopN': {
      const { topN } = command;
      if (!isWhole(topN, 1, 10000)) return refused(`The top group must hold from 1 to 10,000 schools; got ${topN}.`);
      const latest = state.latest ? ` The latest run used the top ${state.latest.result.parameters.topN}; say 'run' to update it, or ask 'which of the top ${topN} are not on the list?'.` : '';
      return changed(state, command, { topN }, `New candidates will be looked for among the top ${plural(topN, 'school')} (was ${count(current.topN)}).${latest}`);
    }
    case 'setCatchment': {
      const residence = detectWithSettings(env.engine.workbook, state.settings).assignments.pupilResidence;
      const warning = command.model === 'observed' && !residence ? ' Warning: no pupil residence sheet was found, so no school would have a catchment.' : '';
      return changed(state, command, { catchmentModel: command.model }, `Catchments: ${CATCHMENT_LABELS[command.model]}.${warning}`);
    }
    case 'setMetric':
      return changed(state, command, { rankingMetric: command.metric }, `Schools will be ranked on ${METRIC_LABELS[command.metric]}.`);
    case 'setConfidence': {
      const { level } = command;
      if (!(level >= 0.5 && level <= 0.999)) return refused(`The confidence level must be between 50% and 99.9%; got ${level * 100}%.`);
      return changed(state, command, { confidenceLevel: level }, `Intervals will be ${Number((level * 100).toFixed(1))}% confidence intervals (rank intervals too).`);
    }
  }
}
