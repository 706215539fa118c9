import { methodOf } from '../../core/disclosure';
import { MAX_SLICES } from '../../core/pipeline';
import type { DisclosureSummary } from '../../core/pipeline/analysisResult';

/**
 * What a reply says when a run was protected together with earlier runs on the same records: why
 * some counts look as they did before, in one or two lines. Never which counts are small or cover.
 */
export function acrossRunsLines(result: {
  readonly disclosure: Pick<DisclosureSummary, 'acrossRuns' | 'rules'>;
}): string[] {
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
  // Suppression's joint audit has a ceiling: say so while there are reruns left, not only when one is refused.
  if (methodOf(result.disclosure.rules) === 'suppression' && across.slices >= MAX_SLICES / 2) {
    lines.push(
      `These runs already differ in ${across.slices.toLocaleString('en-GB')} ways between their scopes, and one suppression audit takes at most ${MAX_SLICES.toLocaleString('en-GB')}, so a few more overlapping reruns will be refused. For many reruns, start a new workbook (or ledger) with "use perturbation": every count shown with a little noise, however many runs.`,
    );
  }
  return lines;
}
