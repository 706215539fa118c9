/**
 * Questions about the results: the top schools, which are not on the current list, one school or
 * ward explained, two schools compared, the wards by rate, and the offence types in the data.
 * Names are kept as typed (the session resolves them against the latest run).
 */
import type { Command } from '../../commands';
import {
  alt,
  as,
  boundary,
  lit,
  many,
  map,
  num,
  opt,
  ordinalNumber,
  seq,
  utteranceStart,
  type Ctx,
  type Parser,
  type Span,
} from '../grammar/combinators';
import { nameFit } from '../grammar/lexicon';
import { command, question, type Reading, type Rule } from '../grammar/rule';
import { nameOf } from './parts';

const N = num({ min: 1, max: 100000, whole: true });
const SCHOOLS = opt(
  lit('schools|school|ranked schools|ranked|list|ones|places|academies|ranking|results|in the ranking|on the list'),
);
const SHOW = lit(
  'show|list|display|see|give|gimme|lemme see|let me have|can i have|could i have|can i get|could i get|tell|print|read out|view|get|what are|who are|which are|whats|what is|bring up|pull up|let me see|can i see|fetch|output|report',
);

const showTop = (n?: number): Reading => command(n === undefined ? { kind: 'showTop' } : { kind: 'showTop', n });

export const showTopRule: Rule = {
  name: 'show the top schools',
  example: { label: 'Show the top 10', utterance: 'show the top 10' },
  keywords: ['show', 'top', 'results', 'ranking'],
  parser: alt<Reading>(
    map(
      seq(
        lit('who|which school|what school|whos|which schools'),
        opt(lit('is|s|came|comes|ranked|ranks')),
        opt(lit('ranked|number')),
        lit('1st|1|top|first|number 1|no 1'),
      ),
      () => showTop(1),
    ),
    map(
      seq(
        lit('which|what'),
        lit('school|one'),
        lit('has|with|is|got|gets'),
        opt(lit('the')),
        lit('highest|top|biggest|largest|greatest|most|worst'),
        opt(lit('exposure|exposure index|score|rank|ranking|risk|rate|exposure score')),
      ),
      () => showTop(1),
    ),
    // "which schools have the most exposure?": the ranking itself.
    map(
      seq(
        lit('which|what'),
        lit('schools|ones'),
        lit('have|has|with|are|get|got|show'),
        opt(lit('the')),
        lit('highest|biggest|largest|greatest|most|worst|most exposed|highest exposure'),
        opt(lit('exposure|exposure index|exposure scores|scores|exposed|risk|rates')),
      ),
      () => showTop(),
    ),
    map(
      seq(
        lit('whats|what is|which is|who is|whos'),
        opt(lit('the')),
        lit('most exposed|highest ranked|top ranked|highest scoring|top|highest|worst|number 1|first'),
        lit('school|one|ranked school'),
      ),
      () => showTop(1),
    ),
    map(
      seq(
        lit('how many'),
        lit('schools|of the schools'),
        opt(lit('are|were|got|have been|did you|did we')),
        lit('ranked|in the ranking|included|rank|scored|in the results'),
      ),
      () => showTop(),
    ),
    map(
      seq(SHOW, opt(lit('me|us')), opt(lit('the')), lit('top'), opt(N), SCHOOLS, opt(lit('please|again|now'))),
      ([, , , , n]) => showTop(n),
    ),
    map(seq(lit('top'), N, lit('schools|ranked schools|school|list|ranking')), ([, n]) => showTop(n)),
    // "top n 8 then list them": the top group just set ('show them' stays with zeros, see the toggle).
    as(seq(lit('list|display|print'), lit('them|those|these|them all|the schools|those schools')), showTop()),
    map(
      seq(
        opt(SHOW),
        opt(lit('me|us')),
        opt(lit('the')),
        N,
        lit('most exposed|highest|top|highest ranked|top ranked|worst affected|most affected|highest scoring'),
        SCHOOLS,
      ),
      ([, , , n]) => showTop(n),
    ),
    as(seq(lit('top'), lit('schools|ranked|list|ranking|of the list')), showTop()),
    as(
      seq(
        lit('which|what'),
        lit('schools|school'),
        opt(lit('are|is|have|has|come|came|rank|ranks|ranked|were|came out')),
        opt(lit('the')),
        lit(
          'most exposed|highest|worst affected|most affected|highest ranked|top ranked|first|top|at the top|most at risk|highest scoring',
        ),
      ),
      showTop(),
    ),
    map(
      seq(
        lit('which|what|who'),
        opt(lit('schools|school|ones')),
        lit('are|were|is|made it|came'),
        lit('in|into|among|inside'),
        opt(lit('the')),
        lit('top'),
        N,
      ),
      ([, , , , , , n]) => showTop(n),
    ),
    as(
      seq(
        opt(SHOW),
        opt(lit('just|only')),
        opt(lit('the')),
        lit(
          'highest|most exposed|highest ranked|top ranked|highest scoring|worst|worst affected|most affected|worst off|most at risk',
        ),
        lit('schools|ones'),
      ),
      showTop(),
    ),
    as(
      seq(
        lit('show|give|see|view|display|what are|let me see'),
        opt(lit('the')),
        lit(
          'results|ranking|rankings|league table|schools ranking|school ranking|ranked schools|ranked list|findings|output',
        ),
      ),
      showTop(),
    ),
    as(seq(lit('how'), lit('did|do'), opt(lit('the')), lit('schools'), lit('rank|come out|do|compare')), showTop()),
  ),
};

const LIST = lit(
  'list|lists|vru list|programme|program|prevention list|prevention programme|scheme|current list|vru|vru programme|register',
);
const LIST_REF = alt<unknown>(
  seq(opt(lit('the|our|my|current')), opt(num({ min: 1990, max: 2099, whole: true })), LIST),
  lit('it|that|them|there'),
);
const NOT_ON = alt<unknown>(
  seq(
    lit('not|arent|isnt|are not|is not|werent|wasnt|nt|aren t|isn t'),
    opt(lit('yet|already|currently|even|included')),
    lit('on|in|included in|part of|covered by|listed|among|in the|on to'),
  ),
  seq(lit('missing|absent|left off|left out|excluded|omitted|not listed'), lit('from|of|on|off')),
  lit('off'),
);
const newCandidates = (n?: number): Reading =>
  command(n === undefined ? { kind: 'newCandidates' } : { kind: 'newCandidates', n });

export const newCandidatesRule: Rule = {
  name: 'new candidates',
  example: {
    label: 'Which of the top 20 are not on the current list?',
    utterance: 'which of the top 20 are not on the current list?',
  },
  keywords: ['candidates', 'list', 'missing'],
  parser: alt<Reading>(
    map(
      seq(
        opt(lit('any|show|list|give|what are|who are|which are|the')),
        opt(lit('me')),
        lit('new candidates|candidates|new schools|new ones|potential candidates|possible candidates|schools to add'),
        opt(seq(lit('in|among|from|within|amongst|of'), opt(lit('the')), lit('top'), N)),
      ),
      ([, , , top]) => newCandidates(top?.[3]),
    ),
    map(
      seq(
        opt(lit('tell me|show me|list|and|show|so')),
        lit('which|what|who|whats|who else|whos|who is|who are|which ones|which schools'),
        opt(seq(lit('of'), opt(lit('the')), lit('top'), opt(N))),
        opt(lit('schools|ones|of them|of those|top schools')),
        NOT_ON,
        LIST_REF,
        opt(lit('yet|already|at the moment|currently|now')),
      ),
      ([, , top]) => newCandidates(top?.[3]),
    ),
    map(
      seq(
        opt(lit('are|is|were')),
        lit('any|some|none'),
        opt(seq(lit('of'), opt(lit('the')), lit('top'), opt(N))),
        opt(lit('schools|ones')),
        NOT_ON,
        LIST_REF,
      ),
      ([, , top]) => newCandidates(top?.[3]),
    ),
    map(
      seq(
        opt(lit('which|what|show')),
        lit('top'),
        N,
        opt(lit('schools')),
        opt(lit('that are|which are|are|who are')),
        NOT_ON,
        LIST_REF,
      ),
      ([, , n]) => newCandidates(n),
    ),
    map(
      seq(
        lit('who|which|what|whos|who is|which schools|what schools'),
        opt(lit('is|are|s')),
        lit('missing|absent|not there|left off|left out'),
        opt(seq(lit('from|off|on'), LIST_REF)),
      ),
      () => newCandidates(),
    ),
    map(
      seq(
        lit(
          'who|which|what|which schools|what schools|who else|which others|what other schools|which other schools|what others',
        ),
        opt(lit('schools')),
        lit('should|could|must|do|would|shall|ought to'),
        lit('we|i'),
        opt(lit('be|also be')),
        lit(
          'add|include|contact|approach|target|put on|bring in|work with|consider|working with|targeting|contacting|adding|including|approaching|talking to|visiting|visit',
        ),
        opt(seq(lit('to|on|onto'), LIST_REF)),
      ),
      () => newCandidates(),
    ),
    map(seq(lit('gaps|gap'), lit('in'), LIST_REF), () => newCandidates()),
    map(
      seq(
        lit('what|who|which'),
        lit('are|is|s'),
        opt(lit('the|our')),
        lit('new candidates|candidates|new schools|new ones'),
      ),
      () => newCandidates(),
    ),
    // "which of the top 10 are new", "which ones are new": new to the list.
    map(
      seq(
        lit('which|what|who'),
        opt(seq(lit('of'), opt(lit('the|our')), lit('top'), opt(N))),
        opt(lit('schools|ones|of them|of those')),
        lit('are|is|would be'),
        lit('new|new ones|new to the list|new to us|new candidates|not already listed'),
        opt(lit('entries|entrants|ones|schools|additions|arrivals|names|faces')),
      ),
      ([, top]) => newCandidates(top?.[3]),
    ),
    map(
      seq(
        lit('who|which|what|whos|which schools|what schools'),
        opt(lit('is|are|s')),
        lit('new'),
        lit('in|among|within'),
        opt(lit('the')),
        lit('top'),
        opt(N),
      ),
      ([, , , , , , n]) => newCandidates(n),
    ),
    map(
      seq(
        lit('which|what|who'),
        opt(lit('schools|ones')),
        lit('in|of|among|from'),
        opt(lit('the')),
        lit('top'),
        N,
        NOT_ON,
        LIST_REF,
      ),
      ([, , , , , n]) => newCandidates(n),
    ),
    map(
      seq(
        lit('who|which|what|which schools|what schools'),
        opt(lit('schools')),
        lit('should|could|must|would|ought to|needs to|need to'),
        lit('be'),
        lit('added|included|on|put on|considered|approached|targeted|brought in'),
        opt(seq(lit('to|on|onto|in'), LIST_REF)),
      ),
      () => newCandidates(),
    ),
    map(
      seq(lit('compare|check'), opt(lit('the')), lit('results|ranking|top schools'), lit('with|against|to'), LIST_REF),
      () => newCandidates(),
    ),
  ),
};

// ───────────────────────────── one school or ward

const SCHOOL_WORDS = new Set(['school', 'academy', 'college', 'high', 'primary', 'secondary', 'grammar', 'free']);
const place = nameOf(['school', 'ward', 'district'], 8, 2);

function cleaned(name: Span): string {
  return name.typed
    .replace(/[?!.]+$/, '')
    .replace(/\s+(?:please|then|now)$/i, '')
    .replace(/['’]s$/, '')
    .replace(/^\s*the\s+/i, '')
    .trim();
}

const NOT_A_NAME =
  /^(?:know|knows|decide|decides|pick|picks|choose|chooses|tell|tells|work|works|handle|handles|cope|copes)$/i;

/** A school, a ward, or not yet known which: from the workbook's names, else from the words around the name. */
function explainCommand(
  name: Span,
  ctx: Ctx,
  hints: { readonly ward?: boolean; readonly school?: boolean; readonly rank?: number },
): Command | undefined {
  const words = name.text.split(' ');
  // A school's URN alone ('explain 140001'): five to eight digits, never a rank or a ward code.
  if (words.length === 1 && /^\d{5,8}$/.test(words[0]) && !hints.ward)
    return { kind: 'explainSchool', school: words[0] };
  if (
    words.every(
      (word) => /^\d+(?:st|nd|rd|th)?$/.test(word) || ['the', 'a', 'it', 'that', 'this', 'them'].includes(word),
    )
  )
    return undefined;
  const text = cleaned(name);
  if (text === '') return undefined;
  // "how does it know …", "how does it decide …": a verb, not a place.
  if (NOT_A_NAME.test(words[0])) return undefined;
  // A sheet's own name ('Ward boundaries') is that sheet, not a place called 'boundaries'.
  if (ctx.lexicon.sheets.some((sheet) => sheet.toLowerCase() === text.toLowerCase())) return undefined;
  const rank = hints.rank !== undefined ? { claimedRank: hints.rank } : {};
  const wardFit = nameFit(ctx.lexicon, 'ward', text);
  const schoolFit = nameFit(ctx.lexicon, 'school', text);
  const isCode = words.some((word) => /^[ews]\d{8}$/.test(word));
  const wardWord = words.includes('ward') || words.includes('wards');
  if (hints.ward || wardWord || isCode || (wardFit !== 'none' && schoolFit === 'none' && hints.rank === undefined)) {
    const ward = text
      .replace(/\bwards?\b/gi, ' ')
      .replace(/\s+/g, ' ')
      .trim();
    return ward === '' ? undefined : { kind: 'explainWard', ward };
  }
  if (
    hints.school ||
    hints.rank !== undefined ||
    words.some((word) => SCHOOL_WORDS.has(word)) ||
    (schoolFit !== 'none' && wardFit === 'none')
  ) {
    return { kind: 'explainSchool', school: text, ...rank };
  }
  return { kind: 'explain', name: text, ...rank };
}

const explainAs =
  (hints: { readonly ward?: boolean; readonly school?: boolean } = {}) =>
  (name: Span, ctx: Ctx, rank?: number): Reading | undefined => {
    const found = explainCommand(name, ctx, { ...hints, ...(rank !== undefined ? { rank } : {}) });
    return found ? command(found) : undefined;
  };

const RANK_WORD = alt<{ readonly rank?: number }>(
  map(seq(opt(lit('ranked|placed|rated|at|in')), ordinalNumber, opt(lit('place|position'))), ([, n]) => ({ rank: n })),
  map(seq(lit('number|no|rank|ranked|position|ranked number|at number'), N), ([, n]) => ({ rank: n })),
  // "why is Castle High top?" claims first place, checked against the run like "why 5th?".
  map(
    lit(
      'top|first|on top|at the top|top of the list|come out top|come out on top|come top|come out first|come first|end up top|number one|ranked top|ranked first',
    ),
    () => ({ rank: 1 }),
  ),
  map(
    lit(
      'on the list|on our list|on the current list|on the vru list|in the list|on there|on it|there at all|on the list at all|included|in the ranking|ranked|rank|ranking|placed|rated|scored|scoring|flagged|marked|listed|showing|so high|so low|so high up|high up|high|higher|low|lower|up there|so far up|above|below|in the top|exposed|so exposed|ranked so high|ranked highly|ranked high|ranked so|so bad|so much higher|flagged higher|flagged high|come out so high|got so high|end up so high|score so high|scored so high|ranked where it is|where it is|placed where it is|ranked where they are|ranked there|come out there',
    ),
    () => ({}),
  ),
);
const WHY = lit(
  'why|how come|whys|why s|what makes|whats making|why does|why did|why has|why was|why is|explain why|tell me why|say why|what put|what puts|can you explain why',
);

const ASK_ABOUT = lit(
  'show me|whats driving|what is driving|what drives|whats behind|what is behind|what explains|give breakdown for|give figures for|give details for|give numbers for|give breakdown of|give details of|give figures of|explain|tell me about|tell me more about|more about|more on|what about|how about|details of|details for|details on|details about|break down|breakdown of|breakdown for|break down the figures for|break down the numbers for|the figures for|figures for|numbers for|the numbers for|the figures of|the story behind|story for|look at|look into|zoom in on|drill into|drill down into|what do we know about|what is going on at|what is going on in|whats going on at|whats going on in|whats happening in|what is happening in|whats happening at|how is|how are|how does|dig into|profile|profile of|summary of|summarise|tell me about the|info on|information on|information about|data on|describe',
);
const TRAILING = opt(
  lit('doing|looking|do|look|score|rank|ranked|like|please|for me|in detail|in more detail|then|at the moment|now'),
);
const TYPE_HINT = opt(
  map(
    lit('school|ward'),
    (hint) => hint,
    () => 0.05,
  ),
);

export const explainRule: Rule = {
  name: 'explain a school or ward',
  example: {
    label: 'Why is a school ranked where it is? e.g. why is Park Hall ranked 3rd?',
    utterance: 'why is Park Hall ranked 3rd?',
  },
  keywords: ['why', 'explain', 'about', 'details'],
  parser: alt<Reading>(
    map(
      seq(
        opt(lit('but|so|and')),
        WHY,
        opt(lit('is|was|does|has|did|are|s')),
        place,
        opt(lit('is|was|are|has been|be|being')),
        RANK_WORD,
        opt(lit('up|there|now|then|please')),
      ),
      ([, , , name, , said], ctx) => explainAs()(name, ctx, said.rank),
    ),
    map(
      seq(
        lit('how'),
        lit('was|is|were|did|has'),
        opt(lit('the')),
        place,
        lit('rank|ranking|score|scored|exposure|exposure index|figure|figures|index|rate|ranked'),
        opt(lit('worked out|calculated|arrived at|derived|got|come about|decided|found')),
      ),
      ([, , , name], ctx) => explainAs()(name, ctx),
    ),
    // 'what rank is Hill Top on', 'where is Park Hall ranked', 'what position did Castle High come'.
    map(
      seq(
        lit('what|where|which'),
        opt(lit('rank|position|place|number')),
        lit('is|was|did|does|has'),
        opt(lit('the')),
        place,
        opt(lit('on|at|in|ranked|rank|come|come in|come out|placed|sit|sitting|finish|end up|land')),
        opt(lit('now|then|overall|in the ranking|in the list|please')),
      ),
      ([, rankWord, , , name, after], ctx) => (rankWord || after ? explainAs()(name, ctx) : undefined),
    ),
    // 'what is the attending count for Park Hall?': that school's figures, its attending count among them.
    map(
      seq(
        opt(lit('what is|whats|what are|show me|give me|tell me|what about')),
        opt(lit('the')),
        lit(
          'attending count|attending counts|attending figure|attending figures|attending number|number of young offenders attending|number of offenders attending|count of young offenders attending|young offenders attending|offenders attending',
        ),
        lit('for|at|of|in'),
        opt(lit('the')),
        place,
      ),
      ([, , , , , name], ctx) => explainAs({ school: true })(name, ctx),
    ),
    // 'how many young offenders attend Park Hall?': that school's figures (its attending count among them).
    map(
      seq(
        lit('how many'),
        opt(lit('young')),
        lit('offenders|yos|of the offenders|offending pupils|pupils offend|kids offend'),
        lit('attend|go to|are at|are pupils at|study at|are on roll at|are enrolled at|come from'),
        opt(lit('the')),
        place,
      ),
      ([, , , , , name], ctx) => explainAs({ school: true })(name, ctx),
    ),
    map(seq(ASK_ABOUT, lit('it|that|that one|this one|them|this|that school|that ward|this school|this ward')), () =>
      command({ kind: 'explain', name: 'it' }),
    ),
    map(
      seq(
        ASK_ABOUT,
        opt(lit('the')),
        opt(lit('ward|school')),
        place,
        opt(lit('score|ranking|rank|exposure|figures|numbers|position|rate')),
        TYPE_HINT,
        TRAILING,
      ),
      ([, , hint, name, , after], ctx) =>
        explainAs(
          hint === 'ward' || after === 'ward'
            ? { ward: true }
            : hint === 'school' || after === 'school'
              ? { school: true }
              : {},
        )(name, ctx),
    ),
    map(
      seq(
        lit('how high|how bad|what|whats|how is|what is|how'),
        opt(lit('is|s')),
        opt(lit('the')),
        lit(
          'rate|violence rate|offence rate|violence|crime rate|rate of violence|exposure|exposure index|score|rank|ranking|level of violence',
        ),
        lit('in|at|for|of'),
        place,
        opt(lit('ward|school')),
      ),
      ([, , , , , name, hint], ctx) => explainAs(hint === 'ward' ? { ward: true } : {})(name, ctx),
    ),
    map(
      seq(
        lit('how many|what number of|number of|count of|the number of'),
        opt(lit('young|violent')),
        lit('offenders|offences|crimes|incidents|offence|crime|violent offences|young offenders'),
        opt(
          lit(
            'live|living|are there|happened|were there|took place|occurred|are recorded|were recorded|reside|come from|are from|there are|there were|have there been|happen',
          ),
        ),
        lit('in|at|from'),
        place,
        opt(lit('ward|school')),
      ),
      ([, , , , , name, hint], ctx) =>
        explainAs(hint === 'ward' ? { ward: true } : hint === 'school' ? { school: true } : {})(name, ctx),
    ),
    map(seq(lit('ward'), place, opt(lit('please|details|figures|then'))), ([, name], ctx) =>
      explainAs({ ward: true })(name, ctx),
    ),
    map(
      seq(place, lit('ward'), opt(lit('please|details|figures|then'))),
      ([name], ctx) => explainAs({ ward: true })(name, ctx),
      () => 0.3,
    ),
    map(seq(lit('what about|how about'), place, opt(lit('then'))), ([, name], ctx) => explainAs()(name, ctx)),
    // A name alone that is a school's or a ward's.
    map(
      seq(place, opt(lit('please|details|figures|then'))),
      ([name], ctx) =>
        nameFit(ctx.lexicon, 'school', name.typed) === 'exact' || nameFit(ctx.lexicon, 'ward', name.typed) === 'exact'
          ? explainAs()(name, ctx)
          : undefined,
      () => 1,
    ),
  ),
};

// ───────────────────────────── compare

/** A school of the workbook other than the one named, for an example ('Hill Top' when none is known). */
function otherSchool(named: string, ctx: Ctx): string {
  return ctx.lexicon.schools.find((school) => !school.toLowerCase().includes(named.toLowerCase())) ?? 'Hill Top';
}

/** A school named in a comparison; 'it' or 'that one' stands for the school just named. */
const compared: Parser<string> = alt(
  map(lit('it|that|that one|this one|this|that school|this school'), () => 'it'),
  map(nameOf(['school'], 7, null), (name) => cleaned(name)),
);
/** "which is worse off?", "which has the bigger exposure", "which needs it more": the question of a comparison. */
const WHICH_IS_MORE = seq(
  lit('which|who|whos|which ones|which one'),
  opt(lit('is|has|have|s|one is|one has|of them is|of the two is')),
  lit(
    'worse|worse off|better|better off|higher|lower|higher up|higher up the list|more exposed|less exposed|the bigger exposure|bigger exposure|the higher exposure|higher exposure|the most exposure|more exposure|needs it more|needs it most|ranked higher|ranks higher|comes out higher|comes out worse|the worst|worst|the higher rank|the higher score',
  ),
  opt(lit('the list|the ranking|of the two|then')),
);
const AND = lit('and|with|to|against|vs|versus|v|or|alongside|side by side with|next to|compared to|compared with');

export const compareRule: Rule = {
  name: 'compare two schools',
  example: {
    label: 'Compare two schools, e.g. compare Park Hall and Hill Top',
    utterance: 'compare Park Hall and Hill Top',
  },
  keywords: ['compare', 'versus', 'difference'],
  parser: alt<Reading>(
    map(
      seq(
        lit('compare|contrast'),
        compared,
        AND,
        many(compared, lit(',|and')),
        opt(lit('side by side|please|for me|directly')),
      ),
      ([, first, , rest]) => command({ kind: 'compareSchools', schools: [first, ...rest] }),
    ),
    map(seq(lit('compare|contrast'), many(compared, lit(',')), lit('and'), compared), ([, first, , last]) =>
      command({ kind: 'compareSchools', schools: [...first, last] }),
    ),
    map(
      seq(
        lit('how'),
        lit('does|do|did'),
        compared,
        lit('compare|stack up|measure up|differ'),
        lit('with|to|against|from'),
        many(compared, lit(',|and')),
      ),
      ([, , a, , , rest]) => command({ kind: 'compareSchools', schools: [a, ...rest] }),
    ),
    map(
      seq(
        lit('compare|contrast'),
        opt(lit('the')),
        lit('top'),
        num({ min: 2, max: 10, whole: true }),
        opt(lit('schools|ones')),
      ),
      ([, , , n]) =>
        command({ kind: 'compareSchools', schools: Array.from({ length: n }, (_, i) => `number ${i + 1}`) }),
    ),
    map(
      seq(
        opt(lit('whats|what is|show me|show|the')),
        lit('difference|differences|the difference'),
        lit('between'),
        compared,
        lit('and'),
        compared,
      ),
      ([, , , a, , b]) => command({ kind: 'compareSchools', schools: [a, b] }),
    ),
    map(seq(compared, lit('vs|versus|v|compared to|compared with|against'), opt(lit('.')), compared), ([a, , , b]) =>
      command({ kind: 'compareSchools', schools: [a, b] }),
    ),
    // "Thorns or Ridgewood — which is worse off?", "hilltop or elm grove whos worse".
    map(seq(compared, lit('or'), compared, opt(lit(',|-|—|–|:')), WHICH_IS_MORE), ([a, , b]) =>
      command({ kind: 'compareSchools', schools: [a, b] }),
    ),
    // "which has the bigger exposure, earls high or kingswinford".
    map(seq(WHICH_IS_MORE, opt(lit(',|:|-|—')), compared, lit('or'), compared), ([, , a, , b]) =>
      command({ kind: 'compareSchools', schools: [a, b] }),
    ),
    // "how do summerhill and windsor stack up", "could I see how Hill Top and Elm Grove compare to each other".
    map(
      seq(
        lit('how'),
        lit('do|does|did'),
        compared,
        lit('and'),
        compared,
        lit('compare|stack up|measure up|differ|match up|look side by side|rank'),
        opt(lit('to each other|with each other|against each other|side by side')),
      ),
      ([, , a, , b]) => command({ kind: 'compareSchools', schools: [a, b] }),
    ),
    map(
      seq(
        lit('see how|show me how|tell me how|know how|check how|look at how'),
        compared,
        lit('and'),
        compared,
        lit('compare|stack up|measure up|differ|match up|rank'),
        opt(lit('to each other|with each other|against each other|side by side')),
      ),
      ([, a, , b]) => command({ kind: 'compareSchools', schools: [a, b] }),
    ),
    // "put Beacon Hill next to Netherton Park", "line up Park Hall, Hill Top and Castle High".
    map(
      seq(lit('put|set|show|lay|place'), compared, lit('next to|beside|alongside|against|by the side of'), compared),
      ([, a, , b]) => command({ kind: 'compareSchools', schools: [a, b] }),
    ),
    map(seq(lit('line up|show side by side|lay out side by side'), many(compared, lit(',|and'))), ([, schools]) =>
      schools.length >= 2 ? command({ kind: 'compareSchools', schools }) : undefined,
    ),
    // "lye valley / colley lane comparison".
    map(
      seq(compared, opt(lit('and|vs|v')), compared, lit('comparison|compared|side by side|head to head')),
      ([a, , b]) => command({ kind: 'compareSchools', schools: [a, b] }),
    ),
    // "is Colley Lane ranked above Holly Hall or not?", "is Elm Grove any better off than Earls High?".
    map(
      seq(
        lit('is|are|was'),
        compared,
        opt(lit('really|actually|any|much|definitely|ranked|placed')),
        lit(
          'above|below|higher than|lower than|ahead of|behind|worse off than|better off than|worse than|better than|more exposed than|less exposed than|ranked above|ranked below|ranked higher than|ranked lower than',
        ),
        compared,
        opt(lit('or not|really|though')),
      ),
      ([, a, , , b]) => command({ kind: 'compareSchools', schools: [a, b] }),
    ),
    map(
      seq(opt(lit('put|show')), compared, lit('and'), compared, lit('side by side|next to each other|together')),
      ([, a, , b]) => command({ kind: 'compareSchools', schools: [a, b] }),
    ),
    map(
      seq(lit('compare|contrast'), nameOf(['school'], 7, null), boundary),
      ([, name], ctx) =>
        question(
          `Compare ${cleaned(name)} with which school? Say e.g. "compare ${cleaned(name)} and ${otherSchool(cleaned(name), ctx)}".`,
          [{ label: 'Show the top 10', utterance: 'show the top 10' }],
          'compareSchools',
        ),
      () => 0.5,
    ),
    map(
      seq(
        lit('compare|contrast'),
        opt(lit('them|those|these|the two|two schools|both|schools|the schools|those two|these two')),
        boundary,
      ),
      () =>
        question(
          'Which two schools? Say e.g. "compare Park Hall and Hill Top".',
          [{ label: 'Show the top 10', utterance: 'show the top 10' }],
          'compareSchools',
        ),
    ),
  ),
};

// ───────────────────────────── wards, offence types

const WARDS = lit(
  'wards|ward|areas|neighbourhoods|the wards|all wards|all the wards|every ward|ward table|wards table|table of wards|ward list|list of wards|wards sheet|ward sheet',
);
const RATE = seq(
  opt(lit('their|the|violence|violent|offence|crime|young offender|offender')),
  lit(
    'rate|rates|rate of violence|violence rate|violence rates|offence rate|offence rates|crime rate|crime rates|level of violence|violence|risk|exposure',
  ),
);
const listWards = (order: 'rate' | 'higher'): Reading => command({ kind: 'listWards', order });

export const listWardsRule: Rule = {
  name: 'wards by rate',
  example: { label: 'List the wards by rate', utterance: 'list the wards by rate' },
  keywords: ['wards', 'rate', 'flagged'],
  parser: alt<Reading>(
    as(
      seq(
        opt(lit('list|show|rank|order|sort|give me|display|see|get')),
        opt(lit('me|all|the')),
        WARDS,
        lit('by|in order of|ordered by|sorted by|ranked by|according to|on'),
        RATE,
        opt(lit('highest first|descending|please')),
      ),
      listWards('rate'),
    ),
    as(
      seq(
        lit('list|show|rank|order|sort|give me|display|see'),
        opt(lit('all|the')),
        WARDS,
        opt(lit('please|with their rates|and their rates|with rates')),
      ),
      listWards('rate'),
    ),
    as(
      seq(
        opt(lit('which|what|show|list|show me')),
        WARDS,
        opt(lit('have|has|with|had')),
        lit('the highest|highest|the worst|worst|the most|most'),
        opt(lit('rates|rate|violence|offences|crime|violence rates|violent crime|offending')),
        opt(lit('of violence|of offences')),
        // "the most violence per head": a rate, the young population being the head.
        opt(
          lit(
            'per head|per person|per capita|per child|per young person|per 1000|per thousand|for their size|relative to population|for the population',
          ),
        ),
      ),
      listWards('rate'),
    ),
    as(
      seq(
        opt(lit('which|what|show|list|show me|any')),
        WARDS,
        opt(lit('are|were|have been|is|got|get|that are|that were|which are')),
        lit('flagged|marked|shown|identified|classed|rated|significantly|statistically'),
        opt(lit('as')),
        lit(
          'higher|high|above average|higher than average|higher than the average|significantly higher|as higher|worse',
        ),
      ),
      listWards('higher'),
    ),
    map(
      seq(
        opt(lit('which|what|show|list|show me|any')),
        WARDS,
        opt(lit('are|were|is|have|with|that are|which are')),
        lit(
          'higher than average|above average|higher than the average|significantly higher|higher than the area|above the area average|worse than average|higher|high',
        ),
        opt(lit('rates|rate|violence|offences|levels')),
      ),
      () => listWards('higher'),
      () => 0.3,
    ),
    as(
      seq(
        opt(lit('show|list')),
        opt(lit('me|the')),
        opt(lit('the')),
        lit(
          'higher|high|high rate|high violence|hotspot|hotspots|flagged|hot spot|hot spots|high risk|higher than average|red|rag red|red flagged|red rated',
        ),
        WARDS,
      ),
      listWards('higher'),
    ),
    // "the hotspots", "which wards are red": the wards flagged higher (red is how the Wards sheet colours them).
    as(
      seq(
        opt(lit('show|list|show me|give me|what are|which are')),
        opt(lit('the')),
        lit('hotspots|hot spots|hotspot wards|red wards|red ones'),
      ),
      listWards('higher'),
    ),
    as(
      seq(lit('which|what'), WARDS, lit('are|were|is'), lit('red|hotspots|hot spots|in red|flagged red')),
      listWards('higher'),
    ),
    as(
      seq(
        lit('who|which|what|where'),
        opt(lit('ward|area|wards|areas|place|part')),
        lit('has|have|with|got|is'),
        opt(lit('the')),
        lit('highest|worst|biggest|most|top'),
        lit('rate|rates|violence rate|crime rate|violence|offence rate|crime'),
      ),
      listWards('rate'),
    ),
    as(
      seq(
        lit('which|what'),
        WARDS,
        lit(
          'are driving|drive|contribute|contribute most|matter most|are behind|stand out|are the worst|are worst|are the problem|have the most|are most affected|are hotspots',
        ),
        opt(lit('this|it|the ranking|the results|exposure|violence')),
      ),
      listWards('rate'),
    ),
  ),
};

export const listOffenceTypesRule: Rule = {
  name: 'offence types in the data',
  example: { label: 'List the offence types', utterance: 'list the offence types' },
  keywords: ['types', 'offence', 'list'],
  parser: as(
    alt<unknown>(
      seq(
        opt(lit('tell me|show me|list|say|let me know|remind me')),
        lit('what|which'),
        lit(
          'offence types|crime types|types of offence|types of offences|types of crime|kinds of offence|kinds of crime|offences|crimes|offence groups|types',
        ),
        opt(
          lit(
            'there are|there is|we have got|we ve got|weve got|we got|the sheet has|the data has|are there|are in the data|are in the sheet|do we have|have we got|are included|are in there|is there|exist|are present|does the data have|does the sheet have|are listed|are in|r there|do i have|have i got|are counted|are we counting|do we count|are in scope|count|are being counted|are not counted',
          ),
        ),
        opt(lit('in the data|in the sheet|in there|in the offences sheet|in the workbook|at the moment|now')),
      ),
      seq(
        lit('list|show|give|display|see|tell me'),
        opt(lit('me')),
        lit(
          'offence types|crime types|types of offence|types of offences|offence groups|the types|offence categories|types',
        ),
        opt(
          seq(
            lit('with|and'),
            lit('counts|row counts|numbers|how many of each|rows|how many rows|totals|how many there are|their counts'),
          ),
        ),
        opt(lit('in the data|in the sheet|please')),
      ),
      seq(
        lit('offence types|crime types'),
        lit('with|and'),
        lit('counts|row counts|numbers|how many of each|rows|totals|their counts'),
      ),
      seq(
        lit('how many'),
        opt(lit('of each|rows of each|offences of each|of each type of')),
        lit('offence type|type|type of offence|crime type'),
      ),
      seq(lit('how many'), lit('of each'), opt(lit('type|offence type|kind'))),
      seq(lit('breakdown|break down'), lit('by|of'), lit('offence type|type|crime type')),
      // "offence types?" alone asks what the sheet holds: the list answers it, and says what is counted.
      seq(
        utteranceStart,
        lit('offence types|crime types|types of offence|offence categories|crime categories'),
        opt(lit('in the sheet|in the data|in the offences sheet|in the workbook|in there|there are|we have')),
        lit('?'),
      ),
    ),
    command({ kind: 'listOffenceTypes' }),
  ),
};
