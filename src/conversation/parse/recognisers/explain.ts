/** "why is Park Hall ranked 3rd?", "tell me about Alpha ward": one school's or one ward's figures. */
import type { Command } from '../../commands';
import { execSourced, type Utterance } from '../utterance';
import { understood, type Recogniser } from '../types';

/** Words that end a school's name in "why is X ranked ...": strong ones first, as school names rarely hold them. */
const STRONG_END = '(?:ranked|rank|ranking|placed|rated|scored|scoring|flagged|marked|listed|showing|number|no|so|such|come|comes|coming|\\d+(?:st|nd|rd|th))';
const WEAK_END = '(?:top|high|low|higher|lower|at|in|on|near|above|below|up|there|exposed|place|score)';

const WHY = [STRONG_END, WEAK_END].map((end) => new RegExp(`^(?:but |so |and )?(?:why|how come)(?: is| was| does| has| did| are|s)? (?:the )?(?<name>.+?)(?: is| was| are| has been)? ${end}\\b`));
const ASK_ABOUT = /^(?:please |ok |so |and )?(?:explain|tell me (?:more )?about|what about|how about|details (?:of|for|on|about)|more (?:about|on)|break ?down(?: of| for)?|show me(?: the)? (?:details|figures|numbers|breakdown) (?:for|of|on)|(?:give me )?(?:the )?(?:figures|numbers|details|breakdown|story) (?:for|of|on|behind)|look (?:at|into)|zoom in on|drill (?:into|down into)|what do we know about|what is going on (?:at|in)|whats going on (?:at|in)|how is|how are|how does)\s+(?:the )?(?<name>.+?)(?: doing| looking| do| look| score| rank| ranked)?$/;
const HOW_WORKED_OUT = /^how (?:was|is|were|did) (?:the )?(?<name>.+?) (?:rank|ranking|score|scored|exposure|exposure index|figure|figures|index|rate)\b/;

function claimedRank(text: string): number | undefined {
  const match = /\b(\d+)(?:st|nd|rd|th)\b/.exec(text) ?? /\b(?:number|no|rank|ranked|position) (\d+)\b/.exec(text);
  return match ? Number(match[1]) : undefined;
}

/** A school, a ward, or not yet known, judged from the words around the name (`typed`: the name as typed). */
function explainCommand(u: Utterance, capturedName: string, typed: string): Command | undefined {
  const words = capturedName.split(' ').filter((word) => !['please', 'then', 'now'].includes(word));
  if (words.length === 0 || words.every((word) => /^\d+$/.test(word))) return undefined;
  const rank = claimedRank(u.text);
  const cleaned = (u.quoted[0] ?? typed).replace(/[?!.]+$/, '').replace(/\s+(?:please|then|now)$/i, '').replace(/['’]s$/, '').trim();
  if (words.includes('ward') || words.includes('wards') || words.some((word) => /^e05\d{6}$/.test(word))) {
    const name = (u.quoted[0] ?? cleaned.replace(/\bwards?\b/gi, ' ')).replace(/^\s*the\s+/i, '').replace(/\s+/g, ' ').trim();
    return name === '' ? undefined : { kind: 'explainWard', ward: name };
  }
  if (rank !== undefined || words.some((word) => ['school', 'academy', 'college', 'high', 'primary', 'secondary', 'grammar'].includes(word))) {
    return { kind: 'explainSchool', school: cleaned, ...(rank !== undefined ? { claimedRank: rank } : {}) };
  }
  return { kind: 'explain', name: cleaned };
}

function recogniseWith(patterns: readonly RegExp[]): Recogniser['recognise'] {
  return (u) => {
    for (const pattern of patterns) {
      const match = execSourced(pattern, u);
      const name = match?.groups.name;
      if (!match || !name) continue;
      const command = explainCommand(u, name, match.typed('name'));
      if (command) return understood(command);
    }
    return undefined;
  };
}

/** "why is X ranked 3rd?", "how was X's score worked out?": tried early, as the form is unmistakable. */
export const explainRecogniser: Recogniser = {
  name: 'explain a school or ward',
  keywords: ['why', 'explain', 'ranked', 'ward', 'school', 'academy', 'flagged', 'scored'],
  example: { label: 'Why is a school ranked where it is? e.g. why is Park Hall ranked 3rd?', utterance: 'why is Park Hall ranked 3rd?' },
  recognise: recogniseWith([...WHY, HOW_WORKED_OUT]),
};

/** "tell me about X", "what about X?": tried after the settings, as "what about the distance model?" is a setting. */
export const askAboutRecogniser: Recogniser = {
  name: 'ask about a school or ward',
  keywords: ['explain', 'details', 'figures', 'breakdown', 'about', 'tell'],
  example: { label: 'Tell me about a ward, e.g. tell me about Alpha ward', utterance: 'tell me about Alpha ward' },
  recognise: recogniseWith([ASK_ABOUT]),
};
