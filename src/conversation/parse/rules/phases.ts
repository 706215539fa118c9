/** The phases ranked: "rank secondary schools", "include PRUs", "drop all-through schools", "all phases", "secondaries only". */
import type { SchoolPhase } from '../../../core/types';
import type { ListChange } from '../../commands';
import { alt, as, lit, map, opt, seq, span } from '../grammar/combinators';
import { command, question, type Reading, type Rule } from '../grammar/rule';
import { EVERY_PHASE, phaseList, PHASE_WORDS } from './parts';

/** In the order replies use. */
const ordered = (phases: readonly SchoolPhase[]): SchoolPhase[] =>
  EVERY_PHASE.filter((phase) => phases.includes(phase));
const phases = (list: readonly SchoolPhase[], mode: ListChange): Reading =>
  command({ kind: 'setPhases', phases: ordered(list), mode });

const ONLY = lit(
  'rank|ranking|only rank|rank only|just rank|use|include only|only include|only|just|look at|focus on|limit to|restrict to|set phases to|phases|phase|only look at|compare|for|among|of|with|keep|keep only|only keep',
);
const ADD = lit(
  'include|add|also|plus|with|as well as|also include|and include|bring in|rank also|also rank|add in|count|tick|select',
);
const REMOVE = lit(
  'exclude|excluding|remove|drop|without|except|not|no|leave out|ignore|skip|omit|take out|dont rank|do not rank|minus|stop ranking|get rid of|lose|dont include|do not include|untick|uncheck|deselect|unselect|unpick',
);
const TRAILING = opt(lit('only|please|schools only|ones|ones only'));

const ASK_PHASES: Reading = question(
  'Which phases should be ranked? Secondary and all-through are the default.',
  [
    { label: 'Secondary and all-through', utterance: 'rank secondary and all-through schools' },
    { label: 'Secondary only', utterance: 'rank secondary schools' },
    { label: 'Primary only', utterance: 'rank primary schools' },
    { label: 'Every phase', utterance: 'rank all phases' },
  ],
  'setPhases',
);

/** Words about schools that name no phase ('small', 'faith', 'rural'): asked, never guessed. */
const notAPhase = span(3, (stretch, ctx) => {
  for (let i = stretch.from; i < stretch.to; i++)
    if (PHASE_WORDS[ctx.tokens[i].text] !== undefined || ['all', 'every', 'the', 'and'].includes(ctx.tokens[i].text))
      return undefined;
  return 0.5;
});

export const phasesRule: Rule = {
  name: 'phases',
  example: { label: 'Rank secondary schools', utterance: 'rank secondary schools' },
  keywords: ['rank', 'phases', 'secondary', 'primary', 'include', 'exclude'],
  parser: alt<Reading>(
    // "secondary and all-through but not primary": the phases kept.
    map(
      seq(
        opt(ONLY),
        phaseList,
        opt(lit('schools|phases')),
        lit('but not|not|except|excluding|without|but no|rather than|instead of'),
        phaseList,
        TRAILING,
      ),
      ([, keep]) => phases(keep, 'only'),
    ),
    map(seq(opt(lit('rank|include|count|add')), phaseList, lit('too|as well|also|aswell')), ([, list]) =>
      phases(list, 'add'),
    ),
    map(seq(ONLY, phaseList, TRAILING), ([, list]) => phases(list, 'only')),
    map(seq(phaseList, lit('only|schools only|alone|on their own|just')), ([list]) => phases(list, 'only')),
    map(seq(ADD, phaseList, opt(lit('too|as well|also|please'))), ([, list]) => phases(list, 'add')),
    map(seq(REMOVE, phaseList, TRAILING), ([, list]) => phases(list, 'remove')),
    map(seq(lit('leave|take|keep|cut'), phaseList, lit('out|off|away')), ([, list]) => phases(list, 'remove')),
    // A list of phases alone: the phases ranked.
    map(
      phaseList,
      (list) => phases(list, 'only'),
      () => 0.3,
    ),
    // Every phase.
    as(
      seq(
        opt(lit('rank|include|use|with|across|over|count|compare')),
        lit('all|every|any'),
        opt(lit('the|of the')),
        lit(
          'phases|phase|schools|types of school|kinds of school|school phases|school types|types of schools|kinds of schools',
        ),
      ),
      phases(EVERY_PHASE, 'only'),
    ),
    as(seq(lit('rank|include'), lit('everything|every school|all of them|all schools')), phases(EVERY_PHASE, 'only')),
    // Which, not said.
    map(
      seq(
        lit('change|set|pick|choose|different|new|alter|adjust|other|another|edit|update'),
        opt(lit('the')),
        lit('phases|phase|school phases|school types|types of school'),
      ),
      () => ASK_PHASES,
    ),
    map(
      seq(
        lit('exclude|drop|remove|leave out|ignore|skip|only|just|rank|include|add'),
        notAPhase,
        lit('schools|school|ones|academies'),
      ),
      ([, words]) =>
        question(
          `I can rank schools by phase (primary, secondary, all-through, special, alternative provision), but not by '${words.typed}'. Which phases should be ranked?`,
          ASK_PHASES.kind === 'question' ? ASK_PHASES.choices : [],
          'setPhases',
        ),
    ),
  ),
};
