import { escapeXml, unescapeXml } from './xmlText';

/**
 * String surgery on the package parts of an .xlsx file (ECMA-376 Part 2, Open Packaging
 * Conventions): relationship parts, `[Content_Types].xml`, the workbook's sheet list and a
 * worksheet's `<drawing>` element. Pure; written for the well-formed parts exceljs produces.
 */

export const RELATIONSHIP_TYPES = {
  drawing: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing',
  chart: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart',
} as const;

export const CONTENT_TYPES = {
  drawing: 'application/vnd.openxmlformats-officedocument.drawing+xml',
  chart: 'application/vnd.openxmlformats-officedocument.drawingml.chart+xml',
} as const;

export interface Relationship {
  readonly id: string;
  readonly type: string;
  readonly target: string;
  readonly targetMode?: string;
}

/** The relationships of a `.rels` part, in document order. */
export function parseRelationships(relsXml: string): Relationship[] {
  const relationships: Relationship[] = [];
  for (const match of relsXml.matchAll(/<Relationship\b([^>]*?)\/?>/g)) {
    const attributes = parseAttributes(match[1]);
    relationships.push({
      id: attributes.Id ?? '',
      type: attributes.Type ?? '',
      target: attributes.Target ?? '',
      ...(attributes.TargetMode ? { targetMode: attributes.TargetMode } : {}),
    });
  }
  return relationships;
}

/** A `.rels` part holding `relationships`. */
export function relationshipsXml(relationships: readonly Relationship[]): string {
  const items = relationships
    .map(
      (rel) =>
        `<Relationship Id="${escapeXml(rel.id)}" Type="${escapeXml(rel.type)}" Target="${escapeXml(rel.target)}"` +
        (rel.targetMode ? ` TargetMode="${escapeXml(rel.targetMode)}"` : '') +
        '/>',
    )
    .join('');
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${items}</Relationships>`
  );
}

/**
 * An Id not yet used in `relationships`: `rId` plus one more than the largest numeric suffix.
 * @example nextRelationshipId([{ id: 'rId1', ... }, { id: 'rId3', ... }]) // => 'rId4'
 */
export function nextRelationshipId(relationships: readonly Relationship[]): string {
  let largest = 0;
  for (const rel of relationships) {
    const match = /^rId(\d+)$/.exec(rel.id);
    if (match) largest = Math.max(largest, Number(match[1]));
  }
  let candidate = largest + 1;
  while (relationships.some((rel) => rel.id === `rId${candidate}`)) candidate++;
  return `rId${candidate}`;
}

/**
 * The `.rels` part that holds a part's relationships.
 * @example relationshipsPathFor('xl/worksheets/sheet1.xml') // => 'xl/worksheets/_rels/sheet1.xml.rels'
 */
export function relationshipsPathFor(partPath: string): string {
  const slash = partPath.lastIndexOf('/');
  return `${partPath.slice(0, slash + 1)}_rels/${partPath.slice(slash + 1)}.rels`;
}

/**
 * The zip path of a relationship's target, resolved against the source part's folder.
 * @example resolveTarget('xl/worksheets/sheet1.xml', '../drawings/drawing1.xml') // => 'xl/drawings/drawing1.xml'
 * @example resolveTarget('xl/workbook.xml', '/xl/worksheets/sheet2.xml') // => 'xl/worksheets/sheet2.xml'
 */
export function resolveTarget(sourcePartPath: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const segments = sourcePartPath.split('/').slice(0, -1);
  for (const segment of target.split('/')) {
    if (segment === '..') segments.pop();
    else if (segment !== '.' && segment !== '') segments.push(segment);
  }
  return segments.join('/');
}

/**
 * The relative target from one part to another, as relationship parts write it.
 * @example relativeTarget('xl/drawings/drawing1.xml', 'xl/charts/chart2.xml') // => '../charts/chart2.xml'
 */
export function relativeTarget(fromPartPath: string, toPartPath: string): string {
  const from = fromPartPath.split('/').slice(0, -1);
  const to = toPartPath.split('/');
  let shared = 0;
  while (shared < from.length && shared < to.length - 1 && from[shared] === to[shared]) shared++;
  return [...from.slice(shared).map(() => '..'), ...to.slice(shared)].join('/');
}

/** `[Content_Types].xml` with an Override for `partPath` (added only when missing). */
export function withContentTypeOverride(contentTypesXml: string, partPath: string, contentType: string): string {
  const partName = `/${partPath}`;
  if (contentTypesXml.includes(`PartName="${escapeXml(partName)}"`)) return contentTypesXml;
  const override = `<Override PartName="${escapeXml(partName)}" ContentType="${escapeXml(contentType)}"/>`;
  const end = contentTypesXml.lastIndexOf('</Types>');
  if (end < 0) throw new Error('[Content_Types].xml has no </Types>: the package is not an OOXML file.');
  return contentTypesXml.slice(0, end) + override + contentTypesXml.slice(end);
}

/** The workbook's sheets (`xl/workbook.xml` `<sheet>` elements) in tab order: decoded name and relationship id. */
export function parseWorkbookSheets(workbookXml: string): { name: string; relationshipId: string }[] {
  const sheets: { name: string; relationshipId: string }[] = [];
  for (const match of workbookXml.matchAll(/<sheet\b([^>]*?)\/?>/g)) {
    const attributes = parseAttributes(match[1]);
    sheets.push({ name: unescapeXml(attributes.name ?? ''), relationshipId: attributes['r:id'] ?? '' });
  }
  return sheets;
}

/** The relationship id of a worksheet's `<drawing r:id="..."/>`, if it has one. */
export function worksheetDrawingId(sheetXml: string): string | undefined {
  const match = /<drawing\b([^>]*?)\/?>/.exec(sheetXml);
  return match ? parseAttributes(match[1])['r:id'] : undefined;
}

/**
 * Worksheet children that must come after `<drawing>` (CT_Worksheet's sequence: ... headerFooter,
 * rowBreaks, colBreaks, customProperties, cellWatches, ignoredErrors, smartTags, drawing,
 * legacyDrawing, legacyDrawingHF, drawingHF, picture, oleObjects, controls, webPublishItems,
 * tableParts, extLst).
 */
const AFTER_DRAWING = new Set([
  'legacyDrawing',
  'legacyDrawingHF',
  'drawingHF',
  'picture',
  'oleObjects',
  'controls',
  'webPublishItems',
  'tableParts',
  'extLst',
]);

/**
 * A worksheet with a `<drawing r:id>` child inserted at its schema position (before the first
 * top-level child that must follow it). Top-level children are found by tracking element depth,
 * so a nested `<extLst>` (inside a conditional format) is not mistaken for the sheet's own.
 */
export function withWorksheetDrawing(sheetXml: string, relationshipId: string): string {
  const element = `<drawing r:id="${escapeXml(relationshipId)}"/>`;
  let depth = 0;
  let insertAt = -1;
  for (const tag of sheetXml.matchAll(/<(\/?)([A-Za-z_][\w.:-]*)[^>]*?(\/?)>/g)) {
    const [text, closing, name, selfClosing] = tag;
    const index = tag.index ?? 0;
    if (closing) {
      depth--;
      if (depth === 0) {
        insertAt = index; // </worksheet>
        break;
      }
      continue;
    }
    if (depth === 1 && AFTER_DRAWING.has(localName(name))) {
      insertAt = index;
      break;
    }
    if (!selfClosing && !text.endsWith('/>')) depth++;
  }
  if (insertAt < 0) throw new Error('Worksheet XML has no closing </worksheet>: cannot add a drawing.');
  let withDrawing = sheetXml.slice(0, insertAt) + element + sheetXml.slice(insertAt);
  if (!/<worksheet\b[^>]*\bxmlns:r=/.test(withDrawing)) {
    withDrawing = withDrawing.replace(
      /<worksheet\b/,
      '<worksheet xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"',
    );
  }
  return withDrawing;
}

function localName(qualifiedName: string): string {
  const colon = qualifiedName.indexOf(':');
  return colon < 0 ? qualifiedName : qualifiedName.slice(colon + 1);
}

/** Attributes of a start tag's attribute text, values decoded. */
export function parseAttributes(attributeText: string): Record<string, string> {
  const attributes: Record<string, string> = {};
  for (const match of attributeText.matchAll(/([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
    attributes[match[1]] = unescapeXml(match[2] ?? match[3] ?? '');
  }
  return attributes;
}
