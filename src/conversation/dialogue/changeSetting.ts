/** Commands that set one parameter: checked, applied, and answered with what changed. */
import type { AnalysisParameters, FlagMethod, SchoolPhase, Smoothing } from '../../core/types';
import type { Command, DisclosureMethod } from '../commands';
import { THRESHOLD_PRESETS } from '../parse/rules/disclosure';
import { PHASE_LABELS } from '../parse/phrases';
import { EVERY_PHASE } from '../parse/rules/parts';
import type { RelativePeriod } from '../commands';
import type { Choice } from '../types';
import { count, day, isoDay, listing, plural } from './format';
import type { DialogueState, Outcome, TurnEnvironment } from './state';
import { bandChoices, bandText, columnUtterance, missingBand } from './remedies';
import { detectWithSettings, offenceDays, schoolsByPhase } from './workbookFacts';

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

export const FLAG_LABELS: Readonly<Record<FlagMethod, string>> = {
  overdispersed: 'outside funnel limits that allow for the real spread between wards (over-dispersion)',
  poisson: "when the ward's own Poisson interval clears the area rate (chance alone, no allowance for over-dispersion)",
};

export const SMOOTHING_LABELS: Readonly<Record<Smoothing, string>> = {
  none: 'crude ward rates',
  empiricalBayes: 'ward rates smoothed towards the area rate (empirical Bayes)',
};

export const DISCLOSURE_LABELS: Readonly<Record<DisclosureMethod, string>> = {
  suppression: 'suppression of small counts',
  perturbation: 'cell key perturbation (ONS method)',
};

/** The method protecting published counts (absent: suppression). */
export const disclosureMethodOf = (parameters: AnalysisParameters): DisclosureMethod =>
  parameters.disclosureMethod ?? 'suppression';

/** Whether attending counts go in the shared workbook, as said. */
export function attendingText(show: boolean | undefined): string {
  return show
    ? "in the shared workbook (each school's count, withheld when small)"
    : 'left out of the shared workbook (shown to you in this pane only)';
}

// ───────────────────────────── checks against the data

const shiftDays = (iso: string, days: number): string => {
  const date = dateOf(iso);
  date.setUTCDate(date.getUTCDate() + days);
  return isoDay(date);
};
/** The same day `months` earlier (the last day of a shorter month). */
function monthsBefore(iso: string, months: number): string {
  const [y, m, d] = iso.split('-').map(Number);
  const target = new Date(Date.UTC(y, m - 1 - months, 1));
  const last = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  return isoDay(new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth(), Math.min(d, last))));
}

/** 'the last 12 months', 'the last whole financial year'. */
export function relativeText(period: RelativePeriod): string {
  if ('months' in period)
    return period.months % 12 === 0 && period.months > 12
      ? `the last ${period.months / 12} years`
      : `the last ${period.months === 1 ? 'month' : `${period.months} months`}`;
  return `the last whole ${period.last === 'financialYear' ? 'financial year (April to March)' : period.last === 'academicYear' ? 'academic year (September to August)' : 'calendar year'}`;
}

/**
 * A window relative to the data, as days: the months up to the last offence day (from the day after
 * the same day that many months before), or the last whole financial, academic or calendar year the
 * data reach. Never the clock, so a replay of the recorded days is exact.
 */
export function resolveRelative(
  period: RelativePeriod,
  env: TurnEnvironment,
  state: DialogueState,
): { from: string; to: string } | { text: string } {
  const days = offenceDays(env.engine.workbook, state.settings);
  if (days.length === 0)
    return {
      text: `I cannot tell ${relativeText(period)} of the data: no offence dates can be read from the offences sheet. Say the dates instead, e.g. 'from April 2022 to March 2023'.`,
    };
  const last = days[days.length - 1];
  if ('months' in period) return { from: shiftDays(monthsBefore(last, period.months), 1), to: last };
  const y = Number(last.slice(0, 4));
  const startMonth = String(period.last === 'financialYear' ? 4 : period.last === 'academicYear' ? 9 : 1).padStart(
    2,
    '0',
  );
  // The latest whole year (starting in `startMonth`) that ends on or before the last offence day.
  for (const start of [y, y - 1, y - 2]) {
    const to = shiftDays(`${start + 1}-${startMonth}-01`, -1);
    if (to <= last) return { from: `${start}-${startMonth}-01`, to };
  }
  return { text: `The data end on ${day(last)}.` };
}

/** Offence rows dated in a window (inclusive), of the days given. */
function inWindow(days: readonly string[], from: string | null, to: string | null): number {
  return days.filter((day) => (from === null || day >= from) && (to === null || day <= to)).length;
}

/** A window with no offence in it is refused, saying what the sheet holds. */
function windowCheck(
  from: string | null,
  to: string | null,
  env: TurnEnvironment,
  state: DialogueState,
): Outcome | undefined {
  if (from === null && to === null) return undefined;
  const days = offenceDays(env.engine.workbook, state.settings);
  if (days.length === 0 || inWindow(days, from, to) > 0) return undefined;
  const first = days[0];
  const last = days[days.length - 1];
  const sheet = detectWithSettings(env.engine.workbook, state.settings).assignments.offences;
  const lastYear = { from: shiftDays(monthsBefore(last, 12), 1), to: last };
  return {
    text: `No offence in ${sheet ? `'${sheet}'` : 'the offences sheet'} is dated ${datesText({ ...state.settings.parameters, dateFrom: from ? dateOf(from) : undefined, dateTo: to ? dateOf(to) : undefined })}: its offences run from ${day(first)} to ${day(last)}. The dates stay ${datesText(state.settings.parameters)}.`,
    command: null,
    choices: [
      {
        label: `The last 12 months of the data (${day(lastYear.from)} to ${day(lastYear.to)})`,
        utterance: 'the last 12 months',
      },
      { label: 'All dates', utterance: 'all dates' },
    ],
  };
}

/** How many offence rows a window holds, said briefly ('' with no offences sheet). */
function inWindowText(from: string | null, to: string | null, env: TurnEnvironment, state: DialogueState): string {
  const days = offenceDays(env.engine.workbook, state.settings);
  if (days.length === 0 || (from === null && to === null)) return '';
  return ` ${plural(inWindow(days, from, to), 'offence row')} of the sheet ${inWindow(days, from, to) === 1 ? 'is' : 'are'} dated in it (before the other choices).`;
}

/**
 * Phases checked against the schools sheet: refused when the phases asked for (to rank only, or to
 * add) have no open school, saying what the sheet has; a note when some of them have none.
 */
function phaseCheck(
  asked: readonly SchoolPhase[],
  result: readonly SchoolPhase[],
  mode: string,
  schools: Readonly<Partial<Record<SchoolPhase, number>>>,
  env: TurnEnvironment,
  state: DialogueState,
): Outcome | string {
  if (mode === 'remove') return '';
  const has = (phase: SchoolPhase): boolean => (schools[phase] ?? 0) > 0;
  const sheet = detectWithSettings(env.engine.workbook, state.settings).assignments.schools;
  const present = EVERY_PHASE.filter(has).map(
    (phase) => `${plural(schools[phase] ?? 0, `${PHASE_LABELS[phase]} school`)}`,
  );
  const missing = asked.filter((phase) => !has(phase));
  if (missing.length === 0) return '';
  const all = asked.length === EVERY_PHASE.length;
  if (!result.some(has) || (missing.length === asked.length && !all)) {
    return {
      text: `There ${missing.length === 1 ? 'is no open' : 'are no open'} ${phaseText(missing)} school${missing.length === 1 ? '' : 's'} in ${sheet ? `'${sheet}'` : 'the schools sheet'}: it has ${present.length > 0 ? listing(present) : 'no open school of any phase'}. The phases stay ${phaseText(state.settings.parameters.phases)}.`,
      command: null,
      choices: EVERY_PHASE.filter(has)
        .slice(0, 3)
        .map((phase) => ({
          label: `Rank ${PHASE_LABELS[phase]} schools`,
          utterance: `rank ${PHASE_LABELS[phase]} schools`,
        })),
    };
  }
  return all
    ? ''
    : ` (There ${missing.length === 1 ? 'is no open' : 'are no open'} ${phaseText(missing)} school${missing.length === 1 ? '' : 's'} in ${sheet ? `'${sheet}'` : 'the schools sheet'}.)`;
}

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

/** The suppression rule as said (under perturbation: what is never shown). */
export function suppressionText(parameters: AnalysisParameters): string {
  if (disclosureMethodOf(parameters) === 'perturbation' && parameters.threshold > 1) {
    const small = parameters.threshold === 2 ? 'no count of 1' : `no count from 1 to ${parameters.threshold - 1}`;
    return `${small} shown (every count perturbed); zeros ${parameters.showZeros ? 'shown' : 'withheld'}`;
  }
  const hidden =
    parameters.threshold <= 1
      ? 'no small counts withheld'
      : parameters.threshold === 2
        ? 'counts of 1 withheld as [c]'
        : `counts 1–${parameters.threshold - 1} withheld as [c]`;
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

function changed(
  state: DialogueState,
  command: Command,
  parameters: Partial<AnalysisParameters>,
  text: string,
  choices: readonly Choice[] = AFTER_SETTING,
): Outcome {
  const next: Mutable<AnalysisParameters> = { ...state.settings.parameters, ...parameters };
  for (const key of Object.keys(parameters) as (keyof AnalysisParameters)[]) {
    if (parameters[key] === undefined) delete next[key];
  }
  return { text, command, settings: { ...state.settings, parameters: next }, choices };
}

const isWhole = (value: number, low: number, high: number): boolean =>
  Number.isInteger(value) && value >= low && value <= high;
const dateOf = (iso: string): Date => new Date(`${iso}T00:00:00Z`);

type SettingCommand = Extract<
  Command,
  {
    kind:
      | 'setAgeBand'
      | 'setDates'
      | 'setPhases'
      | 'setThreshold'
      | 'setZeros'
      | 'setRounding'
      | 'setDisclosure'
      | 'setTopN'
      | 'setCatchment'
      | 'setMetric'
      | 'setConfidence'
      | 'setSeed'
      | 'setProtection'
      | 'setFlags'
      | 'setShowAttending'
      | 'setSmoothing';
  }
>;

/** Applies one parameter command, or refuses it with the reason. */
export function changeSetting(command: SettingCommand, state: DialogueState, env: TurnEnvironment): Outcome {
  const current = state.settings.parameters;
  switch (command.kind) {
    case 'setAgeBand': {
      const from = command.from ?? current.ageBand[0];
      const to = command.to ?? current.ageBand[1];
      if (!isWhole(from, 0, 120) || !isWhole(to, 0, 120))
        return refused(`Ages must be whole years from 0 to 120; got ${from} to ${to}.`);
      if (from > to)
        return refused(`The band would run from ${from} to ${to}, which is empty. Say e.g. 'ages ${to} to ${from}'.`);
      const missing = missingBand(env.engine.workbook, state.settings, { from, to });
      if (missing) {
        // The wards sheet cannot give this band's population: say so now, keep the band, and offer those it can give.
        const kept = `The age band stays ${current.ageBand[0]}–${current.ageBand[1]}.`;
        const other = `If another column holds the population aged ${from}–${to}, name it: "${columnUtterance('wards', 'youngPopulation')}".`;
        const others = missing.bands.filter(
          (band) => band.from !== current.ageBand[0] || band.to !== current.ageBand[1],
        );
        if (others.length === 0) return refused(`${missing.text} ${kept} ${other}`);
        return {
          text: `${missing.text} ${kept} ${other}\nWhich age band should I use: ${listing(
            missing.bands.map((band) => bandText(band)),
            'or',
          )}?`,
          choices: bandChoices(missing.bands, current.ageBand),
          question: true,
          command: null,
        };
      }
      return changed(
        state,
        { kind: 'setAgeBand', from, to },
        { ageBand: [from, to] },
        `Counting offenders aged ${from}–${to} at the time of the offence (was ${current.ageBand[0]}–${current.ageBand[1]}); the wards' young population uses the same ages.`,
      );
    }
    case 'setDates': {
      const relative =
        command.relativeToData !== undefined && (command.from === undefined || command.to === undefined)
          ? resolveRelative(command.relativeToData, env, state)
          : undefined;
      if (relative && 'text' in relative) return refused(relative.text);
      const asked = relative ?? command;
      const from = asked.from === undefined ? (current.dateFrom ? isoDay(current.dateFrom) : null) : asked.from;
      const to = asked.to === undefined ? (current.dateTo ? isoDay(current.dateTo) : null) : asked.to;
      for (const value of [from, to]) {
        if (value !== null && (!/^\d{4}-\d{2}-\d{2}$/.test(value) || isoDay(dateOf(value)) !== value))
          return refused(`'${value}' is not a date; say e.g. 'from April 2022 to March 2023'.`);
      }
      if (from !== null && to !== null && from > to)
        return refused(`The window would run from ${day(from)} to ${day(to)}, which is empty.`);
      const window = windowCheck(from, to, env, state);
      if (window) return window;
      const parameters = {
        dateFrom: from === null ? undefined : dateOf(from),
        dateTo: to === null ? undefined : dateOf(to),
      };
      const recorded: Command = {
        kind: 'setDates',
        from,
        to,
        ...(command.relativeToData ? { relativeToData: command.relativeToData } : {}),
      };
      const how =
        command.relativeToData && relative
          ? ` (${relativeText(command.relativeToData)}, up to the last offence in the sheet, not today, so a replay gives the same window)`
          : '';
      return changed(
        state,
        recorded,
        parameters,
        `Counting offences dated ${datesText({ ...current, ...parameters })}${how}.${inWindowText(from, to, env, state)}`,
      );
    }
    case 'setPhases': {
      const wanted = new Set(command.phases);
      const base = new Set(current.phases);
      const phases = EVERY_PHASE.filter((phase) =>
        command.mode === 'only'
          ? wanted.has(phase)
          : command.mode === 'add'
            ? base.has(phase) || wanted.has(phase)
            : base.has(phase) && !wanted.has(phase),
      );
      if (phases.length === 0)
        return refused(
          `That would leave no phase to rank (now ${phaseText(current.phases)}). Say e.g. 'rank secondary schools'.`,
        );
      const schools = schoolsByPhase(env.engine.workbook, state.settings);
      const note = schools ? phaseCheck(command.phases, phases, command.mode, schools, env, state) : '';
      if (note && typeof note !== 'string') return note;
      return changed(
        state,
        { kind: 'setPhases', phases, mode: 'only' },
        { phases },
        `Ranking ${phaseText(phases)} schools (was ${phaseText(current.phases)}).${note}`,
      );
    }
    case 'setThreshold': {
      const { threshold } = command;
      if (!isWhole(threshold, 1, 1000))
        return refused(`The threshold must be a whole number from 1 to 1,000; got ${threshold}.`);
      const notes = [`Common thresholds are ${listing(THRESHOLD_PRESETS.map(String))}.`];
      if (threshold < 3)
        notes.unshift(
          threshold === 1
            ? 'Warning: a threshold of 1 withholds nothing.'
            : 'Warning: a threshold of 2 withholds only counts of 1; most producers use at least 3.',
        );
      const perturbing = disclosureMethodOf(current) === 'perturbation';
      // A perturbation ledger keeps its one table: a run at another threshold would be refused.
      if (perturbing && state.latest && disclosureMethodOf(state.latest.result.parameters) === 'perturbation')
        notes.push(
          `The runs already written used perturbation at threshold ${state.latest.result.parameters.threshold}, and a perturbation ledger keeps its threshold (one perturbation table): a run at ${threshold} will be refused unless you start a new workbook (or a new ledger).`,
        );
      const hidden = perturbing
        ? threshold === 1
          ? 'Every count will be shown with noise'
          : `No count from 1 to ${threshold - 1} will be shown (a count that small shows as 0 or ${threshold}, by perturbation)`
        : threshold === 1
          ? 'No small counts will be withheld'
          : threshold === 2
            ? 'Counts of 1 will be withheld as [c]'
            : `Counts from 1 to ${threshold - 1} will be withheld as [c]`;
      const choices = THRESHOLD_PRESETS.filter((preset) => preset !== threshold).map((preset) => ({
        label: `Hide counts under ${preset}`,
        utterance: `suppress counts under ${preset}`,
      }));
      return changed(
        state,
        command,
        { threshold },
        `${hidden} (threshold ${threshold}; ${threshold === current.threshold ? 'unchanged' : `was ${current.threshold}`})${perturbing ? '' : ', with every rate derived from them'}. ${notes.join(' ')}`,
        [AFTER_SETTING[0], ...choices, AFTER_SETTING[2]],
      );
    }
    case 'setZeros':
      return changed(
        state,
        command,
        { showZeros: command.show },
        command.show ? 'Zero counts will be shown.' : 'Zero counts will be withheld as [c], like small counts.',
      );
    case 'setRounding': {
      const { base } = command;
      if (base !== null && !isWhole(base, 2, 100))
        return refused(`The rounding base must be a whole number from 2 to 100 (5 is usual); got ${base}.`);
      if (base !== null && disclosureMethodOf(current) === 'perturbation') {
        // Never a silent change: rounding would have to end perturbation, so which is meant is asked.
        return {
          text: `Rounding and perturbation are alternatives: the counts are perturbed (the ONS cell key method), which already blurs every published count, so they are not rounded as well. Nothing has changed. Which do you want: keep cell key perturbation, or switch to suppression of small counts and round to the nearest ${base}?`,
          command: null,
          question: true,
          choices: [
            { label: 'Keep perturbation', utterance: 'keep perturbation' },
            {
              label: `Suppression, rounded to ${base}`,
              utterance: `switch to suppression and round to ${base}`,
            },
          ],
        };
      }
      return changed(
        state,
        command,
        { roundingBase: base },
        base === null
          ? 'Published counts will not be rounded.'
          : `Published counts will be rounded to the nearest ${base}.`,
      );
    }
    case 'setDisclosure': {
      const { method } = command;
      if (method !== 'suppression' && method !== 'perturbation')
        return refused(`Counts are protected by suppression or by perturbation; got '${String(method)}'.`);
      const was = disclosureMethodOf(current);
      const unchanged = method === was ? ' (unchanged)' : '';
      const ledger =
        state.latest && disclosureMethodOf(state.latest.result.parameters) !== method
          ? ` The runs already written used ${DISCLOSURE_LABELS[disclosureMethodOf(state.latest.result.parameters)]}, and a disclosure ledger keeps the method it started with: to publish this way, start a new workbook (or a new ledger).`
          : '';
      if (method === 'suppression') {
        const hidden =
          current.threshold <= 1
            ? 'no small count is withheld'
            : `counts from 1 to ${current.threshold - 1} are withheld as [c]`;
        return changed(
          state,
          command,
          // Absent means suppression, so the choices are as they were before perturbation was chosen.
          { disclosureMethod: undefined },
          `Counts will be protected by ${DISCLOSURE_LABELS.suppression}${unchanged}: ${hidden} (threshold ${current.threshold}), with the counts that would give them away, audited against earlier runs.${ledger}`,
          [
            AFTER_SETTING[0],
            { label: 'Suppress counts under 10', utterance: 'suppress counts under 10' },
            { label: 'Round to 5', utterance: 'round to 5' },
            AFTER_SETTING[2],
          ],
        );
      }
      const roundingOff =
        current.roundingBase !== null
          ? ` Rounding to ${current.roundingBase} turned off: perturbation replaces it.`
          : '';
      const small = current.threshold <= 1 ? '' : `, and no count from 1 to ${current.threshold - 1} is ever shown`;
      return changed(
        state,
        command,
        { disclosureMethod: 'perturbation', roundingBase: null },
        `Counts will be protected by ${DISCLOSURE_LABELS.perturbation}${unchanged}: every count is shown with a little noise that the same records always get${small}; totals are the sums of the shown counts.${roundingOff}${ledger}`,
        [AFTER_SETTING[0], { label: 'What is perturbation?', utterance: 'what is perturbation?' }, AFTER_SETTING[2]],
      );
    }
    case 'setTopN': {
      const { topN } = command;
      if (!isWhole(topN, 1, 10000)) return refused(`The top group must hold from 1 to 10,000 schools; got ${topN}.`);
      const latest = state.latest
        ? ` The latest run used the top ${state.latest.result.parameters.topN}; say 'run' to update it, or ask 'which of the top ${topN} are not on the list?'.`
        : '';
      return changed(
        state,
        command,
        { topN },
        `New candidates will be looked for among the top ${plural(topN, 'school')} (was ${count(current.topN)}).${latest}`,
      );
    }
    case 'setCatchment': {
      const residence = detectWithSettings(env.engine.workbook, state.settings).assignments.pupilResidence;
      const warning =
        command.model === 'observed' && !residence
          ? ' Warning: no pupil residence sheet was found, so no school would have a catchment.'
          : '';
      return changed(
        state,
        command,
        { catchmentModel: command.model },
        `Catchments: ${CATCHMENT_LABELS[command.model]}.${warning}`,
      );
    }
    case 'setMetric':
      return changed(
        state,
        command,
        { rankingMetric: command.metric },
        `Schools will be ranked on ${METRIC_LABELS[command.metric]}.`,
      );
    case 'setSeed': {
      const { seed } = command;
      if (!isWhole(seed, 0, 2 ** 31))
        return refused(`The seed must be a whole number from 0 to ${count(2 ** 31)}; got ${seed}.`);
      return changed(
        state,
        command,
        { seed },
        `The rank intervals will be simulated from seed ${seed} (was ${current.seed}); the same seed gives the same intervals again.`,
      );
    }
    case 'setFlags':
      return changed(
        state,
        command,
        { flagMethod: command.method },
        `Wards will be flagged higher or lower than the area ${FLAG_LABELS[command.method]}${command.method === current.flagMethod ? ' (unchanged)' : ''}.${command.method === 'poisson' ? ' Ward counts usually vary more than chance alone, so this flags more wards; the Method sheet says how many each way flags.' : ''}`,
      );
    case 'setShowAttending':
      return changed(
        state,
        command,
        { showAttending: command.show },
        command.show
          ? 'Each ranked school\'s count of young offenders attending will be published in the shared workbook, withheld when small like every count. It is the figure most likely to stigmatise a school and is not used in the ranking; say "hide attending counts" to leave it out again.'
          : "Counts of young offenders attending each school will be left out of the shared workbook (the default); you can still ask for a school's count here.",
      );
    case 'setSmoothing':
      return changed(
        state,
        command,
        { smoothing: command.smoothing },
        `Schools will be scored on ${SMOOTHING_LABELS[command.smoothing]}${command.smoothing === 'empiricalBayes' ? ', which steadies the rates of wards with few young residents' : ''}; the Wards sheet shows crude rates either way.`,
      );
    case 'setProtection': {
      const { interval } = command;
      if (interval !== null && !isWhole(interval, 1, 1000))
        return refused(`The protection interval must be a whole number from 1 to 1,000; got ${interval}.`);
      const was = current.protectionInterval === null ? 'the threshold' : String(current.protectionInterval);
      return changed(
        state,
        command,
        { protectionInterval: interval },
        interval === null
          ? `The protection interval is the threshold again (${current.threshold}): no withheld count may be narrowed below that range from the published tables (was ${was}).`
          : `No withheld count may be narrowed below a range of ${interval} from the published tables (was ${was}); the disclosure audit stops a run that would allow it.`,
      );
    }
    case 'setConfidence': {
      const { level } = command;
      if (!(level >= 0.5 && level <= 0.999))
        return refused(`The confidence level must be between 50% and 99.9%; got ${level * 100}%.`);
      return changed(
        state,
        command,
        { confidenceLevel: level },
        `Intervals will be ${Number((level * 100).toFixed(1))}% confidence intervals (rank intervals too).`,
      );
    }
  }
}
