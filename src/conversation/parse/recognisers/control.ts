/** Requests about the conversation itself: undo, reset, help, describe the workbook, the current choices, run. */
import { withoutPoliteness } from '../politeness';
import { understood, type Recogniser } from '../types';

export const undoRecogniser: Recogniser = {
  name: 'undo',
  keywords: ['undo', 'revert', 'back', 'cancel', 'scrap', 'change'],
  example: { label: 'Undo', utterance: 'undo' },
  recognise: (u) => {
    const core = withoutPoliteness(u.text);
    if (/\b(?:undo|revert)\b/.test(core)) return understood({ kind: 'undo' });
    if (/^(?:go back|back|step back|take (?:that|it) back|cancel (?:that|the last change|my last change)|scrap that|oops)$/.test(core)) return understood({ kind: 'undo' });
    return undefined;
  },
};

export const resetRecogniser: Recogniser = {
  name: 'reset',
  keywords: ['reset', 'start', 'again', 'over', 'scratch', 'defaults', 'default', 'restore', 'clear', 'settings', 'choices'],
  example: { label: 'Start again from the defaults', utterance: 'reset' },
  recognise: (u) => {
    const core = withoutPoliteness(u.text);
    // "reset the offence types", "back to the default types": the types alone (see offenceTypes).
    if (/\btypes?\b/.test(core)) return undefined;
    if (/^reset\b|\breset (?:everything|all|the settings|settings|the choices|to (?:the )?defaults?)\b/.test(core)) return understood({ kind: 'reset' });
    if (/\b(?:start (?:again|over|afresh)|from scratch|(?:back to|restore)(?: the)? defaults?|default settings|clear (?:all |the |my )?(?:settings|choices))\b/.test(core)) return understood({ kind: 'reset' });
    return undefined;
  },
};

export const helpRecogniser: Recogniser = {
  name: 'help',
  keywords: ['help', 'commands', 'examples', 'instructions', 'menu', 'options'],
  example: { label: 'Help', utterance: 'help' },
  recognise: (u) => {
    const core = withoutPoliteness(u.text);
    if (/\bhelp\b/.test(core)) return understood({ kind: 'help' });
    if (/^(?:h|what can (?:i|you) (?:do|say|ask)|how does (?:this|it) work|what (?:should|can|do) i (?:say|type|ask|do)(?: now| next| here)?|commands|examples|instructions|menu|options|what now|what next|now what|what else|how do i (?:use|start)(?: this| it)?|where do i start)$/.test(core)) {
      return understood({ kind: 'help' });
    }
    return undefined;
  },
};

export const describeRecogniser: Recogniser = {
  name: 'describe',
  keywords: ['workbook', 'describe', 'sheets', 'spreadsheet', 'file', 'data', 'tabs', 'contents', 'inspect', 'check', 'scan'],
  example: { label: "What's in this workbook?", utterance: "what's in this workbook?" },
  recognise: (u) => {
    const core = withoutPoliteness(u.text);
    const patterns = [
      /\b(?:whats|what is|what s|whats been put|what) in (?:this|the|my|our) (?:workbook|file|spreadsheet|book|excel)\b/,
      /^describe\b(?: (?:the|this|my|our))? ?(?:workbook|file|data|sheets?|spreadsheet|inputs?)?$/,
      /\b(?:which|what) (?:sheets|tabs)\b/,
      /\b(?:list|show|name)(?: me)?(?: the| all| all the| my| our)? (?:sheets|tabs|inputs|input sheets)\b/,
      /^what data\b/,
      /\blook (?:at|through) (?:the |this |my |our )?(?:workbook|data|sheets|file|spreadsheet)\b/,
      /\bwhat (?:have i got|do i have|do we have|have we got|is here|is there|data is there)\b/,
      /\b(?:check|scan|read|inspect|examine|review)(?: the| this| my| our)? (?:workbook|data|sheets|file|spreadsheet|inputs)\b/,
      /\b(?:workbook|spreadsheet) contents?\b/,
    ];
    return patterns.some((pattern) => pattern.test(core)) ? understood({ kind: 'describe' }) : undefined;
  },
};

export const statusRecogniser: Recogniser = {
  name: 'status',
  keywords: ['settings', 'parameters', 'choices', 'status', 'current', 'using'],
  example: { label: 'Show the current settings', utterance: 'show the settings' },
  recognise: (u) => {
    const core = withoutPoliteness(u.text);
    if (/^(?:status|settings|parameters|choices|current settings|my settings|my choices)$/.test(core)) return understood({ kind: 'status' });
    if (/\b(?:show|list|what are|whats|tell me|remind me of|see)(?: me)?(?: the| my| our)?(?: current)? (?:settings|parameters|choices|options so far|set ?up)\b/.test(core)) return understood({ kind: 'status' });
    if (/\bwhat (?:are we|am i|are you|is it) using\b|\bhow is (?:it|this|everything) set\b|\bcurrent (?:settings|parameters|choices)\b/.test(core)) return understood({ kind: 'status' });
    return undefined;
  },
};

/** "go", "run the analysis", "do it again": the whole request is to run. */
const RUN_ALONE = new RegExp(
  '^(?:go|go ahead|go on|run|run it|rerun|re run|run again|run it again|do it|do it again|start|begin|analyse|analyze|analyse it|analyze it|' +
    'calculate|compute|proceed|execute|go for it|make it so|' +
    '(?:run|do|start|redo|rerun|re run|perform|carry out|update|refresh|repeat|kick off)(?: the| an| my| our| that)? ' +
    '(?:analysis|analyses|model|numbers|report|ranking|rankings|calculation|calculations|sheets|whole thing|thing)(?: again| now)?|' +
    '(?:make|produce|write|build|create|generate)(?: the| a| my| our)? (?:report|sheets|output|outputs|results|ranking)|' +
    '(?:analyse|analyze) (?:the |this |my |our )?(?:workbook|data|file)|crunch the numbers)$',
);

export const runRecogniser: Recogniser = {
  name: 'run',
  keywords: ['run', 'rerun', 'analyse', 'analyze', 'analysis', 'calculate', 'compute', 'proceed', 'execute', 'report', 'start', 'begin'],
  example: { label: 'Run the analysis', utterance: 'run the analysis' },
  recognise: (u) => (RUN_ALONE.test(withoutPoliteness(u.text)) ? understood({ kind: 'run' }) : undefined),
};

/** A request that mentions running among other words ("right, run it with these settings"): tried last. */
export const looseRunRecogniser: Recogniser = {
  name: 'run (loosely)',
  keywords: [],
  example: runRecogniser.example,
  recognise: (u) => (/\b(?:run|rerun|analyse|analyze)\b/.test(u.text) ? understood({ kind: 'run' }) : undefined),
};
