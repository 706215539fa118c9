import type { AnalysisResult } from '../core/pipeline/analysisResult';
import { num, STYLE, text } from './cells';
import type { ModelCell, SheetModel } from './sheetModel';
import type { RunContext } from './runContext';

function parametersAsJson(result: AnalysisResult): string {
  return JSON.stringify(result.parameters, (_key, value) => value);
}

/** The Audit sheet: how the run was started, every step with its figures, inputs' fingerprints. */
export function buildAuditSheet(result: AnalysisResult, context: RunContext): SheetModel {
  const cells: { row: number; col: number; cell: ModelCell }[] = [
    { row: 0, col: 0, cell: text('Audit trail', STYLE.title) },
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
  return {
    name: 'Audit',
    cells,
    tables: [{ name: 'tblAudit', row: tableRow, col: 0, headers: ['Step', 'What', 'Detail'], rows }],
    charts: [],
    images: [],
    columnWidths: [22, 30, 110],
  };
}
