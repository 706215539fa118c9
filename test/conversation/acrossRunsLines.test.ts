import { disclosureRules } from '../../src/core/disclosure';
import type { AcrossRunsSummary } from '../../src/core/pipeline/analysisResult';
import { acrossRunsLines } from '../../src/conversation/dialogue/acrossRunsLines';

const SUPPRESSION = disclosureRules({ threshold: 5, showZeros: true, roundingBase: null });
const PERTURBATION = disclosureRules({
  threshold: 5,
  showZeros: true,
  roundingBase: null,
  disclosureMethod: 'perturbation',
});

function across(slices: number, kept = 0): AcrossRunsSummary {
  return {
    joined: [1, 2],
    notJoined: [],
    keptShown: kept,
    keptWithheld: 0,
    slices,
    smallSlices: 0,
    asEarlierAllow: 0,
    changedSincePublished: 0,
  };
}

describe('acrossRunsLines', () => {
  it('says the run was protected with the earlier ones, and nothing for a first run', () => {
    expect(acrossRunsLines({ disclosure: { rules: SUPPRESSION, acrossRuns: null } })).toEqual([]);
    const lines = acrossRunsLines({ disclosure: { rules: SUPPRESSION, acrossRuns: across(100, 3) } });
    expect(lines[0]).toBe(
      'Protected together with runs 1, 2 on these records, so that no count can be worked out by comparing the runs.',
    );
    expect(lines[1]).toMatch(/^3 counts have exactly the records/);
    expect(lines).toHaveLength(2);
  });

  it('warns, under suppression, once the runs differ in half the differences one audit takes (750 of 1,500)', () => {
    expect(acrossRunsLines({ disclosure: { rules: SUPPRESSION, acrossRuns: across(749) } })).toHaveLength(1);
    const lines = acrossRunsLines({ disclosure: { rules: SUPPRESSION, acrossRuns: across(750) } });
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatch(/differ in 750 ways .* at most 1,500, .*"use perturbation"/);
  });

  it('never warns under perturbation, which has no such ceiling', () => {
    expect(acrossRunsLines({ disclosure: { rules: PERTURBATION, acrossRuns: across(9000) } })).toHaveLength(1);
  });
});
