import type { ChartModel, ModelCell, RangeRef, SheetModel } from '../report/sheetModel';
import { tableNameForRun } from '../workbook/sheetNames';

/**
 * One run's sheet models given their final, run-numbered names ('Schools' -> 'Schools (2)'), so
 * several runs can be written into one new workbook in a single call: each model's name, its
 * tables' names (tableNameForRun), its formulas' {{Sheet}} placeholders and its charts' ranges
 * follow the new names. Pure; the models given are not changed.
 */
export function renumberRunSheets(
  models: readonly SheetModel[],
  names: ReadonlyMap<string, string>,
  runNumber: number,
): SheetModel[] {
  const renamed = (base: string): string => names.get(base) ?? base;
  const cell = (value: ModelCell): ModelCell =>
    value.kind === 'formula'
      ? {
          ...value,
          formula: value.formula.replace(/\{\{([^{}]+)\}\}/g, (placeholder, base: string) =>
            names.has(base) ? `{{${renamed(base)}}}` : placeholder,
          ),
        }
      : value;
  const range = (ref: RangeRef): RangeRef => ({ ...ref, sheet: renamed(ref.sheet) });
  const chart = (model: ChartModel): ChartModel => ({
    ...model,
    series: model.series.map((series) => ({
      ...series,
      categories: range(series.categories),
      values: range(series.values),
    })),
  });
  return models.map((model) => ({
    ...model,
    name: renamed(model.name),
    cells: model.cells.map((placed) => ({ ...placed, cell: cell(placed.cell) })),
    tables: model.tables.map((table) => ({
      ...table,
      name: tableNameForRun(table.name, runNumber),
      rows: table.rows.map((row) => row.map(cell)),
    })),
    charts: model.charts.map(chart),
  }));
}
