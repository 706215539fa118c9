import type { SheetModel } from '../../report/sheetModel';
import { tableNameForRun } from '../sheetNames';

/**
 * The final name of each table of a run: {@link tableNameForRun} (as the .xlsx adapter names them),
 * then, should the analyst's workbook already hold a table of that name (table names are
 * workbook-wide and compared ignoring case), `_2`, `_3`, ... appended until it is free.
 * Throws when two tables of the run share a name, as the .xlsx adapter does.
 * @example planTableNames(models, 2, ['TBLSCHOOLS_2']).get('tblSchools') // => 'tblSchools_2_2'
 */
export function planTableNames(
  models: readonly SheetModel[],
  runNumber: number,
  existingTableNames: readonly string[],
): Map<string, string> {
  const taken = new Set(existingTableNames.map((name) => name.toUpperCase()));
  const names = new Map<string, string>();
  const owners = new Map<string, string>();
  for (const model of models) {
    for (const table of model.tables) {
      const planned = tableNameForRun(table.name, runNumber);
      const other = owners.get(planned.toUpperCase());
      if (other !== undefined) {
        throw new Error(
          `Tables '${table.name}' on sheet '${model.name}' and on sheet '${other}' would share one Excel table name; give each table its own name.`,
        );
      }
      owners.set(planned.toUpperCase(), model.name);
      let name = planned;
      for (let copy = 2; taken.has(name.toUpperCase()); copy++) name = `${planned}_${copy}`;
      taken.add(name.toUpperCase());
      names.set(table.name, name);
    }
  }
  return names;
}
