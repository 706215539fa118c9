import { periodText, populationYearText, titleWithPeriod } from './periodText';
import type { AnalysisResult, SchoolResult } from '../core/pipeline/analysisResult';
import { publishedValue, SUPPRESSED_SYMBOL, type PublishedCount } from '../core/disclosure';
import { formula, num, STYLE, text } from './cells';
import { FreeCells } from './freeCells';
import { ADVISORY_LINE } from './advisoryLine';
import { mostExposedLines, robustnessLines, sensitivityWords } from './headlineLines';
import { phaseList } from './phaseLabels';
import { fitScale, headerRowPoints, MINIMUM_PRINT_SCALE, rowsPerPage } from './printLayout';
import type { ModelCell, SheetModel } from './sheetModel';

/** A link to another output sheet; the adapter swaps `{{Name}}` for the run's sheet name. */
function sheetLink(baseName: string, label: string): ModelCell {
  return formula(`HYPERLINK("#"&"{{${baseName}}}!A1","${label}")`, label, { fontColor: '0563C1' });
}

const count = (published: PublishedCount): string => {
  const value = publishedValue(published);
  return typeof value === 'number' ? value.toLocaleString('en-GB') : value;
};

const CENTRED = { align: 'center' } as const;
/** Narrow enough to print portrait at about 90% (headers wrap); long lines wrap across the same width. */
const COLUMN_WIDTHS = [6, 11, 36, 9, 10, 10, 9, 10, 10] as const;

/** One printed page when the rows fit it at 70% or more (the scale one page wide is about 90%), else as many as they need. */
function onePageWhenReadable(rows: number): { fitToHeight?: number } {
  // Three rows more for the wrapped table header.
  const scale = Math.min(fitScale(COLUMN_WIDTHS, 'portrait'), rowsPerPage('portrait', 1) / (rows + 3));
  return scale >= MINIMUM_PRINT_SCALE ? { fitToHeight: 1 } : {};
}

/** 'one school' / '3 schools'. */
const schoolsText = (n: number): string => (n === 1 ? 'one school' : `${n} schools`);

/**
 * A school is clearly in the top group when its whole rank interval lies inside it: in at least
 * the upper tail's share of the simulations (97.5% at 95% confidence) it ranked within the group.
 */
const clearlyInTop = (school: SchoolResult, groupSize: number): boolean => school.rankUpper <= groupSize;

/** The answer to "which of the top group are not on our list?", honest about a missing list. */
function candidatesLine(
  result: AnalysisResult,
  top: readonly SchoolResult[],
  candidates: readonly SchoolResult[],
): string {
  if (!result.list.listSheet)
    return `No current prevention list was found, so every school in the top ${top.length} is shown as a candidate.`;
  if (candidates.length === 0)
    return `All of the top ${top.length} are already on the current list ('${result.list.listSheet}').`;
  return `${candidates.length} of the top ${top.length} are not on the current list ('${result.list.listSheet}'): new candidates, listed below.`;
}

/** How sure the ranking is: how many of the top group are clearly in it, and how many of its new candidates. */
function howSureLines(top: readonly SchoolResult[], candidates: readonly SchoolResult[], confidence: string): string[] {
  const n = top.length;
  const clear = top.filter((school) => clearlyInTop(school, n)).length;
  const clearCandidates = candidates.filter((school) => clearlyInTop(school, n)).length;
  const lines = [
    `How sure: ${clear} of the top ${n} ${clear === 1 ? 'is' : 'are'} clearly in the top ${n} (${confidence} rank interval within 1–${n})${clear < n ? `; the other ${n - clear} could fall outside it by chance` : ''}.`,
  ];
  if (candidates.length > 0)
    lines.push(
      `Of the ${candidates.length === 1 ? 'one new candidate' : `${candidates.length} new candidates`}, ${clearCandidates} ${clearCandidates === 1 ? 'is' : 'are'} clearly in the top ${n}.`,
    );
  return lines;
}

/** Observed or modelled catchments, as a statement of how well the pupils' homes are known. */
function catchmentLine(schools: readonly SchoolResult[]): string {
  const observed = schools.filter((school) => school.catchmentModel === 'observed').length;
  if (observed === schools.length) return "Catchments: observed for every school, from pupils' home wards.";
  if (observed === 0)
    return 'Catchments: modelled for every school from distance and school size (no pupil home wards were given): less certain than observed ones.';
  return `Catchments: observed (pupils' home wards) for ${schoolsText(observed)}; modelled (distance and school size, less certain) for ${schoolsText(schools.length - observed)}.`;
}

/**
 * How many wards are flagged higher, by the run's rule in words; allowing for over-dispersion, also
 * how many the plain Poisson comparison would flag, so the reader sees what the stricter rule set aside.
 */
function higherWardsLines(result: AnalysisResult, higher: number, confidence: string): string[] {
  const { flagMethod, rankingMetric } = result.parameters;
  const count = `${higher} of ${result.wards.length} wards have a rate higher than the area average`;
  // Under perturbation no ward is withheld; every ward's shown count is rated.
  const withheld = result.disclosure.perturbation ? 'rated on the perturbed counts' : 'withheld wards are not counted';
  if (flagMethod === 'poisson') return [`${count} (${confidence} interval entirely above it); ${withheld}.`];
  const poisson = result.area.funnel[rankingMetric].flagged.poisson.higher;
  // Two lines: a sheet printed one page wide is scaled to its longest line.
  return [
    `${count}: above the ${confidence} funnel limit, which allows for the usual spread between wards, with the interval entirely above it too;`,
    `${withheld}. By the interval alone ${poisson === 1 ? 'one ward' : `${poisson} wards`} would be (see Method).`,
  ];
}

/**
 * The Summary sheet, for a VRU manager: the headline answers in sentences (the most exposed
 * school, the new candidates, how sure the ranking is, how well catchments are known), the area
 * picture, the top schools with their rank intervals, the new candidates, and where to look next.
 */
export function buildSummarySheet(result: AnalysisResult): SheetModel {
  const { parameters, area, schools, wards } = result;
  const [youngest, oldest] = parameters.ageBand;
  const confidence = `${Math.round(parameters.confidenceLevel * 100)}%`;
  const measure = parameters.rankingMetric === 'offences' ? 'violent offences' : 'young offenders resident';
  const exposedTo = parameters.rankingMetric === 'offences' ? 'recorded violence' : 'the young offender rate';
  const rateOf = (w: (typeof wards)[number]) =>
    parameters.rankingMetric === 'offences' ? w.offences : w.youngOffenders;
  const higher = wards.filter((w) => rateOf(w).published.shown && rateOf(w).flag === 'higher').length;
  const areaRate = parameters.rankingMetric === 'offences' ? area.offenceRate : area.youngOffenderRate;
  const top = schools.slice(0, parameters.topN);
  const candidates = top.filter((s) => s.newCandidate);
  const problems = result.issues.filter((i) => i.severity !== 'info').length;
  const sheet = new FreeCells(COLUMN_WIDTHS);

  sheet.line(
    text(
      titleWithPeriod('Which schools educate the most children from areas with higher than average violence?', result),
      STYLE.title,
    ),
  );
  if (result.provenance.synthetic) {
    // The banner's fill runs under the whole line, across the table's width (blank cells let the text overflow).
    for (let col = 1; col < COLUMN_WIDTHS.length; col += 1)
      sheet.at(col, { kind: 'empty', style: { fill: STYLE.warning.fill } });
    sheet.line(
      text(
        'SYNTHETIC DATA: every figure here comes from generated test data, not real people, places or schools.',
        STYLE.warning,
      ),
    );
  }
  sheet.line(text(`Period: ${periodText(result)}. Young population: ${populationYearText(result)}.`, STYLE.note));
  sheet.line(
    text(
      `Young people aged ${youngest}–${oldest}; ${phaseList(parameters.phases)} schools; ${
        result.disclosure.perturbation
          ? `counts perturbed by the ONS cell key method (each moved by at most ${result.disclosure.perturbation.table.maxNoise}, none shown from 1 to ${parameters.threshold - 1}; totals are sums of the counts shown; see Method)`
          : `counts below ${parameters.threshold} withheld as [c], with further counts withheld where a total would give one away`
      }${parameters.roundingBase ? `; counts rounded to the nearest ${parameters.roundingBase}${result.disclosure.shownExactly.length > 0 ? ", except area totals the Method sheet's placement figures tell exactly (shown exactly)" : ''}` : ''}.`,
      STYLE.note,
    ),
  );
  sheet.gap();

  sheet.heading('Headlines');
  if (top.length === 0) sheet.line(text('No schools were ranked: no open school of the phases chosen was found.'));
  else {
    for (const line of mostExposedLines(schools, exposedTo)) sheet.line(text(line));
    sheet.line(text(candidatesLine(result, top, candidates)));
    for (const line of howSureLines(top, candidates, confidence)) sheet.line(text(line));
    for (const line of robustnessLines(result)) sheet.line(text(line));
    sheet.line(text(catchmentLine(schools)));
  }
  sheet.line(
    text(
      `Area rate: ${Number.isFinite(areaRate) ? areaRate.toFixed(1) : SUPPRESSED_SYMBOL} ${measure} per 1,000 young residents (${count(area.offencesPublished)} offences; ${count(area.youngOffendersPublished)} young offenders; ${area.youngPopulation.toLocaleString('en-GB')} young residents).`,
    ),
  );
  for (const line of higherWardsLines(result, higher, confidence)) sheet.line(text(line));
  sheet.line(
    text(
      `${schoolsText(schools.length)} ranked. ${problems} input problems were found and reported (see Validation); nothing was dropped silently.`,
    ),
  );
  const notRanked = result.issues.filter(
    (issue) =>
      issue.sheet === result.roles.schools && (issue.code === 'schoolNotRanked' || issue.code === 'outsideArea'),
  ).length;
  if (notRanked > 0) {
    sheet.line(
      text(
        `${schoolsText(notRanked)} of the phases chosen could not be ranked (no pupil count and no observed pupil home wards, or located far outside the area): see Validation.`,
        STYLE.warning,
      ),
    );
  }
  sheet.gap();

  sheet.heading(`Top ${top.length} schools`);
  sheet.line(
    text(
      "Exposure index: 100 = the area average; 140 means the school's pupils live where the rate is 40% higher.",
      STYLE.note,
    ),
  );
  sheet.line(
    text(
      `Rank interval: the school's rank lies within it in ${confidence} of simulations; "clearly in the top ${top.length}" when the whole interval is within it.`,
      STYLE.note,
    ),
  );
  sheet.line(text(ADVISORY_LINE, STYLE.note));
  const headers = [
    'Rank',
    `Rank ${confidence} interval`,
    'School',
    'URN',
    'Exposure index',
    'Catchment',
    'On current list',
    'New candidate',
    `Clearly in top ${top.length}`,
  ];
  headers.forEach((header, col) => sheet.at(col, text(header, { bold: true, fill: 'D9E1F2', wrap: true })));
  const headerHeight = { row: sheet.row, points: headerRowPoints(headers, COLUMN_WIDTHS) };
  sheet.row += 1;
  for (const school of top) {
    [
      num(school.rank, CENTRED),
      text(`${school.rankLower}–${school.rankUpper}`, CENTRED),
      text(school.name),
      text(school.urn),
      num(school.exposureIndex, { ...STYLE.index, ...CENTRED }),
      text(school.catchmentModel === 'observed' ? 'Observed' : 'Modelled'),
      text(school.onCurrentList ? 'Yes' : 'No'),
      text(school.newCandidate ? 'Yes' : '', school.newCandidate ? { bold: true, fill: 'FFEB9C' } : undefined),
      text(clearlyInTop(school, top.length) ? 'Yes' : 'No'),
    ].forEach((cell, col) => sheet.at(col, cell));
    sheet.row += 1;
  }
  sheet.gap();

  sheet.heading('New candidates for the prevention list');
  if (candidates.length === 0)
    sheet.line(
      text(
        result.list.listSheet
          ? 'None: every school in the top group is already on the list.'
          : 'No current list was given.',
      ),
    );
  for (const school of candidates) {
    const sureness = clearlyInTop(school, top.length)
      ? `clearly in the top ${top.length}`
      : `could fall outside the top ${top.length}`;
    const robustness = sensitivityWords(result, school.urn);
    sheet.line(
      text(
        `${school.rank}. ${school.name} (URN ${school.urn}): exposure index ${Math.round(school.exposureIndex)}, rank interval ${school.rankLower}–${school.rankUpper}, ${sureness}${robustness ? `; ${robustness}` : ''}.`,
      ),
    );
  }
  sheet.gap();

  sheet.heading('Read with care');
  sheet.line(
    text(
      'Recorded crime reflects where police look as well as where violence happens (see Method for the caveats).',
      STYLE.note,
    ),
  );
  sheet.line(
    text(
      'The ranking is advisory: it points to where prevention may reach most children, and people decide.',
      STYLE.note,
    ),
  );
  sheet.line(
    text(
      '[c] marks a count withheld so that no one can be identified; every figure, school scores included, uses published numbers only.',
      STYLE.note,
    ),
  );
  sheet.gap();

  // The links to the other sheets are for the screen: the printed page ends above them.
  const printedRows = sheet.row;
  sheet.heading('Sheets');
  for (const [name, label] of [
    ['Schools', 'Schools: the full ranking'],
    ['Sensitivity', 'Sensitivity: the top group under other choices'],
    ['Wards', 'Wards: rates and flags'],
    ['Charts', 'Charts and map'],
    ['Validation', 'Validation: every input problem'],
    ['Method', 'Method, parameters and caveats'],
    ['Audit', 'Audit trail'],
  ] as const) {
    sheet.line(sheetLink(name, label));
  }
  return {
    name: 'Summary',
    cells: sheet.cells,
    tables: [],
    charts: [],
    images: [],
    columnWidths: [...COLUMN_WIDTHS],
    merges: sheet.merges,
    rowHeights: [...sheet.rowHeights, headerHeight],
    tabColor: '1F3864',
    print: {
      orientation: 'portrait',
      fitToWidth: true,
      ...onePageWhenReadable(
        printedRows +
          sheet.rowHeights.reduce((extra, { row, points }) => extra + (row < printedRows ? points / 15 - 1 : 0), 0),
      ),
      area: { lastRow: printedRows - 1, lastCol: COLUMN_WIDTHS.length - 1 },
    },
  };
}
