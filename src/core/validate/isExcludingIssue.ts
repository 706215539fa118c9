import type { Issue } from '../types';

/**
 * True when an issue means its row was left out of the records: every error, and the warning on a
 * later copy of a duplicate row (nothing is wrong with its data, but it must not count twice).
 */
export function isExcludingIssue(issue: Issue): boolean {
  return issue.severity === 'error' || issue.code === 'duplicateRow';
}
