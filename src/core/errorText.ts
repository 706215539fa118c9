/**
 * What went wrong, as text for a message: an Error's message, or anything else thrown as a string.
 * The one way the engine and its adapters turn a caught `unknown` into words.
 * @example errorText(new RangeError('threshold must be at least 1')) // => 'threshold must be at least 1'
 * @example errorText('no solver') // => 'no solver'
 */
export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * The system error code of a failed file operation ('ENOENT', 'EACCES'), or undefined for any
 * other error: messages name the code, which says more than Node's sentence.
 */
export function errnoCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('code' in error)) return undefined;
  return typeof error.code === 'string' ? error.code : undefined;
}
