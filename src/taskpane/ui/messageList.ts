import type { Choice } from '../../conversation/types';
import { element } from './dom';
import { segmentReply, type ReplySegment } from './replyTables';

export type NoticeTone = 'info' | 'problem';

/** A link to one written sheet: the button's text and the sheet it brings to the front. */
export interface SheetLink {
  readonly label: string;
  readonly sheetName: string;
}

/**
 * The conversation as a list of bubbles: the analyst's words on one side, the add-in's replies on
 * the other, each reply followed by its quick-reply buttons. Only the latest reply's buttons are
 * live; older ones are disabled so an answer cannot be given to a question no longer asked.
 * Lists in replies (ranked schools, sheets, offence types with their rows) show as tables
 * (replyTables). All text is set with textContent; line breaks show through `white-space: pre-wrap`.
 */
export interface MessageList {
  analyst(text: string): void;
  reply(text: string, choices: readonly Choice[], onChoice: (choice: Choice) => void): void;
  notice(text: string, tone: NoticeTone): void;
  sheetLinks(heading: string, links: readonly SheetLink[], onOpen: (link: SheetLink) => void): void;
  /** Disables every quick-reply button shown so far. */
  retireChoices(): void;
}

const NUMERIC = /^[\d,.–%-]+$/;

/** A list from a reply as a table, in a region that scrolls sideways on its own when the pane is narrow. */
function table(segment: Extract<ReplySegment, { kind: 'table' }>): HTMLDivElement {
  const region = element('div', {
    className: 'reply-table',
    attributes: { role: 'region', 'aria-label': segment.label, tabindex: '0' },
  });
  const grid = element('table');
  /** Columns of numbers (ranks, rows, intervals) are set right, under a header set right. */
  const numeric = segment.headers.map((_, column) => segment.rows.every((row) => NUMERIC.test(row[column] ?? '')));
  const headRow = element('tr');
  segment.headers.forEach((header, column) =>
    headRow.append(
      element('th', { text: header, className: numeric[column] ? 'numeric' : undefined, attributes: { scope: 'col' } }),
    ),
  );
  const body = element('tbody');
  for (const row of segment.rows) {
    const tr = element('tr');
    row.forEach((cell, column) => {
      const name = column === segment.nameColumn;
      tr.append(
        element(name ? 'th' : 'td', {
          text: cell,
          className: numeric[column] ? 'numeric' : undefined,
          attributes: name ? { scope: 'row' } : {},
        }),
      );
    });
    body.append(tr);
  }
  const head = element('thead');
  head.append(headRow);
  grid.append(head, body);
  region.append(grid);
  return region;
}

export function createMessageList(list: HTMLOListElement): MessageList {
  function append(item: HTMLLIElement): void {
    list.append(item);
    item.scrollIntoView({ block: 'end' });
  }

  function bubble(role: 'analyst' | 'addin', segments: readonly ReplySegment[]): HTMLLIElement {
    const item = element('li', { className: `message message-${role}` });
    item.append(
      element('span', { className: 'visually-hidden', text: role === 'analyst' ? 'You said: ' : 'Add-in: ' }),
    );
    for (const segment of segments)
      item.append(
        segment.kind === 'text' ? element('p', { className: 'message-text', text: segment.text }) : table(segment),
      );
    if (segments.some((segment) => segment.kind === 'table')) item.classList.add('message-wide');
    return item;
  }

  function buttonRow(className: string, label: string): HTMLDivElement {
    return element('div', { className, attributes: { role: 'group', 'aria-label': label } });
  }

  return {
    analyst(text) {
      append(bubble('analyst', [{ kind: 'text', text }]));
    },
    reply(text, choices, onChoice) {
      const item = bubble('addin', segmentReply(text));
      if (choices.length > 0) {
        const row = buttonRow('choices', 'Quick replies');
        for (const choice of choices) {
          const button = element('button', {
            className: 'choice',
            text: choice.label,
            attributes: { type: 'button', title: choice.utterance },
          });
          button.addEventListener('click', () => onChoice(choice));
          row.append(button);
        }
        item.append(row);
      }
      append(item);
    },
    notice(text, tone) {
      const item = element('li', {
        className: `message message-notice notice-${tone}`,
        attributes: tone === 'problem' ? { role: 'alert' } : {},
      });
      item.append(element('p', { className: 'message-text', text }));
      append(item);
    },
    sheetLinks(heading, links, onOpen) {
      const item = element('li', { className: 'message message-addin message-links' });
      item.append(element('p', { className: 'message-text', text: heading }));
      const row = buttonRow('sheet-links', heading);
      for (const link of links) {
        const button = element('button', {
          className: 'sheet-link',
          text: link.label,
          attributes: { type: 'button', 'data-sheet': link.sheetName },
        });
        button.addEventListener('click', () => onOpen(link));
        row.append(button);
      }
      item.append(row);
      append(item);
    },
    retireChoices() {
      for (const button of Array.from(list.querySelectorAll<HTMLButtonElement>('button.choice')))
        button.disabled = true;
    },
  };
}
