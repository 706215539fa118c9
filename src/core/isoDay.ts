/**
 * A date's day as ISO 8601 (yyyy-mm-dd), in UTC as every date in the engine: the one way days are
 * written in commands, messages and settings.
 * @example isoDay(new Date(Date.UTC(2021, 0, 31, 14, 30))) // => '2021-01-31'
 */
export function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}
