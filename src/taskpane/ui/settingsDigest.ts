import type { SummaryLine } from '../protocol';

/**
 * The one line shown while the current choices are folded, as segments each kept whole on screen
 * (so 'all-through' is never split) and joined by spaces: the brief of each summary line that has
 * one, and the boundaries file when one was picked, each but the last followed by a dot, e.g.
 * ['Ages 10–17 ·', 'secondary, all-through ·', 'counts 1–4 withheld ·', 'top 20']. The dialogue
 * decides which choices are worth a glance (SummaryLine.brief); the page only knows the file.
 */
export function settingsDigest(lines: readonly SummaryLine[], boundaryFile: string | null): string[] {
  const parts = lines.flatMap((line) => (line.brief ? [line.brief] : []));
  if (boundaryFile !== null) parts.push(`boundaries from ${boundaryFile}`);
  return parts.map((part, index) => (index < parts.length - 1 ? `${part} ·` : part));
}
