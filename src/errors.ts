/** A problem with what the user gave us (inputs, flags, credentials), as opposed to a bug. */
export class ConfigurationError extends Error {
  override name = 'ConfigurationError';
}

export function errorMessage(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
