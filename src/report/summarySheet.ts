import type { AnalysisResult } from '../core/pipeline/analysisResult';
import { publishedValue, type PublishedCount } from '../core/disclosure';
import { formula, num, STYLE, text } from './cells';
import { phaseList } from './phaseLabels';
import type { ModelCell, SheetModel } from './sheetModel';

type Placed = { row: number; col: number; cell: ModelCell };

/** A link to another output sheet; the adapter swaps `{{Name}}` for the run's sheet name. */
function sheetLink(baseName: string, label: string): ModelCell {
  return formula(`HYPERLINK("#"&"{{${baseName}}}!A1","${label}")`, label, { fontColor: '0563C1' });
}

/** The Summary sheet: the headline answers in sentences, the top schools, and where to look next. */
export function buildSummarySheet(result: AnalysisResult): SheetModel {
  const { parameters, area, schools, wards } = result;
  const [youngest, oldest] = parameters.ageBand;
  const measure = parameters.rankingMetric === 'offences' ? 'violent offences' : 'young offenders resident';
  const rateOf = (w: (typeof wards)[number]) => (parameters.rankingMetric === 'offences' ? w.offences : w.youngOffenders);
  const higher = wards.filter((w) => rateOf(w).published.shown && rateOf(w).flag === 'higher').length;
  const areaRate = parameters.rankingMetric === 'offences' ? area.offenceRate : area.youngOffenderRate;
  const countText = (published: PublishedCount): string => {
    const value = publishedValue(published);
    return typeof value === 'number' ? value.toLocaleString('en-GB') : value;
  };
  const top = schools.slice(0, parameters.topN);
  const candidates = top.filter((s) => s.newCandidate);
  const problems = result.issues.filter((i) => i.severity !== 'info').length;
  const cells: Placed[] = [];
  let row = 0;
  const line = (cell: ModelCell, col = 0): void => { cells.push({ row, col, cell }); row += 1; };

  line(text('Which schools educate the most children from areas with higher than average violence?', STYLE.title));
  if (result.provenance.synthetic) line(text('SYNTHETIC DATA: every figure here comes from generated test data, not real records.', STYLE.warning));
  line(text(`Young people aged ${youngest}–${oldest}; ${phaseList(parameters.phases)} schools; counts below ${parameters.threshold} withheld as [c], with further counts withheld where a total would give one away${parameters.roundingBase ? `; counts rounded to the nearest ${parameters.roundingBase}` : ''}.`, STYLE.note));
  row += 1;
  line(text('Headlines', STYLE.heading));
  line(text(`Area rate: ${Number.isFinite(areaRate) ? areaRate.toFixed(1) : '[c]'} ${measure} per 1,000 young residents (${countText(area.offencesPublished)} offences; ${countText(area.youngOffendersPublished)} young offenders; ${area.youngPopulation.toLocaleString('en-GB')} young residents).`));
  line(text(`${higher} of ${wards.length} wards are shown with a rate higher than the area average (95% interval entirely above it); wards whose counts are withheld are not counted.`));
  line(text(`${schools.length} schools ranked. ${candidates.length} of the top ${top.length} are not on the current list${result.list.listSheet ? ` ('${result.list.listSheet}')` : ' (no list sheet was found)'}.`));
  line(text(`${problems} input problems were found and reported (see Validation); nothing was dropped silently.`));
  row += 1;
  line(text(`Top ${top.length} schools`, STYLE.heading));
  const headers = ['Rank', 'Rank 95% interval', 'School', 'URN', 'Exposure index', 'On current list', 'New candidate'];
  headers.forEach((header, col) => cells.push({ row, col, cell: text(header, { bold: true, fill: 'D9E1F2' }) }));
  row += 1;
  for (const school of top) {
    const values: ModelCell[] = [
      num(school.rank),
      text(`${school.rankLower}–${school.rankUpper}`),
      text(school.name),
      text(school.urn),
      num(school.exposureIndex, STYLE.index),
      text(school.onCurrentList ? 'Yes' : 'No'),
      text(school.newCandidate ? 'Yes' : '', school.newCandidate ? { bold: true, fill: 'FFEB9C' } : undefined),
    ];
    values.forEach((cell, col) => cells.push({ row, col, cell }));
    row += 1;
  }
  row += 1;
  line(text('New candidates for the prevention list', STYLE.heading));
  if (candidates.length === 0) line(text('None: every school in the top group is already on the list.'));
  for (const school of candidates) line(text(`${school.rank}. ${school.name} (URN ${school.urn}), exposure index ${Math.round(school.exposureIndex)}, rank interval ${school.rankLower}–${school.rankUpper}`));
  row += 1;
  line(text('Read with care', STYLE.heading));
  line(text('Recorded crime reflects where police look as well as where violence happens; rankings are advisory and overlapping rank intervals mean the order is uncertain. See Method for the caveats.', STYLE.note));
  row += 1;
  line(text('Sheets', STYLE.heading));
  for (const [name, label] of [['Schools', 'Schools: the full ranking'], ['Wards', 'Wards: rates and flags'], ['Charts', 'Charts and map'], ['Validation', 'Validation: every input problem'], ['Method', 'Method, parameters and caveats'], ['Audit', 'Audit trail']] as const) {
    line(sheetLink(name, label));
  }
  return { name: 'Summary', cells, tables: [], charts: [], images: [], columnWidths: [8, 16, 40, 10, 14, 14, 14], tabColor: '1F3864' };
}
