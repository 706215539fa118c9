/** Requests about the conversation itself: undo, reset, help (general or on a topic), describe, status, run, greetings, thanks. */
import type { HelpTopic } from '../../commands';
import {
  alt,
  as,
  boundary,
  lit,
  map,
  notBefore,
  num,
  opt,
  seq,
  span,
  utteranceEnd,
  utteranceStart,
  type Parser,
  type Span,
} from '../grammar/combinators';
import { command, type Reading, type Rule } from '../grammar/rule';
import { phrase } from './parts';

const rule = (name: string, example: [string, string], keywords: readonly string[], parser: Parser<Reading>): Rule => ({
  name,
  example: { label: example[0], utterance: example[1] },
  keywords,
  parser,
});

/** "undo the last two changes": as many undos. */
const undos = (n: number): Reading => ({
  kind: 'commands',
  commands: Array.from({ length: n }, () => ({ kind: 'undo' as const })),
});
const undoMany: Parser<Reading> = alt<Reading>(
  map(
    seq(
      lit('undo|revert|reverse|take back'),
      opt(lit('last|previous')),
      num({ min: 2, max: 20, whole: true }),
      opt(lit('changes|things|steps|settings|choices|times')),
    ),
    ([, , n]) => undos(n),
  ),
  map(
    seq(lit('undo|revert|go back'), opt(lit('that|it|the last change')), lit('twice|thrice|two times|three times')),
    ([, , said]) => undos(said === 'twice' || said === 'two times' ? 2 : 3),
  ),
  // "undo them both", "undo both of those": the last two changes.
  map(
    seq(
      lit('undo|revert|reverse|take back|scrap|cancel'),
      alt<unknown>(
        seq(lit('them|those|these|the last'), lit('both|two')),
        seq(lit('both'), opt(lit('of them|of those|changes|of my changes'))),
        lit('the last two|the two changes|the last two changes'),
      ),
    ),
    () => undos(2),
  ),
);

export const undoRule = rule(
  'undo',
  ['Undo', 'undo'],
  ['undo', 'revert', 'back', 'scrap'],
  alt<Reading>(
    // 'can I undo things if I get it wrong?': whether undo exists, not an undo.
    as(
      seq(
        lit('can i|can we|is it possible to|am i able to|are we able to|is there a way to|will i be able to'),
        lit('undo|go back|revert|reverse'),
        lit('things|changes|mistakes|stuff|a change|settings|choices|anything|my changes|what i did'),
        opt(lit('if i get it wrong|if i make a mistake|if i mess up|later|afterwards|if needed')),
      ),
      command({ kind: 'help', topic: 'undo' }),
    ),
    undoMany,
    as(
      alt<unknown>(
        seq(
          lit('undo|revert|reverse|unwind'),
          opt(lit('last|previous|latest')),
          opt(lit('change|thing|one|step|setting|choice|bit')),
          // "revert the offence types to …" names the setting and where it goes: not an undo.
          notBefore(
            'offence|offences|types|ages|age|dates|date|threshold|phases|rounding|catchment|catchments|metric|flags|smoothing|seed|confidence|to',
          ),
        ),
        // 'go back to ranking by offences' is that setting, not an undo.
        seq(
          lit('go back|step back|take back|back out|put back'),
          opt(lit('a step|one step|1 step|a bit|one')),
          notBefore('to|on', { skipFiller: false }),
          // "go back a year" moves the dates (asked), it does not undo.
          notBefore('year|years|month|months|week|weeks|day|days|quarter'),
        ),
        seq(lit('take'), lit('that|it'), lit('back')),
        seq(
          lit('scrap|scratch|cancel|bin|ditch|forget|reverse|drop|lose'),
          lit('that|it|last change|last thing|previous change|my last change|the last change|the last thing'),
        ),
        // 'oops' alone undoes; 'oops, make that 7' corrects (see the correction rule).
        seq(lit('oops|whoops|oh no'), opt(lit(',')), alt<unknown>(lit('undo|go back|revert'), utteranceEnd)),
        seq(lit('that'), lit('was|is'), lit('wrong|a mistake|not right')),
      ),
      command({ kind: 'undo' }),
    ),
  ),
);

export const resetRule = rule(
  'reset',
  ['Start again from the defaults', 'reset'],
  ['reset', 'defaults', 'start'],
  as(
    alt<unknown>(
      seq(lit('rest'), lit('all|everything|all settings|the settings|settings|all the settings|choices')),
      seq(
        lit('reset|restart|reinitialise'),
        opt(
          lit('everything|all|all settings|the settings|settings|choices|all the settings|all choices|it all|the lot'),
        ),
        opt(lit('to default|to defaults|to the defaults|back to default|back to defaults')),
      ),
      seq(lit('start|begin'), lit('again|over|afresh|fresh|anew|from scratch|from the beginning|from the start')),
      lit('from scratch|clean slate'),
      seq(
        opt(lit('go|put|set|change|restore|take')),
        opt(lit('all|everything|every')),
        opt(lit('settings|choices|the settings')),
        lit('back'),
        opt(lit('to')),
        lit('default|defaults|default settings|the defaults|the start|how it was|how they were|the beginning'),
        // "how it was on Monday": a day's settings, which no command restores (undo steps back).
        notBefore('on|last|yesterday|this|earlier|before|at|in|when', { skipFiller: false }),
        opt(lit('please|pls|again|thanks')),
      ),
      seq(lit('restore|use'), lit('default|defaults|default settings|the defaults')),
      seq(lit('clear|wipe|forget'), opt(lit('all|every|my')), lit('settings|choices|my changes|changes')),
      lit('default settings|defaults'),
    ),
    command({ kind: 'reset' }),
  ),
);

/** Topics of help, by the words analysts use for them. */
const TOPIC_WORDS: Readonly<Record<string, HelpTopic>> = {
  // Columns of the result sheets, asked about by name.
  'new candidate column': 'newCandidates',
  'offences vs area': 'flags',
  'young offenders vs area': 'flags',
  'vs area': 'flags',
  'rank lower': 'ranking',
  'rank upper': 'ranking',
  'offence ratio to area': 'flags',
  'funnel lower': 'flags',
  'funnel upper': 'flags',
  'offence rate lower ci': 'confidence',
  'offence rate upper ci': 'confidence',
  'age band': 'ageBand',
  'age bands': 'ageBand',
  ages: 'ageBand',
  age: 'ageBand',
  'age range': 'ageBand',
  'age ranges': 'ageBand',
  'age group': 'ageBand',
  'offence types': 'offenceTypes',
  'offence type': 'offenceTypes',
  'crime types': 'offenceTypes',
  'offence groups': 'offenceTypes',
  types: 'offenceTypes',
  'what counts as violence': 'offenceTypes',
  'violence definition': 'offenceTypes',
  scope: 'offenceTypes',
  'offence scope': 'offenceTypes',
  dates: 'dates',
  date: 'dates',
  'date window': 'dates',
  'date range': 'dates',
  period: 'dates',
  'time period': 'dates',
  'date filter': 'dates',
  phases: 'phases',
  phase: 'phases',
  'school phases': 'phases',
  suppression: 'suppression',
  '[c]': 'suppression',
  'data source': 'sheets',
  'source data': 'sheets',
  'input data': 'sheets',
  'primary suppression': 'suppression',
  identifiable: 'suppression',
  'be identified': 'suppression',
  'numbers missing': 'suppression',
  'missing numbers': 'suppression',
  'work backwards': 'protection',
  'worked backwards': 'protection',
  'work out the hidden': 'protection',
  stigmatise: 'ranking',
  stigmatize: 'ranking',
  'wide ranges': 'ranking',
  'wide intervals': 'ranking',
  'tiny populations': 'smoothing',
  'small populations': 'smoothing',
  'mess something up': 'undo',
  'get back to where i was': 'undo',
  'withheld cells': 'suppression',
  'suppressed cells': 'suppression',
  'suppressed counts': 'suppression',
  suppressing: 'suppression',
  threshold: 'suppression',
  'suppression threshold': 'suppression',
  'small counts': 'suppression',
  'small numbers': 'suppression',
  disclosure: 'suppression',
  'disclosure control': 'suppression',
  c: 'suppression',
  // "all the little c's": the apostrophe dropped.
  cs: 'suppression',
  'little cs': 'suppression',
  'little c': 'suppression',
  'blank counts': 'suppression',
  'blank cells': 'suppression',
  'statistical disclosure control': 'suppression',
  'withheld counts': 'suppression',
  'secondary suppression': 'suppression',
  rounding: 'rounding',
  perturbation: 'perturbation',
  perturbations: 'perturbation',
  perturbing: 'perturbation',
  'cell key': 'perturbation',
  'cell key method': 'perturbation',
  'cell key perturbation': 'perturbation',
  'perturbed counts': 'perturbation',
  'disclosure method': 'perturbation',
  protection: 'protection',
  'protection interval': 'protection',
  'protection range': 'protection',
  'protection width': 'protection',
  catchment: 'catchment',
  catchments: 'catchment',
  'catchment model': 'catchment',
  'distance decay': 'catchment',
  'observed catchments': 'catchment',
  'pupils come from': 'catchment',
  'children come from': 'catchment',
  'students come from': 'catchment',
  'pupils live': 'catchment',
  'where pupils live': 'catchment',
  'where the pupils live': 'catchment',
  metric: 'metric',
  'ranking metric': 'metric',
  measure: 'metric',
  'ranking measure': 'metric',
  ranking: 'ranking',
  rank: 'ranking',
  ranks: 'ranking',
  exposure: 'ranking',
  'exposure index': 'ranking',
  'exposure score': 'ranking',
  score: 'ranking',
  scores: 'ranking',
  'rank interval': 'ranking',
  'rank intervals': 'ranking',
  index: 'ranking',
  rankings: 'ranking',
  'what order': 'ranking',
  'order the schools': 'ranking',
  'rank order': 'ranking',
  confidence: 'confidence',
  'confidence intervals': 'confidence',
  'confidence interval': 'confidence',
  intervals: 'confidence',
  'confidence level': 'confidence',
  sheets: 'sheets',
  tabs: 'sheets',
  'sheet roles': 'sheets',
  columns: 'columns',
  'column mapping': 'columns',
  headers: 'columns',
  'new candidates': 'newCandidates',
  'new candidate': 'newCandidates',
  'new candidate schools': 'newCandidates',
  'count as violence': 'offenceTypes',
  'counts as violence': 'offenceTypes',
  'counted as violence': 'offenceTypes',
  'sheet is which': 'sheets',
  'which sheet': 'sheets',
  'which tab': 'sheets',
  'tab is which': 'sheets',
  'which tabs': 'sheets',
  'ranking by offences': 'metric',
  'by young offenders': 'metric',
  candidates: 'newCandidates',
  'the list': 'newCandidates',
  'current list': 'newCandidates',
  'vru list': 'newCandidates',
  seed: 'seed',
  'random seed': 'seed',
  flags: 'flags',
  flag: 'flags',
  flagged: 'flags',
  'higher than average': 'flags',
  'lower than average': 'flags',
  'above average': 'flags',
  'below average': 'flags',
  'wards flagged': 'flags',
  'are wards flagged': 'flags',
  flagging: 'flags',
  'flag method': 'flags',
  'funnel plot': 'flags',
  funnel: 'flags',
  'funnel limits': 'flags',
  overdispersion: 'flags',
  'over dispersion': 'flags',
  'attending counts': 'attending',
  'attending count': 'attending',
  'attending figures': 'attending',
  'attending numbers': 'attending',
  attending: 'attending',
  'offenders attending': 'attending',
  'young offenders attending': 'attending',
  smoothing: 'smoothing',
  'empirical bayes': 'smoothing',
  'empirical bayes smoothing': 'smoothing',
  'eb smoothing': 'smoothing',
  shrinkage: 'smoothing',
  'empirical bayes shrinkage': 'smoothing',
  'bayes shrinkage': 'smoothing',
  'bayesian smoothing': 'smoothing',
  'smoothed rates': 'smoothing',
  simulations: 'seed',
  undo: 'undo',
  replay: 'replay',
  replaying: 'replay',
  audit: 'replay',
  'audit sheet': 'replay',
};
const topic = phrase(TOPIC_WORDS);
type TopicOrGeneral = HelpTopic | 'general';

const RESULTS_SUBJECT = lit(
  'this|it|these|the results|the ranking|the rankings|the order|they|that|the figures|the numbers|this ranking|the analysis',
);
const RELIABLE = lit('reliable|robust|trustworthy|accurate|solid|certain|sure|confident|precise|dependable');

/** A stretch of words with no number in it (the alternatives of a question about meaning, not values). */
const wordsOnly = (words: Span): number | undefined => (/\d/.test(words.text) ? undefined : 0);

const helpWord = lit('help|assist|assistance|guidance|instructions|info|information');

export const helpTopicRule = rule(
  'help on a topic',
  ['Help on suppression', 'how does the suppression work?'],
  ['help', 'explain', 'mean', 'work'],
  map(
    alt<TopicOrGeneral>(
      map(seq(helpWord, opt(lit('with|on|about|for|me with|me on|me understand')), topic), ([, , t]) => t),
      map(
        seq(
          lit('how'),
          lit('does|do|is|are'),
          topic,
          lit(
            'work|works|get worked out|get calculated|calculated|worked out|chosen|decided|handled|made|built|defined|set|estimated|computed',
          ),
        ),
        ([, , t]) => t,
      ),
      // "explain how the suppression works", "tell me how catchments are modelled".
      map(
        seq(
          lit('explain|tell me|show me|describe'),
          lit('how|what'),
          topic,
          // "tell me what offence types there are" asks what the data holds, not what they are.
          notBefore('there', { skipFiller: false }),
          lit(
            'works|work|is|are|does|do|means|mean|is done|are done|are modelled|is modelled|is worked out|are worked out|is chosen|are chosen|is calculated|are calculated',
          ),
        ),
        ([, , t]) => t,
      ),
      map(
        seq(lit('how'), lit('do|can|would|should|could'), lit('i|we|you'), span(10)),
        ([, , , words]) => topicIn(words.text) ?? 'general',
      ),
      map(seq(lit('what'), lit('does|do'), topic, lit('mean|do|stand for|measure')), ([, , t]) => t),
      // "how are wards flagged as higher than average?", "how are the schools ranked?": how it is done.
      map(
        seq(
          lit('how'),
          lit('are|is|do you|does it|does the tool|do we'),
          opt(lit('the')),
          lit('wards|ward|schools|school|rates|areas'),
          lit('flagged|flaged|flag|marked|ranked|rank|scored|score|chosen|picked|compared|judged|rated'),
          opt(span(6, wordsOnly)),
          opt(lit('?')),
        ),
        ([, , , , verb]) => (/^(?:flag|mark|compar|judg)/.test(verb) ? ('flags' as const) : ('ranking' as const)),
      ),
      // "what does a Yes in the 'New candidate' column mean", "what does [c] in the rate column mean".
      map(
        seq(
          lit('what|why'),
          lit('does|do|is there|is'),
          span(3, wordsOnly),
          lit('in|under'),
          opt(lit('the')),
          topic,
          lit('column|col|colum|field|heading'),
          opt(lit('mean|mean for|stand for|say|mean here')),
        ),
        ([, , said, , , t]) => (/\[c\]|\bc\b/.test(said.text) ? 'suppression' : t),
      ),
      map(
        seq(
          lit(
            'what is|whats|what s|what are|explain|define|tell me about|tell me what|whats meant by|what is meant by|what do you mean by',
          ),
          topic,
          opt(lit('thing|stuff|business|bit|option|setting|thing about|lark')),
          opt(lit('mean|means|is|are|for|all about|about|do|does|used for|there for|needed for|for exactly')),
        ),
        ([, t]) => t,
        () => 0.3,
      ),
      map(
        seq(
          lit('whats|what is|explain|tell me|what s'),
          lit('the difference|difference|the differences|differences'),
          lit('between'),
          span(10),
        ),
        // Perturbation's help compares it with suppression and rounding, so it answers a difference with either.
        ([, , , words]) => (topicIn(words.text, 'perturbation') ? 'perturbation' : (topicIn(words.text) ?? 'general')),
      ),
      map(
        seq(lit('why|how come'), opt(lit('is|are|does|do|was')), opt(lit('there|ther|a|an|the|some')), topic, span(6)),
        ([, , , t]) => t,
        () => 0.5,
      ),
      // "what's the deal with all the little c's", "explain rounding to me like I'm new": the topic, said casually.
      map(
        seq(
          lit('whats the deal with|what is the deal with|whats the deal w|whats up with|what is up with'),
          opt(lit('all the|all those|all these|the|those|these|this|that')),
          topic,
          opt(span(8, wordsOnly)),
        ),
        ([, , t]) => t,
        () => 0.3,
      ),
      map(
        seq(
          lit('explain|describe'),
          topic,
          opt(lit('to me|for me|to a newbie|for a newbie|to someone new|simply|in plain english')),
          lit('like|as if|as though|as'),
          span(8, wordsOnly),
        ),
        ([, t]) => t,
        () => 0.3,
      ),
      // "is the age band their age at the offence or their age now?": which meaning, not which value.
      map(
        seq(
          utteranceStart,
          lit('is|are|does|do'),
          // "are we ranking by offences or young offenders?" asks which value is in use (the settings).
          notBefore('we|you|i|it|they|our|my', { skipFiller: false }),
          topic,
          span(8, wordsOnly),
          lit('or'),
          span(8, wordsOnly),
          lit('?'),
        ),
        ([, , , t]) => t,
        () => 0.5,
      ),
      // "is this reliable?", "how sure can we be about the order?": the rank intervals' uncertainty.
      map(
        seq(
          alt<unknown>(seq(lit('is|are'), RESULTS_SUBJECT), seq(RESULTS_SUBJECT, lit('is|are')), lit('how')),
          RELIABLE,
          opt(lit('can we be|can i be|are we|are you|should we be|is it|is this|are they')),
          opt(
            seq(
              lit('about|of|in'),
              opt(lit('the|this|that')),
              lit('order|ranking|rankings|ranks|results|order of the schools|positions'),
            ),
          ),
        ),
        () => 'ranking' as const,
        () => 0.3,
      ),
      // "which crime types count as violence - the HO definition?": what the default is, not the sheet's list.
      map(
        seq(
          lit('which|what'),
          lit('crime types|offence types|types|offences|crimes|kinds of crime|kinds of offence'),
          lit(
            'count as violence|are counted as violence|are violence|count as violent|are classed as violence|are treated as violence',
          ),
          opt(
            seq(
              opt(lit('-|,')),
              opt(lit('the|in the|under the|by the')),
              lit('ho definition|home office definition|definition|ho groups|home office groups'),
            ),
          ),
        ),
        () => 'offenceTypes' as const,
      ),
      // A worry put as a question ("will anyone be identifiable from this?"): help on the topic it names.
      map(
        seq(
          utteranceStart,
          lit('will|could|can|would|is|are|does|do|should|isnt|arent|if|what if|why are|why do|why is'),
          span(12),
          opt(lit('?')),
        ),
        ([, , words]) => worryTopic(words.text),
        () => 1,
      ),
      // "why do some cells just say [c]": a question whose topic is what something shows.
      map(
        seq(
          lit('why|how come|what'),
          span(8),
          lit('say|says|show|shows|read|reads|display|displays|contain|contains|have|has|got'),
          topic,
        ),
        ([, , , t]) => t,
        () => 0.5,
      ),
      // A topic alone with a question mark ('rounding?'); not the end of another question ("who is top of the ranking?").
      map(
        seq(utteranceStart, topic, lit('?')),
        ([, t]) => t,
        () => 0.5,
      ),
    ),
    (t) => command(t === 'general' ? { kind: 'help' } : { kind: 'help', topic: t }),
  ),
);

/**
 * The first topic named in some words ('how do I replay a run' -> replay), longest phrase first;
 * with `only`, that topic if it is named anywhere in them.
 */
function topicIn(text: string, only?: HelpTopic): HelpTopic | undefined {
  const words = text.split(' ');
  for (let from = 0; from < words.length; from++) {
    for (let to = Math.min(words.length, from + 4); to > from; to--) {
      const found = TOPIC_WORDS[words.slice(from, to).join(' ')] ?? TOPIC_VERBS[words.slice(from, to).join(' ')];
      if (found && (only === undefined || found === only)) return found;
    }
  }
  return undefined;
}
/** Worries analysts put as questions, by the words that carry them. */
const WORRY_TOPICS: readonly (readonly [RegExp, HelpTopic])[] = [
  [/\bidentif(?:y|iable|ied)\b|\bnumbers? (?:are )?missing\b|\bmissing numbers?\b|\bblank(?:ed)?\b/, 'suppression'],
  [/\bwork(?:ed)? (?:it )?backwards?\b|\bhidden (?:numbers|counts)\b/, 'protection'],
  [/\bstigmati[sz]e\b|\bwide (?:ranges|intervals)\b|\bshould i be worried\b/, 'ranking'],
  [/\b(?:tiny|small) (?:populations?|wards)\b|\bshoot up\b/, 'smoothing'],
  [/\bmess (?:something|it|things) up\b|\bget back to where\b/, 'undo'],
];
function worryTopic(text: string): HelpTopic | undefined {
  return WORRY_TOPICS.find(([pattern]) => pattern.test(text))?.[1];
}

/** What a "how do I ..." question is about, by its verb. */
const TOPIC_VERBS: Readonly<Record<string, HelpTopic>> = {
  replay: 'replay',
  repeat: 'replay',
  reproduce: 'replay',
  undo: 'undo',
  suppress: 'suppression',
  hide: 'suppression',
  round: 'rounding',
  perturb: 'perturbation',
  'change the ages': 'ageBand',
  'set the ages': 'ageBand',
  'change the dates': 'dates',
  'set the dates': 'dates',
  'pick a sheet': 'sheets',
  'choose a sheet': 'sheets',
  'use another sheet': 'sheets',
  'map a column': 'columns',
  'name a column': 'columns',
  compare: 'newCandidates',
  rank: 'ranking',
  include: 'offenceTypes',
  exclude: 'offenceTypes',
};

export const helpRule = rule(
  'help',
  ['Help', 'help'],
  ['help', 'commands', 'examples', 'options'],
  as(
    alt<unknown>(
      seq(helpWord, opt(lit('me|please|pls'))),
      seq(
        lit('what'),
        lit('can|could|should|do'),
        lit('i|you|we'),
        lit('do|say|ask|type|try'),
        opt(lit('here|now|next|you|with this')),
      ),
      seq(lit('how'), lit('does|do'), lit('this|it|you'), lit('work')),
      seq(lit('how'), lit('do'), lit('i|we'), lit('use|start|begin'), opt(lit('this|it|you'))),
      seq(lit('where'), lit('do'), lit('i|we'), lit('start|begin')),
      lit(
        'commands|examples|instructions|menu|options|what now|what next|now what|what else|what are my options|what are the options|im stuck|i am stuck|stuck|lost|im lost|no idea|tips|any tips|hints|any hints|guide|user guide|getting started|how to start',
      ),
      seq(lit('what'), lit('can|does|will'), lit('this|it|the tool|this tool|the add in'), lit('do')),
      seq(
        lit('what'),
        lit('commands|options|examples|requests|questions'),
        opt(lit('are there|can i use|do you know|do you understand|can i give|can i ask|are available|do you take')),
      ),
      seq(lit('show|give|list'), opt(lit('some|a few|the')), lit('examples|commands|options')),
      seq(
        lit('dont know|do not know|not sure|no idea|unsure'),
        lit('what|how'),
        lit('to'),
        lit('type|say|do|ask|start|write'),
      ),
      seq(lit('im stuck|i am stuck|stuck'), opt(lit(',')), lit('what are my options|what can i do|help')),
      seq(lit('what'), lit('are'), lit('my|the'), lit('options|choices')),
    ),
    command({ kind: 'help' }),
  ),
);

const describeTarget = lit('workbook|file|spreadsheet|book|excel|data|sheets|tabs|inputs|input sheets|worksheets');
export const describeRule = rule(
  'describe',
  ["What's in this workbook?", "what's in this workbook?"],
  ['workbook', 'describe', 'sheets', 'tabs'],
  as(
    alt<unknown>(
      seq(
        lit('whats|what is|what s|what|whats been put|what have i put|what have we put'),
        lit('in'),
        lit('this|the|my|our|here'),
        describeTarget,
      ),
      seq(
        lit(
          'describe|summarise|summarize|overview of|give me an overview of|give an overview of|an overview of|show me|tell me about|go over|walk me through|run through',
        ),
        opt(lit('this|the|my|our')),
        describeTarget,
      ),
      seq(
        lit('what'),
        lit('have|did'),
        lit('you|we'),
        lit('found|find|got|detected|picked up|read|spotted|loaded'),
        opt(seq(lit('in'), opt(lit('this|the|my')), describeTarget)),
      ),
      seq(
        lit('tell me|show me|say'),
        lit('what'),
        opt(lit('data|sheets|tabs')),
        lit('you|we|there'),
        opt(lit('can|have|is|are')),
        lit('see|found|have|got|loaded|in here|there'),
      ),
      seq(
        lit('which|what'),
        lit('sheets|tabs|worksheets|inputs'),
        opt(lit('do|did|have|are|were|has')),
        opt(lit('i|you|we|there')),
        opt(
          lit(
            'got|have|got loaded|loaded|pick up|picked up|found|find|see|use|using|read|detected|detect|recognised|recognise',
          ),
        ),
        opt(lit('up')),
      ),
      seq(lit('list|show|name|see'), opt(lit('all|every')), lit('sheets|tabs|inputs|input sheets|worksheets')),
      seq(
        lit('what'),
        lit('data'),
        opt(lit('have|do|is|are')),
        opt(lit('i|we|there|you')),
        opt(lit('got|have|loaded|got loaded|in here|here|available')),
      ),
      seq(
        lit('look|check|scan|read|inspect|examine|review|go through'),
        opt(lit('at|through|over')),
        opt(lit('this|the|my|our')),
        describeTarget,
      ),
      seq(lit('what'), lit('have|do'), lit('i|we|you'), lit('got|have'), opt(lit('here|loaded'))),
      seq(lit('what is|whats'), lit('here|there|loaded|available')),
      lit('workbook contents|workbook content|contents|what is loaded|whats loaded'),
    ),
    command({ kind: 'describe' }),
  ),
);

const SETTING_NOUNS = lit(
  'settings|parameters|choices|options|set up|setup|ages|age band|age range|age|dates|date window|date range|threshold|suppression threshold|phases|offence types|types|rounding|rounding base|catchments|catchment|catchment model|metric|top n|top group|confidence|confidence level|seed|protection|protection interval|suppression|zeros|disclosure method|smoothing|everything|config|configuration',
);
export const statusRule = rule(
  'status',
  ['Show the current settings', 'show the settings'],
  ['settings', 'status', 'current'],
  as(
    alt<unknown>(
      // A bare noun yields to a whole phrase that holds it ("that's all the settings" closes, it does not ask).
      map(
        lit(
          'status|settings|parameters|choices|current settings|my settings|my choices|the settings|current choices|current set up|current setup|config|configuration',
        ),
        () => true,
        () => 0.1,
      ),
      seq(
        lit('show|list|what are|whats|what is|tell me|remind me of|see|give me|display|check'),
        opt(lit('all')),
        opt(lit('current|present|active')),
        lit('settings|parameters|choices|options so far|set up|setup|configuration|config|options'),
      ),
      seq(
        lit('what'),
        lit('are|am|is'),
        lit('we|i|you|it'),
        lit('using|running with|set to|set up with'),
        opt(lit('at the moment|currently|now|right now|so far|at present|for the analysis|here')),
      ),
      // Any words before 'in use' or 'on': a loose reading, so a place named there ("what rank is
      // Park Hall on") is the better one.
      map(
        seq(
          lit('is|are|which|what'),
          opt(lit('the|our|my')),
          span(4),
          lit('being used|in use|currently used|used|selected|chosen|picked up|switched on|on|active'),
          notBefore('for', { skipFiller: false }),
        ),
        () => true,
        () => 0.3,
      ),
      seq(
        lit('what'),
        lit('settings|choices|options|parameters'),
        lit('have|did|are'),
        lit('i|we|you'),
        opt(lit('got|made')),
        lit('chosen|set|picked|made|got|using|choose|pick|change|changed|selected'),
      ),
      seq(
        lit('what is|whats|what are|which'),
        opt(lit('the|our|my')),
        lit('current|present|active|existing'),
        SETTING_NOUNS,
      ),
      seq(lit('how'), lit('is|are'), lit('it|this|everything|things'), lit('set|set up|configured')),
      seq(lit('where'), lit('are|am'), lit('we|i'), lit('up to|at')),
      seq(
        lit('what'),
        lit('have|did'),
        lit('i|we|you'),
        lit('set|chosen|changed|picked|choose|change|pick'),
        opt(lit('so far|up to now|already')),
      ),
      seq(
        lit('remind me|tell me'),
        opt(lit('what|of|again')),
        SETTING_NOUNS,
        notBefore('there', { skipFiller: false }),
        opt(seq(lit(',|and'), SETTING_NOUNS)),
        opt(seq(lit(',|and'), SETTING_NOUNS)),
        opt(
          lit(
            'we are using|were using|we re using|are we using|are set to|is set to|are|is|we have|we have got|we chose|we set|i set',
          ),
        ),
      ),
      seq(
        lit('what is|whats|what s|what are|which|where is|wheres'),
        opt(lit('the|our|my')),
        SETTING_NOUNS,
        opt(seq(lit('and'), opt(lit('the|our|my')), SETTING_NOUNS)),
        opt(lit('is|are')),
        // "what's the threshold at?": the value now, not what a threshold is.
        lit(
          'at the moment|currently|now|right now|set to|set at|in use|being used|we are using|were using|we re using|are we using|at present|so far|used|on|at',
        ),
        // "what is the seed used for?" asks what it does, not its value.
        notBefore('for', { skipFiller: false }),
      ),
      seq(
        lit('what'),
        SETTING_NOUNS,
        opt(seq(lit('and'), SETTING_NOUNS)),
        lit(
          'are we using|am i using|are you using|did i set|have i set|have we set|did we set|do we have|are set|is set',
        ),
      ),
    ),
    command({ kind: 'status' }),
  ),
);

const RUN_OBJECT = lit(
  'analysis|analyses|model|numbers|report|ranking|rankings|calculation|calculations|sheets|output sheets|result sheets|results sheets|output|outputs|output workbook|result workbook|results workbook|workbook|whole thing|thing|results|figures|stats|statistics|job|run',
);
const WITH_SETTINGS = seq(
  lit('with|using|on|under'),
  opt(lit('these|those|the|current|new|same|my|our|updated|latest')),
  opt(lit('new|current|updated|latest')),
  lit('settings|choices|parameters|options|changes'),
);
export const runRule = rule(
  'run',
  ['Run the analysis', 'run the analysis'],
  ['run', 'rerun', 'analyse', 'analysis', 'calculate', 'recalculate', 'regenerate'],
  as(
    seq(
      alt<unknown>(
        // 'go back to …', 'go with …' choose a setting; 'go' alone runs.
        seq(lit('go'), notBefore('back|to|with|for|over', { skipFiller: false })),
        lit(
          'crunch it|give it a go|lets see what we get|let us see what we get|see what we get|lets see what it says|lets see the results|go ahead|go on|go for it|run|run it|rerun|re run|run again|re-run|do it|do it again|start|begin|analyse|analyze|calculate|compute|proceed|execute|make it so|crunch the numbers|off you go|lets go|fire away|hit it|kick it off|away you go',
        ),
        seq(
          lit(
            'run|do|start|redo|rerun|re run|perform|carry out|update|refresh|repeat|kick off|rebuild|recalculate|recalc|recompute|regenerate|produce|generate|make|write|build|create',
          ),
          RUN_OBJECT,
          opt(lit('again|now|once more|for me')),
        ),
        seq(lit('analyse|analyze'), opt(lit('this|the|my|our')), lit('workbook|data|file|it|everything')),
        seq(lit('run|rerun|re run'), lit('it|that|this|them|everything|the lot'), opt(lit('again|now|through'))),
        // Spreadsheet words for the same: 'recalc', 'recalculate everything', 'hit F9'.
        seq(
          lit('recalculate|recalc|recompute|regenerate|refresh|rebuild'),
          opt(lit('it|that|this|them|everything|the lot|all|all of it')),
          opt(lit('please|now|again|for me')),
          // Alone, or ending its clause: 'refresh the list sheet' names something else to refresh.
          boundary,
        ),
        seq(lit('hit|press'), lit('f9')),
        // "… after rerunning": the run said as when the rest is done (moved first by the step guards).
        seq(
          lit('after|once|following'),
          lit(
            'rerunning|re running|running it again|running again|a rerun|a fresh run|a new run|the rerun|rerunning it',
          ),
        ),
        seq(
          lit('gimme|give me|get me|show me|lets have|let me have|can i have|can i get'),
          lit('fresh|new|updated|the new|the updated|the fresh'),
          lit('numbers|figures|results|rankings|ranking'),
        ),
      ),
      opt(WITH_SETTINGS),
      opt(lit('again|now|through|once more|please')),
    ),
    command({ kind: 'run' }),
  ),
);

export const greetingRule = rule(
  'greeting',
  ['Hello', 'hello'],
  ['hello', 'hi'],
  as(
    seq(
      lit(
        'hi|hello|hiya|hey|hey there|hi there|hello there|good morning|good afternoon|good evening|morning|afternoon|evening|howdy|greetings|yo|hola|hallo',
      ),
      opt(lit('there|team|all|everyone|again|you|friend|catchment')),
    ),
    { kind: 'courtesy', command: { kind: 'greeting' } },
  ),
);

export const thanksRule = rule(
  'thanks',
  ['Thanks', 'thanks'],
  ['thanks', 'cheers'],
  as(
    alt<unknown>(
      // "that's all the settings, run it": closes the settings; it asks for nothing (not the settings shown).
      seq(
        lit(
          'thats brilliant|thats great|thats perfect|thats lovely|thats really helpful|thats helpful|that is brilliant|that is great|that is perfect|thats all|that s all|that is all|thats it|that s it|that is it|thats everything|that is everything|done|all done|finished',
        ),
        opt(lit('the|for the|for|of the|with the|on the|my|our')),
        opt(lit('settings|changes|choices|setup|set up|for now|i need|from me|i want')),
      ),
      seq(
        lit(
          'thanks|thank you|thankyou|cheers|ta|ok|okay|alright|all right|fine|thanks a lot|many thanks|much appreciated|appreciate it|thanks very much|thank you very much|thanks so much|great thanks|brilliant|perfect|lovely|nice one|awesome|excellent|superb|wonderful|cool|great|ok thanks|okay thanks|got it|understood|noted|good stuff|that helps|helpful|fab|fantastic|champion|nice',
        ),
        opt(lit('a lot|very much|so much|mate|again')),
        opt(lit('for that|for the help|for your help|for all your help|for all the help|for helping|for this')),
        opt(lit('today|again|mate|as always')),
        opt(
          seq(
            opt(lit(',')),
            lit('that is|thats|that was|this is|it is|its|very|really'),
            lit('great|helpful|brilliant|perfect|lovely|useful|fine|good|excellent|fab|fantastic|clear|all'),
          ),
        ),
      ),
    ),
    { kind: 'courtesy', command: { kind: 'thanks' } },
  ),
);

/** "do the same as last time": an earlier session is not known here; asked what is meant. */
export const sameAsBeforeRule = rule(
  'same as before',
  ['Run the analysis again', 'run the analysis'],
  ['same', 'before'],
  map(
    seq(
      opt(lit('do|use|run|repeat|redo|give me|make it|set it up|same')),
      opt(lit('the|exactly the')),
      lit(
        'same|same thing|same settings|same again|same as before|usual|the usual|what we did|what i did|like before|as before',
      ),
      opt(lit('as|like')),
      opt(
        lit(
          'last time|before|yesterday|previously|the last run|last week|last month|last year|we did|i did|the previous run|normal|usual|always',
        ),
      ),
    ),
    () => ({
      kind: 'question',
      text: "I can't see earlier sessions, only this one. To repeat an earlier run exactly, replay the commands on its Audit sheet; or tell me the settings. Should I run the analysis with the current settings, or show them first?",
      choices: [
        { label: 'Run with the current settings', utterance: 'run the analysis' },
        { label: 'Show the settings', utterance: 'show the settings' },
      ],
      about: 'run',
    }),
  ),
);

/** "change something", "tweak the settings", "make it stricter": what to change is not said; asked, with the usual choices. */
export const vagueChangeRule = rule(
  'change what',
  ['Show the settings', 'show the settings'],
  ['change', 'settings'],
  alt<Reading>(
    map(
      seq(
        lit('change|tweak|adjust|alter|modify|edit|update|fiddle with|play with'),
        opt(lit('some|a few|my|a|one of the')),
        lit('settings|something|things|parameters|choices|options|setting|bits|stuff|it up'),
      ),
      () => ({
        kind: 'question',
        text: 'What should I change? For example the ages, the dates, the offence types, the phases ranked or the suppression threshold.',
        choices: [
          { label: 'Show the settings', utterance: 'show the settings' },
          { label: 'Change the ages', utterance: 'change the age band' },
          { label: 'Change the dates', utterance: 'change the dates' },
          { label: 'Change the threshold', utterance: 'set the threshold' },
        ],
      }),
    ),
    map(
      seq(
        opt(lit('make|be|can you make')),
        opt(lit('it|this|the output|the figures|things|everything')),
        lit(
          'more strict|stricter|tighter|more cautious|safer|more conservative|more private|more protective|less disclosive|more secure',
        ),
      ),
      () => ({
        kind: 'question',
        text: 'Stricter in which way? A higher suppression threshold (counts under it are withheld), rounding, or withholding zeros too?',
        choices: [
          { label: 'Suppress counts under 10', utterance: 'suppress counts under 10' },
          { label: 'Round to 5', utterance: 'round to 5' },
          { label: 'Hide zeros', utterance: 'hide zeros' },
        ],
      }),
    ),
    map(
      seq(
        lit('use|include|rank|count|look at|want|show'),
        lit('more|fewer|less|extra|additional'),
        lit('schools|school'),
      ),
      () => ({
        kind: 'question',
        text: 'More or fewer schools in which way: the phases ranked, or the size of the top group compared with the list (20 by default)?',
        choices: [
          { label: 'Rank all phases', utterance: 'rank all phases' },
          { label: 'Top group of 30', utterance: 'make the top group 30' },
          { label: 'Top group of 10', utterance: 'make the top group 10' },
        ],
      }),
    ),
  ),
);

export const CONTROL_RULES: readonly Rule[] = [
  undoRule,
  resetRule,
  helpTopicRule,
  helpRule,
  describeRule,
  statusRule,
  runRule,
  sameAsBeforeRule,
  vagueChangeRule,
  greetingRule,
  thanksRule,
];
