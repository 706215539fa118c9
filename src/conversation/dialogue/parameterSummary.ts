/** The current choices as label/value lines, for the task pane's always-visible summary and for 'show the settings'. */
import { ROLE_LABELS } from '../parse/phrases';
import { CATCHMENT_LABELS, datesText, METRIC_LABELS, phaseText, suppressionText } from './changeSetting';
import { count } from './format';
import type { DialogueState } from './state';

export interface SummaryLine {
  readonly label: string;
  readonly value: string;
}

export function parameterSummary(state: DialogueState): SummaryLine[] {
  const { parameters, roleOverrides, columnOverrides } = state.settings;
  const lines: SummaryLine[] = [
    { label: 'Ages', value: `${parameters.ageBand[0]}–${parameters.ageBand[1]}` },
    { label: 'Offence types', value: parameters.offenceTypes.length === 0 ? 'all types' : parameters.offenceTypes.join('; ') },
    { label: 'Dates', value: datesText(parameters) },
    { label: 'Phases ranked', value: phaseText(parameters.phases) },
    { label: 'Small counts', value: suppressionText(parameters) },
    { label: 'Rounding', value: parameters.roundingBase === null ? 'none' : `to the nearest ${parameters.roundingBase}` },
    ...('protectionInterval' in parameters && typeof parameters.protectionInterval === 'number'
      ? [{ label: 'Protection', value: `no withheld count can be narrowed below a range of ${parameters.protectionInterval}` }]
      : []),
    { label: 'Confidence', value: `${Number((parameters.confidenceLevel * 100).toFixed(1))}%` },
    { label: 'Catchments', value: CATCHMENT_LABELS[parameters.catchmentModel] },
    { label: 'Ranked on', value: METRIC_LABELS[parameters.rankingMetric] },
    { label: 'Top group', value: `top ${count(parameters.topN)}` },
    { label: 'Simulations', value: `${count(parameters.simulations)} (seed ${parameters.seed})` },
  ];
  for (const [role, sheet] of Object.entries(roleOverrides)) {
    if (sheet !== undefined) lines.push({ label: `Sheet for ${ROLE_LABELS[role as keyof typeof ROLE_LABELS]}`, value: `'${sheet}' (your choice)` });
  }
  for (const [key, header] of Object.entries(columnOverrides)) lines.push({ label: `Column ${key}`, value: `'${header}' (your choice)` });
  if (state.latest) {
    const names = state.latest.sheetNames;
    lines.push({ label: 'Latest run', value: `run ${state.latest.runNumber}${names?.get('Summary') ? `, sheets from '${names.get('Summary')}'` : ''}` });
  }
  return lines;
}
