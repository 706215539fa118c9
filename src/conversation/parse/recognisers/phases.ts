/** "rank secondary schools", "include all-through", "exclude special schools": the phases ranked. */
import type { SchoolPhase } from '../../../core/types';
import { ALL_PHASES, alternation, PHASE_PHRASES, phraseWords } from '../phrases';
import { understood, type Recogniser } from '../types';

const PHASE = new RegExp(`\\b(?:${alternation(Object.keys(PHASE_PHRASES))})\\b`, 'g');
const ADD = /\b(?:include|including|add|adding|also|plus|as well|too|with)\b/;
const REMOVE = /\b(?:exclude|excluding|remove|drop|without|except|not|no|leave out|ignore|skip|omit|take out|dont|minus)\b/;
const EVERY_PHASE = /\b(?:all|every|any)(?: the)? (?:phases|schools|types of school|kinds of school)\b|\bevery phase\b|\bwhatever phase\b/;

/** The phases named in a stretch of text, in the order said, each once. */
function phasesIn(text: string): SchoolPhase[] {
  const phases: SchoolPhase[] = [];
  for (const match of text.matchAll(PHASE)) {
    const phase = PHASE_PHRASES[match[0]];
    if (!phases.includes(phase)) phases.push(phase);
  }
  return phases;
}

/** In the order replies use. */
const ordered = (phases: readonly SchoolPhase[]): SchoolPhase[] => ALL_PHASES.filter((phase) => phases.includes(phase));

export const phasesRecogniser: Recogniser = {
  name: 'phases',
  keywords: ['phases', 'phase', 'include', 'exclude', 'schools', ...phraseWords(PHASE_PHRASES)],
  example: { label: 'Rank secondary schools', utterance: 'rank secondary schools' },
  recognise: (u) => {
    const text = u.text;
    if (/\b(?:primary|secondary) suppression\b/.test(text)) return undefined;
    const phases = phasesIn(text);
    if (phases.length === 0) {
      return EVERY_PHASE.test(text) && /\b(?:rank|ranking|include|use|all|every|phases?)\b/.test(text) ? understood({ kind: 'setPhases', phases: [...ALL_PHASES], mode: 'only' }) : undefined;
    }
    // "secondary and all-through but not primary": the phases before the first word of removal are kept.
    const removal = REMOVE.exec(text.replace(/\ball through\b/g, 'allthrough'));
    if (removal) {
      const at = removal.index;
      const keep = phasesIn(text.replace(/\ball through\b/g, 'allthrough').slice(0, at));
      const drop = phasesIn(text.replace(/\ball through\b/g, 'allthrough').slice(at));
      if (keep.length > 0) return understood({ kind: 'setPhases', phases: ordered(keep), mode: 'only' });
      return understood({ kind: 'setPhases', phases: ordered(drop.length > 0 ? drop : phases), mode: 'remove' });
    }
    return understood({ kind: 'setPhases', phases: ordered(phases), mode: ADD.test(text) ? 'add' : 'only' });
  },
};
