/**
 * The settings form's changes as Commands the dialogue already knows (setThreshold, setAgeBand...),
 * so a change made in the form is answered and recorded exactly like the same change typed. Pure:
 * the form reads its fields into FormValues and asks here what, if anything, to send.
 */
import type { Command } from '../../conversation/commands';
import type { SchoolPhase } from '../../core/types';
import type { ParametersJson } from '../protocol';

/** The parts of the form, each sent as one command. */
export type FormField =
  | 'ages'
  | 'offenceTypes'
  | 'dates'
  | 'phases'
  | 'threshold'
  | 'zeros'
  | 'rounding'
  | 'disclosure'
  | 'confidence'
  | 'catchment'
  | 'metric'
  | 'topN'
  | 'smoothing'
  | 'flags'
  | 'attending'
  | 'seed'
  | 'protection';

export type OffenceRule = 'default' | 'all' | 'chosen';

/** What the form's fields hold, as read from the page (numbers as typed, dates as ISO days or ''). */
export interface FormValues {
  readonly ageFrom: string;
  readonly ageTo: string;
  readonly offenceRule: OffenceRule;
  /** The types picked in the list, as the offences sheet writes them. */
  readonly offenceTypes: readonly string[];
  readonly dateFrom: string;
  readonly dateTo: string;
  readonly phases: readonly SchoolPhase[];
  readonly threshold: string;
  readonly showZeros: boolean;
  /** 'none', or the base as digits. */
  readonly rounding: string;
  /** 'suppression' or 'perturbation'. */
  readonly disclosure: string;
  /** The level as a fraction ('0.95'). */
  readonly confidence: string;
  readonly catchment: string;
  readonly metric: string;
  readonly topN: string;
  /** 'none' or 'empiricalBayes'. */
  readonly smoothing: string;
  /** 'overdispersed' or 'poisson'. */
  readonly flags: string;
  readonly showAttending: boolean;
  readonly seed: string;
  /** '' for "the threshold", else the interval as digits. */
  readonly protection: string;
}

/** How the form names each phase (the GIAS wording, as the reports use it). */
export const PHASE_NAMES: Readonly<Record<SchoolPhase, string>> = {
  primary: 'primary',
  secondary: 'secondary',
  allThrough: 'all-through',
  special: 'special',
  alternativeProvision: 'alternative provision',
  other: 'other',
};

/** The offence type rule a form's choice stands for: [] the default groups, ['all'] every type, or the picked types. */
export function offenceRuleOf(parameters: Pick<ParametersJson, 'offenceTypes'>): OffenceRule {
  if (parameters.offenceTypes.length === 0) return 'default';
  return parameters.offenceTypes.some((entry) => entry.trim().toLowerCase() === 'all') ? 'all' : 'chosen';
}

/** A typed number, or null for an empty or unreadable field (the form then shows the current value again). */
function numberIn(raw: string): number | null {
  if (raw.trim() === '') return null;
  const value = Number(raw);
  return Number.isFinite(value) ? value : null;
}

const key = (text: string): string => text.trim().toLowerCase().replace(/\s+/g, ' ');

function sameList(a: readonly string[], b: readonly string[]): boolean {
  const left = new Set(a.map(key));
  const right = new Set(b.map(key));
  return left.size === right.size && [...left].every((entry) => right.has(entry));
}

/**
 * The command for a change to one part of the form, or null when there is nothing to send: the
 * part still says what the session holds, or a field is empty or unreadable. Values out of range
 * (a threshold of 0, ages 16 to 11) are sent: the session refuses them and says why, in the
 * conversation, as it would to the same words typed.
 */
export function formCommand(field: FormField, values: FormValues, current: ParametersJson): Command | null {
  switch (field) {
    case 'ages': {
      const from = numberIn(values.ageFrom);
      const to = numberIn(values.ageTo);
      if (from === null || to === null || (from === current.ageBand[0] && to === current.ageBand[1])) return null;
      return { kind: 'setAgeBand', from, to };
    }
    case 'offenceTypes': {
      const types =
        values.offenceRule === 'default' ? [] : values.offenceRule === 'all' ? ['all'] : [...values.offenceTypes];
      if (values.offenceRule === 'chosen' && types.length === 0) return null;
      if (
        offenceRuleOf(current) === values.offenceRule &&
        (values.offenceRule !== 'chosen' || sameList(types, current.offenceTypes))
      )
        return null;
      return { kind: 'setOffenceTypes', types, mode: 'only' };
    }
    case 'dates': {
      const from = values.dateFrom === '' ? null : values.dateFrom;
      const to = values.dateTo === '' ? null : values.dateTo;
      if (from === current.dateFrom && to === current.dateTo) return null;
      return { kind: 'setDates', from, to };
    }
    case 'phases': {
      if (sameList(values.phases, current.phases)) return null;
      return { kind: 'setPhases', phases: [...values.phases], mode: 'only' };
    }
    case 'threshold': {
      const threshold = numberIn(values.threshold);
      return threshold === null || threshold === current.threshold ? null : { kind: 'setThreshold', threshold };
    }
    case 'zeros':
      return values.showZeros === current.showZeros ? null : { kind: 'setZeros', show: values.showZeros };
    case 'rounding': {
      const base = values.rounding === 'none' ? null : numberIn(values.rounding);
      if (values.rounding !== 'none' && base === null) return null;
      return base === current.roundingBase ? null : { kind: 'setRounding', base };
    }
    case 'disclosure': {
      const method = values.disclosure;
      if (method !== 'suppression' && method !== 'perturbation') return null;
      return method === (current.disclosureMethod ?? 'suppression') ? null : { kind: 'setDisclosure', method };
    }
    case 'confidence': {
      const level = numberIn(values.confidence);
      return level === null || level === current.confidenceLevel ? null : { kind: 'setConfidence', level };
    }
    case 'catchment': {
      const model = values.catchment;
      if (model !== 'auto' && model !== 'observed' && model !== 'distanceDecay') return null;
      return model === current.catchmentModel ? null : { kind: 'setCatchment', model };
    }
    case 'metric': {
      const metric = values.metric;
      if (metric !== 'offences' && metric !== 'youngOffenders') return null;
      return metric === current.rankingMetric ? null : { kind: 'setMetric', metric };
    }
    case 'topN': {
      const topN = numberIn(values.topN);
      return topN === null || topN === current.topN ? null : { kind: 'setTopN', topN };
    }
    case 'smoothing': {
      const smoothing = values.smoothing;
      if (smoothing !== 'none' && smoothing !== 'empiricalBayes') return null;
      return smoothing === (current.smoothing ?? 'none') ? null : { kind: 'setSmoothing', smoothing };
    }
    case 'flags': {
      const method = values.flags;
      if (method !== 'overdispersed' && method !== 'poisson') return null;
      return method === current.flagMethod ? null : { kind: 'setFlags', method };
    }
    case 'attending':
      return values.showAttending === (current.showAttending ?? false)
        ? null
        : { kind: 'setShowAttending', show: values.showAttending };
    case 'seed': {
      const seed = numberIn(values.seed);
      return seed === null || seed === current.seed ? null : { kind: 'setSeed', seed };
    }
    case 'protection': {
      // An emptied field means "the threshold" (null), as the session's default.
      const interval = values.protection.trim() === '' ? null : numberIn(values.protection);
      if (values.protection.trim() !== '' && interval === null) return null;
      return interval === current.protectionInterval ? null : { kind: 'setProtection', interval };
    }
  }
}

/** A confidence level as a percentage: 0.95 -> '95%', 0.995 -> '99.5%'. */
export function percent(level: number): string {
  return `${Number((level * 100).toFixed(1))}%`;
}

/**
 * How the conversation shows a change made in the form, in place of typed words:
 * 'Settings: threshold 10', 'Settings: ages 11–16', 'Settings: phases secondary, all-through'.
 */
export function commandLabel(command: Command): string {
  return `Settings: ${commandWords(command)}`;
}

function commandWords(command: Command): string {
  switch (command.kind) {
    case 'setAgeBand':
      return `ages ${command.from ?? '…'}–${command.to ?? '…'}`;
    case 'setOffenceTypes':
      if (command.types.length === 0) return 'offence types: Home Office violence groups (default)';
      if (command.types.some((type) => key(type) === 'all')) return 'offence types: all types';
      return `offence types: ${command.types.join('; ')}`;
    case 'setDates':
      if (command.from && command.to) return `dates ${command.from} to ${command.to}`;
      if (command.from) return `dates from ${command.from}`;
      if (command.to) return `dates up to ${command.to}`;
      return 'all dates';
    case 'setPhases':
      return `phases ${command.phases.map((phase) => PHASE_NAMES[phase]).join(', ')}`;
    case 'setThreshold':
      return `threshold ${command.threshold}`;
    case 'setZeros':
      return command.show ? 'show zeros' : 'withhold zeros';
    case 'setRounding':
      return command.base === null ? 'no rounding' : `round to the nearest ${command.base}`;
    case 'setDisclosure':
      return command.method === 'perturbation'
        ? 'protect counts by cell key perturbation'
        : 'protect counts by suppression';
    case 'setConfidence':
      return `confidence ${percent(command.level)}`;
    case 'setCatchment':
      return command.model === 'auto'
        ? 'catchments observed where recorded, else modelled'
        : command.model === 'observed'
          ? 'catchments observed only'
          : 'catchments modelled by distance';
    case 'setMetric':
      return command.metric === 'offences'
        ? 'rank on violent offences where they happened'
        : 'rank on young offenders where they live';
    case 'setTopN':
      return `top ${command.topN}`;
    case 'setSmoothing':
      return command.smoothing === 'empiricalBayes' ? 'score on smoothed rates' : 'score on crude rates';
    case 'setFlags':
      return command.method === 'poisson' ? 'flag wards by the Poisson interval' : 'flag wards by funnel limits';
    case 'setShowAttending':
      return command.show ? 'publish attending counts' : 'leave attending counts out';
    case 'setSeed':
      return `seed ${command.seed}`;
    case 'setProtection':
      return command.interval === null
        ? 'protection interval: the threshold'
        : `protection interval ${command.interval}`;
    default:
      return JSON.stringify(command);
  }
}
