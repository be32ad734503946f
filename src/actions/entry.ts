import * as core from '@actions/core';
import { errorMessage, isUserError } from '../errors.js';

/**
 * Runs an action entry: one top-level catch turns any error into one failed-step message
 * (the stack goes to debug), then exits so stray keep-alive sockets cannot hold the step open.
 */
export function runEntry(main: () => Promise<void>): void {
  main()
    .catch((e: unknown) => {
      if (!isUserError(e)) core.debug((e as Error)?.stack ?? String(e));
      core.setFailed(errorMessage(e));
      // Bad input is exit 2 (the CLI's convention too); the runner fails the step on any non-zero code.
      if (isUserError(e)) process.exitCode = 2;
    })
    .finally(() => {
      process.exit();
    });
}
