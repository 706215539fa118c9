/**
 * The offence types of the offences sheet the session would read, with their rows, for the
 * settings form's list. The sheet and its type column are the engine's own detection under the
 * analyst's choices, which the session shows in its summary ("Sheet for offences: 'X' (your
 * choice)", "Column offences.offenceType: 'H' (your choice)"); a summary worded otherwise only
 * means the detection runs without them. The form offers the list; the session still resolves
 * what is chosen against the sheet, as it does for typed types.
 */
import { distinctValues, ROLE_LABELS, type SummaryLine } from '../../conversation';
import { detectSheetRoles } from '../../core/schema';
import type { WorkbookData } from '../../core/types';
import type { OffenceTypeCount } from '../protocol';

const CHOSEN = /^'(.*)' \(your choice\)$/;

/** The analyst's sheet and column choices for offences, read from the session's summary. */
export function offenceChoices(summary: readonly SummaryLine[]): { sheet?: string; typeColumn?: string } {
  const chosen = (label: string): string | undefined => {
    const line = summary.find((entry) => entry.label === label);
    return line ? CHOSEN.exec(line.value)?.[1] : undefined;
  };
  return { sheet: chosen(`Sheet for ${ROLE_LABELS.offences}`), typeColumn: chosen('Column offences.offenceType') };
}

/** The types, most rows first; null when no sheet looks like offences or it has no type column. */
export function sheetOffenceTypes(workbook: WorkbookData, summary: readonly SummaryLine[]): OffenceTypeCount[] | null {
  const { sheet, typeColumn } = offenceChoices(summary);
  const detection = detectSheetRoles(workbook, {
    sheets: sheet === undefined ? {} : { offences: sheet },
    columns: typeColumn === undefined ? {} : { offences: { offenceType: typeColumn } },
  });
  const mapping = detection.mappings.offences;
  if (!mapping || mapping.fields.offenceType === undefined) return null;
  return distinctValues(workbook, mapping, 'offenceType').map(({ value, rows }) => ({ type: value, rows }));
}

/** sheetOffenceTypes, computed again only when the workbook or the offences choices changed. */
export function createOffenceTypeLister(): (
  workbook: WorkbookData,
  summary: readonly SummaryLine[],
) => OffenceTypeCount[] | null {
  let cached: { workbook: WorkbookData; key: string; types: OffenceTypeCount[] | null } | null = null;
  return (workbook, summary) => {
    const key = JSON.stringify(offenceChoices(summary));
    if (cached && cached.workbook === workbook && cached.key === key) return cached.types;
    const types = workbook.sheets.length === 0 ? null : sheetOffenceTypes(workbook, summary);
    cached = { workbook, key, types };
    return types;
  };
}
