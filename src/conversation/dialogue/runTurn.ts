/** "run the analysis": the engine on the current choices, the report's sheets, and the headline answers. */
import { runAnalysis } from '../../core/pipeline/runAnalysis';
import type { AnalysisResult } from '../../core/pipeline/analysisResult';
import { buildReport, OUTPUT_SHEETS } from '../../report/buildReport';
import type { Command } from '../commands';
import type { Choice, TurnRecord } from '../types';
import { count, listing, plural, rankText } from './format';
import { phaseText } from './changeSetting';
import { sheetQuestion } from './sheetQuestion';
import type { DialogueState, Outcome, TurnEnvironment } from './state';
import { detectWithSettings } from './workbookFacts';

/** How many problems a failed run lists before saying how many more there are. */
const PROBLEMS_SHOWN = 5;

/** The measure's published rate estimate of a ward. */
export function measureOf(result: AnalysisResult, ward: AnalysisResult['wards'][number]) {
  return result.parameters.rankingMetric === 'offences' ? ward.offences : ward.youngOffenders;
}

/** The headline answers of a run, in a few lines. */
function headlines(result: AnalysisResult, runNumber: number): string[] {
  const { parameters } = result;
  const higher = result.wards.filter((ward) => measureOf(result, ward).published.shown && measureOf(result, ward).flag === 'higher').length;
  const problems = result.issues.filter((issue) => issue.severity !== 'info').length;
  const top = result.schools.slice(0, parameters.topN);
  const candidates = top.filter((school) => school.newCandidate);
  const lines = [
    `Run ${runNumber} done: ${plural(result.wards.length, 'ward')} (${count(higher)} higher than the area average), ${plural(result.schools.length, `${phaseText(parameters.phases)} school`)} ranked, ${plural(problems, 'input problem')} reported on the Validation sheet.`,
  ];
  if (top.length > 0) lines.push(`Top ${Math.min(3, top.length)}: ${top.slice(0, 3).map((school) => `${school.rank}. ${school.name} (rank interval ${school.rankLower}–${school.rankUpper})`).join('; ')}.`);
  const list = result.list.listSheet ? `the current list ('${result.list.listSheet}')` : 'a current list (no list sheet was found)';
  lines.push(`${candidates.length} of the top ${top.length} ${candidates.length === 1 ? 'is' : 'are'} not on ${list}${candidates.length > 0 ? `: ${listing(candidates.slice(0, 5).map((school) => school.name))}${candidates.length > 5 ? ' and others' : ''}` : ''}.`);
  lines.push(`Writing the ${listing([...OUTPUT_SHEETS])} sheets.`);
  return lines;
}

function nextSteps(result: AnalysisResult): Choice[] {
  const choices: Choice[] = [
    { label: `Which of the top ${result.parameters.topN} are not on the list?`, utterance: `which of the top ${result.parameters.topN} are not on the list?` },
  ];
  const first = result.schools[0];
  if (first) choices.push({ label: `Why is ${first.name} ranked ${rankText(first.rank)}?`, utterance: `why is "${first.name}" ranked ${rankText(first.rank)}?` });
  choices.push({ label: 'Show the top 10', utterance: 'show the top 10' });
  return choices;
}

/**
 * Runs the analysis, unless a role has two near-equal sheets (then asks which, never guesses). A
 * run that cannot use the input answers with the problems (sheet, row, column) and what to say next.
 * `transcriptWith` gives the dialogue so far including this turn, for the Audit sheet.
 */
export function runTurn(
  command: Command,
  state: DialogueState,
  env: TurnEnvironment,
  transcriptWith: (reply: string) => readonly TurnRecord[],
): Outcome {
  const ambiguity = detectWithSettings(env.engine.workbook, state.settings).ambiguous[0];
  if (ambiguity) {
    const question = sheetQuestion(ambiguity.role, ambiguity.sheets);
    return { text: `Before running: ${question.text}`, choices: question.choices, question: true, command };
  }
  const { settings } = state;
  const outcome = runAnalysis(
    { ...env.engine, roleOverrides: settings.roleOverrides, columnOverrides: settings.columnOverrides },
    settings.parameters,
    env.progress,
  );
  if (!outcome.ok) {
    const shown = outcome.problems.slice(0, PROBLEMS_SHOWN).map((problem) => `• ${problem.message}`);
    const more = outcome.problems.length > PROBLEMS_SHOWN ? [`… and ${outcome.problems.length - PROBLEMS_SHOWN} more.`] : [];
    return {
      text: ['The analysis could not run on this input:', ...shown, ...more].join('\n'),
      command,
      choices: [
        { label: "What's in this workbook?", utterance: "what's in this workbook?" },
        { label: 'Help', utterance: 'help' },
      ],
    };
  }
  const { result } = outcome;
  const runNumber = state.runs + 1;
  const text = headlines(result, runNumber).join('\n');
  const models = buildReport(result, {
    tool: env.tool,
    version: env.version,
    command: `dialogue, turn ${env.turn} (run ${runNumber}): replay the commands of the Dialogue table below`,
    startedAt: env.at,
    finishedAt: env.now().toISOString(),
    dialogue: transcriptWith(text),
  });
  return {
    text,
    command,
    choices: nextSteps(result),
    effects: [{ kind: 'writeReport', models }, { kind: 'activateSheet', baseName: 'Summary' }],
    latest: { result, runNumber, turn: env.turn, settings, sheetNames: null },
  };
}
