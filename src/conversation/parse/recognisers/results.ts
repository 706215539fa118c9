/** Questions about the latest results: the top schools, and which of them are not on the current list. */
import { withoutPoliteness } from '../politeness';
import { understood, type Recogniser } from '../types';

/** The n of "the top n", when said. */
function topCount(text: string): number | undefined {
  const match = /\btop (\d+)\b/.exec(text) ?? /\b(\d+) (?:most exposed|highest|top|best|worst)\b/.exec(text);
  return match ? Number(match[1]) : undefined;
}

const LIST_WORDS = /\b(?:list|lists|vru|programme|program|prevention|scheme|work with|working with)\b/;

const NOT_ON_LIST = [
  /\bnew candidates?\b/,
  /\bcandidates? (?:for|to add to) (?:the |our |my )?list\b/,
  /\b(?:not|arent|isnt|are not|is not|werent|wasnt|nt) (?:yet |already |currently |even )?(?:on|in|included in|part of|covered by|listed|among)\b/,
  /\b(?:missing|absent|left off|left out|excluded|omitted) (?:from|of|on)\b/,
  /\boff (?:the |our |my )?list\b/,
  /\bnot (?:yet )?(?:working with|worked with|engaged|covered|reached|listed)\b/,
  /\bgaps? in (?:the |our |my )?list\b/,
];

export const newCandidatesRecogniser: Recogniser = {
  name: 'new candidates',
  keywords: ['candidates', 'candidate', 'missing', 'list', 'listed', 'absent', 'excluded', 'prevention', 'programme', 'covered', 'working'],
  example: { label: 'Which of the top 20 are not on the current list?', utterance: 'which of the top 20 are not on the current list?' },
  recognise: (u) => {
    const text = u.text;
    const candidates = /\bnew candidates?\b/.test(text) || /\b(?:should|could|must|do) (?:we|i) (?:add|include|contact|approach|work with|target)\b/.test(text);
    const notOnList = NOT_ON_LIST.some((pattern) => pattern.test(text)) && (LIST_WORDS.test(text) || /\btop\b/.test(text));
    if (!candidates && !notOnList) return undefined;
    const n = topCount(text);
    return understood(n === undefined ? { kind: 'newCandidates' } : { kind: 'newCandidates', n });
  },
};

const SHOW_TOP = [
  /\b(?:show|list|display|see|give|tell|print|read out|view|what|who|which)\b(?:(?!\babout\b).)*\btop\b/,
  /^top(?: \d+)? (?:schools|ranked|list)$/,
  /\b(?:which|what) schools? (?:are|is|have|has|come|came|rank|ranks|ranked|were)?(?: the)? (?:most exposed|highest|worst affected|most affected|highest ranked|top ranked|first)\b/,
  /\b(?:highest|most exposed|highest ranked|top ranked) schools?\b/,
  /\b(?:show|give|see|view|display)(?: me)?(?: the)? (?:results|ranking|rankings|league table)\b/,
  /\bhow did (?:the )?schools (?:rank|come out)\b/,
];

export const showTopRecogniser: Recogniser = {
  name: 'show the top schools',
  keywords: ['show', 'list', 'display', 'top', 'ranking', 'results', 'highest', 'exposed'],
  example: { label: 'Show the top 10', utterance: 'show the top 10' },
  recognise: (u) => {
    const text = withoutPoliteness(u.text);
    if (/^(?:who|which school|what school)(?: is|s)? (?:ranked |number )?(?:1st|1|top|first)$/.test(text)) return understood({ kind: 'showTop', n: 1 });
    if (!SHOW_TOP.some((pattern) => pattern.test(text))) return undefined;
    const n = topCount(text);
    return understood(n === undefined ? { kind: 'showTop' } : { kind: 'showTop', n });
  },
};
