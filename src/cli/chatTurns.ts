/**
 * Pieces of `catchment chat` that need no streams or files: what a reply says once the host's
 * fallbacks are applied, the JSON object printed per turn, quick replies picked by number, and the
 * slash commands.
 */
import type { Choice, Command, Reply } from '../conversation';
import type { AnalysisParameters } from '../core/types';
import { isoDay } from '../core/isoDay';

/**
 * A reply as the chat reads it. Newer sessions also say every command applied this turn, the words
 * that were not used and whether the analysis ran; older ones only `command` and `effects`, so each
 * of these is read with a fallback (see `turnFacts`).
 */
export type HostReply = Reply & {
  readonly commands?: readonly Command[];
  readonly unused?: readonly string[];
  readonly ran?: boolean;
};

/** What a turn did, from whichever fields the session gives. */
export interface TurnFacts {
  readonly commands: readonly Command[];
  readonly unused: readonly string[];
  readonly ran: boolean;
}

export function turnFacts(reply: HostReply): TurnFacts {
  return {
    commands: reply.commands ?? (reply.command ? [reply.command] : []),
    unused: reply.unused ?? [],
    ran: reply.ran ?? reply.effects.some((effect) => effect.kind === 'writeReport'),
  };
}

/**
 * The current parameters as plain JSON: dates as ISO days, and `dateFrom` / `dateTo` null when
 * there is no limit (so every object has the same keys).
 */
export function settingsJson(parameters: AnalysisParameters): Record<string, unknown> {
  const entries = Object.entries(parameters).map(([key, value]): [string, unknown] => [
    key,
    value instanceof Date ? isoDay(value) : value,
  ]);
  return { dateFrom: null, dateTo: null, ...Object.fromEntries(entries) };
}

/** The object printed on one line of stdout for each turn in --json mode. */
export interface TurnJson {
  readonly reply: string;
  readonly question: boolean;
  readonly choices: readonly Choice[];
  readonly commands: readonly Command[];
  readonly settings: Record<string, unknown>;
  readonly ran: boolean;
  readonly unused: readonly string[];
  /** Only on the host's own turns (`/reset`, `/help`, an unknown slash command): which it was. */
  readonly slash?: string;
}

export function turnJson(reply: HostReply, parameters: AnalysisParameters): TurnJson {
  const facts = turnFacts(reply);
  return {
    reply: reply.text,
    question: reply.question,
    choices: reply.choices.map((choice) => ({ label: choice.label, utterance: choice.utterance })),
    commands: facts.commands,
    settings: settingsJson(parameters),
    ran: facts.ran,
    unused: facts.unused,
  };
}

/** Quick replies as the interactive chat lists them: `1) Run the analysis`. */
export function numberedChoices(choices: readonly Choice[]): string[] {
  return choices.map((choice, index) => `${index + 1}) ${choice.label}`);
}

/**
 * The choice a typed line picks, if any: a bare number from 1 to the number of choices listed
 * last. A number that is itself one of the choices' labels (a sheet called '2021') is left as
 * typed, for the session to match as an answer.
 */
export function pickedChoice(line: string, choices: readonly Choice[]): Choice | undefined {
  if (!/^\d{1,3}$/.test(line)) return undefined;
  if (choices.some((choice) => choice.label.trim() === line)) return undefined;
  const index = Number(line) - 1;
  return index >= 0 && index < choices.length ? choices[index] : undefined;
}

/** The host's own commands, handled by the chat rather than said to the session. */
export type SlashCommand = 'help' | 'reset' | 'quit';

/** A line's slash command; 'unknown' for a line that starts with / but names none; undefined for a turn. */
export function slashCommand(line: string): SlashCommand | 'unknown' | undefined {
  if (!line.startsWith('/')) return undefined;
  switch (line.slice(1).trim().toLowerCase()) {
    case 'help':
    case '?':
      return 'help';
    case 'reset':
    case 'restart':
      return 'reset';
    case 'quit':
    case 'exit':
    case 'q':
      return 'quit';
    default:
      return 'unknown';
  }
}

export const SLASH_HELP = [
  'Slash commands:',
  '  /help   this list',
  '  /reset  start a fresh session on the same inputs: the settings go back to where they started (the',
  "          command line's flags) and the conversation so far is forgotten; runs already written stay",
  '          in the output workbook',
  '  /quit   end the chat (so does end of input, Ctrl-D)',
  "Anything else is said to the session ('help' lists what it understands). A number picks one of the",
  'choices listed last; a line starting with { is a command as JSON, as on an Audit sheet; lines',
  'starting with # are skipped.',
].join('\n');
