/** "what offence types are in the data?": each type of the offences sheet, its rows, and whether it is counted. */
import { offenceTypeRule } from '../../core/pipeline/stages/scopeOffences';
import type { Command } from '../commands';
import { plural, quoted } from './format';
import { includeUtterance, isUnrecognised, offenceRuleText } from './offenceTypeWords';
import type { DialogueState, Outcome, TurnEnvironment } from './state';
import { detectWithSettings, distinctValues } from './workbookFacts';

type ListOffenceTypes = Extract<Command, { kind: 'listOffenceTypes' }>;

export function listOffenceTypes(command: ListOffenceTypes, state: DialogueState, env: TurnEnvironment): Outcome {
  const mapping = detectWithSettings(env.engine.workbook, state.settings).mappings.offences;
  if (!mapping || mapping.fields.offenceType === undefined) {
    return {
      text: mapping
        ? `${quoted(mapping.sheet)} has no column of offence types I can find; say e.g. "the offence type column is 'Header text'".`
        : 'No sheet looks like the offences yet, so there are no offence types to list.',
      command,
      choices: [{ label: "What's in this workbook?", utterance: "what's in this workbook?" }],
    };
  }
  const types = distinctValues(env.engine.workbook, mapping, 'offenceType');
  const rule = state.settings.parameters.offenceTypes;
  const counts = offenceTypeRule({ offenceTypes: rule });
  const counted = types.filter((type) => counts(type.value));
  const lines = [
    `${quoted(mapping.sheet)} holds ${plural(types.length, 'offence type')} (rows in the sheet; counted under the current choice: ${offenceRuleText(rule)}):`,
  ];
  for (const type of types) {
    lines.push(
      `• ${type.value}: ${plural(type.rows, 'row')}, ${counts(type.value) ? 'counted' : 'not counted'}${isUnrecognised(type.value) ? ' (not a type I recognise)' : ''}`,
    );
  }
  lines.push(
    `${counted.length} of ${types.length} ${types.length === 1 ? 'is' : 'are'} counted. Rows are as written in the sheet, before checks of age, date and place.`,
  );
  const first = types.find((type) => !counts(type.value));
  return {
    text: lines.join('\n'),
    command,
    choices: [
      ...(first ? [{ label: `Include ${first.value}`, utterance: includeUtterance([first.value]) }] : []),
      { label: 'Count every offence type', utterance: 'all offence types' },
      { label: 'Only violence (the default)', utterance: 'only violence' },
    ],
  };
}
