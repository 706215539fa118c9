import fs from 'fs';
import path from 'path';
import {
  DEFAULT_PARAMETERS,
  type AnalysisParameters,
  type RankingMetric,
  type SchoolPhase,
  type SheetRole,
} from '../core/types';
import { isoDay } from '../core/isoDay';
import { fileSheetName, roleFileSpec, type RoleFileSpec } from '../workbook/csv';

export class UsageError extends Error {}

export interface AnalyseOptions {
  /** The analyst's workbook; absent when every required sheet comes from a file of its own (see roleFiles). */
  readonly input?: string;
  readonly output: string;
  readonly boundaries?: string;
  /** The disclosure ledger file (--ledger FILE); default beside the output (see defaultLedgerPath). */
  readonly ledger?: string;
  readonly force: boolean;
  readonly quiet: boolean;
  readonly parameters: AnalysisParameters;
  readonly columnOverrides: Record<string, string>;
  readonly roleOverrides: Partial<Record<SheetRole, string>>;
  /** A dialogue script to hold headlessly (--script FILE); the flags' choices are where it starts. */
  readonly script?: string;
  /**
   * Roles read from files of their own (`--offences extract.csv`, `--schools other.xlsx#GIAS`);
   * `roleOverrides` names each one's sheet (see fileSheetName), so the engine takes it for the role.
   */
  readonly roleFiles?: Partial<Record<SheetRole, RoleFileSpec>>;
}

/** Flags that take a role's sheet from a file: a CSV, or `FILE.xlsx#Sheet name`. */
export const ROLE_FILE_FLAGS: Readonly<Record<string, SheetRole>> = {
  '--offences': 'offences',
  '--schools': 'schools',
  '--wards': 'wards',
  '--residence': 'pupilResidence',
  '--list': 'currentList',
  '--postcodes': 'postcodes',
  '--vertices': 'wardVertices',
};

/** The roles a run cannot do without: with all three from files, no input workbook is needed. */
const REQUIRED_ROLES: readonly SheetRole[] = ['offences', 'schools', 'wards'];

function flagOfRole(role: SheetRole): string {
  return Object.keys(ROLE_FILE_FLAGS).find((flag) => ROLE_FILE_FLAGS[flag] === role) ?? role;
}

const PHASES: Record<string, SchoolPhase> = {
  primary: 'primary',
  secondary: 'secondary',
  'all-through': 'allThrough',
  allthrough: 'allThrough',
  special: 'special',
  'alternative-provision': 'alternativeProvision',
  ap: 'alternativeProvision',
  pru: 'alternativeProvision',
};

const ROLES: readonly SheetRole[] = [
  'offences',
  'schools',
  'wards',
  'pupilResidence',
  'currentList',
  'postcodes',
  'wardVertices',
];

function integer(flag: string, text: string, min: number, max: number): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < min || value > max)
    throw new UsageError(`${flag} expects a whole number from ${min} to ${max}, got '${text}'.`);
  return value;
}

function isoDate(flag: string, text: string): Date {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const date = match ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))) : undefined;
  if (!date || isoDay(date) !== text) throw new UsageError(`${flag} expects a date as yyyy-mm-dd, got '${text}'.`);
  return date;
}

/** `role.field=Header text` or `role=Sheet name`, splitting at the first '='. */
function keyValue(flag: string, text: string): [string, string] {
  const at = text.indexOf('=');
  if (at <= 0 || at === text.length - 1) throw new UsageError(`${flag} expects KEY="VALUE", got '${text}'.`);
  return [
    text.slice(0, at).trim(),
    text
      .slice(at + 1)
      .trim()
      .replace(/^"(.*)"$/, '$1'),
  ];
}

/** `catchment chat`'s options: analyse's, with OUTPUT optional (defaulted beside the input) and --json. */
export interface ChatOptions extends Omit<AnalyseOptions, 'script' | 'input'> {
  readonly input: string;
  /** One utterance per stdin line in, one JSON object per turn out. */
  readonly json: boolean;
}

/** Parses `analyse INPUT --out OUTPUT [options]` (the words after `analyse`). */
export function parseAnalyseArguments(args: readonly string[]): AnalyseOptions {
  const { input, output, json: _json, ...rest } = parseRunArguments(args, 'analyse');
  if (!input) {
    const missing = REQUIRED_ROLES.filter((role) => rest.roleFiles?.[role] === undefined);
    if (missing.length === REQUIRED_ROLES.length)
      throw new UsageError('Name the input workbook: catchment analyse INPUT.xlsx --out OUTPUT.xlsx');
    if (missing.length > 0) {
      throw new UsageError(
        `Name the input workbook, or give every required sheet as a file: ${missing.map(flagOfRole).join(', ')} ${missing.length === 1 ? 'is' : 'are'} missing (catchment analyse --offences F --schools F --wards F --boundaries WARDS.geojson --out OUTPUT.xlsx).`,
      );
    }
    if (rest.boundaries === undefined && rest.roleFiles?.wardVertices === undefined) {
      throw new UsageError(
        'Without an input workbook, give the ward boundaries: --boundaries WARDS.geojson (or --vertices FILE.csv, a sheet of ward vertices).',
      );
    }
  }
  if (!output) throw new UsageError('Name the output workbook with --out OUTPUT.xlsx');
  return { ...(input !== undefined ? { input } : {}), output, ...rest };
}

/**
 * Parses `chat INPUT [--out OUTPUT] [--json] [options]` (the words after `chat`): analyse's
 * options less --script; OUTPUT defaults to INPUT-chat.xlsx beside the input.
 */
export function parseChatArguments(args: readonly string[]): ChatOptions {
  const { input, output, json, script: _script, ...rest } = parseRunArguments(args, 'chat');
  if (!input) throw new UsageError('Name the input workbook: catchment chat INPUT.xlsx [--out OUTPUT.xlsx] [--json]');
  return { input, output: output ?? defaultChatOutput(input), json, ...rest };
}

/** Where a chat's runs go unless --out says: beside the input, `INPUT-chat.xlsx` (never the input itself). */
export function defaultChatOutput(input: string): string {
  return path.join(path.dirname(input), `${path.basename(input, path.extname(input))}-chat.xlsx`);
}

type ParsedRun = Omit<AnalyseOptions, 'input' | 'output'> & {
  readonly input?: string;
  readonly output?: string;
  readonly json: boolean;
};

function parseRunArguments(args: readonly string[], command: 'analyse' | 'chat'): ParsedRun {
  let json = false;
  let input: string | undefined;
  let output: string | undefined;
  let boundaries: string | undefined;
  let ledger: string | undefined;
  let force = false;
  let quiet = false;
  let script: string | undefined;
  const parameters: { -readonly [K in keyof AnalysisParameters]: AnalysisParameters[K] } = { ...DEFAULT_PARAMETERS };
  const columnOverrides: Record<string, string> = {};
  const roleOverrides: Partial<Record<SheetRole, string>> = {};
  const roleFiles: Partial<Record<SheetRole, RoleFileSpec>> = {};
  /** How perturbation was asked for ('--perturb' or '--disclosure perturbation'), to name it if --rounding is given too. */
  let perturbedBy: string | undefined;
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i];
    const [flag, inline] =
      arg.startsWith('--') && arg.includes('=') && !arg.startsWith('--map') && !arg.startsWith('--sheet')
        ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)]
        : [arg, undefined];
    const value = (): string => {
      if (inline !== undefined) return inline;
      const next = args[i + 1];
      if (next === undefined || next.startsWith('--')) throw new UsageError(`${flag} needs a value.`);
      i += 1;
      return next;
    };
    switch (flag) {
      case '--out':
      case '-o':
        output = value();
        break;
      case '--script':
        if (command === 'chat')
          throw new UsageError(
            "chat has no --script: a script is held by 'catchment analyse INPUT --out OUTPUT --script FILE', or pipe its lines into 'catchment chat INPUT --json'.",
          );
        script = value();
        break;
      case '--json':
        if (command !== 'chat') throw new UsageError(`Unknown option ${arg}. Run 'catchment help' for the options.`);
        json = true;
        break;
      case '--boundaries':
        boundaries = value();
        break;
      case '--ledger':
        ledger = value();
        break;
      case '--force':
        force = true;
        break;
      case '--quiet':
        quiet = true;
        break;
      case '--age': {
        const text = value();
        const match = /^(\d{1,2})\s*[-–to]+\s*(\d{1,2})$/.exec(text);
        if (!match || Number(match[1]) > Number(match[2]))
          throw new UsageError(`--age expects a band like 10-17, got '${text}'.`);
        parameters.ageBand = [Number(match[1]), Number(match[2])];
        break;
      }
      case '--phase': {
        parameters.phases = value()
          .split(',')
          .map((name) => {
            const phase = PHASES[name.trim().toLowerCase()];
            if (!phase)
              throw new UsageError(`--phase: '${name}' is not a phase; use ${Object.keys(PHASES).join(', ')}.`);
            return phase;
          });
        break;
      }
      case '--threshold':
        parameters.threshold = integer('--threshold', value(), 1, 1000);
        break;
      case '--top':
        parameters.topN = integer('--top', value(), 1, 10000);
        break;
      case '--seed':
        parameters.seed = integer('--seed', value(), 0, 2 ** 31 - 1);
        break;
      case '--simulations':
        parameters.simulations = integer('--simulations', value(), 10, 100000);
        break;
      case '--hide-zeros':
        parameters.showZeros = false;
        break;
      case '--rounding':
        parameters.roundingBase = integer('--rounding', value(), 2, 1000);
        break;
      case '--protection':
        parameters.protectionInterval = integer('--protection', value(), 0, 1000);
        break;
      case '--disclosure': {
        const method = value();
        if (method !== 'suppression' && method !== 'perturbation')
          throw new UsageError(
            `--disclosure expects suppression (withhold small counts as [c]) or perturbation (the ONS cell key method), got '${method}'.`,
          );
        perturbedBy = method === 'perturbation' ? '--disclosure perturbation' : undefined;
        break;
      }
      case '--perturb':
        perturbedBy = '--perturb';
        break;
      case '--types':
        parameters.offenceTypes = value()
          .split(';')
          .map((t) => t.trim())
          .filter(Boolean);
        break;
      case '--from':
        parameters.dateFrom = isoDate('--from', value());
        break;
      case '--to':
        parameters.dateTo = isoDate('--to', value());
        break;
      case '--catchment': {
        const model = value();
        if (model !== 'auto' && model !== 'observed' && model !== 'distanceDecay')
          throw new UsageError(`--catchment expects auto, observed or distanceDecay, got '${model}'.`);
        parameters.catchmentModel = model;
        break;
      }
      case '--metric': {
        const metric = value();
        const metrics: Record<string, RankingMetric> = {
          offences: 'offences',
          'young-offenders': 'youngOffenders',
          youngOffenders: 'youngOffenders',
        };
        if (!metrics[metric]) throw new UsageError(`--metric expects offences or young-offenders, got '${metric}'.`);
        parameters.rankingMetric = metrics[metric];
        break;
      }
      case '--flags': {
        const method = value();
        if (method !== 'overdispersed' && method !== 'poisson')
          throw new UsageError(`--flags expects overdispersed or poisson, got '${method}'.`);
        parameters.flagMethod = method;
        break;
      }
      case '--show-attending':
        parameters.showAttending = true;
        break;
      case '--smoothing': {
        const smoothing = value();
        if (smoothing !== 'eb' && smoothing !== 'none')
          throw new UsageError(`--smoothing expects eb (empirical Bayes) or none, got '${smoothing}'.`);
        parameters.smoothing = smoothing === 'eb' ? 'empiricalBayes' : 'none';
        break;
      }
      case '--map': {
        const [key, header] = keyValue('--map', value());
        if (!/^[A-Za-z]+\.[A-Za-z]+$/.test(key))
          throw new UsageError(`--map expects role.field="Header", got '${key}'.`);
        columnOverrides[key] = header;
        break;
      }
      case '--sheet': {
        const [role, sheet] = keyValue('--sheet', value());
        if (!ROLES.includes(role as SheetRole))
          throw new UsageError(`--sheet: '${role}' is not a role; use ${ROLES.join(', ')}.`);
        roleOverrides[role as SheetRole] = sheet;
        break;
      }
      default:
        if (ROLE_FILE_FLAGS[flag] !== undefined) {
          const role = ROLE_FILE_FLAGS[flag];
          if (roleFiles[role]) throw new UsageError(`${flag} is given twice; name one file for the ${role} sheet.`);
          roleFiles[role] = roleFileSpec(value(), (file) => fs.existsSync(file));
          break;
        }
        if (arg.startsWith('-')) throw new UsageError(`Unknown option ${arg}. Run 'catchment help' for the options.`);
        if (input !== undefined) throw new UsageError(`Only one input workbook, got '${input}' and '${arg}'.`);
        input = arg;
    }
  }
  // Absent means suppression, so suppression leaves the parameters exactly as they were.
  if (perturbedBy !== undefined) {
    if (parameters.roundingBase !== null)
      throw new UsageError(
        `${perturbedBy} and --rounding ${parameters.roundingBase} are alternatives: perturbation already blurs every published count (and never shows one from 1 to threshold-1), so counts are not rounded as well. Choose one: drop --rounding, or drop ${perturbedBy}.`,
      );
    parameters.disclosureMethod = 'perturbation';
  }
  const fileSheets = new Map<string, SheetRole>();
  for (const role of Object.keys(roleFiles) as SheetRole[]) {
    const name = fileSheetName(roleFiles[role] as RoleFileSpec);
    const other = fileSheets.get(name);
    if (other !== undefined)
      throw new UsageError(
        `${flagOfRole(other)} and ${flagOfRole(role)} both name a file '${name}': give each role a file of its own name.`,
      );
    fileSheets.set(name, role);
    if (roleOverrides[role] !== undefined)
      throw new UsageError(`${flagOfRole(role)} and --sheet ${role}= both name the ${role} sheet; give one of them.`);
    roleOverrides[role] = name;
  }
  const files = Object.keys(roleFiles).length > 0 ? { roleFiles } : {};
  return {
    input,
    output,
    json,
    boundaries,
    force,
    quiet,
    parameters,
    columnOverrides,
    roleOverrides,
    ...(script !== undefined ? { script } : {}),
    ...(ledger !== undefined ? { ledger } : {}),
    ...files,
  };
}
