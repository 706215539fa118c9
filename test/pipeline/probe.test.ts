import { runAnalysis } from '../../src/core/pipeline';
import { smallWorkbook, SMALL_PARAMETERS } from './smallWorkbookFixture';
test('probe', () => {
  const out = runAnalysis({ workbook: smallWorkbook() }, SMALL_PARAMETERS);
  if (!out.ok) { console.log(JSON.stringify(out, null, 1)); return; }
  const r = out.result;
  console.log(JSON.stringify({ roles: r.roles, wards: r.wards, area: r.area, schools: r.schools, placement: r.placement, recon: r.reconciliation, list: r.list, issues: r.issues.map(i => [i.sheet, i.row, i.column, i.value, i.severity, i.code]) }, null, 0));
});
