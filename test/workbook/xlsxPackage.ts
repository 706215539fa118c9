import JSZip from 'jszip';
import { XMLParser, XMLValidator } from 'fast-xml-parser';

/**
 * Test helpers that read an .xlsx package independently of the code under test (fast-xml-parser
 * rather than the adapter's own regex surgery).
 */

export const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  parseTagValue: false,
  isArray: () => false,
});

export async function openPackage(buffer: Uint8Array): Promise<JSZip> {
  return JSZip.loadAsync(buffer);
}

export async function partText(zip: JSZip, path: string): Promise<string> {
  const file = zip.file(path);
  if (!file) throw new Error(`No part ${path}; parts: ${Object.keys(zip.files).join(', ')}`);
  return file.async('string');
}

/** Parses XML after checking it is well-formed. */
export function parseXml(xml: string): any {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) throw new Error(`Malformed XML: ${JSON.stringify(valid)}`);
  return parser.parse(xml);
}

export function asArray<T>(value: T | T[] | undefined): T[] {
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}

/** Zip path of a relationship target relative to the part that owns the .rels. */
export function resolvePath(ownerPart: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = ownerPart.split('/').slice(0, -1);
  for (const segment of target.split('/')) {
    if (segment === '..') parts.pop();
    else if (segment !== '.') parts.push(segment);
  }
  return parts.join('/');
}

/** Relationships of a part: id -> { type, path }. */
export async function relationshipsOf(
  zip: JSZip,
  partPath: string,
): Promise<Map<string, { type: string; path: string }>> {
  const slash = partPath.lastIndexOf('/');
  const relsPath = `${partPath.slice(0, slash + 1)}_rels/${partPath.slice(slash + 1)}.rels`;
  const relationships = new Map<string, { type: string; path: string }>();
  if (!zip.file(relsPath)) return relationships;
  const parsed = parseXml(await partText(zip, relsPath));
  for (const rel of asArray(parsed.Relationships.Relationship)) {
    relationships.set(rel['@_Id'], { type: rel['@_Type'], path: resolvePath(partPath, rel['@_Target']) });
  }
  return relationships;
}

/** Sheet name -> worksheet part path, via xl/workbook.xml and its relationships. */
export async function sheetParts(zip: JSZip): Promise<Map<string, string>> {
  const workbook = parseXml(await partText(zip, 'xl/workbook.xml'));
  const relationships = await relationshipsOf(zip, 'xl/workbook.xml');
  const sheets = new Map<string, string>();
  for (const sheet of asArray(workbook.workbook.sheets.sheet)) {
    sheets.set(sheet['@_name'], relationships.get(sheet['@_r:id'])!.path);
  }
  return sheets;
}

/** The `<c>` elements of a worksheet part by address. */
export function sheetCells(sheetXml: string): Map<string, any> {
  const parsed = parseXml(sheetXml);
  const cells = new Map<string, any>();
  for (const row of asArray(parsed.worksheet.sheetData.row)) {
    for (const cell of asArray(row.c)) cells.set(cell['@_r'], cell);
  }
  return cells;
}
