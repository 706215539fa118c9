/**
 * Looks through a written output workbook for the marks of a number gone wrong: 'NaN', 'undefined',
 * 'Infinity', '[object Object]' in any cell's value, formula or cached result, a number that is not
 * finite, an Excel error value (what a writer makes of a NaN), and the same words or a non-numeric
 * cached value anywhere in the package's XML, chart caches (xl/charts/chart*.xml, <c:v>) included.
 */
import fs from 'fs';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';

/** The words no published cell or console line should ever hold. */
export const BAD_TEXT = /\bNaN\b|\bundefined\b|-?\bInfinity\b|\[object Object\]/;

export interface Finding {
  /** Where: 'Sheet!A1 (result)', 'xl/charts/chart1.xml <c:v> #3', 'stdout line 4'. */
  readonly where: string;
  readonly found: string;
}

function badNumber(value: unknown): boolean {
  return typeof value === 'number' && !Number.isFinite(value);
}

function badText(value: unknown): boolean {
  return typeof value === 'string' && BAD_TEXT.test(value);
}

/** Every cell value of every sheet, as exceljs reads it (values, formulas, cached results, rich text, errors). */
async function scanCells(buffer: Buffer): Promise<Finding[]> {
  const findings: Finding[] = [];
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as Parameters<typeof workbook.xlsx.load>[0]);
  workbook.eachSheet((sheet) => {
    sheet.eachRow({ includeEmpty: false }, (row) => {
      row.eachCell({ includeEmpty: false }, (cell) => {
        const at = `${sheet.name}!${cell.address}`;
        const check = (what: string, value: unknown): void => {
          if (badNumber(value) || badText(value)) findings.push({ where: `${at} (${what})`, found: String(value) });
          if (value instanceof Date && Number.isNaN(value.getTime()))
            findings.push({ where: `${at} (${what})`, found: 'Invalid Date' });
          if (value !== null && typeof value === 'object' && !(value instanceof Date)) {
            const record = value as Record<string, unknown>;
            if ('error' in record)
              findings.push({ where: `${at} (${what})`, found: `Excel error ${String(record.error)}` });
            else if (Array.isArray(record.richText))
              check(
                `${what} rich text`,
                (record.richText as { text?: unknown }[]).map((run) => String(run.text)).join(''),
              );
            else if ('formula' in record || 'sharedFormula' in record) {
              check('formula', record.formula ?? record.sharedFormula);
              check('cached result', record.result);
            } else if ('text' in record) check(`${what} text`, record.text);
            else findings.push({ where: `${at} (${what})`, found: `unexpected object ${JSON.stringify(record)}` });
          }
        };
        check('value', cell.value);
      });
    });
  });
  return findings;
}

/** Numbers cached in chart parts: each <c:v> of a <c:numCache> must be a finite number; no part may hold the bad words. */
async function scanParts(buffer: Buffer): Promise<{ findings: Finding[]; chartValues: number }> {
  const findings: Finding[] = [];
  const zip = await JSZip.loadAsync(buffer);
  let chartValues = 0;
  for (const name of Object.keys(zip.files).sort()) {
    const file = zip.files[name];
    if (file.dir || !/\.(xml|rels)$/.test(name)) continue;
    const xml = await file.async('string');
    // Text between tags and attribute values, where a stray NaN would land.
    for (const match of xml.matchAll(/>([^<]+)</g))
      if (badText(match[1])) findings.push({ where: `${name} text`, found: match[1] });
    for (const match of xml.matchAll(/="([^"]*)"/g))
      if (badText(match[1])) findings.push({ where: `${name} attribute`, found: match[1] });
    if (/^xl\/charts\/chart\d*\.xml$/.test(name)) {
      for (const cache of xml.matchAll(/<c:numCache>([\s\S]*?)<\/c:numCache>/g)) {
        const values = [...cache[1].matchAll(/<c:v>([^<]*)<\/c:v>/g)].map((m) => m[1]);
        values.forEach((value, index) => {
          chartValues += 1;
          if (value.trim() === '' || !Number.isFinite(Number(value)))
            findings.push({ where: `${name} numCache <c:v> #${index}`, found: value });
        });
      }
      for (const match of xml.matchAll(/<c:v>([^<]*)<\/c:v>/g))
        if (badText(match[1])) findings.push({ where: `${name} <c:v>`, found: match[1] });
    }
    if (/^xl\/worksheets\/sheet\d+\.xml$/.test(name)) {
      // A numeric cell (no t attribute, or t="n") must cache a finite number.
      for (const match of xml.matchAll(
        /<c r="([A-Z]+\d+)"((?:(?!>).)*)>(?:<f[^>]*\/>|<f[^>]*>[^<]*<\/f>)?<v>([^<]*)<\/v>/g,
      )) {
        const [, ref, attributes, value] = match;
        const type = /\bt="([^"]+)"/.exec(attributes)?.[1] ?? 'n';
        if (type === 'n' && !Number.isFinite(Number(value)))
          findings.push({ where: `${name} ${ref} <v>`, found: value });
        if (type === 'e') findings.push({ where: `${name} ${ref} error`, found: value });
      }
    }
  }
  return { findings, chartValues };
}

export interface ScanResult {
  readonly findings: readonly Finding[];
  /** How many numbers the chart caches held (so a test can tell the charts were looked at). */
  readonly chartValues: number;
}

/** Scans one output .xlsx file: every cell, every XML part, every chart cache. */
export async function scanOutputWorkbook(file: string): Promise<ScanResult> {
  const buffer = fs.readFileSync(file);
  const cells = await scanCells(buffer);
  const parts = await scanParts(buffer);
  return { findings: [...cells, ...parts.findings], chartValues: parts.chartValues };
}

/** The lines of console output holding a bad word. */
export function scanConsole(name: string, text: string): Finding[] {
  return text
    .split('\n')
    .flatMap((line, index) => (badText(line) ? [{ where: `${name} line ${index + 1}`, found: line }] : []));
}
