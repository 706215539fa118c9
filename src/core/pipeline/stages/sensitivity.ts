import type { LinkedTables, PublishedCount } from '../../disclosure';
import { must } from '../../must';
import type { SchoolRank } from '../../ranking';
import type {
  AnalysisParameters,
  OffenceRecord,
  PupilResidenceRecord,
  RankingMetric,
  SchoolRecord,
  WardRecord,
  WorkbookData,
} from '../../types';
import { validateWards, youngPopulationSource } from '../../validate';
import { CELL_ID, type WardCounts } from '../publishedTables';
import { analysisPeriod } from './analysisPeriod';
import { wardCountsOf } from './countScope';
import { modelCatchments, type Catchments } from './modelCatchments';
import { countKeptByWard, resolveRows, type ResolvedRows } from './recountPlacement';
import { headerOf, sheetByName } from './problems';
import { rateWards, type RatedWards } from './rateWards';
import { scoreSchools } from './scoreSchools';
import type { StudyArea } from './studyArea';
import type { ValidatedSheet } from './validateInputs';

/** How a school's place in the top N fares across the scenarios. */
export type SensitivityLabel = 'robust' | 'depends on choices' | 'only under this setting';

export type ScenarioKey =
  | 'given'
  | 'otherMetric'
  | 'otherCatchment'
  | 'oneYearOlderFrom'
  | 'oneYearYoungerTo'
  | 'otherSmoothing'
  | 'last12Months';

/** The top N under one scenario, or why the scenario could not be run (said on the sheet, never dropped). */
export type ScenarioOutcome =
  | { readonly kind: 'ranked'; readonly topUrns: readonly string[] }
  | { readonly kind: 'notRun'; readonly reason: string };

/** One reasonable change of method: what it changes, the parameters a re-run with it would use, and its top N. */
export interface SensitivityScenario {
  readonly key: ScenarioKey;
  readonly description: string;
  readonly parameters: AnalysisParameters;
  readonly outcome: ScenarioOutcome;
}

export interface SchoolSensitivity {
  readonly urn: string;
  readonly name: string;
  /** The run's own rank (NaN when the run could not rank it: it is in a top N only under another scenario). */
  readonly rank: number;
  /** In the top N under each scenario, in the scenarios' order; null where the scenario was not run. */
  readonly inTop: readonly (boolean | null)[];
  readonly scenariosInTop: number;
  readonly scenariosRun: number;
  readonly label: SensitivityLabel;
}

/** Every scenario (the run's own first) and every school in the top N under any of them. */
export interface Sensitivity {
  readonly topN: number;
  readonly scenarios: readonly SensitivityScenario[];
  readonly schools: readonly SchoolSensitivity[];
}

/** What the scenarios rerun the scoring from: the run's validated inputs and its published ward counts. */
export interface SensitivityInputs {
  readonly workbook: WorkbookData;
  readonly parameters: AnalysisParameters;
  readonly offences: ValidatedSheet<OffenceRecord>;
  readonly inScope: readonly OffenceRecord[];
  /** `inScope` as placement resolved it (Placement.resolved); resolved again here when absent. */
  readonly resolvedRows?: ResolvedRows;
  readonly schoolSheet: ValidatedSheet<SchoolRecord>;
  readonly wardSheet: ValidatedSheet<WardRecord>;
  readonly residence: ValidatedSheet<PupilResidenceRecord> | undefined;
  readonly area: StudyArea;
  readonly catchments: Catchments;
  readonly rated: RatedWards;
  readonly tables: LinkedTables;
  readonly published: ReadonlyMap<string, PublishedCount>;
  /** The run's own ranks: the given scenario is the run itself. */
  readonly ranks: ReadonlyMap<string, SchoolRank>;
}

const MEASURE_WORDS: Record<RankingMetric, string> = {
  offences: 'offences by offence ward',
  youngOffenders: 'young offenders by home ward',
};
const EMPTY_TABLES: LinkedTables = { cells: [], relations: [] };
const DAY_MS = 86_400_000;

/**
 * The inputs with the in-scope rows' locations resolved on the first recount and shared by the
 * others (each scenario's area has the run's wards; only their populations differ).
 */
interface RecountInputs extends SensitivityInputs {
  readonly resolved: () => ResolvedRows;
}

const notRun = (reason: string): ScenarioOutcome => ({ kind: 'notRun', reason });

/** The URNs ranked 1..N by point rank. */
function topOf(ranks: ReadonlyMap<string, SchoolRank>, topN: number): ScenarioOutcome {
  return {
    kind: 'ranked',
    topUrns: [...ranks]
      .filter(([, rank]) => rank.rank <= topN)
      .sort((a, b) => a[1].rank - b[1].rank)
      .map(([urn]) => urn),
  };
}

/** Point ranks on given ward rates and catchments: the scoring stage with no simulation. */
function pointTop(
  inputs: SensitivityInputs,
  parameters: AnalysisParameters,
  catchments: Pick<Catchments, 'schools' | 'shares'>,
  rated: RatedWards,
  tables: LinkedTables,
  published: ReadonlyMap<string, PublishedCount>,
): ScenarioOutcome {
  const metric = parameters.rankingMetric;
  const areaRate = rated.areaRate[metric].published;
  if (!(areaRate > 0))
    return notRun(
      `the area's total of ${MEASURE_WORDS[metric]} is withheld or 0, so there is no area rate to rank against`,
    );
  const sheet = { sheet: inputs.schoolSheet.mapping.sheet, column: headerOf(inputs.schoolSheet.mapping, 'urn') };
  const scored = scoreSchools(
    catchments.schools,
    catchments.shares,
    { wards: rated.wards, districts: rated.districts, areaRate },
    tables,
    published,
    { ...parameters, simulations: 0 },
    sheet,
  );
  return topOf(scored.ranks, parameters.topN);
}

/** A scenario on the run's own published ward counts: another measure, catchment or smoothing. */
function onPublishedCounts(
  inputs: SensitivityInputs,
  parameters: AnalysisParameters,
  catchments: Pick<Catchments, 'schools' | 'shares'> = inputs.catchments,
): ScenarioOutcome {
  return pointTop(inputs, parameters, catchments, inputs.rated, inputs.tables, inputs.published);
}

/** Every ward, district and area count of both measures, as if shown: a recounted scope's counts, which never leave the engine. */
function countsAsShown(wardCounts: readonly WardCounts[]): Map<string, PublishedCount> {
  const shown = new Map<string, PublishedCount>();
  for (const measure of ['offences', 'youngOffenders'] as const) {
    const sums = new Map<string, number>();
    let area = 0;
    for (const ward of wardCounts) {
      shown.set(CELL_ID.ward(measure, ward.wardCode), { shown: true, value: ward[measure] });
      sums.set(ward.districtKey, (sums.get(ward.districtKey) ?? 0) + ward[measure]);
      area += ward[measure];
    }
    for (const [key, value] of sums) shown.set(CELL_ID.district(measure, key), { shown: true, value });
    shown.set(CELL_ID.area(measure), { shown: true, value: area });
  }
  return shown;
}

/**
 * A scenario that counts a narrower scope (fewer ages, a shorter period): the in-scope rows it
 * keeps counted again (their locations as resolved once for every scenario), its catchments
 * modelled again when the populations change, its wards rated and its schools scored on the true
 * counts (nothing of it is published but the top N membership).
 */
function onRecount(
  inputs: RecountInputs,
  parameters: AnalysisParameters,
  keep: (offence: OffenceRecord) => boolean,
  area: StudyArea,
): ScenarioOutcome {
  const { kept, byWard } = countKeptByWard(inputs.resolved(), keep);
  if (kept === 0) return notRun('no offence is in scope under it');
  const wardCounts = wardCountsOf(area, byWard);
  const catchments =
    area === inputs.area
      ? { ok: true as const, ...inputs.catchments }
      : modelCatchments(inputs.schoolSheet, inputs.residence, area, parameters);
  if (!catchments.ok) return notRun(catchments.problems[0]?.message ?? 'no school could be given a catchment');
  const shown = countsAsShown(wardCounts);
  const rated = rateWards(
    wardCounts,
    area.wards,
    area.boundaryByCode,
    (id) => shown.get(id) ?? { shown: true, value: 0 },
    parameters,
  );
  return pointTop(inputs, parameters, catchments, rated, EMPTY_TABLES, shown);
}

const bandText = ([from, to]: readonly [number, number]): string => `${from}–${to}`;

/** The ages one year narrower at one end, where the wards sheet gives their population. */
function narrowerBand(inputs: RecountInputs, key: 'oneYearOlderFrom' | 'oneYearYoungerTo'): SensitivityScenario {
  const [from, to] = inputs.parameters.ageBand;
  const band: [number, number] = key === 'oneYearOlderFrom' ? [from + 1, to] : [from, to - 1];
  const parameters = { ...inputs.parameters, ageBand: band };
  const description = `Ages ${bandText(band)} (one year narrower at the ${key === 'oneYearOlderFrom' ? 'youngest' : 'oldest'} end)`;
  const scenario = (outcome: ScenarioOutcome): SensitivityScenario => ({ key, description, parameters, outcome });
  if (band[0] > band[1]) return scenario(notRun(`the age band ${bandText([from, to])} is a single year`));
  const mapping = inputs.wardSheet.mapping;
  const source = youngPopulationSource(mapping, band);
  if (!('source' in source) || source.source.kind === 'column') {
    return scenario(
      notRun(`the wards sheet gives no population for ages ${bandText(band)} (no single-year columns for them)`),
    );
  }
  const sheet = sheetByName(inputs.workbook, mapping.sheet) ?? { name: mapping.sheet, rows: [] };
  const population = new Map(
    validateWards(sheet, mapping, band).records.map((ward) => [ward.sourceRow, ward.youngPopulation]),
  );
  if (inputs.area.wards.some((ward) => !population.has(ward.sourceRow))) {
    return scenario(notRun(`some study wards have no valid population for ages ${bandText(band)}`));
  }
  const area: StudyArea = {
    ...inputs.area,
    wards: inputs.area.wards.map((ward) => ({
      ...ward,
      youngPopulation: must(population, ward.sourceRow, 'ward population'),
    })),
  };
  return scenario(onRecount(inputs, parameters, (offence) => offence.age >= band[0] && offence.age <= band[1], area));
}

/** The 12 months ending on the period's last day (from the day after the same date a year before), when the period is longer. */
function lastTwelveMonths(inputs: RecountInputs): SensitivityScenario {
  const period = analysisPeriod(inputs.parameters, inputs.inScope);
  const key = 'last12Months';
  if (!period)
    return {
      key,
      description: 'The last 12 months of the period',
      parameters: inputs.parameters,
      outcome: notRun('no period: nothing is counted'),
    };
  const to = period.to;
  const from = new Date(Date.UTC(to.getUTCFullYear() - 1, to.getUTCMonth(), to.getUTCDate() + 1));
  const fromTime = from.getTime();
  const parameters = { ...inputs.parameters, dateFrom: from };
  const day = (date: Date): string => date.toISOString().slice(0, 10);
  const description = `The last 12 months of the period only (${day(from)} to ${day(to)})`;
  if (Math.floor(period.from.getTime() / DAY_MS) * DAY_MS >= from.getTime()) {
    return {
      key,
      description,
      parameters,
      outcome: notRun(`the period (${day(period.from)} to ${day(to)}) is no longer than 12 months`),
    };
  }
  return {
    key,
    description,
    parameters,
    outcome: onRecount(inputs, parameters, (offence) => offence.offenceDate.getTime() >= fromTime, inputs.area),
  };
}

/** Observed catchments against the model for every school, where pupil residence was given. */
function otherCatchment(inputs: SensitivityInputs): SensitivityScenario {
  const given = inputs.parameters.catchmentModel;
  const other = given === 'distanceDecay' ? 'auto' : 'distanceDecay';
  const parameters = { ...inputs.parameters, catchmentModel: other } as const;
  const description =
    other === 'distanceDecay'
      ? 'Modelled catchment for every school (observed pupil home wards set aside)'
      : 'Observed catchment where pupil home wards are given';
  const scenario = (outcome: ScenarioOutcome): SensitivityScenario => ({
    key: 'otherCatchment',
    description,
    parameters,
    outcome,
  });
  const observedGiven = inputs.catchments.schools.some(
    (school) => inputs.catchments.shares.get(school.urn)?.model === 'observed',
  );
  if (!inputs.residence || (given !== 'distanceDecay' && !observedGiven)) {
    return scenario(
      notRun('no school has observed pupil home wards, so there is no observed catchment to compare with'),
    );
  }
  const catchments = modelCatchments(inputs.schoolSheet, inputs.residence, inputs.area, parameters);
  if (!catchments.ok)
    return scenario(notRun(catchments.problems[0]?.message ?? 'no school could be given a catchment'));
  return scenario(onPublishedCounts(inputs, parameters, catchments));
}

/** Each school's place across the scenarios: robust (every one run), only under this setting (the given alone), or depends on choices. */
export function sensitivityLabel(inTop: readonly (boolean | null)[]): SensitivityLabel {
  const run = inTop.filter((entry): entry is boolean => entry !== null);
  const count = run.filter(Boolean).length;
  if (count === run.length) return 'robust';
  return count === 1 && inTop[0] === true ? 'only under this setting' : 'depends on choices';
}

/**
 * The sensitivity of the top N to reasonable changes of method: the run's own ranking, then the
 * other measure, the other catchment (where pupil residence exists), the age band one year narrower
 * at each end (where the wards sheet gives those ages), with or without empirical-Bayes smoothing,
 * and the period's last 12 months. Each scenario reruns the scoring stages by point rank (no
 * simulation, no disclosure control): on the run's published counts where it changes only the
 * method, on the true counts of its own scope where it counts fewer rows (those counts never leave
 * the engine; only top-N membership does). A scenario that cannot be run says why.
 */
export function sensitivity(given: SensitivityInputs): Sensitivity {
  let resolved: ResolvedRows | undefined = given.resolvedRows;
  const inputs: RecountInputs = { ...given, resolved: () => (resolved ??= resolveRows(given.inScope, given.area)) };
  const p = inputs.parameters;
  const otherMetric: RankingMetric = p.rankingMetric === 'offences' ? 'youngOffenders' : 'offences';
  const smoothing = p.smoothing === 'empiricalBayes' ? 'none' : 'empiricalBayes';
  const scenario = (
    key: ScenarioKey,
    description: string,
    parameters: AnalysisParameters,
    outcome: () => ScenarioOutcome,
  ): SensitivityScenario => ({ key, description, parameters, outcome: outcome() });
  const scenarios: SensitivityScenario[] = [
    scenario('given', 'As this run: the settings on the Method sheet', p, () => topOf(inputs.ranks, p.topN)),
    scenario('otherMetric', `Ranked on ${MEASURE_WORDS[otherMetric]}`, { ...p, rankingMetric: otherMetric }, () =>
      onPublishedCounts(inputs, { ...p, rankingMetric: otherMetric }),
    ),
    otherCatchment(inputs),
    narrowerBand(inputs, 'oneYearOlderFrom'),
    narrowerBand(inputs, 'oneYearYoungerTo'),
    scenario(
      'otherSmoothing',
      smoothing === 'empiricalBayes'
        ? 'Ward rates smoothed (empirical Bayes) before scoring'
        : 'Crude ward rates (no smoothing)',
      { ...p, smoothing },
      () => onPublishedCounts(inputs, { ...p, smoothing }),
    ),
    lastTwelveMonths(inputs),
  ];
  return { topN: p.topN, scenarios, schools: schoolsAcross(inputs, scenarios) };
}

/** Every school in the top N under any scenario, in the run's rank order (then by URN). */
function schoolsAcross(inputs: SensitivityInputs, scenarios: readonly SensitivityScenario[]): SchoolSensitivity[] {
  const tops = scenarios.map((s) => (s.outcome.kind === 'ranked' ? new Set(s.outcome.topUrns) : null));
  const urns = new Set(tops.flatMap((top) => (top ? [...top] : [])));
  const names = new Map(inputs.schoolSheet.rows.records.map((school) => [school.urn, school.name]));
  return [...urns]
    .map((urn): SchoolSensitivity => {
      const inTop = tops.map((top) => (top ? top.has(urn) : null));
      return {
        urn,
        name: names.get(urn) ?? urn,
        rank: inputs.ranks.get(urn)?.rank ?? Number.NaN,
        inTop,
        scenariosInTop: inTop.filter((entry) => entry === true).length,
        scenariosRun: inTop.filter((entry) => entry !== null).length,
        label: sensitivityLabel(inTop),
      };
    })
    .sort(
      (a, b) =>
        (Number.isNaN(a.rank) ? 1 : 0) - (Number.isNaN(b.rank) ? 1 : 0) ||
        a.rank - b.rank ||
        (a.urn < b.urn ? -1 : a.urn > b.urn ? 1 : 0),
    );
}
