import type { AnalysisResult } from '../core/pipeline/analysisResult';
import { buildAuditSheet } from './auditSheet';
import { buildChartsSheet } from './chartsSheet';
import { buildMethodSheet } from './methodSheet';
import type { RunContext } from './runContext';
import { buildSchoolsSheet } from './schoolsSheet';
import type { SheetModel } from './sheetModel';
import { buildSummarySheet } from './summarySheet';
import { buildValidationSheet } from './validationSheet';
import { buildWardsSheet } from './wardsSheet';

/** The output sheets of one run, in the order a reader meets them. */
export const OUTPUT_SHEETS = ['Summary', 'Schools', 'Wards', 'Charts', 'Validation', 'Method', 'Audit'] as const;

export function buildReport(result: AnalysisResult, context: RunContext): SheetModel[] {
  return [
    buildSummarySheet(result),
    buildSchoolsSheet(result),
    buildWardsSheet(result),
    buildChartsSheet(result),
    buildValidationSheet(result),
    buildMethodSheet(result, context),
    buildAuditSheet(result, context),
  ];
}
