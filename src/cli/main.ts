import '../runtime/threadpool.js';
import { Command, CommanderError } from 'commander';
import { ConfigurationError, errorMessage, isUserError } from '../errors.js';
import { inputVar, type Env } from '../inputs/reader.js';
import { cancelSignal } from '../runtime/cancel.js';
import { cliRuntime, type CliRuntime } from '../runtime/cli-runtime.js';
import { VERSION } from '../version.js';
import { addFlags, CONNECTION_FLAGS, flagsToEnv, HYDRATE_FLAGS, OFFER_FLAGS, PERSIST_FLAGS, PROVISION_FLAGS, PUSH_FLAGS, TEARDOWN_FLAGS, VAST_FLAGS } from './flags.js';

// Each command's flags, named once: the same list adds the options and reads them back.
const HYDRATE = [...CONNECTION_FLAGS, ...HYDRATE_FLAGS];
const PERSIST = [...CONNECTION_FLAGS, ...PERSIST_FLAGS];
const PUSH = [...CONNECTION_FLAGS, ...PUSH_FLAGS];
const RUN = [...CONNECTION_FLAGS, ...HYDRATE_FLAGS, ...PERSIST_FLAGS];
const OFFERS = [...VAST_FLAGS, ...OFFER_FLAGS];
const PROVISION = [...VAST_FLAGS, ...OFFER_FLAGS, ...PROVISION_FLAGS];
const TEARDOWN = [...VAST_FLAGS, ...TEARDOWN_FLAGS];

interface Global {
  profile?: string;
  json?: boolean;
  quiet?: boolean;
  verbose?: boolean;
}

/** Exit codes, as the README lists them. */
export const EXIT = { ok: 0, failure: 1, badInput: 2, interrupted: 130 } as const;

function runtimeFor(g: Global): CliRuntime {
  if (g.verbose) process.env.MARKETSIM_DEBUG = '1';
  return cliRuntime({ quiet: Boolean(g.quiet || g.json), tty: Boolean(process.stderr.isTTY) && !g.json });
}

function finish(rt: CliRuntime, g: Global, command: string, code: number, error?: unknown, extra: Record<string, unknown> = {}): never {
  if (error !== undefined) rt.log.error(errorMessage(error));
  // stdout holds exactly one JSON document; everything else went to stderr.
  if (g.json) process.stdout.write(`${JSON.stringify({ command, ok: code === 0, exitCode: code, ...extra, outputs: rt.outputs, ...(error === undefined ? {} : { error: errorMessage(error) }) })}\n`);
  process.exit(code);
}

/**
 * Ctrl-C: one line and exit 130. Partial downloads stay as `*.marketsim-partial` and are picked up
 * (or removed) by the next run. While `run`'s command is running, the signal goes to the command
 * instead (its handler is registered then), and the logs are still persisted after it stops.
 */
function onInterrupt(rt: CliRuntime, g: Global, command: string): void {
  process.on('SIGINT', () => {
    if (process.listeners('SIGINT').length > 1) return;
    process.stderr.write(`\ninterrupted: ${command} stopped; run it again to resume where it stopped\n`);
    finish(rt, g, command, EXIT.interrupted);
  });
}

async function attempt(g: Global, command: string, fn: (rt: CliRuntime) => Promise<number | void>, extra: Record<string, unknown> = {}): Promise<never> {
  const rt = runtimeFor(g);
  onInterrupt(rt, g, command);
  try {
    const code = (await fn(rt)) ?? 0;
    return finish(rt, g, command, code, undefined, extra);
  } catch (e) {
    return finish(rt, g, command, isUserError(e) ? EXIT.badInput : EXIT.failure, e, extra);
  }
}

const program = new Command('marketsim')
  .description('Sync market data from R2 / S3, run the simulator, and keep its logs; rent GPUs on Vast.ai: the engine of the marketsim GitHub Actions.')
  .version(VERSION, '-V, --version', 'print the version')
  .option('--json', 'print the result as one JSON document on stdout (everything else goes to stderr)')
  .option('-q, --quiet', 'print only warnings and errors')
  .option('-v, --verbose', 'print debug lines too')
  .option('--profile <name>', 'credentials from this profile of the shared AWS files (default AWS_PROFILE, else the files\' default) when no key is given')
  .addHelpText(
    'after',
    '\nExit codes: 0 ok, 1 failure, 2 bad input or refused credentials, 130 interrupted.\nRun marketsim <command> --help for a command\'s options and examples.',
  )
  .exitOverride()
  .configureOutput({ writeErr: (s) => process.stderr.write(s) });

const global = (): Global => program.opts<Global>();

/** Storage commands also honour the shared AWS credential files, as the SDK does (loaded only then). */
async function storageEnv(env: Env): Promise<Env> {
  const { withProfileCredentials } = await import('./aws-profile.js');
  return withProfileCredentials(env, global().profile);
}

/** `--repo owner/name` stands in for the runner's GITHUB_REPOSITORY (and its owner, for org scope). */
function withRepo(env: Env, repo: unknown): Env {
  if (typeof repo !== 'string' || !repo) return env;
  return { ...env, GITHUB_REPOSITORY: repo, GITHUB_REPOSITORY_OWNER: repo.split('/')[0] };
}

function examples(lines: string[]): string {
  return `\nExamples:\n${lines.map((l) => `  $ ${l}`).join('\n')}\n`;
}

addFlags(program.command('hydrate').description('pull the data folders from the bucket (incremental, verified)'), HYDRATE)
  .addHelpText('after', examples(['marketsim hydrate --local-root ./data --dry-run', 'marketsim hydrate --local-root ./data --include \'trainingdata/AAPL*\' --include \'hyperparams/*\'']))
  .action(async (opts: Record<string, unknown>) => {
    await attempt(
      global(),
      'hydrate',
      async (rt) => {
        // Each command loads only its own code: a no-op hydrate never parses the AWS SDK.
        const { hydrateStep } = await import('../actions/r2-hydrate/step.js');
        await hydrateStep(rt, await storageEnv(flagsToEnv(opts, HYDRATE, process.env)));
      },
      opts.dryRun ? { dryRun: true } : {},
    );
  });

addFlags(program.command('persist-logs').description('upload the log folder and confirm every file landed'), PERSIST)
  .addHelpText('after', examples(['marketsim persist-logs --local-root . --experiment-id exp-42']))
  .action(async (opts: Record<string, unknown>) => {
    await attempt(global(), 'persist-logs', async (rt) => {
      const { persistStep } = await import('../actions/r2-persist-logs/step.js');
      await persistStep(rt, await storageEnv(flagsToEnv(opts, PERSIST, process.env)));
    });
  });

addFlags(program.command('push'), PUSH)
  .description('publish data folders from the local root to <prefix><folder>/ (incremental, verified; --delete removes remote files missing locally, inside those folders only)')
  .addHelpText('after', examples(['marketsim push --local-root ./data --dirs trainingdata --dry-run', 'marketsim push --local-root ./data --dirs trainingdata,hyperparams --delete']))
  .action(async (opts: Record<string, unknown>) => {
    await attempt(
      global(),
      'push',
      async (rt) => {
        const { pushStep } = await import('./push.js');
        await pushStep(rt, await storageEnv(flagsToEnv(opts, PUSH, process.env)));
      },
      opts.dryRun ? { dryRun: true } : {},
    );
  });

addFlags(program.command('run'), RUN)
  .description('hydrate, run the command after -- with bash -lc, then persist the logs (also when it fails or is interrupted); exits with its code')
  .usage('[options] -- <command...>')
  .argument('[command...]', 'the command, after --')
  .option('--working-directory <dir>', 'where the command runs')
  .option('--no-hydrate', 'skip the hydrate stage')
  .addHelpText('after', examples(['marketsim run --local-root . -- python -m marketsimulator.runner --config configs/base.json', 'marketsim run --no-hydrate --experiment-id exp-42 -- make simulate']))
  .action(async (cmd: string[], opts: Record<string, unknown>) => {
    await attempt(global(), 'run', async (rt) => {
      const dashes = process.argv.indexOf('--');
      if (cmd.length === 0) throw new ConfigurationError('run: a command is required after --, e.g. marketsim run -- python -m marketsimulator.runner (to sync only, use hydrate and persist-logs)');
      if (dashes < 0) throw new ConfigurationError(`run: put the command after --, e.g. marketsim run [options] -- ${cmd.join(' ')}`);
      const [{ shellJoin }, { syncAndRun }] = await Promise.all([import('../actions/run/command.js'), import('../actions/run/sync-and-run.js')]);
      const env: Env = await storageEnv(flagsToEnv(opts, RUN, process.env));
      env[inputVar('hydrate')] = opts.hydrate === false ? 'false' : 'true';
      env[inputVar('run')] = cmd.length === 1 ? (cmd[0] ?? '') : shellJoin(cmd);
      if (opts.workingDirectory) env[inputVar('working-directory')] = String(opts.workingDirectory);
      // With --json, stdout is the result document alone: the command's output goes to stderr.
      if (global().json) env.MARKETSIM_COMMAND_STDOUT = 'stderr';
      return (await syncAndRun(rt, env)).exitCode;
    });
  });

addFlags(program.command('offers').description('list the Vast offers that match the filters, cheapest first (and why none match)'), OFFERS)
  .addHelpText('after', examples(['marketsim offers --max-price 0.8', 'marketsim offers --gpu-name "RTX 4090" --min-cuda 12.4 --json']))
  .action(async (opts: Record<string, unknown>) => {
    await attempt(global(), 'offers', async (rt) => {
      const { listOffers } = await import('./offers.js');
      await listOffers(rt, flagsToEnv(opts, OFFERS, process.env), Boolean(global().json));
    });
  });

addFlags(program.command('provision').description('rent a GPU and register it as a one-job GitHub runner'), PROVISION)
  .option('--repo <owner/name>', 'repository the runner registers on (default GITHUB_REPOSITORY)')
  .addHelpText('after', examples(['marketsim provision --repo acme/marketsim --image ghcr.io/acme/sim@sha256:... --max-price 0.8 --max-runtime 240m']))
  .action(async (opts: Record<string, unknown>) => {
    await attempt(global(), 'provision', async (rt) => {
      const { provisionStep } = await import('../actions/vast-provision/step.js');
      const env = flagsToEnv(opts, PROVISION, process.env);
      await provisionStep(rt, withRepo(env, opts.repo), cancelSignal());
    });
  });

for (const [name, mode, text, example] of [
  ['teardown', 'destroy', 'destroy an instance (by id and/or label) and remove its runner; prints runtime and cost', 'marketsim teardown --instance-id 123456'],
  ['reap', 'reap', 'destroy every instance of ours that is too old or whose workflow run has completed', 'marketsim reap --max-age 6h --dry-run'],
] as const) {
  addFlags(program.command(name).description(text), TEARDOWN)
    .option('--repo <owner/name>', 'repository of the runners (default GITHUB_REPOSITORY)')
    .addHelpText('after', examples([example]))
    .action(async (opts: Record<string, unknown>) => {
      await attempt(global(), name, async (rt) => {
        const { teardownStep } = await import('../actions/vast-teardown/step.js');
        const env = flagsToEnv(opts, TEARDOWN, process.env);
        env[inputVar('mode')] = mode;
        if (mode === 'destroy') env.MARKETSIM_REQUIRE_TARGET = 'true';
        await teardownStep(rt, withRepo(env, opts.repo));
      });
    });
}

const experiments = program.command('experiments').description('read experiment records (experiment.json next to each experiment\'s logs)');
addFlags(experiments.command('show').description('print one experiment\'s record').argument('<id>', 'experiment id'), CONNECTION_FLAGS)
  .addHelpText('after', examples(['marketsim experiments show marketsim-20261130-031700-123-0']))
  .action(async (id: string, opts: Record<string, unknown>) => {
    await attempt(global(), 'experiments show', async (rt) => {
      const { showExperiment } = await import('./experiments.js');
      await showExperiment(rt, await storageEnv(flagsToEnv(opts, CONNECTION_FLAGS, process.env)), id, Boolean(global().json));
    });
  });
addFlags(experiments.command('list').description('list recent experiments, newest first'), CONNECTION_FLAGS)
  .option('--limit <n>', 'how many (default 20)')
  .addHelpText('after', examples(['marketsim experiments list --limit 5', 'marketsim --json experiments list']))
  .action(async (opts: Record<string, unknown>) => {
    await attempt(global(), 'experiments list', async (rt) => {
      const { listExperiments } = await import('./experiments.js');
      const limit = Number(opts.limit ?? 20);
      if (!Number.isInteger(limit) || limit < 1) throw new ConfigurationError(`limit: expected a whole number of 1 or more, got '${String(opts.limit)}'`);
      await listExperiments(rt, await storageEnv(flagsToEnv(opts, CONNECTION_FLAGS, process.env)), limit, Boolean(global().json));
    });
  });

program
  .command('doctor')
  .description('check, before renting anything, everything a GPU run needs: Vast key, credit and offers; R2 credentials, bucket, data folders, logs prefix; the image; the runner token')
  .addHelpText('after', examples(['marketsim doctor --image ghcr.io/acme/sim@sha256:... --max-price 0.8 --lanes 2', 'marketsim doctor --json']))
  .option('--image <ref>', 'image the instance will pull (env IMAGE_REF)')
  .option('--max-price <usd>', 'USD per hour cap (default 1.00)')
  .option('--max-runtime <duration>', 'GPU job timeout (default 240m)')
  .option('--lanes <n>', 'GPUs the experiment rents (default 1)')
  .option('--spend-cap <usd>', 'USD cap for the experiment (default 25)')
  .option('--gpu-name <name>', 'GPU model (default "RTX 5090")')
  .option('--min-cuda <version>', 'minimum CUDA (default 12.8)')
  .option('--repo <owner/name>', 'repository runners register on (default GITHUB_REPOSITORY)')
  .option('--skip <checks>', 'comma-separated check groups to skip: vast, r2, image, github')
  .action(async (opts: Record<string, unknown>) => {
    await attempt(global(), 'doctor', async (rt) => {
      const { runDoctor } = await import('./doctor.js');
      return runDoctor(rt, withRepo(await storageEnv({ ...process.env }), opts.repo), opts, Boolean(global().json));
    });
  });

program.parseAsync(process.argv).catch((e: unknown) => {
  if (e instanceof CommanderError) {
    // --help and --version end here with 0; an unknown option or command is bad input: one line, exit 2.
    if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help') process.exit(0);
    const extra = e.code === 'commander.excessArguments' ? ' (a command for run goes after --)' : '';
    process.stderr.write(`${extra ? `${extra.trim()}\n` : ''}(marketsim --help lists the commands, marketsim <command> --help their options)\n`);
    process.exit(EXIT.badInput);
  }
  process.stderr.write(`error: ${errorMessage(e)}\n`);
  process.exit(EXIT.badInput);
});
