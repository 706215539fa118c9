/** A later run's sheet models renamed so several runs fit in one new workbook. */
import { renumberRunSheets } from '../../src/cli/renumberRunSheets';
import type { SheetModel } from '../../src/report/sheetModel';

const MODELS: SheetModel[] = [
  {
    name: 'Schools',
    cells: [{ row: 0, col: 0, cell: { kind: 'formula', formula: '{{Wards}}!B6*2', result: 7 } }],
    tables: [
      {
        name: 'tblSchools',
        row: 2,
        col: 0,
        headers: ['A'],
        rows: [[{ kind: 'formula', formula: 'A1+{{Elsewhere}}!A1', result: 1 }]],
      },
    ],
    charts: [],
    images: [],
  },
  {
    name: 'Wards',
    cells: [],
    tables: [],
    charts: [
      {
        title: 'Rates',
        type: 'column',
        anchor: { row: 0, col: 0, widthCols: 5, heightRows: 10 },
        series: [
          {
            name: 'Start',
            categories: { sheet: 'Wards', firstRow: 1, lastRow: 4, col: 0 },
            values: { sheet: 'Wards', firstRow: 1, lastRow: 4, col: 1 },
            color: 'none',
          },
          {
            name: 'Interval',
            categories: { sheet: 'Wards', firstRow: 1, lastRow: 4, col: 0 },
            values: { sheet: 'Wards', firstRow: 1, lastRow: 4, col: 2 },
            color: 'C55A11',
          },
        ],
      },
    ],
    images: [],
  },
];

describe('renumberRunSheets', () => {
  const names = new Map([
    ['Schools', 'Schools (2)'],
    ['Wards', 'Wards (2)'],
  ]);
  const renumbered = renumberRunSheets(MODELS, names, 2);

  it('renames the sheets, their tables, and the sheets their formulas and charts point at', () => {
    expect(renumbered.map((model) => model.name)).toEqual(['Schools (2)', 'Wards (2)']);
    expect(renumbered[0].tables[0].name).toBe('tblSchools_2');
    expect(renumbered[0].cells[0].cell).toEqual({ kind: 'formula', formula: '{{Wards (2)}}!B6*2', result: 7 });
    const series = renumbered[1].charts[0].series;
    expect(series.map((one) => [one.categories.sheet, one.values.sheet, one.values.col, one.color])).toEqual([
      ['Wards (2)', 'Wards (2)', 1, 'none'],
      ['Wards (2)', 'Wards (2)', 2, 'C55A11'],
    ]);
  });

  it('leaves placeholders for sheets outside the run as they are', () => {
    expect(renumbered[0].tables[0].rows[0][0]).toEqual({ kind: 'formula', formula: 'A1+{{Elsewhere}}!A1', result: 1 });
  });

  it('does not change the models it is given', () => {
    expect(MODELS[0].name).toBe('Schools');
    expect(MODELS[0].cells[0].cell).toEqual({ kind: 'formula', formula: '{{Wards}}!B6*2', result: 7 });
  });
});
