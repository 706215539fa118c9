import type { AnalysisResult } from '../core/pipeline/analysisResult';

const rows = (n: number): string => `${n.toLocaleString('en-GB')} row${n === 1 ? '' : 's'}`;

/**
 * The console's account of the offence types: what was counted, what was not and how to include
 * it, and the types that could not be classified (never counted silently).
 */
export function offenceTypeLines(result: Pick<AnalysisResult, 'offenceTypes'>): string[] {
  const { counted, notCounted, unclassified, rule } = result.offenceTypes;
  const list = (types: typeof counted): string => types.map((t) => `${t.text} (${rows(t.rows)})`).join('; ');
  const lines = [
    `Offence types counted${rule === 'default' ? ' (the Home Office violence groups, by default)' : ''}: ${counted.length > 0 ? list(counted) : 'none'}.`,
  ];
  if (notCounted.length > 0) {
    lines.push(
      `Not counted as violence: ${list(notCounted)}. To include one: --types "violence;${notCounted[0].text}".`,
    );
  }
  if (unclassified.length > 0) {
    lines.push(
      `WARNING: ${unclassified.length === 1 ? 'one offence type is' : `${unclassified.length} offence types are`} not recognised and not counted: ${list(unclassified)}. ` +
        `If ${unclassified.length === 1 ? 'it is' : 'any are'} violence, include ${unclassified.length === 1 ? 'it' : 'them'}: --types "violence;${unclassified[0].text}".`,
    );
  }
  return lines;
}
