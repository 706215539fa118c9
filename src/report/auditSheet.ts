import { titleWithPeriod } from './periodText';
import type { AnalysisResult } from '../core/pipeline/analysisResult';
import { empty, num, STYLE, text } from './cells';
import { ROW_POINTS, wrappedLineCount } from './printLayout';
import type { ModelCell, SheetModel } from './sheetModel';
import type { DialogueTurn, RunContext } from './runContext';

function parametersAsJson(result: AnalysisResult): string {
  return JSON.stringify(result.parameters, (_key, value: unknown) => value);
}

/** Headers of the Dialogue table: enough to replay the run (the commands) and to review it (the words). */
export const DIALOGUE_HEADERS = ['Turn', 'Time', 'Utterance', 'Command (JSON)', 'Reply'] as const;

/** One dialogue turn as a table row; every text is written as text (an utterance may start with '='); no command, no cell. */
function dialogueRow(turn: DialogueTurn): ModelCell[] {
  return [
    num(turn.turn),
    text(turn.at, WRAP),
    text(turn.utterance, WRAP),
    turn.command === null ? empty() : text(JSON.stringify(turn.command), WRAP),
    text(turn.reply, WRAP),
  ];
}

const WRAP = { wrap: true } as const;

/** Widths without and with the dialogue table: the long texts wrap within them, so the sheet prints one page wide. */
const WIDTHS = { plain: [24, 28, 64], withDialogue: [24, 20, 60, 45, 50] } as const;

/** A row's height for its wrapped texts (JSON breaks at commas as well as spaces), at least one line. */
function wrappedRowPoints(
  cells: readonly ModelCell[],
  firstCol: number,
  widths: readonly number[],
  spanWidth?: number,
): number {
  const lines = cells.map((cell, offset) => {
    if (cell.kind !== 'text' || !cell.style?.wrap) return 1;
    // Counted as bold, a little wide, since viewers also break long unspaced runs (JSON) where they like.
    return wrappedLineCount(cell.value.replace(/,/g, ', '), spanWidth ?? widths[firstCol + offset] ?? 9, true);
  });
  return ROW_POINTS * Math.max(1, ...lines);
}

/**
 * The Audit sheet: how the run was started, every step with its figures, inputs' fingerprints, and,
 * for a run started in the dialogue, every turn up to it with its command, so the run can be replayed.
 */
export function buildAuditSheet(result: AnalysisResult, context: RunContext): SheetModel {
  const hasDialogue = Boolean(context.dialogue && context.dialogue.length > 0);
  const widths: readonly number[] = hasDialogue ? WIDTHS.withDialogue : WIDTHS.plain;
  // Each statement sits in B, merged to the sheet's last column and wrapped there.
  const spanWidth = widths.slice(1).reduce((sum, width) => sum + width, 0);
  const statements: [string, string][] = [
    ['Command', context.command],
    ['Started', context.startedAt],
    ['Finished', context.finishedAt ?? ''],
    ['Version', `${context.tool} ${context.version}`],
    ['Parameters (JSON)', parametersAsJson(result)],
    ...result.fingerprints.map((fingerprint): [string, string] => [
      `Input: ${fingerprint.name}`,
      `SHA-256 ${fingerprint.sha256}, ${fingerprint.bytes} bytes`,
    ]),
  ];
  const cells: { row: number; col: number; cell: ModelCell }[] = [
    { row: 0, col: 0, cell: text(titleWithPeriod('Audit trail', result), STYLE.title) },
  ];
  const rowHeights: { row: number; points: number }[] = [];
  statements.forEach(([label, statement], i) => {
    const value = text(statement, WRAP);
    const labelCell = text(label, { ...STYLE.label, ...WRAP });
    cells.push({ row: 1 + i, col: 0, cell: labelCell }, { row: 1 + i, col: 1, cell: value });
    rowHeights.push({
      row: 1 + i,
      points: Math.max(wrappedRowPoints([labelCell], 0, widths), wrappedRowPoints([value], 1, widths, spanWidth)),
    });
  });
  const merges = statements.map((_statement, i) => ({ row: 1 + i, col: 1, lastCol: widths.length - 1 }));
  const tableRow = 8 + result.fingerprints.length;
  const rows: ModelCell[][] = [
    ...result.mappingNotes.map((note) => ['Column mapping', note] as const),
    ...result.audit.map((step) => [step.step, step.detail] as const),
  ].map(([step, detail], i) => [num(i + 1), text(step, WRAP), text(detail, WRAP)]);
  rows.forEach((row, i) => rowHeights.push({ row: tableRow + 1 + i, points: wrappedRowPoints(row, 0, widths) }));
  const tables = [{ name: 'tblAudit', row: tableRow, col: 0, headers: ['Step', 'What', 'Detail'], rows }];
  if (context.dialogue && context.dialogue.length > 0) {
    // An empty table still shows one body row, so the Dialogue heading goes two rows below the last.
    const headingRow = tableRow + Math.max(rows.length, 1) + 2;
    cells.push({
      row: headingRow,
      col: 0,
      cell: text(
        'Dialogue: every turn up to this run; replaying the commands on the same inputs reproduces these sheets',
        STYLE.heading,
      ),
    });
    const dialogueRows = context.dialogue.map(dialogueRow);
    tables.push({
      name: 'tblDialogue',
      row: headingRow + 1,
      col: 0,
      headers: [...DIALOGUE_HEADERS],
      rows: dialogueRows,
    });
    dialogueRows.forEach((row, i) =>
      rowHeights.push({ row: headingRow + 2 + i, points: wrappedRowPoints(row, 0, widths) }),
    );
  }
  return {
    name: 'Audit',
    cells,
    tables,
    charts: [],
    images: [],
    columnWidths: [...widths],
    merges,
    rowHeights,
    print: { orientation: hasDialogue ? 'landscape' : 'portrait', fitToWidth: true },
  };
}
