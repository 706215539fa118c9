import type { SheetModel } from '../../src/report/sheetModel';

/**
 * A small report worked out by hand, used by the writeReport and LibreOffice tests.
 *
 * Schools (pupils 1,200 + 900 + 900 = 3,000, so shares 0.4, 0.3, 0.3):
 *   A1 title; A2:D2 text that looks like formulas; table tblSchools header row 3 (A3:G3), body
 *   rows 4-6 -> ref A3:G6; G4:G6 share formulas; a floating-bar chart by B4:B6: horizontal bars
 *   stacked from an invisible series E4:E6 (bar start, no fill) and a visible one F4:F6 (bar length,
 *   solid with an outline).
 * Wards: table tblWards A1:F4; E2 = 30 / 2,000 x 1,000 = 15, E3 suppressed '[c]', E4 = 12 / 3,000
 *   x 1,000 = 4; a picture at H1 and a column chart of E2:E4 (the [c] a gap).
 * Summary: B2 = SUM(Schools!C4:C6) = 3,000; B3 = MAX(Wards!E2:E4) = 15 (MAX skips the text);
 *   A6 = IF(Wards!F2="Higher","Act","Watch") = 'Act'.
 */

/** A valid 2 x 2 RGB PNG (red, green / blue, white), made with fast-png's encode. */
export const TINY_PNG = Uint8Array.from(
  Buffer.from(
    '89504e470d0a1a0a0000000d4948445200000002000000020802000000fdd49a730000001349444154785e63f8cfc0c0d000c40cff8100001b77057c987149400000000049454e44ae426082',
    'hex',
  ),
);

export const LONG_TEXT = 'x'.repeat(40000);

export function reportFixture(): SheetModel[] {
  const summary: SheetModel = {
    name: 'Summary',
    cells: [
      { row: 0, col: 0, cell: { kind: 'text', value: 'Summary', style: { bold: true, fontSize: 14 } } },
      { row: 1, col: 0, cell: { kind: 'text', value: 'Pupils in ranked schools' } },
      {
        row: 1,
        col: 1,
        cell: { kind: 'formula', formula: 'SUM({{Schools}}!C4:C6)', result: 3000, style: { numberFormat: '#,##0' } },
      },
      { row: 2, col: 0, cell: { kind: 'text', value: 'Highest rate' } },
      { row: 2, col: 1, cell: { kind: 'formula', formula: 'MAX({{Wards}}!E2:E4)', result: 15 } },
      { row: 3, col: 0, cell: { kind: 'text', value: 'Report date' } },
      { row: 3, col: 1, cell: { kind: 'date', value: new Date(Date.UTC(2024, 5, 1)) } },
      { row: 4, col: 0, cell: { kind: 'text', value: 'Includes list check' } },
      { row: 4, col: 1, cell: { kind: 'boolean', value: true } },
      { row: 5, col: 0, cell: { kind: 'formula', formula: 'IF({{Wards}}!F2="Higher","Act","Watch")', result: 'Act' } },
      { row: 6, col: 0, cell: { kind: 'text', value: LONG_TEXT, style: { wrap: true } } },
    ],
    tables: [],
    charts: [],
    images: [],
    columnWidths: [28, 14],
    tabColor: '1F4E79',
    print: { orientation: 'portrait', fitToWidth: true },
  };
  const share = (row: number, result: number) =>
    ({ kind: 'formula', formula: `C${row}/SUM($C$4:$C$6)`, result, style: { numberFormat: '0.0%' } }) as const;
  const schools: SheetModel = {
    name: 'Schools',
    cells: [
      {
        row: 0,
        col: 0,
        cell: { kind: 'text', value: 'Schools ranked by exposure', style: { bold: true, fontSize: 14 } },
      },
      { row: 1, col: 0, cell: { kind: 'text', value: '=1+1' } },
      { row: 1, col: 1, cell: { kind: 'text', value: '+44' } },
      { row: 1, col: 2, cell: { kind: 'text', value: '-x' } },
      { row: 1, col: 3, cell: { kind: 'text', value: '@foo' } },
    ],
    tables: [
      {
        name: 'tblSchools',
        row: 2,
        col: 0,
        headers: ['Rank', 'School', 'Pupils', 'Exposure index', 'Bar start', 'Bar length', 'Share of pupils'],
        rows: [
          [num(1), text('Park Hall Academy'), num(1200), num(140.5), num(10.5), num(12.25), share(4, 0.4)],
          [num(2), text('Hill Top School'), num(900), num(120), num(8), num(9), share(5, 0.3)],
          [num(3), text("St Mary's"), num(900), num(99.5), num(7.5), num(6), share(6, 0.3)],
        ],
      },
    ],
    charts: [
      {
        title: 'Top schools by exposure',
        type: 'barStacked',
        series: [
          {
            name: 'Bar start',
            categories: { sheet: 'Schools', firstRow: 3, lastRow: 5, col: 1 },
            values: { sheet: 'Schools', firstRow: 3, lastRow: 5, col: 4 },
            color: 'none',
          },
          {
            name: 'Exposure index interval',
            categories: { sheet: 'Schools', firstRow: 3, lastRow: 5, col: 1 },
            values: { sheet: 'Schools', firstRow: 3, lastRow: 5, col: 5 },
            color: '2F5597',
            outline: '1F3864',
          },
        ],
        legend: false,
        xAxisTitle: 'Exposure index (area = 100)',
        anchor: { row: 8, col: 0, widthCols: 8, heightRows: 16 },
        reverseCategories: true,
      },
    ],
    images: [],
    columnWidths: [8, 30, 10, 14, 8, 8, 14],
    freezeRows: 3,
    print: { orientation: 'landscape', fitToWidth: true, repeatRow: 2 },
  };
  const wards: SheetModel = {
    name: 'Wards',
    cells: [],
    tables: [
      {
        name: 'tblWards',
        row: 0,
        col: 0,
        headers: ['Ward code', 'Ward', 'Offenders', 'Young population', 'Rate per 1,000', 'Flag'],
        rows: [
          [
            text('E05011118'),
            text('Aston'),
            num(30),
            num(2000),
            { kind: 'formula', formula: 'C2/D2*1000', result: 15 },
            text('Higher'),
          ],
          [text('E05011119'), text('Bordesley'), text('[c]'), num(1500), text('[c]'), text('Similar')],
          [
            text('E05011120'),
            text('Erdington'),
            num(12),
            num(3000),
            { kind: 'formula', formula: 'C4/D4*1000', result: 4 },
            text('Lower'),
          ],
        ],
        style: 'TableStyleLight9',
      },
    ],
    charts: [
      {
        title: 'Ward rates',
        type: 'column',
        series: [
          {
            name: 'Rate per 1,000',
            categories: { sheet: 'Wards', firstRow: 1, lastRow: 3, col: 1 },
            values: { sheet: 'Wards', firstRow: 1, lastRow: 3, col: 4 },
          },
        ],
        xAxisTitle: 'Ward',
        yAxisTitle: 'Rate per 1,000 young residents',
        anchor: { row: 6, col: 7, widthCols: 8, heightRows: 15 },
      },
    ],
    images: [{ description: 'Map of wards', png: TINY_PNG, widthPx: 100, heightPx: 80, anchor: { row: 0, col: 7 } }],
    freezeRows: 1,
    conditionalFills: [{ range: 'F2:F4', equals: 'Higher', fill: 'F4B084' }],
  };
  return [summary, schools, wards];
}

function num(value: number) {
  return { kind: 'number', value } as const;
}

function text(value: string) {
  return { kind: 'text', value } as const;
}
