import type { SummaryLine } from '../protocol';
import { element } from './dom';

/** Shows the dialogue's current choices (age band, threshold, sheets...) in full, as a term/value list. */
export function renderParameterSummary(list: HTMLDListElement, lines: readonly SummaryLine[]): void {
  const rows = lines.map((line) => {
    const row = element('div', { className: 'parameter' });
    row.append(element('dt', { text: line.label }), element('dd', { text: line.value }));
    return row;
  });
  list.replaceChildren(...rows);
}
