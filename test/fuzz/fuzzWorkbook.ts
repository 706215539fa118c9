/**
 * The fuzz suite's workbook: sheets of planted cells with the package features analysts' files
 * have (hidden sheets, merged header cells, Excel Tables, a value far beyond the data), written as
 * an .xlsx by hand so every feature is exactly what Excel writes.
 */
import { strToU8, zipSync } from 'fflate';
import type { PlantedCell } from '../support/realisticExtract';
import { columnLetter } from '../../src/workbook/xlsx';
import { excelSerial } from '../../src/demo';

export interface FuzzSheet {
  readonly name: string;
  /** rows[0] is worksheet row 1. */
  readonly rows: PlantedCell[][];
  readonly headerRow: number;
  readonly hidden?: boolean;
  /** Merged ranges, as A1 references ('B1:C1'). */
  readonly merges?: readonly string[];
  /** Covered by an Excel Table from the header row to the last row. */
  readonly table?: boolean;
  /** One value far from the data (up to XFD1048576). */
  readonly stray?: { readonly row: number; readonly col: number; readonly value: PlantedCell };
}

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';
const DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const DATE_STYLE = 1;

/** XML text with the characters XML 1.0 cannot hold dropped (a writer must drop or escape them). */
function xmlText(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
    .replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

function cellXml(ref: string, value: PlantedCell): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) {
    const serial = excelSerial(value);
    return Number.isFinite(serial) && serial > 0 ? `<c r="${ref}" s="${DATE_STYLE}"><v>${serial}</v></c>` : '';
  }
  if (typeof value === 'number')
    return Number.isFinite(value) ? `<c r="${ref}"><v>${value}</v></c>` : `<c r="${ref}" t="e"><v>#NUM!</v></c>`;
  if (typeof value === 'boolean') return `<c r="${ref}" t="b"><v>${value ? 1 : 0}</v></c>`;
  if (typeof value === 'object') return `<c r="${ref}" t="e"><v>${xmlText(value.error)}</v></c>`;
  return `<c r="${ref}" t="inlineStr"><is><t xml:space="preserve">${xmlText(value)}</t></is></c>`;
}

function sheetXml(sheet: FuzzSheet, tableRel: boolean): string {
  const rows = sheet.rows.map((cells, index) => {
    const r = index + 1;
    const xml = cells.map((value, col) => cellXml(`${columnLetter(col)}${r}`, value)).join('');
    const stray =
      sheet.stray && sheet.stray.row === r ? cellXml(`${columnLetter(sheet.stray.col)}${r}`, sheet.stray.value) : '';
    return xml || stray ? `<row r="${r}">${xml}${stray}</row>` : '';
  });
  if (sheet.stray && sheet.stray.row > sheet.rows.length)
    rows.push(
      `<row r="${sheet.stray.row}">${cellXml(`${columnLetter(sheet.stray.col)}${sheet.stray.row}`, sheet.stray.value)}</row>`,
    );
  const merges = sheet.merges?.length
    ? `<mergeCells count="${sheet.merges.length}">${sheet.merges.map((ref) => `<mergeCell ref="${ref}"/>`).join('')}</mergeCells>`
    : '';
  const tableParts = tableRel ? '<tableParts count="1"><tablePart r:id="rIdTable"/></tableParts>' : '';
  return `${DECLARATION}<worksheet xmlns="${MAIN}" xmlns:r="${REL}"><sheetData>${rows.join('')}</sheetData>${merges}${tableParts}</worksheet>`;
}

/** An Excel Table over the sheet's header and data rows; column names made unique and non-empty as Excel requires. */
function tableXml(sheet: FuzzSheet, id: number): string | undefined {
  const header = sheet.rows[sheet.headerRow - 1] ?? [];
  const width = header.length;
  if (width === 0 || sheet.rows.length <= sheet.headerRow) return undefined;
  const seen = new Set<string>();
  const names = header.map((cell, i) => {
    let name = cell === null || typeof cell === 'object' ? `Column${i + 1}` : String(cell);
    if (name.trim() === '') name = `Column${i + 1}`;
    let unique = name;
    for (let n = 2; seen.has(unique.toLowerCase()); n += 1) unique = `${name}${n}`;
    seen.add(unique.toLowerCase());
    return unique;
  });
  const ref = `A${sheet.headerRow}:${columnLetter(width - 1)}${sheet.rows.length}`;
  return (
    `${DECLARATION}<table xmlns="${MAIN}" id="${id}" name="Table${id}" displayName="Table${id}" ref="${ref}"><autoFilter ref="${ref}"/>` +
    `<tableColumns count="${width}">${names.map((name, i) => `<tableColumn id="${i + 1}" name="${xmlText(name)}"/>`).join('')}</tableColumns>` +
    '<tableStyleInfo name="TableStyleMedium2" showRowStripes="1"/></table>'
  );
}

const STYLES =
  `${DECLARATION}<styleSheet xmlns="${MAIN}"><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>` +
  '<fills count="1"><fill><patternFill patternType="none"/></fill></fills><borders count="1"><border/></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs></styleSheet>';

/** The .xlsx bytes of the sheets. */
export function buildFuzzWorkbook(sheets: readonly FuzzSheet[]): Uint8Array {
  const files: Record<string, Uint8Array> = {};
  const overrides: string[] = [];
  const relationships: string[] = [`<Relationship Id="rIdStyles" Type="${REL}/styles" Target="styles.xml"/>`];
  const sheetElements: string[] = [];
  sheets.forEach((sheet, index) => {
    const n = index + 1;
    const table = sheet.table ? tableXml(sheet, n) : undefined;
    files[`xl/worksheets/sheet${n}.xml`] = strToU8(sheetXml(sheet, table !== undefined));
    overrides.push(
      `<Override PartName="/xl/worksheets/sheet${n}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
    );
    if (table) {
      files[`xl/tables/table${n}.xml`] = strToU8(table);
      files[`xl/worksheets/_rels/sheet${n}.xml.rels`] = strToU8(
        `${DECLARATION}<Relationships xmlns="${PKG_REL}"><Relationship Id="rIdTable" Type="${REL}/table" Target="../tables/table${n}.xml"/></Relationships>`,
      );
      overrides.push(
        `<Override PartName="/xl/tables/table${n}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml"/>`,
      );
    }
    relationships.push(`<Relationship Id="rIdSheet${n}" Type="${REL}/worksheet" Target="worksheets/sheet${n}.xml"/>`);
    sheetElements.push(
      `<sheet name="${xmlText(sheet.name)}" sheetId="${n}"${sheet.hidden ? ' state="hidden"' : ''} r:id="rIdSheet${n}"/>`,
    );
  });
  files['xl/styles.xml'] = strToU8(STYLES);
  files['xl/workbook.xml'] = strToU8(
    `${DECLARATION}<workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets>${sheetElements.join('')}</sheets></workbook>`,
  );
  files['xl/_rels/workbook.xml.rels'] = strToU8(
    `${DECLARATION}<Relationships xmlns="${PKG_REL}">${relationships.join('')}</Relationships>`,
  );
  files['_rels/.rels'] = strToU8(
    `${DECLARATION}<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
  );
  files['[Content_Types].xml'] = strToU8(
    `${DECLARATION}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
      '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
      '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
      `${overrides.join('')}</Types>`,
  );
  return zipSync(files);
}
