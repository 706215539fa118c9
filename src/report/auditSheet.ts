import { titleWithPeriod } from './periodText';
import type { AnalysisResult } from '../core/pipeline/analysisResult';
import { empty, num, STYLE, text } from './cells';
import type { ModelCell, SheetModel } from './sheetModel';
import type { DialogueTurn, RunContext } from './runContext';

function parametersAsJson(result: AnalysisResult): string {
  return JSON.stringify(result.parameters, (_key, value) => value);
}

/** Headers of the Dialogue table: enough to replay the run (the commands) and to review it (the words). */
export const DIALOGUE_HEADERS = ['Turn', 'Time', 'Utterance', 'Command (JSON)', 'Reply'] as const;

/** One dialogue turn as a table row; every text is written as text (an utterance may start with '='); no command, no cell. */
function dialogueRow(turn: DialogueTurn): ModelCell[] {
  return [num(turn.turn), text(turn.at), text(turn.utterance), turn.command === null ? empty() : text(JSON.stringify(turn.command)), text(turn.reply, { wrap: true })];
}

/**
 * The Audit sheet: how the run was started, every step with its figures, inputs' fingerprints, and,
 * for a run started in the dialogue, every turn up to it with its command, so the run can be replayed.
 */
export function buildAuditSheet(result: AnalysisResult, context: RunContext): SheetModel {
  const cells: { row: number; col: number; cell: ModelCell }[] = [
    { row: 0, col: 0, cell: text(titleWithPeriod('Audit trail', result), STYLE.title) },
    { row: 1, col: 0, cell: text('Command', STYLE.label) },
    { row: 1, col: 1, cell: text(context.command) },
    { row: 2, col: 0, cell: text('Started', STYLE.label) },
    { row: 2, col: 1, cell: text(context.startedAt) },
    { row: 3, col: 0, cell: text('Finished', STYLE.label) },
    { row: 3, col: 1, cell: text(context.finishedAt ?? '') },
    { row: 4, col: 0, cell: text('Version', STYLE.label) },
    { row: 4, col: 1, cell: text(`${context.tool} ${context.version}`) },
    { row: 5, col: 0, cell: text('Parameters (JSON)', STYLE.label) },
    { row: 5, col: 1, cell: text(parametersAsJson(result)) },
  ];
  result.fingerprints.forEach((fingerprint, i) => {
    cells.push({ row: 6 + i, col: 0, cell: text(`Input: ${fingerprint.name}`, STYLE.label) });
    cells.push({ row: 6 + i, col: 1, cell: text(`SHA-256 ${fingerprint.sha256}, ${fingerprint.bytes} bytes`) });
  });
  const tableRow = 8 + result.fingerprints.length;
  const rows: ModelCell[][] = [
    ...result.mappingNotes.map((note) => ['Column mapping', note] as const),
    ...result.audit.map((step) => [step.step, step.detail] as const),
  ].map(([step, detail], i) => [num(i + 1), text(step), text(detail)]);
  const tables = [{ name: 'tblAudit', row: tableRow, col: 0, headers: ['Step', 'What', 'Detail'], rows }];
  if (context.dialogue && context.dialogue.length > 0) {
    // An empty table still shows one body row, so the Dialogue heading goes two rows below the last.
    const headingRow = tableRow + Math.max(rows.length, 1) + 2;
    cells.push({ row: headingRow, col: 0, cell: text('Dialogue: every turn up to this run; replaying the commands on the same inputs reproduces these sheets', STYLE.heading) });
    tables.push({ name: 'tblDialogue', row: headingRow + 1, col: 0, headers: [...DIALOGUE_HEADERS], rows: context.dialogue.map(dialogueRow) });
  }
  return {
    name: 'Audit',
    cells,
    tables,
    charts: [],
    images: [],
    columnWidths: context.dialogue && context.dialogue.length > 0 ? [22, 30, 110, 60, 90] : [22, 30, 110],
    print: { orientation: 'landscape', fitToWidth: false },
  };
}
