import type { AdditiveRelation, LinkedTables, TableCell } from './linkedTables';

/**
 * A cross-tabulation with row totals, column totals and a grand total: each row adds up to its row
 * total, each column to its column total, and both margins to the grand total. Cell ids are
 * `${prefix}r${i}c${j}`, row totals `${prefix}r${i}`, column totals `${prefix}c${j}`, the grand
 * total `${prefix}total`.
 * @example twoWayTable([[1, 2], [3, 4]]) // => cells r0c0 1 … r0 3, r1 7, c0 4, c1 6, total 10; 5 relations
 */
export function twoWayTable(
  values: readonly (readonly number[])[],
  options: { readonly prefix?: string; readonly name?: string } = {},
): LinkedTables {
  const { prefix = '', name = 'Table' } = options;
  const rows = values.length;
  const cols = rows > 0 ? values[0].length : 0;
  if (values.some((row) => row.length !== cols))
    throw new Error('twoWayTable: every row needs the same number of columns.');
  const cells: TableCell[] = [];
  const relations: AdditiveRelation[] = [];
  const cellId = (i: number, j: number): string => `${prefix}r${i}c${j}`;
  values.forEach((row, i) =>
    row.forEach((value, j) => cells.push({ id: cellId(i, j), label: `${name}, row ${i + 1}, column ${j + 1}`, value })),
  );
  for (let i = 0; i < rows; i++) {
    cells.push({
      id: `${prefix}r${i}`,
      label: `${name}, row ${i + 1} total`,
      value: values[i].reduce((a, b) => a + b, 0),
    });
    relations.push({ total: `${prefix}r${i}`, parts: values[i].map((_, j) => cellId(i, j)) });
  }
  for (let j = 0; j < cols; j++) {
    cells.push({
      id: `${prefix}c${j}`,
      label: `${name}, column ${j + 1} total`,
      value: values.reduce((a, row) => a + row[j], 0),
    });
    relations.push({ total: `${prefix}c${j}`, parts: values.map((_, i) => cellId(i, j)) });
  }
  const grand = values.flat().reduce((a, b) => a + b, 0);
  cells.push({ id: `${prefix}total`, label: `${name}, grand total`, value: grand });
  relations.push({ total: `${prefix}total`, parts: values.map((_, i) => `${prefix}r${i}`) });
  relations.push({ total: `${prefix}total`, parts: Array.from({ length: cols }, (_, j) => `${prefix}c${j}`) });
  return { cells, relations };
}
