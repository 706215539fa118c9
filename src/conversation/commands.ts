/**
 * Commands: what an analyst's turn means, as a small JSON object. Replayable: the Audit sheet
 * records each one, and applying them again on the same inputs reproduces the same sheets.
 * (Initial shape; the conversation module owns and extends it.)
 */
export type Command =
  | { readonly kind: 'describe' }
  | { readonly kind: 'help' }
  | { readonly kind: 'run' }
  | { readonly kind: 'undo' };
