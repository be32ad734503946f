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
    if (!/^[a-z0-9][a-z0-9-]{0,30}$/.test(prefix))
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
    const m = new RegExp(`^${prefix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}-(\\d+)-(\\d+)-(?:\\d+-)?(\\d+)$`).exec(label);
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
    const labelPrefix = r.string('label-prefix', { default: 'marketsim' }) ?? 'marketsim';
    if (!/^[a-z0-9][a-z0-9-]{0,30}$/.test(labelPrefix))
        r.problem('label-prefix', `expected lowercase letters, digits and '-', got '${labelPrefix}'`);
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

/***/ 1073:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   E9: () => (/* binding */ parseDuration),
/* harmony export */   RH: () => (/* binding */ RUNNER_PIN),
/* harmony export */   UD: () => (/* binding */ readOfferFilters),
/* harmony export */   Yt: () => (/* binding */ runnerUrl),
/* harmony export */   ZR: () => (/* binding */ readVastConnection),
/* harmony export */   kQ: () => (/* binding */ readGitHub),
/* harmony export */   kz: () => (/* binding */ readNumber),
/* harmony export */   xr: () => (/* binding */ readEnvLines)
/* harmony export */ });
/* unused harmony export RESERVED_ENV */

/** actions/runner pin (shared/reference/pins.md): version, linux-x64 SHA-256. */
const RUNNER_PIN = { version: '2.336.0', sha256: '04cf0be1aff4c3ec3554466c39124ca250e3effd8873bb7e8d68535aa9505d5d' };
function runnerUrl(version) {
    return `https://github.com/actions/runner/releases/download/v${version}/actions-runner-linux-x64-${version}.tar.gz`;
}
const fmtSeconds = (s) => (s % 3600 === 0 ? `${s / 3600}h` : s % 60 === 0 ? `${s / 60}m` : `${s}s`);
/**
 * Durations as `90s`, `15m`, `6h`, `2d` or plain seconds, in seconds. `min`/`max` are sane bounds: a
 * watchdog of 5 s or a reaper age of 1 minute would destroy healthy work, so they are bad input.
 */
function parseDuration(r, name, def, opts = {}) {
    const raw = r.string(name, { env: opts.env, default: def });
    if (raw === undefined)
        return NaN;
    const m = /^(\d+(?:\.\d+)?)\s*(s|m|h|d)?$/.exec(raw);
    if (!m) {
        r.problem(name, `expected a duration such as 90s, 15m, 6h or 2d, got '${raw}'`);
        return 0;
    }
    const seconds = Number(m[1]) * ({ s: 1, m: 60, h: 3600, d: 86400 }[m[2]] ?? 1);
    if ((opts.min !== undefined && seconds < opts.min) || (opts.max !== undefined && seconds > opts.max)) {
        r.problem(name, `expected a duration from ${fmtSeconds(opts.min ?? 0)} to ${opts.max !== undefined ? fmtSeconds(opts.max) : 'any'}, got '${raw}'`);
    }
    return seconds;
}
/** A decimal number within bounds; empty gives the default (or undefined). */
function readNumber(r, name, opts) {
    const raw = r.string(name, {});
    if (raw === undefined)
        return opts.default;
    const n = Number(raw);
    if (!Number.isFinite(n) || n < opts.min || n > opts.max) {
        r.problem(name, `expected a number from ${opts.min} to ${opts.max}, got '${raw}'`);
        return opts.default;
    }
    return n;
}
function readVastConnection(r, mask) {
    const apiKey = r.required('api-key', { env: ['VAST_API_KEY'], hint: 'a Vast.ai API key (Account -> Keys)' });
    mask(apiKey);
    const apiUrl = r.string('api-url', { env: ['VAST_URL'], default: 'https://console.vast.ai' }) ?? 'https://console.vast.ai';
    if (!/^https?:\/\//.test(apiUrl))
        r.problem('api-url', `expected an http(s) URL, got '${apiUrl}'`);
    return { apiKey, apiUrl };
}
/** Runner management needs an App installation token or a PAT with Administration write: not GITHUB_TOKEN. */
function readGitHub(r, vars, mask, required) {
    const token = required
        ? r.required('github-token', { env: ['MARKETSIM_GITHUB_TOKEN'], hint: 'a GitHub App token or PAT with Administration write (GITHUB_TOKEN cannot manage runners)' })
        : r.string('github-token', { env: ['MARKETSIM_GITHUB_TOKEN'] });
    if (token)
        mask(token);
    const kind = r.oneOf('runner-scope', ['repo', 'org'], { default: 'repo' });
    const repo = vars.GITHUB_REPOSITORY ?? '';
    const [owner = '', name = ''] = repo.split('/');
    if (!token)
        return undefined;
    if (!owner || (kind === 'repo' && !name))
        r.problem('runner-scope', 'needs GITHUB_REPOSITORY (owner/repo), which the runner sets');
    const scope = kind === 'repo' ? { kind, owner, repo: name } : { kind, org: vars.GITHUB_REPOSITORY_OWNER ?? owner };
    return { apiUrl: vars.GITHUB_API_URL ?? 'https://api.github.com', token, scope };
}
function readOfferFilters(r) {
    const regions = r.list('regions', {}).map((x) => x.toUpperCase());
    for (const x of regions)
        if (!/^[A-Z]{2}$/.test(x))
            r.problem('regions', `expected two-letter country codes, got '${x}'`);
    return {
        gpuName: r.string('gpu-name', { default: 'RTX 5090' }) ?? 'RTX 5090',
        numGpus: r.int('num-gpus', { default: 1, min: 1, max: 16 }),
        verified: r.bool('verified', { default: true }),
        minReliability: readNumber(r, 'min-reliability', { min: 0, max: 1 }),
        maxPrice: readNumber(r, 'max-price', { min: 0.01, max: 128 }),
        regions,
        minCuda: readNumber(r, 'min-cuda', { min: 0, max: 99, default: 12.8 }),
        minInetDown: readNumber(r, 'min-inet-down', { min: 0, max: 100_000 }),
        disk: r.int('disk', { default: 200, min: 8, max: 20_000 }),
        maxAttempts: r.int('max-attempts', { default: 3, min: 1, max: 20 }),
    };
}
/** Names the bootstrap, Vast and the runner own: a user's `env` line may not set them. */
const RESERVED_ENV = /^(MARKETSIM_|VAST_|CONTAINER_|ACTIONS_RUNNER_|RUNNER_ALLOW_RUNASROOT$)/;
/** KEY=VALUE lines; keys as in a shell; reserved names refused. */
function readEnvLines(r, name) {
    const out = {};
    for (const line of (r.string(name, {}) ?? '').split(/\r?\n/)) {
        const t = line.trim();
        if (!t || t.startsWith('#'))
            continue;
        const m = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/.exec(t);
        if (!m)
            r.problem(name, `expected KEY=VALUE lines, got '${t.slice(0, 40)}'`);
        else if (RESERVED_ENV.test(m[1]))
            r.problem(name, `${m[1]} is reserved (MARKETSIM_*, VAST_*, CONTAINER_*, ACTIONS_RUNNER_* belong to the bootstrap, Vast and the runner)`);
        else
            out[m[1]] = m[2];
    }
    return out;
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


/***/ }),

/***/ 5923:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   dr: () => (/* binding */ CreateOutcomeUnknownError),
/* harmony export */   sv: () => (/* binding */ OfferGoneError),
/* harmony export */   us: () => (/* binding */ VastClient)
/* harmony export */ });
/* unused harmony exports VastError, VAST_RETRY, minIntervalMs */
/* harmony import */ var _net_retry_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6705);

/** An error answer from the Vast API, with the `error` code of its JSON body when there was one. */
class VastError extends Error {
    status;
    code;
    name = 'VastError';
    constructor(status, code, message) {
        super(message);
        this.status = status;
        this.code = code;
    }
}
/** The offer was rented by someone else or withdrawn between search and create: try the next one. */
class OfferGoneError extends VastError {
    name = 'OfferGoneError';
}
/** Retries as the official CLI does (429, 502, 503, 504, network), but with backoff long enough for Vast's intervals. */
const VAST_RETRY = { retries: 6, minDelayMs: 1000, maxDelayMs: 15_000 };
const RETRYABLE = new Set([429, 502, 503, 504]);
/** The create answer was lost (5xx, timeout, cut connection): the instance may or may not exist. */
class CreateOutcomeUnknownError extends VastError {
    name = 'CreateOutcomeUnknownError';
}
/**
 * Vast's per-endpoint minimum intervals in seconds (vast-api.md section 7): after a 429, the next try
 * waits at least this long (or the `threshold=` the answer names, if longer). Search is 10/min per IP.
 */
function minIntervalMs(method, path) {
    if (path.startsWith('/api/v0/asks/'))
        return 4500;
    if (path.startsWith('/api/v0/bundles'))
        return 6000;
    if (path.startsWith('/api/v1/instances'))
        return 1000;
    if (path.startsWith('/api/v0/instances/'))
        return method === 'DELETE' ? 3000 : method === 'PUT' ? 1000 : 2000;
    return 1000;
}
function throttleDelayMs(method, path, body) {
    const m = /threshold=([\d.]+)/.exec(body);
    const named = m ? Math.ceil(Number(m[1]) * 1000) : 0;
    return Math.max(minIntervalMs(method, path), Number.isFinite(named) ? named : 0);
}
/**
 * The Vast.ai REST API behind typed methods. Paths and shapes follow vast-api.md: Bearer auth,
 * `/api/v0` for search, create, show and destroy, `/api/v1/instances/` for the paged list (the v0
 * list answers 410 since mid-2026).
 */
class VastClient {
    opts;
    base;
    constructor(opts) {
        this.opts = opts;
        this.base = opts.baseUrl.replace(/\/+$/, '');
    }
    async request(method, path, opts = {}) {
        const qs = opts.query ? `?${new URLSearchParams(opts.query).toString()}` : '';
        const what = `${method} ${path}`;
        const { text } = await (0,_net_retry_js__WEBPACK_IMPORTED_MODULE_0__/* .fetchWithRetry */ .J5)(what, `${this.base}${path}${qs}`, {
            method,
            headers: { authorization: `Bearer ${this.opts.apiKey}`, 'content-type': 'application/json', accept: 'application/json' },
            body: opts.body,
            timeoutMs: this.opts.timeoutMs ?? 30_000,
        }, (status, body) => RETRYABLE.has(status)
            ? new _net_retry_js__WEBPACK_IMPORTED_MODULE_0__/* .TransientError */ .N_(`${what} answered ${status}: ${body.slice(0, 200)}`, {
                minDelayMs: status === 429 ? throttleDelayMs(method, path, body) * (this.opts.throttleScale ?? 1) : 0,
            })
            : vastError(status, body, what), opts.retry ?? this.opts.retry ?? VAST_RETRY, this.opts.onRetry);
        return (text ? JSON.parse(text) : {});
    }
    async currentUser() {
        return this.request('GET', '/api/v0/users/current/');
    }
    async searchOffers(query) {
        const r = await this.request('POST', '/api/v0/bundles/', { body: query });
        return r.offers ?? [];
    }
    /**
     * `PUT /api/v0/asks/{offer}/`: the new instance id, or OfferGoneError (404 `no_such_ask`/3603, or 410).
     * Never retried: create is not idempotent, so a lost answer (5xx, 429 is safe, timeout, reset) is a
     * CreateOutcomeUnknownError and the caller looks the instance up by its unique label.
     */
    async createInstance(offerId, body) {
        try {
            const r = await this.request('PUT', `/api/v0/asks/${offerId}/`, {
                body,
                // A 429 is refused before anything is created, so only it may be tried again.
                retry: { retries: 0, minDelayMs: 0, maxDelayMs: 0 },
            }).catch(async (e) => {
                if (e instanceof _net_retry_js__WEBPACK_IMPORTED_MODULE_0__/* .TransientError */ .N_ && /answered 429/.test(e.message)) {
                    await new Promise((r) => setTimeout(r, e.minDelayMs));
                    return this.request('PUT', `/api/v0/asks/${offerId}/`, {
                        body,
                        retry: { retries: 0, minDelayMs: 0, maxDelayMs: 0 },
                    });
                }
                throw e;
            });
            if (!r.new_contract)
                throw new VastError(200, r.error ?? 'no_contract', `create on offer ${offerId} returned no instance: ${r.msg ?? JSON.stringify(r)}`);
            return { id: r.new_contract, instanceApiKey: r.instance_api_key };
        }
        catch (e) {
            if (e instanceof VastError && (e.status === 410 || /no_such_ask|3603/.test(`${e.code} ${e.message}`))) {
                throw new OfferGoneError(e.status, 'no_such_ask', `offer ${offerId} is no longer available`);
            }
            if (e instanceof VastError)
                throw e;
            // 5xx, a second 429, a timeout or a cut connection: Vast may have created it anyway.
            throw new CreateOutcomeUnknownError(0, 'outcome_unknown', `create on offer ${offerId} got no answer we can trust (${e.message})`);
        }
    }
    /** The instance, or null once it is gone (`{"instances": null}` or 404). */
    async getInstance(id) {
        try {
            const r = await this.request('GET', `/api/v0/instances/${id}/`, { query: { owner: 'me' } });
            return r.instances ?? null;
        }
        catch (e) {
            if (e instanceof VastError && e.status === 404 && e.code !== 'auth_error')
                return null;
            throw e;
        }
    }
    /** Every instance matching `filters`, through all pages of the v1 list (25 a page). */
    async listInstances(filters = {}) {
        const out = [];
        let after;
        do {
            const query = { limit: '25', select_filters: JSON.stringify(filters), order_by: JSON.stringify([{ col: 'id', dir: 'asc' }]) };
            if (after)
                query.after_token = after;
            const r = await this.request('GET', '/api/v1/instances/', { query });
            out.push(...(r.instances ?? []));
            after = r.next_token;
        } while (after);
        return out;
    }
    /** Idempotent: an instance that is already gone counts as destroyed. */
    async destroyInstance(id) {
        try {
            await this.request('DELETE', `/api/v0/instances/${id}/`, { body: {} });
            return 'destroyed';
        }
        catch (e) {
            if (e instanceof VastError && (e.code === 'no_such_instance' || (e.status === 404 && e.code !== 'auth_error')))
                return 'already gone';
            throw e;
        }
    }
}
function vastError(status, text, what) {
    let code = `HTTP${status}`;
    let msg = text.slice(0, 300);
    try {
        const j = JSON.parse(text);
        code = j.error ?? code;
        msg = j.msg ?? j.message ?? j.detail ?? msg;
    }
    catch {
        // plain-text body (Vast's 429s are plain text)
    }
    if (code === 'auth_error' || status === 401) {
        // Named as the input to fix: a user error (exit 2), not a failed rental.
        return Object.assign(new VastError(status, 'auth_error', `api-key: the Vast API key was refused by ${what} (${msg}); check VAST_API_KEY`), { userError: true });
    }
    return new VastError(status, code, `${what} failed with ${status} ${code}: ${msg}`);
}


/***/ }),

/***/ 4995:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Ay: () => (/* binding */ pRetry)
});

// UNUSED EXPORTS: AbortError, makeRetriable

;// CONCATENATED MODULE: ./node_modules/is-network-error/index.js
const objectToString = Object.prototype.toString;

const isError = value => objectToString.call(value) === '[object Error]';

const errorMessages = new Set([
	'network error', // Chrome
	'NetworkError when attempting to fetch resource.', // Firefox
	'The Internet connection appears to be offline.', // Safari 16
	'Network request failed', // `cross-fetch`
	'fetch failed', // Undici (Node.js)
	'terminated', // Undici (Node.js)
	' A network error occurred.', // Bun (WebKit)
	'Network connection lost', // Cloudflare Workers (fetch)
]);

function isNetworkError(error) {
	const isValid = error
		&& isError(error)
		&& error.name === 'TypeError'
		&& typeof error.message === 'string';

	if (!isValid) {
		return false;
	}

	const {message, stack} = error;

	// Safari 17+ has generic message but no stack for network errors
	if (message === 'Load failed' || (message.startsWith('Load failed (') && message.endsWith(')'))) {
		return stack === undefined
			// Sentry adds its own stack trace to the fetch error, so also check for that
			|| '__sentry_captured__' in error;
	}

	// Deno network errors start with specific text
	if (message.startsWith('error sending request for url')) {
		return true;
	}

	// Chrome: exact "Failed to fetch" or with hostname: "Failed to fetch (example.com)"
	if (message === 'Failed to fetch' || (message.startsWith('Failed to fetch (') && message.endsWith(')'))) {
		return true;
	}

	// Standard network error messages
	return errorMessages.has(message);
}

;// CONCATENATED MODULE: ./node_modules/p-retry/index.js


function validateRetries(retries) {
	if (typeof retries === 'number') {
		if (retries < 0) {
			throw new TypeError('Expected `retries` to be a non-negative number.');
		}

		if (Number.isNaN(retries)) {
			throw new TypeError('Expected `retries` to be a valid number or Infinity, got NaN.');
		}
	} else if (retries !== undefined) {
		throw new TypeError('Expected `retries` to be a number or Infinity.');
	}
}

function validateNumberOption(name, value, {min = 0, allowInfinity = false} = {}) {
	if (value === undefined) {
		return;
	}

	if (typeof value !== 'number' || Number.isNaN(value)) {
		throw new TypeError(`Expected \`${name}\` to be a number${allowInfinity ? ' or Infinity' : ''}.`);
	}

	if (!allowInfinity && !Number.isFinite(value)) {
		throw new TypeError(`Expected \`${name}\` to be a finite number.`);
	}

	if (value < min) {
		throw new TypeError(`Expected \`${name}\` to be \u2265 ${min}.`);
	}
}

class AbortError extends Error {
	constructor(message) {
		super();

		if (message instanceof Error) {
			this.originalError = message;
			({message} = message);
		} else {
			this.originalError = new Error(message);
			this.originalError.stack = this.stack;
		}

		this.name = 'AbortError';
		this.message = message;
	}
}

function calculateDelay(retriesConsumed, options) {
	const attempt = Math.max(1, retriesConsumed + 1);
	const random = options.randomize ? (Math.random() + 1) : 1;

	let timeout = Math.round(random * options.minTimeout * (options.factor ** (attempt - 1)));
	timeout = Math.min(timeout, options.maxTimeout);

	return timeout;
}

function calculateRemainingTime(start, max) {
	if (!Number.isFinite(max)) {
		return max;
	}

	return max - (performance.now() - start);
}

async function onAttemptFailure({error, attemptNumber, retriesConsumed, startTime, options}) {
	const normalizedError = error instanceof Error
		? error
		: new TypeError(`Non-error was thrown: "${error}". You should only throw errors.`);

	if (normalizedError instanceof AbortError) {
		throw normalizedError.originalError;
	}

	const retriesLeft = Number.isFinite(options.retries)
		? Math.max(0, options.retries - retriesConsumed)
		: options.retries;

	const maxRetryTime = options.maxRetryTime ?? Number.POSITIVE_INFINITY;

	const context = Object.freeze({
		error: normalizedError,
		attemptNumber,
		retriesLeft,
		retriesConsumed,
	});

	await options.onFailedAttempt(context);

	if (calculateRemainingTime(startTime, maxRetryTime) <= 0) {
		throw normalizedError;
	}

	const consumeRetry = await options.shouldConsumeRetry(context);

	const remainingTime = calculateRemainingTime(startTime, maxRetryTime);

	if (remainingTime <= 0 || retriesLeft <= 0) {
		throw normalizedError;
	}

	if (normalizedError instanceof TypeError && !isNetworkError(normalizedError)) {
		if (consumeRetry) {
			throw normalizedError;
		}

		options.signal?.throwIfAborted();
		return false;
	}

	if (!await options.shouldRetry(context)) {
		throw normalizedError;
	}

	if (!consumeRetry) {
		options.signal?.throwIfAborted();
		return false;
	}

	const delayTime = calculateDelay(retriesConsumed, options);
	const finalDelay = Math.min(delayTime, remainingTime);

	options.signal?.throwIfAborted();

	if (finalDelay > 0) {
		await new Promise((resolve, reject) => {
			const onAbort = () => {
				clearTimeout(timeoutToken);
				options.signal?.removeEventListener('abort', onAbort);
				reject(options.signal.reason);
			};

			const timeoutToken = setTimeout(() => {
				options.signal?.removeEventListener('abort', onAbort);
				resolve();
			}, finalDelay);

			if (options.unref) {
				timeoutToken.unref?.();
			}

			options.signal?.addEventListener('abort', onAbort, {once: true});
		});
	}

	options.signal?.throwIfAborted();

	return true;
}

async function pRetry(input, options = {}) {
	options = {...options};

	validateRetries(options.retries);

	if (Object.hasOwn(options, 'forever')) {
		throw new Error('The `forever` option is no longer supported. For many use-cases, you can set `retries: Infinity` instead.');
	}

	options.retries ??= 10;
	options.factor ??= 2;
	options.minTimeout ??= 1000;
	options.maxTimeout ??= Number.POSITIVE_INFINITY;
	options.maxRetryTime ??= Number.POSITIVE_INFINITY;
	options.randomize ??= false;
	options.onFailedAttempt ??= () => {};
	options.shouldRetry ??= () => true;
	options.shouldConsumeRetry ??= () => true;

	// Validate numeric options and normalize edge cases
	validateNumberOption('factor', options.factor, {min: 0, allowInfinity: false});
	validateNumberOption('minTimeout', options.minTimeout, {min: 0, allowInfinity: false});
	validateNumberOption('maxTimeout', options.maxTimeout, {min: 0, allowInfinity: true});
	validateNumberOption('maxRetryTime', options.maxRetryTime, {min: 0, allowInfinity: true});

	// Treat non-positive factor as 1 to avoid zero backoff or negative behavior
	if (!(options.factor > 0)) {
		options.factor = 1;
	}

	options.signal?.throwIfAborted();

	let attemptNumber = 0;
	let retriesConsumed = 0;
	const startTime = performance.now();

	while (Number.isFinite(options.retries) ? retriesConsumed <= options.retries : true) {
		attemptNumber++;

		try {
			options.signal?.throwIfAborted();

			const result = await input(attemptNumber);

			options.signal?.throwIfAborted();

			return result;
		} catch (error) {
			if (await onAttemptFailure({
				error,
				attemptNumber,
				retriesConsumed,
				startTime,
				options,
			})) {
				retriesConsumed++;
			}
		}
	}

	// Should not reach here, but in case it does, throw an error
	throw new Error('Retry attempts exhausted without throwing an error.');
}

function makeRetriable(function_, options) {
	return function (...arguments_) {
		return pRetry(() => function_.apply(this, arguments_), options);
	};
}


/***/ })

};
