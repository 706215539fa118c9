import type { AnalysisResult } from '../core/pipeline/analysisResult';
import { LEDGER_SHEET, ledgerSheetColumn } from '../core/ledger';
import type { RunContext } from './runContext';
import type { SheetModel } from './sheetModel';

/**
 * The disclosure ledger as a very hidden sheet, so it goes wherever the workbook goes: column A
 * holds its JSON in pieces (see core/ledger). Without the add-in's full copy, the secret is left
 * out (context.ledgerCopy).
 */
export function buildLedgerSheet(result: AnalysisResult, context: RunContext): SheetModel {
  const column = ledgerSheetColumn(result.ledger, context.ledgerCopy === 'full');
  return {
    name: LEDGER_SHEET,
    cells: column.map((text, row) => ({ row, col: 0, cell: { kind: 'text', value: text } })),
    tables: [],
    charts: [],
    images: [],
    veryHidden: true,
  };
}
