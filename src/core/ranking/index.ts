/** Ranking: school exposure, ranks with simulation intervals, deciles, and comparison with the VRU list. */
export { exposureScores, type SchoolExposure } from './exposureScores';
export { rankByExposure, compareUrns } from './rankByExposure';
export {
  rankWithUncertainty,
  type RankWithUncertaintyInput,
  type SchoolRank,
  type CountSimulation,
  type CatchmentDraws,
} from './rankWithUncertainty';
export { binomialSample, multinomialSample } from './multinomialSample';
export { deciles, decileOfRank } from './deciles';
export { normaliseSchoolName } from './normaliseSchoolName';
export { diceCoefficient } from './diceCoefficient';
export { exactNameKey, abbreviationNameKey, fuzzyNameKey, canonicalNameWords } from './schoolNameKeys';
export {
  compareWithList,
  type ListComparison,
  type ListMatch,
  type ListMatchMethod,
  type ListSchool,
  type RankedSchool,
  type ListCandidate,
  type ListEntryOutcome,
  type MatchedListEntry,
  type AmbiguousListEntry,
  type UnmatchedListEntry,
  type AmbiguityReason,
  type UnmatchedReason,
  type CompareWithListOptions,
} from './compareWithList';
export { headlineGroup, type IntervalRanked } from './headlineGroup';
export { spearmanCorrelation, pearsonCorrelation, averageRanks } from './spearmanCorrelation';
