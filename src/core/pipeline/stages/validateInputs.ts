import type { ColumnMapping, RoleDetection } from '../../schema';
import type {
  AnalysisParameters,
  CurrentListRecord,
  Issue,
  OffenceRecord,
  PupilResidenceRecord,
  SchoolRecord,
  SheetData,
  WardRecord,
  WorkbookData,
} from '../../types';
import {
  validateCurrentList,
  validateOffences,
  validatePostcodes,
  validatePupilResidence,
  validateSchools,
  validateWards,
  type ValidationResult,
} from '../../validate';
import { sheetByName } from './problems';

/** One input sheet after row validation, with the mapping it was read through. */
export interface ValidatedSheet<T> {
  readonly mapping: ColumnMapping;
  readonly rows: ValidationResult<T>;
}

export interface ValidatedInputs {
  readonly offences: ValidatedSheet<OffenceRecord>;
  readonly schools: ValidatedSheet<SchoolRecord>;
  readonly wards: ValidatedSheet<WardRecord>;
  readonly residence?: ValidatedSheet<PupilResidenceRecord>;
  readonly list?: ValidatedSheet<CurrentListRecord>;
  /** Every row-level issue of every sheet, postcode lookup included. */
  readonly issues: readonly Issue[];
}

export type ValidateOutcome =
  ({ readonly ok: true } & ValidatedInputs) | { readonly ok: false; readonly problems: readonly Issue[] };

/**
 * Validates every row of every input sheet. Stops when a sheet as a whole cannot be used: the wards
 * sheet with no population for the age band is the cause to name, not the empty study area it
 * would otherwise lead to.
 */
export function validateInputs(
  workbook: WorkbookData,
  detection: RoleDetection,
  parameters: AnalysisParameters,
  today: Date,
): ValidateOutcome {
  const issues: Issue[] = [];
  const sheetOf = (mapping: ColumnMapping): SheetData =>
    sheetByName(workbook, mapping.sheet) ?? { name: mapping.sheet, rows: [] };
  const add = (more: readonly Issue[]): void => {
    for (const issue of more) issues.push(issue);
  };
  const { mappings } = detection;
  const postcodes = mappings.postcodes ? validatePostcodes(sheetOf(mappings.postcodes), mappings.postcodes) : undefined;
  if (postcodes) add(postcodes.issues);
  const context = { postcodes: postcodes?.lookup, today };
  const sheet = <T>(
    mapping: ColumnMapping | undefined,
    validate: (data: SheetData, mapping: ColumnMapping) => ValidationResult<T>,
  ): ValidatedSheet<T> | undefined => {
    if (!mapping) return undefined;
    const rows = validate(sheetOf(mapping), mapping);
    add(rows.issues);
    return { mapping, rows };
  };
  const wards = sheet(mappings.wards, (data, mapping) => validateWards(data, mapping, parameters.ageBand));
  const schools = sheet(mappings.schools, (data, mapping) => validateSchools(data, mapping, context));
  const offences = sheet(mappings.offences, (data, mapping) => validateOffences(data, mapping, context));
  const residence = sheet(mappings.pupilResidence, validatePupilResidence);
  const list = sheet(mappings.currentList, validateCurrentList);
  if (!wards || !schools || !offences) return { ok: false, problems: [] };

  const wholeSheet = wards.rows.issues.filter(
    (issue) => issue.severity === 'error' && issue.code === 'columnMissing' && issue.row === wards.mapping.headerRow,
  );
  if (wholeSheet.length > 0) return { ok: false, problems: wholeSheet };
  return { ok: true, offences, schools, wards, residence, list, issues };
}
