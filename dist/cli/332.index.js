export const id = 332;
export const ids = [332];
export const modules = {

/***/ 9447:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  W_: () => (/* binding */ ACCOUNT_ID),
  yV: () => (/* binding */ experimentIdProblem),
  MT: () => (/* binding */ r2Endpoint),
  jP: () => (/* binding */ readDataDirs),
  YB: () => (/* binding */ readDirList),
  k8: () => (/* binding */ readHydrateConfig),
  qe: () => (/* binding */ readJurisdiction),
  oJ: () => (/* binding */ readLocalRoot),
  X7: () => (/* binding */ readPersistConfig),
  fr: () => (/* binding */ readPrefix),
  uz: () => (/* binding */ readStore)
});

// UNUSED EXPORTS: unsafeRelativePath

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./lib/storage/config.js
var config = __webpack_require__(1275);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
;// CONCATENATED MODULE: ./lib/storage/experiment-id.js

const EXPERIMENT_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;
/** `marketsim-<UTC yyyymmdd-HHMMSS>-<run id or 6 hex>`: sortable by time, unique per run. */
function generateExperimentId(now, runId) {
    const iso = now.toISOString(); // 2026-11-29T10:15:00.000Z
    const stamp = `${iso.slice(0, 10).replace(/-/g, '')}-${iso.slice(11, 19).replace(/:/g, '')}`;
    const suffix = runId && /^\d+$/.test(runId) ? runId : (0,external_node_crypto_.randomBytes)(3).toString('hex');
    return `marketsim-${stamp}-${suffix}`;
}

;// CONCATENATED MODULE: ./lib/inputs/storage-inputs.js





const JURISDICTIONS = ['eu', 'fedramp', 'us'];
const BUCKET_NAME = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;
const ACCOUNT_ID = /^[0-9a-f]{32}$/;
/** An R2 jurisdiction (eu, fedramp, us), named when it is none of them. */
function readJurisdiction(r, name = 'jurisdiction') {
    const jurisdiction = r.raw(name, { env: ['R2_JURISDICTION'] })?.value;
    if (!jurisdiction)
        return undefined;
    if (JURISDICTIONS.includes(jurisdiction))
        return jurisdiction;
    r.problem(name, `expected one of ${JURISDICTIONS.join(', ')}, got '${jurisdiction}'`);
    return undefined;
}
/** The S3 endpoint of an account's R2 (a jurisdiction's buckets are seen only at its own endpoint). */
function r2Endpoint(accountId, jurisdiction) {
    return `https://${accountId}${jurisdiction ? `.${jurisdiction}` : ''}.r2.cloudflarestorage.com`;
}
/** A list of folder names, without trailing '/', each unable to climb out (named otherwise). */
function readDirList(r, name, opts = {}) {
    return r.list(name, opts).map((d) => {
        const dir = d.replace(/\/+$/, '');
        const bad = unsafeRelativePath(dir);
        if (bad)
            r.problem(name, `'${d}' ${bad}`);
        return dir;
    });
}
/** Data folders: `<dirs>` then `extra-dirs` (EXTRA_PULL_DIRS). */
function readDataDirs(r, dirsInput) {
    return [...new Set([...readDirList(r, dirsInput, { default: config/* DEFAULT_DIRS */.nc }), ...readDirList(r, 'extra-dirs', { env: ['EXTRA_PULL_DIRS'] })])];
}
/** An experiment id names a folder of logs: it may not climb out of it. */
function experimentIdProblem(id) {
    return !EXPERIMENT_ID_PATTERN.test(id) || id.includes('..') ? `'${id}' may hold only letters, digits, '.', '_' and '-' (no '/', '..' or spaces; at most 128)` : undefined;
}
/** A relative folder name that cannot climb out of its parent. */
function unsafeRelativePath(p) {
    if (p.includes('\0'))
        return 'contains a NUL byte';
    if (p.includes('\\'))
        return 'contains a backslash';
    if (p.startsWith('/') || /^[A-Za-z]:/.test(p))
        return 'is absolute';
    const segs = p.replace(/\/+$/, '').split('/');
    if (segs.some((s) => s === '..' || s === '.' || s === ''))
        return "has an empty, '.' or '..' segment";
    return undefined;
}
/** `publish` (marketsim push writes data): never the host's read-only or logs-only keys. */
const CREDENTIAL_SETS = { read: ['R2_READ_', 'R2_', 'AWS_'], logs: ['R2_LOGS_', 'R2_', 'AWS_'], publish: ['R2_', 'AWS_'] };
/**
 * The key pair (and session token) from one place only, never mixed: the inputs, else the role's own
 * variables (R2_READ_* for hydrate, R2_LOGS_* for persist: what vast-provision delivers to a rented
 * host, scoped and expiring), else R2_*, else AWS_*. Every secret is masked the moment it is read.
 */
function readCredentials(r, role, mask) {
    const sets = CREDENTIAL_SETS[role];
    const env = (suffix) => sets.map((p) => `${p}${suffix}`);
    const id = r.raw('access-key-id', { env: env('ACCESS_KEY_ID') });
    // The source that gave the key id gives the secret and the token too.
    const from = id?.source.startsWith('variable ') ? sets.find((p) => id.source === `variable ${p}ACCESS_KEY_ID`) : undefined;
    const pick = (input, suffix) => from ? (r.raw(input, {})?.value ?? r.raw(input, { env: [`${from}${suffix}`] })?.value) : r.raw(input, { env: env(suffix) })?.value;
    const accessKeyId = id?.value ?? '';
    const secretAccessKey = pick('secret-access-key', 'SECRET_ACCESS_KEY') ?? '';
    const sessionToken = pick('session-token', 'SESSION_TOKEN');
    const vars = (suffix) => env(suffix).join(' / ');
    if (!accessKeyId)
        r.problem('access-key-id', `required (or variable ${vars('ACCESS_KEY_ID')})`);
    if (!secretAccessKey)
        r.problem('secret-access-key', `required (or variable ${from ? `${from}SECRET_ACCESS_KEY` : vars('SECRET_ACCESS_KEY')})`);
    for (const s of [secretAccessKey, accessKeyId, sessionToken])
        if (s)
            mask(s);
    return { accessKeyId, secretAccessKey, ...(sessionToken ? { sessionToken } : {}) };
}
/** Reads the connection inputs; secrets are handed to `mask` the moment they are read. */
function readStore(r, mask, role = 'read') {
    const { accessKeyId, secretAccessKey, sessionToken } = readCredentials(r, role, mask);
    const accountId = r.string('account-id', { env: ['R2_ACCOUNT_ID'] });
    const jurisdiction = readJurisdiction(r);
    let endpoint = r.string('endpoint', { env: ['R2_ENDPOINT', 'AWS_ENDPOINT_URL_S3', 'AWS_ENDPOINT_URL'] });
    if (!endpoint && accountId) {
        if (!ACCOUNT_ID.test(accountId))
            r.problem('account-id', 'expected the 32 hex characters of a Cloudflare account id');
        endpoint = r2Endpoint(accountId, jurisdiction);
    }
    if (!endpoint) {
        r.problem('endpoint', 'required (or variable R2_ENDPOINT), or give account-id (R2_ACCOUNT_ID) for Cloudflare R2');
        endpoint = '';
    }
    else {
        try {
            const u = new URL(endpoint);
            if (u.protocol !== 'https:' && u.protocol !== 'http:')
                throw new Error('scheme');
            if (u.username || u.password)
                r.problem('endpoint', 'must not carry credentials');
            endpoint = `${u.origin}${u.pathname.replace(/\/+$/, '')}`;
            // Cloudflare's dashboard shows the S3 API URL with the bucket appended: recognised and explained,
            // instead of every request answering NoSuchKey.
            const pathPart = u.pathname.replace(/^\/+|\/+$/g, '');
            const bucketGiven = r.raw('bucket', { env: ['R2_BUCKET'] })?.value;
            if (pathPart && (/\.r2\.cloudflarestorage\.com$/.test(u.hostname) || pathPart === bucketGiven)) {
                r.problem('endpoint', `${u.origin}/${pathPart} ends in a path: '${pathPart.split('/')[0]}' looks like the bucket (the dashboard shows it that way); give endpoint ${u.origin} and bucket ${pathPart.split('/')[0]}`);
            }
        }
        catch {
            r.problem('endpoint', `expected an http(s) URL such as https://<account>.r2.cloudflarestorage.com, got '${endpoint}'`);
        }
    }
    const dataBucket = r.string('bucket', { env: ['R2_BUCKET'], default: config/* DEFAULT_BUCKET */.hg }) ?? config/* DEFAULT_BUCKET */.hg;
    // Logs may live in a bucket of their own, so the logs key never needs write access to the data.
    const bucketInput = role === 'logs' && r.raw('logs-bucket', { env: ['R2_LOGS_BUCKET'] }) ? 'logs-bucket' : 'bucket';
    const bucket = bucketInput === 'logs-bucket' ? r.raw('logs-bucket', { env: ['R2_LOGS_BUCKET'] }).value : dataBucket;
    if (!BUCKET_NAME.test(bucket))
        r.problem(bucketInput, `'${bucket}' is not a valid bucket name (3-63 lowercase letters, digits, '-' or '.')`);
    const region = r.string('region', { env: ['R2_REGION'], default: 'auto' }) ?? 'auto';
    return { endpoint, bucket, region, accessKeyId, secretAccessKey, ...(sessionToken ? { sessionToken } : {}) };
}
/** A key prefix: no leading '/', a trailing '/' (or ''), no segment that could climb out. */
function readPrefix(r, name = 'prefix', env = ['R2_PREFIX'], def = config/* DEFAULT_PREFIX */.Nf) {
    let prefix = r.string(name, { env, default: def }) ?? def;
    prefix = prefix.replace(/^\/+/, '');
    if (prefix && !prefix.endsWith('/'))
        prefix += '/';
    if (prefix) {
        const bad = unsafeRelativePath(prefix);
        if (bad)
            r.problem(name, `'${prefix}' ${bad}`);
    }
    return prefix;
}
function readLocalRoot(r, vars) {
    const root = r.string('local-root', { env: ['LOCAL_ROOT'] }) ?? vars.GITHUB_WORKSPACE ?? '/workspace';
    return external_node_path_.resolve(root);
}
function readConcurrency(r) {
    return r.int('concurrency', { env: ['MARKETSIM_CONCURRENCY'], default: config/* DEFAULT_CONCURRENCY */.WH, min: 1, max: 1024 });
}
function readHydrateConfig(r, vars, mask) {
    const store = readStore(r, mask);
    const prefix = readPrefix(r, 'prefix', ['R2_PREFIX'], config/* DEFAULT_PREFIX */.Nf);
    const dirs = readDataDirs(r, 'dirs');
    if (dirs.length === 0)
        r.problem('dirs', 'no folder to pull');
    return {
        store,
        prefix,
        dirs,
        localRoot: readLocalRoot(r, vars),
        concurrency: readConcurrency(r),
        adaptive: r.raw('concurrency', { env: ['MARKETSIM_CONCURRENCY'] }) === undefined,
        delete: r.bool('delete', { default: false }),
        dryRun: r.bool('dry-run', { default: false }),
        include: r.list('include', {}),
        exclude: r.list('exclude', {}),
    };
}
function readPersistConfig(r, vars, mask) {
    const store = readStore(r, mask, 'logs');
    const prefix = readPrefix(r, 'prefix', ['R2_PREFIX'], config/* DEFAULT_PREFIX */.Nf);
    const logsPrefix = readPrefix(r, 'logs-prefix', [], config/* DEFAULT_LOGS_PREFIX */.FE);
    const localRoot = readLocalRoot(r, vars);
    const logDir = external_node_path_.resolve(localRoot, r.string('log-dir', { env: ['LOCAL_LOG_DIR'], default: config/* DEFAULT_LOG_DIR */.t9 }) ?? config/* DEFAULT_LOG_DIR */.t9);
    let experimentId = r.string('experiment-id', { env: ['EXPERIMENT_ID'] });
    if (experimentId === undefined)
        experimentId = generateExperimentId(new Date(), vars.GITHUB_RUN_ID);
    else {
        const bad = experimentIdProblem(experimentId);
        if (bad)
            r.problem('experiment-id', bad);
    }
    const ifNoFilesFound = r.oneOf('if-no-files-found', ['warn', 'error', 'ignore'], { default: 'warn' });
    return {
        store,
        logDir,
        experimentId,
        targetPrefix: `${prefix}${logsPrefix}${experimentId}/`,
        ifNoFilesFound,
        concurrency: readConcurrency(r),
    };
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

/***/ 651:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Q: () => (/* binding */ explainAccessError),
/* harmony export */   m: () => (/* binding */ FIRST_REQUEST_RETRY)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(452);
/* harmony import */ var _s3_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1480);


/**
 * For the first request of a run (a listing page, which object-scoped R2 tokens may make; HeadBucket
 * they may not): fail fast on a wrong endpoint, yet ride out one throttling answer.
 */
const FIRST_REQUEST_RETRY = { retries: 2, minDelayMs: 200, maxDelayMs: 1000 };
const BAD_KEY = new Set(['InvalidAccessKeyId', 'InvalidArgument', 'Unauthorized']);
const BAD_SECRET = new Set(['SignatureDoesNotMatch']);
/**
 * Turns the failure of the first request into one clear error naming the input (credentials,
 * bucket, endpoint), so a bad setting is reported before any long step. Other errors pass through.
 */
function explainAccessError(e, store, prefix) {
    const { endpoint, bucket } = store;
    if (e instanceof _s3_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .S3Error */ .Dg) {
        if (e.code === 'NoSuchBucket')
            return new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1(`bucket: '${bucket}' does not exist at ${endpoint}`);
        if (BAD_KEY.has(e.code))
            return new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1(`access-key-id: the store does not know this key id (${e.code})`);
        if (BAD_SECRET.has(e.code))
            return new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1(`secret-access-key: the signature does not match; check the secret (${e.code})`);
        if (e.status === 403) {
            const why = / failed with 403 [A-Za-z]+: (.*)$/.exec(e.message)?.[1];
            return new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1(`access-key-id / secret-access-key: access denied to s3://${bucket}/${prefix} (${e.code}${why ? `: ${why}` : ''}); a scoped or temporary credential may not reach this bucket or prefix, or its session token is missing`);
        }
        if (e.status === 301 || e.status === 400)
            return new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1(`endpoint: ${endpoint} answered ${e.message}`);
        return e;
    }
    const err = e;
    const code = err.cause?.code ?? err.code ?? '';
    if (/^E[A-Z_]+$/.test(code))
        return new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1(`endpoint: cannot reach ${endpoint} (${code})`);
    // OpenSSL's verdicts (SELF_SIGNED_CERT_IN_CHAIN, CERT_HAS_EXPIRED, ERR_TLS_CERT_ALTNAME_INVALID...).
    if (/CERT|SELF_SIGNED|UNABLE_TO_VERIFY|UNABLE_TO_GET_ISSUER/.test(code)) {
        // Node 24 appends advice about a command-line flag, which an action cannot pass: ours replaces it.
        const verdict = (err.message ?? code).replace(/; if the root CA is installed locally.*$/s, '');
        return new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1(`endpoint: the TLS certificate of ${endpoint} is not trusted: ${verdict} (${code}); for a private CA, point NODE_EXTRA_CA_CERTS at its certificate`);
    }
    return e;
}


/***/ }),

/***/ 7362:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   eH: () => (/* binding */ BodyClient),
/* harmony export */   ms: () => (/* binding */ READ_BUFFER),
/* harmony export */   tU: () => (/* binding */ UnacceptedAnswer)
/* harmony export */ });
/* harmony import */ var node_net__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7030);

/** The least room worth a read of its own: below it the next read goes to the socket's buffer and is copied. */
const MIN_ROOM = 16 * 1024;
/** An answer whose status the caller did not accept: its body, read whole (error documents are small). */
class UnacceptedAnswer {
    status;
    headers;
    text;
    constructor(status, headers, text) {
        this.status = status;
        this.headers = headers;
        this.text = text;
    }
}
/** Socket read size, and so the largest chunk `data` ever receives. */
const READ_BUFFER = 64 * 1024;
const MAX_HEAD = 64 * 1024;
const MAX_ERROR_BODY = 256 * 1024;
function socketError(message, code) {
    return Object.assign(new Error(message), { code });
}
/** One request on one socket: the response parser (head, then a length-framed, chunked or close-delimited body). */
class Exchange {
    accept;
    sink;
    resume;
    finish;
    head;
    framing = { kind: 'none' };
    status = 0;
    headers = {};
    accepted = false;
    errorBody = [];
    errorBytes = 0;
    chunkLeft = -1; // chunked: bytes left in the current chunk; -1 = reading a size line
    line = ''; // chunked: partial size/trailer line
    trailer = false;
    done = false;
    reusable = true;
    constructor(accept, sink, resume, 
    /** Called once: with the error, or with the status of an accepted answer, or with an UnacceptedAnswer. */
    finish) {
        this.accept = accept;
        this.sink = sink;
        this.resume = resume;
        this.finish = finish;
    }
    /** Feeds bytes from the socket; returns false to pause the socket. */
    feed(input) {
        let buf = input;
        if (!this.accepted && this.framing.kind === 'none' && !this.done) {
            const rest = this.readHead(buf);
            if (rest === undefined)
                return true;
            buf = rest;
        }
        return this.body(buf);
    }
    /** Where the next read should land: the sink's room while a length-framed body is read, else the socket's buffer. */
    room() {
        const f = this.framing;
        if (!this.accepted || this.done || f.kind !== 'length' || f.left === 0 || !this.sink.room)
            return undefined;
        const r = this.sink.room();
        if (!r || r.length < Math.min(MIN_ROOM, f.left))
            return undefined;
        // Never past the body: bytes after it belong to no one.
        return r.length > f.left ? r.subarray(0, f.left) : r;
    }
    /** Ends a close-delimited body when the server closes. True when that completes the answer. */
    closed() {
        if (this.framing.kind !== 'close' || this.done)
            return false;
        this.complete();
        return true;
    }
    readHead(buf) {
        const all = this.head ? Buffer.concat([this.head, buf]) : buf;
        const end = all.indexOf('\r\n\r\n');
        if (end < 0) {
            if (all.length > MAX_HEAD)
                throw socketError('response head too large', 'ECONNRESET');
            this.head = Buffer.from(all); // a copy: `buf` is the reused read buffer
            return undefined;
        }
        this.head = undefined;
        const lines = all.toString('latin1', 0, end).split('\r\n');
        const m = /^HTTP\/1\.([01]) (\d{3})/.exec(lines[0] ?? '');
        if (!m)
            throw socketError(`malformed status line: ${(lines[0] ?? '').slice(0, 80)}`, 'ECONNRESET');
        const status = Number(m[2]);
        // No prototype: a header named like an Object method must not find one.
        const headers = Object.create(null);
        for (let i = 1; i < lines.length; i++) {
            const l = lines[i] ?? '';
            const c = l.indexOf(':');
            if (c <= 0)
                continue;
            const name = l.slice(0, c).trim().toLowerCase();
            const value = l.slice(c + 1).trim();
            headers[name] = name in headers ? `${headers[name]}, ${value}` : value;
        }
        const rest = all.subarray(end + 4);
        if (status >= 100 && status < 200)
            return this.readHead(Buffer.from(rest)); // interim answer: the real one follows
        this.status = status;
        this.headers = headers;
        if (m[1] === '0' || /\bclose\b/i.test(headers.connection ?? ''))
            this.reusable = false;
        if (status === 204 || status === 304)
            this.framing = { kind: 'length', left: 0 };
        else if (/\bchunked\b/i.test(headers['transfer-encoding'] ?? ''))
            this.framing = { kind: 'chunked' };
        else if (headers['content-length'] !== undefined && /^\d+$/.test(headers['content-length']))
            this.framing = { kind: 'length', left: Number(headers['content-length']) };
        else {
            this.framing = { kind: 'close' };
            this.reusable = false;
        }
        this.accepted = this.accept.includes(status);
        if (this.accepted)
            this.sink.start(status, headers, this.resume);
        return rest;
    }
    body(buf) {
        const f = this.framing;
        let more = true;
        if (f.kind === 'length') {
            if (buf.length > f.left) {
                this.reusable = false; // bytes past the body: the connection is out of step
                buf = buf.subarray(0, f.left);
            }
            f.left -= buf.length;
            if (buf.length > 0)
                more = this.deliver(buf);
            if (f.left === 0)
                this.complete();
        }
        else if (f.kind === 'close') {
            if (buf.length > 0)
                more = this.deliver(buf);
        }
        else if (f.kind === 'chunked') {
            more = this.chunked(buf);
        }
        // Once the answer is complete the socket keeps reading: a paused idle socket would stall its next request.
        return more || this.done;
    }
    chunked(buf) {
        let more = true;
        let off = 0;
        while (off < buf.length && !this.done) {
            if (this.chunkLeft > 0) {
                const take = Math.min(this.chunkLeft, buf.length - off);
                more = this.deliver(buf.subarray(off, off + take)) && more;
                this.chunkLeft -= take;
                off += take;
                if (this.chunkLeft === 0)
                    this.chunkLeft = -2; // the CRLF after the data
                continue;
            }
            const nl = buf.indexOf(10, off);
            if (nl < 0) {
                this.line += buf.toString('latin1', off);
                if (this.line.length > 4096)
                    throw socketError('malformed chunked body', 'ECONNRESET');
                break;
            }
            const line = (this.line + buf.toString('latin1', off, nl)).replace(/\r$/, '');
            this.line = '';
            off = nl + 1;
            if (this.chunkLeft === -2) {
                this.chunkLeft = -1;
                continue;
            }
            if (this.trailer) {
                if (line === '')
                    this.complete();
                continue;
            }
            const size = parseInt(line, 16);
            if (!Number.isFinite(size) || size < 0)
                throw socketError('malformed chunked body', 'ECONNRESET');
            if (size === 0)
                this.trailer = true;
            else
                this.chunkLeft = size;
        }
        if (off < buf.length && this.done)
            this.reusable = false;
        return more;
    }
    deliver(chunk) {
        if (this.accepted)
            return this.sink.data(chunk);
        if (this.errorBytes < MAX_ERROR_BODY) {
            this.errorBody.push(Buffer.from(chunk));
            this.errorBytes += chunk.length;
        }
        return true;
    }
    complete() {
        this.done = true;
        if (this.accepted)
            this.finish(undefined, this.status);
        else
            this.finish(undefined, new UnacceptedAnswer(this.status, this.headers, Buffer.concat(this.errorBody).toString('utf8')));
    }
}
/**
 * A lean HTTP/1.1 client for object bodies, the bulk of every hydrate. Each socket reads into one
 * buffer of its own that is reused (net/tls `onread`), and body bytes go straight to the sink:
 * no Buffer per read, no stream objects, no promise per chunk. Against node:http on s3rver, 1 GiB
 * of ranged GETs hashed: 1.5 s client CPU instead of 2.5 s, and peak RSS 58 MB instead of 90-110 MB
 * (node:http allocates 64 KiB per read, which also drives most of the garbage collection). A sink
 * with `room` has the body read straight into its memory (the file writer's buffer, a small
 * object's whole-body buffer): copying each read from the socket's buffer cost ~0.12 s of this
 * thread per 477 MB (profiled). Listing, HEAD and uploads stay on node:http.
 */
class BodyClient {
    opts;
    idle = [];
    waiting = [];
    open = 0;
    closed = false;
    constructor(opts) {
        this.opts = opts;
    }
    /**
     * Sends `GET path` with `headers` and streams the body of an accepted status to `sink`.
     * Resolves with the status, or with UnacceptedAnswer for any other status.
     */
    async get(path, headers, accept, sink) {
        for (;;) {
            const conn = await this.acquire();
            const reused = conn.uses++ > 0;
            try {
                return await this.exchange(conn, path, headers, accept, sink);
            }
            catch (e) {
                // A kept-alive socket the server closed as we reused it: not one byte of an answer came
                // back, so the request was not served. A GET can go again, on another socket, at once.
                if (reused && !conn.answered)
                    continue;
                throw e;
            }
        }
    }
    exchange(conn, path, headers, accept, sink) {
        conn.answered = false;
        return new Promise((resolve, reject) => {
            const settle = (err, answer) => {
                const ex = conn.exchange;
                conn.exchange = undefined;
                conn.fail = undefined;
                if (err !== undefined) {
                    conn.socket.destroy();
                    reject(err);
                    return;
                }
                if (ex?.reusable && !conn.socket.destroyed) {
                    conn.socket.resume();
                    this.release(conn);
                }
                else
                    conn.socket.destroy();
                resolve(answer);
            };
            conn.exchange = new Exchange(accept, sink, () => conn.socket.resume(), settle);
            conn.fail = (err) => settle(err);
            let head = `GET ${path} HTTP/1.1\r\n`;
            for (const [k, v] of Object.entries(headers))
                head += `${k}: ${v}\r\n`;
            conn.socket.write(`${head}\r\n`, 'latin1');
        });
    }
    close() {
        this.closed = true;
        for (const c of this.idle.splice(0))
            c.socket.destroy();
    }
    async acquire() {
        for (;;) {
            const c = this.idle.pop();
            if (!c)
                break;
            if (!c.socket.destroyed && c.socket.readyState === 'open')
                return c;
        }
        if (this.open < this.opts.maxSockets)
            return this.connect();
        return new Promise((resolve) => this.waiting.push(resolve));
    }
    release(conn) {
        const next = this.waiting.shift();
        if (next)
            next(conn);
        else if (this.closed)
            conn.socket.destroy();
        else
            this.idle.push(conn);
    }
    connect() {
        const buffer = Buffer.allocUnsafe(READ_BUFFER);
        const conn = { socket: undefined, uses: 0, answered: false };
        const onread = {
            // Asked for before every read: a body's next bytes go straight into its sink's memory when it has room.
            buffer: () => conn.exchange?.room() ?? buffer,
            callback: (n, buf) => {
                const ex = conn.exchange;
                if (!ex) {
                    conn.socket.destroy(); // bytes nobody asked for: the connection is out of step
                    return false;
                }
                conn.answered = true;
                try {
                    return ex.feed(Buffer.from(buf.buffer, buf.byteOffset, n));
                }
                catch (e) {
                    conn.fail?.(e);
                    return false;
                }
            },
        };
        const { hostname, port } = this.opts;
        conn.socket =
            this.opts.protocol === 'https:'
                ? // tls.connect takes onread too (Node 14.19+/15+), though @types/node does not say so.
                    process.getBuiltinModule('node:tls').connect({ host: hostname, port, servername: node_net__WEBPACK_IMPORTED_MODULE_0__.isIP(hostname) ? undefined : hostname, ALPNProtocols: ['http/1.1'], ...(this.opts.ca ? { ca: this.opts.ca } : {}), onread })
                : node_net__WEBPACK_IMPORTED_MODULE_0__.connect({ host: hostname, port, onread });
        this.open++;
        conn.socket.setNoDelay(true);
        conn.socket.setTimeout(this.opts.timeoutMs, () => {
            conn.socket.destroy(socketError(`no data from ${hostname}:${port} for ${this.opts.timeoutMs} ms`, 'ETIMEDOUT'));
        });
        conn.socket.on('error', (e) => conn.fail?.(e));
        conn.socket.on('close', () => {
            this.open--;
            const i = this.idle.indexOf(conn);
            if (i >= 0)
                this.idle.splice(i, 1);
            if (!conn.exchange?.closed())
                conn.fail?.(socketError(`connection to ${hostname}:${port} closed before the answer ended`, 'ECONNRESET'));
            // A waiter may now open a socket of its own.
            const next = this.closed ? undefined : this.waiting.shift();
            if (next)
                next(this.connect());
        });
        return conn;
    }
}


/***/ }),

/***/ 5900:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Y: () => (/* binding */ compareKeys)
/* harmony export */ });
/**
 * Orders strings the way S3 and R2 order keys in a listing: by their UTF-8 bytes, which is code
 * point order. JavaScript's `<` compares UTF-16 units, which disagrees only where one string has
 * a surrogate (a code point above U+FFFF) and the other a unit in U+E000-U+FFFF at the first
 * difference.
 */
function compareKeys(a, b) {
    if (a === b)
        return 0;
    const n = Math.min(a.length, b.length);
    for (let i = 0; i < n; i++) {
        const x = a.charCodeAt(i);
        const y = b.charCodeAt(i);
        if (x === y)
            continue;
        if (x >= 0xd800 && y >= 0xd800)
            return rank(x) - rank(y);
        return x - y;
    }
    return a.length - b.length;
}
/** Surrogates stand for code points above U+FFFF: they sort after every other unit. */
function rank(unit) {
    return unit <= 0xdfff ? unit + 0x10000 : unit;
}


/***/ }),

/***/ 6200:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ok: () => (/* binding */ listEach),
/* harmony export */   Pt: () => (/* binding */ normalizeEtag),
/* harmony export */   _w: () => (/* binding */ listAll),
/* harmony export */   i0: () => (/* binding */ splitPointsFromPages),
/* harmony export */   ks: () => (/* binding */ listPage),
/* harmony export */   pq: () => (/* binding */ LIST_RANGES_IN_FLIGHT)
/* harmony export */ });
/* unused harmony exports decodeXmlText, parseListPage */
/* harmony import */ var p_limit__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(370);
/* harmony import */ var _key_order_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5900);
/* harmony import */ var _s3_http_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8164);



function normalizeEtag(etag) {
    return (etag ?? '').replace(/^W\//, '').replace(/"/g, '').trim().toLowerCase();
}
const ENTITY = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
/** XML text to string: the five named entities and numeric character references. */
function decodeXmlText(s) {
    if (!s.includes('&'))
        return s;
    return s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-z]+);/g, (m, e) => {
        if (e[0] === '#')
            return String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
        return ENTITY[e] ?? m;
    });
}
function tag(block, name) {
    const open = block.indexOf(`<${name}>`);
    if (open === -1)
        return undefined;
    const start = open + name.length + 2;
    const end = block.indexOf(`</${name}>`, start);
    return end === -1 ? undefined : block.slice(start, end);
}
/**
 * A copy of `s` that does not point into the string it was cut from. V8 keeps a substring of 13+
 * characters as a view of its parent, so one key kept from a listing page keeps the whole page
 * (~330 kB per 1,000 keys; 33 MB at 100,000 objects) alive for the run. The JSON round trip makes a
 * flat copy: ~0.15 µs per key, against 2x the parse time for decoding each field from a Buffer.
 */
function detach(s) {
    return JSON.parse(JSON.stringify(s));
}
/**
 * An ETag as listings carry it, `&quot;<hex>&quot;`, without running the entity decoder on every
 * object (a cold no-op spent 8 ms of its 40 ms after the listing there). Lower-casing makes a fresh
 * string, so the page is not kept alive through it.
 */
function listedEtag(raw) {
    if (raw.startsWith('&quot;') && raw.indexOf('&', 6) === raw.length - 6 && raw.endsWith('&quot;'))
        return normalizeEtag(raw.slice(6, -6));
    return normalizeEtag(decodeXmlText(raw));
}
/**
 * Reads the four fields we need from a ListObjectsV2 page. A scanner, not a DOM: a generic XML
 * parser spent ~160 ms and most of the GC of a 2,824-object no-op sync (profiled), this ~10 ms.
 */
function parseListPage(xml) {
    if (!xml.includes('<ListBucketResult'))
        throw new Error('ListObjectsV2 answer has no ListBucketResult');
    const objects = [];
    let pos = 0;
    for (;;) {
        const open = xml.indexOf('<Contents>', pos);
        if (open === -1)
            break;
        const close = xml.indexOf('</Contents>', open);
        if (close === -1)
            throw new Error('ListObjectsV2 answer is cut short');
        const block = xml.slice(open + 10, close);
        pos = close + 11;
        objects.push({
            key: detach(decodeXmlText(tag(block, 'Key') ?? '')),
            size: Number(tag(block, 'Size') ?? 0),
            etag: listedEtag(tag(block, 'ETag') ?? ''),
            lastModified: detach(tag(block, 'LastModified') ?? ''),
        });
    }
    // Only the top-level flags, which come after every Contents element.
    const tail = xml.slice(pos);
    const truncated = (tag(tail, 'IsTruncated') ?? tag(xml, 'IsTruncated')) === 'true';
    const token = tag(tail, 'NextContinuationToken') ?? tag(xml, 'NextContinuationToken');
    if (truncated && !token)
        throw new Error('ListObjectsV2 answer is truncated but has no continuation token');
    return { objects, nextToken: truncated ? decodeXmlText(token) : undefined };
}
/**
 * Split points for listing one prefix in parallel, about every `perSegment` keys: from the pages of
 * the last listing (their last keys and counts, in any order: ranges arrive interleaved), so a
 * hydrate keeps no key per object to learn them. Empty when one page would do. Pages of one key each
 * give exactly every `perSegment`-th key.
 */
function splitPointsFromPages(pages, perSegment = 1000) {
    const all = [...pages].filter((p) => p.count > 0).sort((a, b) => (0,_key_order_js__WEBPACK_IMPORTED_MODULE_1__/* .compareKeys */ .Y)(a.last, b.last));
    const out = [];
    let seen = 0;
    let next = perSegment;
    // The last page's end is the end of the listing: nothing to split there.
    for (let i = 0; i < all.length - 1; i++) {
        seen += all[i].count;
        if (seen < next)
            continue;
        out.push(all[i].last);
        next = seen + perSegment;
    }
    return out;
}
/** One page of a listing under `prefix` (ListObjectsV2): from the continuation token, else after `after`. */
async function listPage(http, prefix, opts) {
    const query = { 'list-type': '2', prefix, 'max-keys': String(opts.maxKeys) };
    if (opts.token)
        query['continuation-token'] = opts.token;
    else if (opts.after !== undefined)
        query['start-after'] = opts.after;
    return http.call('GET', undefined, `list s3://${http.store.bucket}/${prefix}`, { query, retry: opts.retry }, async (res) => parseListPage(await (0,_s3_http_js__WEBPACK_IMPORTED_MODULE_0__/* .readText */ .yR)(res.body)));
}
/** The keys in (after, upTo] under `prefix`, page by page; `undefined` bounds are open. */
async function listSegment(http, prefix, after, upTo, maxKeys, onPage, firstPageRetry) {
    let token;
    for (;;) {
        const page = await listPage(http, prefix, { maxKeys, token, after, retry: token ? undefined : firstPageRetry });
        let objects = page.objects;
        let reachedBound = false;
        if (upTo !== undefined) {
            let n = objects.length;
            while (n > 0 && (0,_key_order_js__WEBPACK_IMPORTED_MODULE_1__/* .compareKeys */ .Y)(objects[n - 1].key, upTo) > 0)
                n--;
            reachedBound = n < objects.length || (n > 0 && objects[n - 1].key === upTo);
            if (n < objects.length)
                objects = objects.slice(0, n);
        }
        const room = onPage(objects);
        token = page.nextToken;
        if (!token || reachedBound)
            return;
        if (room)
            await room;
    }
}
/** Split points in key order, each once: ranges between unordered or repeated points would overlap (a hand-edited hints file). */
function rangeBounds(splitAfter) {
    return [...new Set(splitAfter ?? [])].sort(_key_order_js__WEBPACK_IMPORTED_MODULE_1__/* .compareKeys */ .Y);
}
/**
 * Ranges of one listing requested at a time. Unbounded, a 300,000-object folder (300 ranges) had
 * every page in flight and in memory at once; 32 pages of ~100 ms each still keep up with the
 * ~5 ms of planning each page costs.
 */
const LIST_RANGES_IN_FLIGHT = 32;
/**
 * Every object under `prefix`, recursively (no delimiter: s3rver drops deep folders with one,
 * and a sync wants every key anyway), handed to `onPage` a page at a time and not kept: a folder
 * of 100,000 objects costs the memory of the pages the consumer has not finished. 1,000 keys per
 * Class A request. With `splitAfter` (keys, e.g. from `splitPointsFromPages` over last run's pages)
 * the ranges between them are listed at the same time, each from `start-after`: a folder of 100k
 * objects takes the time of a few pages instead of 100 in a row. The ranges partition the key
 * space, so the result is exact whatever changed since; stale split points only cost balance. Pages
 * arrive in key order within a range, in no particular order across ranges.
 */
async function listEach(http, prefix, onPage, opts = {}) {
    const maxKeys = opts.maxKeys ?? 1000;
    const bounds = rangeBounds(opts.splitAfter);
    const ranges = (0,p_limit__WEBPACK_IMPORTED_MODULE_2__/* ["default"] */ .A)(opts.rangesInFlight ?? LIST_RANGES_IN_FLIGHT);
    await Promise.all([undefined, ...bounds].map((after, i) => ranges(() => listSegment(http, prefix, after, bounds[i], maxKeys, onPage, opts.firstPageRetry))));
}
/** Every object under `prefix`, in listing order (see `listEach`). */
async function listAll(http, prefix, opts = {}) {
    const pages = [];
    await listEach(http, prefix, (objects) => {
        if (objects.length)
            pages.push(objects);
    }, opts);
    // Pages of parallel ranges arrive interleaved; they never overlap, so their first keys order them.
    if (opts.splitAfter?.length)
        pages.sort((a, b) => (0,_key_order_js__WEBPACK_IMPORTED_MODULE_1__/* .compareKeys */ .Y)(a[0].key, b[0].key));
    return pages.flat();
}


/***/ }),

/***/ 1480:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Dg: () => (/* binding */ S3Error),
/* harmony export */   PS: () => (/* binding */ isRetryableStatus),
/* harmony export */   bo: () => (/* binding */ s3ErrorFrom)
/* harmony export */ });
/* unused harmony export parseS3ErrorBody */
/** An error answer from the object store, with the S3 error code when the body had one. */
class S3Error extends Error {
    status;
    code;
    key;
    name = 'S3Error';
    constructor(status, code, message, key) {
        super(message);
        this.status = status;
        this.code = code;
        this.key = key;
    }
}
/** Reads `<Code>` and `<Message>` from an S3 XML error body (empty for HEAD answers). */
function parseS3ErrorBody(body) {
    const code = /<Code>([^<]*)<\/Code>/.exec(body)?.[1];
    const message = /<Message>([^<]*)<\/Message>/.exec(body)?.[1];
    return { code, message };
}
const STATUS_CODES = {
    301: 'PermanentRedirect',
    304: 'NotModified',
    400: 'BadRequest',
    401: 'Unauthorized',
    403: 'AccessDenied',
    404: 'NotFound',
    412: 'PreconditionFailed',
    416: 'InvalidRange',
};
function s3ErrorFrom(status, body, what, key) {
    const parsed = parseS3ErrorBody(body);
    const code = parsed.code ?? STATUS_CODES[status] ?? `HTTP${status}`;
    const detail = parsed.message ? `: ${parsed.message}` : '';
    return new S3Error(status, code, `${what} failed with ${status} ${code}${detail}`, key);
}
/** Retry only what a later attempt can fix: throttling and server faults. */
function isRetryableStatus(status) {
    return status === 429 || status === 500 || status === 502 || status === 503 || status === 504;
}


/***/ }),

/***/ 8164:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  VF: () => (/* binding */ S3Http),
  xC: () => (/* binding */ encodeKeyPath),
  wx: () => (/* binding */ header),
  yR: () => (/* binding */ readText)
});

// UNUSED EXPORTS: release, socketHost

// EXTERNAL MODULE: external "node:http"
var external_node_http_ = __webpack_require__(7067);
// EXTERNAL MODULE: ./lib/s3/body-client.js
var body_client = __webpack_require__(7362);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
;// CONCATENATED MODULE: ./lib/s3/sigv4.js

/** RFC 3986 encoding, as SigV4 canonicalises query strings. */
function encodeRfc3986(s) {
    return encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}
/** Headers a proxy may change on the way: never signed (the SDK's list). */
const UNSIGNABLE = new Set(['authorization', 'cache-control', 'connection', 'expect', 'from', 'keep-alive', 'max-forwards', 'pragma', 'referer', 'te', 'trailer', 'transfer-encoding', 'upgrade', 'user-agent', 'x-amzn-trace-id']);
const hmac = (key, data) => (0,external_node_crypto_.createHmac)('sha256', key).update(data).digest();
class SigV4Signer {
    creds;
    region;
    service;
    keyDate = '';
    key = Buffer.alloc(0);
    constructor(creds, region, service = 's3') {
        this.creds = creds;
        this.region = region;
        this.service = service;
    }
    /** The signing key of one day, derived once per day rather than per request. */
    signingKey(date) {
        if (date !== this.keyDate) {
            this.key = hmac(hmac(hmac(hmac(`AWS4${this.creds.secretAccessKey}`, date), this.region), this.service), 'aws4_request');
            this.keyDate = date;
        }
        return this.key;
    }
    /** The headers to send: the given ones plus host, x-amz-date, the session token and Authorization. */
    sign(req, now = new Date()) {
        const amzDate = now.toISOString().replace(/[:-]|\.\d{3}/g, '');
        const date = amzDate.slice(0, 8);
        const headers = { ...req.headers, host: req.host, 'x-amz-date': amzDate };
        // A session token is a header like any x-amz-*: added before signing, so it is signed.
        if (this.creds.sessionToken)
            headers['x-amz-security-token'] = this.creds.sessionToken;
        const names = Object.keys(headers)
            .map((n) => n.toLowerCase())
            .filter((n) => !UNSIGNABLE.has(n))
            .sort();
        const lower = {};
        for (const [k, v] of Object.entries(headers))
            lower[k.toLowerCase()] = v;
        const canonicalHeaders = names.map((n) => `${n}:${String(lower[n]).trim().replace(/\s+/g, ' ')}\n`).join('');
        const canonicalQuery = Object.keys(req.query)
            .sort()
            .map((k) => `${encodeRfc3986(k)}=${encodeRfc3986(req.query[k] ?? '')}`)
            .join('&');
        const signedHeaders = names.join(';');
        const canonical = [req.method, req.path, canonicalQuery, canonicalHeaders, signedHeaders, lower['x-amz-content-sha256'] ?? 'UNSIGNED-PAYLOAD'].join('\n');
        const scope = `${date}/${this.region}/${this.service}/aws4_request`;
        const toSign = `AWS4-HMAC-SHA256\n${amzDate}\n${scope}\n${(0,external_node_crypto_.createHash)('sha256').update(canonical).digest('hex')}`;
        const signature = (0,external_node_crypto_.createHmac)('sha256', this.signingKey(date)).update(toSign).digest('hex');
        headers.authorization = `AWS4-HMAC-SHA256 Credential=${this.creds.accessKeyId}/${scope}, SignedHeaders=${signedHeaders}, Signature=${signature}`;
        return headers;
    }
}

// EXTERNAL MODULE: ./lib/net/retry.js
var retry = __webpack_require__(6705);
// EXTERNAL MODULE: ./lib/s3/s3-errors.js
var s3_errors = __webpack_require__(1480);
;// CONCATENATED MODULE: ./lib/s3/s3-http.js





/** SHA-256 of the empty body: the payload hash of every request we send without a body. */
const EMPTY_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';
function encodeKeyPath(key) {
    return key.split('/').map(encodeRfc3986).join('/');
}
/** The host to open a socket to: a URL keeps an IPv6 literal in brackets ([::1]), sockets want it bare. */
function socketHost(u) {
    return u.hostname.replace(/^\[(.*)\]$/, '$1');
}
/** The error for an answer the caller did not accept: throttling and 5xx are transient (retried), the rest an S3Error. */
function answerError(status, text, what, key) {
    const err = (0,s3_errors/* s3ErrorFrom */.bo)(status, text, what, key);
    return (0,s3_errors/* isRetryableStatus */.PS)(status) ? new retry/* TransientError */.N_(err.message) : err;
}
/** The whole body as text (error documents, listings: small). */
async function readText(body) {
    const chunks = [];
    for await (const c of body)
        chunks.push(c);
    return Buffer.concat(chunks).toString('utf8');
}
/**
 * Frees an answer's socket: drains what is left (nothing, after a HEAD or a body read whole) so the
 * connection is reused; a body abandoned mid-stream is destroyed. Never leaves an unread body,
 * which would pin a socket for good.
 */
async function release(res) {
    res.body.on('error', () => undefined);
    if (res.body.destroyed || res.body.readableEnded)
        return;
    res.body.resume();
}
function header(res, name) {
    const v = res.headers[name];
    return Array.isArray(v) ? v[0] : v;
}
/**
 * The hot path to an S3-compatible store: SigV4 by our own small signer (sigv4.ts); object bodies through
 * the lean BodyClient (`getBody`), everything else through node:http(s) with keep-alive sockets.
 * Measured on s3rver, 1,000 GETs of 16 KiB: 0.6-0.7 ms client CPU per object through node:http,
 * against 2.3 ms through the full SDK stack and 0.8-0.9 ms through undici (which also costs
 * ~100 ms to load); the BodyClient matches node:http on small objects and halves the CPU per
 * byte on large ones.
 */
class S3Http {
    store;
    opts;
    agent;
    bodies;
    transport;
    timeoutMs;
    port;
    signer;
    origin;
    basePath;
    /** host[:port], as signed and sent in the Host header. */
    host;
    hostname;
    protocol;
    retryPolicy;
    constructor(store, opts) {
        this.store = store;
        this.opts = opts;
        const u = new URL(store.endpoint);
        this.origin = u.origin;
        this.host = u.host;
        this.hostname = socketHost(u);
        this.protocol = u.protocol === 'https:' ? 'https:' : 'http:';
        this.basePath = u.pathname.replace(/\/+$/, '');
        this.timeoutMs = opts.timeoutMs ?? 60_000;
        this.port = u.port ? Number(u.port) : undefined;
        // https (and tls) load only for an https endpoint: ~1.5 ms of start a plain-http no-op does not pay.
        const secure = this.protocol === 'https:' ? process.getBuiltinModule('node:https') : undefined;
        this.transport = secure ?? external_node_http_;
        const agentOpts = { keepAlive: true, maxSockets: opts.connections, maxFreeSockets: opts.connections, scheduling: 'lifo' };
        this.agent = secure ? new secure.Agent(agentOpts) : new external_node_http_.Agent(agentOpts);
        this.bodies = new body_client/* BodyClient */.eH({
            protocol: this.protocol,
            hostname: this.hostname,
            port: this.port ?? (this.protocol === 'https:' ? 443 : 80),
            maxSockets: opts.connections,
            timeoutMs: this.timeoutMs,
        });
        // A session token becomes the X-Amz-Security-Token header, added before signing and so signed.
        this.signer = new SigV4Signer({ accessKeyId: store.accessKeyId, secretAccessKey: store.secretAccessKey, sessionToken: store.sessionToken }, store.region);
        this.retryPolicy = opts.retry ?? retry/* DEFAULT_RETRY */.vI;
    }
    path(key) {
        return `${this.basePath}/${this.store.bucket}${key === undefined ? '' : `/${encodeKeyPath(key)}`}`;
    }
    async sign(method, path, query, headers, unsignedBody) {
        // A body is sent unsigned: Content-MD5 (checked by the store) covers its integrity for less CPU than SHA-256.
        return { headers: this.signer.sign({ method, host: this.host, path, query, headers: { 'x-amz-content-sha256': unsignedBody ? 'UNSIGNED-PAYLOAD' : EMPTY_SHA256, ...(headers ?? {}) } }) };
    }
    /**
     * One signed GET whose body streams to `sink` through the lean body client (the data path of
     * downloads). Statuses in `accept` go to the sink; the others become errors as in `send`.
     * No retry here: the caller retries with a fresh sink.
     */
    async getBody(key, what, opts, sink) {
        const path = this.path(key);
        const signed = await this.sign('GET', path, {}, opts.headers, false);
        const answer = await this.bodies.get(path, signed.headers, opts.accept ?? [200, 206], sink);
        if (!(answer instanceof body_client/* UnacceptedAnswer */.tU))
            return answer;
        throw answerError(answer.status, answer.text, what, key);
    }
    /**
     * One signed request. Statuses in `accept` come back to the caller; throttling and 5xx become
     * TransientError (for withRetry); anything else becomes an S3Error with the store's code.
     * The body of every answer that is not returned is consumed, so no socket is left hanging.
     */
    async send(method, key, what, opts = {}) {
        const query = opts.query ?? {};
        const path = this.path(key);
        const signed = await this.sign(method, path, query, opts.headers, opts.body !== undefined);
        const qs = Object.keys(query)
            .sort()
            .map((k) => `${encodeRfc3986(k)}=${encodeRfc3986(query[k] ?? '')}`)
            .join('&');
        const res = await new Promise((resolve, reject) => {
            const req = this.transport.request({ hostname: this.hostname, port: this.port, path: qs ? `${path}?${qs}` : path, method, headers: signed.headers, agent: this.agent }, resolve);
            // Socket inactivity, while waiting for headers and between body chunks: drop and retry.
            req.setTimeout(this.timeoutMs, () => {
                req.destroy(Object.assign(new Error(`no data from ${this.origin} for ${this.timeoutMs} ms`), { code: 'ETIMEDOUT' }));
            });
            req.on('error', reject);
            if (typeof opts.body === 'function') {
                const src = opts.body();
                src.on('error', (e) => req.destroy(e));
                src.pipe(req);
            }
            else
                req.end(opts.body);
        });
        const accept = opts.accept ?? [200, 206];
        const status = res.statusCode ?? 0;
        if (accept.includes(status))
            return { status, headers: res.headers, body: res };
        const text = method === 'HEAD' ? '' : await readText(res).catch(() => '');
        if (method === 'HEAD')
            await release({ body: res });
        throw answerError(status, text, what, key);
    }
    /** `send` with the retry policy around it, for requests whose answer is read whole by `read`. */
    async call(method, key, what, opts, read) {
        return (0,retry/* withRetry */.bD)(what, async () => {
            const res = await this.send(method, key, what, opts);
            try {
                return await read(res);
            }
            finally {
                await release(res);
            }
        }, opts.retry ?? this.retryPolicy, this.opts.onRetry);
    }
    async close() {
        this.agent.destroy();
        this.bodies.close();
    }
}


/***/ }),

/***/ 1275:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   FE: () => (/* binding */ DEFAULT_LOGS_PREFIX),
/* harmony export */   Nf: () => (/* binding */ DEFAULT_PREFIX),
/* harmony export */   RQ: () => (/* binding */ BACKLOG_HIGH),
/* harmony export */   WH: () => (/* binding */ DEFAULT_CONCURRENCY),
/* harmony export */   hg: () => (/* binding */ DEFAULT_BUCKET),
/* harmony export */   nc: () => (/* binding */ DEFAULT_DIRS),
/* harmony export */   sL: () => (/* binding */ SMALL_MAX_IN_FLIGHT),
/* harmony export */   t9: () => (/* binding */ DEFAULT_LOG_DIR)
/* harmony export */ });
const DEFAULT_DIRS = ['trainingdata', 'trainingdatadaily', 'trainingdatahourly', 'compiled_models', 'hyperparams'];
const DEFAULT_BUCKET = 'models';
const DEFAULT_PREFIX = 'stock/';
const DEFAULT_LOG_DIR = 'marketsimulator/run_logs';
const DEFAULT_LOGS_PREFIX = 'marketsimulator/logs/';
const DEFAULT_CONCURRENCY = 32;
/** The most small-object GETs in flight when adapting to latency (s5cmd defaults to 256 workers). */
const SMALL_MAX_IN_FLIGHT = 256;
/**
 * Listed objects waiting to start beyond which a hydrate's listing stops paging ahead (resuming at
 * half): ten pages. Memory then stays flat in the folder's size, and a page (~100 ms from a GPU host)
 * arrives long before 5,000 waiting objects run out (256 in flight at 40 ms: ~0.8 s of work).
 */
const BACKLOG_HIGH = 10_000;


/***/ })

};
