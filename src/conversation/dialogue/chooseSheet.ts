/** "use 'Crimes 2020' for offences": the sheet named loosely, matched to the workbook's sheets. */
import type { SheetRole } from '../../core/types';
import type { Command } from '../commands';
import { matchNames } from '../match';
import { ROLE_LABELS } from '../parse/phrases';
import { ROLE_SPECS } from '../../core/schema';
import { listing, quoted, quotedForUtterance } from './format';
import { remedyAdvice } from './remedies';
import { sheetList } from './sheetQuestion';
import type { DialogueState, Outcome, Settings, TurnEnvironment } from './state';
import { detectWithSettings } from './workbookFacts';

type UseSheet = Extract<Command, { kind: 'useSheet' }>;

const choose = (sheet: string, role: SheetRole) => ({
  label: sheet,
  utterance: `use ${quotedForUtterance(sheet)} for ${ROLE_LABELS[role]}`,
});

export function chooseSheet(command: UseSheet, state: DialogueState, env: TurnEnvironment): Outcome {
  const sheets = env.engine.workbook.sheets.map((sheet) => ({ name: sheet.name }));
  let match = matchNames(command.sheet, sheets);
  if (match.kind === 'several') {
    // 'the 2019 tab' for the list: of the sheets that fit, the one that looks like a list.
    const candidates = new Set(
      detectWithSettings(env.engine.workbook, state.settings).candidates[command.role].map(
        (candidate) => candidate.sheet,
      ),
    );
    const fitting = match.items.filter((item) => candidates.has(item.name));
    if (fitting.length === 1) match = { kind: 'one', item: fitting[0] };
  }
  if (match.kind === 'several') {
    return {
      text: `Several sheets fit '${command.sheet}': ${sheetList(match.items.map((item) => item.name))}. Which one holds the ${ROLE_LABELS[command.role]}?`,
      choices: match.items.map((item) => choose(item.name, command.role)),
      question: true,
      command,
    };
  }
  if (match.kind === 'none') {
    // Offer the sheets that look like the role; failing that, the names nearest to what was typed.
    const fitting = detectWithSettings(env.engine.workbook, state.settings).candidates[command.role].map(
      (candidate) => ({ name: candidate.sheet }),
    );
    const offered = fitting.length > 0 ? fitting : match.nearest.length > 0 ? match.nearest : sheets;
    return {
      text: `There is no sheet called '${command.sheet}'. The sheets are ${sheetList(sheets.map((s) => s.name))}. Which one holds the ${ROLE_LABELS[command.role]}?`,
      choices: offered.map((item) => choose(item.name, command.role)),
      question: true,
      command,
    };
  }
  const sheet = match.item.name;
  // One sheet plays one role: a sheet chosen before for another role is released.
  const released = (Object.entries(state.settings.roleOverrides) as [SheetRole, string][])
    .filter(([role, name]) => role !== command.role && name === sheet)
    .map(([role]) => role);
  const roleOverrides = Object.fromEntries(
    (Object.entries({ ...state.settings.roleOverrides, [command.role]: sheet }) as [SheetRole, string][]).filter(
      ([role]) => !released.includes(role),
    ),
  ) as Settings['roleOverrides'];
  const settings: Settings = { ...state.settings, roleOverrides };
  const mapping = detectWithSettings(env.engine.workbook, settings).mappings[command.role];
  const lines = [`The ${ROLE_LABELS[command.role]} will be read from ${quoted(sheet)}.`];
  if (released.length > 0)
    lines.push(
      `(It was chosen for ${released.map((role) => ROLE_LABELS[role]).join(' and ')} before; that choice is dropped.)`,
    );
  if (mapping && mapping.missingRequired.length > 0) {
    const labels = mapping.missingRequired.map(
      (name) => ROLE_SPECS[command.role].required.find((group) => group.name === name)?.label ?? name,
    );
    lines.push(
      `But it has no column for ${listing(labels)}. ${remedyAdvice({ setting: 'column', role: command.role, field: mapping.missingRequired[0] }, { ...state, settings }, env).text}`,
    );
  }
  return {
    text: lines.join('\n'),
    command: { kind: 'useSheet', role: command.role, sheet },
    settings,
    choices: [
      { label: 'Run the analysis', utterance: 'run the analysis' },
      { label: "What's in this workbook?", utterance: "what's in this workbook?" },
      { label: 'Undo', utterance: 'undo' },
    ],
  };
}
