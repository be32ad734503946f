export const id = 942;
export const ids = [942,456];
export const modules = {

/***/ 1049:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   persistStep: () => (/* binding */ persistStep),
/* harmony export */   vI: () => (/* binding */ withExperimentId)
/* harmony export */ });
/* unused harmony exports PERSIST_OUTPUTS, readPersistInputs */
/* harmony import */ var _inputs_reader_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(178);
/* harmony import */ var _inputs_storage_inputs_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9447);
/* harmony import */ var _storage_persist_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7606);
/* harmony import */ var _storage_report_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4983);




const PERSIST_OUTPUTS = (/* unused pure expression or super */ null && (['experiment-id', 'uri', 'files-uploaded', 'files-skipped', 'bytes-uploaded', 'verified']));
function readPersistInputs(env, mask) {
    const r = new _inputs_reader_js__WEBPACK_IMPORTED_MODULE_3__/* .InputReader */ .i_(env);
    return { r, cfg: (0,_inputs_storage_inputs_js__WEBPACK_IMPORTED_MODULE_0__/* .readPersistConfig */ .X7)(r, env, mask) };
}
/** Pins the experiment id (e.g. the one main generated) for a later step such as post. */
function withExperimentId(env, id) {
    return { ...env, [(0,_inputs_reader_js__WEBPACK_IMPORTED_MODULE_3__/* .inputVar */ .So)('experiment-id')]: id };
}
/** r2-persist-logs: inputs → upload and confirm → outputs and summary. Throws if anything is missing. */
async function persistStep(rt, env) {
    const { r, cfg } = readPersistInputs(env, (s) => rt.mask(s));
    r.finish();
    rt.log.info(`Persisting ${cfg.logDir} to s3://${cfg.store.bucket}/${cfg.targetPrefix}`);
    // The id and uri first: a later step needs them even if the upload fails.
    rt.setOutput('experiment-id', cfg.experimentId);
    rt.setOutput('uri', `s3://${cfg.store.bucket}/${cfg.targetPrefix}`);
    const result = await (0,_storage_persist_js__WEBPACK_IMPORTED_MODULE_1__/* .persistLogs */ .g3)(cfg, rt.log, rt.progress('persist-logs'));
    rt.setOutput('files-uploaded', result.uploaded);
    rt.setOutput('files-skipped', result.skipped);
    rt.setOutput('bytes-uploaded', result.bytesUploaded);
    rt.setOutput('verified', result.verified);
    await rt.writeSummary((0,_storage_report_js__WEBPACK_IMPORTED_MODULE_2__/* .persistSummary */ .f)(result));
    if (result.failures.length) {
        throw new Error(`${result.failures.length} log files could not be uploaded: ${result.failures.slice(0, 10).map((f) => `${f.rel}: ${f.message}`).join('; ')}`);
    }
    if (!result.noFiles && !result.verified) {
        throw new Error(`Upload not confirmed: missing or different in ${result.uri}: ${result.missing.slice(0, 20).join(', ')}`);
    }
    return result;
}


/***/ }),

/***/ 6456:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   commandEnv: () => (/* binding */ commandEnv),
/* harmony export */   hiddenFromCommand: () => (/* binding */ hiddenFromCommand),
/* harmony export */   runCommand: () => (/* binding */ runCommand),
/* harmony export */   shellJoin: () => (/* binding */ shellJoin)
/* harmony export */ });
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1421);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8161);


/**
 * Runs `command` with `bash -lc` (login shell, so profiles and shell features work), output live
 * on our stdout/stderr. Resolves with the exit code (128 + signal number when killed by a signal).
 * SIGINT/SIGTERM sent to us are passed on, so a cancelled job stops the command, not just us.
 */
function runCommand(command, cwd, env, stdoutToStderr = false) {
    return new Promise((resolve, reject) => {
        // A login shell reads /etc/profile, which on Debian resets PATH: the caller's PATH (a virtualenv,
        // setup-python's tool cache) is put back before the command runs.
        const script = env.PATH ? `export PATH=${shellJoin([env.PATH])}\n${command}` : command;
        // With `--json` the CLI's stdout is the result document alone: the command writes to stderr then.
        const child = (0,node_child_process__WEBPACK_IMPORTED_MODULE_0__.spawn)('bash', ['-lc', script], { cwd, env, stdio: ['inherit', stdoutToStderr ? 2 : 'inherit', 'inherit'] });
        const forward = (sig) => () => child.kill(sig);
        const onInt = forward('SIGINT');
        const onTerm = forward('SIGTERM');
        process.on('SIGINT', onInt);
        process.on('SIGTERM', onTerm);
        const cleanup = () => {
            process.off('SIGINT', onInt);
            process.off('SIGTERM', onTerm);
        };
        child.on('error', (e) => {
            cleanup();
            reject(e);
        });
        child.on('close', (code, signal) => {
            cleanup();
            resolve(code ?? 128 + (signal ? (node_os__WEBPACK_IMPORTED_MODULE_1__.constants.signals[signal] ?? 0) : 0));
        });
    });
}
/**
 * Variables the user's command never sees: our inputs and state, storage keys and session tokens
 * (R2_*, AWS_*), the Vast keys (VAST_*, CONTAINER_API_KEY), registry and Cloudflare credentials, the
 * runner's JIT pieces and tokens (ACTIONS_RUNNER_*, ACTIONS_RUNTIME_TOKEN, ACTIONS_ID_TOKEN_*,
 * ACTIONS_CACHE_*, ACTIONS_RESULTS_URL), GitHub tokens, our own MARKETSIM_* plumbing, and any name
 * that says it holds a secret (…TOKEN, …SECRET…, …PASSWORD, …API_KEY, …PRIVATE_KEY, …CREDENTIALS).
 */
const HIDDEN_PREFIX = /^(INPUT_|STATE_|R2_|AWS_|VAST_|CONTAINER_API_KEY$|REGISTRY_|CLOUDFLARE_|MARKETSIM_|ACTIONS_RUNNER_|ACTIONS_RUNTIME_|ACTIONS_ID_TOKEN_|ACTIONS_CACHE_|ACTIONS_RESULTS_URL$|GITHUB_TOKEN$|GH_TOKEN$|GH_ENTERPRISE_TOKEN$|GITHUB_ENTERPRISE_TOKEN$|RUNNER_APP_)/;
const SECRET_NAME = /(TOKEN|SECRET|PASSWORD|PASSWD|API_KEY|APIKEY|PRIVATE_KEY|ACCESS_KEY|CREDENTIAL)/i;
function hiddenFromCommand(name) {
    return HIDDEN_PREFIX.test(name) || SECRET_NAME.test(name);
}
/**
 * The command's environment: ours without any secret (see HIDDEN_PREFIX), plus `extra` (EXPERIMENT_ID,
 * LOCAL_ROOT, LOCAL_LOG_DIR) and the names the user passes through on purpose (`passEnv`).
 */
function commandEnv(env, extra, passEnv = []) {
    const out = {};
    const keep = new Set(passEnv);
    for (const [k, v] of Object.entries(env))
        if (keep.has(k) || !hiddenFromCommand(k))
            out[k] = v;
    return { ...out, ...extra };
}
/** Quotes argv for `bash -lc`, so `marketsim run -- a 'b c'` runs exactly a and "b c". */
function shellJoin(argv) {
    return argv.map((a) => (/^[A-Za-z0-9_./:=@%+,-]+$/.test(a) ? a : `'${a.replace(/'/g, `'\\''`)}'`)).join(' ');
}


/***/ }),

/***/ 7942:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  RUN_OUTPUTS: () => (/* binding */ RUN_OUTPUTS),
  STATE_EXPERIMENT_ID: () => (/* binding */ STATE_EXPERIMENT_ID),
  STATE_PERSIST: () => (/* binding */ STATE_PERSIST),
  persistIfUnfinished: () => (/* binding */ persistIfUnfinished),
  readRunInputs: () => (/* binding */ readRunInputs),
  syncAndRun: () => (/* binding */ syncAndRun)
});

// EXTERNAL MODULE: ./lib/inputs/reader.js
var reader = __webpack_require__(178);
// EXTERNAL MODULE: ./lib/inputs/storage-inputs.js + 1 modules
var storage_inputs = __webpack_require__(9447);
// EXTERNAL MODULE: ./lib/actions/r2-hydrate/step.js + 19 modules
var step = __webpack_require__(9071);
// EXTERNAL MODULE: ./lib/actions/r2-persist-logs/step.js
var r2_persist_logs_step = __webpack_require__(1049);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./lib/errors.js
var errors = __webpack_require__(452);
// EXTERNAL MODULE: ./lib/experiments/record.js
var experiments_record = __webpack_require__(123);
// EXTERNAL MODULE: ./node_modules/p-limit/index.js + 1 modules
var p_limit = __webpack_require__(370);
// EXTERNAL MODULE: ./lib/s3/access-check.js
var access_check = __webpack_require__(651);
// EXTERNAL MODULE: ./lib/s3/list.js
var list = __webpack_require__(6200);
// EXTERNAL MODULE: ./lib/s3/s3-http.js + 1 modules
var s3_http = __webpack_require__(8164);
;// CONCATENATED MODULE: ./lib/storage/archive-attempt.js




const ATTEMPT_DIR = /^attempt-\d+\//;
/**
 * Before a retry writes the experiment's logs, what the failed attempt left under `<target>` moves to
 * `<target>attempt-<n>/` (server-side copy, then delete; inside the one prefix the logs credential
 * may write), so nothing of it is overwritten and the retry's logs stand at the usual place.
 */
async function archiveAttempt(store, target, attempt, log) {
    const http = new s3_http/* S3Http */.VF(store, { connections: 12, onRetry: (m) => log.info(m) });
    try {
        const objects = (await (0,list/* listAll */._w)(http, target, { firstPageRetry: access_check/* FIRST_REQUEST_RETRY */.m }).catch((e) => {
            throw (0,access_check/* explainAccessError */.Q)(e, store, target);
        })).filter((o) => !ATTEMPT_DIR.test(o.key.slice(target.length)));
        const limit = (0,p_limit/* default */.A)(8);
        await Promise.all(objects.map((o) => limit(async () => {
            const rel = o.key.slice(target.length);
            const to = `${target}attempt-${attempt}/${rel}`;
            await http.call('PUT', to, `copy s3://${store.bucket}/${o.key} to ${to}`, { headers: { 'x-amz-copy-source': `/${store.bucket}/${(0,s3_http/* encodeKeyPath */.xC)(o.key)}`, 'content-length': '0' }, body: Buffer.alloc(0) }, async () => undefined);
            await http.call('DELETE', o.key, `delete s3://${store.bucket}/${o.key}`, { accept: [200, 204, 404] }, async () => undefined);
        })));
        if (objects.length)
            log.info(`Kept the ${objects.length} files of attempt ${attempt} under s3://${store.bucket}/${target}attempt-${attempt}/`);
        return objects.length;
    }
    finally {
        await http.close();
    }
}

// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(1421);
;// CONCATENATED MODULE: ./lib/telemetry/gpu.js



const QUERY = 'index,utilization.gpu,memory.used,memory.total,power.draw,temperature.gpu,driver_version';
const GPU_CSV_HEADER = 'time,gpu,utilization_pct,memory_used_mib,memory_total_mib,power_w,temperature_c';
const none = { stop: async () => undefined };
function onPath(cmd, env) {
    return (0,external_node_child_process_.spawnSync)('sh', ['-c', `command -v ${cmd}`], { env, stdio: 'ignore' }).status === 0;
}
const num = (s) => {
    const n = Number((s ?? '').trim());
    return Number.isFinite(n) ? n : NaN;
};
/**
 * Samples every GPU every `intervalS` seconds into `<logDir>/gpu.csv` while the command runs, with
 * `nvidia-smi --query-gpu ... -l`. Where there is no nvidia-smi (the demo, a laptop) there is no
 * sampler and no error.
 */
function startGpuSampler(logDir, opts = {}) {
    const env = opts.env ?? process.env;
    if (!onPath('nvidia-smi', env))
        return none;
    external_node_fs_.mkdirSync(logDir, { recursive: true });
    const csv = external_node_fs_.createWriteStream(external_node_path_.join(logDir, 'gpu.csv'));
    csv.write(`${GPU_CSV_HEADER}\n`);
    let child;
    try {
        child = (0,external_node_child_process_.spawn)('nvidia-smi', [`--query-gpu=${QUERY}`, '--format=csv,noheader,nounits', '-l', String(opts.intervalS ?? 5)], { env, stdio: ['ignore', 'pipe', 'ignore'] });
    }
    catch {
        csv.end();
        return none;
    }
    child.on('error', () => undefined);
    const perTick = new Map();
    let samples = 0;
    let utilSum = 0;
    let utilN = 0;
    let utilPeak = 0;
    let memPeak = 0;
    let powerPeak = 0;
    let tempPeak = 0;
    let driver;
    const gpus = new Set();
    let rest = '';
    child.stdout.on('data', (d) => {
        const lines = (rest + d.toString()).split('\n');
        rest = lines.pop() ?? '';
        for (const line of lines) {
            const f = line.split(',').map((x) => x.trim());
            if (f.length < 6 || !/^\d+$/.test(f[0] ?? ''))
                continue;
            const [gpu, util, memUsed, memTotal, power, temp] = [f[0], num(f[1]), num(f[2]), num(f[3]), num(f[4]), num(f[5])];
            driver ??= f[6];
            const t = new Date().toISOString();
            csv.write(`${t},${gpu},${util},${memUsed},${memTotal},${power},${temp}\n`);
            gpus.add(gpu);
            samples++;
            if (Number.isFinite(util)) {
                utilSum += util;
                utilN++;
                utilPeak = Math.max(utilPeak, util);
                // One tick = one line per GPU at the same second.
                const tick = t.slice(0, 19);
                perTick.set(tick, [...(perTick.get(tick) ?? []), util]);
            }
            if (Number.isFinite(memUsed))
                memPeak = Math.max(memPeak, memUsed);
            if (Number.isFinite(power))
                powerPeak = Math.max(powerPeak, power);
            if (Number.isFinite(temp))
                tempPeak = Math.max(tempPeak, temp);
        }
    });
    return {
        stop: async () => {
            child.kill('SIGTERM');
            await new Promise((r) => (child.exitCode !== null || child.signalCode !== null ? r() : child.once('close', () => r())));
            await new Promise((r) => csv.end(r));
            if (samples === 0)
                return undefined;
            const ticks = [...perTick.values()];
            const idle = ticks.filter((u) => u.every((x) => x < 5)).length;
            const idleShare = ticks.length ? idle / ticks.length : 0;
            return {
                samples,
                gpus: gpus.size,
                utilMean: utilN ? Math.round((utilSum / utilN) * 10) / 10 : 0,
                utilPeak,
                memPeakMib: memPeak,
                powerPeakW: powerPeak,
                tempPeakC: tempPeak,
                idleShare: Math.round(idleShare * 1000) / 1000,
                ...(driver ? { driverVersion: driver } : {}),
                mostlyIdle: ticks.length >= 3 && idleShare > 0.5,
            };
        },
    };
}

// EXTERNAL MODULE: ./lib/actions/run/command.js
var run_command = __webpack_require__(6456);
;// CONCATENATED MODULE: ./lib/actions/run/sync-and-run.js











const STATE_EXPERIMENT_ID = 'experiment-id';
const STATE_PERSIST = 'persist';
const RUN_OUTPUTS = ['exit-code', 'failure-kind'];
/** Reads and checks every input of the root action at once, before anything is written. */
function readRunInputs(env, mask) {
    const r = new reader/* InputReader */.i_(env);
    const command = r.string('run', {});
    const workingDirectory = r.string('working-directory', {});
    // Names the command may see despite the secret rules (e.g. WANDB_API_KEY); never our own plumbing.
    const passEnv = r.list('pass-env', {});
    for (const n of passEnv)
        if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(n) || /^(INPUT_|STATE_|R2_|AWS_|VAST_|CONTAINER_|MARKETSIM_|ACTIONS_)/.test(n))
            r.problem('pass-env', `${n} may not be passed to the command`);
    const doHydrate = r.bool('hydrate', { default: true });
    // Which attempt of this experiment this is (a retry after an infrastructure failure is 2).
    const attempt = r.int('attempt', { env: ['MARKETSIM_ATTEMPT'], default: 1, min: 1, max: 10 });
    r.bool('cache', { default: false });
    const hydrateCfg = (0,storage_inputs/* readHydrateConfig */.k8)(r, env, mask);
    const persistCfg = (0,storage_inputs/* readPersistConfig */.X7)(r, env, mask);
    return { r, command, workingDirectory, passEnv, doHydrate, attempt, hydrateCfg, persistCfg };
}
/**
 * The old sync-and-run script as one step: hydrate, run the command, persist the logs (also when
 * the command failed). The experiment id goes into state first, so a post step that finds the
 * persist unfinished (cancel, timeout, kill) uploads to the same place.
 */
async function syncAndRun(rt, env) {
    const { r, command, workingDirectory, passEnv, doHydrate, attempt, hydrateCfg, persistCfg } = readRunInputs(env, (s) => rt.mask(s));
    r.finish();
    const id = persistCfg.experimentId;
    const uri = `s3://${persistCfg.store.bucket}/${persistCfg.targetPrefix}`;
    rt.saveState(STATE_EXPERIMENT_ID, id);
    rt.setOutput('experiment-id', id);
    rt.setOutput('uri', uri);
    const pinned = (0,r2_persist_logs_step/* withExperimentId */.vI)(env, id);
    // Until the command starts, a run that stops is an infrastructure failure.
    rt.setOutput('failure-kind', 'infrastructure');
    if (attempt > 1)
        await archiveAttempt(persistCfg.store, persistCfg.targetPrefix, attempt - 1, rt.log);
    // The experiment record, kept current in the log folder at every milestone: persisted with the
    // logs, also when something fails (the post step finishes it).
    const now = () => new Date().toISOString();
    const host = (0,experiments_record/* parseHostFacts */.fh)(env.MARKETSIM_HOST);
    const digest = /@(sha256:[0-9a-f]{64})$/.exec(env.MARKETSIM_IMAGE ?? '')?.[1];
    const record = {
        schema: experiments_record/* RECORD_SCHEMA */.ep,
        experimentId: id,
        ...(env.MARKETSIM_LANE ? { lane: env.MARKETSIM_LANE } : {}),
        ...(env.CONFIG ? { config: env.CONFIG } : {}),
        ...(command ? { command } : {}),
        ...(attempt > 1 ? { attempt } : {}),
        outcome: { status: 'running' },
        github: (0,experiments_record/* githubFacts */.JW)(env),
        ...(env.MARKETSIM_IMAGE ? { image: { ref: env.MARKETSIM_IMAGE, ...(digest ? { digest } : {}) } } : {}),
        data: [],
        ...(host ? { host } : {}),
        timestamps: { ...(host?.queuedAt ? { queued: host.queuedAt } : {}), ...(host?.rentedAt ? { rented: host.rentedAt } : {}), ...(host?.onlineAt ? { runnerOnline: host.onlineAt } : {}) },
    };
    const save = () => (0,experiments_record/* writeRecord */.rh)(persistCfg.logDir, record);
    save();
    // Named before hydrating (never `spawn bash ENOENT` after a long download); the logs are still persisted.
    const cwdProblem = workingDirectory === undefined ? undefined : missingFolder(workingDirectory);
    if (cwdProblem)
        rt.log.error(`working-directory: ${cwdProblem}; not hydrating nor running the command`);
    if (doHydrate && !cwdProblem) {
        record.timestamps.hydrateStart = now();
        save();
        const h = await (0,step.hydrateStep)(rt, pinned).catch((e) => {
            record.outcome = { status: 'failed', failure: 'infrastructure', message: `hydrate: ${e.message}` };
            save();
            throw e;
        });
        record.timestamps.hydrateEnd = now();
        record.data = h.dirs.map((d) => ({ folder: d.dir, objects: d.objects, downloaded: d.downloaded, bytes: d.bytes }));
        record.manifestHash = h.manifestHash;
        save();
    }
    let exitCode = 0;
    if (command && !cwdProblem) {
        rt.log.info(`Running: bash -lc ${JSON.stringify(command)}`);
        record.timestamps.commandStart = now();
        save();
        // From here a job that ends without a verdict (timeout, cancel) is the command's; a lost host
        // delivers no output at all, which the lane reads as infrastructure.
        rt.setOutput('failure-kind', 'simulator');
        const gpu = startGpuSampler(persistCfg.logDir, { intervalS: Number(env.MARKETSIM_GPU_INTERVAL ?? 5), env });
        exitCode = await (0,run_command.runCommand)(command, workingDirectory, (0,run_command.commandEnv)(env, { EXPERIMENT_ID: id, LOCAL_ROOT: hydrateCfg.localRoot, LOCAL_LOG_DIR: persistCfg.logDir }, passEnv), env.MARKETSIM_COMMAND_STDOUT === 'stderr');
        record.timestamps.commandEnd = now();
        const g = await gpu.stop();
        if (g) {
            record.gpu = g;
            if (record.host && g.driverVersion)
                record.host.driver = g.driverVersion;
            rt.log.info(`GPU: ${g.utilMean}% busy on average (peak ${g.utilPeak}%), peak memory ${g.memPeakMib} MiB over ${g.samples} samples (gpu.csv)`);
            if (g.mostlyIdle)
                rt.log.warn(`The GPU sat idle (<5% busy) for ${Math.round(g.idleShare * 100)}% of the run: money spent for nothing; is the simulator using it?`);
            await rt.writeSummary({
                heading: 'GPU',
                lines: [g.mostlyIdle ? `**The GPU sat idle for ${Math.round(g.idleShare * 100)}% of the run.**` : `${g.gpus} GPU(s), ${g.samples} samples in \`gpu.csv\`.`],
                tables: [{ title: 'Utilisation', header: ['mean', 'peak', 'peak memory', 'peak power', 'peak temperature', 'driver'], rows: [[`${g.utilMean}%`, `${g.utilPeak}%`, `${g.memPeakMib} MiB`, `${g.powerPeakW} W`, `${g.tempPeakC} °C`, g.driverVersion ?? '-']] }],
            });
        }
        rt.log.info(`The command exited with code ${exitCode}`);
    }
    rt.setOutput('failure-kind', cwdProblem ? 'infrastructure' : exitCode === 0 ? '' : 'simulator');
    record.outcome = cwdProblem
        ? { status: 'failed', failure: 'infrastructure', message: `working-directory: ${cwdProblem}` }
        : exitCode === 0
            ? { status: 'succeeded', exitCode }
            : { status: 'failed', exitCode, failure: 'simulator', message: `the command exited with code ${exitCode}` };
    // Persisting is the last milestone: stamped before the upload so the uploaded record carries it.
    record.timestamps.persistEnd = now();
    save();
    rt.setOutput('exit-code', exitCode);
    rt.saveState(STATE_PERSIST, 'started');
    await (0,r2_persist_logs_step.persistStep)(rt, pinned);
    rt.saveState(STATE_PERSIST, 'done');
    if (cwdProblem)
        throw new errors/* ConfigurationError */.j1(`working-directory: ${cwdProblem}`);
    return { exitCode, experimentId: id, uri };
}
function missingFolder(dir) {
    const abs = external_node_path_.resolve(dir);
    if (!external_node_fs_.existsSync(abs))
        return `${abs} does not exist`;
    if (!external_node_fs_.statSync(abs).isDirectory())
        return `${abs} is not a folder`;
    return undefined;
}
/** The post step: persist again only when main did not finish doing it. */
async function persistIfUnfinished(rt, env) {
    const id = rt.getState(STATE_EXPERIMENT_ID);
    if (!id) {
        rt.log.info('Main stopped before choosing an experiment id; nothing to persist.');
        return false;
    }
    if (rt.getState(STATE_PERSIST) === 'done') {
        rt.log.info('The logs were persisted by the main step.');
        return false;
    }
    rt.log.info(`The main step did not finish persisting the logs (cancelled, timed out or failed); persisting ${id} now.`);
    // Finish the record: a run that never reached its end was cut off (cancel, timeout, lost host).
    const { persistCfg } = readRunInputs((0,r2_persist_logs_step/* withExperimentId */.vI)(env, id), () => undefined);
    const record = (0,experiments_record/* readRecord */.aE)(persistCfg.logDir);
    if (record && record.outcome.status === 'running') {
        record.outcome = { status: 'cancelled', failure: 'infrastructure', message: 'the step stopped before the run finished (cancelled, timed out, or the host was lost)' };
        record.timestamps.persistEnd = new Date().toISOString();
        (0,experiments_record/* writeRecord */.rh)(persistCfg.logDir, record);
    }
    await (0,r2_persist_logs_step.persistStep)(rt, (0,r2_persist_logs_step/* withExperimentId */.vI)(env, id));
    return true;
}


/***/ }),

/***/ 123:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Hh: () => (/* binding */ parseRecord),
/* harmony export */   JW: () => (/* binding */ githubFacts),
/* harmony export */   aE: () => (/* binding */ readRecord),
/* harmony export */   ep: () => (/* binding */ RECORD_SCHEMA),
/* harmony export */   fh: () => (/* binding */ parseHostFacts),
/* harmony export */   lt: () => (/* binding */ RECORD_FILE),
/* harmony export */   rh: () => (/* binding */ writeRecord)
/* harmony export */ });
/* unused harmony exports recordPath, costOf */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var _atomic_write_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9296);



/** Versioned: a reader refuses a major it does not know; fields are only ever added within a major. */
const RECORD_SCHEMA = 'marketsim.experiment/v1';
const RECORD_FILE = 'experiment.json';
function recordPath(logDir) {
    return node_path__WEBPACK_IMPORTED_MODULE_1__.join(logDir, RECORD_FILE);
}
/** The GitHub facts of this run, from the runner's own variables. */
function githubFacts(env) {
    if (!env.GITHUB_REPOSITORY)
        return undefined;
    const server = env.GITHUB_SERVER_URL ?? 'https://github.com';
    return {
        repository: env.GITHUB_REPOSITORY,
        commit: env.GITHUB_SHA,
        ref: env.GITHUB_REF,
        workflow: env.GITHUB_WORKFLOW,
        runId: env.GITHUB_RUN_ID,
        attempt: env.GITHUB_RUN_ATTEMPT,
        runUrl: env.GITHUB_RUN_ID ? `${server}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID}/attempts/${env.GITHUB_RUN_ATTEMPT ?? '1'}` : undefined,
        actor: env.GITHUB_ACTOR,
    };
}
function parseHostFacts(json) {
    if (!json)
        return undefined;
    try {
        const v = JSON.parse(json);
        return v && typeof v === 'object' ? v : undefined;
    }
    catch {
        return undefined;
    }
}
function costOf(r) {
    const rate = r.host?.usdPerHour;
    const from = r.host?.rentedAt ?? r.timestamps.rented;
    const to = r.timestamps.persistEnd ?? r.timestamps.commandEnd ?? r.timestamps.hydrateEnd;
    if (rate === undefined || !from || !to)
        return undefined;
    return Math.round(((rate * Math.max(0, Date.parse(to) - Date.parse(from))) / 3_600_000) * 10_000) / 10_000;
}
/** Writes the record atomically (temp + rename): a reader never sees half a file. */
function writeRecord(logDir, r) {
    (0,_atomic_write_js__WEBPACK_IMPORTED_MODULE_2__/* .writeFileAtomic */ .Z)(recordPath(logDir), `${JSON.stringify({ ...r, costUsd: costOf(r) }, null, 2)}\n`);
}
function readRecord(logDir) {
    try {
        return parseRecord(node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync(recordPath(logDir), 'utf8'));
    }
    catch {
        return undefined;
    }
}
function parseRecord(text) {
    const r = JSON.parse(text);
    const major = /^marketsim\.experiment\/v(\d+)$/.exec(r.schema ?? '')?.[1];
    if (major !== '1')
        throw new Error(`not an experiment record this version reads (schema ${String(r.schema)}; expected ${RECORD_SCHEMA})`);
    return r;
}


/***/ })

};
