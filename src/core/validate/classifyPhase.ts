import type { SchoolPhase } from '../types';

/**
 * A school's phase from GIAS's `PhaseOfEducation (name)` and `TypeOfEstablishment (name)` texts.
 *
 * Type decides first, because GIAS gives special schools and pupil referral units the phase
 * 'Not applicable' (or the phase of the ages they take):
 * - a type or phase naming a pupil referral unit or alternative provision -> 'alternativeProvision';
 * - a type or phase naming a special school -> 'special';
 * then the phase: 'All-through' -> 'allThrough'; 'Secondary', 'Middle deemed secondary' ->
 * 'secondary'; 'Primary', 'Middle deemed primary', 'Infant', 'Junior', 'First' -> 'primary';
 * anything else ('16 plus', 'Nursery', 'Not applicable', blank) -> 'other'. Sixth-form and
 * further-education establishments ('16 plus') are 'other': they teach only the top of a 10–17 band,
 * so an analyst who wants them includes 'other' on purpose.
 * @example classifyPhase('Not applicable', 'Pupil referral unit') // => 'alternativeProvision'
 * @example classifyPhase('Middle deemed secondary', 'Academy converter') // => 'secondary'
 */
export function classifyPhase(phaseText: string, typeText = ''): SchoolPhase {
  const phase = phaseText.trim().toLowerCase();
  const type = typeText.trim().toLowerCase();
  const both = `${phase} | ${type}`;
  if (/pupil referral|\bpru\b|alternative provision|\bap\b/.test(both)) return 'alternativeProvision';
  if (/special/.test(both)) return 'special';
  if (/all[\s-]*through|through school/.test(phase)) return 'allThrough';
  if (/secondary|high school|upper school/.test(phase)) return 'secondary';
  if (/primary|infant|junior|\bfirst\b/.test(phase)) return 'primary';
  return 'other';
}
