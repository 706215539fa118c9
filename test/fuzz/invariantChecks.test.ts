/**
 * The fuzz suite's own checks catch what they are for: a package holding the marks of a number
 * gone wrong, or a formula built from input text, is reported; a clean one is not.
 */
import fs from 'fs';
import os from 'os';
import path from 'path';
import { buildXlsx } from '../workbook/xlsxBuilder';
import { scanOutputPackage } from './fuzzCase';
import { formulaFromInput } from './mutations';

let workdir: string;
beforeAll(() => {
  workdir = fs.mkdtempSync(path.join(os.tmpdir(), 'catchment-fuzz-checks-'));
});
afterAll(() => fs.rmSync(workdir, { recursive: true, force: true }));

function packageOf(sheetData: string): string {
  const file = path.join(workdir, `p${Math.random().toString(36).slice(2)}.xlsx`);
  fs.writeFileSync(file, buildXlsx({ sheets: [{ name: 'Wards', xml: sheetData }] }));
  return file;
}

describe('the fuzz suite’s output checks', () => {
  it('report NaN text, a non-finite number, an error cell, and collect formulas', () => {
    const file = packageOf(
      '<row r="1"><c r="A1" t="inlineStr"><is><t>rate NaN per 1,000</t></is></c><c r="B1"><v>Infinity</v></c>' +
        '<c r="C1" t="e"><v>#DIV/0!</v></c><c r="D1"><f>HYPERLINK(&quot;http://evil.example&quot;,&quot;click&quot;)</f><v>0</v></c></row>',
    );
    const scan = scanOutputPackage(file);
    expect(scan.problems).toEqual(
      expect.arrayContaining([
        expect.stringContaining('rate NaN per 1,000'),
        expect.stringContaining("B1: the number 'Infinity'"),
        expect.stringContaining('C1: an error cell (#DIV/0!)'),
      ]),
    );
    expect(scan.formulas).toEqual(['HYPERLINK("http://evil.example","click")']);
    expect(formulaFromInput(scan.formulas[0])).toBe(true);
  });

  it('find nothing in a clean sheet, and take the report’s own formulas for what they are', () => {
    const file = packageOf(
      '<row r="1"><c r="A1" t="inlineStr"><is><t>Nanton ward</t></is></c><c r="B1"><f>C1/D1*1000</f><v>2.5</v></c></row>',
    );
    const scan = scanOutputPackage(file);
    expect(scan.problems).toEqual([]);
    expect(scan.formulas.map(formulaFromInput)).toEqual([false]);
    expect(formulaFromInput('IF(E21<10,(E21+1)*2,0)')).toBe(false);
    expect(formulaFromInput('1+1')).toBe(true);
  });
});
