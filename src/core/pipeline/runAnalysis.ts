import { publishedValue, SUPPRESSED_SYMBOL, type LinearSolver, type PublishedCount } from '../disclosure';
import type { AnalysisParameters, Issue, SheetRole, WorkbookData } from '../types';
import { errorText } from '../errorText';
import type { AnalysisResult, AuditStep, InputFingerprint, PhaseTotal, SchoolResult } from './analysisResult';
import { acrossRunsSummary, describeAudit, describeProtection, disclosureSummary } from './describeDisclosure';
import { disclosureRules, type DisclosureRules } from '../disclosure';
import { isLedgerSheetName, newLedgerSecret, readWorkbookLedger, type DisclosureLedger } from '../ledger';
import { CELL_ID, phasesOf } from './publishedTables';
import { leafRecords, recountScope, wardCountsOf } from './stages/countScope';
import { earlierRuns } from './stages/earlierRuns';
import { nextLedger } from './nextLedger';
import { analysisPeriod, populationYear } from './stages/analysisPeriod';
import { compareWithCurrentList } from './stages/compareWithCurrentList';
import { detectInputs, type DetectedInputs } from './stages/detectInputs';
import { modelCatchments } from './stages/modelCatchments';
import { countByWard, placeOffences } from './stages/placeOffences';
import { blocking, headerOf } from './stages/problems';
import { countTables, protectCounts } from './stages/protectCounts';
import { rateWards } from './stages/rateWards';
import { reconcileRows } from './stages/reconcileRows';
import { measureOf, rankUncertainty, scoreSchools } from './stages/scoreSchools';
import { scopeOffences } from './stages/scopeOffences';
import { sensitivity } from './stages/sensitivity';
import { sensitivityToDeprivation } from './stages/sensitivityToDeprivation';
import { studyArea, type StudyArea } from './stages/studyArea';
import { validateInputs, type ValidatedInputs } from './stages/validateInputs';
import { checkMeasurable } from './stages/checkMeasurable';

export interface AnalysisInputs {
  readonly workbook: WorkbookData;
  /** Boundaries from a GeoJSON file; when absent, a ward vertex sheet in the workbook is used. */
  readonly boundaries?: { readonly geojson: unknown; readonly source: string };
  /** Sheet chosen for a role by the analyst, overriding detection. */
  readonly roleOverrides?: Partial<Record<SheetRole, string>>;
  /** Column chosen for a field, as 'role.field' -> header text. */
  readonly columnOverrides?: Readonly<Record<string, string>>;
  readonly provenance?: {
    readonly synthetic: boolean;
    readonly description?: string;
    readonly attribution?: readonly string[];
  };
  readonly fingerprints?: readonly InputFingerprint[];
  /**
   * Linear programme solver for the disclosure audit, loaded once by the host (loadHighsSolver).
   * Required whenever a count must be withheld: without it the run stops rather than publish
   * unaudited tables.
   */
  readonly solver?: LinearSolver;
  /** The run date, against which offence dates in the future are rejected. Default: now. */
  readonly today?: Date;
  /**
   * What earlier runs published from these records (in this workbook, or the command line's
   * ledger file): this run is protected together with them, and the result carries the ledger
   * with this run added.
   */
  readonly ledger?: DisclosureLedger;
}

export type ProgressReporter = (step: string) => void;

/** Either a complete result, or the problems that make the input unusable (each names sheet, row, column). */
export type AnalysisOutcome =
  | { readonly ok: true; readonly result: AnalysisResult }
  | { readonly ok: false; readonly problems: readonly Issue[]; readonly mappingNotes: readonly string[] };

/**
 * The problem when the offences sheet gives no valid row at all: no data rows, or every row
 * unusable (the first problems quoted, as no Validation sheet is written when the run stops).
 */
function unusableOffenceSheet(
  sheet: string,
  rows: { readonly rowsRead: number; readonly records: readonly unknown[]; readonly issues: readonly Issue[] },
  headerRow: number,
): Issue | null {
  if (rows.records.length > 0) return null;
  if (rows.rowsRead === 0) {
    return blocking(
      sheet,
      headerRow,
      '',
      'nothingInScope',
      `Sheet '${sheet}' has no offence rows below its header (row ${headerRow}), so there is nothing to analyse.`,
    );
  }
  const first = rows.issues
    .filter((issue) => issue.severity === 'error')
    .slice(0, 5)
    .map((issue) => issue.message);
  return blocking(
    sheet,
    headerRow,
    '',
    'nothingInScope',
    `None of the ${rows.rowsRead.toLocaleString('en-GB')} rows of sheet '${sheet}' can be used. The first problems: ${first.join(' ')}`,
  );
}

/** Appends without spreading, so no call grows with the number of issues. */
function append(target: Issue[], more: readonly Issue[]): void {
  for (const issue of more) target.push(issue);
}

/**
 * What the analysis keeps of its inputs once the sheets are detected and validated and the study
 * area is built. `workbook` is the input workbook with the offences sheet's rows left out: they
 * live on as validated records, and at Excel's last row the rows themselves are about half a
 * gigabyte that no later stage reads (the wards sheet and any ledger sheet are read again later,
 * so every other sheet is kept as it was).
 */
export interface PreparedAnalysis {
  readonly inputs: Omit<AnalysisInputs, 'boundaries'>;
  readonly today: Date;
  readonly audit: AuditStep[];
  readonly issues: Issue[];
  readonly detection: DetectedInputs['detection'];
  readonly mappingNotes: readonly string[];
  readonly validated: ValidatedInputs;
  readonly area: StudyArea;
}

export type PreparationOutcome =
  | { readonly ok: true; readonly prepared: PreparedAnalysis }
  | { readonly ok: false; readonly problems: readonly Issue[]; readonly mappingNotes: readonly string[] };

/**
 * The workbook with the offences sheet's rows dropped (the sheet itself kept, empty), unless that
 * sheet is also read later: as the wards sheet or as a ledger sheet.
 */
function withoutOffenceRows(workbook: WorkbookData, offencesSheet: string, wardsSheet: string): WorkbookData {
  if (offencesSheet === wardsSheet || isLedgerSheetName(offencesSheet)) return workbook;
  return {
    sheets: workbook.sheets.map((sheet) =>
      sheet.name === offencesSheet ? { name: sheet.name, firstRow: sheet.firstRow, rows: [] } : sheet,
    ),
  };
}

/**
 * The whole analysis, deterministic for a seed, in named stages: detect and validate the inputs;
 * the study area; scope (age, type, date); place offences and homes in wards; count distinct
 * offences and offenders by ward; protect every published count; rate wards; model catchments;
 * score and rank schools; compare with the current list; reconcile every input row. A stage that
 * finds the input unusable stops the run with problems naming sheet, row and column.
 *
 * The same as {@link prepareAnalysis} then {@link finishAnalysis}; a caller that can let go of the
 * workbook between the two (the command line) calls them itself, so the offences sheet's rows
 * can be collected while the rest of the engine runs.
 */
export function runAnalysis(
  inputs: AnalysisInputs,
  parameters: AnalysisParameters,
  progress: ProgressReporter = () => undefined,
): AnalysisOutcome {
  const prepared = prepareAnalysis(inputs, parameters, progress);
  return prepared.ok ? finishAnalysis(prepared.prepared, parameters, progress) : prepared;
}

/** The first stages of {@link runAnalysis}: detection, validation and the study area. */
export function prepareAnalysis(
  inputs: AnalysisInputs,
  parameters: AnalysisParameters,
  progress: ProgressReporter = () => undefined,
): PreparationOutcome {
  const audit: AuditStep[] = [];
  const issues: Issue[] = [];
  const today = inputs.today ?? new Date();

  progress('Detecting input sheets and columns');
  const detected = detectInputs(inputs.workbook, inputs.roleOverrides, inputs.columnOverrides);
  if (!detected.ok) return detected;
  const { detection, mappingNotes } = detected;
  const stop = (problems: readonly Issue[]): PreparationOutcome => ({ ok: false, problems, mappingNotes });
  audit.push({
    step: 'Detect sheets',
    detail: Object.entries(detection.assignments)
      .map(([role, sheet]) => `${role}='${sheet}'`)
      .join('; '),
  });

  progress('Validating rows');
  const validated = validateInputs(inputs.workbook, detection, parameters, today);
  if (!validated.ok) return stop(validated.problems);
  append(issues, validated.issues);
  const { offences, schools: schoolSheet, wards: wardSheet } = validated;
  audit.push({
    step: 'Validate',
    detail: `offences ${offences.rows.rowsRead} rows read, ${offences.rows.records.length} valid; schools ${schoolSheet.rows.records.length} valid; wards ${wardSheet.rows.records.length} valid`,
  });

  progress('Loading ward boundaries');
  const area = studyArea(inputs.workbook, detection, wardSheet, inputs.boundaries);
  if (!area.ok) return stop(area.problems);
  append(issues, area.issues);
  audit.push({ step: 'Boundaries', detail: `${area.boundaries.length} wards from ${area.boundarySource}` });

  // The boundaries are read by the study area only.
  const { boundaries: _boundaries, ...rest } = inputs;
  return {
    ok: true,
    prepared: {
      inputs: {
        ...rest,
        workbook: withoutOffenceRows(inputs.workbook, offences.mapping.sheet, wardSheet.mapping.sheet),
      },
      today,
      audit,
      issues,
      detection,
      mappingNotes,
      validated,
      area,
    },
  };
}

/** The stages of {@link runAnalysis} after {@link prepareAnalysis}. */
export function finishAnalysis(
  prepared: PreparedAnalysis,
  parameters: AnalysisParameters,
  progress: ProgressReporter = () => undefined,
): AnalysisOutcome {
  const { inputs, today, audit, issues, detection, mappingNotes, validated, area } = prepared;
  const stop = (problems: readonly Issue[]): AnalysisOutcome => ({ ok: false, problems, mappingNotes });
  const { offences, schools: schoolSheet, wards: wardSheet } = validated;

  const unusable = unusableOffenceSheet(offences.mapping.sheet, offences.rows, offences.mapping.headerRow);
  if (unusable) return stop([unusable]);

  progress('Choosing the offences in scope');
  const scoped = scopeOffences(offences.rows.records, parameters, {
    sheet: offences.mapping.sheet,
    columns: {
      age: headerOf(offences.mapping, 'age'),
      offenceType: headerOf(offences.mapping, 'offenceType'),
      offenceDate: headerOf(offences.mapping, 'offenceDate'),
    },
  });
  if (scoped.problem) return stop([scoped.problem]);
  append(issues, scoped.issues);
  audit.push({
    step: 'Scope',
    // Exact row counts of one perturbed run less another's would be exact differences between scopes.
    detail:
      parameters.disclosureMethod === 'perturbation'
        ? `ages ${parameters.ageBand[0]}–${parameters.ageBand[1]}, the offence types and date window on the Method sheet; row counts in and out of scope are not published under cell key perturbation`
        : scoped.summary,
  });

  progress('Placing offences in wards');
  const knownUrns = new Set(schoolSheet.rows.records.map((school) => school.urn));
  const placement = placeOffences(scoped.inScope, area, offences.mapping, knownUrns, schoolSheet.mapping.sheet);
  append(issues, placement.issues);
  const wardCounts = wardCountsOf(area, countByWard(placement));
  const measurable = checkMeasurable(wardCounts, area.wards, placement.counts, parameters, wardSheet.mapping);
  if (measurable) return stop([measurable]);

  progress('Modelling school catchments');
  const catchments = modelCatchments(schoolSheet, validated.residence, area, parameters);
  if (!catchments.ok) return stop(catchments.problems);
  append(issues, catchments.issues);
  audit.push({ step: 'Catchments', detail: catchments.note });
  const attendingCount = (urn: string): number => placement.attendingBySchool.get(urn)?.size ?? 0;

  progress(
    parameters.disclosureMethod === 'perturbation'
      ? 'Protecting published counts (cell key perturbation and audit)'
      : 'Protecting published counts (secondary suppression and audit)',
  );
  let rules: DisclosureRules;
  try {
    rules = disclosureRules(parameters);
  } catch (error) {
    return stop([blocking('(parameters)', 0, 'disclosure', 'disclosureUnsafe', errorText(error))]);
  }
  // Attending counts are published, and so protected, only when asked for (showAttending).
  const attendingSchools = parameters.showAttending ? catchments.schools : [];
  const counted = countTables(
    wardCounts,
    attendingSchools,
    placement.attendingBySchool,
    leafRecords(placement, attendingSchools),
    placement.counts,
    rules,
    [...placement.homeWard.keys()],
  );
  const recountInputs = {
    offences: offences.rows.records,
    offencesMapping: offences.mapping,
    schoolSheet,
    residence: validated.residence,
    area,
  };
  const ledgerRead = inputs.ledger ? { ok: true as const, ledger: inputs.ledger } : readWorkbookLedger(inputs.workbook);
  if (ledgerRead && !ledgerRead.ok) {
    return stop([
      blocking(
        '(disclosure ledger)',
        0,
        'ledger',
        'disclosureUnsafe',
        `${ledgerRead.problem} Without it this run cannot be protected together with the earlier ones, so nothing is published.`,
      ),
    ]);
  }
  const ledger = ledgerRead?.ledger;
  const earlier = earlierRuns(ledger, (scope) => recountScope(recountInputs, scope, parameters, rules), rules);
  if (!earlier.ok) return stop(earlier.problems);
  const secret =
    ledger?.secret ??
    newLedgerSecret(
      parameters.seed,
      offences.rows.records.map((offence) => offence.offenceRef),
    );
  const protectedCounts = protectCounts(counted, parameters, inputs.solver, { secret, earlier: earlier.joined });
  if (!protectedCounts.ok) return stop(protectedCounts.problems);
  const { protection, tables } = protectedCounts;
  const period = analysisPeriod(parameters, scoped.inScope);
  const published = (id: string): PublishedCount => {
    const shown = protection.published.get(id);
    if (!shown) throw new Error(`The disclosure control returned no published form for ${id}.`);
    return shown;
  };
  const publishedText = (id: string): string => String(publishedValue(published(id)));
  audit.push({
    step: 'Place offences',
    detail:
      `${rules.method === 'perturbation' ? '' : `${placement.counts.inScope} rows in scope, ${placement.counts.offencesInScope} distinct offences; `}${publishedText(CELL_ID.area('offences'))} offences placed in a ward by offence location; ` +
      `${publishedText(CELL_ID.area('youngOffenders'))} distinct young offenders living in the area (published counts)`,
  });
  audit.push({ step: 'Disclosure control', detail: describeProtection(protection) });
  if (protection.audit)
    audit.push({ step: 'Disclosure audit', detail: describeAudit(protection.audit, protection.programmesSolved) });

  progress('Computing ward rates');
  const rated = rateWards(wardCounts, area.wards, area.boundaryByCode, published, parameters);
  const metric = parameters.rankingMetric;
  const areaRate = rated.areaRate[metric].published;
  if (!(areaRate > 0)) {
    return stop([
      blocking(
        '(published counts)',
        0,
        metric,
        'nothingInScope',
        `The area's total of ${metric === 'offences' ? 'offences' : 'young offenders'} is withheld as a small count, so there is no published area rate to rank schools against. ` +
          'Widen the scope (the age band, offence types or date window), or rank on the other measure.',
        { setting: 'scope' },
      ),
    ]);
  }
  const higherShown = rated.wards.filter(
    (ward) => measureOf(ward, metric).published.shown && measureOf(ward, metric).flag === 'higher',
  ).length;
  const asText = (value: number): string => (Number.isFinite(value) ? value.toFixed(2) : SUPPRESSED_SYMBOL);
  audit.push({
    step: 'Ward rates',
    detail: `area rate ${asText(rated.area.offenceRate)} offences and ${asText(rated.area.youngOffenderRate)} young offenders per 1,000 (published counts); ${higherShown} wards shown as higher than the area on the ${metric} measure`,
  });

  progress('Scoring and ranking schools');
  const scored = scoreSchools(
    catchments.schools,
    catchments.shares,
    { wards: rated.wards, districts: rated.districts, areaRate },
    tables,
    protection.published,
    parameters,
    { sheet: schoolSheet.mapping.sheet, column: headerOf(schoolSheet.mapping, 'urn') },
    { decayAlternatives: catchments.decayDraws().map((draw) => draw.shares), resampleObserved: true },
  );
  append(issues, scored.issues);
  const list = compareWithCurrentList(
    schoolSheet.rows.records,
    scored.schools,
    scored.ranks,
    validated.list,
    parameters,
  );
  append(issues, list.issues);
  progress('Testing the top group against other reasonable choices');
  const robustness = sensitivity({
    workbook: inputs.workbook,
    parameters,
    offences,
    inScope: scoped.inScope,
    resolvedRows: placement.resolved,
    schoolSheet,
    wardSheet,
    residence: validated.residence,
    area,
    catchments,
    rated,
    tables,
    published: protection.published,
    ranks: scored.ranks,
  });
  audit.push({
    step: 'Sensitivity',
    detail: robustness.scenarios
      .map((s) => `${s.description}: ${s.outcome.kind === 'ranked' ? 'run' : `not run (${s.outcome.reason})`}`)
      .join('; '),
  });
  const deprivation = sensitivityToDeprivation({
    workbook: inputs.workbook,
    wardSheet,
    areaWards: area.wards,
    rated: rated.wards,
    metric,
    schools: scored.schools,
    shares: catchments.shares,
    exposure: scored.exposure,
    ranks: scored.ranks,
    topN: parameters.topN,
  });
  const schools: SchoolResult[] = scored.schools
    .map((school): SchoolResult => {
      const exposure = scored.exposure.get(school.urn);
      const rank = scored.ranks.get(school.urn);
      const catchment = catchments.shares.get(school.urn);
      if (!exposure || !rank || !catchment)
        throw new Error(`School ${school.urn} was scored without a rank or catchment.`);
      return {
        urn: school.urn,
        name: school.name,
        phase: school.phase,
        phaseText: school.phaseText,
        pupils: school.pupils,
        pupilsKnown: school.pupilsKnown,
        catchmentModel: catchment.model,
        catchmentCoverage:
          catchment.model === 'observed' && Number.isFinite(catchment.coverage) && school.pupilsKnown
            ? catchment.coverage
            : null,
        catchmentWards: catchment.shares,
        wardsInCatchment: catchment.shares.filter((s) => s.share > 0).length,
        exposureRate: exposure.exposureRate,
        exposureIndex: exposure.exposureIndex,
        shareFromHigherWards: exposure.shareFromHigherWards,
        pupilsFromHigherWards: school.pupilsKnown ? exposure.pupilsFromHigherWards : Number.NaN,
        offendersAttending: parameters.showAttending ? published(CELL_ID.school(school.urn)) : null,
        offendersAttendingCount: attendingCount(school.urn),
        rank: rank.rank,
        rankLower: rank.rankLower,
        rankUpper: rank.rankUpper,
        decile: scored.deciles.get(school.urn) ?? 10,
        onCurrentList: list.comparison.onList.has(school.urn),
        newCandidate: list.comparison.newCandidates.includes(school.urn),
      };
    })
    .sort((a, b) => a.rank - b.rank || a.urn.localeCompare(b.urn));
  audit.push({
    step: 'Rank schools',
    detail:
      `${schools.length} schools ranked by exposure (${metric}); ${parameters.simulations} seeded simulations (seed ${parameters.seed}); ` +
      `${list.comparison.newCandidates.length} of the top ${parameters.topN} not on the current list`,
  });

  const phaseTotals: PhaseTotal[] = phasesOf(attendingSchools).map((phase) => {
    const members = catchments.schools.filter((school) => school.phase === phase);
    return {
      phase,
      schools: members.length,
      offendersAttending: published(CELL_ID.phase(phase)),
      offendersAttendingCount: members.reduce((sum, school) => sum + attendingCount(school.urn), 0),
    };
  });
  const schoolsAttendingTotal = {
    count: catchments.schools.reduce((sum, school) => sum + attendingCount(school.urn), 0),
    published: parameters.showAttending ? published(CELL_ID.allSchools) : null,
  };

  const sheetRows = (
    role: SheetRole,
    sheet: { mapping: { sheet: string; headerRow: number }; rows: { rowsRead: number; rowsBlank: number } } | undefined,
    usedRows: readonly number[],
    notUsed: readonly Issue['code'][],
  ) =>
    sheet
      ? [
          reconcileRows(
            {
              role,
              sheet: sheet.mapping.sheet,
              headerRow: sheet.mapping.headerRow,
              rowsRead: sheet.rows.rowsRead,
              rowsBlank: sheet.rows.rowsBlank,
              usedRows,
              notUsedCodes: new Set(notUsed),
            },
            issues,
          ),
        ]
      : [];
  const reconciliation = [
    ...sheetRows(
      'offences',
      offences,
      scoped.inScope.map((r) => r.sourceRow),
      ['ageOutsideBand', 'offenceTypeOutOfScope', 'offenceTypeUnclassified', 'dateOutsideWindow'],
    ),
    ...sheetRows(
      'schools',
      schoolSheet,
      scored.schools.map((r) => r.sourceRow),
      ['phaseOutOfScope', 'closedSchool', 'outsideArea', 'schoolNotRanked'],
    ),
    ...sheetRows(
      'wards',
      wardSheet,
      area.wards.map((r) => r.sourceRow),
      ['unknownWard'],
    ),
    ...sheetRows(
      'pupilResidence',
      validated.residence,
      catchments.residence.map((r) => r.sourceRow),
      ['unknownWard', 'unknownSchool', 'schoolNotRanked', 'residenceNotUsed'],
    ),
    ...sheetRows(
      'currentList',
      validated.list,
      (validated.list?.rows.records ?? []).map((r) => r.sourceRow),
      [],
    ),
  ];

  const result: AnalysisResult = {
    parameters,
    roles: detection.assignments,
    columns: Object.fromEntries(
      Object.entries(detection.mappings).map(([role, mapping]) => [
        role,
        Object.fromEntries(
          Object.entries(mapping?.fields ?? {}).map(([field, match]) => [field, match?.header ?? field]),
        ),
      ]),
    ),
    mappingNotes,
    boundarySource: area.boundarySource,
    boundaries: area.boundaries,
    wards: rated.wards,
    districts: rated.districts,
    area: rated.area,
    schools,
    phaseTotals,
    schoolsAttendingTotal,
    disclosure: {
      ...disclosureSummary(protection, new Map(tables.cells.map((cell) => [cell.id, cell.label]))),
      acrossRuns: acrossRunsSummary(protectedCounts.acrossRuns, earlier),
    },
    ledger: nextLedger(ledger, secret, { parameters, period, rules, cells: protectedCounts.ledgerCells, today }),
    schoolsConsidered: schoolSheet.rows.records.length,
    issues,
    reconciliation,
    placement: placement.counts,
    distinctYoungOffenders: protectedCounts.distinctYoungOffenders,
    offenceTypes: scoped.types,
    period,
    populationYear: populationYear(inputs.workbook, wardSheet.mapping),
    list: list.summary,
    catchmentNote: catchments.note,
    decayMetres: catchments.decayMetres,
    rankUncertainty: rankUncertainty(catchments),
    sensitivity: robustness,
    deprivation,
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
