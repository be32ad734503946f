export const id = 570;
export const ids = [570];
export const modules = {

/***/ 2755:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Y: () => (/* binding */ credentialsForHost)
});

// EXTERNAL MODULE: ./lib/net/retry.js
var retry = __webpack_require__(6705);
;// CONCATENATED MODULE: ./lib/cloudflare/temp-credentials.js

/** A refusal from the Cloudflare API, with the v4 envelope's error codes and messages. */
class CloudflareError extends Error {
    status;
    codes;
    name = 'CloudflareError';
    constructor(status, codes, message) {
        super(message);
        this.status = status;
        this.codes = codes;
    }
}
const MAX_TTL_SECONDS = 604_800;
function envelopeError(status, text, what) {
    if (status === 429 || status >= 500)
        return new retry/* TransientError */.N_(`${what} answered ${status}: ${text.slice(0, 200)}`);
    let codes = [];
    let msg = text.slice(0, 300);
    try {
        const j = JSON.parse(text);
        codes = (j.errors ?? []).map((e) => e.code ?? 0);
        msg = (j.errors ?? []).map((e) => `${e.message ?? '?'}${e.code ? ` (${e.code})` : ''}`).join('; ') || msg;
    }
    catch {
        // not JSON: a proxy's page
    }
    const hint = status === 401 || status === 403 ? ': the Cloudflare API token was refused or may not manage R2 (it needs Workers R2 Storage write)' : '';
    return new CloudflareError(status, codes, `${what} failed with ${status}${hint}: ${msg}`);
}
/**
 * Mints R2 temporary credentials through the Cloudflare API (v4 envelope). Runs on the trusted side
 * only (a GitHub-hosted runner): the API token and the parent key never reach a rented host.
 */
async function mintTempCredentials(opts, req) {
    const what = `POST /accounts/${opts.accountId}/r2/temp-access-credentials`;
    const url = `${opts.apiUrl.replace(/\/+$/, '')}/accounts/${encodeURIComponent(opts.accountId)}/r2/temp-access-credentials`;
    const { text } = await (0,retry/* fetchWithRetry */.J5)(what, url, {
        method: 'POST',
        headers: { authorization: `Bearer ${opts.apiToken}`, 'content-type': 'application/json', accept: 'application/json' },
        body: { bucket: req.bucket, parentAccessKeyId: req.parentAccessKeyId, permission: req.permission, ttlSeconds: req.ttlSeconds, ...(req.prefixes?.length ? { prefixes: req.prefixes } : {}) },
        timeoutMs: 30_000,
    }, (status, body) => envelopeError(status, body, what), opts.retry ?? { retries: 4, minDelayMs: 500, maxDelayMs: 8000 }, opts.onRetry);
    const j = JSON.parse(text);
    const r = j.result;
    if (!j.success || !r?.accessKeyId || !r.secretAccessKey || !r.sessionToken) {
        throw new CloudflareError(200, (j.errors ?? []).map((e) => e.code ?? 0), `${what} answered without credentials: ${JSON.stringify(j.errors ?? [])}`);
    }
    return { accessKeyId: r.accessKeyId, secretAccessKey: r.secretAccessKey, sessionToken: r.sessionToken };
}

;// CONCATENATED MODULE: ./lib/cloudflare/scoped-storage.js

/**
 * Mints (or takes) the two credentials a rented host gets: read-only on the data folders for hydrate,
 * read-write on this experiment's logs folder for persist. Nothing else: no key that can write the data.
 */
async function credentialsForHost(cfg, now = Date.now()) {
    let read;
    let logs;
    let expiresAt;
    if (cfg.mint) {
        const ttlSeconds = Math.min(MAX_TTL_SECONDS, Math.max(60, Math.round(cfg.ttlSeconds)));
        const base = { parentAccessKeyId: cfg.mint.parentAccessKeyId, ttlSeconds };
        const asPair = (t) => ({ ...t });
        read = asPair(await mintTempCredentials(cfg.mint, { ...base, bucket: cfg.bucket, permission: 'object-read-only', prefixes: cfg.dataDirs.map((d) => `${cfg.prefix}${d}/`) }));
        logs = asPair(await mintTempCredentials(cfg.mint, { ...base, bucket: cfg.logsBucket, permission: 'object-read-write', prefixes: [cfg.logsPrefix] }));
        expiresAt = new Date(now + ttlSeconds * 1000).toISOString();
    }
    else if (cfg.scoped) {
        ({ read, logs } = cfg.scoped);
    }
    else
        throw new Error('no way to give the host storage credentials: configure minting or scoped key pairs');
    const vars = {
        R2_ENDPOINT: cfg.endpoint,
        R2_BUCKET: cfg.bucket,
        R2_PREFIX: cfg.prefix,
        R2_LOGS_BUCKET: cfg.logsBucket,
        R2_READ_ACCESS_KEY_ID: read.accessKeyId,
        R2_READ_SECRET_ACCESS_KEY: read.secretAccessKey,
        R2_LOGS_ACCESS_KEY_ID: logs.accessKeyId,
        R2_LOGS_SECRET_ACCESS_KEY: logs.secretAccessKey,
    };
    if (read.sessionToken)
        vars.R2_READ_SESSION_TOKEN = read.sessionToken;
    if (logs.sessionToken)
        vars.R2_LOGS_SESSION_TOKEN = logs.sessionToken;
    if (expiresAt)
        vars.R2_CREDENTIALS_EXPIRE_AT = expiresAt;
    return { read, logs, expiresAt, how: cfg.mint ? 'minted' : 'scoped keys', vars };
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

/***/ 3337:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   w: () => (/* binding */ readHostStorage)
/* harmony export */ });
/* harmony import */ var _storage_config_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1275);
/* harmony import */ var _storage_experiment_id_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7062);
/* harmony import */ var _storage_inputs_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2764);



const ACCOUNT_ID = /^[0-9a-f]{32}$/;
function pair(r, idInput, secretInput, envPrefix, mask) {
    const accessKeyId = r.string(idInput, { env: [`${envPrefix}ACCESS_KEY_ID`] });
    const secretAccessKey = r.string(secretInput, { env: [`${envPrefix}SECRET_ACCESS_KEY`] });
    for (const s of [accessKeyId, secretAccessKey])
        if (s)
            mask(s);
    if (!accessKeyId && !secretAccessKey)
        return undefined;
    if (!accessKeyId || !secretAccessKey) {
        r.problem(accessKeyId ? secretInput : idInput, `give ${idInput} and ${secretInput} together (variables ${envPrefix}ACCESS_KEY_ID / ${envPrefix}SECRET_ACCESS_KEY)`);
        return undefined;
    }
    return { accessKeyId, secretAccessKey };
}
/**
 * What storage access the rented host gets. Minting (a Cloudflare API token + the parent R2 key id)
 * is preferred; else two key pairs the user limited (R2_READ_* read-only on the data bucket, R2_LOGS_*
 * read-write on a logs bucket). The general R2_ACCESS_KEY_ID/SECRET pair never goes to the host.
 * `required` (the experiment workflow) makes "neither" a bad input, before anything is rented.
 */
function readHostStorage(r, mask, ttlSeconds) {
    // Every input is read (and every secret masked) whatever the mode, so one message names every problem.
    const mode = r.oneOf('storage-credentials', ['auto', 'required', 'none'], { default: 'auto' });
    const apiToken = r.string('cloudflare-api-token', { env: ['CLOUDFLARE_API_TOKEN'] });
    if (apiToken)
        mask(apiToken);
    const read = pair(r, 'r2-read-access-key-id', 'r2-read-secret-access-key', 'R2_READ_', mask);
    const logs = pair(r, 'r2-logs-access-key-id', 'r2-logs-secret-access-key', 'R2_LOGS_', mask);
    const accountId = r.string('r2-account-id', { env: ['R2_ACCOUNT_ID', 'CLOUDFLARE_ACCOUNT_ID'] });
    const endpointRaw = r.string('r2-endpoint', { env: ['R2_ENDPOINT'] });
    const bucket = r.string('r2-bucket', { env: ['R2_BUCKET'], default: _storage_config_js__WEBPACK_IMPORTED_MODULE_2__/* .DEFAULT_BUCKET */ .hg }) ?? _storage_config_js__WEBPACK_IMPORTED_MODULE_2__/* .DEFAULT_BUCKET */ .hg;
    const logsBucket = r.string('r2-logs-bucket', { env: ['R2_LOGS_BUCKET'] }) ?? bucket;
    const prefix = (0,_storage_inputs_js__WEBPACK_IMPORTED_MODULE_1__/* .readPrefix */ .fr)(r, 'r2-prefix');
    const dirs = [...r.list('data-dirs', { default: _storage_config_js__WEBPACK_IMPORTED_MODULE_2__/* .DEFAULT_DIRS */ .nc }), ...r.list('extra-dirs', { env: ['EXTRA_PULL_DIRS'] })].map((d) => d.replace(/\/+$/, ''));
    const experimentId = r.string('experiment-id', { env: ['EXPERIMENT_ID'] });
    const parentAccessKeyId = r.string('r2-access-key-id', { env: ['R2_ACCESS_KEY_ID'] });
    const apiUrl = r.string('cloudflare-api-url', { env: ['CLOUDFLARE_API_URL'], default: 'https://api.cloudflare.com/client/v4' }) ?? '';
    if (mode === 'none')
        return undefined;
    if (!apiToken && !read && !logs) {
        if (mode === 'required') {
            r.problem('storage-credentials', 'the rented host needs storage credentials: give cloudflare-api-token (CLOUDFLARE_API_TOKEN) with r2-account-id and r2-access-key-id to mint scoped ones, or a read-only pair (R2_READ_ACCESS_KEY_ID/R2_READ_SECRET_ACCESS_KEY) and a logs pair (R2_LOGS_ACCESS_KEY_ID/R2_LOGS_SECRET_ACCESS_KEY)');
        }
        return undefined;
    }
    if (!apiToken && (!read || !logs))
        r.problem(read ? 'r2-logs-access-key-id' : 'r2-read-access-key-id', 'without minting, give both the read-only data pair and the logs pair');
    // R2 API tokens are limited per bucket, not per prefix: a read-write logs key on the data bucket could rewrite the data.
    if (!apiToken && read && logs && logsBucket === bucket)
        r.problem('r2-logs-bucket', `without minting, the logs need a bucket of their own (the logs key may write all of '${logsBucket}')`);
    if (accountId && !ACCOUNT_ID.test(accountId))
        r.problem('r2-account-id', 'expected the 32 hex characters of a Cloudflare account id');
    const endpoint = endpointRaw ?? (accountId ? `https://${accountId}.r2.cloudflarestorage.com` : undefined);
    if (!endpoint)
        r.problem('r2-endpoint', 'required (or variable R2_ENDPOINT), or give r2-account-id (R2_ACCOUNT_ID)');
    else if (!/^https?:\/\/[^/\s]+\/?$/.test(endpoint))
        r.problem('r2-endpoint', `expected the bare S3 endpoint such as https://<account>.r2.cloudflarestorage.com, got '${endpoint}'`);
    for (const d of dirs.filter(Boolean)) {
        const bad = (0,_storage_inputs_js__WEBPACK_IMPORTED_MODULE_1__/* .unsafeRelativePath */ .q4)(d);
        if (bad)
            r.problem('data-dirs', `'${d}' ${bad}`);
    }
    if (!experimentId)
        r.problem('experiment-id', "required to scope the logs credential to this experiment's folder");
    else if (!_storage_experiment_id_js__WEBPACK_IMPORTED_MODULE_0__/* .EXPERIMENT_ID_PATTERN */ .B.test(experimentId) || experimentId.includes('..'))
        r.problem('experiment-id', `'${experimentId}' may hold only letters, digits, '.', '_' and '-'`);
    let mint;
    if (apiToken) {
        if (!parentAccessKeyId)
            r.problem('r2-access-key-id', 'required with cloudflare-api-token: the access key id of the R2 token the temporary credentials derive from (its secret is not needed)');
        if (!accountId)
            r.problem('r2-account-id', 'required with cloudflare-api-token (or variable R2_ACCOUNT_ID)');
        if (!/^https?:\/\//.test(apiUrl))
            r.problem('cloudflare-api-url', `expected an http(s) URL, got '${apiUrl}'`);
        mint = { apiUrl, apiToken, accountId: accountId ?? '', parentAccessKeyId: parentAccessKeyId ?? '' };
    }
    return {
        endpoint: (endpoint ?? '').replace(/\/+$/, ''),
        bucket,
        logsBucket,
        prefix,
        dataDirs: [...new Set(dirs)],
        logsPrefix: `${prefix}${_storage_config_js__WEBPACK_IMPORTED_MODULE_2__/* .DEFAULT_LOGS_PREFIX */ .FE}${experimentId ?? ''}/`,
        ttlSeconds,
        mint,
        scoped: !apiToken && read && logs ? { read, logs } : undefined,
    };
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


/***/ })

};
