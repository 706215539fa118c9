import type { DisclosureRules } from '../../disclosure';
import type { LedgerScope } from '../../ledger';
import type { AnalysisParameters, OffenceRecord, PupilResidenceRecord, SchoolRecord } from '../../types';
import type { ColumnMapping } from '../../schema';
import { CELL_ID, type WardCounts } from '../publishedTables';
import { modelCatchments } from './modelCatchments';
import { countByWard, placeOffences, type Placement } from './placeOffences';
import { headerOf } from './problems';
import { countTables, type CountedTables } from './protectCounts';
import { scopeOffences } from './scopeOffences';
import type { StudyArea } from './studyArea';
import type { ValidatedSheet } from './validateInputs';

/** Each study ward's distinct offences and young offenders, with its name and district. */
export function wardCountsOf(
  area: StudyArea,
  byWard: ReadonlyMap<string, { readonly offences: number; readonly youngOffenders: number }>,
): WardCounts[] {
  return area.wards.map((record) => {
    const code = record.wardCode.toUpperCase();
    const boundary = area.boundaryByCode.get(code);
    const districtCode = record.districtCode ?? boundary?.districtCode ?? '';
    const districtName = record.districtName ?? boundary?.districtName ?? '';
    const counts = byWard.get(code);
    return {
      wardCode: code,
      wardName: record.wardName || boundary?.wardName || code,
      districtKey: districtCode || districtName,
      districtName: districtName || districtCode,
      offences: counts?.offences ?? 0,
      youngOffenders: counts?.youngOffenders ?? 0,
    };
  });
}

/**
 * The records behind each leaf of the published tables: a ward's offence references, the young
 * offenders whose latest home is in it, and the young offenders attending each school ranked.
 */
export function leafRecords(
  placement: Pick<Placement, 'offenceWard' | 'homeWard' | 'attendingBySchool'>,
  schools: readonly Pick<SchoolRecord, 'urn'>[],
): Map<string, string[]> {
  const records = new Map<string, string[]>();
  const add = (id: string, key: string): void => {
    const list = records.get(id);
    if (list) list.push(key);
    else records.set(id, [key]);
  };
  for (const [ref, ward] of placement.offenceWard) add(CELL_ID.ward('offences', ward), ref);
  for (const [person, ward] of placement.homeWard) if (ward !== null) add(CELL_ID.ward('youngOffenders', ward), person);
  for (const school of schools)
    for (const person of placement.attendingBySchool.get(school.urn) ?? []) add(CELL_ID.school(school.urn), person);
  return records;
}

/** What an earlier run needs to be counted again from today's records. */
export interface RecountInputs {
  readonly offences: readonly OffenceRecord[];
  readonly offencesMapping: ColumnMapping;
  readonly schoolSheet: ValidatedSheet<SchoolRecord>;
  readonly residence: ValidatedSheet<PupilResidenceRecord> | undefined;
  readonly area: StudyArea;
}

/** The whole-day window of a ledger scope's period, as dates of the offences sheet (UTC days). */
function dayStart(day: string): Date {
  return new Date(`${day}T00:00:00.000Z`);
}

/**
 * An earlier run's tables counted again from today's records under its scope (its period as a
 * date window, so records added since do not enter it). Null when the scope now selects nothing.
 * Schools ranked are chosen as that run chose them (its phases and catchment model).
 */
export function recountScope(
  inputs: RecountInputs,
  scope: LedgerScope,
  parameters: AnalysisParameters,
  rules: DisclosureRules,
): CountedTables | null {
  const earlier: AnalysisParameters = {
    ...parameters,
    ageBand: scope.ageBand,
    offenceTypes: scope.offenceTypes,
    dateFrom: dayStart(scope.from),
    dateTo: dayStart(scope.to),
    phases: scope.phases,
    catchmentModel: scope.catchmentModel,
    showAttending: scope.showAttending,
  };
  const mapping = inputs.offencesMapping;
  const scoped = scopeOffences(inputs.offences, earlier, {
    sheet: mapping.sheet,
    columns: {
      age: headerOf(mapping, 'age'),
      offenceType: headerOf(mapping, 'offenceType'),
      offenceDate: headerOf(mapping, 'offenceDate'),
    },
  });
  if (scoped.problem || scoped.inScope.length === 0) return null;
  const knownUrns = new Set(inputs.schoolSheet.rows.records.map((school) => school.urn));
  const placement = placeOffences(scoped.inScope, inputs.area, mapping, knownUrns, inputs.schoolSheet.mapping.sheet);
  // A run that did not publish young offenders attending each school had no table of them (and
  // needs no catchments to say which schools it ranked).
  let attendingSchools: readonly SchoolRecord[] = [];
  if (scope.showAttending) {
    const catchments = modelCatchments(inputs.schoolSheet, inputs.residence, inputs.area, earlier);
    if (!catchments.ok) return null;
    attendingSchools = catchments.schools;
  }
  const wardCounts = wardCountsOf(inputs.area, countByWard(placement));
  return countTables(
    wardCounts,
    attendingSchools,
    placement.attendingBySchool,
    leafRecords(placement, attendingSchools),
    placement.counts,
    rules,
    [...placement.homeWard.keys()],
  );
}
