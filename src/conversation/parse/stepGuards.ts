/**
 * Checks on the steps of one utterance once its clauses are read, for readings that the words
 * between the clauses turn round or qualify. Each rewrites the steps in place:
 *   - inversions: "exclude 17 year olds" is not ages 17 to 17; "since the last run" is not a run;
 *   - negations: "11-16, not 10-17" and "distance decay instead of observed" drop the alternative
 *     turned down; "include robbery but not shoplifting" and "everything but shoplifting" remove
 *     the type; a negated setting with nothing to contrast is asked about, never applied;
 *   - settings said after a run or a request for results ("rerun with secondaries only", "show the
 *     top 10 for robbery only") are applied first;
 *   - a setting said for one place ("count 14-17 year olds in Castle and Priory") is asked about:
 *     the analysis always covers the whole area;
 *   - two readings of one setting that are not a correction compete, and are asked about.
 * Steps carry their place in the utterance (`span`, characters), so "between" is exact.
 */
import type { Command, HelpTopic } from '../commands';
import { isStateChanging, NEEDS_RESULTS } from '../commands';
import type { ReadStep } from './readUtterance';

type Step = ReadStep;

const isCommand = (step: Step | undefined, test: (command: Command) => boolean = () => true): boolean =>
  step?.reading.kind === 'command' && test(step.reading.command);
const commandOf = (step: Step): Command | undefined =>
  step.reading.kind === 'command' ? step.reading.command : undefined;

/** The text between two steps (lower case), or before the first when `earlier` is undefined. */
function between(source: string, earlier: Step | undefined, later: Step): string {
  const end = earlier?.span ? earlier.span[1] : 0;
  const start = later.span ? later.span[0] : end;
  return source.slice(end, Math.max(end, start)).toLowerCase();
}

/** Whether two commands set the same thing (so the second is an alternative to the first). */
export function sameSetting(a: Command, b: Command): boolean {
  if (a.kind !== b.kind) return false;
  if (a.kind === 'useSheet' && b.kind === 'useSheet') return a.role === b.role;
  if (a.kind === 'mapColumn' && b.kind === 'mapColumn') return a.field === b.field;
  return true;
}

const askStep = (step: Step, text: string, choices: { label: string; utterance: string }[] = []): Step => ({
  ...step,
  reading: { kind: 'question', text, choices },
});

/**
 * Readings the words just before them turn round: "exclude 17 year olds" asks which ages to keep,
 * and "since the last run" is not a request to run.
 */
export function guardAgainstInversions(steps: Step[], source: string): void {
  for (let i = steps.length - 1; i >= 0; i--) {
    const step = steps[i];
    const command = commandOf(step);
    if (!command) continue;
    const before = between(source, undefined, step);
    // "no, I meant 11 to 16": the 'no' is the correction's, not a band turned down.
    const correction = step.replacesPrevious === true || step.replaced !== undefined;
    if (
      command.kind === 'setAgeBand' &&
      !correction &&
      /\b(?:exclude|excluding|without|except|not|drop|remove|minus|leave out|take out|no)\s*$/.test(before)
    ) {
      steps[i] = askStep(
        step,
        'Which ages should be counted? Say the ages to keep, e.g. "ages 10 to 16" to leave out 17-year-olds.',
        [
          { label: 'Ages 10 to 16', utterance: 'ages 10 to 16' },
          { label: 'Ages 11 to 17', utterance: 'ages 11 to 17' },
        ],
      );
    } else if (
      command.kind === 'run' &&
      /\b(?:last|previous|latest|earlier|first|since the|that|this)\s*$/.test(before) &&
      !/\b(?:run|rerun)\b/.test(before)
    ) {
      steps.splice(i, 1);
    }
  }
}

/**
 * Words that turn down what follows them, said between two clauses (after the last joining word):
 * a contrast ("11-16, not 10-17": the other value is not wanted) or an exclusion ("all types except
 * shoplifting": what follows is taken out).
 */
const CONTRAST =
  /(?:^|[\s,;])(?:not|never|instead of|rather than|but not|stop|stop using|quit using|no more|no longer|don'?t use|do not use)\s*$/;
const EXCLUSION = /(?:^|[\s,;])(?:except|excluding|except for|other than|apart from|bar|minus)\s*$/;
/** Two-word negations, whose words a clause may have taken as fillers ('instead of observed', 'use distance decay instead' + 'of observed'). */
const SPLIT_CONTRAST = /^(?:instead of|rather than)$/;
const SPLIT_EXCLUSION = /^(?:other than|apart from)$/;
/** What is left of the text between two clauses after its last joining word or mark. */
const afterLastJoin = (text: string): string => text.split(/[,;]|\band\b|\bthen\b/).pop() ?? '';
const lastWord = (text: string): string => /(\S+)\s*$/.exec(text.toLowerCase())?.[1] ?? '';

type Negation = 'contrast' | 'exclusion';

/** Numbers alone ('5', '21/22', '10-17', '99%'): a value with nothing to say what it is. */
const VALUE_ALONE = /^[\d\s/%.,–-]*\d[\d\s/%.,–-]*(?:(?:to|and)\s*[\d\s/%.–-]+)?(?:percent)?\s*$/i;
const withoutNegation = (words: string): string =>
  words.toLowerCase().replace(/^\s*(?:instead of|rather than|other than|not|but not)\s+/, '');

/** Whether the words before a step turn it down: a negation between it and the step before (or starting its own words). */
function negationOf(source: string, previous: Step | undefined, step: Step): Negation | undefined {
  const gap = afterLastJoin(between(source, previous, step));
  if (CONTRAST.test(gap)) return 'contrast';
  if (EXCLUSION.test(gap)) return 'exclusion';
  const words = step.words.toLowerCase().split(/\s+/);
  const joined = `${previous ? lastWord(previous.words) : ''} ${gap} ${words.slice(0, 2).join(' ')}`
    .replace(/[,;]/g, ' ')
    .trim()
    .split(/\s+/);
  for (let k = 0; k + 1 < joined.length; k++) {
    const pair = `${joined[k]} ${joined[k + 1]}`;
    if (SPLIT_CONTRAST.test(pair)) return 'contrast';
    if (SPLIT_EXCLUSION.test(pair)) return 'exclusion';
  }
  return undefined;
}

/** "Every type" or "every phase": after them a bare 'but' means 'except'. */
function isEverything(command: Command | undefined): boolean {
  if (command?.kind === 'setOffenceTypes') return command.types.length === 1 && command.types[0] === 'all';
  return command?.kind === 'setPhases' && command.mode === 'only' && command.phases.length >= 5;
}

/**
 * Steps turned down by the words before them. A list (offence types, phases) loses what is turned
 * down; another setting said as the alternative to one just made is dropped; anything else negated
 * is asked about.
 * Returns where the negations it acted on were said ([start, end), characters), so they are not
 * reported as words left over.
 * @example negatedSteps([setAgeBand 11–16, setAgeBand 10–17], '11-16, not 10-17') // => [setAgeBand 11–16]
 */
/** Whether an earlier step of the utterance set only phases that leave these out. */
function alreadyLeftOut(earlier: readonly Step[], command: Extract<Command, { kind: 'setPhases' }>): boolean {
  return earlier.some((step) => {
    const before = commandOf(step);
    if (!before || before.kind !== 'setPhases' || before.mode !== 'only') return false;
    return before.phases.length > 0 && command.phases.every((phase) => !before.phases.includes(phase));
  });
}

/**
 * "only secondary, no all-through": an exclusion that restates the list just said is one change, not
 * two. Phases only: an offence type left out may be part of a group just named ("only violence, not
 * robbery"), which the session resolves.
 */
export function restatedExclusions(steps: Step[]): void {
  for (let i = 1; i < steps.length; i++) {
    const command = commandOf(steps[i]);
    if (!command || command.kind !== 'setPhases') continue;
    if (command.mode !== 'remove') continue;
    if (alreadyLeftOut(steps.slice(0, i), command)) steps.splice(i--, 1);
  }
}

/**
 * "exclude shoplifting and theft but not burglary": after a list left out, 'but not X' says X is
 * not among them, so X stays counted; read alone, 'not burglary' would leave it out too.
 */
export function exceptionsToAnExclusion(steps: Step[], source: string): void {
  for (let i = 1; i < steps.length; i++) {
    const command = commandOf(steps[i]);
    const previous = commandOf(steps[i - 1]);
    if (!command || !previous || command.kind !== previous.kind) continue;
    if (command.kind !== 'setOffenceTypes' && command.kind !== 'setPhases') continue;
    if (command.mode !== 'remove' || (previous.kind === command.kind && previous.mode !== 'remove')) continue;
    const said = `${between(source, steps[i - 1], steps[i])} ${steps[i].words}`;
    if (!/(?:^|\s)but\s+(?:not|keep|leave)\b/i.test(said)) continue;
    steps[i] = { ...steps[i], reading: { kind: 'command', command: { ...command, mode: 'add' } } };
  }
}

/**
 * "rank every phase except the special school": the phases said, less the exception, as one
 * change (the one the analyst asked for), not the whole list and then a removal.
 */
export function phasesWithAnException(steps: Step[], source: string): void {
  for (let i = steps.length - 1; i > 0; i--) {
    const [first, second] = [commandOf(steps[i - 1]), commandOf(steps[i])];
    if (first?.kind !== 'setPhases' || second?.kind !== 'setPhases') continue;
    if (first.mode !== 'only' || second.mode !== 'remove') continue;
    const joining = `${between(source, steps[i - 1], steps[i])} ${steps[i].words}`;
    if (!/\b(?:except|excepting|but not|apart from|other than|bar|barring|excluding|without|save)\b/i.test(joining))
      continue;
    const phases = first.phases.filter((phase) => !second.phases.includes(phase));
    if (phases.length === 0) continue;
    const [a, b] = [steps[i - 1].span, steps[i].span];
    steps.splice(i - 1, 2, {
      reading: { kind: 'command', command: { kind: 'setPhases', phases, mode: 'only' } },
      words: a && b ? source.slice(a[0], b[1]) : `${steps[i - 1].words} ${steps[i].words}`,
      ...(a && b ? { span: [a[0], b[1]] as [number, number] } : {}),
    });
  }
}

export function negatedSteps(steps: Step[], source: string): [number, number][] {
  const used: [number, number][] = [];
  for (let i = 0; i < steps.length; i++) {
    const step = steps[i];
    const command = commandOf(step);
    const previous = i > 0 ? steps[i - 1] : undefined;
    // A value alone turned down after a setting ("suppress under 7 instead of 5", "FY 22/23 not
    // 21/22") is the alternative not wanted, whatever it would have been read as alone.
    if (
      step.span &&
      previous &&
      isCommand(previous, isStateChanging) &&
      negationOf(source, previous, step) === 'contrast' &&
      VALUE_ALONE.test(withoutNegation(step.words))
    ) {
      used.push([previous.span ? previous.span[1] : 0, step.span[1]]);
      steps.splice(i--, 1);
      continue;
    }
    if (!command || !step.span) continue;
    const butAfterEverything =
      /(?:^|\s)but\s*$/.test(between(source, previous, step)) && isEverything(previous && commandOf(previous));
    const negation = butAfterEverything ? 'exclusion' : negationOf(source, previous, step);
    if (!negation) continue;
    used.push([previous?.span ? previous.span[1] : 0, step.span[0]]);
    const earlier = steps
      .slice(0, i)
      .map(commandOf)
      .some((c) => c !== undefined && sameSetting(c, command));
    // An age band turned down with no band to contrast ("excluding 17 year olds", "not 10-17") is
    // asked about by guardAgainstInversions, which offers ages to keep.
    if (command.kind === 'setAgeBand' && !(earlier && negation === 'contrast')) continue;
    if (
      (command.kind === 'setOffenceTypes' || command.kind === 'setPhases') &&
      !isEverything(command) &&
      command.mode !== 'remove'
    ) {
      steps[i] = { ...step, reading: { kind: 'command', command: { ...command, mode: 'remove' } as Command } };
      continue;
    }
    if (earlier && negation === 'contrast') {
      steps.splice(i, 1);
      i -= 1;
      continue;
    }
    steps[i] = askStep(
      step,
      `"${step.words}" is said as something you do not want, and I cannot tell what you want instead. Say the setting you want, e.g. "${step.words}" on its own to use it.`,
    );
  }
  return used;
}

/**
 * "forget it, stick with suppression": the setting said replaces the last one, so the undo before
 * it adds nothing. Not so for a change to a list ("put it back and take out weapons instead",
 * after "exclude robbery"): it changes the list as the undo leaves it, so both are done.
 */
export function undoBeforeTheSameSetting(steps: Step[], previous: Command | null | undefined): void {
  if (steps.length < 2) return;
  const next = commandOf(steps[1]);
  const changesAList =
    (next?.kind === 'setOffenceTypes' || next?.kind === 'setPhases') && (next.mode ?? 'only') !== 'only';
  if (
    commandOf(steps[0])?.kind === 'undo' &&
    next &&
    !changesAList &&
    previous &&
    isStateChanging(previous) &&
    sameSetting(previous, next)
  )
    steps.splice(0, 1);
}

/** Naming the list just shown ("which of them …"). */
const OF_THEM = /\b(?:of|among)\s+(?:them|em|those|these|that lot)\b/i;

/** "which of them aren't on our list?" after "show me the top 10": the new candidates among those ten. */
export function candidatesOfTheListShown(steps: Step[], source: string, previous: Command | null | undefined): void {
  const shown = previous?.kind === 'showTop' ? previous.n : undefined;
  if (shown === undefined || !OF_THEM.test(source)) return;
  for (let i = 0; i < steps.length; i++) {
    const command = commandOf(steps[i]);
    if (command?.kind === 'newCandidates' && command.n === undefined)
      steps[i] = { ...steps[i], reading: { kind: 'command', command: { kind: 'newCandidates', n: shown } } };
  }
}

/** Words that say a setting is for the request it follows ("show the top 10 for robbery only"), said before it or as its first word. */
const QUALIFYING = /^\s*(?:but\s+)?(?:for|with|using|among|amongst|counting|on|of|after|once|having)\b/;
/** Whether a setting directly qualifies the request before it: no joining word or mark between them. */
const qualifies = (gap: string, setting: Step): boolean =>
  !/[,;]|\band\b|\bthen\b/.test(gap) && QUALIFYING.test(`${gap} ${setting.words.toLowerCase()}`);

/**
 * A run or a request for results with settings said after it ("rerun with secondaries only", "run
 * it for ages 11 to 16", "show the top 10 for robbery only") means those settings for it: they are
 * applied first. After a run, only "then" (or "after that") keeps a setting after it; after a
 * request for results, the setting must follow it directly ('for', 'with', 'using').
 * @example settingsBeforeRun([run, setPhases], 'rerun with secondaries only') // => [setPhases, run]
 */
export function settingsBeforeRun(steps: Step[], source: string): void {
  for (let i = 0; i < steps.length; i++) {
    const isRun = isCommand(steps[i], (command) => command.kind === 'run');
    if (!isRun && !isCommand(steps[i], (command) => NEEDS_RESULTS.has(command.kind))) continue;
    let end = i + 1;
    while (end < steps.length && isCommand(steps[end], isStateChanging)) {
      const gap = between(source, steps[end - 1], steps[end]);
      if (
        isRun
          ? /\bthen\b|\bafter that\b|\bafterwards\b/.test(gap)
          : !(end === i + 1 ? qualifies(gap, steps[end]) : /^[\s,]*(?:and\s*)?$/.test(gap))
      )
        break;
      end += 1;
    }
    if (end > i + 1) {
      const settings = steps.splice(i + 1, end - i - 1);
      steps.splice(i, 0, ...settings);
      i += settings.length;
    }
  }
}

const PLACE_KINDS: ReadonlySet<Command['kind']> = new Set(['explainWard', 'explainSchool', 'explain']);
/** Words that put a setting in one place ("14-17 year olds in Castle and Priory"). */
const IN_PLACE = /^\s*(?:in|at|within|for|from|living in|who live in|attending|across)\s*$/;

/**
 * A setting said for one ward or school ("count 14-17 year olds in Castle and Priory", "ages 11-16
 * at Park Hall"): the analysis covers the whole area, so which was meant is asked.
 */
export function settingsForOnePlace(steps: Step[], source: string): void {
  for (let i = 0; i + 1 < steps.length; i++) {
    const setting = steps[i];
    const place = steps[i + 1];
    const isRun = isCommand(setting, (command) => command.kind === 'run');
    if (
      !(isRun || isCommand(setting, isStateChanging)) ||
      !isCommand(place, (command) => PLACE_KINDS.has(command.kind))
    )
      continue;
    // The place's own words may hold the joining word ("run it for Castle and Priory": 'it for Castle and Priory').
    const said =
      IN_PLACE.test(between(source, setting, place)) || /^(?:it\s+|them\s+)?(?:in|at|for|within)\s/i.test(place.words);
    if (!said) continue;
    if (isRun) {
      steps.splice(
        i,
        2,
        askStep(
          setting,
          `The analysis always covers the whole area: I cannot run it for ${place.words} alone. Should I run it for the whole area, or tell you about ${place.words} from the latest run?`,
          [
            { label: 'Run the analysis', utterance: 'run the analysis' },
            { label: `Tell me about ${place.words}`, utterance: `tell me about ${place.words}` },
          ],
        ),
      );
      continue;
    }
    steps.splice(
      i,
      2,
      askStep(
        setting,
        `The analysis always covers the whole area: I cannot apply "${setting.words}" to ${place.words} alone. Should I set it for the whole area, or tell you about ${place.words}?`,
        [
          { label: `Set "${setting.words}"`, utterance: setting.words },
          { label: `Tell me about ${place.words}`, utterance: `tell me about ${place.words}` },
        ],
      ),
    );
  }
}

/**
 * "Who is not on the list in the top 20": a top group said after a question about the list is that
 * question's top group, not a second request to show the top schools (or, before any run, to
 * change the top group).
 */
export function topGroupOfCandidates(steps: Step[], source: string): void {
  // "top 15, then which are new?": the new ones among the 15 just named.
  for (let i = 1; i < steps.length; i++) {
    const top = commandOf(steps[i - 1]);
    const candidates = commandOf(steps[i]);
    const n = top?.kind === 'showTop' ? top.n : top?.kind === 'setTopN' ? top.topN : undefined;
    if (candidates?.kind === 'newCandidates' && candidates.n === undefined && n !== undefined)
      steps[i] = { ...steps[i], reading: { kind: 'command', command: { kind: 'newCandidates', n } } };
  }
  for (let i = 0; i + 1 < steps.length; i++) {
    const candidates = commandOf(steps[i]);
    const top = commandOf(steps[i + 1]);
    const n = top?.kind === 'showTop' ? top.n : top?.kind === 'setTopN' ? top.topN : undefined;
    if (candidates?.kind !== 'newCandidates' || candidates.n !== undefined || n === undefined) continue;
    if (
      !/^\s*(?:in|among|amongst|within|from|of|out of)(?:\s+(?:the|our))?\s*$/.test(
        between(source, steps[i], steps[i + 1]),
      )
    )
      continue;
    steps.splice(i, 2, {
      ...steps[i],
      words: `${steps[i].words} ${steps[i + 1].words}`,
      reading: { kind: 'command', command: { kind: 'newCandidates', n } },
    });
  }
}

/** Kinds a request may change more than once in one utterance: lists change by parts ('include X, exclude Y'). */
const CHANGED_BY_PARTS: ReadonlySet<Command['kind']> = new Set(['setOffenceTypes', 'setPhases', 'reset', 'undo']);

/** The values two commands of the same setting give to the same field, when they differ ('from' in both windows, say). */
function conflict(a: Command, b: Command): boolean {
  if (a.kind === 'setDates' && b.kind === 'setDates') {
    return (
      (a.from !== undefined && b.from !== undefined && a.from !== b.from) ||
      (a.to !== undefined && b.to !== undefined && a.to !== b.to) ||
      (a.relativeToData !== undefined) !== (b.relativeToData !== undefined)
    );
  }
  if (a.kind === 'setAgeBand' && b.kind === 'setAgeBand')
    return (
      (a.from !== null && b.from !== null && a.from !== b.from) || (a.to !== null && b.to !== null && a.to !== b.to)
    );
  return JSON.stringify(a) !== JSON.stringify(b);
}

/**
 * Two readings of one setting in one utterance, not said as a correction ("use the observed pupil
 * data where we have it" read as observed and as automatic catchments): they compete, so which is
 * meant is asked, with each as a choice. The same value said twice is done once.
 */
export function competingSettings(steps: Step[]): void {
  for (let i = 0; i < steps.length; i++) {
    const first = commandOf(steps[i]);
    if (!first || !isStateChanging(first) || CHANGED_BY_PARTS.has(first.kind)) continue;
    for (let j = i + 1; j < steps.length; j++) {
      const second = commandOf(steps[j]);
      if (!second || !sameSetting(first, second)) continue;
      if (!conflict(first, second)) {
        if (JSON.stringify(first) === JSON.stringify(second)) steps.splice(j--, 1);
        continue;
      }
      const [a, b] = [steps[i], steps[j]];
      steps.splice(j, 1);
      steps[i] = askStep(
        a,
        `"${a.words}" and "${b.words}" ask for different ${settingName(first)}. Which did you mean?`,
        [
          { label: a.words, utterance: a.words },
          { label: b.words, utterance: b.words },
        ],
      );
      break;
    }
  }
}

/** A setting's name in a question. */
function settingName(command: Command): string {
  const names: Partial<Record<Command['kind'], string>> = {
    setAgeBand: 'ages',
    setDates: 'dates',
    setThreshold: 'thresholds',
    setZeros: 'choices for zeros',
    setRounding: 'rounding',
    setDisclosure: 'ways of protecting counts',
    setTopN: 'top groups',
    setCatchment: 'catchments',
    setMetric: 'ranking measures',
    setConfidence: 'confidence levels',
    setSeed: 'seeds',
    setProtection: 'protection intervals',
    setFlags: 'ways of flagging wards',
    setShowAttending: 'choices for attending counts',
    setSmoothing: 'choices of smoothing',
    useSheet: 'sheets',
    mapColumn: 'columns',
  };
  return names[command.kind] ?? 'values';
}

/** A yes/no question about the choices: "are we using poisson flags?", "is smoothing on?", "do we hide zeros?". */
const ASKS_WHETHER =
  /^\s*(?:(?:are|is|have|has|were|was|am)\s+(?:we|you|i|it|they|the|this|that|zeros|smoothing|rounding|attending|poisson|funnel|perturbation)\b|(?:do|does|did)\s+(?:we|you|i|it|they)\b.*\?\s*$|still\s+(?:on|using|with|at|set to)\b.*\?\s*$)/i;
/** ...but not a polite request put as a question ("is it possible to use poisson flags?"). */
const POLITE_REQUEST = /^\s*(?:is it (?:possible|ok|okay|alright|fine) to|is there (?:a|any) way to|would it be)\b/i;

/**
 * A yes/no question about the choices asks what they are, it does not change them: its settings
 * become one 'status' step (the reply lists every choice). Returns where it was said (all of it), so
 * its question words are not reported as left over. Said with other requests ("are we on
 * poisson flags? then run"), it is left to the other guards.
 */
export function questionsAboutSettings(steps: Step[], source: string): [number, number][] {
  if (steps.length === 0 || !ASKS_WHETHER.test(source) || POLITE_REQUEST.test(source)) return [];
  // "is the catchment weighted by …?" asks how the method works (settingsNamedInQuestions), not what is set.
  if (HOW_IT_WORKS.test(source)) return [];
  if (!steps.every((step) => isCommand(step, isStateChanging))) return [];
  const first = steps[0];
  const last = steps[steps.length - 1];
  const span: [number, number] | undefined = first.span && last.span ? [first.span[0], last.span[1]] : undefined;
  steps.splice(0, steps.length, {
    reading: { kind: 'command', command: { kind: 'status' } },
    words: source.trim(),
    ...(span ? { span } : {}),
  });
  return [[0, source.length]];
}

/** Runs on a timetable, which the product does not make: each run is one the analyst asks for. */
const SCHEDULED =
  /\b(?:schedule|scheduled|automate|automatically|every (?:day|week|month|quarter|year|morning|night)|each (?:day|week|month|quarter)|(?:run|rerun|refresh|update|do)\s+(?:it\s+|this\s+|that\s+|the analysis\s+)?(?:weekly|monthly|daily|nightly|quarterly)|recurring|on a timer)\b/i;

/** "schedule this to run every month": asked, since only a run now can be done. */
export function scheduledRuns(steps: Step[], source: string): void {
  if (!SCHEDULED.test(source)) return;
  const at = steps.findIndex((step) => isCommand(step, (command) => command.kind === 'run'));
  if (at < 0) return;
  steps[at] = askStep(
    steps[at],
    'I cannot schedule runs or repeat them by themselves: a run happens when you ask for one, and its settings are recorded so it can be replayed later. Shall I run it now?',
    [{ label: 'Run it now', utterance: 'run the analysis' }],
  );
}

/**
 * "top 10 by young offenders", "top 5 of 11-15s in FY 22/23": a top N qualified by the settings
 * after it is the list asked for under those settings, not a new size of the top group. It is
 * shown after the settings that qualify it.
 */
export function qualifiedTopLists(steps: Step[], source: string): void {
  for (let i = 0; i + 1 < steps.length; i++) {
    const top = commandOf(steps[i]);
    const span = steps[i].span;
    if (top?.kind !== 'setTopN' || !span) continue;
    const after = source.slice(span[1]);
    if (!/^\s*(?:by|of|for|among|amongst|in)\b/i.test(after)) continue;
    let end = i + 1;
    while (end < steps.length && isCommand(steps[end], isStateChanging) && commandOf(steps[end])?.kind !== 'setTopN')
      end += 1;
    if (end === i + 1) continue;
    const shown: Step = { ...steps[i], reading: { kind: 'command', command: { kind: 'showTop', n: top.topN } } };
    steps.splice(i, 1);
    steps.splice(end - 1, 0, shown);
    i = end - 1;
  }
}

/**
 * Two numbers joined by 'and', said alone ("8 and 12"): a range would say 'to' or 'between', so
 * which setting they are for is asked rather than taken as ages.
 */
export function twoBareNumbers(steps: Step[], source: string): void {
  const said = /^\s*(\d+)\s+(?:and|&)\s+(\d+)\s*[.?!]*\s*$/.exec(source);
  if (!said || steps.length !== 1) return;
  steps[0] = askStep(steps[0], `What are ${said[1]} and ${said[2]} for? For example ages ${said[1]} to ${said[2]}.`, [
    { label: `Ages ${said[1]} to ${said[2]}`, utterance: `ages ${said[1]} to ${said[2]}` },
  ]);
}

const DAY_MS = 24 * 3600 * 1000;

/**
 * "plus the first half of 2023" after the 2022 calendar year: the window widened to take in the
 * period said, when the two meet or overlap (2022-01-01 to 2023-06-30). A period apart from the
 * window it adds to is asked about: one window cannot hold two with a gap between.
 */
export function widenedDateWindows(steps: Step[], source: string, previous: Command | null | undefined): void {
  if (
    steps.length === 0 ||
    !/^\s*(?:plus|and also|also add|add|as well as|and add|include|extend (?:it )?to include)\b/i.test(source)
  )
    return;
  const first = commandOf(steps[0]);
  if (first?.kind !== 'setDates' || previous?.kind !== 'setDates') return;
  const [from, to, earlierFrom, earlierTo] = [first.from, first.to, previous.from, previous.to];
  if (!from || !to || !earlierFrom || !earlierTo || first.relativeToData || previous.relativeToData) return;
  const gapDays = Math.max(Date.parse(from) - Date.parse(earlierTo), Date.parse(earlierFrom) - Date.parse(to)) / DAY_MS;
  if (gapDays > 1) {
    steps[0] = askStep(
      steps[0],
      `The window is ${earlierFrom} to ${earlierTo}; ${from} to ${to} does not meet it, and one window cannot hold both with a gap between. Which window should it be?`,
      [
        { label: `${earlierFrom} to ${to}`, utterance: `dates ${earlierFrom} to ${to}` },
        { label: `${from} to ${to} only`, utterance: `dates ${from} to ${to}` },
      ],
    );
    return;
  }
  const widened = {
    kind: 'setDates' as const,
    from: from < earlierFrom ? from : earlierFrom,
    to: to > earlierTo ? to : earlierTo,
  };
  steps[0] = { ...steps[0], reading: { kind: 'command', command: widened } };
}

/**
 * A range cut off after its first end ("set the ages from eleven to", as dictation stops): the
 * other end was not said, so it is asked for rather than taken from the setting as it stands.
 */
export function unfinishedRanges(steps: Step[], source: string): void {
  if (!/\b(?:to|until|till|through|thru|and)\s*[.…]*$/i.test(source.trim())) return;
  const last = steps.length - 1;
  const command = last >= 0 ? commandOf(steps[last]) : undefined;
  if (!command || (command.kind !== 'setAgeBand' && command.kind !== 'setDates')) return;
  // One end said: "ages 11 to 16 and" is a whole band with a word after it.
  const said = steps[last].span ? source.slice(steps[last].span[0]) : steps[last].words;
  if (
    (
      said.match(
        /\d+|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty)\b/gi,
      ) ?? []
    ).length !== 1
  )
    return;
  const what = command.kind === 'setAgeBand' ? 'ages' : 'dates';
  steps[last] = askStep(
    steps[last],
    `The request stops before the end of the range: ${what} from ${command.kind === 'setAgeBand' ? command.from : (command.from ?? 'the start')} to what?`,
    command.kind === 'setAgeBand'
      ? [
          { label: `Ages ${command.from} to 16`, utterance: `ages ${command.from} to 16` },
          { label: `Ages ${command.from} to 17`, utterance: `ages ${command.from} to 17` },
        ]
      : [],
  );
}

/**
 * "exclude the high school": one school, said by the words its name shares with others ("Castle
 * High School", "Earls High School"), not the secondary phase. A phase cannot stand for one
 * school, and one school cannot be left out of the ranking, so which is meant is asked. Where only
 * one school's name has the words ("the special school" with one special school), the phase is
 * that school and the reading stands.
 */
export function oneSchoolForAPhase(steps: Step[], schools: readonly string[]): void {
  for (let i = 0; i < steps.length; i++) {
    const command = commandOf(steps[i]);
    if (command?.kind !== 'setPhases') continue;
    const said = /\bthe\s+([\p{L}-]+)\s+school\b(?!s)/iu.exec(steps[i].words);
    if (!said) continue;
    const words = `${said[1]} school`.toLowerCase();
    const named = schools.filter((school) => school.toLowerCase().includes(words));
    if (named.length < 2) continue;
    steps[i] = askStep(
      steps[i],
      `"${said[0]}" fits ${named.length} schools by name (${named.slice(0, 4).join(', ')}${named.length > 4 ? ', …' : ''}). A whole phase can be left out or counted, but not one school on its own. Did you mean a phase, or to see one school's figures?`,
      [
        ...named.slice(0, 3).map((school) => ({ label: `About ${school}`, utterance: `tell me about ${school}` })),
        { label: 'Change the phases', utterance: 'which phases are ranked?' },
      ],
    );
  }
}

/**
 * "Hill Top vs Hilltop Primary": a phase word straight after a school's name is part of the name
 * said, not a change of the phases ranked; which is meant is asked, before anything is shown.
 */
export function phaseInASchoolName(steps: Step[], source: string, schools: readonly string[]): void {
  for (let i = 1; i < steps.length; i++) {
    const named = commandOf(steps[i - 1]);
    if (named?.kind !== 'compareSchools' && named?.kind !== 'explainSchool' && named?.kind !== 'explain') continue;
    if (commandOf(steps[i])?.kind !== 'setPhases' || !/^\s*[\p{L}-]+\s*$/u.test(steps[i].words)) continue;
    if (!/^[ \t]*$/.test(between(source, steps[i - 1], steps[i]))) continue;
    const name =
      named.kind === 'compareSchools'
        ? named.schools[named.schools.length - 1]
        : named.kind === 'explainSchool'
          ? named.school
          : named.name;
    const said = `${name} ${steps[i].words.trim()}`;
    if (schools.some((school) => school.toLowerCase().startsWith(said.toLowerCase()))) continue;
    // Asked before the school (or comparison) is shown: which school is meant is the question.
    steps.splice(i - 1, 1);
    i -= 1;
    steps[i] = askStep(
      steps[i],
      `Is "${said}" the name of a school? No school in the workbook is called that. Did you mean a school's name, or to change the phases ranked?`,
      [{ label: 'Which phases are ranked?', utterance: 'which phases are ranked?' }],
    );
  }
}

/** The methods with a choice between ways of working, and how to ask for help on each. */
const METHOD_CHOICES: Partial<Record<Command['kind'], string>> = {
  setDisclosure: 'help on perturbation',
  setCatchment: 'help on catchments',
  setFlags: 'help on flags',
  setSmoothing: 'help on smoothing',
  setMetric: 'help on the ranking measure',
};

/**
 * "observed catchments?", "cell key instead of suppression?": a method named alone as a question
 * may ask to switch or ask what it is; which is asked. A request put as a question ("can we use
 * observed catchments?") or with a verb is a request.
 */
export function methodsNamedAsQuestions(steps: Step[], source: string): void {
  if (steps.length !== 1 || !/\?\s*$/.test(source)) return;
  const command = commandOf(steps[0]);
  const help = command ? METHOD_CHOICES[command.kind] : undefined;
  if (!help) return;
  const words = source.trim().replace(/\?+$/, '').trim();
  if (
    IMPERATIVE.test(words) ||
    /^\s*(?:can|could|shall|should|would|will|may|please|pls|lets|let us|what|why|how|which|who|are|is|do|does|did|when|where)\b/i.test(
      words,
    )
  )
    return;
  steps[0] = askStep(steps[0], `Should I switch to ${words}, or do you want to know what it is first?`, [
    { label: `Switch to ${words}`, utterance: `use ${words}` },
    { label: 'What is it?', utterance: help },
  ]);
}

/** "— I know it only covers 2019": what the analyst already knows, said beside the request. */
const ASIDE =
  /\b(?:i know|i realise|i realize|im aware|i am aware|i understand|fyi|bear in mind|i appreciate)\b(?:(?!\b(?:but|however|though|yet|so)\b)[^,;.!?—–])*$/i;

/**
 * A setting said inside an aside ("use 'Knife crime 2019' — I know it only covers 2019") is what the
 * analyst knows, not a change asked for: dropped, the rest of the request kept.
 */
export function settingsInAsides(steps: Step[], source: string): void {
  for (let i = steps.length - 1; i >= 0; i--) {
    const step = steps[i];
    if (step.span && isCommand(step, isStateChanging) && ASIDE.test(source.slice(0, step.span[0]).replace(/['’]/g, '')))
      steps.splice(i, 1);
  }
}

/** "why is it flagged like that?": a question about the place just named, by a pronoun. */
const ABOUT_IT =
  /^\s*(?:(?:and|so|but)\s+)?(?:why|how come)\s+(?:is|was|has|does|did|s)?\s*(?:it|that|this|they|she|he)\b/i;

/**
 * "Quarry Bank ward, why is it flagged like that?": the explanation of the ward answers it, so the
 * question is not also read as general help on its topic.
 */
export function questionsAboutThePlaceNamed(steps: Step[]): void {
  for (let i = 1; i < steps.length; i++) {
    const command = commandOf(steps[i]);
    const before = commandOf(steps[i - 1]);
    if (command?.kind !== 'help' || !ABOUT_IT.test(steps[i].words)) continue;
    if (before?.kind === 'explainWard' || before?.kind === 'explainSchool') steps.splice(i--, 1);
  }
}

/** Help topics of the settings, for a question about one ("why 10 to 17?", "what does 'ranked on offences' mean?"). */
const SETTING_TOPICS: Partial<Record<Command['kind'], HelpTopic>> = {
  setAgeBand: 'ageBand',
  setOffenceTypes: 'offenceTypes',
  setDates: 'dates',
  setPhases: 'phases',
  setThreshold: 'suppression',
  setZeros: 'suppression',
  setRounding: 'rounding',
  setDisclosure: 'perturbation',
  setProtection: 'protection',
  setCatchment: 'catchment',
  setMetric: 'metric',
  setConfidence: 'confidence',
  setTopN: 'newCandidates',
  setSeed: 'seed',
  setFlags: 'flags',
  setShowAttending: 'attending',
  setSmoothing: 'smoothing',
  useSheet: 'sheets',
  mapColumn: 'columns',
};
/** A question about what something is or why: "why 10 to 17?", "what does 'ranked on offences' mean?". */
const ASKS_WHY = /^\s*(?:why|how come|what does|what do|what did|whats the point of|what is the point of)\b/i;
const ASKS_MEANING = /\bmean\s*\??\s*$/i;

/**
 * A question about a setting asks for its explanation; it never changes it: each setting read in
 * it becomes help on that setting's topic (once each).
 */
export function questionsAboutMeaning(steps: Step[], source: string): [number, number][] {
  if (steps.length === 0 || !(ASKS_WHY.test(source) || ASKS_MEANING.test(source))) return [];
  if (!steps.every((step) => isCommand(step, isStateChanging))) return [];
  const topics = [...new Set(steps.flatMap((step) => SETTING_TOPICS[commandOf(step)?.kind ?? 'run'] ?? []))];
  if (topics.length !== 1) return [];
  steps.splice(0, steps.length, {
    ...steps[0],
    words: source.trim(),
    reading: { kind: 'command', command: { kind: 'help', topic: topics[0] } },
  });
  return [[0, source.length]];
}

/** A step said as an instruction: it starts with a verb. */
const IMPERATIVE =
  /^\s*(?:please\s+)?(?:hide|show|use|set|switch|turn|make|apply|smooth|round|suppress|withhold|rank|count|include|exclude|only|go|change|put|drop|add|keep|perturb)\b/i;

/** Said while asking what a method is, not choosing it yet. */
const NOT_CHANGING_YET =
  /\bbefore (?:i|we) (?:change|switch|turn on|use) (?:anything|it|that|them)\b|\bwhat is (?:that|it|this) exactly\b|\bwhats (?:that|it|this) exactly\b|\bjust asking\b|\bnot changing anything\b/i;

/** A yes-or-no question about how the method works: "do you allow for overdispersion …?", "is the observed catchment weighted by …?". */
const HOW_IT_WORKS =
  /^\s*(?:(?:do|does|did|will|would)\s+(?:you|it|the (?:tool|model|analysis|ranking|method|flagging|app|add-?in))\s+(?:allow|account|adjust|correct|control|take|handle|weight|consider|deal|factor|cope|treat|know)\b|(?:is|are|was|were)\s+(?:the\s+)?(?:[\p{L}\d-]+\s+){0,5}?(?:weighted|adjusted|based|calculated|computed|corrected|smoothed|worked out|estimated|modelled|modeled|derived|capped|scaled)\b)/iu;

/**
 * A question about why the method is as it is, or what a method would do: "how come the flag limits
 * are 99.8% and not 95%?", "what would poisson flags do differently?", "how does it know X is the
 * offences tab?". The settings it names are what it asks about, not changes.
 */
const BARE_NUMBERS =
  /^(?:\s|from|to|and|between|[-–—\d.,%])*$|^\s*(?:with\s+)?(?:all|everything|every one|the lot)\s*$/i;
const ASKS_ABOUT_THE_METHOD =
  /^\s*(?:how come|why|what would|what will|what happens|whats the deal with|what is the deal with|how does (?:it|the tool|the add-?in|the model|the analysis) (?:know|decide|pick|choose|work out|tell))\b/i;

/**
 * A setting named in a question about it is not a change: "what is the cell key method exactly,
 * before I change anything?" is help on it; "empirical Bayes … what does smoothing do?" is the help
 * already read, so the setting beside it is dropped.
 */
export function settingsNamedInQuestions(steps: Step[], source: string): [number, number][] {
  const helped = new Set(
    steps.flatMap((step) => {
      const command = commandOf(step);
      return command?.kind === 'help' && command.topic ? [command.topic] : [];
    }),
  );
  const plain = source.replace(/['’]/g, '');
  const asking = NOT_CHANGING_YET.test(plain) || HOW_IT_WORKS.test(source);
  // In a why-question a setting said as an instruction ("why 10-17? make it 11-16") is still one.
  const why = ASKS_ABOUT_THE_METHOD.test(plain);
  let answered = false;
  for (let i = steps.length - 1; i >= 0; i--) {
    const command = commandOf(steps[i]);
    const topic = command && isStateChanging(command) ? SETTING_TOPICS[command.kind] : undefined;
    if (!topic) continue;
    const instruction = IMPERATIVE.test(steps[i].words);
    // "… goes from 1 to 6?": bare numbers in a why-question are what it quotes, not a setting asked about.
    if (why && !instruction && BARE_NUMBERS.test(steps[i].words)) {
      steps.splice(i, 1);
      continue;
    }
    // Dropped only when named without a verb ("empirical Bayes"): "hide zeros, and what does suppression mean?" does both.
    // A why-question already answered by help on one topic asks about that topic: its other settings are its reasons.
    // A setting said after the help, as the next thing to do ("explain the flags, then rerun with
    // them on poisson"), is a change of its own.
    const helpAt = steps.findIndex((step) => commandOf(step)?.kind === 'help');
    const later =
      helpAt >= 0 &&
      helpAt < i &&
      /\b(?:then|after that|afterwards|and now)\b/.test(between(source, steps[helpAt], steps[i]));
    if (later) continue;
    if (helped.has(topic) || (why && !instruction && helped.size > 0)) {
      if (!instruction) steps.splice(i, 1);
    } else if (asking || (why && !instruction)) {
      steps[i] = { ...steps[i], reading: { kind: 'command', command: { kind: 'help', topic } } };
      helped.add(topic);
      answered = true;
    }
  }
  // A yes-or-no question about the method is that one question: the rest of its words ("… from
  // each ward") are part of it, not requests of their own.
  if (answered && HOW_IT_WORKS.test(source))
    for (let i = steps.length - 1; i >= 0; i--) if (commandOf(steps[i])?.kind !== 'help') steps.splice(i, 1);
  // So is a why-question's: "… why are there three?" does not ask which '3' is meant. A place it
  // names is still explained, and an instruction in it still done.
  if (answered && why)
    for (let i = steps.length - 1; i >= 0; i--) {
      const kind = commandOf(steps[i])?.kind;
      const kept =
        kind === 'help' ||
        kind === 'explainSchool' ||
        kind === 'explainWard' ||
        kind === 'explain' ||
        (kind !== undefined && IMPERATIVE.test(steps[i].words));
      if (!kept) steps.splice(i, 1);
    }
  // A question answered whole: its words are not left over.
  return answered ? [[0, source.length]] : [];
}

/** "run me through the settings", "how long does a run take?": 'run' as a word, not a request to run. */
/** ...followed by its verb: the run is what is talked about. */
const RUN_AS_SUBJECT =
  /^\s*(?:matches|match|will|would|is|gives|give|comes|agrees|lines up|looks|can|should|does|gets)\b/i;
const POSSESSIVE_RUN = /\b(?:my|your|our|their|his|her)\s+re-?\s*runs?\s*$/i;
const GO_AHEAD = /^\s*(?:ok(?:ay)?\s*,?\s*)?(?:go on|go ahead|go for it)(?:\s+then)?\s*[,.!]?\s*$/i;
const RUN_AS_A_WORD =
  /\brun[- ]of[- ]the[- ]mill\b|\bi (?:run|manage|lead) (?:the|a|our|my)\b|\brun button\b|\b(?:before|until|till|once|when)\s+(?:i|we|you)\s+(?:re-?)?run\b|\b(?:run|runs)\s+(?:me|us|you)?\s*through\b|\bhow long (?:does|will|would|do) (?:a |the |it )?(?:run|runs|running)\b|\bwhat does (?:a run|running it|the run)\b|\b(?:where|how) (?:to|do i|should i|do we|should we|can i|would i) (?:even )?start\b/i;

/**
 * 'run' said as a word ("run me through the workbook", "how long does a run take?") drops the run;
 * what is left is the request ("the settings", "what's in the workbook"), or, with nothing left,
 * general help. "run me the top 10" is the top 10 (a run first when needed), not a new top group.
 */
/**
 * "weapons only. and VWI.": a list said alone after a list of types, joined by 'and', continues it
 * (added), where alone it would replace it.
 */
export function listsContinued(steps: Step[], source: string): void {
  for (let i = 1; i < steps.length; i++) {
    const before = commandOf(steps[i - 1]);
    const list = commandOf(steps[i]);
    if (before?.kind !== 'setOffenceTypes' || before.mode === 'remove') continue;
    if (list?.kind !== 'setOffenceTypes' || list.mode !== undefined) continue;
    if (!/^[\s.,;]*(?:and|plus|also|&)\s*$/.test(between(source, steps[i - 1], steps[i]))) continue;
    if (/^\s*(?:count|only|just|use|set|include|add)\b/i.test(steps[i].words)) continue;
    steps[i] = { ...steps[i], reading: { kind: 'command', command: { ...list, mode: 'add' } } };
  }
}

/** Whether two typed names of an offence type or phase are the same one ('weapons' in 'weapons possession'). */
const sameItem = (a: string, b: string): boolean => {
  const [x, y] = [a.toLowerCase().trim(), b.toLowerCase().trim()];
  return x.includes(y) || y.includes(x);
};

/**
 * "only A, B and C - hmm, leave out C": the list just said, less what is taken out of it; undefined
 * unless every item taken out is one of that list's.
 */
export function listLessRemoved(list: Command, removal: Command): Command | undefined {
  if (removal.kind !== list.kind || (list.kind !== 'setOffenceTypes' && list.kind !== 'setPhases')) return undefined;
  if (removal.kind !== 'setOffenceTypes' && removal.kind !== 'setPhases') return undefined;
  if (removal.mode !== 'remove' || list.mode === 'remove') return undefined;
  const items: readonly string[] = list.kind === 'setOffenceTypes' ? list.types : list.phases;
  const removed: readonly string[] = removal.kind === 'setOffenceTypes' ? removal.types : removal.phases;
  if (removed.length === 0 || !removed.every((item) => items.some((kept) => sameItem(kept, item)))) return undefined;
  const left = items.filter((kept) => !removed.some((item) => sameItem(kept, item)));
  if (left.length === 0) return undefined;
  return list.kind === 'setOffenceTypes' ? { ...list, types: left } : { ...list, phases: left as typeof list.phases };
}

/** "add burglary and criminal damage, hmm, just criminal damage": the addition narrowed, still an addition. */
function addedListNarrowed(list: Command, narrowed: Command, between: string): Command | undefined {
  if (list.kind !== 'setOffenceTypes' || narrowed.kind !== 'setOffenceTypes') return undefined;
  if (list.mode !== 'add' || (narrowed.mode ?? 'only') !== 'only') return undefined;
  if (!/\b(?:hmm+|no|oops|actually|sorry|wait|i mean|make that|rather)\b/.test(between)) return undefined;
  const subset = narrowed.types.every((item) => list.types.some((added) => sameItem(added, item)));
  return subset && narrowed.types.length > 0 ? { ...narrowed, mode: 'add' } : undefined;
}

/** "only violence with injury, robbery and weapons - hmm, leave out weapons": one list, recorded once. */
export function removalsFromTheListJustSaid(steps: Step[], source: string): void {
  for (let i = steps.length - 1; i > 0; i--) {
    const list = commandOf(steps[i - 1]);
    const removal = commandOf(steps[i]);
    const merged =
      list && removal
        ? (listLessRemoved(list, removal) ?? addedListNarrowed(list, removal, between(source, steps[i - 1], steps[i])))
        : undefined;
    const [first, last] = [steps[i - 1].span, steps[i].span];
    if (!merged || !first || !last) continue;
    steps.splice(i - 1, 2, {
      reading: { kind: 'command', command: merged },
      words: source.slice(first[0], last[1]),
      span: [first[0], last[1]],
    });
  }
}

/**
 * "from 1 April 2022 and up to 31 March 2023": a start and an end said apart are one window, one
 * recorded change (the start said alone would first leave the window open-ended).
 */
export function oneDateWindow(steps: Step[], source: string): void {
  for (let i = steps.length - 2; i >= 0; i--) {
    const start = commandOf(steps[i]);
    const end = commandOf(steps[i + 1]);
    if (start?.kind !== 'setDates' || end?.kind !== 'setDates') continue;
    if (start.relativeToData || end.relativeToData) continue;
    const fromOnly = start.from && !('to' in start);
    const toOnly = end.to && !('from' in end);
    const [first, last] = [steps[i].span, steps[i + 1].span];
    if (!fromOnly || !toOnly || !first || !last) continue;
    steps.splice(i, 2, {
      reading: { kind: 'command', command: { kind: 'setDates', from: start.from, to: end.to } },
      words: source.slice(first[0], last[1]),
      span: [first[0], last[1]],
    });
  }
}

/** Words that take back a part said earlier in the same message: "scratch the threshold bit", "not the zeros thing after all". */
const TAKES_BACK =
  /\b(?:scratch|forget|ignore|skip|cancel|never ?mind|dont bother with|do not bother with|leave|lose)\b|\b(?:not|no)\b.*\bafter all\b/;
/** "- no, leave it at 20 -", "actually no, stay with suppression": the setting just said, taken back to where it was. */
const LEAVES_IT =
  /\b(?:no|nope|actually|wait|hang on|hold on|hmm|on second thoughts?)\b.*\b(?:leave it|leave them|keep it|keep them|stay with|stay on|stay at|stick with|stick to|as it was|as they were|as is)\b/;
/** "stay on youth violence", "leave it at 20": what follows is the value kept, not a new request. */
const STAYS_ON =
  /\b(?:stay (?:on|with|at)|stick (?:with|to)|leave (?:it|them) (?:at|on|as)|keep (?:it|them) (?:at|on))\s+(?:the\s+)?(?:[\p{L}\d-]+\s+){0,2}$/iu;
/** "- actually don't publish them -": the setting just said, not wanted after all. */
const DROPS_IT = /\b(?:no|nope|actually|wait|hang on|hold on|hmm|on second thoughts?)\b.*\b(?:dont|do not)\b/;
/** The words that name each setting when it is taken back. */
const SETTING_WORDS: Partial<Record<Command['kind'], RegExp>> = {
  setThreshold: /\bthreshold|\bsuppress/,
  setRounding: /\bround/,
  setZeros: /\bzero/,
  setFlags: /\bflag|\bpoisson|\bfunnel/,
  setAgeBand: /\bages?\b|\bage band/,
  setDates: /\bdates?\b|\bdate window|\bperiod\b/,
  setSmoothing: /\bsmooth|\bshrinkage/,
  setConfidence: /\bconfidence|\bcis?\b|\bintervals?\b|\d\d(?:\.\d)?\s*%/,
  setTopN: /\btop\b/,
  setShowAttending: /\battending/,
  setDisclosure: /\bperturb|\bcell key|\bsuppression\b/,
  setCatchment: /\bcatchment|\bobserved|\bdistance/,
  setMetric: /\boffen(?:ces|ders)\b|\bmeasure\b|\bmetric\b/,
};

/** A step that the words taking something back were misread as: a question, or an offence type named by a setting's word. */
function misreadTakingBack(step: Step): boolean {
  if (step.reading.kind === 'question') return true;
  const command = commandOf(step);
  if (command?.kind !== 'setOffenceTypes') return false;
  const words = step.words.toLowerCase();
  return Object.values(SETTING_WORDS).some((pattern) => pattern.test(words));
}

/**
 * "suppress under 8, hide zeros, round to 10 - scratch the threshold bit", "top group 10 - no,
 * leave it at 20": the part taken back is not done, and the words that took it back (unread, or
 * misread as a question or as an offence type called 'rounding') are not a request of their own.
 * Only a setting said earlier in the same message.
 */
export function partsTakenBack(steps: Step[], source: string): [number, number][] {
  const used: [number, number][] = [];
  for (let k = steps.length - 1; k >= 0; k--) {
    if (misreadTakingBack(steps[k]) || !steps[k].span) continue;
    // The words after this step up to the next step that is not a misreading of them.
    // A step read from the words after "stay on" is what is kept, part of the taking back.
    const from = steps[k].span?.[1] ?? 0;
    let next = k + 1;
    while (
      next < steps.length &&
      (misreadTakingBack(steps[next]) ||
        STAYS_ON.test(source.slice(from, steps[next].span?.[0] ?? from).replace(/['’]/g, '')))
    )
      next += 1;
    // Words already taken back by a later clause are not looked at twice.
    const to = Math.min(
      steps[next]?.span?.[0] ?? source.length,
      ...used.filter(([start]) => start >= from).map(([start]) => start),
    );
    const clause = source.slice(from, to).toLowerCase().replace(/['’]/g, '');
    let target = -1;
    const leaves = LEAVES_IT.test(clause) || DROPS_IT.test(clause);
    if (TAKES_BACK.test(clause) || leaves) {
      for (let j = k; j >= 0 && target < 0; j--) {
        const command = commandOf(steps[j]);
        const words = command ? SETTING_WORDS[command.kind] : undefined;
        if (words?.test(clause)) target = j;
      }
    }
    if (target < 0 && leaves && isCommand(steps[k], isStateChanging)) target = k;
    if (target < 0) continue;
    used.push([from, to]);
    steps.splice(k + 1, next - k - 1);
    steps.splice(target, 1);
  }
  return used;
}

/**
 * "tell me about Beacon Hill - scratch that - tell me about Castle and Priory": "scratch that" inside
 * a message takes back the step before it, whatever it was; it is not an undo of an earlier turn.
 */
/** "scratch that", "forget it": the step just said, taken back (read as an undo or as a correction). */
export const SCRATCH_THAT = /^\W*(?:scratch|forget|cancel|strike|ignore|delete)\s+(?:that|this|it)\W*$/i;

export function stepsScratched(steps: Step[]): void {
  for (let i = steps.length - 1; i > 0; i--) {
    if (!isCommand(steps[i], (command) => command.kind === 'undo')) continue;
    if (!SCRATCH_THAT.test(steps[i].words)) continue;
    steps.splice(i - 1, 2);
    i -= 1;
  }
}

/** "the top 10 after rerunning": a run said as coming first goes before the results said ahead of it. */
export function runsSaidAsFirst(steps: Step[]): void {
  const runAt = steps.findIndex(
    (step) =>
      isCommand(step, (command) => command.kind === 'run') && /^\s*(?:after|once|following)\b/i.test(step.words),
  );
  if (runAt < 0) return;
  let to = runAt;
  while (to > 0 && isCommand(steps[to - 1], (command) => NEEDS_RESULTS.has(command.kind))) to -= 1;
  if (to < runAt) steps.splice(to, 0, ...steps.splice(runAt, 1));
}

export function runAsAWord(steps: Step[], source: string): void {
  const runAt = steps.findIndex((step) => isCommand(step, (command) => command.kind === 'run'));
  if (runAt < 0) return;
  // "fix the seed so my rerun matches yours": someone's run, named; not a request for one.
  const said = steps[runAt];
  if (
    said.span &&
    POSSESSIVE_RUN.test(source.slice(0, said.span[1])) &&
    RUN_AS_SUBJECT.test(source.slice(said.span[1]))
  ) {
    steps.splice(runAt, 1);
    return;
  }
  // "go on then, explain Hill Top": the go-ahead for what follows, not a run of its own
  // (a request for results runs first where it must).
  if (runAt === 0 && steps.length > 1 && GO_AHEAD.test(said.words)) {
    steps.splice(runAt, 1);
    return;
  }
  if (RUN_AS_A_WORD.test(source)) {
    steps.splice(runAt, 1);
    if (steps.length === 0)
      steps.push({ reading: { kind: 'command', command: { kind: 'help' } }, words: source.trim() });
    return;
  }
  // "run me the top 10": the two steps are a run and a top group, in either order (settings go first).
  const top =
    steps.length === 2
      ? steps.find((step) => isCommand(step, (command) => command.kind === 'setTopN' || command.kind === 'showTop'))
      : undefined;
  const topCommand = top && commandOf(top);
  const n =
    topCommand?.kind === 'setTopN' ? topCommand.topN : topCommand?.kind === 'showTop' ? topCommand.n : undefined;
  if (/^\s*run (?:me|us)\b/i.test(source) && top && n !== undefined)
    steps.splice(0, 2, { ...top, reading: { kind: 'command', command: { kind: 'showTop', n } } });
}
