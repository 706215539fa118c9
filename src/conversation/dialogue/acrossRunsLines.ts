import type { AnalysisResult } from '../../core/pipeline/analysisResult';

/**
 * What a reply says when a run was protected together with earlier runs on the same records: why
 * some counts look as they did before, in one or two lines. Never which counts are small or cover.
 */
export function acrossRunsLines(result: AnalysisResult): string[] {
  const across = result.disclosure.acrossRuns;
  if (!across || across.joined.length === 0) return [];
  const runs = across.joined.length === 1 ? `run ${across.joined[0]}` : `runs ${across.joined.join(', ')}`;
  const kept = across.keptShown + across.keptWithheld;
  const lines = [
    `Protected together with ${runs} on these records, so that no count can be worked out by comparing the runs.`,
  ];
  if (kept > 0) {
    lines.push(
      `${kept} counts have exactly the records of counts published before, so they are shown or withheld as then (a count already public stays public, whatever this run's threshold).`,
    );
  }
  return lines;
}
