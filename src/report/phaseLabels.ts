import { PHASE_LABELS } from '../core/pipeline/phaseLabels';
import type { SchoolPhase } from '../core/types';

export { PHASE_LABELS };

export function phaseList(phases: readonly SchoolPhase[]): string {
  return phases.map((phase) => PHASE_LABELS[phase]).join(', ');
}
