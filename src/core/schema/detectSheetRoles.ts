import type { Issue, SheetData, SheetRole, WorkbookData } from '../types';
import { perRole, ROLE_SPECS, SHEET_ROLES } from './fieldSpecs';
import { mapColumns, type MapColumnsOptions } from './mapColumns';
import { headerText, normaliseHeader } from './normaliseHeader';
import type { ColumnMapping, RoleCandidate, RoleDetection, RoleOverrides } from './types';

export interface DetectSheetRolesOptions extends MapColumnsOptions {
  /** Sheets scoring at least this share of the best score for a role are reported as ambiguous. Default 0.9. */
  readonly ambiguityRatio?: number;
}

/**
 * Whether a sheet is a fair fit for a role, judged on its own: every requirement met (by two or
 * more fields, or by columns making up half the header), or half the requirements met by three or
 * more fields. A lone 'Name' column on a notes sheet is not a current list.
 */
function isFairFit(sheet: SheetData, mapping: ColumnMapping): boolean {
  const fieldCount =
    Object.keys(mapping.fields).length +
    ((mapping.ageColumns?.length ?? 0) + (mapping.ageBandColumns?.length ?? 0) > 0 ? 1 : 0);
  const groups = ROLE_SPECS[mapping.role].required.length;
  const satisfiedShare = (groups - mapping.missingRequired.length) / groups;
  const headerCells = sheet.rows[mapping.headerRow - (sheet.firstRow ?? 1)] ?? [];
  const filled = headerCells.filter((cell) => headerText(cell) !== '').length;
  const recognised =
    Object.keys(mapping.fields).length + (mapping.ageColumns?.length ?? 0) + (mapping.ageBandColumns?.length ?? 0);
  const coverage = filled === 0 ? 0 : recognised / filled;
  if (satisfiedShare === 1) return fieldCount >= 2 || coverage >= 0.5;
  return satisfiedShare >= 0.5 && fieldCount >= 3;
}

/** 1 when the sheet's name has a word suggesting the role (e.g. 'Crimes 2020' for offences), else 0. */
function nameHint(sheetName: string, role: SheetRole): number {
  const name = normaliseHeader(sheetName);
  return ROLE_SPECS[role].sheetNameHints.some((hint) => name.includes(normaliseHeader(hint))) ? 1 : 0;
}

function findSheet(workbook: WorkbookData, wanted: string): SheetData | undefined {
  const trimmed = wanted.trim();
  return (
    workbook.sheets.find((sheet) => sheet.name === wanted) ??
    workbook.sheets.find((sheet) => sheet.name.trim().toLowerCase() === trimmed.toLowerCase())
  );
}

/**
 * Decides which sheet plays which role.
 *
 * Every sheet is mapped against every role (`mapColumns`). A sheet is a candidate for a role when
 * the fit is fair on its own (see `isFairFit`) and its score for that role is at least half its best
 * score for any role (so a GIAS list, which also holds postcodes with coordinates, is not taken for a
 * postcode lookup). The analyst's sheet overrides are applied first; then (role, sheet) pairs are
 * taken greedily, best score first, each sheet playing one role. Sheets scoring within
 * `ambiguityRatio` of the best for a role are near-equal: among them a sheet whose name suggests the
 * role goes first (names break ties only), then the higher score, then workbook order; the first is
 * assigned and the group is listed in `ambiguous` for the dialogue to ask about.
 * Cost: O(sheets × roles × header rows searched × columns × synonyms).
 */
export function detectSheetRoles(
  workbook: WorkbookData,
  overrides: RoleOverrides = {},
  options: DetectSheetRolesOptions = {},
): RoleDetection {
  const { ambiguityRatio = 0.9 } = options;
  const sheets = workbook.sheets;
  const mappings = sheets.map((sheet) =>
    perRole((role) => mapColumns(sheet, role, overrides.columns?.[role] ?? {}, options)),
  );
  const bestScore = mappings.map((byRole) => Math.max(...SHEET_ROLES.map((role) => byRole[role].score)));
  const eligible = (sheetIndex: number, role: SheetRole): boolean => {
    const mapping = mappings[sheetIndex][role];
    return mapping.score > 0 && mapping.score >= bestScore[sheetIndex] / 2 && isFairFit(sheets[sheetIndex], mapping);
  };

  const candidates = perRole((role): RoleCandidate[] =>
    sheets
      .map((sheet, index) => ({ sheet: sheet.name, score: mappings[index][role].score, index }))
      .filter((entry) => eligible(entry.index, role))
      .sort((a, b) => b.score - a.score || nameHint(b.sheet, role) - nameHint(a.sheet, role) || a.index - b.index)
      .map(({ sheet, score }) => ({ sheet, score })),
  );

  const assignments: Partial<Record<SheetRole, string>> = {};
  const assignedMappings: Partial<Record<SheetRole, ColumnMapping>> = {};
  const usedSheets = new Set<number>();
  const issues: Issue[] = [];
  const ambiguous: { role: SheetRole; sheets: string[] }[] = [];

  for (const role of SHEET_ROLES) {
    const wanted = overrides.sheets?.[role];
    if (wanted === undefined) continue;
    const sheet = findSheet(workbook, wanted);
    if (!sheet) {
      const names = sheets.map((candidate) => `'${candidate.name}'`).join(', ') || '(none)';
      issues.push({
        sheet: wanted,
        row: 0,
        column: '',
        value: wanted,
        severity: 'error',
        code: 'sheetMissing',
        message: `There is no sheet called '${wanted}' for ${ROLE_SPECS[role].label}; the sheets are ${names}. The sheet is chosen automatically instead.`,
      });
      continue;
    }
    const index = sheets.indexOf(sheet);
    assignments[role] = sheet.name;
    assignedMappings[role] = mappings[index][role];
    usedSheets.add(index);
  }

  const pairs: { role: SheetRole; index: number; score: number }[] = [];
  for (const role of SHEET_ROLES) {
    if (assignments[role] !== undefined) continue;
    sheets.forEach((_, index) => {
      if (eligible(index, role)) pairs.push({ role, index, score: mappings[index][role].score });
    });
  }
  pairs.sort(
    (a, b) => b.score - a.score || SHEET_ROLES.indexOf(a.role) - SHEET_ROLES.indexOf(b.role) || a.index - b.index,
  );

  for (const pair of pairs) {
    if (assignments[pair.role] !== undefined || usedSheets.has(pair.index)) continue;
    const nearEqual = pairs
      .filter(
        (other) =>
          other.role === pair.role && !usedSheets.has(other.index) && other.score >= pair.score * ambiguityRatio,
      )
      .sort(
        (a, b) =>
          nameHint(sheets[b.index].name, pair.role) - nameHint(sheets[a.index].name, pair.role) ||
          b.score - a.score ||
          a.index - b.index,
      );
    const chosen = nearEqual[0];
    assignments[pair.role] = sheets[chosen.index].name;
    assignedMappings[pair.role] = mappings[chosen.index][pair.role];
    usedSheets.add(chosen.index);
    if (nearEqual.length > 1)
      ambiguous.push({ role: pair.role, sheets: nearEqual.map((entry) => sheets[entry.index].name) });
  }

  return { assignments, candidates, ambiguous, mappings: assignedMappings, issues };
}
