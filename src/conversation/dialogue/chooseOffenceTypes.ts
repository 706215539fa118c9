/** "count only robbery and wounding": loosely typed offence types matched to the values in the offences sheet. */
import type { Command } from '../commands';
import { plainName } from '../match';
import { diceCoefficient } from '../../core/ranking/diceCoefficient';
import { allowedSlips, editDistance } from '../parse/editDistance';
import { listing, plural, quoted } from './format';
import type { DialogueState, Outcome, TurnEnvironment } from './state';
import { detectWithSettings, distinctValues } from './workbookFacts';

type SetOffenceTypes = Extract<Command, { kind: 'setOffenceTypes' }>;

interface TypeCount {
  readonly value: string;
  readonly rows: number;
}

function wordFits(typed: string, word: string): boolean {
  return typed === word || (typed.length >= 3 && word.startsWith(typed)) || editDistance(typed, word) <= allowedSlips(word);
}

/**
 * The sheet's types a typed term stands for: the one with the same name; else every type whose
 * words include all the term's words ('robbery' -> 'Robbery of personal property' and 'Robbery of
 * business property': a family, taken whole); else the one clearly most similar; else none.
 */
export function typesForTerm(term: string, types: readonly TypeCount[]): TypeCount[] {
  const typed = plainName(term);
  const same = types.filter((type) => plainName(type.value) === typed);
  if (same.length > 0) return same;
  const words = typed.split(' ').filter((word) => word.length > 0);
  const family = types.filter((type) => {
    const typeWords = plainName(type.value).split(' ');
    return words.every((word) => typeWords.some((typeWord) => wordFits(word, typeWord)));
  });
  if (family.length > 0) return family;
  const scored = types.map((type) => ({ type, score: diceCoefficient(typed, plainName(type.value)) })).sort((a, b) => b.score - a.score);
  if (scored[0] && scored[0].score >= 0.6 && (scored[1] === undefined || scored[1].score < scored[0].score - 0.05)) return [scored[0].type];
  return [];
}

export function chooseOffenceTypes(command: SetOffenceTypes, state: DialogueState, env: TurnEnvironment): Outcome {
  const mode = command.mode ?? 'only';
  const current = state.settings.parameters.offenceTypes;
  const mapping = detectWithSettings(env.engine.workbook, state.settings).mappings.offences;
  const types = mapping ? distinctValues(env.engine.workbook, mapping, 'offenceType') : [];
  const settle = (offenceTypes: readonly string[], text: string): Outcome => ({
    text,
    command: { kind: 'setOffenceTypes', types: offenceTypes },
    settings: { ...state.settings, parameters: { ...state.settings.parameters, offenceTypes } },
    choices: [
      { label: 'Run the analysis', utterance: 'run the analysis' },
      { label: 'Count every offence type', utterance: 'all offence types' },
      { label: 'Undo', utterance: 'undo' },
    ],
  });

  if (command.types.length === 0) return settle([], `Counting every offence type${types.length > 0 ? ` (${types.length} in ${quoted(mapping!.sheet)})` : ''}.`);
  if (types.length === 0) {
    const typed = [...new Set(command.types.map((type) => type.trim()))];
    return settle(mode === 'add' ? [...new Set([...current, ...typed])] : typed, `No offences sheet is found yet, so the types are kept as typed: ${listing(typed.map(quoted))}. Offences count when their type is written exactly so (any case).`);
  }

  const chosen: TypeCount[] = [];
  const unknown: string[] = [];
  for (const term of command.types) {
    const found = typesForTerm(term, types);
    if (found.length === 0) unknown.push(term);
    for (const type of found) if (!chosen.includes(type)) chosen.push(type);
  }
  if (unknown.length > 0) {
    return {
      text: `No offence type in ${quoted(mapping!.sheet)} matches ${listing(unknown.map(quoted))}. The types there are: ${types.slice(0, 12).map((type) => `${type.value} (${plural(type.rows, 'row')})`).join('; ')}${types.length > 12 ? '; …' : ''}. Which should be counted?`,
      choices: types.slice(0, 6).map((type) => ({ label: type.value, utterance: `count only ${quoted(type.value)}` })),
      question: true,
      command,
    };
  }
  const everyType = types.map((type) => type.value);
  const base = current.length > 0 ? types.filter((type) => current.some((name) => name.toLowerCase() === type.value.toLowerCase())) : types;
  const picked = mode === 'only' ? chosen : mode === 'add' ? [...base, ...chosen.filter((type) => !base.includes(type))] : base.filter((type) => !chosen.includes(type));
  if (picked.length === 0) return { text: 'That would leave no offence type to count. Say e.g. "count only robbery".', command: null, choices: [{ label: 'Count every offence type', utterance: 'all offence types' }] };
  const ordered = types.filter((type) => picked.includes(type));
  if (mode === 'add' && current.length === 0) return settle([], 'Every offence type is already counted.');
  const left = everyType.length - ordered.length;
  return settle(
    ordered.map((type) => type.value),
    `Counting ${ordered.length === 1 ? 'one offence type' : `${ordered.length} offence types`} as violence: ${ordered.map((type) => `${type.value} (${plural(type.rows, 'row')})`).join('; ')}${left > 0 ? `. ${left === 1 ? 'One other type is' : `${left} other types are`} left out.` : '.'}`,
  );
}
