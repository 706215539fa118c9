import type { SchoolPhase } from '../types';

/** How each phase is named to readers (the GIAS wording). */
export const PHASE_LABELS: Record<SchoolPhase, string> = {
  primary: 'primary',
  secondary: 'secondary',
  allThrough: 'all-through',
  special: 'special',
  alternativeProvision: 'alternative provision',
  other: 'other',
};
