/** "run the analysis": the engine on the current choices, the report's sheets, and the headline answers. */
import { acrossRunsLines } from './acrossRunsLines';
import { runAnalysis } from '../../core/pipeline/runAnalysis';
import type { AnalysisResult } from '../../core/pipeline/analysisResult';
import { buildReport, OUTPUT_SHEETS } from '../../report/buildReport';
import type { Issue } from '../../core/types';
import type { Command } from '../commands';
import type { Choice, TurnRecord } from '../types';
import { count, day, isoDay, listing, plural, quoted, rankText } from './format';
import { includeUtterance, leaveOutUtterance, plainTypeList, typeKey, typeList } from './offenceTypeWords';
import { inDialogueWords, problemAdvice } from './remedies';
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
  const higher = result.wards.filter(
    (ward) => measureOf(result, ward).published.shown && measureOf(result, ward).flag === 'higher',
  ).length;
  const problems = result.issues.filter((issue) => issue.severity !== 'info').length;
  const top = result.schools.slice(0, parameters.topN);
  const candidates = top.filter((school) => school.newCandidate);
  const lines = [
    `Run ${runNumber} done: ${plural(result.wards.length, 'ward')} (${count(higher)} higher than the area average), ${plural(result.schools.length, `${phaseText(parameters.phases)} school`)} ranked, ${plural(problems, 'input problem')} reported on the Validation sheet.`,
  ];
  if (top.length > 0)
    lines.push(
      `Top ${Math.min(3, top.length)}: ${top
        .slice(0, 3)
        .map((school) => `${school.rank}. ${school.name} (rank interval ${school.rankLower}–${school.rankUpper})`)
        .join('; ')}.`,
    );
  const list = result.list.listSheet
    ? `the current list ('${result.list.listSheet}')`
    : 'a current list (no list sheet was found)';
  lines.push(
    `${candidates.length} of the top ${top.length} ${candidates.length === 1 ? 'is' : 'are'} not on ${list}${candidates.length > 0 ? `: ${listing(candidates.slice(0, 5).map((school) => school.name))}${candidates.length > 5 ? ' and others' : ''}` : ''}.`,
  );
  lines.push(`Writing the ${listing([...OUTPUT_SHEETS])} sheets.`);
  return lines;
}

function nextSteps(result: AnalysisResult): Choice[] {
  const choices: Choice[] = [
    {
      label: `Which of the top ${result.parameters.topN} are not on the list?`,
      utterance: `which of the top ${result.parameters.topN} are not on the list?`,
    },
  ];
  const first = result.schools[0];
  if (first)
    choices.push({
      label: `Why is ${first.name} ranked ${rankText(first.rank)}?`,
      utterance: `why is "${first.name}" ranked ${rankText(first.rank)}?`,
    });
  choices.push({ label: 'Show the top 10', utterance: 'show the top 10' });
  return choices;
}

/**
 * The reply to a run that stopped: each problem (sheet, row, column) with what to say to get past
 * it, in the dialogue's words, and buttons for the likeliest fixes.
 */
function stopped(problems: readonly Issue[], command: Command, state: DialogueState, env: TurnEnvironment): Outcome {
  const said = new Set<string>();
  const fixes: Choice[] = [];
  const shown = problems.slice(0, PROBLEMS_SHOWN).map((problem) => {
    const advice = problemAdvice(problem, state, env);
    for (const choice of advice?.choices ?? [])
      if (!fixes.some((fix) => fix.utterance === choice.utterance)) fixes.push(choice);
    // The same advice for several problems is given once, after the first.
    const fresh = advice !== null && !said.has(advice.text);
    if (advice) said.add(advice.text);
    return `• ${inDialogueWords(problem.message)}${fresh ? ` ${advice.text}` : ''}`;
  });
  const more = problems.length > PROBLEMS_SHOWN ? [`… and ${problems.length - PROBLEMS_SHOWN} more.`] : [];
  return {
    text: ['The analysis could not run on this input:', ...shown, ...more].join('\n'),
    command,
    choices: [
      ...fixes.slice(0, 4),
      { label: "What's in this workbook?", utterance: "what's in this workbook?" },
      { label: 'Help', utterance: 'help' },
    ],
  };
}

/** The period the figures cover, and the year of the population estimates where the wards sheet says it. */
function periodLines(result: AnalysisResult): string[] {
  const { period, populationYear } = result;
  if (!period) return [];
  const basis =
    period.basis === 'window'
      ? 'the date window'
      : period.basis === 'data'
        ? 'the first to the last offence counted'
        : 'the date window and the offences counted';
  const population = populationYear
    ? `; population estimates for ${populationYear.year} (${populationYear.source})`
    : '';
  return [`Period: ${day(isoDay(period.from))} to ${day(isoDay(period.to))} (${basis})${population}.`];
}

/**
 * What the run counted and did not: the types counted, those not counted with how to include one,
 * and the types that could not be classified. Those are never counted or dropped silently: the
 * reply asks whether to count them, unless the analyst has already said to leave them out.
 */
function offenceTypeReport(
  result: AnalysisResult,
  state: DialogueState,
): { lines: string[]; choices: Choice[]; question?: { text: string; choices: Choice[] } } {
  const { rule, counted, notCounted, unclassified } = result.offenceTypes;
  const lines = [
    `Offence types counted${rule === 'default' ? ' (the Home Office violence groups, the default)' : ' (as you chose)'}: ${counted.length > 0 ? typeList(counted) : 'none'}.`,
  ];
  const choices: Choice[] = [];
  if (notCounted.length > 0) {
    const example = includeUtterance([notCounted[0].text]);
    lines.push(`Not counted as violence: ${typeList(notCounted)}. To include one, say e.g. "${example}".`);
    choices.push({ label: `Include ${notCounted[0].text}`, utterance: example });
  }
  const settled = unclassified.filter((type) => state.leftOut.some((text) => typeKey(text) === typeKey(type.text)));
  const open = unclassified.filter((type) => !settled.includes(type));
  if (settled.length > 0) lines.push(`Not recognised, and left out as you said: ${plainTypeList(settled)}.`);
  if (open.length === 0) return { lines, choices };
  const texts = open.map((type) => type.text);
  const one = open.length === 1;
  const question = one
    ? `${quoted(open[0].text)} (${plural(open[0].rows, 'row')}) is not an offence type I recognise, so it was not counted. Should it count as violence?`
    : `${plural(open.length, 'offence type')} are not ones I recognise, so they were not counted: ${plainTypeList(open)}. Should any count as violence?`;
  const answers: Choice[] = one
    ? [
        { label: `Count ${quoted(texts[0])} as violence`, utterance: includeUtterance(texts) },
        { label: 'Leave it out', utterance: leaveOutUtterance(texts) },
      ]
    : [
        ...texts
          .slice(0, 3)
          .map((text) => ({ label: `Count ${quoted(text)} as violence`, utterance: includeUtterance([text]) })),
        { label: `Count all ${open.length} as violence`, utterance: includeUtterance(texts) },
        { label: 'Leave them out', utterance: leaveOutUtterance(texts) },
      ];
  return { lines, choices, question: { text: question, choices: answers } };
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
    // Each run joins the ledger as the last run left it, so runs in one workbook are protected together.
    {
      ...env.engine,
      ledger: state.latest?.result.ledger ?? env.engine.ledger,
      roleOverrides: settings.roleOverrides,
      columnOverrides: settings.columnOverrides,
    },
    settings.parameters,
    env.progress,
  );
  const named = env.engine.describeInput;
  if (!outcome.ok) return stopped(named ? outcome.problems.map(named.issue) : outcome.problems, command, state, env);
  // Problems and notes name the host's own places (a CSV's file and line), in replies and on the sheets.
  const result = named
    ? {
        ...outcome.result,
        issues: outcome.result.issues.map(named.issue),
        mappingNotes: outcome.result.mappingNotes.map(named.text),
      }
    : outcome.result;
  const runNumber = state.runs + 1;
  const types = offenceTypeReport(result, state);
  const lines = headlines(result, runNumber);
  const text = [
    ...lines.slice(0, -1),
    ...periodLines(result),
    ...acrossRunsLines(result),
    ...types.lines,
    lines[lines.length - 1],
    ...(types.question ? [types.question.text] : []),
  ].join('\n');
  const models = buildReport(result, {
    tool: env.tool,
    version: env.version,
    command: `dialogue, turn ${env.turn} (run ${runNumber}): replay the commands of the Dialogue table below`,
    startedAt: env.at,
    finishedAt: env.now().toISOString(),
    dialogue: transcriptWith(text),
    ledgerCopy: env.ledgerCopy,
  });
  return {
    text,
    command,
    choices: types.question ? types.question.choices : [...nextSteps(result), ...types.choices],
    ...(types.question ? { question: true } : {}),
    effects: [
      { kind: 'writeReport', models, ledger: result.ledger },
      { kind: 'activateSheet', baseName: 'Summary' },
    ],
    latest: { result, runNumber, turn: env.turn, settings, sheetNames: null },
  };
}
