import { isBuiltInDateFormat, isDateFormatCode } from './dateFormats';
import { UnsupportedXml } from './fastXmlScanner';
import { SharedStringsScanner } from './scanWorksheetXml';
import { decodeEscapes, ownString, parseXmlPart } from './xmlPart';
import { XlsxReadError, type ZipArchive } from './zipArchive';

/**
 * The package-level parts of an .xlsx file, found the way Open Packaging Conventions say: the
 * package relationships name the workbook part, the workbook's relationships name its worksheets,
 * shared strings and styles. Targets may be relative ('worksheets/sheet1.xml') or absolute
 * ('/xl/worksheets/sheet1.xml', as openpyxl writes them).
 */

export interface PartRelationship {
  readonly id: string;
  readonly type: string;
  /** The target's part path (no leading slash), or undefined for an external target. */
  readonly part?: string;
}

/** One sheet of the workbook, in tab order. */
export interface WorkbookSheet {
  readonly name: string;
  /** The worksheet part, or undefined when the sheet is not a worksheet (a chart sheet, a dialog sheet). */
  readonly part?: string;
}

export interface WorkbookStructure {
  readonly workbookPart: string;
  readonly sheets: readonly WorkbookSheet[];
  /** The 1904 date system (old Mac workbooks): serial 0 is 1 January 1904. */
  readonly date1904: boolean;
  readonly sharedStringsPart?: string;
  readonly stylesPart?: string;
}

const TYPE_SUFFIX = {
  officeDocument: '/officeDocument',
  worksheet: '/worksheet',
  sharedStrings: '/sharedStrings',
  styles: '/styles',
} as const;

/** Namespaces of the r:id attribute: transitional and strict OOXML. */
const RELATIONSHIP_NAMESPACES = new Set([
  'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
  'http://purl.oclc.org/ooxml/officeDocument/relationships',
]);

/**
 * The `.rels` part holding a part's relationships ('' for the package itself).
 * @example relationshipsPart('xl/workbook.xml') // => 'xl/_rels/workbook.xml.rels'
 */
export function relationshipsPart(sourcePart: string): string {
  const slash = sourcePart.lastIndexOf('/');
  return `${sourcePart.slice(0, slash + 1)}_rels/${sourcePart.slice(slash + 1)}.rels`;
}

/**
 * The part path a relationship target names, relative to the part that owns the relationship.
 * @example resolvePartPath('xl/workbook.xml', 'worksheets/sheet1.xml') // => 'xl/worksheets/sheet1.xml'
 * @example resolvePartPath('xl/workbook.xml', '/xl/worksheets/sheet1.xml') // => 'xl/worksheets/sheet1.xml'
 * @example resolvePartPath('xl/worksheets/sheet1.xml', '../tables/table1.xml') // => 'xl/tables/table1.xml'
 */
export function resolvePartPath(sourcePart: string, target: string): string {
  const path = target.replace(/\\/g, '/').replace(/[?#].*$/, '');
  const segments = path.startsWith('/') ? [] : sourcePart.split('/').slice(0, -1);
  for (const segment of path.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') segments.pop();
    else segments.push(segment);
  }
  return segments.join('/');
}

/** A part path as stored in the archive: as written, or percent-decoded ('my%20sheet.xml'). */
function partInArchive(archive: ZipArchive, part: string): string | undefined {
  if (archive.has(part)) return part;
  try {
    const decoded = decodeURIComponent(part);
    if (decoded !== part && archive.has(decoded)) return decoded;
  } catch {
    // not percent-encoded
  }
  return undefined;
}

/** The relationships of a part; none when it has no `.rels` part. */
export function readRelationships(archive: ZipArchive, sourcePart: string): PartRelationship[] {
  const relsPart = relationshipsPart(sourcePart);
  if (!archive.has(relsPart)) return [];
  const relationships: PartRelationship[] = [];
  parseXmlPart(archive, relsPart, {
    open(name, attributes) {
      if (name !== 'Relationship') return;
      const { Id: id = '', Type: type = '', Target: target, TargetMode: mode } = attributes;
      const external = mode !== undefined && mode.toLowerCase() === 'external';
      relationships.push({
        id,
        type,
        ...(target !== undefined && !external ? { part: resolvePartPath(sourcePart, target) } : {}),
      });
    },
  });
  return relationships;
}

const ofType = (relationships: readonly PartRelationship[], suffix: string): PartRelationship | undefined =>
  relationships.find((relationship) => relationship.type.endsWith(suffix) && relationship.part !== undefined);

/**
 * The workbook part, its sheets in tab order with their worksheet parts, the date system and the
 * shared-strings and styles parts. Throws an {@link XlsxReadError} when there is no workbook part.
 */
export function readWorkbookStructure(archive: ZipArchive): WorkbookStructure {
  const packageRelationships = readRelationships(archive, '');
  const declared = ofType(packageRelationships, TYPE_SUFFIX.officeDocument)?.part;
  const workbookPart =
    (declared !== undefined ? partInArchive(archive, declared) : undefined) ??
    partInArchive(archive, 'xl/workbook.xml');
  if (workbookPart === undefined) {
    if (archive.has('xl/workbook.bin'))
      throw new XlsxReadError('it is an Excel Binary Workbook (.xlsb), not an .xlsx workbook');
    throw new XlsxReadError(`it has no workbook part (${declared ?? 'xl/workbook.xml'})`);
  }
  const relationships = readRelationships(archive, workbookPart);
  const byId = new Map(relationships.map((relationship) => [relationship.id, relationship]));

  const sheets: WorkbookSheet[] = [];
  let date1904 = false;
  const namespaces = new Map<string, string>();
  parseXmlPart(archive, workbookPart, {
    open(name, attributes) {
      for (const [key, value] of Object.entries(attributes))
        if (key.startsWith('xmlns:')) namespaces.set(key.slice(6), value);
      if (name === 'workbookPr') {
        const value = attributes.date1904;
        date1904 = value === '1' || value === 'true';
      } else if (name === 'sheet') {
        const id = relationshipId(attributes, namespaces);
        const relationship = id === undefined ? undefined : byId.get(id);
        const sheetName = attributes.name ?? `Sheet${sheets.length + 1}`;
        const part =
          relationship?.part !== undefined && relationship.type.endsWith(TYPE_SUFFIX.worksheet)
            ? relationship.part
            : undefined;
        if (relationship === undefined)
          throw new XlsxReadError(
            `sheet '${sheetName}' in ${workbookPart} names relationship ${id ?? '(none)'}, which ${relationshipsPart(workbookPart)} does not have`,
          );
        sheets.push({ name: sheetName, ...(part !== undefined ? { part } : {}) });
      }
    },
  });

  const sharedStrings = ofType(relationships, TYPE_SUFFIX.sharedStrings)?.part;
  const styles = ofType(relationships, TYPE_SUFFIX.styles)?.part;
  const sharedStringsPart = sharedStrings !== undefined ? partInArchive(archive, sharedStrings) : undefined;
  const stylesPart = styles !== undefined ? partInArchive(archive, styles) : undefined;
  return {
    workbookPart,
    sheets: sheets.map((sheet) =>
      sheet.part === undefined ? sheet : { name: sheet.name, part: partInArchive(archive, sheet.part) ?? sheet.part },
    ),
    date1904,
    ...(sharedStringsPart !== undefined ? { sharedStringsPart } : {}),
    ...(stylesPart !== undefined ? { stylesPart } : {}),
  };
}

/** The r:id of a <sheet>, whatever prefix the relationships namespace is bound to. */
function relationshipId(
  attributes: Readonly<Record<string, string>>,
  namespaces: ReadonlyMap<string, string>,
): string | undefined {
  let fallback: string | undefined;
  for (const [key, value] of Object.entries(attributes)) {
    const colon = key.indexOf(':');
    if (colon < 0 || key.slice(colon + 1) !== 'id' || key.startsWith('xmlns:')) continue;
    if (RELATIONSHIP_NAMESPACES.has(namespaces.get(key.slice(0, colon)) ?? '')) return value;
    fallback ??= value;
  }
  return fallback;
}

/**
 * For each cell style index (a cell's `s` attribute), whether its number format shows a date:
 * styles.xml's cellXfs give each style a numFmtId, which is a custom format in numFmts or a
 * built-in one. A workbook without styles has no dates.
 */
export function readDateStyles(archive: ZipArchive, stylesPart: string | undefined): Uint8Array {
  if (stylesPart === undefined) return new Uint8Array(0);
  const customFormats = new Map<number, string>();
  const styleFormats: number[] = [];
  let inCellXfs = false;
  parseXmlPart(archive, stylesPart, {
    open(name, attributes) {
      if (name === 'numFmt') customFormats.set(Number(attributes.numFmtId), attributes.formatCode ?? '');
      else if (name === 'cellXfs') inCellXfs = true;
      else if (name === 'xf' && inCellXfs) styleFormats.push(Number(attributes.numFmtId ?? 0));
    },
    close(name) {
      if (name === 'cellXfs') inCellXfs = false;
    },
  });
  const dates = new Uint8Array(styleFormats.length);
  styleFormats.forEach((id, index) => {
    const custom = customFormats.get(id);
    dates[index] = (custom !== undefined ? isDateFormatCode(custom) : isBuiltInDateFormat(id)) ? 1 : 0;
  });
  return dates;
}

/**
 * The shared strings table as plain text, streamed: rich text runs joined, phonetic guides
 * (<rPh>) left out, `_xHHHH_` escapes decoded. None when the workbook has no shared strings part
 * (workbooks written with inline strings).
 */
export function readSharedStrings(
  archive: ZipArchive,
  part: string | undefined,
  reader: 'fast' | 'saxes' = 'fast',
): string[] {
  if (part === undefined) return [];
  if (reader === 'saxes') return readSharedStringsWithSaxes(archive, part);
  const scanner = new SharedStringsScanner();
  try {
    archive.streamText(part, (chunk) => scanner.write(chunk));
    scanner.end();
    return scanner.strings;
  } catch (error) {
    // Whatever the fast scanner does not handle is read again by saxes (see `FastXmlScanner`).
    if (!(error instanceof UnsupportedXml)) throw error;
  }
  return readSharedStringsWithSaxes(archive, part);
}

function readSharedStringsWithSaxes(archive: ZipArchive, part: string): string[] {
  const strings: string[] = [];
  let inItem = false;
  let inText = false;
  let phonetic = 0;
  let text = '';
  parseXmlPart(
    archive,
    part,
    {
      open(name) {
        if (name === 'si') {
          inItem = true;
          text = '';
        } else if (name === 't') inText = inItem && phonetic === 0;
        else if (name === 'rPh') phonetic += 1;
      },
      close(name) {
        if (name === 'si') {
          strings.push(ownString(decodeEscapes(text)));
          inItem = false;
        } else if (name === 't') inText = false;
        else if (name === 'rPh') phonetic -= 1;
      },
      text(chunk) {
        if (inText) text += chunk;
      },
    },
    true,
  );
  return strings;
}
