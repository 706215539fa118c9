/** "tell me about Beta": a name that may be a school or a ward, resolved to one of them, or asked. */
import type { Command } from '../commands';
import { explainSchool, findSchool, schoolChoice } from './explainSchool';
import { explainWard, findWard, wardChoice } from './explainWard';
import { noResultsYet } from './latestResult';
import type { DialogueState, Outcome } from './state';

type Explain = Extract<Command, { kind: 'explain' }>;

export function explainEither(command: Explain, state: DialogueState): Outcome {
  const latest = state.latest;
  if (!latest) return noResultsYet(command);
  const school = findSchool(command.name, undefined, latest.result);
  const ward = findWard(command.name, undefined, latest.result);
  if (school.kind === 'one' && ward.kind !== 'one')
    return explainSchool(
      {
        kind: 'explainSchool',
        school: command.name,
        ...(command.claimedRank !== undefined ? { claimedRank: command.claimedRank } : {}),
      },
      state,
    );
  if (ward.kind === 'one' && school.kind !== 'one')
    return explainWard({ kind: 'explainWard', ward: command.name }, state);
  if (school.kind === 'one' && ward.kind === 'one') {
    return {
      text: `'${command.name}' could be the school ${school.item.name} or the ward ${ward.item.wardName}. Which one?`,
      choices: [schoolChoice(school.item), wardChoice(ward.item)],
      question: true,
      command,
    };
  }
  // Several of one kind and none of the other: the question is about that kind.
  if (school.kind === 'several' && ward.kind === 'none')
    return explainSchool({ kind: 'explainSchool', school: command.name }, state);
  if (ward.kind === 'several' && school.kind === 'none')
    return explainWard({ kind: 'explainWard', ward: command.name }, state);
  const schools = school.kind === 'several' ? school.items : school.kind === 'none' ? school.nearest : [];
  const wards = ward.kind === 'several' ? ward.items : ward.kind === 'none' ? ward.nearest : [];
  const choices = [...schools.slice(0, 3).map(schoolChoice), ...wards.slice(0, 3).map(wardChoice)];
  return {
    text:
      school.kind === 'several' || ward.kind === 'several'
        ? `Several schools or wards fit '${command.name}'. Which one?`
        : `No ranked school or study ward matches '${command.name}'.${choices.length > 0 ? ' Did you mean one of these?' : ''}`,
    choices:
      choices.length > 0
        ? choices
        : [
            { label: 'Show the top 10', utterance: 'show the top 10' },
            { label: 'Help', utterance: 'help' },
          ],
    question: choices.length > 0,
    // Nothing explained and nothing to choose from: nothing was done, so nothing is recorded as done.
    command: choices.length > 0 ? command : null,
  };
}
