import type { AnalysisParameters, Issue, OffenceRecord } from '../types';

export interface ScopeResult {
  readonly inScope: readonly OffenceRecord[];
  readonly issues: readonly Issue[];
}

function formatDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/**
 * Keeps the valid offences the analyst asked about: age at offence within the band (inclusive),
 * offence type among those counted as violence, date within the window. Each row left out gets an
 * info-level Issue naming why, so the Method sheet can reconcile rows in and out.
 */
export function scopeOffences(
  offences: readonly OffenceRecord[],
  parameters: AnalysisParameters,
  context: { readonly sheet: string; readonly columns: { readonly age: string; readonly offenceType: string; readonly offenceDate: string } },
): ScopeResult {
  const [youngest, oldest] = parameters.ageBand;
  const wantedTypes = new Set(parameters.offenceTypes.map((type) => type.trim().toLowerCase()));
  const inScope: OffenceRecord[] = [];
  const issues: Issue[] = [];
  const exclude = (offence: OffenceRecord, column: string, value: string, code: Issue['code'], message: string): void => {
    issues.push({ sheet: context.sheet, row: offence.sourceRow, column, value, severity: 'info', code, message });
  };
  for (const offence of offences) {
    if (offence.age < youngest || offence.age > oldest) {
      exclude(offence, context.columns.age, String(offence.age), 'ageOutsideBand',
        `Sheet '${context.sheet}', row ${offence.sourceRow}, column '${context.columns.age}': age ${offence.age} is outside the band ${youngest}–${oldest}; the row is not counted.`);
    } else if (wantedTypes.size > 0 && !wantedTypes.has(offence.offenceType.trim().toLowerCase())) {
      exclude(offence, context.columns.offenceType, offence.offenceType, 'offenceTypeOutOfScope',
        `Sheet '${context.sheet}', row ${offence.sourceRow}, column '${context.columns.offenceType}': '${offence.offenceType}' is not among the offence types counted; the row is not counted.`);
    } else if ((parameters.dateFrom && offence.offenceDate < parameters.dateFrom) || (parameters.dateTo && offence.offenceDate > parameters.dateTo)) {
      const window = `${parameters.dateFrom ? formatDay(parameters.dateFrom) : 'any'} to ${parameters.dateTo ? formatDay(parameters.dateTo) : 'any'}`;
      exclude(offence, context.columns.offenceDate, formatDay(offence.offenceDate), 'dateOutsideWindow',
        `Sheet '${context.sheet}', row ${offence.sourceRow}, column '${context.columns.offenceDate}': ${formatDay(offence.offenceDate)} is outside the window ${window}; the row is not counted.`);
    } else {
      inScope.push(offence);
    }
  }
  return { inScope, issues };
}
