import type { AnalysisResult, SchoolSensitivity, SensitivityScenario } from '../core/pipeline/analysisResult';
import { ADVISORY_LINE } from './advisoryLine';
import { address, formula, num, STYLE, text } from './cells';
import { titleWithPeriod } from './periodText';
import type { ModelCell, SheetModel } from './sheetModel';

/** Short column headers, one per scenario (the legend above the table gives each in full). */
const SCENARIO_HEADERS: Readonly<Record<SensitivityScenario['key'], (scenario: SensitivityScenario) => string>> = {
  given: () => 'This run',
  otherMetric: (s) => (s.parameters.rankingMetric === 'offences' ? 'Offences measure' : 'Young offenders measure'),
  otherCatchment: (s) => (s.parameters.catchmentModel === 'distanceDecay' ? 'All modelled' : 'Observed where given'),
  oneYearOlderFrom: (s) => `Ages ${s.parameters.ageBand[0]}–${s.parameters.ageBand[1]}`,
  oneYearYoungerTo: (s) => `Ages ${s.parameters.ageBand[0]}–${s.parameters.ageBand[1]}`,
  otherSmoothing: (s) => (s.parameters.smoothing === 'empiricalBayes' ? 'Smoothed rates' : 'Crude rates'),
  last12Months: () => 'Last 12 months',
};

const NOT_RUN = 'not run';

/**
 * The table's columns after the scenarios: in how many of the scenarios run the school is in the
 * top N, how many were run, and the label, each a live formula on the Yes/No cells; the label's
 * formula is the rule of sensitivityLabel (core/pipeline/stages/sensitivity).
 */
function schoolRow(
  school: SchoolSensitivity,
  row: number,
  firstScenarioCol: number,
  scenarioCount: number,
): ModelCell[] {
  const first = address(row, firstScenarioCol);
  const range = `${first}:${address(row, firstScenarioCol + scenarioCount - 1)}`;
  const inTop = address(row, firstScenarioCol + scenarioCount);
  const run = address(row, firstScenarioCol + scenarioCount + 1);
  return [
    Number.isFinite(school.rank) ? num(school.rank) : text('not ranked'),
    text(school.urn),
    text(school.name),
    ...school.inTop.map((entry) => text(entry === null ? NOT_RUN : entry ? 'Yes' : 'No', { align: 'center' })),
    formula(`COUNTIF(${range},"Yes")`, school.scenariosInTop),
    formula(`COUNTIF(${range},"Yes")+COUNTIF(${range},"No")`, school.scenariosRun),
    formula(
      `IF(${inTop}=${run},"robust",IF(AND(${inTop}=1,${first}="Yes"),"only under this setting","depends on choices"))`,
      school.label,
      school.label === 'robust' ? { bold: true } : undefined,
    ),
  ];
}

/**
 * The Sensitivity sheet (tblSensitivity): for every school in the top N under any scenario,
 * whether each reasonable change of method keeps it there, in how many of the scenarios run, and
 * its label. Scenarios that could not be run are listed with why and marked 'not run', never
 * dropped. Only membership is shown: no scenario's counts, rates or ranks.
 */
export function buildSensitivitySheet(result: AnalysisResult): SheetModel {
  const { scenarios, schools, topN } = result.sensitivity;
  const cells: { row: number; col: number; cell: ModelCell }[] = [];
  const line = (row: number, cell: ModelCell): void => void cells.push({ row, col: 0, cell });
  line(
    0,
    text(
      titleWithPeriod(`Sensitivity: does each school stay in the top ${topN} under other reasonable choices?`, result),
      STYLE.title,
    ),
  );
  line(
    1,
    text(
      `For every school in the top ${topN} under any scenario below: Yes where that scenario keeps it in the top ${topN}, and its label: robust (in every scenario run), depends on choices (in some), only under this setting (in this run's alone).`,
      STYLE.note,
    ),
  );
  line(
    2,
    text(
      'Each scenario reruns the scoring by point rank. Scenarios that count fewer rows (ages, months) are scored on their own counts, which are not published; only whether each school is in the top group is shown.',
      STYLE.note,
    ),
  );
  line(3, text(ADVISORY_LINE, STYLE.note));
  line(5, text('Scenarios', STYLE.heading));
  scenarios.forEach((scenario, i) => {
    cells.push({ row: 6 + i, col: 0, cell: text(SCENARIO_HEADERS[scenario.key](scenario), STYLE.label) });
    cells.push({
      row: 6 + i,
      col: 2,
      cell: text(
        scenario.outcome.kind === 'ranked'
          ? scenario.description
          : `${scenario.description}: not run, because ${scenario.outcome.reason}.`,
        scenario.outcome.kind === 'ranked' ? undefined : STYLE.warning,
      ),
    });
  });
  const tableRow = 6 + scenarios.length + 1;
  const firstScenarioCol = 3;
  const headers = [
    'Rank in this run',
    'URN',
    'School',
    ...scenarios.map((s) => SCENARIO_HEADERS[s.key](s)),
    `In top ${topN} (scenarios)`,
    'Scenarios run',
    'Label',
  ];
  const rows = schools.map((school, i) => schoolRow(school, tableRow + 1 + i, firstScenarioCol, scenarios.length));
  return {
    name: 'Sensitivity',
    cells,
    tables: [{ name: 'tblSensitivity', row: tableRow, col: 0, headers, rows }],
    charts: [],
    images: [],
    columnWidths: [10, 9, 34, ...scenarios.map(() => 12), 12, 10, 22],
    freezeRows: tableRow + 1,
    print: { orientation: 'landscape', fitToWidth: true, repeatRow: tableRow },
  };
}
