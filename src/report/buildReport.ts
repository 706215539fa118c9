import { LEDGER_SHEET } from '../core/ledger';
import type { AnalysisResult } from '../core/pipeline/analysisResult';
import { buildAuditSheet } from './auditSheet';
import { buildChartsSheet } from './chartsSheet';
import { buildLedgerSheet } from './ledgerSheet';
import { buildMethodSheet } from './methodSheet';
import type { RunContext } from './runContext';
import { buildSchoolsSheet } from './schoolsSheet';
import { buildSensitivitySheet } from './sensitivitySheet';
import type { SheetModel } from './sheetModel';
import { buildSummarySheet } from './summarySheet';
import { buildValidationSheet } from './validationSheet';
import { buildWardsSheet } from './wardsSheet';

/** The output sheets of one run, in the order a reader meets them. */
export const OUTPUT_SHEETS = [
  'Summary',
  'Schools',
  'Sensitivity',
  'Wards',
  'Charts',
  'Validation',
  'Method',
  'Audit',
] as const;

/** Every sheet a run writes: the reader's sheets, then the very hidden disclosure ledger. */
export const WRITTEN_SHEETS: readonly string[] = [...OUTPUT_SHEETS, LEDGER_SHEET];

export function buildReport(result: AnalysisResult, context: RunContext): SheetModel[] {
  return [
    buildSummarySheet(result),
    buildSchoolsSheet(result),
    buildSensitivitySheet(result),
    buildWardsSheet(result),
    buildChartsSheet(result),
    buildValidationSheet(result),
    buildMethodSheet(result, context),
    buildAuditSheet(result, context),
    buildLedgerSheet(result, context),
  ];
}
