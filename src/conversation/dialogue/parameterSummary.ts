/** The current choices as label/value lines, for the task pane's always-visible summary and for 'show the settings'. */
import type { AnalysisParameters } from '../../core/types';
import { PHASE_LABELS, ROLE_LABELS } from '../parse/phrases';
import {
  attendingText,
  CATCHMENT_LABELS,
  datesText,
  DISCLOSURE_LABELS,
  disclosureMethodOf,
  FLAG_LABELS,
  METRIC_LABELS,
  phaseText,
  SMOOTHING_LABELS,
  suppressionText,
} from './changeSetting';
import { count, plural } from './format';
import { isEveryType, offenceRuleText, typeKey, VIOLENCE_TOKEN } from './offenceTypeWords';
import type { DialogueState } from './state';

export interface SummaryLine {
  readonly label: string;
  readonly value: string;
  /**
   * A few words for the task pane's one-line digest of the choices ('Ages 10–17', 'top 20'), on the
   * lines an analyst most needs at a glance, and on the others only while they differ from "all".
   */
  readonly brief?: string;
}

export function parameterSummary(state: DialogueState): SummaryLine[] {
  const { parameters, roleOverrides, columnOverrides } = state.settings;
  const { offenceTypes, roundingBase } = parameters;
  const lines: SummaryLine[] = [
    {
      label: 'Ages',
      value: `${parameters.ageBand[0]}–${parameters.ageBand[1]}`,
      brief: `Ages ${parameters.ageBand[0]}–${parameters.ageBand[1]}`,
    },
    {
      label: 'Offence types',
      value: offenceRuleText(offenceTypes),
      ...briefWhen(offenceTypes.length > 0, () => offenceTypesBrief(offenceTypes)),
    },
    {
      label: 'Dates',
      value: datesText(parameters),
      ...briefWhen(Boolean(parameters.dateFrom || parameters.dateTo), () => datesText(parameters)),
    },
    {
      label: 'Phases ranked',
      value: phaseText(parameters.phases),
      brief: parameters.phases.map((phase) => PHASE_LABELS[phase]).join(', '),
    },
    // Its brief is the small counts' (so the digest says 'counts perturbed' once).
    { label: 'Disclosure control', value: DISCLOSURE_LABELS[disclosureMethodOf(parameters)] },
    { label: 'Small counts', value: suppressionText(parameters), brief: withheldBrief(parameters) },
    {
      label: 'Rounding',
      value:
        roundingBase !== null
          ? `to the nearest ${roundingBase}`
          : disclosureMethodOf(parameters) === 'perturbation'
            ? 'none (perturbation replaces it)'
            : 'none',
      ...briefWhen(roundingBase !== null, () => `rounded to ${roundingBase}`),
    },
    ...('protectionInterval' in parameters && typeof parameters.protectionInterval === 'number'
      ? [
          {
            label: 'Protection',
            value: `no withheld count can be narrowed below a range of ${parameters.protectionInterval}`,
          },
        ]
      : []),
    { label: 'Confidence', value: `${Number((parameters.confidenceLevel * 100).toFixed(1))}%` },
    { label: 'Catchments', value: CATCHMENT_LABELS[parameters.catchmentModel] },
    { label: 'Ranked on', value: METRIC_LABELS[parameters.rankingMetric] },
    {
      label: 'Scored on',
      value: SMOOTHING_LABELS[parameters.smoothing ?? 'none'],
      ...briefWhen(parameters.smoothing === 'empiricalBayes', () => 'smoothed rates'),
    },
    {
      label: 'Wards flagged',
      value: FLAG_LABELS[parameters.flagMethod],
      ...briefWhen(parameters.flagMethod === 'poisson', () => 'Poisson flags'),
    },
    {
      label: 'Attending counts',
      value: attendingText(parameters.showAttending),
      ...briefWhen(parameters.showAttending === true, () => 'attending counts published'),
    },
    { label: 'Top group', value: `top ${count(parameters.topN)}`, brief: `top ${count(parameters.topN)}` },
    { label: 'Simulations', value: `${count(parameters.simulations)} (seed ${parameters.seed})` },
  ];
  for (const [role, sheet] of Object.entries(roleOverrides)) {
    if (sheet !== undefined)
      lines.push({
        label: `Sheet for ${ROLE_LABELS[role as keyof typeof ROLE_LABELS]}`,
        value: `'${sheet}' (your choice)`,
      });
  }
  for (const [key, header] of Object.entries(columnOverrides))
    lines.push({ label: `Column ${key}`, value: `'${header}' (your choice)` });
  if (state.latest) {
    const names = state.latest.sheetNames;
    lines.push({
      label: 'Latest run',
      value: `run ${state.latest.runNumber}${names?.get('Summary') ? `, sheets from '${names.get('Summary')}'` : ''}`,
    });
  }
  return lines;
}

/** A chosen offence type rule in a few words: 'every offence type', 'violence + 1 more', '2 offence types'. */
function offenceTypesBrief(offenceTypes: readonly string[]): string {
  if (isEveryType(offenceTypes)) return 'every offence type';
  const others = offenceTypes.filter((entry) => typeKey(entry) !== VIOLENCE_TOKEN).length;
  return others < offenceTypes.length
    ? `violence + ${plural(others, 'more type', 'more types')}`
    : plural(offenceTypes.length, 'offence type');
}

/**
 * The suppression rule in a few words: 'counts 1–4 withheld'; 'counts 0–4 withheld' when zeros are
 * withheld too; under perturbation, 'counts perturbed, none 1–4 shown'.
 */
function withheldBrief(parameters: AnalysisParameters): string {
  const { threshold, showZeros } = parameters;
  if (disclosureMethodOf(parameters) === 'perturbation')
    return threshold <= 1
      ? 'counts perturbed'
      : `counts perturbed, none ${threshold === 2 ? 'of 1' : `1–${threshold - 1}`} shown`;
  if (!showZeros) return threshold <= 1 ? 'zeros withheld' : `counts 0–${threshold - 1} withheld`;
  return threshold <= 1
    ? 'no counts withheld'
    : threshold === 2
      ? 'counts of 1 withheld'
      : `counts 1–${threshold - 1} withheld`;
}

/** A line's brief only while its choice narrows the default, so the digest names what was changed. */
function briefWhen(narrowed: boolean, brief: () => string): { brief?: string } {
  return narrowed ? { brief: brief() } : {};
}
