import { spawn } from 'node:child_process';
import os from 'node:os';

/**
 * Runs `command` with `bash -lc` (login shell, so profiles and shell features work), output live
 * on our stdout/stderr. Resolves with the exit code (128 + signal number when killed by a signal).
 * SIGINT/SIGTERM sent to us are passed on, so a cancelled job stops the command, not just us.
 */
export function runCommand(command: string, cwd: string | undefined, env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn('bash', ['-lc', command], { cwd, env, stdio: 'inherit' });
    const forward = (sig: NodeJS.Signals) => () => child.kill(sig);
    const onInt = forward('SIGINT');
    const onTerm = forward('SIGTERM');
    process.on('SIGINT', onInt);
    process.on('SIGTERM', onTerm);
    const cleanup = (): void => {
      process.off('SIGINT', onInt);
      process.off('SIGTERM', onTerm);
    };
    child.on('error', (e) => {
      cleanup();
      reject(e);
    });
    child.on('close', (code, signal) => {
      cleanup();
      resolve(code ?? 128 + (signal ? (os.constants.signals[signal] ?? 0) : 0));
    });
  });
}

/** The command's environment: ours without the action inputs (they carry the storage secrets). */
export function commandEnv(env: NodeJS.ProcessEnv, extra: Record<string, string>): NodeJS.ProcessEnv {
  const out: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(env)) if (!k.startsWith('INPUT_')) out[k] = v;
  return { ...out, ...extra };
}

/** Quotes argv for `bash -lc`, so `marketsim run -- a 'b c'` runs exactly a and "b c". */
export function shellJoin(argv: string[]): string {
  return argv.map((a) => (/^[A-Za-z0-9_./:=@%+,-]+$/.test(a) ? a : `'${a.replace(/'/g, `'\\''`)}'`)).join(' ');
}
