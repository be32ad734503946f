export const id = 483;
export const ids = [483];
export const modules = {

/***/ 3483:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  EXIT: () => (/* binding */ EXIT)
});

;// CONCATENATED MODULE: ./lib/runtime/threadpool.js
/**
 * File writes go through libuv's thread pool (4 threads by default). A sync of thousands of small
 * files keeps more writes in flight than that; libuv reads this variable when the pool first
 * starts, so entries import this module before anything touches the file system asynchronously.
 */
if (!process.env.UV_THREADPOOL_SIZE)
    process.env.UV_THREADPOOL_SIZE = '16';


// EXTERNAL MODULE: ./node_modules/commander/esm.mjs
var esm = __webpack_require__(8179);
// EXTERNAL MODULE: ./lib/errors.js
var errors = __webpack_require__(452);
// EXTERNAL MODULE: ./lib/inputs/reader.js
var reader = __webpack_require__(178);
;// CONCATENATED MODULE: ./lib/runtime/cancel.js
/**
 * An AbortSignal that fires on SIGINT or SIGTERM: a cancelled job gets SIGINT, then SIGTERM 7.5 s
 * later, and whoever holds rented resources must get the chance to destroy them before exiting.
 */
function cancelSignal() {
    const ctl = new AbortController();
    process.once('SIGINT', () => ctl.abort());
    process.once('SIGTERM', () => ctl.abort());
    return ctl.signal;
}

// EXTERNAL MODULE: ./lib/runtime/format.js
var format = __webpack_require__(2625);
;// CONCATENATED MODULE: ./lib/runtime/cli-runtime.js

/** `1.20/3.40 GB`: one unit for both numbers, as short as the bar needs. */
function compactBytes(done, total) {
    const t = (0,format/* formatBytes */.z3)(total);
    const unit = t.split(' ')[1] ?? 'B';
    const scale = { B: 1, kB: 1e3, MB: 1e6, GB: 1e9, TB: 1e12 }[unit] ?? 1;
    return unit === 'B' ? `${done}/${total} B` : `${(done / scale).toFixed(2)}/${t}`;
}
/** The Runtime for the `marketsim` CLI: console lines, progress bars, secrets redacted. */
function cliRuntime(opts) {
    const out = opts.stream ?? process.stderr;
    const secrets = new Set();
    const state = new Map();
    const outputs = {};
    const redact = (m) => {
        let s = m;
        for (const secret of secrets)
            s = s.split(secret).join('***');
        return s;
    };
    const write = (prefix, m, always = false) => {
        if (opts.quiet && !always)
            return;
        out.write(`${prefix}${redact(m)}\n`);
    };
    return {
        outputs,
        log: {
            info: (m) => write('', m),
            warn: (m) => write('warning: ', m, true),
            error: (m) => write('error: ', m, true),
            debug: (m) => {
                if (process.env.MARKETSIM_DEBUG)
                    write('debug: ', m);
            },
        },
        mask: (s) => {
            if (s)
                secrets.add(s);
        },
        setOutput: (n, v) => {
            outputs[n] = v;
        },
        saveState: (n, v) => state.set(n, v),
        getState: (n) => state.get(n) ?? '',
        writeSummary: async (doc) => {
            if (opts.quiet)
                return;
            const parts = [`\n== ${doc.heading}`, ...doc.lines];
            for (const t of doc.tables)
                parts.push(`\n${t.title}\n${(0,format/* renderTextTable */.K$)(t.header, t.rows)}`);
            // The summary lines are Markdown for GitHub; a terminal gets them plain.
            const plain = parts.join('\n').replace(/\*\*(.+?)\*\*/g, '$1').replace(/`([^`]+)`/g, '$1');
            out.write(`${redact(plain)}\n`);
        },
        progress: (label) => {
            if (opts.quiet)
                return { update: () => undefined, done: () => undefined };
            if (!opts.tty) {
                let last = 0;
                return {
                    update: (p) => {
                        if (Date.now() - last < 2000)
                            return;
                        last = Date.now();
                        write('', (0,format/* progressLine */.oz)(label, p));
                    },
                    done: (p) => write('', (0,format/* progressLine */.oz)(label, p)),
                };
            }
            // Fits 80 columns: `hydrate [████░░░░░░░░] 45% 120/300 files 1.20/3.40 GB 85.0 MB/s ETA 12s`.
            // cli-progress is loaded here, not at start: a quiet or piped run (and every no-op) never needs it.
            let bar;
            void __webpack_require__.e(/* import() */ 502).then(__webpack_require__.t.bind(__webpack_require__, 8502, 19)).then(({ default: cliProgress }) => {
                bar = new cliProgress.SingleBar({
                    format: `${label} [{bar}] {percentage}% {files} files {bytes} {rate} ETA {eta_h}`,
                    barsize: 12,
                    stream: out,
                    hideCursor: true,
                    clearOnComplete: false,
                }, cliProgress.Presets.shades_classic);
            });
            let started = false;
            const payload = (p) => ({
                files: `${p.filesDone}/${p.filesTotal}`,
                bytes: compactBytes(p.bytesDone, p.bytesTotal),
                rate: (0,format/* formatRate */.CE)(p.bytesDone, p.elapsedMs),
                eta_h: (0,format/* formatEta */.gc)(p),
            });
            const total = (p) => Math.max(1, p.bytesTotal);
            return {
                update: (p) => {
                    if (!bar)
                        return;
                    if (!started) {
                        bar.start(total(p), p.bytesDone, payload(p));
                        started = true;
                    }
                    bar.setTotal(total(p));
                    bar.update(p.bytesDone, payload(p));
                },
                done: (p) => {
                    if (!started && p.filesTotal === 0)
                        return void out.write(`${label}: up to date, nothing to transfer\n`);
                    // Done before the bar module loaded (a run of a few milliseconds): one plain line.
                    if (!bar)
                        return void write('', (0,format/* progressLine */.oz)(label, p));
                    if (!started)
                        bar.start(total(p), 0, payload(p));
                    bar.update(p.bytesTotal, payload(p));
                    bar.stop();
                },
            };
        },
    };
}

;// CONCATENATED MODULE: ./lib/version.js
/** The package version (a test keeps it equal to package.json's). */
const VERSION = '0.1.0';

;// CONCATENATED MODULE: ./lib/cli/flags.js


const CONNECTION_FLAGS = [
    { input: 'endpoint', description: 'S3 endpoint URL (env R2_ENDPOINT)' },
    { input: 'account-id', description: 'Cloudflare account id; builds the R2 endpoint (env R2_ACCOUNT_ID)' },
    { input: 'jurisdiction', description: 'R2 jurisdiction: eu, fedramp or us (env R2_JURISDICTION)' },
    { input: 'bucket', description: 'bucket (env R2_BUCKET; default models)' },
    { input: 'prefix', description: 'key prefix in front of every folder (env R2_PREFIX; default stock/)' },
    { input: 'access-key-id', description: 'access key id (env R2_ACCESS_KEY_ID, then AWS_ACCESS_KEY_ID)' },
    { input: 'secret-access-key', description: 'secret key; prefer the env R2_SECRET_ACCESS_KEY (flags show in ps)' },
    { input: 'session-token', description: 'session token of temporary credentials; prefer the env R2_SESSION_TOKEN or AWS_SESSION_TOKEN' },
    { input: 'region', description: 'signing region (default auto)' },
    { input: 'local-root', description: 'local root folder (env LOCAL_ROOT, then GITHUB_WORKSPACE; default /workspace)' },
    { input: 'concurrency', description: 'requests in flight (default 32)' },
];
const HYDRATE_FLAGS = [
    { input: 'dirs', description: 'folders to pull, comma-separated (default trainingdata,trainingdatadaily,trainingdatahourly,compiled_models,hyperparams)' },
    { input: 'extra-dirs', description: 'more folders, comma-separated (env EXTRA_PULL_DIRS)' },
    { input: 'include', description: 'only paths matching this glob (relative to the local root; repeatable)', repeatable: true },
    { input: 'exclude', description: 'skip paths matching this glob (repeatable)', repeatable: true },
    { input: 'delete', description: 'delete local files that are gone from the bucket', boolean: true },
    { input: 'dry-run', description: 'print the plan and change nothing', boolean: true },
];
const PERSIST_FLAGS = [
    { input: 'log-dir', description: 'log folder, relative to the local root (env LOCAL_LOG_DIR; default marketsimulator/run_logs)' },
    { input: 'experiment-id', description: 'experiment id (env EXPERIMENT_ID; generated when absent)' },
    { input: 'logs-prefix', description: 'key prefix of the logs under --prefix (default marketsimulator/logs/)' },
    { input: 'logs-bucket', description: 'bucket for the logs when not the data bucket (env R2_LOGS_BUCKET)' },
    { input: 'if-no-files-found', description: 'warn, error or ignore (default warn)' },
];
const PUSH_FLAGS = [
    { input: 'dirs', description: 'folders under the local root to publish, comma-separated (required)' },
    { input: 'delete', description: 'remove remote objects missing locally, inside those folders only (after printing the plan)', boolean: true },
    { input: 'dry-run', description: 'print the plan and change nothing', boolean: true },
];
const VAST_FLAGS = [
    { input: 'api-key', description: 'Vast.ai API key; prefer the env VAST_API_KEY (flags show in ps)' },
    { input: 'api-url', description: 'Vast.ai API base URL (env VAST_URL; default https://console.vast.ai)' },
];
const OFFER_FLAGS = [
    { input: 'gpu-name', description: 'GPU model (default "RTX 5090")' },
    { input: 'num-gpus', description: 'GPUs per instance (default 1)' },
    { input: 'verified', description: 'only verified hosts: true or false (default true)' },
    { input: 'min-reliability', description: 'minimum reliability, 0..1' },
    { input: 'max-price', description: 'USD per hour cap' },
    { input: 'regions', description: 'country codes, comma-separated' },
    { input: 'min-cuda', description: 'minimum CUDA version (default 12.8)' },
    { input: 'min-inet-down', description: 'minimum download Mbit/s' },
    { input: 'disk', description: 'disk GB (default 200)' },
    { input: 'max-attempts', description: 'offers to try (default 3)' },
    { input: 'exclude-machines', description: 'machine ids not to rent, comma-separated' },
];
const PROVISION_FLAGS = [
    { input: 'offer-id', description: 'rent exactly this offer' },
    { input: 'image', description: 'image to run (env IMAGE_REF)' },
    { input: 'image-username', description: 'pull-only registry user (env REGISTRY_PULL_USERNAME)' },
    { input: 'image-password', description: 'pull-only registry password; prefer env REGISTRY_PULL_PASSWORD' },
    { input: 'env', description: 'KEY=VALUE lines for the instance' },
    { input: 'label-prefix', description: 'label prefix (default marketsim)' },
    { input: 'github-token', description: 'runner-admin token; prefer env MARKETSIM_GITHUB_TOKEN' },
    { input: 'runner-scope', description: 'repo or org (repository from GITHUB_REPOSITORY)' },
    { input: 'runner-group-id', description: 'runner group id (default 1)' },
    { input: 'runner-labels', description: 'extra runner labels' },
    { input: 'runner-version', description: 'runner version (default the pinned 2.336.0)' },
    { input: 'runner-sha256', description: 'SHA-256 of a non-default runner version' },
    { input: 'min-balance', description: 'minimum credit in USD' },
    { input: 'wait-timeout', description: 'e.g. 15m' },
    { input: 'runner-timeout', description: 'e.g. 10m' },
    { input: 'max-lifetime', description: 'e.g. 6h (default max-runtime + job-grace + 30m, else 6h)' },
    { input: 'job-grace', description: 'e.g. 15m' },
    { input: 'max-runtime', description: 'timeout of the job on the GPU, e.g. 240m' },
    { input: 'spend-cap', description: 'USD: lanes x price x lifetime must stay under it (default 25)' },
    { input: 'lanes', description: 'GPUs the experiment rents in all (default 1)' },
    { input: 'storage-credentials', description: 'auto, required or none: scoped storage credentials for the host' },
    { input: 'cloudflare-api-token', description: 'mints the host\'s temporary R2 credentials; prefer env CLOUDFLARE_API_TOKEN' },
    { input: 'r2-account-id', description: 'Cloudflare account id (env R2_ACCOUNT_ID)' },
    { input: 'r2-jurisdiction', description: 'R2 jurisdiction of the buckets: eu, fedramp or us (env R2_JURISDICTION)' },
    { input: 'r2-access-key-id', description: 'parent R2 token\'s access key id (env R2_ACCESS_KEY_ID)' },
    { input: 'r2-bucket', description: 'data bucket (env R2_BUCKET)' },
    { input: 'r2-logs-bucket', description: 'logs bucket (env R2_LOGS_BUCKET)' },
    { input: 'experiment-id', description: 'the logs folder the host may write (env EXPERIMENT_ID)' },
    { input: 'extra-dirs', description: 'more data folders the host may read (env EXTRA_PULL_DIRS)' },
];
const TEARDOWN_FLAGS = [
    { input: 'instance-id', description: 'instance to destroy' },
    { input: 'label', description: 'find instances and runners by label (trailing * = prefix)' },
    { input: 'github-token', description: 'runner-admin token; prefer env MARKETSIM_GITHUB_TOKEN' },
    { input: 'runner-scope', description: 'repo or org' },
    { input: 'runner-id', description: 'runner registration to delete' },
    { input: 'runner-name', description: 'runner name to delete' },
    { input: 'label-prefix', description: 'reap: prefix of our labels (default marketsim)' },
    { input: 'max-age', description: 'reap: destroy ours older than this (default 6h)' },
    { input: 'dry-run', description: 'reap: list only', boolean: true },
];
function optionName(input) {
    return input.replace(/-([a-z])/g, (_, c) => c.toUpperCase());
}
/**
 * Repeatable flags take one value each time (`--include a --include b`), never a variadic list:
 * a variadic `--include` would swallow the words after it, the command of `run` included.
 */
function addFlags(cmd, flags) {
    for (const f of flags) {
        const spec = f.boolean ? `--${f.input}` : `--${f.input} <value>`;
        const opt = new esm/* Option */.c$(spec, f.description);
        if (f.repeatable)
            opt.argParser((v, prev) => [...(prev ?? []), v]);
        cmd.addOption(opt);
    }
    return cmd;
}
/** Flags given on the command line win over the environment, exactly like action inputs. */
function flagsToEnv(opts, flags, base) {
    const env = { ...base };
    for (const f of flags) {
        const v = opts[optionName(f.input)];
        if (v === undefined)
            continue;
        env[(0,reader/* inputVar */.So)(f.input)] = Array.isArray(v) ? v.join('\n') : v === true ? 'true' : String(v);
    }
    return env;
}

;// CONCATENATED MODULE: ./lib/cli/main.js








// Each command's flags, named once: the same list adds the options and reads them back.
const HYDRATE = [...CONNECTION_FLAGS, ...HYDRATE_FLAGS];
const PERSIST = [...CONNECTION_FLAGS, ...PERSIST_FLAGS];
const PUSH = [...CONNECTION_FLAGS, ...PUSH_FLAGS];
const RUN = [...CONNECTION_FLAGS, ...HYDRATE_FLAGS, ...PERSIST_FLAGS];
const OFFERS = [...VAST_FLAGS, ...OFFER_FLAGS];
const PROVISION = [...VAST_FLAGS, ...OFFER_FLAGS, ...PROVISION_FLAGS];
const TEARDOWN = [...VAST_FLAGS, ...TEARDOWN_FLAGS];
/** Exit codes, as the README lists them. */
const EXIT = { ok: 0, failure: 1, badInput: 2, interrupted: 130 };
function runtimeFor(g) {
    if (g.verbose)
        process.env.MARKETSIM_DEBUG = '1';
    return cliRuntime({ quiet: Boolean(g.quiet || g.json), tty: Boolean(process.stderr.isTTY) && !g.json });
}
function finish(rt, g, command, code, error, extra = {}) {
    if (error !== undefined)
        rt.log.error((0,errors/* errorMessage */.gJ)(error));
    // stdout holds exactly one JSON document; everything else went to stderr.
    if (g.json)
        process.stdout.write(`${JSON.stringify({ command, ok: code === 0, exitCode: code, ...extra, outputs: rt.outputs, ...(error === undefined ? {} : { error: (0,errors/* errorMessage */.gJ)(error) }) })}\n`);
    process.exit(code);
}
/**
 * Ctrl-C: one line and exit 130. Partial downloads stay as `*.marketsim-partial` and are picked up
 * (or removed) by the next run. While `run`'s command is running, the signal goes to the command
 * instead (its handler is registered then), and the logs are still persisted after it stops.
 */
function onInterrupt(rt, g, command) {
    process.on('SIGINT', () => {
        if (process.listeners('SIGINT').length > 1)
            return;
        process.stderr.write(`\ninterrupted: ${command} stopped; run it again to resume where it stopped\n`);
        finish(rt, g, command, EXIT.interrupted);
    });
}
async function attempt(g, command, fn, extra = {}) {
    const rt = runtimeFor(g);
    onInterrupt(rt, g, command);
    try {
        const code = (await fn(rt)) ?? 0;
        return finish(rt, g, command, code, undefined, extra);
    }
    catch (e) {
        return finish(rt, g, command, (0,errors/* isUserError */.iU)(e) ? EXIT.badInput : EXIT.failure, e, extra);
    }
}
const program = new esm/* Command */.uB('marketsim')
    .description('Sync market data from R2 / S3, run the simulator, and keep its logs; rent GPUs on Vast.ai: the engine of the marketsim GitHub Actions.')
    .version(VERSION, '-V, --version', 'print the version')
    .option('--json', 'print the result as one JSON document on stdout (everything else goes to stderr)')
    .option('-q, --quiet', 'print only warnings and errors')
    .option('-v, --verbose', 'print debug lines too')
    .option('--profile <name>', 'credentials from this profile of the shared AWS files (default AWS_PROFILE, else the files\' default) when no key is given')
    .addHelpText('after', '\nExit codes: 0 ok, 1 failure, 2 bad input or refused credentials, 130 interrupted.\nRun marketsim <command> --help for a command\'s options and examples.')
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) });
const global = () => program.opts();
/** Storage commands also honour the shared AWS credential files, as the SDK does (loaded only then). */
async function storageEnv(env) {
    const { withProfileCredentials } = await __webpack_require__.e(/* import() */ 907).then(__webpack_require__.bind(__webpack_require__, 6907));
    return withProfileCredentials(env, global().profile);
}
/** `--repo owner/name` stands in for the runner's GITHUB_REPOSITORY (and its owner, for org scope). */
function withRepo(env, repo) {
    if (typeof repo !== 'string' || !repo)
        return env;
    return { ...env, GITHUB_REPOSITORY: repo, GITHUB_REPOSITORY_OWNER: repo.split('/')[0] };
}
function examples(lines) {
    return `\nExamples:\n${lines.map((l) => `  $ ${l}`).join('\n')}\n`;
}
addFlags(program.command('hydrate').description('pull the data folders from the bucket (incremental, verified)'), HYDRATE)
    .addHelpText('after', examples(['marketsim hydrate --local-root ./data --dry-run', 'marketsim hydrate --local-root ./data --include \'trainingdata/AAPL*\' --include \'hyperparams/*\'']))
    .action(async (opts) => {
    await attempt(global(), 'hydrate', async (rt) => {
        // Each command loads only its own code: a no-op hydrate never parses the AWS SDK.
        const { hydrateStep } = await Promise.all(/* import() */[__webpack_require__.e(557), __webpack_require__.e(332), __webpack_require__.e(71), __webpack_require__.e(466)]).then(__webpack_require__.bind(__webpack_require__, 9071));
        await hydrateStep(rt, await storageEnv(flagsToEnv(opts, HYDRATE, process.env)));
    }, opts.dryRun ? { dryRun: true } : {});
});
addFlags(program.command('persist-logs').description('upload the log folder and confirm every file landed'), PERSIST)
    .addHelpText('after', examples(['marketsim persist-logs --local-root . --experiment-id exp-42']))
    .action(async (opts) => {
    await attempt(global(), 'persist-logs', async (rt) => {
        const { persistStep } = await Promise.all(/* import() */[__webpack_require__.e(332), __webpack_require__.e(606), __webpack_require__.e(146)]).then(__webpack_require__.bind(__webpack_require__, 1049));
        await persistStep(rt, await storageEnv(flagsToEnv(opts, PERSIST, process.env)));
    });
});
addFlags(program.command('push'), PUSH)
    .description('publish data folders from the local root to <prefix><folder>/ (incremental, verified; --delete removes remote files missing locally, inside those folders only)')
    .addHelpText('after', examples(['marketsim push --local-root ./data --dirs trainingdata --dry-run', 'marketsim push --local-root ./data --dirs trainingdata,hyperparams --delete']))
    .action(async (opts) => {
    await attempt(global(), 'push', async (rt) => {
        const { pushStep } = await Promise.all(/* import() */[__webpack_require__.e(332), __webpack_require__.e(606), __webpack_require__.e(739)]).then(__webpack_require__.bind(__webpack_require__, 9761));
        await pushStep(rt, await storageEnv(flagsToEnv(opts, PUSH, process.env)));
    }, opts.dryRun ? { dryRun: true } : {});
});
addFlags(program.command('run'), RUN)
    .description('hydrate, run the command after -- with bash -lc, then persist the logs (also when it fails or is interrupted); exits with its code')
    .usage('[options] -- <command...>')
    .argument('[command...]', 'the command, after --')
    .option('--working-directory <dir>', 'where the command runs')
    .option('--no-hydrate', 'skip the hydrate stage')
    .addHelpText('after', examples(['marketsim run --local-root . -- python -m marketsimulator.runner --config configs/base.json', 'marketsim run --no-hydrate --experiment-id exp-42 -- make simulate']))
    .action(async (cmd, opts) => {
    await attempt(global(), 'run', async (rt) => {
        const dashes = process.argv.indexOf('--');
        if (cmd.length === 0)
            throw new errors/* ConfigurationError */.j1('run: a command is required after --, e.g. marketsim run -- python -m marketsimulator.runner (to sync only, use hydrate and persist-logs)');
        if (dashes < 0)
            throw new errors/* ConfigurationError */.j1(`run: put the command after --, e.g. marketsim run [options] -- ${cmd.join(' ')}`);
        const [{ shellJoin }, { syncAndRun }] = await Promise.all([__webpack_require__.e(/* import() */ 456).then(__webpack_require__.bind(__webpack_require__, 6456)), Promise.all(/* import() */[__webpack_require__.e(557), __webpack_require__.e(332), __webpack_require__.e(606), __webpack_require__.e(71), __webpack_require__.e(942)]).then(__webpack_require__.bind(__webpack_require__, 7942))]);
        const env = await storageEnv(flagsToEnv(opts, RUN, process.env));
        env[(0,reader/* inputVar */.So)('hydrate')] = opts.hydrate === false ? 'false' : 'true';
        env[(0,reader/* inputVar */.So)('run')] = cmd.length === 1 ? (cmd[0] ?? '') : shellJoin(cmd);
        if (opts.workingDirectory)
            env[(0,reader/* inputVar */.So)('working-directory')] = String(opts.workingDirectory);
        // With --json, stdout is the result document alone: the command's output goes to stderr.
        if (global().json)
            env.MARKETSIM_COMMAND_STDOUT = 'stderr';
        return (await syncAndRun(rt, env)).exitCode;
    });
});
addFlags(program.command('offers').description('list the Vast offers that match the filters, cheapest first (and why none match)'), OFFERS)
    .addHelpText('after', examples(['marketsim offers --max-price 0.8', 'marketsim offers --gpu-name "RTX 4090" --min-cuda 12.4 --json']))
    .action(async (opts) => {
    await attempt(global(), 'offers', async (rt) => {
        const { listOffers } = await Promise.all(/* import() */[__webpack_require__.e(435), __webpack_require__.e(827)]).then(__webpack_require__.bind(__webpack_require__, 9751));
        await listOffers(rt, flagsToEnv(opts, OFFERS, process.env), Boolean(global().json));
    });
});
addFlags(program.command('provision').description('rent a GPU and register it as a one-job GitHub runner'), PROVISION)
    .option('--repo <owner/name>', 'repository the runner registers on (default GITHUB_REPOSITORY)')
    .addHelpText('after', examples(['marketsim provision --repo acme/marketsim --image ghcr.io/acme/sim@sha256:... --max-price 0.8 --max-runtime 240m']))
    .action(async (opts) => {
    await attempt(global(), 'provision', async (rt) => {
        const { provisionStep } = await Promise.all(/* import() */[__webpack_require__.e(435), __webpack_require__.e(84)]).then(__webpack_require__.bind(__webpack_require__, 1084));
        const env = flagsToEnv(opts, PROVISION, process.env);
        await provisionStep(rt, withRepo(env, opts.repo), cancelSignal());
    });
});
for (const [name, mode, text, example] of [
    ['teardown', 'destroy', 'destroy an instance (by id and/or label) and remove its runner; prints runtime and cost', 'marketsim teardown --instance-id 123456'],
    ['reap', 'reap', 'destroy every instance of ours that is too old or whose workflow run has completed', 'marketsim reap --max-age 6h --dry-run'],
]) {
    addFlags(program.command(name).description(text), TEARDOWN)
        .option('--repo <owner/name>', 'repository of the runners (default GITHUB_REPOSITORY)')
        .addHelpText('after', examples([example]))
        .action(async (opts) => {
        await attempt(global(), name, async (rt) => {
            const { teardownStep } = await Promise.all(/* import() */[__webpack_require__.e(435), __webpack_require__.e(591)]).then(__webpack_require__.bind(__webpack_require__, 591));
            const env = flagsToEnv(opts, TEARDOWN, process.env);
            env[(0,reader/* inputVar */.So)('mode')] = mode;
            if (mode === 'destroy')
                env.MARKETSIM_REQUIRE_TARGET = 'true';
            await teardownStep(rt, withRepo(env, opts.repo));
        });
    });
}
const experiments = program.command('experiments').description('read experiment records (experiment.json next to each experiment\'s logs)');
addFlags(experiments.command('show').description('print one experiment\'s record').argument('<id>', 'experiment id'), CONNECTION_FLAGS)
    .addHelpText('after', examples(['marketsim experiments show marketsim-20261130-031700-123-0']))
    .action(async (id, opts) => {
    await attempt(global(), 'experiments show', async (rt) => {
        const { showExperiment } = await Promise.all(/* import() */[__webpack_require__.e(332), __webpack_require__.e(285)]).then(__webpack_require__.bind(__webpack_require__, 2870));
        await showExperiment(rt, await storageEnv(flagsToEnv(opts, CONNECTION_FLAGS, process.env)), id, Boolean(global().json));
    });
});
addFlags(experiments.command('list').description('list recent experiments, newest first'), CONNECTION_FLAGS)
    .option('--limit <n>', 'how many (default 20)')
    .addHelpText('after', examples(['marketsim experiments list --limit 5', 'marketsim --json experiments list']))
    .action(async (opts) => {
    await attempt(global(), 'experiments list', async (rt) => {
        const { listExperiments } = await Promise.all(/* import() */[__webpack_require__.e(332), __webpack_require__.e(285)]).then(__webpack_require__.bind(__webpack_require__, 2870));
        const limit = Number(opts.limit ?? 20);
        if (!Number.isInteger(limit) || limit < 1)
            throw new errors/* ConfigurationError */.j1(`limit: expected a whole number of 1 or more, got '${String(opts.limit)}'`);
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
    .action(async (opts) => {
    await attempt(global(), 'doctor', async (rt) => {
        const { runDoctor } = await Promise.all(/* import() */[__webpack_require__.e(332), __webpack_require__.e(435), __webpack_require__.e(966)]).then(__webpack_require__.bind(__webpack_require__, 9453));
        return runDoctor(rt, withRepo(await storageEnv({ ...process.env }), opts.repo), opts, Boolean(global().json));
    });
});
program.parseAsync(process.argv).catch((e) => {
    if (e instanceof esm/* CommanderError */.b7) {
        // --help and --version end here with 0; an unknown option or command is bad input: one line, exit 2.
        if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help')
            process.exit(0);
        const extra = e.code === 'commander.excessArguments' ? ' (a command for run goes after --)' : '';
        process.stderr.write(`${extra ? `${extra.trim()}\n` : ''}(marketsim --help lists the commands, marketsim <command> --help their options)\n`);
        process.exit(EXIT.badInput);
    }
    process.stderr.write(`error: ${(0,errors/* errorMessage */.gJ)(e)}\n`);
    process.exit(EXIT.badInput);
});


/***/ }),

/***/ 452:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   gJ: () => (/* binding */ errorMessage),
/* harmony export */   iU: () => (/* binding */ isUserError),
/* harmony export */   j1: () => (/* binding */ ConfigurationError)
/* harmony export */ });
/** A problem with what the user gave us (inputs, flags, credentials), as opposed to a bug. */
class ConfigurationError extends Error {
    name = 'ConfigurationError';
}
function errorMessage(e) {
    return e instanceof Error ? e.message : String(e);
}
/**
 * Bad input or a refused credential: exit 2 (CLI and actions), one line naming what to fix. Errors
 * from the service clients say so with `userError` (a refused Vast key, a refused GitHub token).
 */
function isUserError(e) {
    return e instanceof ConfigurationError || e?.userError === true;
}


/***/ }),

/***/ 178:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   So: () => (/* binding */ inputVar),
/* harmony export */   i_: () => (/* binding */ InputReader)
/* harmony export */ });
/* unused harmony export splitList */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(452);

/** The variable the runner sets for an input: spaces become `_`, upper case, hyphens kept. */
function inputVar(name) {
    return `INPUT_${name.replace(/ /g, '_').toUpperCase()}`;
}
const TRUE = ['true', 'True', 'TRUE'];
const FALSE = ['false', 'False', 'FALSE'];
/**
 * Reads action inputs with environment fallbacks (input, then variables, then default) and
 * collects every problem, so the user sees all of them in one message.
 */
class InputReader {
    vars;
    problems = [];
    /** Every input asked for, with its variable fallbacks: checked against action.yml by a test. */
    seen = new Map();
    constructor(vars) {
        this.vars = vars;
    }
    /** The raw value and where it came from, or undefined when the input and its variables are empty. */
    raw(name, opts = {}) {
        this.seen.set(name, [...(this.seen.get(name) ?? []), ...(opts.env ?? [])]);
        for (const v of [inputVar(name), ...(opts.env ?? [])]) {
            const value = this.vars[v]?.trim();
            if (value)
                return { value, source: v.startsWith('INPUT_') ? `input '${name}'` : `variable ${v}` };
        }
        return undefined;
    }
    problem(name, message) {
        // One input read twice (the root action reads the store for hydrate and for persist) is one problem.
        const p = `${name}: ${message}`;
        if (!this.problems.includes(p))
            this.problems.push(p);
    }
    string(name, opts) {
        return this.raw(name, opts)?.value ?? opts.default;
    }
    required(name, opts) {
        const v = this.raw(name, opts)?.value;
        if (v === undefined) {
            const vars = opts.env?.length ? ` (or variable ${opts.env.join(' / ')})` : '';
            this.problem(name, `required${vars}${opts.hint ? `; ${opts.hint}` : ''}`);
            return '';
        }
        return v;
    }
    /** YAML 1.2 core booleans only; anything else is an error, never a silent default. */
    bool(name, opts) {
        const r = this.raw(name, opts);
        if (!r)
            return opts.default;
        if (TRUE.includes(r.value))
            return true;
        if (FALSE.includes(r.value))
            return false;
        this.problem(name, `expected true or false, got '${r.value}' (from ${r.source})`);
        return opts.default;
    }
    int(name, opts) {
        const r = this.raw(name, opts);
        if (!r)
            return opts.default;
        if (!/^-?\d+$/.test(r.value)) {
            this.problem(name, `expected a whole number from ${opts.min} to ${opts.max}, got '${r.value}'`);
            return opts.default;
        }
        const n = Number(r.value);
        if (n < opts.min || n > opts.max) {
            this.problem(name, `expected a whole number from ${opts.min} to ${opts.max}, got ${n}`);
            return opts.default;
        }
        return n;
    }
    oneOf(name, values, opts) {
        const r = this.raw(name, opts);
        if (!r)
            return opts.default;
        if (values.includes(r.value))
            return r.value;
        this.problem(name, `expected one of ${values.join(', ')}, got '${r.value}'`);
        return opts.default;
    }
    /** Newline- or comma-separated; commas inside `{a,b}` glob braces do not split. */
    list(name, opts) {
        const r = this.raw(name, opts);
        if (!r)
            return opts.default ?? [];
        return splitList(r.value);
    }
    /** Throws one ConfigurationError listing every problem seen so far. */
    finish() {
        if (this.problems.length === 1)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`Invalid input ${this.problems[0]}`);
        if (this.problems.length > 1) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`Invalid inputs:\n${this.problems.map((p) => `  - ${p}`).join('\n')}`);
        }
    }
}
function splitList(value) {
    const out = [];
    for (const line of value.split(/\r?\n/)) {
        let depth = 0;
        let cur = '';
        for (const ch of line) {
            if (ch === '{')
                depth++;
            if (ch === '}')
                depth = Math.max(0, depth - 1);
            if (ch === ',' && depth === 0) {
                out.push(cur);
                cur = '';
            }
            else
                cur += ch;
        }
        out.push(cur);
    }
    return out.map((s) => s.trim()).filter((s) => s.length > 0);
}


/***/ }),

/***/ 2625:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   CE: () => (/* binding */ formatRate),
/* harmony export */   K$: () => (/* binding */ renderTextTable),
/* harmony export */   Xo: () => (/* binding */ formatSeconds),
/* harmony export */   gc: () => (/* binding */ formatEta),
/* harmony export */   oz: () => (/* binding */ progressLine),
/* harmony export */   z3: () => (/* binding */ formatBytes)
/* harmony export */ });
/** Human units shared by progress lines, summaries and the CLI: decimal throughout (kB, MB, GB), like MB/s. */
function formatBytes(n) {
    if (!Number.isFinite(n) || n < 0)
        return '?';
    const units = ['B', 'kB', 'MB', 'GB', 'TB'];
    let v = n;
    let i = 0;
    while (v >= 1000 && i < units.length - 1) {
        v /= 1000;
        i++;
    }
    return i === 0 ? `${v} B` : `${v.toFixed(v >= 100 ? 0 : v >= 10 ? 1 : 2)} ${units[i]}`;
}
/** Decimal MB/s, the unit aws-cli and rclone print. */
function formatRate(bytes, ms) {
    if (ms <= 0)
        return '-';
    return `${(bytes / 1e6 / (ms / 1000)).toFixed(1)} MB/s`;
}
function formatSeconds(ms) {
    return `${(ms / 1000).toFixed(ms < 10000 ? 2 : 1)} s`;
}
function formatEta(p) {
    if (p.bytesDone <= 0 || p.bytesTotal <= p.bytesDone)
        return '-';
    const rate = p.bytesDone / p.elapsedMs;
    const s = Math.round((p.bytesTotal - p.bytesDone) / rate / 1000);
    return s >= 60 ? `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s` : `${s}s`;
}
/** One progress line for logs that are not terminals (Actions logs, CI); nothing to move reads "up to date". */
function progressLine(label, p) {
    if (p.filesTotal === 0)
        return `${label}: up to date, nothing to transfer`;
    return (`${label}: ${p.filesDone}/${p.filesTotal} files, ${formatBytes(p.bytesDone)}/${formatBytes(p.bytesTotal)}, ` +
        `${formatRate(p.bytesDone, p.elapsedMs)}, ETA ${formatEta(p)}`);
}
/** Plain-text rendering of a table, for terminals and tests. */
function renderTextTable(header, rows) {
    const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
    const line = (cells) => cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ').trimEnd();
    return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}


/***/ })

};
