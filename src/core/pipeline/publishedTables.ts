import { hierarchicalTable, mergeLinkedTables, type LinkedTables } from '../disclosure';
import type { SchoolPhase } from '../types';
import { PHASE_LABELS } from './phaseLabels';

/** The two ward counts the report publishes. */
export type WardMeasure = 'offences' | 'youngOffenders';

const MEASURE_LABEL: Record<WardMeasure, string> = { offences: 'Offences', youngOffenders: 'Young offenders resident' };

/** Cell ids of every count the report publishes; each sheet looks a count up by its id. */
export const CELL_ID = {
  ward: (measure: WardMeasure, wardCode: string): string => `${measure}:ward:${wardCode}`,
  district: (measure: WardMeasure, districtKey: string): string => `${measure}:district:${districtKey}`,
  area: (measure: WardMeasure): string => `${measure}:area`,
  school: (urn: string): string => `attending:school:${urn}`,
  phase: (phase: SchoolPhase): string => `attending:phase:${phase}`,
  allSchools: 'attending:all',
} as const;

export interface WardCounts {
  readonly wardCode: string;
  readonly wardName: string;
  /** The district the ward adds up into (code, or name when there is no code). */
  readonly districtKey: string;
  readonly districtName: string;
  readonly offences: number;
  readonly youngOffenders: number;
}

export interface SchoolCounts {
  readonly urn: string;
  readonly name: string;
  readonly phase: SchoolPhase;
  /** Distinct young offenders recorded as attending. */
  readonly attending: number;
}

/** Districts with at least two of them; fewer add no subtotal an outsider could use (one district is the area). */
export function districtsOf(wards: readonly WardCounts[]): Map<string, string> {
  const districts = new Map<string, string>();
  for (const ward of wards)
    if (!districts.has(ward.districtKey)) districts.set(ward.districtKey, ward.districtName || '(no district)');
  return districts.size >= 2 ? districts : new Map<string, string>();
}

/** Phases of the schools ranked, with at least two of them (one phase's total is the total). */
export function phasesOf(schools: readonly { readonly phase: SchoolPhase }[]): SchoolPhase[] {
  const phases = [...new Set(schools.map((school) => school.phase))];
  return phases.length >= 2 ? phases : [];
}

/**
 * Every table of counts the report publishes, with its additive structure, for the disclosure
 * module:
 * - for each ward measure (offences by offence ward; distinct young offenders by home ward):
 *   wards -> district subtotals -> area total (the Wards sheet's ward and district tables and its
 *   area block; the Summary and Method sheets repeat the area totals);
 * - young offenders attending each ranked school -> phase totals -> the total over the schools
 *   ranked (the Schools sheet's column and its phase table), only when schools are given (the run
 *   publishes attending counts only with AnalysisParameters.showAttending). A young offender recorded at two
 *   schools counts at each, so the totals are sums over schools, as published.
 */
export function publishedTables(wards: readonly WardCounts[], schools: readonly SchoolCounts[]): LinkedTables {
  const districts = districtsOf(wards);
  const wardTable = (measure: WardMeasure): LinkedTables =>
    hierarchicalTable({
      leaves: wards.map((ward) => ({
        id: CELL_ID.ward(measure, ward.wardCode),
        label: `${MEASURE_LABEL[measure]} in ward ${ward.wardName} (${ward.wardCode})`,
        value: ward[measure],
        group: ward.districtKey,
      })),
      groups:
        districts.size > 0
          ? new Map(
              [...districts].map(([key, name]) => [
                key,
                { id: CELL_ID.district(measure, key), label: `${MEASURE_LABEL[measure]} in district ${name}` },
              ]),
            )
          : undefined,
      total: { id: CELL_ID.area(measure), label: `${MEASURE_LABEL[measure]} in the area` },
    });
  const phases = phasesOf(schools);
  const schoolTable = hierarchicalTable({
    leaves: schools.map((school) => ({
      id: CELL_ID.school(school.urn),
      label: `Young offenders attending ${school.name} (URN ${school.urn})`,
      value: school.attending,
      group: school.phase,
    })),
    groups:
      phases.length > 0
        ? new Map(
            phases.map((phase) => [
              phase,
              { id: CELL_ID.phase(phase), label: `Young offenders attending ${PHASE_LABELS[phase]} schools` },
            ]),
          )
        : undefined,
    total: { id: CELL_ID.allSchools, label: 'Young offenders attending the schools ranked' },
  });
  // No school given (attending counts not published, the default): no school table at all, not a total of 0.
  return schools.length > 0
    ? mergeLinkedTables(wardTable('offences'), wardTable('youngOffenders'), schoolTable)
    : mergeLinkedTables(wardTable('offences'), wardTable('youngOffenders'));
}
