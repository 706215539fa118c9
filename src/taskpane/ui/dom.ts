/**
 * Building elements with text only. Workbook text (sheet, school and ward names) reaches the pane
 * in replies, so nothing here ever parses HTML: text goes in through `textContent`.
 */
export function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  options: {
    readonly className?: string;
    readonly text?: string;
    readonly attributes?: Readonly<Record<string, string>>;
  } = {},
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (options.className) node.className = options.className;
  if (options.text !== undefined) node.textContent = options.text;
  for (const [name, value] of Object.entries(options.attributes ?? {})) node.setAttribute(name, value);
  return node;
}

/** The element with this id, of the expected kind; a missing one is a broken page, so it throws. */
export function byId<T extends HTMLElement>(root: Document, id: string, kind: { new (): T }): T {
  const node = root.getElementById(id);
  if (!(node instanceof kind)) throw new Error(`taskpane.html has no <${kind.name}> with id '${id}'.`);
  return node;
}
