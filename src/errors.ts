/** A problem with what the user gave us (inputs, flags, credentials), as opposed to a bug. */
export class ConfigurationError extends Error {
  override name = 'ConfigurationError';
}

export function errorMessage(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/**
 * Bad input or a refused credential: exit 2 (CLI and actions), one line naming what to fix. Errors
 * from the service clients say so with `userError` (a refused Vast key, a refused GitHub token).
 */
export function isUserError(e: unknown): boolean {
  return e instanceof ConfigurationError || (e as { userError?: unknown } | undefined)?.userError === true;
}
