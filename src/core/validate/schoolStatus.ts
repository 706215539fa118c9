/** What a GIAS `EstablishmentStatus (name)` text says about whether the school is open now. */
export type SchoolStatusReading = 'open' | 'closed' | 'notYetOpen' | 'unknown';

/**
 * Reads a GIAS establishment status: 'Open' and 'Open, but proposed to close' -> 'open';
 * 'Closed' -> 'closed'; 'Proposed to open' -> 'notYetOpen'; blank or other text -> 'unknown'.
 * @example readSchoolStatus('Open, but proposed to close') // => 'open'
 */
export function readSchoolStatus(statusText: string): SchoolStatusReading {
  const status = statusText.trim().toLowerCase();
  if (status.startsWith('open')) return 'open';
  if (status.startsWith('closed') || status === 'close') return 'closed';
  if (status.startsWith('proposed to open')) return 'notYetOpen';
  return 'unknown';
}
