import { disclosureRules, mergeLinkedTables, pooledWithheldCounts, protectTables, publishedValue, standaloneCount, type DisclosureRules, type LinearSolver, type PublishedCount } from '../disclosure';
import { boundariesFromGeoJson, boundariesFromVertices, buildWardIndex, locateWard, representativePoint } from '../geo';
import { wardRates } from '../rates';
import { catchmentShares, DEFAULT_DECAY_METRES } from '../catchment';
import { compareWithList, deciles, exposureScores, rankWithUncertainty } from '../ranking';
import { describeMapping, detectSheetRoles, type ColumnMapping } from '../schema';
import {
  isExcludingIssue,
  validateCurrentList,
  validateOffences,
  validatePostcodes,
  validatePupilResidence,
  validateSchools,
  validateWardVertices,
  validateWards,
} from '../validate';
import type {
  AnalysisParameters,
  GridPoint,
  Issue,
  IssueCode,
  OffenceRecord,
  SheetData,
  SheetRole,
  WardBoundary,
  WorkbookData,
} from '../types';
import type {
  AnalysisResult,
  AreaTotals,
  AuditStep,
  DistrictResult,
  InputColumns,
  PhaseTotal,
  InputFingerprint,
  PlacementCounts,
  RateEstimate,
  Reconciliation,
  SchoolResult,
  WardResult,
} from './analysisResult';
import { describeAudit, describeProtection, disclosureSummary } from './describeDisclosure';
import { placementBounds } from './placementBounds';
import { CELL_ID, districtsOf, phasesOf, publishedTables, type WardCounts } from './publishedTables';
import { rateEstimate } from './rateEstimate';
import { resolveLocation, type LocationOutcome } from './resolveLocation';
import { scoringRates } from './scoringRates';
import { scopeOffences } from './scopeOffences';

export interface AnalysisInputs {
  readonly workbook: WorkbookData;
  /** Boundaries from a GeoJSON file; when absent, a ward vertex sheet in the workbook is used. */
  readonly boundaries?: { readonly geojson: unknown; readonly source: string };
  /** Sheet chosen for a role by the analyst, overriding detection. */
  readonly roleOverrides?: Partial<Record<SheetRole, string>>;
  /** Column chosen for a field, as 'role.field' -> header text. */
  readonly columnOverrides?: Readonly<Record<string, string>>;
  readonly provenance?: { readonly synthetic: boolean; readonly description?: string; readonly attribution?: readonly string[] };
  readonly fingerprints?: readonly InputFingerprint[];
  /**
   * Linear programme solver for the disclosure audit, loaded once by the host (loadHighsSolver).
   * Required whenever a count must be withheld: without it the run stops rather than publish
   * unaudited tables.
   */
  readonly solver?: LinearSolver;
}

export type ProgressReporter = (step: string) => void;

/** Either a complete result, or the problems that make the input unusable (each names sheet, row, column). */
export type AnalysisOutcome =
  | { readonly ok: true; readonly result: AnalysisResult }
  | { readonly ok: false; readonly problems: readonly Issue[]; readonly mappingNotes: readonly string[] };

const REQUIRED_ROLES: readonly SheetRole[] = ['offences', 'schools', 'wards'];

function blocking(sheet: string, row: number, column: string, code: IssueCode, message: string): Issue {
  return { sheet, row, column, value: '', severity: 'error', code, message };
}

function sheetByName(workbook: WorkbookData, name: string | undefined): SheetData | undefined {
  return name === undefined ? undefined : workbook.sheets.find((sheet) => sheet.name === name);
}

function headerOf(mapping: ColumnMapping, field: string): string {
  const entry = (mapping.fields as Record<string, { header: string } | undefined>)[field];
  return entry?.header ?? field;
}

/**
 * The whole analysis, deterministic for a seed: detect sheets, validate every row, resolve
 * locations to wards, count by ward, protect every published table of counts (primary and
 * secondary suppression, rounding, and the attacker's audit, which must pass), rate wards and
 * districts on the published counts, model catchments, score and rank schools with uncertainty on
 * the published basis, and compare with the current list.
 */
export function runAnalysis(inputs: AnalysisInputs, parameters: AnalysisParameters, progress: ProgressReporter = () => undefined): AnalysisOutcome {
  const audit: AuditStep[] = [];
  const issues: Issue[] = [];
  const reconciliation: Reconciliation[] = [];

  // 1. Which sheet plays which role, and which column holds which field.
  progress('Detecting input sheets and columns');
  const columns: Partial<Record<SheetRole, Record<string, string>>> = {};
  for (const [key, header] of Object.entries(inputs.columnOverrides ?? {})) {
    const [role, field] = key.split('.') as [SheetRole, string];
    columns[role] = { ...(columns[role] ?? {}), [field]: header };
  }
  const detection = detectSheetRoles(inputs.workbook, { sheets: inputs.roleOverrides, columns });
  const mappingNotes: string[] = [];
  for (const [role, mapping] of Object.entries(detection.mappings) as [SheetRole, ColumnMapping][]) {
    mappingNotes.push(...describeMapping(mapping));
    void role;
  }
  for (const ambiguity of detection.ambiguous) {
    mappingNotes.push(`Note: ${ambiguity.sheets.length} sheets look like ${ambiguity.role} (${ambiguity.sheets.map((s) => `'${s}'`).join(', ')}); used '${detection.assignments[ambiguity.role]}'. Choose another with --sheet ${ambiguity.role}="NAME".`);
  }
  const problems: Issue[] = detection.issues.filter((issue) => issue.severity === 'error');
  for (const mapping of Object.values(detection.mappings)) problems.push(...(mapping?.issues ?? []).filter((issue) => issue.severity === 'error'));
  for (const role of REQUIRED_ROLES) {
    const mapping = detection.mappings[role];
    if (!mapping) {
      problems.push(blocking('(workbook)', 0, role, 'sheetMissing', `No sheet looks like ${role}: none has the columns a ${role} sheet needs. Sheets found: ${inputs.workbook.sheets.map((s) => `'${s.name}'`).join(', ')}.`));
    } else {
      for (const field of mapping.missingRequired) {
        const headers = (sheetByName(inputs.workbook, mapping.sheet)?.rows[mapping.headerRow - (sheetByName(inputs.workbook, mapping.sheet)?.firstRow ?? 1)] ?? [])
          .filter((cell) => cell !== null && String(cell).trim() !== '').map((cell) => `'${String(cell)}'`);
        problems.push(blocking(mapping.sheet, mapping.headerRow, field, 'columnMissing', `Sheet '${mapping.sheet}', row ${mapping.headerRow} (headers), column for ${role}.${field}: none of the headers is recognised as ${field} (headers: ${headers.join(', ')}). Name it with --map ${role}.${field}="Header text".`));
      }
    }
  }
  if (problems.length > 0) return { ok: false, problems, mappingNotes };
  const offenceMapping = detection.mappings.offences!;
  const schoolMapping = detection.mappings.schools!;
  const wardMapping = detection.mappings.wards!;
  audit.push({ step: 'Detect sheets', detail: Object.entries(detection.assignments).map(([role, sheet]) => `${role}='${sheet}'`).join('; ') });

  // 2. Validate every row of every input sheet.
  progress('Validating rows');
  const sheetOf = (mapping: ColumnMapping): SheetData => sheetByName(inputs.workbook, mapping.sheet)!;
  const postcodeMapping = detection.mappings.postcodes;
  const postcodes = postcodeMapping ? validatePostcodes(sheetOf(postcodeMapping), postcodeMapping) : undefined;
  if (postcodes) issues.push(...postcodes.issues);

  const wardRows = validateWards(sheetOf(wardMapping), wardMapping, parameters.ageBand);
  const schoolRows = validateSchools(sheetOf(schoolMapping), schoolMapping, { postcodes: postcodes?.lookup });
  const offenceRows = validateOffences(sheetOf(offenceMapping), offenceMapping, { postcodes: postcodes?.lookup });
  issues.push(...wardRows.issues, ...schoolRows.issues, ...offenceRows.issues);
  const residenceMapping = detection.mappings.pupilResidence;
  const residenceRows = residenceMapping ? validatePupilResidence(sheetOf(residenceMapping), residenceMapping) : undefined;
  if (residenceRows) issues.push(...residenceRows.issues);
  const listMapping = detection.mappings.currentList;
  const listRows = listMapping ? validateCurrentList(sheetOf(listMapping), listMapping) : undefined;
  if (listRows) issues.push(...listRows.issues);
  audit.push({ step: 'Validate', detail: `offences ${offenceRows.rowsRead} rows read, ${offenceRows.records.length} valid; schools ${schoolRows.records.length} valid; wards ${wardRows.records.length} valid` });

  // 3. Boundaries: a GeoJSON file, or the workbook's vertex sheet.
  progress('Loading ward boundaries');
  let boundaries: readonly WardBoundary[] = [];
  let boundarySource = '';
  if (inputs.boundaries) {
    const loaded = boundariesFromGeoJson(inputs.boundaries.geojson);
    boundaries = loaded.boundaries;
    boundarySource = `${inputs.boundaries.source} (GeoJSON, ${loaded.crs})`;
    for (const problem of loaded.problems) issues.push({ sheet: inputs.boundaries.source, row: 0, column: 'geometry', value: '', severity: 'warning', code: 'invalidValue', message: problem });
  } else if (detection.mappings.wardVertices) {
    const vertexMapping = detection.mappings.wardVertices;
    const vertices = validateWardVertices(sheetOf(vertexMapping), vertexMapping);
    issues.push(...vertices.issues);
    const loaded = boundariesFromVertices(vertices.records);
    boundaries = loaded.boundaries;
    boundarySource = `sheet '${vertexMapping.sheet}' (ward vertices, ${loaded.crs})`;
    for (const problem of loaded.problems) issues.push({ sheet: vertexMapping.sheet, row: 0, column: 'geometry', value: '', severity: 'warning', code: 'invalidValue', message: problem });
  }
  if (boundaries.length === 0) {
    return {
      ok: false,
      mappingNotes,
      problems: [blocking(inputs.boundaries?.source ?? '(workbook)', 0, 'boundaries', 'sheetMissing', 'No ward boundaries: give a GeoJSON file with --boundaries FILE, or add a sheet of ward vertices (ward code, part, ring, order, x, y).')],
    };
  }
  audit.push({ step: 'Boundaries', detail: `${boundaries.length} wards from ${boundarySource}` });

  // The study wards are those with both a population and a boundary.
  const boundaryByCode = new Map(boundaries.map((b) => [b.wardCode.toUpperCase(), b]));
  const wardRecords = wardRows.records.filter((ward) => {
    if (boundaryByCode.has(ward.wardCode.toUpperCase())) return true;
    issues.push({ sheet: wardMapping.sheet, row: ward.sourceRow, column: headerOf(wardMapping, 'wardCode'), value: ward.wardCode, severity: 'warning', code: 'unknownWard', message: `Sheet '${wardMapping.sheet}', row ${ward.sourceRow}, column '${headerOf(wardMapping, 'wardCode')}': ward ${ward.wardCode} has no boundary in ${boundarySource}; it is left out of the study area.` });
    return false;
  });
  const studyWardCodes = new Set(wardRecords.map((ward) => ward.wardCode.toUpperCase()));
  const studyBoundaries = boundaries.filter((b) => studyWardCodes.has(b.wardCode.toUpperCase()));
  for (const boundary of boundaries) {
    if (!studyWardCodes.has(boundary.wardCode.toUpperCase())) {
      issues.push({ sheet: wardMapping.sheet, row: 0, column: headerOf(wardMapping, 'wardCode'), value: boundary.wardCode, severity: 'warning', code: 'unknownWard', message: `Ward ${boundary.wardCode} (${boundary.wardName}) has a boundary but no row in sheet '${wardMapping.sheet}'; points in it count as outside the study area.` });
    }
  }
  if (wardRecords.length === 0) {
    return { ok: false, mappingNotes, problems: [blocking(wardMapping.sheet, wardMapping.headerRow, headerOf(wardMapping, 'wardCode'), 'unknownWard', `Sheet '${wardMapping.sheet}': none of its ward codes matches a boundary in ${boundarySource}.`)] };
  }
  const index = buildWardIndex(studyBoundaries);
  const locate = (point: GridPoint): string | null => locateWard(index, point);

  // 4. Scope and place offences.
  progress('Placing offences in wards');
  const scoped = scopeOffences(offenceRows.records, parameters, {
    sheet: offenceMapping.sheet,
    columns: { age: headerOf(offenceMapping, 'age'), offenceType: headerOf(offenceMapping, 'offenceType'), offenceDate: headerOf(offenceMapping, 'offenceDate') },
  });
  issues.push(...scoped.issues);
  const offenceCountByWard = new Map<string, number>();
  const latestHomeByOffender = new Map<string, { date: Date; wardCode: string | null }>();
  const offendersBySchool = new Map<string, Set<string>>();
  const knownUrns = new Set(schoolRows.records.map((school) => school.urn));
  const placement = { inScope: scoped.inScope.length, offenceInWard: 0, offenceOutsideArea: 0, offenceUnknownWard: 0, homeInWard: 0, homeOutsideArea: 0, homeUnknownWard: 0 };
  const note = (offence: OffenceRecord, column: string, value: string, severity: Issue['severity'], code: IssueCode, message: string): void => {
    issues.push({ sheet: offenceMapping.sheet, row: offence.sourceRow, column, value, severity, code, message: `Sheet '${offenceMapping.sheet}', row ${offence.sourceRow}, column '${column}': ${message}` });
  };
  const describeOutcome = (offence: OffenceRecord, outcome: LocationOutcome, which: 'offence' | 'home'): void => {
    const location = which === 'offence' ? offence.offenceLocation : offence.homeLocation;
    const xColumn = location.pointColumn ?? headerOf(offenceMapping, which === 'offence' ? 'offenceEasting' : 'homeEasting');
    const wardColumn = headerOf(offenceMapping, which === 'offence' ? 'offenceWard' : 'homeWard');
    const what = which === 'offence' ? 'offence location' : 'home location';
    if (outcome.status === 'outsideArea') {
      note(offence, xColumn, `${Math.round(outcome.point.easting)}, ${Math.round(outcome.point.northing)}`, 'warning', 'outsideArea', `the ${what} lies outside every ward of the study area; counted as outside the area.`);
    } else if (outcome.status === 'unknownWard') {
      note(offence, wardColumn, outcome.wardCode, 'warning', 'unknownWard', `ward code ${outcome.wardCode} is not a ward of the study area; the ${what} is not counted in any ward.`);
    } else if (outcome.status === 'resolved' && outcome.disagreesWith) {
      note(offence, wardColumn, outcome.disagreesWith, 'warning', 'wardMismatch', `ward code ${outcome.disagreesWith} disagrees with the coordinates, which lie in ${outcome.wardCode}; the coordinates are used.`);
    }
  };
  // Latest offence first decides an offender's home ward, so sort by date (stable on source row).
  const chronological = [...scoped.inScope].sort((a, b) => a.offenceDate.getTime() - b.offenceDate.getTime() || a.sourceRow - b.sourceRow);
  for (const offence of chronological) {
    const where = resolveLocation(offence.offenceLocation, locate, studyWardCodes);
    describeOutcome(offence, where, 'offence');
    if (where.status === 'resolved') {
      placement.offenceInWard += 1;
      offenceCountByWard.set(where.wardCode, (offenceCountByWard.get(where.wardCode) ?? 0) + 1);
    } else if (where.status === 'outsideArea') placement.offenceOutsideArea += 1;
    else placement.offenceUnknownWard += 1;

    const home = resolveLocation(offence.homeLocation, locate, studyWardCodes);
    describeOutcome(offence, home, 'home');
    if (home.status === 'resolved') placement.homeInWard += 1;
    else if (home.status === 'outsideArea') placement.homeOutsideArea += 1;
    else placement.homeUnknownWard += 1;
    latestHomeByOffender.set(offence.offenderRef, { date: offence.offenceDate, wardCode: home.status === 'resolved' ? home.wardCode : null });

    if (offence.schoolUrn) {
      if (knownUrns.has(offence.schoolUrn)) {
        const attending = offendersBySchool.get(offence.schoolUrn) ?? new Set<string>();
        attending.add(offence.offenderRef);
        offendersBySchool.set(offence.schoolUrn, attending);
      } else {
        note(offence, headerOf(offenceMapping, 'schoolUrn'), offence.schoolUrn, 'warning', 'unknownSchool', `school URN ${offence.schoolUrn} is not in sheet '${schoolMapping.sheet}'; the offence counts for its wards but not for any school.`);
      }
    }
  }
  const youngOffendersByWard = new Map<string, number>();
  let offendersHomeInArea = 0;
  for (const { wardCode } of latestHomeByOffender.values()) {
    if (wardCode === null) continue;
    offendersHomeInArea += 1;
    youngOffendersByWard.set(wardCode, (youngOffendersByWard.get(wardCode) ?? 0) + 1);
  }
  const placementCounts: PlacementCounts = { ...placement, distinctYoungOffenders: latestHomeByOffender.size, distinctYoungOffendersHomeInArea: offendersHomeInArea };

  // 5. The schools in scope, and young offenders attending each.
  const phases = new Set(parameters.phases);
  const schoolsInScope = schoolRows.records.filter((school) => {
    if (!school.open) return false;
    if (!phases.has(school.phase)) return false;
    return true;
  });
  const attendingCount = (urn: string): number => offendersBySchool.get(urn)?.size ?? 0;

  // 6. Disclosure control over every published table of counts: primary and secondary
  // suppression, rounding, and the attacker's audit. Nothing is published unless it passes.
  progress('Protecting published counts (secondary suppression and audit)');
  let rules: DisclosureRules;
  try {
    rules = disclosureRules(parameters);
  } catch (error) {
    return { ok: false, mappingNotes, problems: [blocking('(parameters)', 0, 'disclosure', 'disclosureUnsafe', (error as Error).message)] };
  }
  const wardCounts: WardCounts[] = wardRecords.map((record) => {
    const code = record.wardCode.toUpperCase();
    const boundary = boundaryByCode.get(code)!;
    const districtCode = record.districtCode ?? boundary.districtCode ?? '';
    const districtName = record.districtName ?? boundary.districtName ?? '';
    return {
      wardCode: code,
      wardName: record.wardName || boundary.wardName,
      districtKey: districtCode || districtName,
      districtName: districtName || districtCode,
      offences: offenceCountByWard.get(code) ?? 0,
      youngOffenders: youngOffendersByWard.get(code) ?? 0,
    };
  });
  // The tables, and what the Method sheet's placement figures tell an outsider about them: its
  // rows stay exact, the distinct young offenders follow the tables' rules (placementBounds).
  const distinctYoungOffenders = standaloneCount(placementCounts.distinctYoungOffenders, rules);
  const tables = mergeLinkedTables(
    publishedTables(wardCounts, schoolsInScope.map((school) => ({ urn: school.urn, name: school.name, phase: school.phase, attending: attendingCount(school.urn) }))),
    { cells: [], relations: [], bounds: placementBounds(placementCounts, schoolsInScope.map((school) => school.urn), distinctYoungOffenders.range) },
  );
  const protectionOutcome = protectTables(tables, rules, inputs.solver);
  if (!protectionOutcome.ok) {
    return { ok: false, mappingNotes, problems: protectionOutcome.problems.map((message) => blocking('(disclosure control)', 0, 'published counts', 'disclosureUnsafe', message)) };
  }
  const protection = protectionOutcome.protection;
  const published = (id: string): PublishedCount => protection.published.get(id)!;
  const publishedText = (id: string): string => String(publishedValue(published(id)));
  audit.push({ step: 'Place offences', detail: `${placement.inScope} in scope; ${publishedText(CELL_ID.area('offences'))} placed in a ward by offence location; ${publishedText(CELL_ID.area('youngOffenders'))} distinct young offenders living in the area (published counts)` });
  audit.push({ step: 'Disclosure control', detail: describeProtection(protection) });
  if (protection.audit) audit.push({ step: 'Disclosure audit', detail: describeAudit(protection) });

  // 7. Rates per 1,000 young residents with confidence intervals, for wards, districts and the
  // area, as published (see RateEstimate).
  progress('Computing ward rates');
  const confidence = { confidence: parameters.confidenceLevel };
  const offenceRates = wardRates(wardCounts.map((w, i) => ({ wardCode: w.wardCode, count: w.offences, youngPopulation: wardRecords[i].youngPopulation })), confidence);
  const offenderRates = wardRates(wardCounts.map((w, i) => ({ wardCode: w.wardCode, count: w.youngOffenders, youngPopulation: wardRecords[i].youngPopulation })), confidence);
  const areaPopulation = offenceRates.area.youngPopulation;
  const publishedRate = (id: string): number => {
    const shown = published(id);
    return shown.shown && areaPopulation > 0 ? (shown.value / areaPopulation) * 1000 : Number.NaN;
  };
  const areaRate = {
    offences: { published: publishedRate(CELL_ID.area('offences')), true: offenceRates.area.rate },
    youngOffenders: { published: publishedRate(CELL_ID.area('youngOffenders')), true: offenderRates.area.rate },
  };
  const wards: WardResult[] = wardCounts.map((ward, i) => {
    const population = wardRecords[i].youngPopulation;
    return {
      wardCode: ward.wardCode,
      wardName: ward.wardName,
      districtCode: wardRecords[i].districtCode ?? boundaryByCode.get(ward.wardCode)!.districtCode ?? '',
      districtName: wardRecords[i].districtName ?? boundaryByCode.get(ward.wardCode)!.districtName ?? '',
      youngPopulation: population,
      offences: rateEstimate(ward.offences, published(CELL_ID.ward('offences', ward.wardCode)), population, areaRate.offences, confidence),
      youngOffenders: rateEstimate(ward.youngOffenders, published(CELL_ID.ward('youngOffenders', ward.wardCode)), population, areaRate.youngOffenders, confidence),
    };
  });
  const districts: DistrictResult[] = [...districtsOf(wardCounts)].map(([key, name]) => {
    const members = wardCounts.map((ward, i) => ({ ward, population: wardRecords[i].youngPopulation })).filter(({ ward }) => ward.districtKey === key);
    const population = members.reduce((sum, m) => sum + (m.population > 0 ? m.population : 0), 0);
    const offences = members.reduce((sum, m) => sum + m.ward.offences, 0);
    const youngOffenders = members.reduce((sum, m) => sum + m.ward.youngOffenders, 0);
    return {
      districtCode: key,
      districtName: name,
      wardCount: members.length,
      youngPopulation: population,
      offences: rateEstimate(offences, published(CELL_ID.district('offences', key)), population, areaRate.offences, confidence),
      youngOffenders: rateEstimate(youngOffenders, published(CELL_ID.district('youngOffenders', key)), population, areaRate.youngOffenders, confidence),
    };
  });
  const area: AreaTotals = {
    youngPopulation: areaPopulation,
    offences: offenceRates.area.count,
    offenceRate: areaRate.offences.published,
    youngOffenders: offenderRates.area.count,
    youngOffenderRate: areaRate.youngOffenders.published,
    offencesPublished: published(CELL_ID.area('offences')),
    youngOffendersPublished: published(CELL_ID.area('youngOffenders')),
  };
  const metric = parameters.rankingMetric;
  const metricOf = (ward: WardResult): RateEstimate => (metric === 'offences' ? ward.offences : ward.youngOffenders);
  const higherShown = wards.filter((ward) => metricOf(ward).published.shown && metricOf(ward).flag === 'higher').length;
  const asText = (value: number): string => (Number.isFinite(value) ? value.toFixed(2) : '[c]');
  audit.push({ step: 'Ward rates', detail: `area rate ${asText(area.offenceRate)} offences and ${asText(area.youngOffenderRate)} young offenders per 1,000 (published counts); ${higherShown} wards shown as higher than the area on the ${metric} measure` });

  // The basis the schools are scored on: published counts, withheld wards at their pooled estimate.
  const populationOf = new Map<string, number>([
    ...wardCounts.map((ward, i) => [CELL_ID.ward(metric, ward.wardCode), wardRecords[i].youngPopulation] as [string, number]),
    ...districts.map((district) => [CELL_ID.district(metric, district.districtCode), district.youngPopulation] as [string, number]),
  ]);
  const pooled = pooledWithheldCounts(tables, protection.published, (id) => populationOf.get(id) ?? 0);
  const scoring = scoringRates(wards.map((ward) => ({
    wardCode: ward.wardCode,
    youngPopulation: ward.youngPopulation,
    published: metricOf(ward).published,
    flag: metricOf(ward).flag,
    pooled: pooled.get(CELL_ID.ward(metric, ward.wardCode)) ?? 0,
  })), areaRate[metric].published);

  // 8. Catchments of the schools in scope.
  progress('Modelling school catchments');
  const wardPoints = wardRecords.map((w) => ({ wardCode: w.wardCode.toUpperCase(), youngPopulation: w.youngPopulation, location: representativePoint(boundaryByCode.get(w.wardCode.toUpperCase())!) }));
  const schoolInScopeUrns = new Set(schoolsInScope.map((s) => s.urn));
  const knownSchoolUrns = new Set(schoolRows.records.map((s) => s.urn));
  const residence = (residenceRows?.records ?? []).filter((row) => {
    const column = residenceMapping ? headerOf(residenceMapping, row.wardCode && !studyWardCodes.has(row.wardCode.toUpperCase()) ? 'wardCode' : 'urn') : '';
    const sheet = residenceMapping?.sheet ?? '';
    if (!studyWardCodes.has(row.wardCode.toUpperCase())) {
      issues.push({ sheet, row: row.sourceRow, column, value: row.wardCode, severity: 'warning', code: 'unknownWard', message: `Sheet '${sheet}', row ${row.sourceRow}, column '${column}': ward ${row.wardCode} is not a ward of the study area; these ${row.pupils} pupils are left out of the school's observed catchment.` });
      return false;
    }
    if (!knownSchoolUrns.has(row.urn)) {
      issues.push({ sheet, row: row.sourceRow, column, value: row.urn, severity: 'warning', code: 'unknownSchool', message: `Sheet '${sheet}', row ${row.sourceRow}, column '${column}': school URN ${row.urn} is not in sheet '${schoolMapping.sheet}'; the row is not used.` });
      return false;
    }
    return schoolInScopeUrns.has(row.urn);
  });
  const shares = catchmentShares(
    { schools: schoolsInScope.map((s) => ({ urn: s.urn, pupils: s.pupils, location: s.location })), wards: wardPoints, residence },
    { model: parameters.catchmentModel, decayMetres: DEFAULT_DECAY_METRES },
  );
  const observedCount = [...shares.values()].filter((s) => s.model === 'observed').length;
  const catchmentNote = observedCount === schoolsInScope.length
    ? 'Observed: every school\'s catchment comes from the pupil residence sheet.'
    : observedCount === 0
      ? 'Modelled for every school: each ward\'s young population is shared among the schools of the phase in proportion to pupils on roll × exp(−distance / decay length).'
      : `Observed for ${observedCount} school${observedCount === 1 ? '' : 's'} (pupil residence sheet); modelled for ${schoolsInScope.length - observedCount} (distance decay from each ward's representative point).`;
  audit.push({ step: 'Catchments', detail: catchmentNote });

  // 9. Exposure on the published basis, ranks with uncertainty, deciles, and the current list.
  progress('Scoring and ranking schools');
  const exposure = exposureScores(shares, scoring.rates, areaRate[metric].published, schoolsInScope.map((s) => ({ urn: s.urn, pupils: s.pupils })));
  const exposureByUrn = new Map(exposure.map((e) => [e.urn, e]));
  const ranks = rankWithUncertainty({
    wardCounts: scoring.counts,
    shares,
    schools: schoolsInScope.map((s) => ({ urn: s.urn, pupils: s.pupils })),
    seed: parameters.seed,
    simulations: parameters.simulations,
    confidence: parameters.confidenceLevel,
  });
  const decileByUrn = deciles(new Map([...ranks.entries()].map(([urn, r]) => [urn, r.rank])), schoolsInScope.length);
  const rankedForList = schoolsInScope.map((s) => ({ urn: s.urn, name: s.name, rank: ranks.get(s.urn)!.rank }));
  const comparison = compareWithList(rankedForList, listRows?.records ?? [], parameters.topN);
  const schools: SchoolResult[] = schoolsInScope
    .map((school) => {
      const scores = exposureByUrn.get(school.urn)!;
      const rank = ranks.get(school.urn)!;
      const catchment = shares.get(school.urn)!;
      const attending = attendingCount(school.urn);
      return {
        urn: school.urn,
        name: school.name,
        phase: school.phase,
        phaseText: school.phaseText,
        pupils: school.pupils,
        catchmentModel: catchment.model,
        catchmentCoverage: catchment.model === 'observed' ? catchment.coverage : null,
        catchmentWards: catchment.shares,
        wardsInCatchment: catchment.shares.filter((s) => s.share > 0).length,
        exposureRate: scores.exposureRate,
        exposureIndex: scores.exposureIndex,
        shareFromHigherWards: scores.shareFromHigherWards,
        pupilsFromHigherWards: scores.pupilsFromHigherWards,
        offendersAttending: published(CELL_ID.school(school.urn)),
        offendersAttendingCount: attending,
        rank: rank.rank,
        rankLower: rank.rankLower,
        rankUpper: rank.rankUpper,
        decile: decileByUrn.get(school.urn) ?? 10,
        onCurrentList: comparison.onList.has(school.urn),
        newCandidate: comparison.newCandidates.includes(school.urn),
      };
    })
    .sort((a, b) => a.rank - b.rank);
  audit.push({ step: 'Rank schools', detail: `${schools.length} schools ranked by exposure (${parameters.rankingMetric}); ${parameters.simulations} seeded simulations (seed ${parameters.seed}); ${comparison.newCandidates.length} of the top ${parameters.topN} not on the current list` });

  const phaseTotals: PhaseTotal[] = phasesOf(schoolsInScope).map((phase) => {
    const members = schoolsInScope.filter((school) => school.phase === phase);
    return { phase, schools: members.length, offendersAttending: published(CELL_ID.phase(phase)), offendersAttendingCount: members.reduce((sum, school) => sum + attendingCount(school.urn), 0) };
  });
  const schoolsAttendingTotal = { count: schoolsInScope.reduce((sum, school) => sum + attendingCount(school.urn), 0), published: published(CELL_ID.allSchools) };

  // 10. Reconcile rows in and out of every input sheet: each excluded row counted once, by its first reason.
  for (const school of schoolRows.records) {
    if (schoolsInScope.includes(school)) continue;
    const reason: IssueCode = school.open ? 'phaseOutOfScope' : 'closedSchool';
    const column = headerOf(schoolMapping, school.open ? 'phase' : 'status');
    if (!issues.some((i) => i.sheet === schoolMapping.sheet && i.row === school.sourceRow && i.code === reason)) {
      issues.push({ sheet: schoolMapping.sheet, row: school.sourceRow, column, value: school.open ? school.phaseText : 'Closed', severity: 'info', code: reason, message: `Sheet '${schoolMapping.sheet}', row ${school.sourceRow}, column '${column}': ${school.open ? `phase '${school.phaseText}' is not among those ranked (${parameters.phases.join(', ')})` : 'the school is closed'}; it is not ranked.` });
    }
  }
  const reconcile = (role: SheetRole, mapping: ColumnMapping | undefined, validation: { rowsRead: number; rowsBlank: number } | undefined, used: readonly { sourceRow: number }[], notUsedCodes: ReadonlySet<IssueCode>): void => {
    if (!mapping || !validation) return;
    const usedRows = new Set(used.map((record) => record.sourceRow));
    const firstReason = new Map<number, IssueCode>();
    for (const issue of issues) {
      if (issue.sheet !== mapping.sheet || issue.row <= mapping.headerRow || usedRows.has(issue.row) || firstReason.has(issue.row)) continue;
      if (isExcludingIssue(issue) || notUsedCodes.has(issue.code)) firstReason.set(issue.row, issue.code);
    }
    const counts = new Map<IssueCode, number>();
    for (const reason of firstReason.values()) counts.set(reason, (counts.get(reason) ?? 0) + 1);
    const excluded = [...counts.entries()].map(([reason, rows]) => ({ reason, rows })).sort((a, b) => b.rows - a.rows || a.reason.localeCompare(b.reason));
    reconciliation.push({ role, sheet: mapping.sheet, rowsRead: validation.rowsRead, rowsUsed: usedRows.size, rowsBlank: validation.rowsBlank, excluded });
  };
  reconcile('offences', offenceMapping, offenceRows, scoped.inScope, new Set<IssueCode>(['ageOutsideBand', 'offenceTypeOutOfScope', 'dateOutsideWindow']));
  reconcile('schools', schoolMapping, schoolRows, schoolsInScope, new Set<IssueCode>(['phaseOutOfScope', 'closedSchool']));
  reconcile('wards', wardMapping, wardRows, wardRecords, new Set<IssueCode>(['unknownWard']));
  reconcile('pupilResidence', residenceMapping, residenceRows, residence, new Set<IssueCode>(['unknownWard', 'unknownSchool']));
  reconcile('currentList', listMapping, listRows, listRows?.records ?? [], new Set<IssueCode>());

  const result: AnalysisResult = {
    parameters,
    roles: detection.assignments,
    columns: Object.fromEntries(Object.entries(detection.mappings).map(([role, mapping]) => [
      role,
      Object.fromEntries(Object.entries(mapping?.fields ?? {}).map(([field, match]) => [field, match!.header])) as InputColumns,
    ])),
    mappingNotes,
    boundarySource,
    boundaries: studyBoundaries,
    wards,
    districts,
    area,
    schools,
    phaseTotals,
    schoolsAttendingTotal,
    disclosure: disclosureSummary(protection, new Map(tables.cells.map((cell) => [cell.id, cell.label]))),
    schoolsConsidered: schoolRows.records.length,
    issues,
    reconciliation,
    placement: placementCounts,
    distinctYoungOffenders,
    list: {
      listSheet: listMapping?.sheet ?? null,
      entries: listRows?.records.length ?? 0,
      matched: (listRows?.records.length ?? 0) - comparison.unmatchedListEntries.length,
      unmatched: comparison.unmatchedListEntries.map((entry) => ({ row: entry.sourceRow, text: entry.urn ?? entry.name ?? '' })),
      fuzzyMatches: comparison.needsConfirmation.map((m) => ({ row: m.entry.sourceRow, text: m.entry.name ?? '', urn: m.urn, name: m.name, score: m.score })),
    },
    catchmentNote,
    decayMetres: DEFAULT_DECAY_METRES,
    provenance: {
      synthetic: inputs.provenance?.synthetic ?? false,
      description: inputs.provenance?.description ?? '',
      attribution: inputs.provenance?.attribution ?? [],
    },
    fingerprints: inputs.fingerprints ?? [],
    audit,
  };
  return { ok: true, result };
}
