export const id = 435;
export const ids = [435];
export const modules = {

/***/ 1073:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   E9: () => (/* binding */ parseDuration),
/* harmony export */   JW: () => (/* binding */ readLabelPrefix),
/* harmony export */   RH: () => (/* binding */ RUNNER_PIN),
/* harmony export */   UD: () => (/* binding */ readOfferFilters),
/* harmony export */   Yt: () => (/* binding */ runnerUrl),
/* harmony export */   ZR: () => (/* binding */ readVastConnection),
/* harmony export */   ju: () => (/* binding */ readRunBudget),
/* harmony export */   kQ: () => (/* binding */ readGitHub),
/* harmony export */   kz: () => (/* binding */ readNumber),
/* harmony export */   xr: () => (/* binding */ readEnvLines)
/* harmony export */ });
/* unused harmony export RESERVED_ENV */
/* harmony import */ var _vast_provision_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1801);


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
/** The watchdog's margin over the job's own timeout: boot, hydrate, persist and teardown. */
const LIFETIME_MARGIN_S = 30 * 60;
/**
 * How long a rented GPU may live and what the run may spend: the one reading that provision enforces
 * and doctor checks ahead of it. The lifetime defaults to max-runtime + job-grace + 30m, else 6h.
 */
function readRunBudget(r, maxRuntimeDefault) {
    const jobGrace = parseDuration(r, 'job-grace', '15m', { min: 120, max: 24 * 3600 });
    // A GitHub job on a self-hosted runner may run 5 days at most; the watchdog never allows more.
    const maxRuntime = parseDuration(r, 'max-runtime', maxRuntimeDefault, { min: 60, max: 5 * 86400 });
    const lifetimeDefault = Number.isFinite(maxRuntime) ? `${Math.round(maxRuntime + jobGrace + LIFETIME_MARGIN_S)}s` : '6h';
    const maxLifetime = parseDuration(r, 'max-lifetime', lifetimeDefault, { min: 600, max: 5 * 86400 + 3600 });
    const usd = readNumber(r, 'spend-cap', { min: 0.01, max: 1_000_000, default: 25 });
    const lanes = r.int('lanes', { default: 1, min: 1, max: 256 });
    return { jobGrace, maxLifetime, spendCap: { usd, lanes, hours: maxLifetime / 3600 } };
}
function readOfferFilters(r) {
    const regions = r.list('regions', {}).map((x) => x.toUpperCase());
    for (const x of regions)
        if (!/^[A-Z]{2}$/.test(x))
            r.problem('regions', `expected two-letter country codes, got '${x}'`);
    const excludeMachines = r.list('exclude-machines', {}).map((x) => {
        if (!/^\d+$/.test(x))
            r.problem('exclude-machines', `expected Vast machine ids (numbers), got '${x}'`);
        return Number(x);
    });
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
        ...(excludeMachines.length ? { excludeMachines } : {}),
    };
}
/** The prefix of our instance labels and runner names (vast-provision, vast-teardown and reap). */
function readLabelPrefix(r) {
    const prefix = r.string('label-prefix', { default: 'marketsim' }) ?? 'marketsim';
    if (!_vast_provision_js__WEBPACK_IMPORTED_MODULE_0__/* .LABEL_PREFIX */ .Ag.test(prefix))
        r.problem('label-prefix', `expected lowercase letters, digits and '-', got '${prefix}'`);
    return prefix;
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

/***/ 3863:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $i: () => (/* binding */ chunkJitConfig),
/* harmony export */   tQ: () => (/* binding */ chunkEnv)
/* harmony export */ });
/* unused harmony exports ENV_ENTRY_MAX, JIT_CHUNK_PREFIX, joinEnv, joinJitConfig */
/** Vast allows 256 characters per environment entry (vast-api.md section 4); a JIT config is ~3.8 KB. */
const ENV_ENTRY_MAX = 256;
const JIT_CHUNK_PREFIX = 'MARKETSIM_JIT_';
/**
 * Splits a long value into numbered variables (`<prefix>00`, `<prefix>01`, ... and `<prefix>COUNT`)
 * that each fit one Vast env entry; the bootstrap joins them and unsets them.
 */
function chunkEnv(prefix, value) {
    const size = ENV_ENTRY_MAX - `${prefix}00=`.length;
    const out = {};
    let n = 0;
    for (let i = 0; i < value.length; i += size, n++)
        out[`${prefix}${String(n).padStart(2, '0')}`] = value.slice(i, i + size);
    out[`${prefix}COUNT`] = String(n);
    return out;
}
/** The inverse of chunkEnv, as the bootstrap does it. */
function joinEnv(prefix, env) {
    const count = Number(env[`${prefix}COUNT`] ?? 0);
    let s = '';
    for (let n = 0; n < count; n++)
        s += env[`${prefix}${String(n).padStart(2, '0')}`] ?? '';
    return s;
}
/** The base64 JIT config as `MARKETSIM_JIT_NN`; the bootstrap joins it into ACTIONS_RUNNER_INPUT_JITCONFIG. */
function chunkJitConfig(config) {
    return chunkEnv(JIT_CHUNK_PREFIX, config);
}
function joinJitConfig(env) {
    return joinEnv(JIT_CHUNK_PREFIX, env);
}


/***/ }),

/***/ 3659:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   TO: () => (/* binding */ chooseOffers),
/* harmony export */   WC: () => (/* binding */ relaxedQuery),
/* harmony export */   hk: () => (/* binding */ whyNoOffers),
/* harmony export */   lj: () => (/* binding */ offerQuery),
/* harmony export */   mq: () => (/* binding */ countryOf)
/* harmony export */ });
/**
 * The body of `POST /api/v0/bundles/`: one flat object of `field: {op: value}` filters plus
 * `order`, `type` and `limit`, with the CLI's defaults (rentable, not rented, not external).
 */
function offerQuery(f, limit = 64) {
    const q = {
        gpu_name: { eq: f.gpuName },
        num_gpus: { eq: f.numGpus },
        rentable: { eq: true },
        rented: { eq: false },
        external: { eq: false },
        disk_space: { gte: f.disk },
        order: [['dph_total', 'asc']],
        type: 'on-demand',
        allocated_storage: f.disk,
        limit,
    };
    if (f.verified)
        q.verified = { eq: true };
    if (f.minReliability !== undefined)
        q.reliability2 = { gte: f.minReliability };
    if (f.maxPrice !== undefined)
        q.dph_total = { lte: f.maxPrice };
    if (f.regions.length)
        q.geolocation = { in: f.regions };
    if (f.minCuda !== undefined)
        q.cuda_max_good = { gte: f.minCuda };
    if (f.minInetDown !== undefined)
        q.inet_down = { gte: f.minInetDown };
    if (f.excludeMachines?.length)
        q.machine_id = { notin: f.excludeMachines };
    return q;
}
/**
 * The offers to try, cheapest first, re-checked on our side (a search answer is a snapshot and
 * filters are only as good as the server's), one per machine, at most `attempts`.
 */
function chooseOffers(offers, f, attempts) {
    const seen = new Set();
    return offers
        .filter((o) => o.gpu_name === f.gpuName && o.num_gpus === f.numGpus)
        .filter((o) => f.maxPrice === undefined || o.dph_total <= f.maxPrice)
        .filter((o) => f.minCuda === undefined || (o.cuda_max_good ?? 0) >= f.minCuda)
        .filter((o) => !f.excludeMachines?.includes(o.machine_id ?? -1))
        .sort((a, b) => a.dph_total - b.dph_total || (b.reliability2 ?? 0) - (a.reliability2 ?? 0))
        .filter((o) => {
        const m = o.machine_id ?? -o.id;
        if (seen.has(m))
            return false;
        seen.add(m);
        return true;
    })
        .slice(0, attempts);
}
/** "California, US" -> "US": Vast answers free text that ends in the country code. */
function countryOf(geolocation) {
    return /\b([A-Z]{2})\s*$/.exec(geolocation ?? '')?.[1] ?? '';
}
/** The same GPU search without our narrowing filters: what exists at all, to say which filter hid it. */
function relaxedQuery(f, limit = 256) {
    return { gpu_name: { eq: f.gpuName }, num_gpus: { eq: f.numGpus }, rentable: { eq: true }, rented: { eq: false }, external: { eq: false }, order: [['dph_total', 'asc']], type: 'on-demand', limit };
}
/**
 * Why no offer matched, from the relaxed search's answer: how many offers of that GPU exist, the
 * cheapest, and how many each filter excluded (e.g. min-cuda hiding every RTX 4090).
 */
function whyNoOffers(candidates, f) {
    const name = `${f.numGpus}x ${f.gpuName}`;
    if (candidates.length === 0)
        return `No ${name} offer is rentable on Vast right now, whatever the filters (check gpu-name: Vast writes e.g. "RTX 5090")`;
    const cheapest = Math.min(...candidates.map((o) => o.dph_total));
    const checks = [
        [`max-price ${f.maxPrice}`, (o) => f.maxPrice === undefined || o.dph_total <= f.maxPrice],
        [`min-cuda ${f.minCuda}`, (o) => f.minCuda === undefined || (o.cuda_max_good ?? 0) >= f.minCuda],
        ['verified', (o) => !f.verified || o.verification === undefined || o.verification === 'verified'],
        [`min-reliability ${f.minReliability}`, (o) => f.minReliability === undefined || (o.reliability2 ?? 0) >= f.minReliability],
        [`regions ${f.regions.join(',')}`, (o) => !f.regions.length || f.regions.includes(countryOf(o.geolocation))],
        [`min-inet-down ${f.minInetDown}`, (o) => f.minInetDown === undefined || (o.inet_down ?? 0) >= f.minInetDown],
        [`disk ${f.disk}`, (o) => o.disk_space === undefined || o.disk_space >= f.disk],
    ];
    const excluded = checks.map(([label, ok]) => [label, candidates.filter((o) => !ok(o)).length]).filter(([, n]) => n > 0);
    const by = excluded.length ? excluded.map(([label, n]) => `${label} excludes ${n}`).join(', ') : 'none of our filters alone (the offers may have been taken meanwhile)';
    return `No ${name} offer matches the filters. ${candidates.length} ${name} offers are rentable now, the cheapest at $${cheapest.toFixed(3)}/h; ${by}`;
}


/***/ }),

/***/ 1801:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Ag: () => (/* binding */ LABEL_PREFIX),
  uv: () => (/* binding */ ProvisionError),
  hj: () => (/* binding */ overSpendCap),
  mg: () => (/* binding */ provision),
  Fx: () => (/* binding */ runnerLabel),
  iQ: () => (/* binding */ worstSpend)
});

// UNUSED EXPORTS: checkSpendCap

// EXTERNAL MODULE: ./lib/errors.js
var errors = __webpack_require__(452);
// EXTERNAL MODULE: ./lib/vast/client.js
var client = __webpack_require__(5923);
;// CONCATENATED MODULE: ./lib/vast/instance-state.js
/** Docker daemon texts that mean the image will never start (vast-api.md section 5). */
const FAILURE_TEXT = /error response from daemon|manifest .* not found|pull access denied|unauthorized|oci runtime|permission denied|no such image|exec format error/i;
/**
 * Reads one poll of an instance: running, still coming up, or failed for good. `exited`, `offline`
 * and `unknown` never become running (Vast docs), nor does an instance stopped by the host.
 */
function readiness(inst) {
    if (!inst)
        return { state: 'failed', reason: 'the instance disappeared' };
    const actual = inst.actual_status ?? null;
    const msg = inst.status_msg ?? '';
    if (actual === 'running')
        return { state: 'running' };
    if (FAILURE_TEXT.test(msg))
        return { state: 'failed', reason: `image did not start: ${msg}` };
    if (actual === 'exited' || actual === 'offline' || actual === 'unknown' || actual === 'frozen')
        return { state: 'failed', reason: `instance is ${actual}${msg ? `: ${msg}` : ''}` };
    if (inst.intended_status === 'stopped' || (actual === 'stopped' && inst.cur_state === 'stopped'))
        return { state: 'failed', reason: `instance was stopped by the host${msg ? `: ${msg}` : ''}` };
    return { state: 'pending' };
}
/** ssh://root@host:port from the direct port when open, else Vast's SSH proxy (CLI `_ssh_url`). */
function sshUrl(inst) {
    const ip = (inst.public_ipaddr ?? '').trim();
    const port = inst.ports?.['22/tcp']?.[0]?.HostPort;
    if (ip && port)
        return `ssh://root@${ip}:${port}`;
    return inst.ssh_host && inst.ssh_port ? `ssh://root@${inst.ssh_host}:${inst.ssh_port}` : '';
}

// EXTERNAL MODULE: ./lib/vast/jit-env.js
var jit_env = __webpack_require__(3863);
// EXTERNAL MODULE: ./lib/vast/offers.js
var vast_offers = __webpack_require__(3659);
;// CONCATENATED MODULE: ./lib/vast/provision.js





class ProvisionError extends Error {
    tries;
    name = 'ProvisionError';
    constructor(message, tries) {
        super(message);
        this.tries = tries;
    }
}
class TryFailed extends Error {
}
const defaultSleep = (ms, signal) => new Promise((resolve, reject) => {
    if (signal?.aborted)
        return reject(new Error('cancelled'));
    const t = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => {
        clearTimeout(t);
        reject(new Error('cancelled'));
    }, { once: true });
});
/** What a label prefix may be: it starts every instance label and runner name we make. */
const LABEL_PREFIX = /^[a-z0-9][a-z0-9-]{0,30}$/;
/**
 * The runner label of one try: unique to the workflow run, its attempt, the lane (if any) and the
 * try; with `*` for the try, the pattern of every try of that run attempt (and lane).
 */
function runnerLabel(prefix, runId, attempt, n, lane) {
    return lane ? `${prefix}-${runId}-${attempt}-${lane}-${n}` : `${prefix}-${runId}-${attempt}-${n}`;
}
/**
 * Rents a GPU and turns it into a one-job runner: preflight, then for each offer (cheapest first, up
 * to maxAttempts) a JIT registration, the instance, waiting until it runs and the runner is online.
 * A failed try destroys its instance and deletes its registration before the next one; nothing
 * rented survives a failure or a cancel.
 */
async function provision(cfg, deps) {
    const { vast, github, log } = deps;
    const sleep = deps.sleep ?? defaultSleep;
    const started = Date.now();
    const user = await vast.currentUser();
    const credit = user.credit ?? 0;
    const lowCredit = (need) => new ProvisionError(`Vast credit is $${credit.toFixed(2)}, below min-balance $${need.toFixed(2)}; nothing was rented`, []);
    if (cfg.minBalance !== undefined && credit < cfg.minBalance)
        throw lowCredit(cfg.minBalance);
    let offers;
    if (cfg.offerId !== undefined) {
        const found = await vast.searchOffers({ id: { eq: cfg.offerId }, rentable: { eq: true } });
        if (!found.length)
            throw new errors/* ConfigurationError */.j1(`offer-id: offer ${cfg.offerId} is not rentable now (taken, withdrawn or mistyped); nothing was rented`);
        offers = [checkOffer(found[0], cfg.filters)];
    }
    else {
        const found = await vast.searchOffers((0,vast_offers/* offerQuery */.lj)(cfg.filters));
        offers = (0,vast_offers/* chooseOffers */.TO)(found, cfg.filters, cfg.maxAttempts);
        log.info(`${found.length} offers match (${cfg.filters.gpuName}${cfg.filters.maxPrice !== undefined ? ` under $${cfg.filters.maxPrice}/h` : ''}); trying ${offers.map((o) => `${o.id} ($${o.dph_total.toFixed(3)}/h)`).join(', ') || 'none'}`);
    }
    if (offers.length === 0)
        throw new ProvisionError(`${(0,vast_offers/* whyNoOffers */.hk)(await vast.searchOffers((0,vast_offers/* relaxedQuery */.WC)(cfg.filters)), cfg.filters)}; nothing was rented`, []);
    const needed = cfg.minBalance ?? cfg.filters.maxPrice ?? offers[0].dph_total;
    if (credit < needed)
        throw lowCredit(needed);
    if (cfg.spendCap)
        checkSpendCap(cfg.spendCap, cfg.filters.maxPrice ?? Math.max(...offers.map((o) => o.dph_total)));
    const tries = [];
    for (const [i, offer] of offers.entries()) {
        const n = i + 1;
        const label = runnerLabel(cfg.labelPrefix, cfg.runId, cfg.runAttempt, n, cfg.lane);
        const t0 = Date.now();
        const report = { offerId: offer.id, ...(offer.machine_id !== undefined ? { machineId: offer.machine_id } : {}), label, result: 'failed', ms: 0 };
        tries.push(report);
        let instanceId;
        let runner;
        try {
            const jit = await github.generateJitConfig({ name: label, runnerGroupId: cfg.runnerGroupId, labels: [label, ...cfg.extraLabels] });
            runner = jit.runner;
            const chunks = (0,jit_env/* chunkJitConfig */.$i)(jit.encodedJitConfig);
            maskJit(jit.encodedJitConfig, chunks, deps.mask);
            const env = { ...cfg.env, ...(cfg.deliveredEnv ?? {}), MARKETSIM_RUNNER_LABEL: label, ...chunks };
            try {
                const created = await vast.createInstance(offer.id, {
                    client_id: 'me',
                    image: cfg.image,
                    disk: cfg.filters.disk,
                    label,
                    env,
                    onstart: cfg.onstart,
                    runtype: 'ssh_direc ssh_proxy',
                    cancel_unavail: true,
                    ...(cfg.imageLogin ? { image_login: cfg.imageLogin } : {}),
                });
                instanceId = created.id;
            }
            catch (e) {
                if (e instanceof client/* CreateOutcomeUnknownError */.dr) {
                    // Never create again blindly: the label is unique to this try, so look for it.
                    log.warn(`Try ${n}: ${e.message}; looking for an instance labelled ${label}`);
                    instanceId = await findByLabel(vast, label, sleep, deps.lookupMs ?? 2000, deps.signal);
                    if (instanceId === undefined)
                        throw new TryFailed(`${e.message}; no instance labelled ${label} appeared (teardown by label remains the backstop)`);
                    log.info(`Try ${n}: adopting instance ${instanceId}, created despite the lost answer`);
                }
                else if (e instanceof client/* OfferGoneError */.sv) {
                    report.result = 'offer gone';
                    report.reason = e.message;
                    log.info(`Try ${n}: ${e.message}; moving on`);
                    await github.deleteRunner(runner.id).catch(() => undefined);
                    runner = undefined;
                    continue;
                }
                else
                    throw e;
            }
            report.instanceId = instanceId;
            deps.onInstance?.(instanceId, label);
            log.info(`Try ${n}: instance ${instanceId} on offer ${offer.id} (${offer.gpu_name}, ${offer.geolocation ?? '?'}, $${offer.dph_total.toFixed(3)}/h), label ${label}`);
            const inst = await waitRunning(vast, instanceId, cfg, sleep, deps.signal, log);
            const msToRunning = Date.now() - started;
            const online = await waitOnline(github, runner.id, cfg, sleep, deps.signal);
            report.result = 'ok';
            report.ms = Date.now() - t0;
            return {
                instanceId,
                offer,
                label,
                runner: online,
                sshUrl: sshUrl(inst),
                publicIp: (inst.public_ipaddr ?? '').trim(),
                offersConsidered: offers.length,
                msToRunning,
                msToOnline: Date.now() - started,
                tries,
            };
        }
        catch (e) {
            report.reason = e.message;
            report.ms = Date.now() - t0;
            await cleanup(vast, github, instanceId, runner, log);
            if (deps.signal?.aborted)
                throw new ProvisionError(`Cancelled during try ${n}; destroyed what it had created`, tries);
            if (!(e instanceof TryFailed))
                throw new ProvisionError(`Try ${n} on offer ${offer.id} failed: ${e.message}`, tries);
            log.warn(`Try ${n} on offer ${offer.id} failed: ${report.reason}; destroyed instance ${instanceId ?? '-'}`);
        }
    }
    throw new ProvisionError(`All ${tries.length} tries failed: ${tries.map((t) => `offer ${t.offerId}: ${t.reason}`).join('; ')}`, tries);
}
async function waitRunning(vast, id, cfg, sleep, signal, log) {
    const deadline = Date.now() + cfg.waitTimeoutMs;
    let wait = cfg.pollMs;
    let lastMsg = '';
    for (;;) {
        const inst = await vast.getInstance(id);
        const r = readiness(inst);
        if (inst?.status_msg && inst.status_msg !== lastMsg) {
            lastMsg = inst.status_msg;
            log.info(`instance ${id}: ${inst.actual_status ?? 'provisioning'}: ${lastMsg}`);
        }
        if (r.state === 'running')
            return inst;
        if (r.state === 'failed')
            throw new TryFailed(r.reason);
        if (Date.now() + wait > deadline)
            throw new TryFailed(`not running after ${Math.round(cfg.waitTimeoutMs / 1000)} s (last state: ${inst?.actual_status ?? 'provisioning'})`);
        await sleep(wait, signal);
        wait = Math.min(Math.round(wait * 1.5), cfg.maxPollMs);
    }
}
async function waitOnline(github, runnerId, cfg, sleep, signal) {
    const deadline = Date.now() + cfg.runnerTimeoutMs;
    for (;;) {
        const r = await github.getRunner(runnerId);
        if (r?.status === 'online')
            return r;
        if (!r)
            throw new TryFailed('the runner registration disappeared');
        if (Date.now() + cfg.pollMs > deadline)
            throw new TryFailed(`runner not online after ${Math.round(cfg.runnerTimeoutMs / 1000)} s`);
        await sleep(cfg.pollMs, signal);
    }
}
/** The offer named by offer-id must satisfy the same limits a search would apply. */
function checkOffer(o, f) {
    const bad = [];
    if (f.maxPrice !== undefined && o.dph_total > f.maxPrice)
        bad.push(`max-price: offer ${o.id} costs $${o.dph_total.toFixed(3)}/h, above $${f.maxPrice}/h`);
    if (o.gpu_name !== f.gpuName)
        bad.push(`gpu-name: offer ${o.id} is a ${o.gpu_name}, not a ${f.gpuName}`);
    if (f.excludeMachines?.includes(o.machine_id ?? -1))
        bad.push(`exclude-machines: offer ${o.id} is on machine ${o.machine_id}, which failed before`);
    if (f.minCuda !== undefined && (o.cuda_max_good ?? 0) < f.minCuda)
        bad.push(`min-cuda: offer ${o.id} supports CUDA ${o.cuda_max_good ?? '?'}, below ${f.minCuda}`);
    if (bad.length)
        throw new errors/* ConfigurationError */.j1(`offer-id does not satisfy the limits; nothing was rented:\n  - ${bad.join('\n  - ')}`);
    return o;
}
/** The most the run can spend: every lane at this price for its whole lifetime. */
function worstSpend(cap, pricePerHour) {
    return cap.lanes * pricePerHour * cap.hours;
}
function overSpendCap(cap, pricePerHour) {
    return worstSpend(cap, pricePerHour) > cap.usd + 1e-9;
}
/** lanes x $/h x hours against the cap; a bad input, before anything is rented. */
function checkSpendCap(cap, pricePerHour) {
    const worst = worstSpend(cap, pricePerHour);
    if (overSpendCap(cap, pricePerHour)) {
        throw new errors/* ConfigurationError */.j1(`spend-cap: ${cap.lanes} lane(s) x $${pricePerHour.toFixed(3)}/h x ${cap.hours.toFixed(2)} h = $${worst.toFixed(2)}, above the cap of $${cap.usd.toFixed(2)}; lower max-price, max-runtime or the number of configs, or raise spend-cap`);
    }
}
/** Masks the JIT config whole, each env chunk, and the credential files it decodes to. */
function maskJit(config, chunks, mask) {
    if (!mask)
        return;
    mask(config);
    for (const [k, v] of Object.entries(chunks))
        if (!k.endsWith('COUNT'))
            mask(v);
    try {
        const files = JSON.parse(Buffer.from(config, 'base64').toString('utf8'));
        for (const v of Object.values(files)) {
            if (typeof v !== 'string' || v.length < 8)
                continue;
            mask(v);
            const decoded = Buffer.from(v, 'base64').toString('utf8');
            for (const line of decoded.split('\n'))
                if (line.trim().length >= 8)
                    mask(line.trim());
        }
    }
    catch {
        // not the JSON map GitHub sends: the whole and the chunks are masked already
    }
}
/** An instance whose create answer was lost shows up in the list under its unique label, or not at all. */
async function findByLabel(vast, label, sleep, everyMs, signal) {
    for (let i = 0; i < 3; i++) {
        const found = await vast.listInstances({ label: { eq: label } }).catch(() => []);
        const hit = found.find((x) => x.label === label);
        if (hit)
            return hit.id;
        if (i < 2)
            await sleep(everyMs, signal);
    }
    return undefined;
}
/** Destroy first (it is what costs money), then the registration; both idempotent, both tried hard. */
async function cleanup(vast, github, instanceId, runner, log) {
    if (instanceId !== undefined) {
        try {
            log.info(`Destroying instance ${instanceId}: ${await vast.destroyInstance(instanceId)}`);
        }
        catch (e) {
            log.error(`Could not destroy instance ${instanceId}: ${e.message}. The teardown job and the reaper will retry.`);
        }
    }
    if (runner)
        await github.deleteRunner(runner.id, 30_000).catch((e) => log.warn(`Could not delete runner ${runner.name}: ${e.message}`));
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
