/** "what's in this workbook?": each sheet, the role it plays, and what is missing or unclear. */
import { describeMapping, ROLE_SPECS, SHEET_ROLES } from '../../core/schema';
import type { SheetRole } from '../../core/types';
import type { Command } from '../commands';
import { ROLE_LABELS } from '../parse/phrases';
import { plural, quoted } from './format';
import { columnUtterance } from './remedies';
import { sheetQuestion } from './sheetQuestion';
import type { DialogueState, Outcome, TurnEnvironment } from './state';
import { dataRowCount, detectWithSettings } from './workbookFacts';

const REQUIRED: readonly SheetRole[] = ['offences', 'schools', 'wards'];

export function describeWorkbook(command: Command, state: DialogueState, env: TurnEnvironment): Outcome {
  const { workbook } = env.engine;
  const detection = detectWithSettings(workbook, state.settings);
  const roleOfSheet = new Map<string, SheetRole>();
  for (const role of SHEET_ROLES) {
    const sheet = detection.assignments[role];
    if (sheet !== undefined) roleOfSheet.set(sheet, role);
  }
  const lines = [`This workbook has ${plural(workbook.sheets.length, 'sheet')}:`];
  for (const sheet of workbook.sheets) {
    const role = roleOfSheet.get(sheet.name);
    const mapping = role ? detection.mappings[role] : undefined;
    const rows = mapping ? dataRowCount(sheet, mapping.headerRow) : Math.max(0, sheet.rows.length - 1);
    const chosen = role && state.settings.roleOverrides[role] !== undefined ? ', as you chose' : '';
    lines.push(`• '${sheet.name}' (${plural(rows, 'row')}): ${role ? `${ROLE_LABELS[role]}${chosen}` : 'not used'}`);
  }
  for (const role of REQUIRED) {
    if (detection.assignments[role] === undefined)
      lines.push(
        `No sheet looks like ${ROLE_LABELS[role]} (needed): ${ROLE_SPECS[role].required.map((group) => group.label).join('; ')}.`,
      );
  }
  for (const role of ['pupilResidence', 'currentList'] as const) {
    if (detection.assignments[role] === undefined) {
      lines.push(
        role === 'pupilResidence'
          ? 'No pupil residence sheet: every catchment will be modelled by distance.'
          : 'No current list sheet: every top school will count as a new candidate.',
      );
    }
  }
  if (env.engine.boundaries) lines.push(`Ward boundaries: ${env.engine.boundaries.source}.`);
  else if (detection.assignments.wardVertices)
    lines.push(`Ward boundaries: the vertex sheet '${detection.assignments.wardVertices}'.`);
  else lines.push('No ward boundaries yet: pick a GeoJSON file of wards, or add a sheet of ward vertices.');
  // A missing column is said with what to say here, not the engine's role.field=Header form.
  const unsure = Object.values(detection.mappings)
    .flatMap((mapping) => (mapping ? describeMapping(mapping) : []))
    .filter((line) => /guess|problem:/.test(line) && !/NO COLUMN FOUND/.test(line));
  const missing = Object.values(detection.mappings).flatMap((mapping) =>
    mapping
      ? mapping.missingRequired.map((name) => {
          const group = ROLE_SPECS[mapping.role].required.find((candidate) => candidate.name === name);
          return `${quoted(mapping.sheet)} has no column for ${group?.label ?? name}: say e.g. "${columnUtterance(mapping.role, group?.alternatives[0]?.[0] ?? name)}".`;
        })
      : [],
  );
  if (unsure.length + missing.length > 0)
    lines.push('Columns to check:', ...[...missing, ...unsure].map((line) => `• ${line}`));
  for (const issue of detection.issues) lines.push(issue.message);

  const ambiguity = detection.ambiguous[0];
  if (ambiguity) {
    const question = sheetQuestion(ambiguity.role, ambiguity.sheets);
    return { text: `${lines.join('\n')}\n${question.text}`, choices: question.choices, question: true, command };
  }
  return {
    text: lines.join('\n'),
    command,
    choices: [
      { label: 'Run the analysis', utterance: 'run the analysis' },
      { label: 'Show the settings', utterance: 'show the settings' },
      { label: 'Suppress counts under 10', utterance: 'suppress counts under 10' },
    ],
  };
}
