import type { CatchmentShares } from '../../catchment';
import { spearmanCorrelation, type SchoolExposure, type SchoolRank } from '../../ranking';
import type { RankingMetric, SchoolRecord, WardRecord, WorkbookData } from '../../types';
import { cellText, parseNumber } from '../../validate';
import type { WardResult } from '../analysisResult';
import { sheetByName } from './problems';
import type { ValidatedSheet } from './validateInputs';

/** How the column orders wards: a score (higher = more deprived), or a rank or decile (1 = most deprived). */
export type DeprivationMeasure = 'score' | 'rank' | 'decile';

/** A top-N school whose exposure lies well above what its pupils' home wards' deprivation predicts. */
export interface BeyondDeprivation {
  readonly urn: string;
  readonly name: string;
  readonly rank: number;
  readonly exposureIndex: number;
  readonly predictedIndex: number;
}

export type DeprivationCheck =
  | { readonly kind: 'noColumn' }
  | { readonly kind: 'tooFew'; readonly header: string; readonly measure: DeprivationMeasure; readonly reason: string }
  | {
      readonly kind: 'checked';
      readonly header: string;
      readonly measure: DeprivationMeasure;
      /** Wards with a deprivation value and a shown rate of the run's measure; ρ of rate with deprivation. */
      readonly wards: number;
      readonly wardCorrelation: number;
      /** Schools ranked with a deprivation exposure; ρ of exposure index with it. */
      readonly schools: number;
      readonly schoolCorrelation: number;
      /** Standard deviation of the residuals of the straight-line fit of exposure index on deprivation exposure. */
      readonly residualSd: number;
      readonly beyond: readonly BeyondDeprivation[];
    };

/** The usual ONS / MHCLG names: 'Index of Multiple Deprivation (IMD) Score', 'IMD 2019 rank', 'imd_decile'. */
export function deprivationMeasureOf(header: string): DeprivationMeasure | null {
  const text = header.toLowerCase().replace(/[_\-.]+/g, ' ');
  if (!/\bimd\b|multiple deprivation|\bdeprivation\b/.test(text)) return null;
  if (/\bdecile\b/.test(text)) return 'decile';
  if (/\brank\b/.test(text)) return 'rank';
  return /\bpercent|\bquintile|\bincome\b|\bemployment\b/.test(text) ? null : 'score';
}

const PREFERENCE: readonly DeprivationMeasure[] = ['score', 'rank', 'decile'];

/** The wards sheet's deprivation column, a score preferred to a rank and a rank to a decile; values oriented so higher = more deprived. */
function readDeprivation(
  workbook: WorkbookData,
  wardSheet: ValidatedSheet<WardRecord>,
  wards: readonly WardRecord[],
): { header: string; measure: DeprivationMeasure; byWard: Map<string, number> } | null {
  const sheet = sheetByName(workbook, wardSheet.mapping.sheet);
  if (!sheet) return null;
  const firstRow = sheet.firstRow ?? 1;
  const headers = (sheet.rows[wardSheet.mapping.headerRow - firstRow] ?? []).map((cell) => cellText(cell));
  const found = headers
    .map((header, column) => ({ header, column, measure: deprivationMeasureOf(header) }))
    .filter((entry): entry is { header: string; column: number; measure: DeprivationMeasure } => entry.measure !== null)
    .sort((a, b) => PREFERENCE.indexOf(a.measure) - PREFERENCE.indexOf(b.measure))[0];
  if (!found) return null;
  const orientation = found.measure === 'score' ? 1 : -1;
  const byWard = new Map<string, number>();
  for (const ward of wards) {
    const value = parseNumber(sheet.rows[ward.sourceRow - firstRow]?.[found.column] ?? null);
    if (value !== undefined) byWard.set(ward.wardCode.toUpperCase(), orientation * value);
  }
  return { header: found.header, measure: found.measure, byWard };
}

/** Σ share × deprivation over the wards with a value, over the share they hold; NaN without any. */
function deprivationExposure(catchment: CatchmentShares | undefined, byWard: ReadonlyMap<string, number>): number {
  let weighted = 0;
  let share = 0;
  for (const entry of catchment?.shares ?? []) {
    const value = byWard.get(entry.wardCode.toUpperCase());
    if (value === undefined || !(entry.share > 0)) continue;
    weighted += entry.share * value;
    share += entry.share;
  }
  return share > 0 ? weighted / share : Number.NaN;
}

export interface DeprivationInputs {
  readonly workbook: WorkbookData;
  readonly wardSheet: ValidatedSheet<WardRecord>;
  readonly areaWards: readonly WardRecord[];
  readonly rated: readonly WardResult[];
  readonly metric: RankingMetric;
  readonly schools: readonly SchoolRecord[];
  readonly shares: ReadonlyMap<string, CatchmentShares>;
  readonly exposure: ReadonlyMap<string, SchoolExposure>;
  readonly ranks: ReadonlyMap<string, SchoolRank>;
  readonly topN: number;
}

/**
 * Does the ranking just reproduce deprivation? Where the wards sheet has a deprivation column (an
 * IMD score, rank or decile by its usual names): Spearman's ρ of the shown ward rates with
 * deprivation, and of the schools' exposure index with the deprivation of their pupils' home wards
 * (weighted by catchment share, like exposure); then a straight-line fit of exposure index on that
 * deprivation over every school ranked, and the top-N schools more than one residual standard
 * deviation above the line: their place rests on police-recorded violence beyond what deprivation
 * alone predicts. Uses published ward rates only.
 */
export function sensitivityToDeprivation(inputs: DeprivationInputs): DeprivationCheck {
  const read = readDeprivation(inputs.workbook, inputs.wardSheet, inputs.areaWards);
  if (!read) return { kind: 'noColumn' };
  const { header, measure, byWard } = read;
  const wardPairs = inputs.rated.flatMap((ward) => {
    const estimate = inputs.metric === 'offences' ? ward.offences : ward.youngOffenders;
    const value = byWard.get(ward.wardCode.toUpperCase());
    return estimate.published.shown && Number.isFinite(estimate.rate) && value !== undefined
      ? [[estimate.rate, value] as const]
      : [];
  });
  const schoolPoints = inputs.schools.flatMap((school) => {
    const index = inputs.exposure.get(school.urn)?.exposureIndex ?? Number.NaN;
    const deprivation = deprivationExposure(inputs.shares.get(school.urn), byWard);
    return Number.isFinite(index) && Number.isFinite(deprivation) ? [{ school, index, deprivation }] : [];
  });
  if (schoolPoints.length < 3)
    return {
      kind: 'tooFew',
      header,
      measure,
      reason: `only ${schoolPoints.length} school(s) ranked have home wards with a deprivation value`,
    };
  const meanX = schoolPoints.reduce((sum, p) => sum + p.deprivation, 0) / schoolPoints.length;
  const meanY = schoolPoints.reduce((sum, p) => sum + p.index, 0) / schoolPoints.length;
  const sxx = schoolPoints.reduce((sum, p) => sum + (p.deprivation - meanX) ** 2, 0);
  if (!(sxx > 0))
    return { kind: 'tooFew', header, measure, reason: "the schools' home wards do not differ in deprivation" };
  const slope = schoolPoints.reduce((sum, p) => sum + (p.deprivation - meanX) * (p.index - meanY), 0) / sxx;
  const predicted = (x: number): number => meanY + slope * (x - meanX);
  const residualSd = Math.sqrt(
    schoolPoints.reduce((sum, p) => sum + (p.index - predicted(p.deprivation)) ** 2, 0) / (schoolPoints.length - 2),
  );
  const beyond = schoolPoints
    .map((p) => ({
      urn: p.school.urn,
      name: p.school.name,
      rank: inputs.ranks.get(p.school.urn)?.rank ?? Number.NaN,
      exposureIndex: p.index,
      predictedIndex: predicted(p.deprivation),
    }))
    .filter((p) => p.rank <= inputs.topN && p.exposureIndex - p.predictedIndex > residualSd)
    .sort((a, b) => a.rank - b.rank);
  return {
    kind: 'checked',
    header,
    measure,
    wards: wardPairs.length,
    wardCorrelation: spearmanCorrelation(
      wardPairs.map((p) => p[0]),
      wardPairs.map((p) => p[1]),
    ),
    schools: schoolPoints.length,
    schoolCorrelation: spearmanCorrelation(
      schoolPoints.map((p) => p.index),
      schoolPoints.map((p) => p.deprivation),
    ),
    residualSd,
    beyond,
  };
}
