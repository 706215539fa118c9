/**
 * Excel's limit on the text of one cell: 32,767 characters (Excel specifications and limits,
 * "Total number of characters that a cell can contain"). Longer text makes Excel repair the file.
 */
export const MAX_CELL_TEXT_LENGTH = 32767;

/** Marks text that was cut to fit a cell. */
export const TRUNCATION_MARK = '…';

/**
 * Text cut to fit one cell, ending with `…` when it was cut (never splitting a surrogate pair).
 * @example truncateCellText('a'.repeat(40000)).length // => 32767 (32,766 'a' + '…')
 */
export function truncateCellText(text: string, maxLength: number = MAX_CELL_TEXT_LENGTH): string {
  if (text.length <= maxLength) return text;
  let head = text.slice(0, maxLength - TRUNCATION_MARK.length);
  const last = head.charCodeAt(head.length - 1);
  if (last >= 0xd800 && last <= 0xdbff) head = head.slice(0, -1);
  return head + TRUNCATION_MARK;
}
