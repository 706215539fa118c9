/**
 * Reads one utterance into the steps it asks for, in order, each with the words it used; the words
 * it did not act on; or a refusal when it asks about individuals. Deterministic, no network, no
 * clock: the same words, workbook names and previous command give the same reading.
 *
 * 1. Tokens (grammar/tokens), words of the workbook's names protected from respelling.
 * 2. The policy rule (rules/policy), first: a request about individuals is refused whole.
 * 3. Clauses (grammar/segment): the cheapest cover of the words by the rules below.
 * 4. Corrections and values: 'no wait, make it 10-17' replaces the setting just made; 'make it 25'
 *    means the setting just made; 'compare it with X' means the school just named.
 * 5. Guards on the steps (stepGuards): negations, readings that compete, settings said for one
 *    place or for a request for results. Words left over that may carry part of the request
 *    (leftOverWords) are `unclear`: the session asks before acting on the rest.
 */
import type { Command, ListChange } from '../commands';
import { isStateChanging } from '../commands';
import type { Choice } from '../types';
import { alt, isNeutral, lit, makeCtx, map, seq } from './grammar/combinators';
import { EMPTY_LEXICON, protectedWordsOf, type Lexicon } from './grammar/lexicon';
import type { BareValue, Reading, Rule } from './grammar/rule';
import { segment } from './grammar/segment';
import { unquoteReportedRequests } from './reportedSpeech';
import { lexUtterance, sourceOf } from './grammar/tokens';
import { ageBandRule } from './rules/ageBand';
import { CONTROL_RULES, greetingRule, thanksRule } from './rules/control';
import { datesRule } from './rules/dates';
import { disclosureMethodRule, protectionRule, roundingRule, thresholdRule, zerosRule } from './rules/disclosure';
import { offenceTypesRule } from './rules/offenceTypes';
import { phasesRule } from './rules/phases';
import { askingWhoAfterACount, requestAboutIndividuals, type Refusal } from './rules/policy';
import { catchmentRule, confidenceRule, metricRule, seedRule, topNRule } from './rules/ranking';
import {
  compareRule,
  explainRule,
  listOffenceTypesRule,
  listWardsRule,
  newCandidatesRule,
  showTopRule,
} from './rules/results';
import { robustnessRule } from './rules/robustness';
import { attendingRule, flagsRule, smoothingRule } from './rules/statistics';
import { mapColumnRule, useSheetRule } from './rules/sheets';
import { correctionRule, sameListRule, valueRule } from './rules/values';
import { mattersWhenLeftOver } from './leftOverWords';
import {
  competingSettings,
  topGroupOfCandidates,
  guardAgainstInversions,
  exceptionsToAnExclusion,
  phasesWithAnException,
  negatedSteps,
  undoBeforeTheSameSetting,
  candidatesOfTheListShown,
  questionsAboutThePlaceNamed,
  restatedExclusions,
  questionsAboutMeaning,
  questionsAboutSettings,
  runAsAWord,
  runsSaidAsFirst,
  partsTakenBack,
  oneDateWindow,
  listsContinued,
  phaseInASchoolName,
  stepsScratched,
  SCRATCH_THAT,
  listLessRemoved,
  removalsFromTheListJustSaid,
  methodsNamedAsQuestions,
  scheduledRuns,
  unfinishedRanges,
  twoBareNumbers,
  widenedDateWindows,
  qualifiedTopLists,
  oneSchoolForAPhase,
  settingsInAsides,
  settingsNamedInQuestions,
  sameSetting,
  settingsBeforeRun,
  settingsForOnePlace,
} from './stepGuards';

/** The rules that make a setting, which 'go back to …' may lead. */
const SETTING_RULES: readonly Rule[] = [
  zerosRule,
  thresholdRule,
  roundingRule,
  disclosureMethodRule,
  protectionRule,
  confidenceRule,
  seedRule,
  ageBandRule,
  datesRule,
  phasesRule,
  metricRule,
  catchmentRule,
  flagsRule,
  smoothingRule,
  attendingRule,
  topNRule,
  offenceTypesRule,
];

/**
 * "go back to ranking by offences", "switch back to 11-16": the setting said after the lead. Not an
 * undo: the analyst names where to go, which may not be the previous choice.
 */
const backToRule: Rule = {
  name: 'back to a setting',
  example: { label: 'Go back to ranking by offences', utterance: 'go back to ranking by offences' },
  keywords: ['back'],
  parser: map(
    seq(
      lit(
        'go back to|switch back to|change back to|revert to|revert back to|return to|going back to|set it back to|put it back to',
      ),
      alt<Reading>(...SETTING_RULES.map((rule) => rule.parser)),
    ),
    ([, reading]) => (reading.kind === 'command' && isStateChanging(reading.command) ? reading : undefined),
  ),
};

/**
 * The rules. Which reads a clause is decided by cost (words used, slips, how well names fit); on a
 * tie, the one listed first.
 */
export const RULES: readonly Rule[] = [
  ...CONTROL_RULES.filter((rule) => rule !== greetingRule && rule !== thanksRule),
  mapColumnRule,
  useSheetRule,
  newCandidatesRule,
  showTopRule,
  listWardsRule,
  listOffenceTypesRule,
  compareRule,
  explainRule,
  robustnessRule,
  ...SETTING_RULES,
  backToRule,
  sameListRule,
  valueRule,
  correctionRule,
  greetingRule,
  thanksRule,
];

/** Longer text is not a request (a pasted sheet, say); refusing it also bounds the work. */
export const LONGEST_UTTERANCE = 1000;

/** The suggestions offered when nothing was understood and no keyword was recognised. */
export const STARTING_SUGGESTIONS: readonly Choice[] = [
  { label: "What's in this workbook?", utterance: "what's in this workbook?" },
  { label: 'Run the analysis', utterance: 'run the analysis' },
  { label: 'Help', utterance: 'help' },
];

/** What the parser is told besides the words. */
export interface ReadContext {
  /** The workbook's names, the data's dates, whether results exist. Default: none. */
  readonly lexicon?: Lexicon;
  /** The last command the session applied before this utterance (what 'make it 25' or 'no, 5' refers to). */
  readonly previous?: Command | null;
}

/** One step an utterance asks for. */
export interface ReadStep {
  readonly reading: Extract<Reading, { kind: 'command' | 'question' }>;
  /** The words it was read from, as typed. */
  readonly words: string;
  /** Where those words are in the utterance: [start, end) in characters. */
  readonly span?: readonly [number, number];
  /** A correction at the start of the utterance: it replaces the setting made by the previous turn. */
  readonly replacesPrevious?: boolean;
  /** A correction that replaced an earlier step of the same utterance (the words of that step). */
  readonly replaced?: string;
}

export interface UtteranceReading {
  /** As typed, trimmed. */
  readonly source: string;
  readonly steps: readonly ReadStep[];
  /** Runs of words that no step used and that mean something, as typed. */
  readonly unused: readonly string[];
  /** Those of `unused` that may carry part of the request ('up' in "up to age 15"): acting without them is asked first. */
  readonly unclear?: readonly string[];
  /** A request about individuals: refused whole (steps and unused are empty). */
  readonly refusal?: Refusal;
  /** Greetings and thanks said among other requests (answered, not recorded). */
  readonly courtesy: readonly ('greeting' | 'thanks')[];
  /** How many meaningful words the steps used, and how many no step used. */
  readonly words?: { readonly used: number; readonly unused: number };
  /** Nothing was read: what to say, with suggestions. */
  readonly notUnderstood?: { readonly text: string; readonly choices: readonly Choice[] };
}

/** Up to three examples from rules that share a keyword with the utterance, else the starting suggestions. */
function suggestionsFor(words: ReadonlySet<string>): Choice[] {
  const examples: Choice[] = [];
  for (const rule of RULES) {
    if (!rule.keywords.some((keyword) => words.has(keyword))) continue;
    if (!examples.some((example) => example.utterance === rule.example.utterance)) examples.push(rule.example);
    if (examples.length === 3) break;
  }
  return examples.length > 0 ? examples : [...STARTING_SUGGESTIONS];
}

const numberQuestion = (n: number): Reading => ({
  kind: 'question',
  text: `Did you mean: withhold counts under ${n}, or compare the top ${n} ${n === 1 ? 'school' : 'schools'} with the current list?`,
  choices: [
    { label: `Hide counts under ${n}`, utterance: `suppress counts under ${n}` },
    { label: `Top ${n} ${n === 1 ? 'school' : 'schools'}`, utterance: `top ${n}` },
  ],
});

const cmd = (command: Command): Reading => ({ kind: 'command', command });

/** A value said alone, read against the command just made (or asked about). */
function resolveValue(value: BareValue, previous: Command | null | undefined, lexicon: Lexicon): Reading {
  const kind = previous?.kind;
  switch (value.kind) {
    case 'top':
      if (kind === 'setTopN') return cmd({ kind: 'setTopN', topN: value.n });
      // "show me the top 10, oops I meant top 15": the list asked for, whether or not results exist yet.
      if (kind === 'showTop') return cmd({ kind: 'showTop', n: value.n });
      return lexicon.hasResults ? cmd({ kind: 'showTop', n: value.n }) : cmd({ kind: 'setTopN', topN: value.n });
    case 'percent':
      return value.n > 0 && value.n < 100
        ? cmd({ kind: 'setConfidence', level: Number((value.n / 100).toFixed(4)) })
        : numberQuestion(value.n);
    case 'range':
      if (kind === 'setAgeBand' || (kind !== 'setDates' && value.to <= 25))
        return cmd({ kind: 'setAgeBand', from: value.from, to: value.to });
      return {
        kind: 'question',
        text: `What should run from ${value.from} to ${value.to}: the ages?`,
        choices: [{ label: `Ages ${value.from}–${value.to}`, utterance: `only ages ${value.from} to ${value.to}` }],
      };
    case 'under':
      if (kind === 'setAgeBand') return cmd({ kind: 'setAgeBand', from: null, to: value.n - 1 });
      if (kind === 'setThreshold') return cmd({ kind: 'setThreshold', threshold: value.n });
      return {
        kind: 'question',
        text: `Under ${value.n}: withhold counts under ${value.n}, or count offenders aged under ${value.n}?`,
        choices: [
          { label: `Hide counts under ${value.n}`, utterance: `suppress counts under ${value.n}` },
          { label: `Ages under ${value.n}`, utterance: `ages under ${value.n}` },
        ],
      };
    case 'over':
      if (kind === 'setAgeBand') return cmd({ kind: 'setAgeBand', from: value.n + 1, to: null });
      return {
        kind: 'question',
        text: `Over ${value.n}: offenders aged over ${value.n}?`,
        choices: [{ label: `Ages over ${value.n}`, utterance: `ages over ${value.n}` }],
      };
    case 'number': {
      const n = value.n;
      const whole = Number.isInteger(n);
      switch (kind) {
        case 'setThreshold':
          if (whole) return cmd({ kind: 'setThreshold', threshold: n });
          break;
        case 'setTopN':
          if (whole) return cmd({ kind: 'setTopN', topN: n });
          break;
        case 'setRounding':
          if (whole) return cmd({ kind: 'setRounding', base: n });
          break;
        case 'setSeed':
          if (whole) return cmd({ kind: 'setSeed', seed: n });
          break;
        case 'setProtection':
          if (whole) return cmd({ kind: 'setProtection', interval: n });
          break;
        case 'setConfidence':
          if (n > 0 && n < 100) return cmd({ kind: 'setConfidence', level: n < 1 ? n : Number((n / 100).toFixed(4)) });
          break;
        case 'showTop':
          if (whole) return cmd({ kind: 'showTop', n });
          break;
        case 'newCandidates':
          if (whole) return cmd({ kind: 'newCandidates', n });
          break;
        default:
          break;
      }
      if (!whole || n < 1 || n > 1000)
        return { kind: 'question', text: `What should ${n} be?`, choices: [...STARTING_SUGGESTIONS] };
      return numberQuestion(n);
    }
  }
}

const PRONOUNS = new Set(['it', 'that', 'this']);

type CompareSchools = Extract<Command, { kind: 'compareSchools' }>;

/** A comparison with its last school replaced by the one a correction names, if it names one. */
function replaceLastSchool(compare: CompareSchools, named: Command): CompareSchools | undefined {
  const school = named.kind === 'explainSchool' ? named.school : named.kind === 'explain' ? named.name : undefined;
  if (school === undefined) return undefined;
  const urn = named.kind === 'explainSchool' ? named.urn : undefined;
  const schools = [...compare.schools.slice(0, -1), school];
  return compare.urns && urn
    ? { kind: 'compareSchools', schools, urns: [...compare.urns.slice(0, -1), urn] }
    : { kind: 'compareSchools', schools };
}

/** 'include it' after a list of phases or offence types: that list, changed this way; else asked. */
function sameList(mode: ListChange, previous: Command | null | undefined): Reading {
  if (previous?.kind === 'setPhases') return cmd({ kind: 'setPhases', phases: previous.phases, mode });
  if (previous?.kind === 'setOffenceTypes' && previous.types.length > 0)
    return cmd({ kind: 'setOffenceTypes', types: previous.types, mode });
  return {
    kind: 'question',
    text: `${mode === 'add' ? 'Include' : 'Leave out'} what? Name the phases or offence types, e.g. "${mode === 'add' ? 'include' : 'exclude'} primaries".`,
    choices: [{ label: 'List the offence types', utterance: 'list the offence types' }],
  };
}

/** 'compare it with Hill Top', 'tell me about it': 'it' is the school (or ward) named just before. */
function withPronouns(command: Command, earlier: readonly Command[]): Reading {
  if (command.kind === 'explain' && PRONOUNS.has(command.name)) {
    const last = [...earlier]
      .reverse()
      .find(
        (c) =>
          c.kind === 'explainSchool' || c.kind === 'explainWard' || c.kind === 'explain' || c.kind === 'compareSchools',
      );
    if (last?.kind === 'explainSchool')
      return cmd({ kind: 'explainSchool', school: last.school, ...(last.urn ? { urn: last.urn } : {}) });
    if (last?.kind === 'explainWard')
      return cmd({ kind: 'explainWard', ward: last.ward, ...(last.code ? { code: last.code } : {}) });
    if (last?.kind === 'explain') return cmd({ kind: 'explain', name: last.name });
    if (last?.kind === 'compareSchools') return cmd({ kind: 'explainSchool', school: last.schools[0] });
    return {
      kind: 'question',
      text: 'Which school or ward should I tell you about? Say e.g. "tell me about Park Hall".',
      choices: [
        { label: 'Show the top 10', utterance: 'show the top 10' },
        { label: 'List the wards by rate', utterance: 'list the wards by rate' },
      ],
    };
  }
  if (command.kind !== 'compareSchools' || !command.schools.some((school) => PRONOUNS.has(school.toLowerCase())))
    return cmd(command);
  const named = [...earlier]
    .reverse()
    .map((c) =>
      c.kind === 'explainSchool'
        ? c.school
        : c.kind === 'explain'
          ? c.name
          : c.kind === 'compareSchools'
            ? c.schools[c.schools.length - 1]
            : undefined,
    )
    .find((name) => name !== undefined);
  if (!named)
    return {
      kind: 'question',
      text: 'Which school should I compare? Say e.g. "compare Park Hall and Hill Top".',
      choices: [{ label: 'Show the top 10', utterance: 'show the top 10' }],
    };
  return cmd({
    ...command,
    schools: command.schools.map((school) => (PRONOUNS.has(school.toLowerCase()) ? named : school)),
  });
}

/**
 * Reads an utterance (see the module comment).
 * @example readUtterance('hide zeros and round to 5').steps.map((s) => s.reading) // => [setZeros, setRounding]
 */
/**
 * "turn it on" after help on a method (smoothing, perturbation, the attending count, zeros): that
 * method switched on or off. Undefined when the last thing said is no such method.
 */
function switchedMethod(previous: Command | null | undefined, on: boolean): Command | undefined {
  const topic = previous?.kind === 'help' ? previous.topic : undefined;
  if (topic === 'smoothing') return { kind: 'setSmoothing', smoothing: on ? 'empiricalBayes' : 'none' };
  if (topic === 'perturbation') return { kind: 'setDisclosure', method: on ? 'perturbation' : 'suppression' };
  if (topic === 'attending') return { kind: 'setShowAttending', show: on };
  return undefined;
}

const isRunStep = (step: ReadStep): boolean => step.reading.kind === 'command' && step.reading.command.kind === 'run';

/** Whether a reading asks again for the command just read (an undo said twice is two undos). */
function repeats(earlier: Reading, later: Reading): boolean {
  return (
    earlier.kind === 'command' &&
    later.kind === 'command' &&
    later.command.kind !== 'undo' &&
    JSON.stringify(earlier.command) === JSON.stringify(later.command)
  );
}

/** Words that make a list the only one: a correction saying one of them means it. */
const ONLY_WORDS = /\b(?:only|just|solely|alone|nothing but)\b/i;

/**
 * "add primaries - no, specials": the correction replaces what is added, so specials are added,
 * not made the only phase. Only when the correction reads as the default change (the list alone,
 * 'only'), without saying 'only': a correction that says its own change ("no wait, incl it")
 * keeps it.
 */
function withCorrectedListMode(replaced: Command, correction: Command, words: string): Command {
  if (ONLY_WORDS.test(words)) return correction;
  if (replaced.kind === 'setPhases' && correction.kind === 'setPhases' && correction.mode === 'only')
    return { ...correction, mode: replaced.mode };
  if (
    replaced.kind === 'setOffenceTypes' &&
    correction.kind === 'setOffenceTypes' &&
    (correction.mode ?? 'only') === 'only'
  )
    return { ...correction, mode: replaced.mode ?? 'only' };
  return correction;
}

export function readUtterance(text: string, context: ReadContext = {}): UtteranceReading {
  const source = text.trim();
  const lexicon = context.lexicon ?? EMPTY_LEXICON;
  const none = { steps: [], unused: [], courtesy: [] };
  if (source.length > LONGEST_UTTERANCE) {
    return {
      source,
      ...none,
      notUnderstood: {
        text: `That is ${source.length.toLocaleString('en-GB')} characters long; say one thing at a time, for example:`,
        choices: [...STARTING_SUGGESTIONS],
      },
    };
  }
  const tokens = lexUtterance(unquoteReportedRequests(source, lexicon), protectedWordsOf(lexicon));
  if (tokens.filter((token) => !token.punct).length === 0) {
    return {
      source,
      ...none,
      notUnderstood: { text: 'Say what you would like to do, for example:', choices: [...STARTING_SUGGESTIONS] },
    };
  }
  const ctx = makeCtx(tokens, source, lexicon);
  const refusal = requestAboutIndividuals(tokens, source, lexicon) ?? askingWhoAfterACount(source, context.previous);
  // Naming the column that holds offender references ("use 'Offender ID' for the offender id") is not a request about anyone.
  if (refusal && !namesAColumn(ctx)) return { source, ...none, refusal };

  const { clauses, unusedTokens } = segment(ctx, RULES);

  const steps: ReadStep[] = [];
  const courtesy: ('greeting' | 'thanks')[] = [];
  let correcting = false;
  for (const clause of clauses) {
    const words = sourceOf(source, tokens, clause.from, clause.to);
    const span = [tokens[clause.from].start, tokens[clause.to - 1].end] as const;
    let reading = clause.reading;
    if (reading.kind === 'correction') {
      // "hide zeros, scratch that, round to 5": the step just said is taken back, whatever follows.
      if (steps.length > 0 && SCRATCH_THAT.test(words)) steps.pop();
      else correcting = true;
      continue;
    }
    if (reading.kind === 'courtesy') {
      courtesy.push(reading.command.kind);
      continue;
    }
    if (reading.kind === 'commands') {
      for (const command of reading.commands) steps.push({ reading: { kind: 'command', command }, words, span });
      correcting = false;
      continue;
    }
    const earlier = steps.flatMap((step) => (step.reading.kind === 'command' ? [step.reading.command] : []));
    const previous = earlier.length > 0 ? earlier[earlier.length - 1] : context.previous;
    // A value said alone means the setting just made only when said as a correction or 'make it …'.
    // "include the PRU too, then top 25": the list, after the settings said before it.
    // After a run said in the same message ("…; run; top 5") it is the list of that run, too.
    if (
      reading.kind === 'value' &&
      reading.value.kind === 'top' &&
      steps.length > 0 &&
      !correcting &&
      (/\b(?:then|now|and show|and then)\s*(?:the\s+)?$/i.test(source.slice(0, span[0])) ||
        isRunStep(steps[steps.length - 1]))
    )
      reading = cmd({ kind: 'showTop', n: reading.value.n });
    if (reading.kind === 'value')
      reading = resolveValue(
        reading.value,
        correcting || reading.lead || reading.value.kind === 'top' ? previous : undefined,
        lexicon,
      );
    if (reading.kind === 'toggle') {
      const switched = switchedMethod(previous, reading.show);
      reading = switched
        ? cmd(switched)
        : previous?.kind === 'setZeros'
          ? cmd({ kind: 'setZeros', show: reading.show })
          : {
              kind: 'question',
              text: `${reading.show ? 'Show' : 'Hide'} what? Say e.g. "${reading.show ? 'show' : 'hide'} zeros".`,
              choices: [
                {
                  label: `${reading.show ? 'Show' : 'Hide'} zeros`,
                  utterance: `${reading.show ? 'show' : 'hide'} zeros`,
                },
              ],
            };
    }
    if (reading.kind === 'sameList') reading = sameList(reading.mode, previous);
    if (reading.kind === 'command')
      reading = withPronouns(
        reading.command,
        earlier.length > 0 ? earlier : context.previous ? [context.previous] : [],
      );
    if (reading.kind !== 'command' && reading.kind !== 'question') continue;
    let step: ReadStep = { reading, words, span };
    if (correcting && reading.kind === 'command') {
      const last = steps[steps.length - 1];
      // "compare A with B, sorry, with C": C replaces the school named last.
      if (last?.reading.kind === 'command' && last.reading.command.kind === 'compareSchools') {
        const replaced = replaceLastSchool(last.reading.command, reading.command);
        if (replaced) {
          reading = { kind: 'command', command: replaced };
          step = { ...step, reading };
        }
      }
      if (last && last.reading.kind === 'command' && sameSetting(last.reading.command, reading.command)) {
        steps.pop();
        const kept =
          listLessRemoved(last.reading.command, reading.command) ??
          withCorrectedListMode(last.reading.command, reading.command, words);
        if (kept !== reading.command) reading = { kind: 'command', command: kept };
        step = { ...step, reading, replaced: last.words };
      } else if (
        !last &&
        context.previous &&
        sameSetting(context.previous, reading.command) &&
        isStateChanging(reading.command)
      ) {
        step = { ...step, replacesPrevious: true };
      }
    }
    correcting = false;
    // The same request twice in a row ('go for it, run it') is done once.
    const last = steps[steps.length - 1];
    if (last && repeats(last.reading, reading)) continue;
    steps.push(step);
  }
  stepsScratched(steps);
  undoBeforeTheSameSetting(steps, context.previous);
  candidatesOfTheListShown(steps, source, context.previous);
  exceptionsToAnExclusion(steps, source);
  phasesWithAnException(steps, source);
  const negations = negatedSteps(steps, source);
  negations.push(...partsTakenBack(steps, source));
  oneDateWindow(steps, source);
  removalsFromTheListJustSaid(steps, source);
  listsContinued(steps, source);
  restatedExclusions(steps);
  questionsAboutThePlaceNamed(steps);
  settingsInAsides(steps, source);
  scheduledRuns(steps, source);
  unfinishedRanges(steps, source);
  twoBareNumbers(steps, source);
  widenedDateWindows(steps, source, context.previous);
  qualifiedTopLists(steps, source);
  oneSchoolForAPhase(steps, lexicon.schools);
  phaseInASchoolName(steps, source, lexicon.schools);
  guardAgainstInversions(steps, source);
  settingsForOnePlace(steps, source);
  competingSettings(steps);
  topGroupOfCandidates(steps, source);
  settingsBeforeRun(steps, source);
  // A question answered whole (its words all used, 'why' and 'are we' too).
  negations.push(
    ...questionsAboutSettings(steps, source),
    ...questionsAboutMeaning(steps, source),
    ...settingsNamedInQuestions(steps, source),
  );
  runAsAWord(steps, source);
  runsSaidAsFirst(steps);
  methodsNamedAsQuestions(steps, source);
  // Once the guards have dropped what lay between, the same request twice in a row is done once
  // ("no idea where to start, what can it do": help, not help twice).
  for (let i = steps.length - 1; i > 0; i--) if (repeats(steps[i - 1].reading, steps[i].reading)) steps.splice(i, 1);
  if (steps.length === 0 && courtesy.length > 0) {
    const said = clauses.find((clause) => clause.reading.kind === 'courtesy');
    steps.push({
      reading: { kind: 'command', command: { kind: courtesy[0] } },
      words: said ? sourceOf(source, tokens, said.from, said.to) : source,
    });
    courtesy.length = 0;
  }

  // Negations acted on above ('not' in "11-16, not 10-17") were used.
  const leftOver = unusedTokens.filter(
    (i) => !negations.some(([start, end]) => tokens[i].start >= start && tokens[i].end <= end),
  );
  const runs = unusedRuns(
    tokens,
    leftOver,
    clauses.map((clause) => [clause.from, clause.to] as const),
    source,
  );
  const unused = runs.map((run) => run.text);
  const unclear = runs.filter((run) => run.matters).map((run) => run.text);
  let usedWords = 0;
  for (const clause of clauses) for (let i = clause.from; i < clause.to; i++) if (!isNeutral(tokens[i])) usedWords += 1;
  const words = { used: usedWords, unused: leftOver.length };
  if (steps.length === 0) {
    return {
      source,
      steps: [],
      unused,
      unclear,
      courtesy,
      words,
      notUnderstood: {
        text: `I did not understand '${source}'. You could try:`,
        choices: suggestionsFor(new Set(tokens.map((token) => token.text))),
      },
    };
  }
  return { source, steps, unused, unclear, courtesy, words };
}

/** Whether the whole utterance is one request naming a sheet or a column. */
function namesAColumn(ctx: ReturnType<typeof makeCtx>): boolean {
  const { clauses, unusedTokens } = segment(ctx, [mapColumnRule, useSheetRule]);
  return clauses.length === 1 && unusedTokens.length === 0 && clauses[0].reading.kind === 'command';
}

/**
 * Unused words in runs, as typed: a run takes the joining word before it ('and email it to Clare');
 * `matters` when a word of it may carry part of the request (see leftOverWords).
 */
function unusedRuns(
  tokens: ReturnType<typeof lexUtterance>,
  unused: readonly number[],
  used: readonly (readonly [number, number])[],
  source: string,
): { readonly text: string; readonly matters: boolean }[] {
  if (unused.length === 0) return [];
  const inClause = (i: number): boolean => used.some(([from, to]) => i >= from && i < to);
  const runs: [number, number][] = [];
  for (const i of unused) {
    const last = runs[runs.length - 1];
    if (last && tokens.slice(last[1] + 1, i).every((token, k) => !inClause(last[1] + 1 + k) && isNeutral(token)))
      last[1] = i;
    else runs.push([i, i]);
  }
  return runs.map(([from, to]) => {
    let start = from;
    while (
      start > 0 &&
      !inClause(start - 1) &&
      !tokens[start - 1].punct &&
      ['and', 'then', 'also', 'plus', 'but'].includes(tokens[start - 1].text)
    )
      start -= 1;
    const matters = unused.some((i) => i >= from && i <= to && mattersWhenLeftOver(tokens[i]));
    return { text: sourceOf(source, tokens, start, to + 1).replace(/[\s,;.!?]+$/, ''), matters };
  });
}
