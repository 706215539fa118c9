import { strToU8, zipSync, type Zippable } from 'fflate';

/**
 * Hand-built .xlsx packages for reader tests: handwritten XML parts zipped with fflate, so a test
 * can make exactly the package a given writer (Excel, openpyxl, LibreOffice) makes, oddities and
 * all. Every part is optional beyond the workbook and its sheets.
 */

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';
const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

export interface SheetSpec {
  readonly name: string;
  /** The whole worksheet part, or just the inside of <sheetData> (see `worksheet`). */
  readonly xml: string;
  /** The relationship target in the workbook's .rels (default 'worksheets/sheetN.xml'). */
  readonly target?: string;
  /** The zip path of the part (default: resolved from the target). */
  readonly part?: string;
  /** The worksheet's own .rels part (e.g. naming a table). */
  readonly rels?: string;
}

export interface PackageSpec {
  readonly sheets: readonly SheetSpec[];
  /** Shared strings as plain text items, or a whole sst part; none: no shared strings part. */
  readonly sharedStrings?: readonly string[] | string;
  /** A whole styles part; none: no styles part. */
  readonly styles?: string;
  /** Attributes of <workbookPr>, e.g. 'date1904="1"'. */
  readonly workbookPr?: string;
  /** Further parts by zip path (tables, a chart sheet). */
  readonly parts?: Readonly<Record<string, string | Uint8Array>>;
  /** Further relationships in the workbook's .rels, as XML. */
  readonly workbookRelationships?: string;
  /** Further <sheet> elements after the worksheets, as XML. */
  readonly extraSheets?: string;
  /** Write relationship targets as absolute paths ('/xl/...'), as openpyxl does. */
  readonly absoluteTargets?: boolean;
  /** Store parts uncompressed (zip method 0). */
  readonly stored?: boolean;
}

export const escapeText = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A worksheet part around the given <sheetData> content (and anything after it, e.g. <mergeCells>). */
export function worksheet(sheetData: string, after = ''): string {
  return `${XML_DECLARATION}<worksheet xmlns="${MAIN}" xmlns:r="${REL}"><sheetData>${sheetData}</sheetData>${after}</worksheet>`;
}

/** A shared strings part holding the given items' XML (each item is the inside of an <si>). */
export function sharedStringsXml(items: readonly string[]): string {
  return `${XML_DECLARATION}<sst xmlns="${MAIN}" count="${items.length}" uniqueCount="${items.length}">${items.map((item) => `<si>${item}</si>`).join('')}</sst>`;
}

/**
 * A styles part whose cellXfs hold one style per numFmtId given (style index = position), with
 * the given custom formats.
 */
export function stylesXml(numFmtIds: readonly number[], customFormats: Readonly<Record<number, string>> = {}): string {
  const formats = Object.entries(customFormats);
  return (
    `${XML_DECLARATION}<styleSheet xmlns="${MAIN}">` +
    (formats.length
      ? `<numFmts count="${formats.length}">${formats.map(([id, code]) => `<numFmt numFmtId="${id}" formatCode="${escapeText(code)}"/>`).join('')}</numFmts>`
      : '') +
    '<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="1"><fill><patternFill patternType="none"/></fill></fills>' +
    '<borders count="1"><border/></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
    `<cellXfs count="${numFmtIds.length}">${numFmtIds.map((id) => `<xf numFmtId="${id}" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>`).join('')}</cellXfs>` +
    '</styleSheet>'
  );
}

/** The zip bytes of a package. */
export function buildXlsx(spec: PackageSpec): Uint8Array {
  const files: Record<string, Uint8Array> = {};
  const put = (path: string, content: string | Uint8Array): void => {
    files[path] = typeof content === 'string' ? strToU8(content) : content;
  };
  const target = (relative: string): string => (spec.absoluteTargets ? `/xl/${relative}` : relative);
  const overrides: string[] = [];

  put(
    '_rels/.rels',
    `${XML_DECLARATION}<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="${spec.absoluteTargets ? '/xl/workbook.xml' : 'xl/workbook.xml'}"/></Relationships>`,
  );
  const relationships: string[] = [];
  const sheetElements: string[] = [];
  spec.sheets.forEach((sheet, index) => {
    const relative = `worksheets/sheet${index + 1}.xml`;
    const relTarget = sheet.target ?? target(relative);
    const part = sheet.part ?? (relTarget.startsWith('/') ? relTarget.slice(1) : `xl/${relTarget}`);
    const xml = sheet.xml.includes('<worksheet') || sheet.xml.includes(':worksheet') ? sheet.xml : worksheet(sheet.xml);
    put(part, xml);
    if (sheet.rels) put(part.replace(/([^/]+)$/, '_rels/$1.rels'), sheet.rels);
    overrides.push(
      `<Override PartName="/${part}" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
    );
    relationships.push(
      `<Relationship Id="rIdSheet${index + 1}" Type="${REL}/worksheet" Target="${escapeText(relTarget)}"/>`,
    );
    sheetElements.push(`<sheet name="${escapeText(sheet.name)}" sheetId="${index + 1}" r:id="rIdSheet${index + 1}"/>`);
  });
  if (spec.sharedStrings !== undefined) {
    const xml =
      typeof spec.sharedStrings === 'string'
        ? spec.sharedStrings
        : sharedStringsXml(spec.sharedStrings.map((text) => `<t xml:space="preserve">${escapeText(text)}</t>`));
    put('xl/sharedStrings.xml', xml);
    overrides.push(
      '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>',
    );
    relationships.push(
      `<Relationship Id="rIdStrings" Type="${REL}/sharedStrings" Target="${target('sharedStrings.xml')}"/>`,
    );
  }
  if (spec.styles !== undefined) {
    put('xl/styles.xml', spec.styles);
    overrides.push(
      '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>',
    );
    relationships.push(`<Relationship Id="rIdStyles" Type="${REL}/styles" Target="${target('styles.xml')}"/>`);
  }
  put(
    'xl/workbook.xml',
    `${XML_DECLARATION}<workbook xmlns="${MAIN}" xmlns:r="${REL}">${spec.workbookPr ? `<workbookPr ${spec.workbookPr}/>` : ''}` +
      `<sheets>${sheetElements.join('')}${spec.extraSheets ?? ''}</sheets></workbook>`,
  );
  put(
    'xl/_rels/workbook.xml.rels',
    `${XML_DECLARATION}<Relationships xmlns="${PKG_REL}">${relationships.join('')}${spec.workbookRelationships ?? ''}</Relationships>`,
  );
  for (const [path, content] of Object.entries(spec.parts ?? {})) put(path, content);
  put(
    '[Content_Types].xml',
    `${XML_DECLARATION}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
      '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
      `${overrides.join('')}</Types>`,
  );
  const zippable: Zippable = {};
  for (const [path, bytes] of Object.entries(files)) zippable[path] = spec.stored ? [bytes, { level: 0 }] : bytes;
  return zipSync(zippable);
}
