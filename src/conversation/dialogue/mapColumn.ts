/** "the age column is 'Age at Offence'": a header named loosely, matched to the sheet's headers. */
import { fieldSpecOf, normaliseHeader, ROLE_SPECS, SHEET_ROLES } from '../../core/schema';
import type { SheetRole } from '../../core/types';
import type { Command } from '../commands';
import { matchNames } from '../match';
import { ROLE_LABELS } from '../parse/phrases';
import type { Choice } from '../types';
import { listing, quoted, quotedForUtterance } from './format';
import type { DialogueState, Outcome, Settings, TurnEnvironment } from './state';
import { detectWithSettings, headersOf } from './workbookFacts';

type MapColumn = Extract<Command, { kind: 'mapColumn' }>;

const mapChoice = (role: SheetRole, field: string, header: string, label = header): Choice => ({
  label,
  utterance: `map ${role}.${field} to ${quotedForUtterance(header)}`,
});

export function mapColumn(command: MapColumn, state: DialogueState, env: TurnEnvironment): Outcome {
  const { workbook } = env.engine;
  const detection = detectWithSettings(workbook, state.settings);
  const roles = command.role
    ? [command.role]
    : SHEET_ROLES.filter((role) => ROLE_SPECS[role].fields.some((spec) => spec.field === command.field));
  const found: { role: SheetRole; header: string }[] = [];
  const nearest: { role: SheetRole; header: string }[] = [];
  const unsure: { role: SheetRole; headers: readonly string[] }[] = [];
  for (const role of roles) {
    const mapping = detection.mappings[role];
    if (!mapping) continue;
    const headers = headersOf(workbook, mapping).map((name) => ({ name }));
    const match = matchNames(command.header, headers, { normalise: (text) => normaliseHeader(text) });
    if (match.kind === 'one') found.push({ role, header: match.item.name });
    else if (match.kind === 'several') unsure.push({ role, headers: match.items.map((item) => item.name) });
    else nearest.push(...match.nearest.map((item) => ({ role, header: item.name })));
  }
  if (found.length === 1) {
    const { role, header } = found[0];
    const sheet = detection.assignments[role] as string;
    const settings: Settings = {
      ...state.settings,
      columnOverrides: { ...state.settings.columnOverrides, [`${role}.${command.field}`]: header },
    };
    const label = fieldSpecOf(role, command.field)?.label ?? command.field;
    return {
      text: `${label[0].toUpperCase()}${label.slice(1)} (${role}.${command.field}) will be read from column ${quoted(header)} of sheet ${quoted(sheet)}.`,
      command: { kind: 'mapColumn', role, field: command.field, header },
      settings,
      choices: [
        { label: 'Run the analysis', utterance: 'run the analysis' },
        { label: "What's in this workbook?", utterance: "what's in this workbook?" },
        { label: 'Undo', utterance: 'undo' },
      ],
    };
  }
  if (found.length > 1) {
    return {
      text: `Column '${command.header}' is in more than one sheet: ${listing(found.map((f) => `${ROLE_LABELS[f.role]} (${quoted(detection.assignments[f.role] as string)})`))}. Which one do you mean?`,
      choices: found.map((f) => mapChoice(f.role, command.field, f.header, `${ROLE_LABELS[f.role]}: ${f.header}`)),
      question: true,
      command,
    };
  }
  if (unsure.length > 0) {
    const { role, headers } = unsure[0];
    return {
      text: `Several columns of ${quoted(detection.assignments[role] as string)} fit '${command.header}': ${listing(headers.map(quoted))}. Which one?`,
      choices: headers.map((header) => mapChoice(role, command.field, header)),
      question: true,
      command,
    };
  }
  const searched = roles
    .filter((role) => detection.mappings[role])
    .map((role) => quoted(detection.assignments[role] as string));
  if (searched.length === 0) {
    return {
      text: `No sheet is used for ${listing(roles.map((role) => ROLE_LABELS[role]))} yet, so there is no column to set. Say which sheet, e.g. "use 'Sheet name' for ${ROLE_LABELS[roles[0] ?? 'offences']}".`,
      choices: [{ label: "What's in this workbook?", utterance: "what's in this workbook?" }],
      command: null,
    };
  }
  return {
    text: `No column of ${listing(searched)} is called '${command.header}'.${nearest.length > 0 ? ' Did you mean one of these?' : ''}`,
    choices:
      nearest.length > 0
        ? nearest.slice(0, 4).map((n) => mapChoice(n.role, command.field, n.header))
        : [{ label: "What's in this workbook?", utterance: "what's in this workbook?" }],
    question: nearest.length > 0,
    command,
  };
}
