import '../runtime/threadpool.js';
import { Command } from 'commander';
import { ConfigurationError, errorMessage } from '../errors.js';
import { inputVar, type Env } from '../inputs/reader.js';
import { cancelSignal } from '../runtime/cancel.js';
import { cliRuntime, type CliRuntime } from '../runtime/cli-runtime.js';
import { addFlags, CONNECTION_FLAGS, flagsToEnv, HYDRATE_FLAGS, OFFER_FLAGS, PERSIST_FLAGS, PROVISION_FLAGS, TEARDOWN_FLAGS, VAST_FLAGS } from './flags.js';

interface Global {
  json?: boolean;
  quiet?: boolean;
}

function runtimeFor(g: Global): CliRuntime {
  return cliRuntime({ quiet: Boolean(g.quiet || g.json), tty: Boolean(process.stderr.isTTY) && !g.json });
}

function finish(rt: CliRuntime, g: Global, command: string, code: number, error?: unknown): never {
  if (error !== undefined) rt.log.error(errorMessage(error));
  if (g.json) process.stdout.write(`${JSON.stringify({ command, ok: code === 0, exitCode: code, outputs: rt.outputs, error: error === undefined ? undefined : errorMessage(error) })}\n`);
  process.exit(code);
}

async function attempt(rt: CliRuntime, g: Global, command: string, fn: () => Promise<number | void>): Promise<never> {
  try {
    const code = (await fn()) ?? 0;
    return finish(rt, g, command, code);
  } catch (e) {
    return finish(rt, g, command, e instanceof ConfigurationError ? 2 : 1, e);
  }
}

const program = new Command('marketsim')
  .description('Sync market data from R2 / S3, run the simulator, and keep its logs: the engine of the marketsim GitHub Actions.')
  .option('--json', 'print the result as one JSON line on stdout (no progress)')
  .option('--quiet', 'print only warnings and errors')
  .showHelpAfterError();

addFlags(addFlags(program.command('hydrate').description('pull the data folders from the bucket (incremental, verified)'), CONNECTION_FLAGS), HYDRATE_FLAGS).action(
  async (opts: Record<string, unknown>) => {
    const g = program.opts<Global>();
    const rt = runtimeFor(g);
    await attempt(rt, g, 'hydrate', async () => {
      // Each command loads only its own code: a no-op hydrate never parses the AWS SDK.
      const { hydrateStep } = await import('../actions/r2-hydrate/step.js');
      await hydrateStep(rt, flagsToEnv(opts, [...CONNECTION_FLAGS, ...HYDRATE_FLAGS], process.env));
    });
  },
);

addFlags(addFlags(program.command('persist-logs').description('upload the log folder and confirm every file landed'), CONNECTION_FLAGS), PERSIST_FLAGS).action(
  async (opts: Record<string, unknown>) => {
    const g = program.opts<Global>();
    const rt = runtimeFor(g);
    await attempt(rt, g, 'persist-logs', async () => {
      const { persistStep } = await import('../actions/r2-persist-logs/step.js');
      await persistStep(rt, flagsToEnv(opts, [...CONNECTION_FLAGS, ...PERSIST_FLAGS], process.env));
    });
  },
);

addFlags(addFlags(addFlags(program.command('run'), CONNECTION_FLAGS), HYDRATE_FLAGS), PERSIST_FLAGS)
  .description('hydrate, run CMD with bash -lc, then persist the logs (also when CMD fails or is interrupted); exits with CMD\'s code')
  .argument('[cmd...]', 'the command, after --')
  .option('--working-directory <dir>', 'where CMD runs')
  .option('--no-hydrate', 'skip the hydrate stage')
  .action(async (cmd: string[], opts: Record<string, unknown>) => {
    const g = program.opts<Global>();
    const rt = runtimeFor(g);
    await attempt(rt, g, 'run', async () => {
      const [{ shellJoin }, { syncAndRun }] = await Promise.all([import('../actions/run/command.js'), import('../actions/run/sync-and-run.js')]);
      const env: Env = flagsToEnv(opts, [...CONNECTION_FLAGS, ...HYDRATE_FLAGS, ...PERSIST_FLAGS], process.env);
      env[inputVar('hydrate')] = opts.hydrate === false ? 'false' : 'true';
      if (cmd.length) env[inputVar('run')] = cmd.length === 1 ? (cmd[0] ?? '') : shellJoin(cmd);
      if (opts.workingDirectory) env[inputVar('working-directory')] = String(opts.workingDirectory);
      // Persists even when the command failed or was interrupted (signals are passed to it).
      return (await syncAndRun(rt, env)).exitCode;
    });
  });

addFlags(addFlags(program.command('offers').description('list the Vast offers that match the filters, cheapest first'), VAST_FLAGS), OFFER_FLAGS).action(
  async (opts: Record<string, unknown>) => {
    const g = program.opts<Global>();
    const rt = runtimeFor(g);
    await attempt(rt, g, 'offers', async () => {
      const { listOffers } = await import('./offers.js');
      await listOffers(rt, flagsToEnv(opts, [...VAST_FLAGS, ...OFFER_FLAGS], process.env), Boolean(g.json));
    });
  },
);

addFlags(addFlags(addFlags(program.command('provision').description('rent a GPU and register it as a one-job GitHub runner'), VAST_FLAGS), OFFER_FLAGS), PROVISION_FLAGS).action(
  async (opts: Record<string, unknown>) => {
    const g = program.opts<Global>();
    const rt = runtimeFor(g);
    await attempt(rt, g, 'provision', async () => {
      const { provisionStep } = await import('../actions/vast-provision/step.js');
      await provisionStep(rt, flagsToEnv(opts, [...VAST_FLAGS, ...OFFER_FLAGS, ...PROVISION_FLAGS], process.env), cancelSignal());
    });
  },
);

for (const [name, mode, text] of [
  ['teardown', 'destroy', 'destroy an instance (by id or label) and remove its runner; prints runtime and cost'],
  ['reap', 'reap', 'destroy every instance of ours that is too old or whose workflow run has completed'],
] as const) {
  addFlags(addFlags(program.command(name).description(text), VAST_FLAGS), TEARDOWN_FLAGS).action(async (opts: Record<string, unknown>) => {
    const g = program.opts<Global>();
    const rt = runtimeFor(g);
    await attempt(rt, g, name, async () => {
      const { teardownStep } = await import('../actions/vast-teardown/step.js');
      const env = flagsToEnv(opts, [...VAST_FLAGS, ...TEARDOWN_FLAGS], process.env);
      env[inputVar('mode')] = mode;
      if (mode === 'destroy') env.MARKETSIM_REQUIRE_TARGET = 'true';
      await teardownStep(rt, env);
    });
  });
}

program.parseAsync(process.argv).catch((e: unknown) => {
  process.stderr.write(`error: ${errorMessage(e)}\n`);
  process.exit(2);
});
