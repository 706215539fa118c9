import { execFile } from 'child_process';
import { existsSync, promises as fs } from 'fs';
import os from 'os';
import path from 'path';
import { promisify } from 'util';
import JSZip from 'jszip';
import { renumberRunSheets } from '../../src/cli/renumberRunSheets';
import { DEMO_DEFAULTS } from '../../src/demo';
import { loadRealInputs } from '../../src/demo/node';
import { writeReportBuffer } from '../../src/workbook/xlsx';
import { planSheetNames } from '../../src/workbook/sheetNames';
import { commandPath, generatedReport } from '../print/typicalWorkbook';

/**
 * Every XML part of the workbooks we write passes the ECMA-376 transitional schemas (vendored under
 * test/schemas/ecma376, see its README), checked by libxml2's xmllint: a part Excel would "repair"
 * (as it did the ward map's `oneCellAnchor editAs`) fails here first. Skipped, with a message, when
 * xmllint is not installed (apt-get install -y --no-install-recommends libxml2-utils).
 */
const run = promisify(execFile);
const xmllint = commandPath('xmllint');
const describeIfXmllint = xmllint ? describe : describe.skip;
if (!xmllint) console.warn('Skipping the ECMA-376 schema check: `xmllint` is not installed (apt-get install -y --no-install-recommends libxml2-utils).');

const ENTRY_SCHEMA = path.join(__dirname, 'validationEntry.xsd');
const REAL_DATA = path.resolve(__dirname, '..', '..', '..', 'shared', 'data');

/**
 * What the schemas are not asked about, each by namespace and name. Microsoft's extension
 * attributes that Excel itself writes into every workbook (exceljs copies them), declared ignorable
 * with mc:Ignorable; and mc:Ignorable itself, which Markup Compatibility processing (ECMA-376 Part 3,
 * 10.1.1) consumes before a part is validated. Nothing else is exempt.
 */
export const EXEMPT_ATTRIBUTES: readonly { namespace: string; name: string; why: string }[] = [
  { namespace: 'http://schemas.openxmlformats.org/markup-compatibility/2006', name: 'Ignorable', why: 'consumed by markup compatibility processing' },
  { namespace: 'http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac', name: 'dyDescent', why: "Excel 2010's row descent (x14ac), ignorable" },
  { namespace: 'http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac', name: 'knownFonts', why: "Excel 2010's font flag (x14ac), ignorable" },
];

/** The part without the exempt attributes: each removed under whichever prefix the part binds its namespace to. */
export function withoutExemptAttributes(xml: string): string {
  let result = xml;
  for (const { namespace, name } of EXEMPT_ATTRIBUTES) {
    const prefixes = [...xml.matchAll(/\bxmlns:([A-Za-z0-9_.-]+)="([^"]*)"/g)].filter((binding) => binding[2] === namespace).map((binding) => binding[1]);
    for (const prefix of prefixes) result = result.replace(new RegExp(`\\s${prefix}:${name}="[^"]*"`, 'g'), '');
  }
  return result;
}

/** xmllint's complaints about each part of the package, by part; an empty list when every part is valid. */
async function schemaErrors(buffer: Uint8Array, directory: string): Promise<string[]> {
  const zip = await JSZip.loadAsync(buffer);
  const parts = Object.keys(zip.files).filter((name) => /\.(xml|rels)$/.test(name) && !zip.files[name].dir);
  const files: string[] = [];
  for (const [index, name] of parts.entries()) {
    const file = path.join(directory, `part${index}.xml`);
    await fs.writeFile(file, withoutExemptAttributes(await zip.file(name)!.async('string')));
    files.push(file);
  }
  const errors: string[] = [];
  // One xmllint for all parts: the schemas compile once.
  const outcome = await run(xmllint as string, ['--noout', '--nonet', '--schema', ENTRY_SCHEMA, ...files], { maxBuffer: 64 * 1024 * 1024 }).catch((failure) => failure);
  const lines = String(outcome.stderr ?? '').split('\n');
  for (const line of lines) {
    const match = /part(\d+)\.xml(:\d+:.*error.*)$/.exec(line) ?? /part(\d+)\.xml( fails to validate)$/.exec(line);
    if (match) errors.push(`${parts[Number(match[1])]}${match[2]}`);
  }
  if (errors.length === 0 && outcome instanceof Error && !/validates/.test(lines.join('\n'))) throw outcome;
  const validated = lines.filter((line) => / validates$/.test(line)).length;
  if (errors.length === 0 && validated !== parts.length) throw new Error(`xmllint validated ${validated} of ${parts.length} parts:\n${lines.slice(0, 20).join('\n')}`);
  return errors;
}

describeIfXmllint('every part of the workbooks we write passes the ECMA-376 transitional schemas', () => {
  let directory: string;
  beforeAll(async () => {
    directory = await fs.mkdtemp(path.join(os.tmpdir(), 'package-schema-'));
  });
  afterAll(async () => {
    if (directory) await fs.rm(directory, { recursive: true, force: true });
  });

  test('the schemas themselves catch the repair trigger: editAs on a one-cell anchor', async () => {
    const anchored = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">' +
      '<xdr:oneCellAnchor EDIT><xdr:from><xdr:col>0</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>0</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:ext cx="9525" cy="9525"/>' +
      '<xdr:sp macro="" textlink=""><xdr:nvSpPr><xdr:cNvPr id="2" name="Box"/><xdr:cNvSpPr/></xdr:nvSpPr><xdr:spPr/></xdr:sp><xdr:clientData/></xdr:oneCellAnchor></xdr:wsDr>';
    const zipOf = async (xml: string) => {
      const zip = new JSZip();
      zip.file('xl/drawings/drawing1.xml', xml);
      return zip.generateAsync({ type: 'uint8array' });
    };
    expect(await schemaErrors(await zipOf(anchored.replace('EDIT', '')), directory)).toEqual([]);
    const errors = await schemaErrors(await zipOf(anchored.replace('EDIT', 'editAs="oneCell"')), directory);
    expect(errors.join('\n')).toContain("attribute 'editAs': The attribute 'editAs' is not allowed");
  });

  test('the demo workbook (synthetic geography, the demo command\'s size)', async () => {
    const { buffer } = await generatedReport({ offences: DEMO_DEFAULTS.offences });
    expect(await schemaErrors(buffer, directory)).toEqual([]);
  }, 120_000);

  test('a workbook holding two runs (sheets and tables renumbered: Schools (2))', async () => {
    const first = await generatedReport({ offences: 3000, seed: 11 });
    const second = await generatedReport({ offences: 3000, seed: 12 });
    const plan = planSheetNames(first.models.map((model) => model.name), second.models.map((model) => model.name));
    expect(plan.runNumber).toBe(2);
    const { buffer } = await writeReportBuffer([...first.models, ...renumberRunSheets(second.models, plan.names, plan.runNumber)]);
    expect(await schemaErrors(buffer, directory)).toEqual([]);
  }, 120_000);

  const realDataTest = existsSync(REAL_DATA) ? test : test.skip;
  if (!existsSync(REAL_DATA)) console.warn(`Skipping the real-geography schema check: ${REAL_DATA} is not here (it is never committed).`);
  realDataTest('a workbook on the real West Midlands wards (../shared/data)', async () => {
    const { buffer } = await generatedReport({ offences: 5000, real: loadRealInputs(REAL_DATA) });
    expect(await schemaErrors(buffer, directory)).toEqual([]);
  }, 120_000);
});
