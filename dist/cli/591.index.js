export const id = 591;
export const ids = [591];
export const modules = {

/***/ 591:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  teardownStep: () => (/* binding */ teardownStep)
});

// UNUSED EXPORTS: TEARDOWN_OUTPUTS, readTeardownInputs

// EXTERNAL MODULE: ./lib/github/runners.js
var runners = __webpack_require__(5208);
// EXTERNAL MODULE: ./lib/inputs/reader.js
var reader = __webpack_require__(178);
// EXTERNAL MODULE: ./lib/inputs/vast-inputs.js
var vast_inputs = __webpack_require__(1073);
// EXTERNAL MODULE: ./lib/vast/client.js
var client = __webpack_require__(5923);
// EXTERNAL MODULE: ./lib/vast/provision.js + 1 modules
var provision = __webpack_require__(1801);
;// CONCATENATED MODULE: ./lib/vast/teardown.js

function runtimeOf(inst, now) {
    if (!inst?.start_date)
        return { seconds: 0, cost: 0 };
    const seconds = Math.max(0, Math.round(now / 1000 - inst.start_date));
    return { seconds, cost: ((inst.dph_total ?? 0) * seconds) / 3600 };
}
const escapeRe = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/**
 * Why a label (pattern) is not one of ours, or undefined when it is. Only `<prefix>-<run id>-<attempt>-`
 * followed by an optional lane and a try number (or `*` for every try) may be destroyed by label:
 * `*`, `m*`, an empty or another prefix would reach instances this run never rented.
 */
function labelProblem(label, prefix) {
    if (!provision/* LABEL_PREFIX */.Ag.test(prefix))
        return `label-prefix '${prefix}' is not a valid prefix`;
    const ok = new RegExp(`^${escapeRe(prefix)}-\\d+-\\d+-(?:\\d+-)?(?:\\d+|\\*)$`);
    if (ok.test(label))
        return undefined;
    return `'${label}' is not ${prefix}-<run id>-<attempt>[-<lane>]-<try> or ${prefix}-<run id>-<attempt>[-<lane>]-*`;
}
/** Matches labels (and runner names) against an exact label or an anchored `...-*` pattern. */
function labelMatcher(label) {
    if (!label.endsWith('*'))
        return (c) => c === label;
    const head = label.slice(0, -1);
    // `-*` stands for the rest of our grammar only: a try number, or a lane and a try number.
    const re = new RegExp(`^${escapeRe(head)}\\d+(?:-\\d+)?$`);
    return (c) => re.test(c);
}
/**
 * Destroys the instance by id AND every instance carrying the run's label (a try whose destroy failed
 * is found even when a later try wrote instance-id), then removes the runner registrations. Idempotent:
 * gone is done; empty inputs are "nothing to do", never an error.
 */
async function teardown(cfg, deps) {
    const { vast, github, log } = deps;
    const now = deps.now ?? Date.now;
    const result = { destroyed: [], alreadyGone: [], runtimeSeconds: 0, costUsd: 0, gpuName: '', runnersDeleted: [] };
    const targets = new Map();
    const errors = [];
    if (cfg.instanceId !== undefined) {
        try {
            const inst = await vast.getInstance(cfg.instanceId);
            targets.set(cfg.instanceId, inst ?? { id: cfg.instanceId });
            if (!inst)
                log.info(`Instance ${cfg.instanceId} is not (or no longer) on this account`);
        }
        catch (e) {
            // Still try the destroy itself: it is what matters.
            targets.set(cfg.instanceId, { id: cfg.instanceId });
            errors.push(`look-up of ${cfg.instanceId}: ${e.message}`);
        }
    }
    if (cfg.label) {
        const match = labelMatcher(cfg.label);
        try {
            const found = cfg.label.endsWith('*') ? (await vast.listInstances()).filter((i) => match(i.label ?? '')) : await vast.listInstances({ label: { eq: cfg.label } });
            for (const i of found)
                if (match(i.label ?? ''))
                    targets.set(i.id, i);
            log.info(`Found ${found.length} instance(s) labelled ${cfg.label}`);
        }
        catch (e) {
            errors.push(`listing by label ${cfg.label}: ${e.message}`);
        }
    }
    if (cfg.instanceId === undefined && !cfg.label)
        log.info('No instance id and no label: nothing to destroy.');
    for (const inst of targets.values()) {
        const { seconds, cost } = runtimeOf(inst, now());
        let outcome;
        try {
            outcome = await vast.destroyInstance(inst.id);
        }
        catch (e) {
            errors.push(`destroy ${inst.id}: ${e.message}`);
            continue;
        }
        (outcome === 'destroyed' ? result.destroyed : result.alreadyGone).push(inst.id);
        result.runtimeSeconds += seconds;
        result.costUsd += cost;
        if (inst.gpu_name)
            result.gpuName = inst.gpu_name;
        log.info(`Instance ${inst.id}: ${outcome}${seconds ? ` after ${(seconds / 60).toFixed(1)} min, about $${cost.toFixed(3)}` : ''}`);
    }
    if (github) {
        const ids = new Map();
        try {
            if (cfg.runnerId !== undefined)
                ids.set(cfg.runnerId, cfg.runnerName ?? (await github.getRunner(cfg.runnerId))?.name ?? `runner ${cfg.runnerId}`);
            // Each destroyed instance's label is its runner's name (provision names both alike).
            const instanceLabels = [...targets.values()].map((i) => i.label ?? '').filter((l) => l && l !== cfg.label);
            for (const name of [cfg.runnerName, cfg.label, ...instanceLabels]) {
                if (!name)
                    continue;
                const match = labelMatcher(name);
                const listed = name.endsWith('*') ? await github.listRunners() : await github.listRunners(name);
                for (const r of listed)
                    if (match(r.name))
                        ids.set(r.id, r.name);
            }
            for (const [id, name] of ids) {
                const outcome = await github.deleteRunner(id);
                if (outcome === 'deleted')
                    result.runnersDeleted.push(name);
                log.info(`Runner ${name}: ${outcome}`);
            }
        }
        catch (e) {
            log.warn(`Runner registrations were not all removed (${e.message}); GitHub removes offline JIT runners itself, and the reaper retries.`);
        }
    }
    // Every destroy was attempted before failing: one bad answer never spares the others.
    if (errors.length)
        throw new Error(`Teardown incomplete: ${errors.join('; ')}. The reaper and the instance's watchdog remain.`);
    return result;
}
/** `<prefix>-<run id>-<attempt>[-<lane>]-<n>`: the run that owns an instance. */
function ownerRun(label, prefix) {
    const m = new RegExp(`^${escapeRe(prefix)}-(\\d+)-(\\d+)-(?:\\d+-)?(\\d+)$`).exec(label);
    return m?.[1];
}
/**
 * The backstop: destroys every instance with our label prefix that is older than the maximum age
 * or whose workflow run has completed, and deletes offline runners with the prefix. Instances of
 * anyone else are never touched.
 */
async function reap(cfg, deps) {
    const { vast, github, log } = deps;
    const now = (deps.now ?? Date.now)();
    const all = await vast.listInstances();
    const ours = all.filter((i) => (i.label ?? '').startsWith(`${cfg.labelPrefix}-`));
    const result = { examined: all.length, destroyed: [], kept: 0, runnersDeleted: [] };
    const runStatus = new Map();
    for (const inst of ours) {
        const label = inst.label ?? '';
        const age = inst.start_date ? now / 1000 - inst.start_date : Infinity;
        let reason;
        if (age > cfg.maxAgeSeconds)
            reason = `older than ${Math.round(cfg.maxAgeSeconds / 60)} min`;
        const run = ownerRun(label, cfg.labelPrefix);
        if (!reason && run && github) {
            if (!runStatus.has(run))
                runStatus.set(run, await github.getRunStatus(run));
            if (runStatus.get(run) === 'completed')
                reason = `workflow run ${run} has completed`;
        }
        if (!reason) {
            result.kept++;
            continue;
        }
        log.info(`${cfg.dryRun ? '(dry run) would destroy' : 'Destroying'} instance ${inst.id} (${label}): ${reason}`);
        if (!cfg.dryRun)
            await vast.destroyInstance(inst.id);
        result.destroyed.push({ id: inst.id, label, reason });
    }
    if (github) {
        const runners = await github.listRunners();
        // The registrations of the instances just destroyed go in the same pass, busy or not: their machine is gone.
        const destroyedLabels = new Set(result.destroyed.map((d) => d.label));
        for (const r of runners) {
            if (!destroyedLabels.has(r.name))
                continue;
            log.info(`${cfg.dryRun ? '(dry run) would delete' : 'Deleting'} runner ${r.name} (its instance was destroyed)`);
            if (!cfg.dryRun)
                await github.deleteRunner(r.id, 30_000).catch((e) => log.warn(`runner ${r.name}: ${e.message}`));
            result.runnersDeleted.push(r.name);
        }
        for (const r of runners) {
            if (destroyedLabels.has(r.name))
                continue;
            if (!r.name.startsWith(`${cfg.labelPrefix}-`) || r.status !== 'offline' || r.busy)
                continue;
            // A provision in progress has an offline registration until its instance boots: only runs that are over.
            const run = ownerRun(r.name, cfg.labelPrefix);
            if (!run)
                continue;
            if (!runStatus.has(run))
                runStatus.set(run, await github.getRunStatus(run));
            if (runStatus.get(run) !== 'completed')
                continue;
            log.info(`${cfg.dryRun ? '(dry run) would delete' : 'Deleting'} offline runner ${r.name} (run ${run} has completed)`);
            if (!cfg.dryRun)
                await github.deleteRunner(r.id, 0).catch((e) => log.warn(`runner ${r.name}: ${e.message}`));
            result.runnersDeleted.push(r.name);
        }
    }
    return result;
}

;// CONCATENATED MODULE: ./lib/actions/vast-teardown/step.js





const TEARDOWN_OUTPUTS = (/* unused pure expression or super */ null && (['destroyed', 'runtime-seconds', 'cost-usd', 'gpu-name']));
function optionalId(r, name) {
    const raw = r.string(name, {});
    if (raw === undefined)
        return undefined;
    if (!/^\d+$/.test(raw))
        r.problem(name, `expected a numeric id, got '${raw}'`);
    return Number(raw);
}
function readTeardownInputs(env, mask) {
    const r = new reader/* InputReader */.i_(env);
    const vast = (0,vast_inputs/* readVastConnection */.ZR)(r, mask);
    const github = (0,vast_inputs/* readGitHub */.kQ)(r, env, mask, false);
    const mode = r.oneOf('mode', ['destroy', 'reap'], { default: 'destroy' });
    const labelPrefix = (0,vast_inputs/* readLabelPrefix */.JW)(r);
    // Anchored: only this prefix's grammar; `*`, `m*` or another prefix would reach instances this run never rented.
    const anchored = (name) => {
        const v = r.string(name, {});
        const bad = v === undefined ? undefined : labelProblem(v, labelPrefix);
        if (bad)
            r.problem(name, bad);
        return v;
    };
    const destroy = { instanceId: optionalId(r, 'instance-id'), label: anchored('label'), runnerId: optionalId(r, 'runner-id'), runnerName: anchored('runner-name') };
    if (mode === 'destroy' && env.MARKETSIM_REQUIRE_TARGET === 'true' && destroy.instanceId === undefined && !destroy.label) {
        r.problem('instance-id', 'give instance-id or label (nothing to destroy otherwise)');
    }
    return {
        r,
        mode,
        vast,
        github,
        destroy,
        // Younger than 10 minutes is a healthy boot, never an orphan.
        reapCfg: { labelPrefix, maxAgeSeconds: (0,vast_inputs/* parseDuration */.E9)(r, 'max-age', '6h', { min: 600, max: 30 * 86400 }), dryRun: r.bool('dry-run', { default: false }) },
    };
}
/** vast-teardown: destroy one run's GPU (by id, else by label) and its runner, or reap every stale one. */
async function teardownStep(rt, env) {
    const { r, mode, vast: v, github: g, destroy, reapCfg } = readTeardownInputs(env, (s) => rt.mask(s));
    r.finish();
    const vast = new client/* VastClient */.us({ baseUrl: v.apiUrl, apiKey: v.apiKey, onRetry: (m) => rt.log.info(m) });
    const github = g ? new runners/* GitHubRunners */.zT({ apiUrl: g.apiUrl, token: g.token, scope: g.scope, onRetry: (m) => rt.log.info(m) }) : undefined;
    if (mode === 'reap') {
        const res = await reap(reapCfg, { vast, github, log: rt.log });
        rt.setOutput('destroyed', res.destroyed.length);
        rt.setOutput('runtime-seconds', 0);
        rt.setOutput('cost-usd', 0);
        rt.setOutput('gpu-name', '');
        await rt.writeSummary({
            heading: `vast-teardown (reap${reapCfg.dryRun ? ', dry run' : ''})`,
            lines: [`Examined ${res.examined} instances; ${res.destroyed.length} ${reapCfg.dryRun ? 'would be' : ''} destroyed, ${res.kept} of ours kept; ${res.runnersDeleted.length} offline runners removed.`],
            tables: res.destroyed.length ? [{ title: 'Destroyed', header: ['instance', 'label', 'reason'], rows: res.destroyed.map((d) => [String(d.id), d.label, d.reason]) }] : [],
        });
        return res;
    }
    const res = await teardown(destroy, { vast, github, log: rt.log });
    rt.setOutput('destroyed', res.destroyed.length);
    rt.setOutput('runtime-seconds', res.runtimeSeconds);
    rt.setOutput('cost-usd', res.costUsd.toFixed(4));
    rt.setOutput('gpu-name', res.gpuName);
    await rt.writeSummary({
        heading: 'vast-teardown',
        lines: [
            res.destroyed.length || res.alreadyGone.length
                ? `Instance(s) ${[...res.destroyed, ...res.alreadyGone].join(', ')}: ${res.destroyed.length} destroyed now, ${res.alreadyGone.length} already gone.`
                : 'Nothing to destroy.',
        ],
        tables: [{ title: 'Cost', header: ['GPU', 'runtime', 'cost (USD)', 'runners removed'], rows: [[res.gpuName || '-', `${(res.runtimeSeconds / 60).toFixed(1)} min`, res.costUsd.toFixed(4), res.runnersDeleted.join(', ') || '-']] }],
    });
    return res;
}


/***/ }),

/***/ 5208:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   zT: () => (/* binding */ GitHubRunners)
/* harmony export */ });
/* unused harmony exports GitHubError, GITHUB_RETRY */
/* harmony import */ var _net_retry_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6705);

class GitHubError extends Error {
    status;
    name = 'GitHubError';
    constructor(status, message) {
        super(message);
        this.status = status;
    }
}
const GITHUB_RETRY = { retries: 5, minDelayMs: 1000, maxDelayMs: 20_000 };
/** The self-hosted runner endpoints we need (github-runners.md A1), repo or org scope. */
class GitHubRunners {
    opts;
    base;
    root;
    constructor(opts) {
        this.opts = opts;
        const root = opts.apiUrl.replace(/\/+$/, '');
        this.root = root;
        this.base = opts.scope.kind === 'repo' ? `${root}/repos/${opts.scope.owner}/${opts.scope.repo}/actions/runners` : `${root}/orgs/${opts.scope.org}/actions/runners`;
    }
    async call(method, path, body, absolute = false) {
        const what = `${method} ${path || '/'}${absolute ? '' : ' (runners)'}`;
        const parse = (text) => (text ? JSON.parse(text) : {});
        const { status, text } = await (0,_net_retry_js__WEBPACK_IMPORTED_MODULE_0__/* .fetchWithRetry */ .J5)(what, absolute ? `${this.root}${path}` : `${this.base}${path}`, {
            method,
            headers: {
                authorization: `Bearer ${this.opts.token}`,
                accept: 'application/vnd.github+json',
                'x-github-api-version': '2022-11-28',
                'user-agent': 'marketsim-actions',
                ...(body === undefined ? {} : { 'content-type': 'application/json' }),
            },
            body,
            timeoutMs: 30_000,
        }, (status, text) => {
            // An error page from a proxy in front of GitHub is HTML, not JSON: keep its text, not a SyntaxError.
            let data = {};
            try {
                data = parse(text);
            }
            catch {
                // not JSON
            }
            const message = `${what} failed with ${status}: ${data.message ?? text.slice(0, 200)}`;
            // 5xx, 429 and secondary rate limits (403 with "rate limit") are worth another try.
            if (status >= 500 || status === 429 || (status === 403 && /rate limit/i.test(data.message ?? '')))
                return new _net_retry_js__WEBPACK_IMPORTED_MODULE_0__/* .TransientError */ .N_(message);
            if (status === 401 || status === 403) {
                return Object.assign(new GitHubError(status, `github-token: ${message} (the token was refused or lacks the permission: it needs Administration write on the repository, or Self-hosted runners on the organization; GITHUB_TOKEN cannot)`), { userError: true });
            }
            return new GitHubError(status, message);
        }, this.opts.retry ?? GITHUB_RETRY, this.opts.onRetry);
        return { status, data: parse(text) };
    }
    /** A just-in-time config: a one-job runner whose id is known at once. The config is a secret. */
    async generateJitConfig(req) {
        const { data } = await this.call('POST', '/generate-jitconfig', {
            name: req.name,
            runner_group_id: req.runnerGroupId,
            labels: req.labels,
            work_folder: req.workFolder ?? '_work',
        });
        return { runner: data.runner, encodedJitConfig: data.encoded_jit_config };
    }
    async getRunner(id) {
        try {
            return (await this.call('GET', `/${id}`)).data;
        }
        catch (e) {
            if (e instanceof GitHubError && e.status === 404)
                return null;
            throw e;
        }
    }
    async listRunners(name) {
        const out = [];
        for (let page = 1;; page++) {
            const q = new URLSearchParams({ per_page: '100', page: String(page) });
            if (name)
                q.set('name', name);
            const { data } = await this.call('GET', `?${q.toString()}`);
            out.push(...data.runners);
            if (data.runners.length < 100 || out.length >= data.total_count)
                return out;
        }
    }
    /** The status of a workflow run of the repository (`completed` once it is over), or null if unknown. */
    async getRunStatus(runId) {
        if (this.opts.scope.kind !== 'repo')
            return null;
        try {
            const { data } = await this.call('GET', `/repos/${this.opts.scope.owner}/${this.opts.scope.repo}/actions/runs/${runId}`, undefined, true);
            return data.status ?? null;
        }
        catch (e) {
            if (e instanceof GitHubError && e.status === 404)
                return null;
            throw e;
        }
    }
    /**
     * Removes a registration. A runner still running a job answers 422 ("is still running a job"):
     * wait and try again until `busyTimeoutMs`; 404 means it is gone already.
     */
    async deleteRunner(id, busyTimeoutMs = 120_000) {
        const sleep = this.opts.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms)));
        const deadline = Date.now() + busyTimeoutMs;
        for (let wait = 2000;; wait = Math.min(wait * 2, 15_000)) {
            try {
                await this.call('DELETE', `/${id}`);
                return 'deleted';
            }
            catch (e) {
                if (e instanceof GitHubError && e.status === 404)
                    return 'already gone';
                if (!(e instanceof GitHubError && e.status === 422) || Date.now() + wait > deadline)
                    throw e;
                this.opts.onRetry?.(`runner ${id} is still busy; trying to remove it again in ${wait / 1000} s`);
                await sleep(wait);
            }
        }
    }
}


/***/ }),

/***/ 6705:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   J5: () => (/* binding */ fetchWithRetry),
/* harmony export */   N_: () => (/* binding */ TransientError),
/* harmony export */   bD: () => (/* binding */ withRetry),
/* harmony export */   vI: () => (/* binding */ DEFAULT_RETRY)
/* harmony export */ });
/* unused harmony exports isTransient, networkError */
/* harmony import */ var p_retry__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4995);

/** Enough to ride out a throttling burst or a restarting front end (about 30 s in all). */
const DEFAULT_RETRY = { retries: 6, minDelayMs: 250, maxDelayMs: 8000 };
/** An error that says whether trying again can help. */
class TransientError extends Error {
    name = 'TransientError';
    /** The server's own minimum interval (Vast's per-endpoint thresholds): the next try waits at least this long. */
    minDelayMs;
    constructor(message, opts = {}) {
        super(message);
        this.minDelayMs = opts.minDelayMs ?? 0;
    }
}
const TRANSIENT_CODES = new Set([
    'ECONNRESET', // also a body cut mid-way ("aborted")
    'ECONNREFUSED',
    'ECONNABORTED',
    'EPIPE',
    'ETIMEDOUT',
    'EAI_AGAIN',
    'EHOSTUNREACH',
    'ENETUNREACH',
    'ERR_STREAM_PREMATURE_CLOSE',
    // global fetch (undici), used by the Vast and GitHub clients
    'UND_ERR_SOCKET',
    'UND_ERR_CONNECT_TIMEOUT',
    'UND_ERR_HEADERS_TIMEOUT',
    'UND_ERR_BODY_TIMEOUT',
    'UND_ERR_CLOSED',
]);
/**
 * p-retry only handles `instanceof Error`; errors from another realm (Node internals under a VM
 * sandbox, some native modules) fail that test. Re-wrap them, keeping code and cause.
 */
function asError(e) {
    if (e instanceof Error)
        return e;
    const src = e;
    const err = new Error(typeof src?.message === 'string' ? src.message : String(e));
    if (src?.code !== undefined)
        err.code = src.code;
    if (src?.cause !== undefined)
        err.cause = src.cause;
    return err;
}
function isTransient(e) {
    if (e instanceof TransientError)
        return true;
    const err = e;
    if (err?.name === 'TimeoutError')
        return true; // AbortSignal.timeout fired
    return TRANSIENT_CODES.has(err?.code ?? '') || TRANSIENT_CODES.has(err?.cause?.code ?? '');
}
/**
 * Runs `fn` again on transient failures with exponential backoff and full jitter.
 * `label` names the operation in the debug line of each failed attempt.
 */
async function withRetry(label, fn, policy = DEFAULT_RETRY, onRetry) {
    const attempt = async (n) => {
        try {
            return await fn(n);
        }
        catch (e) {
            throw asError(e);
        }
    };
    return (0,p_retry__WEBPACK_IMPORTED_MODULE_0__/* ["default"] */ .Ay)(attempt, {
        retries: policy.retries,
        factor: 2,
        minTimeout: policy.minDelayMs,
        maxTimeout: policy.maxDelayMs,
        randomize: true,
        shouldRetry: ({ error }) => isTransient(error),
        // Awaited by p-retry before its own backoff: a server-given interval is never cut short.
        onFailedAttempt: async ({ error, attemptNumber, retriesLeft }) => {
            if (!isTransient(error) || retriesLeft <= 0)
                return;
            onRetry?.(`${label}: attempt ${attemptNumber} failed (${error.message}); retrying`);
            const floor = error instanceof TransientError ? error.minDelayMs : 0;
            if (floor > 0)
                await new Promise((r) => setTimeout(r, floor));
        },
    });
}
/**
 * One call to a JSON REST API (Vast, GitHub) under `withRetry`: a JSON body in, the status and
 * text of a 2xx answer out. `fail` turns any other answer into the error to throw: a
 * TransientError to try again, anything else to stop.
 */
async function fetchWithRetry(what, url, init, fail, policy, onRetry) {
    return withRetry(what, async () => {
        let res;
        try {
            res = await fetch(url, {
                method: init.method,
                headers: init.headers,
                body: init.body === undefined ? undefined : JSON.stringify(init.body),
                signal: AbortSignal.timeout(init.timeoutMs),
            });
        }
        catch (e) {
            throw networkError(e, url, init.timeoutMs);
        }
        const text = await res.text();
        if (res.ok)
            return { status: res.status, text };
        throw fail(res.status, text);
    }, policy, onRetry);
}
/**
 * fetch's bare "fetch failed" as a message that names the URL and the cause (ECONNREFUSED,
 * ENOTFOUND, a TLS verdict, a timeout); code and cause kept so the retry test still sees them.
 */
function networkError(e, url, timeoutMs) {
    const err = e;
    const origin = (() => {
        try {
            const u = new URL(url);
            return `${u.origin}${u.pathname}`;
        }
        catch {
            return url;
        }
    })();
    const str = (x) => (typeof x === 'string' ? x : undefined);
    // A timeout's DOMException carries a numeric code (23): named ETIMEDOUT instead.
    const code = err?.name === 'TimeoutError' ? 'ETIMEDOUT' : (str(err?.cause?.code) ?? str(err?.code));
    const why = err?.name === 'TimeoutError' ? `no answer in ${Math.round(timeoutMs / 1000)} s` : (err?.cause?.message ?? err?.message ?? String(e));
    const out = new Error(`cannot reach ${origin}: ${why}${code && !why.includes(code) ? ` (${code})` : ''}`);
    if (code)
        out.code = code;
    out.cause = e;
    return out;
}


/***/ })

};
