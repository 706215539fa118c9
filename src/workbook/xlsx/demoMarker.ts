import JSZip from 'jszip';
import { escapeXml, unescapeXml } from './xmlText';
import { ZipArchive } from './zipArchive';

/**
 * The mark a workbook made by the demo generator carries: a workbook-level defined name whose value
 * is a text constant describing the synthetic data (ECMA-376 Part 1, 18.2.5 `definedName`; a
 * constant is a valid formula). It survives Excel's save, is visible in Name Manager, and is read
 * back without loading a sheet, so any analysis of the workbook keeps the synthetic banner.
 */
export const DEMO_MARKER_NAME = 'CatchmentSyntheticDemo';

/** A text constant as an Excel formula: in double quotes, quotes doubled. */
const textConstant = (text: string): string => `"${text.replace(/"/g, '""')}"`;

/** The .xlsx package with the demo marker added to its workbook part (replacing one already there). */
export async function withDemoMarker(xlsx: Uint8Array, description: string): Promise<Buffer> {
  const zip = await JSZip.loadAsync(xlsx);
  const workbookFile = zip.file('xl/workbook.xml');
  if (!workbookFile) throw new Error('The .xlsx package has no xl/workbook.xml.');
  const workbookXml = (await workbookFile.async('string')).replace(
    new RegExp(`<definedName name="${DEMO_MARKER_NAME}"[^>]*>[^<]*</definedName>`),
    '',
  );
  // Excel keeps constants this long in a name (255 characters at most in a formula's text).
  const marker = `<definedName name="${DEMO_MARKER_NAME}">${escapeXml(textConstant(description.slice(0, 240)))}</definedName>`;
  const marked = workbookXml.includes('<definedNames>')
    ? workbookXml.replace('<definedNames>', `<definedNames>${marker}`)
    : workbookXml.replace(/(<\/sheets>)/, `$1<definedNames>${marker}</definedNames>`);
  if (marked === workbookXml) throw new Error('Could not add the demo marker: xl/workbook.xml has no </sheets>.');
  zip.file('xl/workbook.xml', marked);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 6 } });
}

/**
 * The description the demo generator marked the workbook with, or undefined for any other
 * workbook (or a file that is not an .xlsx package). Reads only xl/workbook.xml.
 */
export function readDemoMarker(xlsx: Uint8Array): string | undefined {
  let workbookXml: string;
  try {
    const archive = new ZipArchive(xlsx);
    if (!archive.has('xl/workbook.xml')) return undefined;
    workbookXml = archive.textOf('xl/workbook.xml');
  } catch {
    return undefined;
  }
  const match = new RegExp(`<definedName\\b[^>]*\\bname="${DEMO_MARKER_NAME}"[^>]*>([^<]*)</definedName>`).exec(
    workbookXml,
  );
  const constant = match ? /^"((?:[^"]|"")*)"$/.exec(unescapeXml(match[1])) : null;
  return constant ? constant[1].replace(/""/g, '"') : undefined;
}
